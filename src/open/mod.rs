//! Opening the dossier named on the command line, shared by the explorer (the binary) and
//! the commands: the file, standard input or the built-in dossier; an older version for
//! `--since` and `talks diff`; the report of a dossier that did not load, and the exit
//! code it ends with.

use std::path::Path;
use std::process::ExitCode;

use crate::model::{self, LoadError, Loaded, load_str};

mod git_read;

use git_read::{AtRevision, at_revision};

/// Exit code for a dossier or query that cannot be used.
pub const EXIT_BAD_INPUT: u8 = 2;

/// Loads `path` (`-`: standard input), or the built-in dossier when there is none.
pub fn load(path: Option<&Path>) -> Result<Loaded, LoadError> {
    match path {
        Some(path) if path.as_os_str() == "-" => model::load_stdin(),
        Some(path) => model::load_path(path),
        None => model::builtin(),
    }
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
        None => load(Some(Path::new(spec))),
    };
    loaded.map_err(|err| report_load_error(&err))
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
