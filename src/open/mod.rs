//! Opening the dossier named on the command line, shared by the explorer (the binary) and
//! the commands: the file (through the index cache, `cached.rs`, and its search engine, `engine.rs`), standard input or the built-in dossier; an older version for
//! `--since` and `talks diff` (`seen`: the snapshot of "since you last looked"); the report of a dossier that did not load, and the exit
//! code it ends with.

use std::path::Path;
use std::process::ExitCode;

use crate::model::{self, LoadError, Loaded, load_str};

mod cached;
mod engine;
mod git_read;

pub use cached::{cache_store, finish_writes, take_notices, use_cache};
pub use engine::engine;

use git_read::{AtRevision, at_revision};

/// Exit code for a dossier or query that cannot be used.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Loads `path` (`-`: standard input), or the built-in dossier when there is none.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(path) if path.as_os_str() == "-" => model::load_stdin(),
        Some(path) if path.is_dir() => {
            model::load_path(path).map_err(|err| missing(path).unwrap_or(err))
        }
        Some(path) => cached::load_file(path).map_err(|err| missing(path).unwrap_or(err)),
        None => model::builtin(),
    }
}

/// When no file is at `path`, the problem that says so and how to start a dossier there
/// (`talks init --empty`); `None` when something is there.
pub fn missing(path: &Path) -> Option<LoadError> {
    let not_found = path
        .symlink_metadata()
        .is_err_and(|err| err.kind() == std::io::ErrorKind::NotFound);
    not_found.then(|| {
        let name = crate::text::shown_path(path);
        let said = format!(
            "no such file (to start a new dossier there: talks init --empty {})",
            crate::text::shell_word(&name)
        );
        LoadError::single(model::Diagnostic::new(model::Severity::Error, &name, said))
    })
}

/// A version of a dossier: a file, a folder, `-` or `git:REV:PATH`; when it cannot be
/// read, its problems are on stderr and this is the exit code.
pub fn read_version(spec: &str) -> Result<Loaded, ExitCode> {
    let loaded = match spec.strip_prefix("git:") {
        Some(revision_and_path) => match at_revision(revision_and_path) {
            Ok(AtRevision::File(name, text)) => load_str(&name, &text),
            Ok(AtRevision::Folder(name, files, texts)) => {
                model::folder::load_folder_texts(&name, files, texts)
            }
            Err(message) => {
                crate::say!("talks: {message}");
                return Err(ExitCode::from(EXIT_BAD_INPUT));
            }
        },
        // An older version is read, never started: a missing one is only missing.
        None if spec == "-" => model::load_stdin(),
        None => model::load_path(Path::new(spec)),
    };
    loaded.map_err(|err| report_load_error(&err))
}

/// The word `--since` takes for the snapshot of "since you last looked".
pub const SEEN: &str = "seen";

/// The word `--since` takes for no comparison at all.
pub const NONE: &str = "none";

/// As [`read_version`], and `seen` for the snapshot of the dossier `of` (its path; `None`:
/// the built-in dossier) taken when the user last caught up in the explorer.
pub fn read_version_of(spec: &str, of: Option<&Path>) -> Result<Loaded, ExitCode> {
    if spec != SEEN {
        return read_version(spec);
    }
    read_seen(of)
        .map(|snapshot| snapshot.loaded)
        .map_err(|why| {
            crate::say!("talks: --since seen: {why}");
            ExitCode::from(EXIT_BAD_INPUT)
        })
}

/// The snapshot of the dossier `of` (`None`: the built-in one), or why there is none.
pub fn read_seen(of: Option<&Path>) -> Result<crate::seen::Snapshot, String> {
    use crate::seen::{Looked, SeenKey, Store};
    let Some(key) = SeenKey::of(of) else {
        return Err(match of {
            Some(path) if path.as_os_str() == "-" => {
                "standard input has no snapshot: only a file, a folder or the built-in dossier \
                 is remembered"
                    .to_string()
            }
            _ => "the dossier cannot be found, so it has no snapshot".to_string(),
        });
    };
    let Some(store) = Store::default_place() else {
        return Err("neither XDG_STATE_HOME nor HOME is set, so talks keeps no snapshots".into());
    };
    match store.read(&key) {
        Looked::Seen(snapshot) => Ok(*snapshot),
        Looked::Never => Err(format!(
            "talks has no snapshot of {} yet: open it in the explorer once (it remembers what \
             the dossier says), or press C there",
            of.map_or_else(|| "the built-in dossier".into(), crate::text::shown_path)
        )),
        Looked::Unusable(why) => Err(why),
    }
}

/// Prints every problem and a count to stderr; the exit code for a dossier that did not load.
pub fn report_load_error(err: &LoadError) -> ExitCode {
    crate::say!("{}", load_error_text(err));
    ExitCode::from(EXIT_BAD_INPUT)
}

/// What [`report_load_error`] says: the problems, then how many there are.
pub fn load_error_text(err: &LoadError) -> String {
    let errors = err.error_count();
    let warnings = err.warning_count();
    format!(
        "{err}\n\n{}: the dossier was not loaded",
        counted(&[(errors, "error"), (warnings, "warning")])
    )
}

/// `2 errors, 1 warning`: each count with its noun, in the plural where it takes one.
pub(crate) fn counted(parts: &[(usize, &str)]) -> String {
    parts
        .iter()
        .map(|&(n, noun)| format!("{n} {noun}{}", if n == 1 { "" } else { "s" }))
        .collect::<Vec<_>>()
        .join(", ")
}
