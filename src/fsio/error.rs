//! What a write says when it did not happen, and what it says when it did.

use std::io;
use std::path::{Path, PathBuf};

use crate::text::{sanitize_line, shown_path};

/// A finished write: where (as the caller named it), how many bytes, and their stamp (what
/// a later write compares the file with).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub(crate) bytes: u64,
    pub(crate) stamp: super::Stamp,
}

impl Written {
    /// "3.2 kB", "812 bytes".
    pub fn size(&self) -> String {
        if self.bytes < 1000 {
            format!("{} bytes", self.bytes)
        } else {
            format!("{:.1} kB", self.bytes as f64 / 1000.0)
        }
    }
}

/// Why nothing was written. Each message says what and where; the file is as it was.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteError {
    #[error("{} already exists", shown_path(.0))]
    Exists(PathBuf),
    #[error("{} is a folder; give a file name", shown_path(.0))]
    IsFolder(PathBuf),
    #[error("the folder {} does not exist", shown_path(.0))]
    NoFolder(PathBuf),
    #[error("permission denied: cannot write {}", shown_path(.0))]
    PermissionDenied(PathBuf),
    #[error(
        "cannot create a file in the folder {}: the folder is not writable for you",
        shown_path(.0)
    )]
    FolderNotWritable(PathBuf),
    #[error(
        "{} is read-only for you (mode {:04o}): talks does not replace a file you could not \
         write in place",
        shown_path(.0), .1
    )]
    ReadOnly(PathBuf, u32),
    #[error(
        "{} cannot be changed: it is marked immutable or append-only (`lsattr` shows it, \
         `chattr -i` undoes it); nothing was written",
        shown_path(.0)
    )]
    Unchangeable(PathBuf),
    #[error(
        "cannot make the folder {}: something that is not a folder is in the way",
        shown_path(.0)
    )]
    FolderInTheWay(PathBuf),
    #[error("{} is on a read-only file system", shown_path(.0))]
    ReadOnlyFileSystem(PathBuf),
    #[error("{} is not a regular file: talks writes only regular files", shown_path(.0))]
    NotRegular(PathBuf),
    #[error("the disk is full: {} was not written", shown_path(.0))]
    DiskFull(PathBuf),
    #[error(
        "{} is being written by another program (it holds the lock): nothing was written; \
         try again",
        shown_path(.0)
    )]
    Locked(PathBuf),
    #[error("{} kept changing as talks wrote it: nothing was written; try again", shown_path(.0))]
    KeptChanging(PathBuf),
    /// The caller would not write what it found there now; its own words.
    #[error("{1}")]
    Refused(PathBuf, String),
    #[error("cannot write {}: {}", shown_path(.0), sanitize_line(.1))]
    Other(PathBuf, String),
}

impl WriteError {
    /// The error of making the folder `folder` (and those above it) for `path`: a file
    /// where a folder should be is said so, not as "already exists".
    pub(super) fn folder_not_made(err: &io::Error, path: &Path, folder: &Path) -> WriteError {
        match err.kind() {
            io::ErrorKind::AlreadyExists | io::ErrorKind::NotADirectory => {
                WriteError::FolderInTheWay(folder.to_path_buf())
            }
            _ => WriteError::from_io(err, path, folder),
        }
    }

    /// The error of an attempt on `path` (in `folder`), by what the system said.
    pub(super) fn from_io(err: &io::Error, path: &Path, folder: &Path) -> WriteError {
        match err.kind() {
            io::ErrorKind::NotFound => WriteError::NoFolder(folder.to_path_buf()),
            io::ErrorKind::PermissionDenied => WriteError::PermissionDenied(path.to_path_buf()),
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
                WriteError::DiskFull(path.to_path_buf())
            }
            io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
            io::ErrorKind::IsADirectory => WriteError::IsFolder(path.to_path_buf()),
            io::ErrorKind::ReadOnlyFilesystem => WriteError::ReadOnlyFileSystem(path.to_path_buf()),
            _ => WriteError::Other(path.to_path_buf(), err.to_string()),
        }
    }
}
