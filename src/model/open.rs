//! A dossier opened where the user names it: a file, a folder of files, or standard input
//! (`-`), read and validated.

use std::path::Path;

use super::folder::load_folder;
use super::load::{LoadError, Loaded, load_bytes};
use super::source::{STDIN_NAME, read_path, read_stdin};

/// Reads and validates the dossier at `path`: a regular file (checked before it is
/// opened, so a pipe or a device never blocks or floods the reader), at most
/// `--max-size` bytes (2 GiB unless changed), even if it grows while read.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return load_folder(path);
    }
    let name = crate::text::shown_path(path);
    load_bytes(&name, read_path(path)?)
}

/// Reads and validates a dossier from standard input, at most `--max-size` bytes.
pub fn load_stdin() -> Result<Loaded, LoadError> {
    load_bytes(STDIN_NAME, read_stdin()?)
}
