//! The `talks` binary: terminal set-up and the event loop. Everything else is in the library.

use std::io::{self, IsTerminal, Stdout, Write};
use std::process::ExitCode;

use clap::Parser;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, MouseButton, MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use talks::app::{Action, App, update};
use talks::cli::Cli;
use talks::commands;
use talks::config::Settings;
use talks::model::Loaded;
use talks::ui::{Screen, hit_test};

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return commands::run(command);
    }
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let config_path = cli.config.clone().or_else(talks::config::default_path);
    let settings = talks::config::load(config_path.as_deref(), cli.config.is_some(), no_color);
    let dossier = cli.dossier.clone().or_else(|| settings.dossier.clone());
    let loaded = match commands::load(dossier.as_deref()) {
        Ok(loaded) => loaded,
        Err(err) => return commands::report_load_error(&err),
    };
    if !io::stdout().is_terminal() || !io::stdin().is_terminal() {
        eprintln!(
            "talks: the explorer needs a terminal. To print data instead, use `talks list`, \
             `talks show ID` or `talks search QUERY` (see `talks --help`)."
        );
        return ExitCode::from(commands::EXIT_BAD_INPUT);
    }
    let mut settings = settings;
    if cli.watch && dossier.is_none() {
        settings
            .problems
            .push("--watch needs a dossier file; the built-in one does not change".into());
    }
    let watched = (cli.watch || settings.watch).then_some(dossier).flatten();
    match explore(loaded, watched, settings) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("talks: terminal error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Puts the terminal back as it was: raw mode off, main screen, no mouse capture, cursor on.
fn restore_terminal() {
    // Each step is attempted even if an earlier one failed; there is nothing more to do then.
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// The explorer's terminal; dropping it restores the terminal, on every path out.
struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

impl TerminalGuard {
    fn enter() -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
        restore_on_signals()?;
        terminal::enable_raw_mode()?;
        let guard_before_terminal = RestoreOnDrop;
        execute!(
            io::stdout(),
            EnterAlternateScreen,
            EnableMouseCapture,
            cursor::Hide
        )?;
        let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        std::mem::forget(guard_before_terminal);
        Ok(TerminalGuard { terminal })
    }
}

/// SIGTERM, SIGHUP, SIGINT and SIGQUIT restore the terminal before talks exits.
fn restore_on_signals() -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Hold stdout until the exit, so that a frame being drawn cannot write after
            // the restore (the lock is re-entrant for this thread).
            let _stdout = io::stdout().lock();
            restore_terminal();
            // After a hang-up stderr may be gone: a failed write must not stop the exit.
            let _ = writeln!(io::stderr(), "talks: stopped by signal {signal}");
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Restores the terminal if set-up fails half-way.
struct RestoreOnDrop;

impl Drop for RestoreOnDrop {
    fn drop(&mut self) {
        restore_terminal();
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// What wakes the event loop: the terminal, or a reload of the watched dossier.
enum Wake {
    Terminal(io::Result<Event>),
    Reload(Action),
}

fn explore(
    loaded: Loaded,
    watched: Option<std::path::PathBuf>,
    settings: Settings,
) -> io::Result<()> {
    let mut guard = TerminalGuard::enter()?;
    let size = guard.terminal.size()?;
    let mut app = App::new(loaded, size.width, size.height);
    app.keymap = settings.keymap;
    if !settings.problems.is_empty() {
        app.status = Some(settings.problems.join(" · "));
    }
    let theme = settings.theme;
    let (wake, woken) = std::sync::mpsc::channel();
    let terminal_events = wake.clone();
    // Blocks on input in its own thread: no tick, no CPU while idle.
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if terminal_events.send(Wake::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
    let _watch = match &watched {
        Some(path) => {
            let reloads = wake.clone();
            let on_reload = move |result| {
                let _ = reloads.send(Wake::Reload(Action::Reloaded(talks::app::Reload(
                    Box::new(result),
                ))));
            };
            match talks::watch::watch(path, on_reload) {
                Ok(watcher) => Some(watcher),
                Err(why) => {
                    app.status = Some(format!("Not watching the file: {why}"));
                    None
                }
            }
        }
        None => None,
    };
    let mut redraw = true;
    while !app.should_quit {
        if redraw {
            guard.terminal.draw(|frame| {
                frame.render_widget(
                    &Screen {
                        app: &app,
                        theme: &theme,
                    },
                    frame.area(),
                )
            })?;
        }
        let area = Rect::new(0, 0, app.width, app.height);
        let action = match woken.recv() {
            Ok(Wake::Terminal(event)) => {
                let event = event?;
                panic_if_asked(&event);
                to_action(&app, area, event)
            }
            Ok(Wake::Reload(action)) => Some(action),
            Err(_) => break,
        };
        redraw = action.is_some();
        if let Some(action) = action {
            update(&mut app, action);
        }
        for effect in std::mem::take(&mut app.effects) {
            let outcome = talks::effects::perform(&app, effect, guard.terminal.backend_mut());
            update(&mut app, outcome);
        }
    }
    Ok(())
}

/// Debug builds only: with `TALKS_TEST_PANIC` set, the first key press panics, so tests
/// can check that a panic restores the terminal. Release builds do not contain this.
#[cfg(debug_assertions)]
fn panic_if_asked(event: &Event) {
    if matches!(event, Event::Key(_)) && std::env::var_os("TALKS_TEST_PANIC").is_some() {
        panic!("deliberate panic for testing (TALKS_TEST_PANIC is set)");
    }
}

#[cfg(not(debug_assertions))]
fn panic_if_asked(_event: &Event) {}

/// What a terminal event asks of the explorer.
fn to_action(app: &App, area: Rect, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            talks::keymap::action_for(&app.keymap, app.mode, app.focus, app.page, &key)
        }
        Event::Resize(width, height) => Some(Action::Resize(width, height)),
        Event::Mouse(mouse) => {
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
