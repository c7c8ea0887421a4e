//! The `talks` binary: terminal set-up and the event loop. Everything else is in the library.

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::{Arc, mpsc};

use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;
use talks::app::{Action, App, Effect, Options, update};
use talks::cli::Cli;
use talks::commands;
use talks::config::Settings;
use talks::model::{LoadError, Loaded};
use talks::search::{SearchDone, SearchEngine, SearchWorker};
use talks::terminal::{
    StopSignal, TerminalGuard, forward_stop_signals, suspend, take_terminal_again,
};
use talks::ui::{Screen, hit_test};

mod startup;
use startup::Source;

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    if let Some(max) = cli.max_size {
        talks::model::set_max_file_bytes(max);
    }
    if let Some(command) = cli.command {
        return commands::run(command);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = cli.config.clone().or_else(talks::config::default_path);
    let settings = talks::config::load(config_path.as_deref(), cli.config.is_some(), no_color);
    let dossier = cli.dossier.clone().or_else(|| settings.dossier.clone());
    let terminal = io::stdout().is_terminal() && io::stdin().is_terminal();
    let source = match startup::source(dossier.as_deref(), terminal) {
        Ok(source) => source,
        Err(code) => return code,
    };
    if !terminal {
        eprintln!(
            "talks: the explorer needs a terminal. To print data instead, use `talks list`, \
             `talks show ID` or `talks search QUERY` (see `talks --help`)."
        );
        return ExitCode::from(commands::EXIT_BAD_INPUT);
    }
    let notes = talks::notes::file::open(dossier.as_deref());
    let (settings, watched) = startup::with_the_command_line(settings, &cli, dossier);
    match explore(source, watched, settings, notes) {
        Ok(Outcome::Quit) => ExitCode::SUCCESS,
        Ok(Outcome::NotLoaded(err)) => commands::report_load_error(&err),
        Err(err) => {
            eprintln!("talks: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// How the explorer ended.
enum Outcome {
    Quit,
    NotLoaded(LoadError),
}

pub(crate) type Ready = (Loaded, Arc<SearchEngine>);

/// What wakes the event loop: the terminal, a reload of the watched dossier, a finished
/// search, or the end of loading.
pub(crate) enum Wake {
    Terminal(io::Result<Event>),
    Reload(Action),
    Search(Box<SearchDone>),
    Loaded(Box<Result<Ready, LoadError>>),
    /// SIGTSTP or SIGCONT from outside.
    Stop(StopSignal),
}

fn explore(
    source: Source,
    watched: Option<std::path::PathBuf>,
    settings: Settings,
    notes: talks::notes::file::Opened,
) -> io::Result<Outcome> {
    let mut guard = TerminalGuard::enter()?;
    let (wake, woken) = mpsc::channel();
    read_terminal_events(wake.clone());
    let stops = wake.clone();
    forward_stop_signals(move |signal| {
        let _ = stops.send(Wake::Stop(signal));
    })?;
    let ready = match source {
        Source::Ready(ready) => *ready,
        Source::Loading { name, pending } => {
            let forward = wake.clone();
            std::thread::spawn(move || {
                if let Ok(ready) = pending.recv() {
                    let _ = forward.send(Wake::Loaded(Box::new(ready)));
                }
            });
            match startup::load_behind_a_frame(&mut guard, &woken, &name, &settings.theme)? {
                Some(Ok(ready)) => ready,
                Some(Err(err)) => return Ok(Outcome::NotLoaded(err)),
                None => return Ok(Outcome::Quit),
            }
        }
    };
    let mut notices = settings.problems.clone();
    let watcher = watched.and_then(|path| match watch_file(&path, wake.clone()) {
        Ok(watcher) => Some(watcher),
        Err(why) => {
            notices.push(format!("Not watching the file: {why}"));
            None
        }
    });
    let (history, history_file) = talks::history_file::open(settings.history, &mut notices);
    // The size now: the terminal may have been resized while a large file loaded.
    let size = guard.terminal.size()?;
    let options = Options {
        width: size.width,
        height: size.height,
        background_search: true,
        notices,
        history,
        history_file,
        watched: watcher.is_some(),
        export_width: Some(settings.export_width),
        notes,
    };
    let (loaded, engine) = ready;
    let app = App::with_engine(loaded, engine, options);
    let found = wake.clone();
    let searcher = SearchWorker::start(move |done| {
        let _ = found.send(Wake::Search(Box::new(done)));
    });
    run(&mut guard, app, &woken, &searcher, &settings)?;
    Ok(Outcome::Quit)
}

/// Reads terminal events on their own thread: it blocks on input, so no tick and no CPU
/// while idle.
fn read_terminal_events(wake: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if wake.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
}

/// Watches the dossier file; each reload, good or bad, wakes the loop.
fn watch_file(
    path: &std::path::Path,
    wake: mpsc::Sender<Wake>,
) -> Result<talks::watch::Watcher, String> {
    let on_reload = move |result| {
        // The watcher's thread builds the search engine too, not the UI thread.
        let reload = talks::app::Reload::prepared(result);
        let _ = wake.send(Wake::Reload(Action::Reloaded(reload)));
    };
    talks::watch::watch(path, on_reload)
}

/// The event loop: draw, wait for something to happen, update, carry out the effects.
fn run(
    guard: &mut TerminalGuard,
    mut app: App,
    woken: &mpsc::Receiver<Wake>,
    searcher: &SearchWorker,
    settings: &Settings,
) -> io::Result<()> {
    let (theme, keymap) = (&settings.theme, &settings.keymap);
    let mut redraw = true;
    while !app.should_quit() {
        if redraw {
            guard.terminal.draw(|frame| {
                let screen = Screen {
                    app: &app,
                    theme,
                    keymap,
                };
                frame.render_widget(&screen, frame.area())
            })?;
        }
        // A key press is applied here: it may stand for two (Esc then a key, sent as one
        // Alt-key), the second read in the state the first left.
        let mut pressed = false;
        let action = match woken.recv() {
            Ok(Wake::Terminal(event)) => {
                let event = event?;
                panic_if_asked(&event);
                match event {
                    Event::Key(key) => {
                        let context = |app: &App| (app.mode(), app.focus(), app.page());
                        pressed = talks::keymap::dispatch(keymap, &mut app, &key, context, update);
                        None
                    }
                    event => to_action(&app, event),
                }
            }
            Ok(Wake::Reload(action)) => Some(action),
            Ok(Wake::Search(done)) => Some(Action::SearchFinished(done)),
            Ok(Wake::Loaded(_)) => None,
            // Stopped from outside: as Ctrl-Z.
            Ok(Wake::Stop(StopSignal::Stop)) => Some(Action::Suspend),
            // Continued after a stop talks could not catch (SIGSTOP): the shell may have
            // changed the terminal meanwhile.
            Ok(Wake::Stop(StopSignal::Continue)) => {
                take_terminal_again(guard)?;
                let size = guard.terminal.size()?;
                Some(Action::Resize(size.width, size.height))
            }
            Err(_) => break,
        };
        redraw = pressed || action.is_some();
        if let Some(action) = action {
            update(&mut app, action);
        }
        // An open overlay scrolls no further than its end at this size (after a key press
        // as after any other change).
        if let Some(limit) = redraw
            .then(|| talks::ui::overlay_scroll_limit(&app, keymap))
            .flatten()
        {
            update(&mut app, Action::OverlayLimit(limit));
        }
        redraw |= carry_out_effects(guard, &mut app, searcher, settings)?;
    }
    Ok(())
}

/// Carries out the effects `update` asked for, and those their outcomes ask for; `true`
/// after a suspend (the screen must be drawn whole again).
fn carry_out_effects(
    guard: &mut TerminalGuard,
    app: &mut App,
    searcher: &SearchWorker,
    settings: &Settings,
) -> io::Result<bool> {
    let mut suspended = false;
    while !app.effects().is_empty() {
        for effect in app.take_effects() {
            let outcome = if effect == Effect::Suspend {
                suspend(guard)?;
                suspended = true;
                // The terminal may have been resized while talks was stopped.
                let size = guard.terminal.size()?;
                Some(Action::Resize(size.width, size.height))
            } else {
                let backend = guard.terminal.backend_mut();
                let copy_command = settings.copy_command.as_deref();
                talks::effects::perform(app, effect, backend, searcher, copy_command)
            };
            if let Some(outcome) = outcome {
                update(app, outcome);
            }
        }
    }
    Ok(suspended)
}

/// Debug builds only: with `TALKS_TEST_PANIC` set, the first key press panics, so tests
/// can check that a panic restores the terminal. Release builds do not contain this.
#[cfg(debug_assertions)]
#[expect(clippy::panic, reason = "the tests of panic handling need a panic")]
fn panic_if_asked(event: &Event) {
    if matches!(event, Event::Key(_)) && std::env::var_os("TALKS_TEST_PANIC").is_some() {
        panic!("deliberate panic for testing (TALKS_TEST_PANIC is set)");
    }
}

#[cfg(not(debug_assertions))]
fn panic_if_asked(_event: &Event) {}

/// What a terminal event other than a key press asks of the explorer.
fn to_action(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Mouse(mouse) => {
            let (width, height) = app.size();
            let area = Rect::new(0, 0, width, height);
            let target = hit_test(app, area, mouse.column, mouse.row)?;
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click(target)),
                MouseEventKind::ScrollDown => Some(Action::Scroll(target, 3)),
                MouseEventKind::ScrollUp => Some(Action::Scroll(target, -3)),
                _ => None,
            }
        }
        _ => None,
    }
}
