//! Before the explorer runs: the dossier loading on its own thread (behind a loading frame
//! when it takes long), and the command line's word over the config's.

use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyModifiers};
use talks::cli::Cli;
use talks::config::Settings;
use talks::model::LoadError;
use talks::terminal::{StopSignal, TerminalGuard, suspend, take_terminal_again};
use talks::ui::{Loading, Theme};

use crate::{Ready, Wake};

/// The dossier to explore, or the exit code when it did not load. What loads quickly
/// (nearly every file, and the built-in dossier) is ready before the terminal is touched,
/// so that its problems print like any command's; what takes longer, large or slow to
/// read, goes on loading behind a frame that names it and can be quit.
pub(crate) fn source(dossier: Option<&Path>, terminal: bool) -> Result<Source, ExitCode> {
    let pending = start_loading(dossier.map(Path::to_path_buf));
    let waited = if terminal {
        pending.recv_timeout(LOAD_BEFORE_THE_FRAME)
    } else {
        pending
            .recv()
            .map_err(|_| mpsc::RecvTimeoutError::Disconnected)
    };
    match waited {
        Ok(Ok(ready)) => Ok(Source::Ready(Box::new(ready))),
        Ok(Err(err)) => Err(talks::open::report_load_error(&err)),
        Err(mpsc::RecvTimeoutError::Timeout) => Ok(Source::Loading {
            name: dossier.map_or_else(
                || PathBuf::from(talks::model::BUILTIN_NAME),
                Path::to_path_buf,
            ),
            pending,
        }),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            talks::say!("talks: reading the dossier failed unexpectedly (see the message above)");
            Err(ExitCode::FAILURE)
        }
    }
}

/// The settings with the command line's word over the config's, and the file to watch.
pub(crate) fn with_the_command_line(
    mut settings: Settings,
    cli: &Cli,
    dossier: Option<PathBuf>,
) -> (Settings, Option<PathBuf>) {
    settings.config_problems = settings.problems.len();
    if let Some(command) = &cli.copy_command {
        match talks::clipboard::command_words(command) {
            Some(words) => settings.copy_command = Some(words),
            None => settings.problems.push(format!(
                "--copy-command: {}",
                talks::clipboard::NOT_A_COMMAND
            )),
        }
    }
    if cli.watch && dossier.is_none() {
        settings
            .problems
            .push("--watch needs a dossier file; the built-in one does not change".into());
    }
    let from_stdin = dossier.as_deref().is_some_and(|p| p.as_os_str() == "-");
    if (cli.watch || settings.watch) && from_stdin {
        settings
            .problems
            .push("--watch needs a dossier file; standard input is read once".into());
    }
    let dossier = dossier.filter(|_| !from_stdin);
    let watched = (cli.watch || settings.watch).then_some(dossier).flatten();
    (settings, watched)
}

/// A dossier that takes longer than this to load loads behind a loading frame.
const LOAD_BEFORE_THE_FRAME: Duration = Duration::from_millis(250);

/// The dossier to explore: loaded already, or still loading on its thread.
pub(crate) enum Source {
    Ready(Box<Ready>),
    Loading {
        name: PathBuf,
        pending: mpsc::Receiver<Result<Ready, LoadError>>,
    },
}

/// The index cache this run uses: the usual folder, unless `--no-cache` or the config's
/// `cache = false` turn it off. A command says a passed-over cache file on stderr; the
/// explorer among the notices at its start.
pub(crate) fn use_cache(cli: &Cli, settings: &Settings) {
    if let Some(store) = talks::cache::Store::usual(settings.cache_max) {
        let enabled = settings.cache && !cli.no_cache;
        talks::open::use_cache(store, enabled, cli.command.is_some());
    }
}

/// Loads the dossier (and builds its search engine, or reads the one the index cache
/// keeps) on a thread of its own.
fn start_loading(path: Option<PathBuf>) -> mpsc::Receiver<Result<Ready, LoadError>> {
    let (sender, pending) = mpsc::channel();
    std::thread::spawn(move || {
        slow_load_if_asked();
        let ready = talks::open::load(path.as_deref()).map(|loaded| {
            let engine = talks::open::engine(&loaded);
            (loaded, engine)
        });
        let _ = sender.send(ready);
    });
    pending
}

/// Shows the file's name, size and the time so far while it loads on its thread. `None` if
/// the user quit first.
pub(crate) fn load_behind_a_frame(
    guard: &mut TerminalGuard,
    woken: &mpsc::Receiver<Wake>,
    path: &std::path::Path,
    theme: &Theme,
) -> io::Result<Option<Result<Ready, LoadError>>> {
    let name = talks::text::shown_path(path);
    let bytes = std::fs::metadata(path).ok().map(|m| m.len());
    let started = Instant::now();
    loop {
        guard.terminal.draw(|frame| {
            let loading = Loading {
                name: &name,
                bytes,
                elapsed: started.elapsed(),
                theme,
            };
            frame.render_widget(&loading, frame.area());
        })?;
        // The elapsed time moves on every tenth of a second while nothing else happens.
        match woken.recv_timeout(Duration::from_millis(100)) {
            Ok(Wake::Loaded(ready)) => return Ok(Some(*ready)),
            Ok(Wake::Terminal(event)) => {
                if let Event::Key(key) = event? {
                    let ctrl_c = key.code == KeyCode::Char('c')
                        && key.modifiers.contains(KeyModifiers::CONTROL);
                    if ctrl_c || matches!(key.code, KeyCode::Char('q') | KeyCode::Esc) {
                        return Ok(None);
                    }
                }
            }
            Ok(Wake::Stop(StopSignal::Stop)) => suspend(guard)?,
            Ok(Wake::Stop(StopSignal::Continue)) => take_terminal_again(guard)?,
            Ok(_) | Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(None),
        }
    }
}

/// Debug builds only: with `TALKS_TEST_SLOW_LOAD` set, loading waits a minute first, so
/// tests can check that a small file slow to read gets the loading frame.
#[cfg(debug_assertions)]
fn slow_load_if_asked() {
    if std::env::var_os("TALKS_TEST_SLOW_LOAD").is_some() {
        std::thread::sleep(Duration::from_secs(60));
    }
}

#[cfg(not(debug_assertions))]
fn slow_load_if_asked() {}
