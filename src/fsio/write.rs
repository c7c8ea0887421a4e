//! The safe write: under the file's lock, what is there now is compared with what was read
//! and handed to the caller, who merges, redoes or refuses; just before the file is
//! replaced it is checked again (a change meanwhile starts over), then `replace` puts the
//! new bytes in place. Links are followed.

use std::fs::File;
use std::io::{self, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::Duration;

use super::error::{WriteError, Written};
use super::lock::{open_locked, read_locked, same_file};
use super::read::{ReadFile, Stamp};
use super::replace::{Failure, Replacement, create, describe};
use super::signals::{Pause, pause_for_tests};

/// What the caller expects to find at the path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    /// No file: an existing one is [`WriteError::Exists`].
    Nothing,
    /// Whatever is there is replaced (the user said so).
    Anything,
    /// The file as it was read (`None`: there was none); the caller is told if it changed.
    AsRead(Option<Stamp>),
}

impl Expect {
    /// What `read` (a file read, or none) stands for.
    pub fn as_read(read: Option<&ReadFile>) -> Expect {
        Expect::AsRead(read.map(|file| file.stamp))
    }
}

/// What is at the path now, under the lock, against what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Now<'a> {
    AsExpected,
    /// Another writer changed it since it was read: its bytes now, or `None` if it is gone.
    Changed(Option<&'a [u8]>),
}

/// A file to write.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    pub(crate) path: &'a Path,
    pub(crate) expect: Expect,
    /// Create the folder too (the files talks keeps for itself).
    pub(crate) create_folder: bool,
    /// The most of the file as it is now that is read to compare or to keep.
    pub(crate) max: u64,
    /// How long to wait for another writer's lock (the explorer waits less than a command).
    pub(crate) lock_wait: Duration,
}

