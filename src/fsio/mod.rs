#![allow(clippy::disallowed_methods)] // fsio is the one place that touches files.
//! Every file of the user's that talks reads or writes goes through here, and only here
//! (clippy's `disallowed-methods` holds it): the bounded open (`read`) and the safe write
//! (`write`: a lock, a check that the file is what was read, the caller's merge or refusal,
//! mode, owner, group and links kept, no temporary file left behind). It imports only
//! `text`, and stands first in the layering.

mod error;
mod lock;
mod own;
pub mod places;
mod prune;
mod read;
mod replace;
pub mod signals;
mod write;

#[cfg(test)]
mod tests;

pub use error::{WriteError, Written};
pub use lock::{FolderLock, lock_folder};
pub use own::{OwnFileError, read_own, shared_or_foreign};
pub use prune::{Bound, drop_oldest, files_named, is_link_or_other};
pub use read::{
    ReadError, ReadFile, Stamp, human_bytes, open_regular, read, read_at_most, read_if_exists,
    read_text_lossy,
};
pub use write::{Expect, MAX_KEPT, Now, Target, create_new, follow_links, replace, write_with};

/// Whether a new file can be made in `folder` (a probe made and removed at once): root can
/// write to a folder of mode 0555, so the mode alone does not say.
pub fn can_create_in(folder: &std::path::Path) -> bool {
    tempfile::Builder::new()
        .prefix(".talks-probe-")
        .tempfile_in(folder)
        .is_ok()
}

/// Whether the regular file at `path` can be opened for writing (nothing is written).
pub fn can_write(path: &std::path::Path) -> bool {
    read::open_without_blocking(path, true)
        .and_then(|file| file.metadata())
        .is_ok_and(|meta| meta.is_file())
}

/// Creates `folder` and the folders above it (talks' own places: state, data, cache).
pub fn create_folder(folder: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)
}

/// Removes a file of talks' own (an old snapshot in its state folder), never the user's:
/// only a regular file itself, not a link put in its place or anything else.
pub fn remove_own(path: &std::path::Path) -> std::io::Result<()> {
    if !std::fs::symlink_metadata(path)?.is_file() {
        return Err(std::io::Error::other("not a regular file: left alone"));
    }
    std::fs::remove_file(path)
}

/// A temporary file of talks' own (a note handed to the editor), removed when dropped and
/// on an ending signal; `None` with the reason when it cannot be made.
pub fn temporary_text(prefix: &str, suffix: &str, text: &str) -> std::io::Result<Temporary> {
    use std::io::Write;
    let mut file = tempfile::Builder::new()
        .prefix(prefix)
        .suffix(suffix)
        .tempfile()?;
    let registered = signals::Registered::new(file.path());
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    Ok(Temporary {
        file,
        _registered: registered,
    })
}

/// See [`temporary_text`].
pub struct Temporary {
    file: tempfile::NamedTempFile,
    _registered: signals::Registered,
}

impl Temporary {
    pub fn path(&self) -> &std::path::Path {
        self.file.path()
    }
}

/// Writes `bytes` as a new file, or over an existing one when `overwrite` (exports).
pub fn write_out(
    path: &std::path::Path,
    bytes: &[u8],
    overwrite: bool,
) -> Result<Written, WriteError> {
    if overwrite {
        replace(path, bytes)
    } else {
        create_new(path, bytes)
    }
}
