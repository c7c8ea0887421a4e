//! Where a dossier's bytes come from: a regular file (checked before it is opened, so a
//! pipe or a device never blocks or floods the reader) or standard input, at most
//! `--max-size` bytes either way.

use std::path::Path;

use crate::fsio::{ReadError, read_at_most};

use super::diagnostic::{Diagnostic, Severity};
use super::load::LoadError;

/// The largest dossier file read by default: 2 GiB (`--max-size` changes it).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 2 << 30;

static MAX_FILE_BYTES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_MAX_FILE_BYTES);

/// Sets the largest file any later read takes (the `--max-size` of this process).
pub fn set_max_file_bytes(bytes: u64) {
    MAX_FILE_BYTES.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// The largest file a read takes now: `--max-size`, 2 GiB unless changed.
pub fn max_file_bytes() -> u64 {
    MAX_FILE_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "standard input";

/// What a file larger than `max` bytes, the most talks reads, is told.
pub fn too_large(max: u64) -> String {
    format!(
        "the file is larger than {}, the most talks reads (--max-size changes it)",
        super::size::human_bytes(max)
    )
}

/// The bytes of the regular file at `path`, at most `--max-size` of them, with the same
/// checks and messages as [`super::load_path`] (named by the path as shown).
pub fn read_path(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_path_stamped(path).map(|file| file.bytes)
}

/// [`read_path`], with the stamp of what was read (for a write back that must see
/// another's change).
pub fn read_path_stamped(path: &Path) -> Result<crate::fsio::ReadFile, LoadError> {
    let name = crate::text::shown_path(path);
    crate::fsio::read(path, max_file_bytes())
        .map_err(|err| LoadError::single(Diagnostic::new(Severity::Error, &name, said(&err))))
}

/// What a dossier reader says of `err`.
fn said(err: &ReadError) -> String {
    match err {
        ReadError::Folder => "this is a folder, not a dossier file".into(),
        ReadError::NotRegular => "this is not a regular file (a pipe, a device or a socket): \
                                  talks reads dossier files, or standard input given as -"
            .into(),
        ReadError::TooLarge(max) => too_large(*max),
        other => other.to_string(),
    }
}

/// Standard input's bytes, at most `--max-size` of them.
pub fn read_stdin() -> Result<Vec<u8>, LoadError> {
    let problem =
        |message: String| LoadError::single(Diagnostic::new(Severity::Error, STDIN_NAME, message));
    let max = max_file_bytes();
    match read_at_most(std::io::stdin().lock(), max) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(problem(too_large(max))),
        Err(err) => Err(problem(format!("cannot read standard input: {err}"))),
    }
}