impl<'a> Target<'a> {
    pub fn new(path: &'a Path, expect: Expect, max: u64) -> Target<'a> {
        Target {
            path,
            expect,
            create_folder: false,
            max,
            lock_wait: Duration::from_secs(10),
        }
    }
}

/// Writes `bytes` as a new file at `path`; an existing one is left alone.
pub fn create_new(path: &Path, bytes: &[u8]) -> Result<Written, WriteError> {
    write_with(&Target::new(path, Expect::Nothing, 0), |_| {
        Ok(bytes.to_vec())
    })
}

/// Writes `bytes` at `path`, replacing what is there (the user asked to overwrite).
pub fn replace(path: &Path, bytes: &[u8]) -> Result<Written, WriteError> {
    write_with(&Target::new(path, Expect::Anything, MAX_KEPT), |_| {
        Ok(bytes.to_vec())
    })
}

/// How many times a write starts over because the file changed during its checks.
const MAX_FRESH_STARTS: usize = 3;

/// The most of a file kept in memory to put back if a write in place fails.
pub const MAX_KEPT: u64 = 2 << 30;

/// Writes what `make` returns for what is at the path now; `make` may be asked again if
/// another writer got in first. Its `Err` is [`WriteError::Refused`], nothing written.
pub fn write_with(
    target: &Target,
    mut make: impl FnMut(Now) -> Result<Vec<u8>, String>,
) -> Result<Written, WriteError> {
    let shown = target.path;
    let path = follow_links(shown);
    let folder = folder_of(&path);
    if target.create_folder {
        std::fs::create_dir_all(&folder)
            .map_err(|e| WriteError::folder_not_made(&e, shown, &folder))?;
    }
    if path.is_dir() {
        return Err(WriteError::IsFolder(shown.to_path_buf()));
    }
    if !folder.is_dir() {
        return Err(WriteError::NoFolder(folder));
    }
    let refused = |why| WriteError::Refused(shown.to_path_buf(), why);
    let mut changed_meanwhile = 0;
    for _ in 0..50 {
        pause_for_tests(Pause::BeforeWrite);
        let Some(locked) = open_locked(&path, shown, target.lock_wait)? else {
            let now = match target.expect {
                Expect::AsRead(Some(_)) => Now::Changed(None),
                _ => Now::AsExpected,
            };
            let bytes = make(now).map_err(refused)?;
            match create(&folder, &path, &bytes, None) {
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(err) => return Err(describe(&err, shown, &folder)),
                Ok(_) => return Ok(written(shown, &bytes)),
            }
        };
        if target.expect == Expect::Nothing {
            return Err(WriteError::Exists(shown.to_path_buf()));
        }
        let (now, current) = compare(&locked.file, target.expect, target.max, shown)?;
        let seen = match (&now, &current, target.expect) {
            (Now::AsExpected, _, Expect::AsRead(stamp)) => stamp,
            (_, Some(bytes), _) => Some(Stamp::of(bytes)),
            _ => None,
        };
        let now = match &current {
            Some(bytes) if now != Now::AsExpected => Now::Changed(Some(bytes)),
            _ => now,
        };
        let bytes = make(now).map_err(refused)?;
        let (file, meta) = (&locked.file, &locked.meta);
        let unchanged = || still_as_seen(&path, file, meta, seen);
        let replacement = Replacement {
            folder: &folder,
            path: &path,
            shown,
            max: target.max,
            unchanged: &unchanged,
        };
        match replacement.replace(&locked, &bytes, current) {
            Ok(()) => return Ok(written(shown, &bytes)),
            // Another program that keeps writing: a few fresh starts, then say so (each
            // start may redo seconds of checks on a large dossier).
            Err(Failure::ChangedMeanwhile) if changed_meanwhile < MAX_FRESH_STARTS => {
                changed_meanwhile += 1;
            }
            Err(Failure::ChangedMeanwhile) => break,
            Err(Failure::Error(err)) => return Err(err),
        }
    }
    Err(WriteError::KeptChanging(shown.to_path_buf()))
}

/// Whether the path still names the locked file and it holds what `make` was given
/// (`seen`; `None`: not compared), just before it is replaced.
fn still_as_seen(path: &Path, file: &File, meta: &std::fs::Metadata, seen: Option<Stamp>) -> bool {
    let named = std::fs::metadata(path).is_ok_and(|now| same_file(&now, meta));
    let holds = || {
        let mut reader = file;
        reader.seek(SeekFrom::Start(0)).is_ok() && Stamp::of_reader(reader).ok() == seen
    };
    named && (seen.is_none() || holds())
}

fn written(shown: &Path, bytes: &[u8]) -> Written {
    Written {
        path: std::path::absolute(shown).unwrap_or_else(|_| shown.to_path_buf()),
        bytes: bytes.len() as u64,
        stamp: Stamp::of(bytes),
    }
}

/// What the locked file holds now against what was expected: as expected (its bytes not
/// kept: only hashed), or changed, with its bytes.
fn compare(
    file: &File,
    expect: Expect,
    max: u64,
    shown: &Path,
) -> Result<(Now<'static>, Option<Vec<u8>>), WriteError> {
    let other = |err: io::Error| WriteError::Other(shown.to_path_buf(), err.to_string());
    match expect {
        Expect::AsRead(Some(stamp)) => {
            let mut reader = file;
            reader.seek(SeekFrom::Start(0)).map_err(other)?;
            if Stamp::of_reader(reader).map_err(other)? == stamp {
                return Ok((Now::AsExpected, None));
            }
            let bytes = read_locked(file, max, shown)?;
            Ok((Now::Changed(None), Some(bytes)))
        }
        Expect::AsRead(None) => {
            let bytes = read_locked(file, max, shown)?;
            Ok((Now::Changed(None), Some(bytes)))
        }
        _ => Ok((Now::AsExpected, None)),
    }
}

/// The path a chain of symbolic links ends at (the path itself when it is none): the file
/// replaced is the one the link names, and the link stays.
pub fn follow_links(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        match std::fs::read_link(&current) {
            Ok(target) if target.is_absolute() => current = target,
            Ok(target) => current = folder_of(&current).join(target),
            Err(_) => break,
        }
    }
    current
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}
