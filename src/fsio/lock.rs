//! The lock taken before a file is replaced: an advisory lock on the file itself (no lock
//! file to leave behind), then a check that the path still names the file locked, since a
//! writer before us may have replaced it.

use std::fs::{File, Metadata, TryLockError};
use std::io::{self, Seek, SeekFrom};
use std::path::Path;
use std::time::{Duration, Instant};

use super::error::WriteError;
use super::read::{open_without_blocking, read_at_most};

/// An open file, locked, that the path names.
pub(super) struct Locked {
    pub(crate) file: File,
    pub(crate) meta: Metadata,
}

/// The file at `path` opened for reading and writing and locked, or `None` when there is
/// no file there. Refused when the user could not write the file in place.
pub(super) fn open_locked(
    path: &Path,
    shown: &Path,
    wait: Duration,
) -> Result<Option<Locked>, WriteError> {
    // Another talks that keeps writing replaces the file each time it holds the lock: the
    // whole wait is ours to get a turn (a count of tries would run out while it writes in
    // a loop), then the file is said to be busy.
    let deadline = Instant::now() + wait;
    loop {
        let file = match open_without_blocking(path, true) {
            Ok(file) => file,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(err) => return Err(cannot_open(&err, path, shown)),
        };
        let meta = file.metadata().map_err(|e| other(shown, &e))?;
        if !meta.is_file() {
            return Err(WriteError::NotRegular(shown.to_path_buf()));
        }
        lock(
            &file,
            shown,
            deadline.saturating_duration_since(Instant::now()),
        )?;
        // A writer that held the lock before us may have renamed a new file into place.
        match std::fs::metadata(path) {
            Ok(now) if same_file(&now, &meta) => return Ok(Some(Locked { file, meta })),
            Ok(_) => {}
            Err(err) if err.kind() == io::ErrorKind::NotFound => {}
            Err(err) => return Err(other(shown, &err)),
        }
        if Instant::now() >= deadline {
            return Err(WriteError::Locked(shown.to_path_buf()));
        }
    }
}

fn lock(file: &File, shown: &Path, wait: Duration) -> Result<(), WriteError> {
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TryLockError::WouldBlock) => return Err(WriteError::Locked(shown.to_path_buf())),
            // A file system without locks: the changed-since-read check still holds.
            Err(TryLockError::Error(err)) if err.kind() == io::ErrorKind::Unsupported => {
                return Ok(());
            }
            Err(TryLockError::Error(err)) => return Err(other(shown, &err)),
        }
    }
}

/// A lock on a folder, held until dropped: writers of several files of one folder dossier
/// take it, so that two of them never check against the folder at once.
pub struct FolderLock {
    _folder: File,
}

/// Locks `folder` (waiting at most `wait` for another talks's lock on it).
pub fn lock_folder(folder: &Path, wait: Duration) -> Result<FolderLock, WriteError> {
    let opened = File::open(folder).map_err(|err| other(folder, &err))?;
    lock(&opened, folder, wait)?;
    Ok(FolderLock { _folder: opened })
}

pub(super) fn cannot_open(err: &io::Error, path: &Path, shown: &Path) -> WriteError {
    match err.kind() {
        io::ErrorKind::PermissionDenied => match std::fs::metadata(path) {
            // EPERM, not EACCES: the mode allows it, an attribute (`chattr +i`) does not.
            Ok(meta) if meta.is_file() && not_permitted(err) => {
                WriteError::Unchangeable(shown.to_path_buf())
            }
            Ok(meta) if meta.is_file() => WriteError::ReadOnly(shown.to_path_buf(), mode(&meta)),
            _ => WriteError::PermissionDenied(shown.to_path_buf()),
        },
        io::ErrorKind::IsADirectory => WriteError::IsFolder(shown.to_path_buf()),
        io::ErrorKind::ReadOnlyFilesystem => WriteError::ReadOnlyFileSystem(shown.to_path_buf()),
        _ => other(shown, err),
    }
}

#[cfg(unix)]
fn not_permitted(err: &io::Error) -> bool {
    err.raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn not_permitted(_: &io::Error) -> bool {
    false
}

fn other(shown: &Path, err: &io::Error) -> WriteError {
    WriteError::Other(shown.to_path_buf(), err.to_string())
}

/// The whole of a file already open and locked, from its start, at most `max` bytes
/// (`shown` names it in the error).
pub(super) fn read_locked(mut file: &File, max: u64, shown: &Path) -> Result<Vec<u8>, WriteError> {
    let other = |err: io::Error| WriteError::Other(shown.to_path_buf(), err.to_string());
    file.seek(SeekFrom::Start(0)).map_err(other)?;
    read_at_most(file, max).map_err(other)?.ok_or_else(|| {
        WriteError::Other(
            shown.to_path_buf(),
            format!(
                "it is larger than {}, the most talks reads here",
                super::human_bytes(max)
            ),
        )
    })
}

#[cfg(unix)]
pub(super) fn same_file(a: &Metadata, b: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    (a.dev(), a.ino()) == (b.dev(), b.ino())
}

#[cfg(not(unix))]
pub(super) fn same_file(a: &Metadata, b: &Metadata) -> bool {
    a.len() == b.len() && a.modified().ok() == b.modified().ok()
}

#[cfg(unix)]
pub(super) fn mode(meta: &Metadata) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    meta.permissions().mode() & 0o7777
}

#[cfg(not(unix))]
pub(super) fn mode(_meta: &Metadata) -> u32 {
    0o644
}
