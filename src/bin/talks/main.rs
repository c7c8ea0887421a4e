//! The `talks` binary: a subcommand handed to `commands::run`, else terminal set-up and
//! the explorer's event loop (`effects.rs` carries out what `update` asks for; loading
//! and the editor in `startup.rs` and `handover.rs`). Everything else is in the library.

use std::io::{self, IsTerminal};
use std::process::ExitCode;
use std::sync::{Arc, mpsc};

use crossterm::event::{Event, MouseButton, MouseEventKind};
use ratatui::layout::Rect;
use talks::app::{Action, App, Options, update};
use talks::cli::Cli;
use talks::commands;
use talks::config::Settings;
use talks::model::{LoadError, Loaded};
use talks::open::{EXIT_BAD_INPUT, report_load_error};
use talks::search::{SearchDone, SearchEngine, SearchWorker};
use talks::terminal::{StopSignal, TerminalGuard, forward_stop_signals, take_terminal_again};
use talks::ui::{Screen, hit_test};

mod effects;
mod handover;
mod seen;
mod startup;
mod watching;
use handover::Reader;
use startup::Source;

fn main() -> ExitCode {
    let cli = Cli::parse_checked();
    if let Some(max) = cli.max_size {
        talks::model::set_max_file_bytes(max);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = cli.config.clone().or_else(talks::config::default_path);
    let settings = talks::config::load(config_path.as_deref(), cli.config.is_some(), no_color);
    startup::use_cache(&cli, &settings);
    if let Some(command) = cli.command {
        return commands::run(command);
    }
    let dossier = cli.dossier.clone().or_else(|| settings.dossier.clone());
    let terminal = io::stdout().is_terminal() && io::stdin().is_terminal();
    let source = match startup::source(dossier.as_deref(), terminal) {
        Ok(source) => source,
        Err(code) => return code,
    };
    let since = match seen::asked(cli.since.as_deref(), dossier.as_deref(), settings.since) {
        Ok(asked) => asked,
        Err(code) => return code,
    };
    if !terminal && dossier.as_deref().is_some_and(|d| d.as_os_str() == "-") {
        talks::say!(
            "talks: the explorer reads its keys from the terminal, so it cannot read the dossier \
             from standard input: save it to a file (`talks FILE`), or use a command \
             (`talks validate -`, `talks list events -d -`)."
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    if !terminal {
        talks::say!(
            "talks: the explorer needs a terminal. To print data instead, use `talks list`, \
             `talks show ID` or `talks search QUERY` (see `talks --help`)."
        );
        return ExitCode::from(EXIT_BAD_INPUT);
    }
    let file = dossier.clone();
    let (settings, watched) = startup::with_the_command_line(settings, &cli, dossier);
    let outcome = explore(
        source,
        Files {
            file,
            watched,
            since,
        },
        settings,
    );
    // The terminal is the user's again; a cache file still being written is finished.
    talks::open::finish_writes();
    match outcome {
        Ok(Outcome::Quit(place_not_kept)) => {
            if let Some(why) = place_not_kept {
                talks::say!(
                    "talks: where you were in the dossier was not kept for next time: {why}"
                );
            }
            ExitCode::SUCCESS
        }
        Ok(Outcome::NotLoaded(err)) => report_load_error(&err),
        Err(err) => {
            talks::say!("talks: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// How the explorer ended.
enum Outcome {
    /// With why the reader's place could not be kept, said once the terminal is restored.
    Quit(Option<String>),
    NotLoaded(LoadError),
}

pub(crate) type Ready = (Loaded, Arc<SearchEngine>);

/// What wakes the event loop: the terminal, a reload of the watched dossier, a finished
/// search, or the end of loading.
pub(crate) enum Wake {
    Terminal(io::Result<Event>),
    /// A reload from watching the file, with the file as it was read.
    Watched(Action, talks::watch::Seen),
    Search(Box<SearchDone>),
    Loaded(Box<Result<Ready, LoadError>>),
    /// SIGTSTP or SIGCONT from outside.
    Stop(StopSignal),
}

/// The dossier's file (`None`: the built-in one) and the file watched, if any.
struct Files {
    file: Option<std::path::PathBuf>,
    watched: Option<std::path::PathBuf>,
    /// What to compare with (`--since`, or the snapshot of "since you last looked").
    since: seen::Asked,
}

/// What the event loop works with besides the terminal and the state.
pub(crate) struct Loop<'a> {
    woken: &'a mpsc::Receiver<Wake>,
    /// For a watch started later (a copy of the built-in dossier written from `o`).
    pub(crate) wake: mpsc::Sender<Wake>,
    pub(crate) watcher: std::cell::RefCell<Option<talks::watch::Watcher>>,
    /// The file as last read into the explorer: watching it again reloads it at once
    /// when it changed meanwhile.
    pub(crate) last_seen: std::cell::RefCell<Option<talks::watch::Seen>>,
    pub(crate) searcher: &'a SearchWorker,
    pub(crate) settings: &'a Settings,
    pub(crate) reader: &'a Reader,
    /// Where this dossier's place is kept (written on quit and on Ctrl-Z).
    pub(crate) resume: Option<talks::resume::Resume>,
}

fn explore(source: Source, files: Files, settings: Settings) -> io::Result<Outcome> {
    let mut guard = TerminalGuard::enter()?;
    let (wake, woken) = mpsc::channel();
    let reader = Reader::start(wake.clone())?;
    let stops = wake.clone();
    forward_stop_signals(move |signal| {
        let _ = stops.send(Wake::Stop(signal));
    })?;
    let ready = match source {
        Source::Ready(ready) => *ready,
        Source::Loading { name, pending } => {
            match ready_behind_a_frame(&mut guard, (&wake, &woken), (&name, pending), &settings)? {
                Some(Ok(ready)) => ready,
                Some(Err(err)) => return Ok(Outcome::NotLoaded(err)),
                None => return Ok(Outcome::Quit(None)),
            }
        }
    };
    let mut notices = settings.problems.clone();
    notices.extend(talks::open::take_notices());
    let watcher = files
        .watched
        .and_then(|path| watching::watch_or_say(&path, &wake, &mut notices));
    let last_seen = files.file.as_deref().map(talks::watch::Seen::of);
    let (history, query_history_file) =
        talks::query_history::open(settings.query_history, files.file.as_deref(), &mut notices);
    let (since, seen) = seen::resolve(files.since, files.file.as_deref(), &ready.0, &mut notices);
    let (place, resume) = talks::resume::open(files.file.as_deref());
    // The size now: the terminal may have been resized while a large file loaded.
    let size = guard.terminal.size()?;
    let options = Options {
        width: size.width,
        height: size.height,
        background_search: true,
        notices,
        config_problems: settings.config_problems > 0,
        history,
        query_history_file,
        watched: watcher.is_some(),
        editor_said: handover::editor_said(),
        place,
        export_width: Some(settings.export_width),
        csv_bom: settings.csv_bom,
        hyperlinks: settings
            .hyperlinks
            .on(std::env::var("TERM").ok().as_deref()),
        citation_styles: settings.citation_styles.clone(),
        file: files.file.clone(),
        since,
        seen,
        notes: talks::notes::file::open(files.file.as_deref()),
    };
    let (loaded, engine) = ready;
    let app = App::with_engine(loaded, engine, options);
    let found = wake.clone();
    let searcher = SearchWorker::start(move |done| {
        let _ = found.send(Wake::Search(Box::new(done)));
    });
    let context = Loop {
        woken: &woken,
        wake,
        watcher: std::cell::RefCell::new(watcher),
        last_seen: std::cell::RefCell::new(last_seen),
        searcher: &searcher,
        settings: &settings,
        reader: &reader,
        resume,
    };
    let place_not_kept = run(&mut guard, app, &context)?;
    Ok(Outcome::Quit(place_not_kept))
}

/// The dossier still loading, forwarded to the loop's channel when ready, while a loading
/// frame is drawn; `None` when the user quit first.
fn ready_behind_a_frame(
    guard: &mut TerminalGuard,
    (wake, woken): (&mpsc::Sender<Wake>, &mpsc::Receiver<Wake>),
    (name, pending): (
        &std::path::Path,
        mpsc::Receiver<Result<Ready, talks::model::LoadError>>,
    ),
    settings: &Settings,
) -> io::Result<Option<Result<Ready, talks::model::LoadError>>> {
    let forward = wake.clone();
    std::thread::spawn(move || {
        if let Ok(ready) = pending.recv() {
            let _ = forward.send(Wake::Loaded(Box::new(ready)));
        }
    });
    startup::load_behind_a_frame(guard, woken, name, &settings.theme)
}

/// The event loop: draw, wait for something to happen, update, carry out the effects.
/// Why the reader's place could not be kept on quitting, if it could not.
fn run(guard: &mut TerminalGuard, mut app: App, context: &Loop) -> io::Result<Option<String>> {
    let (theme, keymap) = (&context.settings.theme, &context.settings.keymap);
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
        let action = match context.woken.recv() {
            Ok(Wake::Terminal(event)) => {
                let event = event?;
                panic_if_asked(&event);
                match event {
                    Event::Key(key) => {
                        pressed = press(&mut app, keymap, &key);
                        None
                    }
                    event => to_action(&app, event),
                }
            }
            Ok(Wake::Watched(action, seen)) => Some(watching::taken(&app, context, action, seen)),
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
        redraw |= effects::carry_out(guard, &mut app, context)?;
    }
    Ok(keep_place(&app, context).err())
}

/// Carries out a key press; `true` if it did anything. While the terminal is too small
/// only the keys its note names work (quit, suspend), whatever was open.
fn press(app: &mut App, keymap: &talks::keymap::Keymap, key: &crossterm::event::KeyEvent) -> bool {
    if app.layout().too_small {
        let action = talks::keymap::when_too_small(keymap, key);
        let pressed = action.is_some();
        if let Some(action) = action {
            update(app, action);
        }
        return pressed;
    }
    let context = |app: &App| (app.mode(), app.focus(), app.page());
    talks::keymap::dispatch(keymap, app, key, context, update)
}

/// Keeps where the reader is, for the next time the dossier shown is opened (after `o`
/// made a copy of the built-in one, the copy); why not, if it could not be written.
pub(crate) fn keep_place(app: &App, context: &Loop) -> Result<(), String> {
    match context
        .resume
        .as_ref()
        .and_then(|r| r.of_dossier(app.file()))
    {
        Some(resume) => resume.save(&app.place()),
        None => Ok(()),
    }
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
        // Pasted text is text: never keys, so a line break in it submits nothing.
        Event::Paste(text) => Some(Action::Paste(text)),
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
