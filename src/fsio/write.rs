//! The safe write: under the file's lock, what is there now is compared with what was read
//! and handed to the caller, who merges, redoes or refuses; then a temporary file beside it
//! is renamed into place, or (several hard links, a folder talks cannot write in, an owner
//! talks cannot give a new file) the file is written in place with its old bytes kept to
//! put back. Links are followed; mode, owner and group are kept.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::{WriteError, Written};
use super::lock::{Locked, mode, open_locked};
use super::read::{ReadFile, Stamp, read_at_most};
use super::signals::{Pause, Registered, pause_for_tests, uninterrupted};

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
    pub path: &'a Path,
    pub expect: Expect,
    /// Create the folder too (the files talks keeps for itself).
    pub create_folder: bool,
    /// The most of the file as it is now that is read to compare or to keep.
    pub max: u64,
}

impl<'a> Target<'a> {
    pub fn new(path: &'a Path, expect: Expect, max: u64) -> Target<'a> {
        Target {
            path,
            expect,
            create_folder: false,
            max,
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
        std::fs::create_dir_all(&folder).map_err(|e| WriteError::from_io(&e, shown, &folder))?;
    }
    if path.is_dir() {
        return Err(WriteError::IsFolder(shown.to_path_buf()));
    }
    if !folder.is_dir() {
        return Err(WriteError::NoFolder(folder));
    }
    let refused = |why| WriteError::Refused(shown.to_path_buf(), why);
    for _ in 0..50 {
        pause_for_tests(Pause::BeforeWrite);
        let Some(mut locked) = open_locked(&path, shown)? else {
            let now = match target.expect {
                Expect::AsRead(Some(_)) => Now::Changed(None),
                _ => Now::AsExpected,
            };
            let bytes = make(now).map_err(refused)?;
            match create(&folder, &path, &bytes, None) {
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => continue,
                done => {
                    return done
                        .map(|()| written(shown, &bytes))
                        .map_err(|e| describe(&e, shown, &folder));
                }
            }
        };
        if target.expect == Expect::Nothing {
            return Err(WriteError::Exists(shown.to_path_buf()));
        }
        let (now, current) = compare(&locked.file, target.expect, target.max, shown)?;
        let now = match &current {
            Some(bytes) if now != Now::AsExpected => Now::Changed(Some(bytes)),
            _ => now,
        };
        let bytes = make(now).map_err(refused)?;
        let replacing = Replacing {
            locked: &mut locked,
            folder: &folder,
            path: &path,
            shown,
            max: target.max,
        };
        replacing.replace(&bytes, current)?;
        return Ok(written(shown, &bytes));
    }
    Err(WriteError::KeptChanging(shown.to_path_buf()))
}

fn written(shown: &Path, bytes: &[u8]) -> Written {
    Written {
        path: std::path::absolute(shown).unwrap_or_else(|_| shown.to_path_buf()),
        bytes: bytes.len() as u64,
    }
}

fn describe(err: &io::Error, shown: &Path, folder: &Path) -> WriteError {
    match err.kind() {
        io::ErrorKind::PermissionDenied => WriteError::FolderNotWritable(folder.to_path_buf()),
        _ => WriteError::from_io(err, shown, folder),
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

fn read_locked(mut file: &File, max: u64, shown: &Path) -> Result<Vec<u8>, WriteError> {
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

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A new file at `path` holding `bytes`, by a temporary file renamed without replacing
/// anything; with `like`, its mode, owner and group are those of that file.
fn create(
    folder: &Path,
    path: &Path,
    bytes: &[u8],
    like: Option<&std::fs::Metadata>,
) -> io::Result<()> {
    let temporary = temporary_beside(folder, path, like)?;
    let registered = Registered::new(temporary.path());
    let mut file = temporary;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    pause_for_tests(Pause::BeforeRename);
    let persisted = uninterrupted(|| match like {
        Some(_) => file.persist(path).map(|_| ()).map_err(|e| e.error),
        None => file
            .persist_noclobber(path)
            .map(|_| ())
            .map_err(|e| e.error),
    });
    drop(registered);
    persisted?;
    sync_folder(folder);
    Ok(())
}

/// The way a locked file is replaced.
struct Replacing<'a> {
    locked: &'a mut Locked,
    folder: &'a Path,
    path: &'a Path,
    shown: &'a Path,
    max: u64,
}

impl Replacing<'_> {
    fn replace(self, bytes: &[u8], current: Option<Vec<u8>>) -> Result<(), WriteError> {
        if links(&self.locked.meta) == 1 {
            match create(self.folder, self.path, bytes, Some(&self.locked.meta)) {
                Ok(()) => return Ok(()),
                Err(err) if in_place_instead(&err) => {}
                Err(err) => return Err(describe(&err, self.shown, self.folder)),
            }
        }
        let old = match current {
            Some(old) => old,
            None => read_locked(&self.locked.file, self.max, self.shown)?,
        };
        write_in_place(&mut self.locked.file, bytes, &old)
            .map_err(|err| WriteError::from_io(&err, self.shown, self.folder))
    }
}

/// Whether a replacement by rename failed for a reason that writing in place avoids: no
/// new file can be made in the folder, or a new file cannot get the old one's owner and
/// group (several hard links are the third reason, seen before trying).
pub(super) fn in_place_instead(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

#[derive(Debug, thiserror::Error)]
#[error("the new file could not be given the old one's owner and group")]
pub(super) struct OwnerNotKept;

/// Overwrites the file from its start, the old bytes put back if that fails; a signal that
/// ends talks waits for it.
fn write_in_place(file: &mut File, bytes: &[u8], old: &[u8]) -> io::Result<()> {
    uninterrupted(|| {
        let written = overwrite(file, bytes);
        if written.is_err() {
            let _ = overwrite(file, old);
        }
        written
    })
}

fn overwrite(file: &mut File, bytes: &[u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

fn temporary_beside(
    folder: &Path,
    path: &Path,
    like: Option<&std::fs::Metadata>,
) -> io::Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".talks-tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file is an ordinary one (the umask applies); a replacement starts private
        // and gets the old file's mode once its owner is set.
        let start = if like.is_some() { 0o600 } else { 0o666 };
        builder.permissions(std::fs::Permissions::from_mode(start));
    }
    let temporary = builder.tempfile_in(folder)?;
    if let Some(meta) = like {
        keep_owner_and_mode(temporary.as_file(), meta)?;
    }
    Ok(temporary)
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, meta: &std::fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
            .map_err(|_| io::Error::new(io::ErrorKind::PermissionDenied, OwnerNotKept))?;
    }
    file.set_permissions(std::fs::Permissions::from_mode(mode(meta)))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, meta: &std::fs::Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())
}

#[cfg(unix)]
fn links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_meta: &std::fs::Metadata) -> u64 {
    1
}

/// The rename made durable; a folder that cannot be synced is no reason to fail.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}
