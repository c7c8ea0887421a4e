//! Putting new bytes in place of a locked file: a temporary file beside it, given the old
//! one's mode, owner, group and extended attributes, renamed over it; or, where a rename
//! would lose something (several hard links, a folder talks cannot create a file in, an
//! owner or attribute a new file cannot get), the file written in place, its old bytes kept
//! in a backup file until the write is complete and written back if it fails.

use std::fs::{File, Metadata};
use std::io::{self, Seek, SeekFrom, Write};
use std::path::Path;

use super::error::WriteError;
use super::lock::{Locked, mode, read_locked};
use super::signals::{Pause, Registered, pause_for_tests, uninterrupted};

/// Where and how a locked file is replaced; `unchanged` says, just before, whether it is
/// still as the caller's bytes were made for.
pub(super) struct Replacement<'a> {
    pub(crate) folder: &'a Path,
    pub(crate) path: &'a Path,
    pub(crate) shown: &'a Path,
    pub(crate) max: u64,
    pub(crate) unchanged: &'a dyn Fn() -> bool,
}

/// Why a file was not replaced.
pub(super) enum Failure {
    /// Changed since the bytes were made: make them again.
    ChangedMeanwhile,
    Error(WriteError),
}

/// What [`create`] did.
pub(super) enum Created {
    Done,
    /// The file it was to replace changed meanwhile; nothing was renamed.
    ChangedMeanwhile,
}

impl Replacement<'_> {
    pub(super) fn replace(
        &self,
        locked: &Locked,
        bytes: &[u8],
        current: Option<Vec<u8>>,
    ) -> Result<(), Failure> {
        let failed = |err: &io::Error| Failure::Error(describe(err, self.shown, self.folder));
        if links(&locked.meta) == 1 {
            let like = Like {
                file: &locked.file,
                meta: &locked.meta,
                unchanged: self.unchanged,
            };
            match create(self.folder, self.path, bytes, Some(&like)) {
                Ok(Created::Done) => return Ok(()),
                Ok(Created::ChangedMeanwhile) => return Err(Failure::ChangedMeanwhile),
                Err(err) if in_place_instead(&err) => {}
                Err(err) => return Err(failed(&err)),
            }
        }
        if !(self.unchanged)() {
            return Err(Failure::ChangedMeanwhile);
        }
        let old = match current {
            Some(old) => old,
            None => read_locked(&locked.file, self.max, self.shown).map_err(Failure::Error)?,
        };
        let backup = Backup::keep(self.folder, self.path, &old);
        pause_for_tests(Pause::BeforeRename);
        let written = write_in_place(&locked.file, bytes, &old);
        drop(backup);
        written.map_err(|err| Failure::Error(WriteError::from_io(&err, self.shown, self.folder)))
    }
}

/// The file a new one replaces: its mode, owner, group and attributes are copied, and it is
/// checked once more just before the rename.
pub(super) struct Like<'a> {
    file: &'a File,
    meta: &'a Metadata,
    unchanged: &'a dyn Fn() -> bool,
}

pub(super) fn describe(err: &io::Error, shown: &Path, folder: &Path) -> WriteError {
    match err.kind() {
        io::ErrorKind::PermissionDenied => WriteError::FolderNotWritable(folder.to_path_buf()),
        _ => WriteError::from_io(err, shown, folder),
    }
}

/// A new file at `path` holding `bytes`, by a temporary file renamed without replacing
/// anything; with `like`, renamed over that file, given its mode, owner, group and
/// attributes.
pub(super) fn create(
    folder: &Path,
    path: &Path,
    bytes: &[u8],
    like: Option<&Like>,
) -> io::Result<Created> {
    let mut file = temporary_beside(folder, path, ".talks-tmp", like.map(|l| l.meta))?;
    let registered = Registered::new(file.path());
    if let Some(like) = like {
        keep_owner_and_mode(file.as_file(), like.meta)?;
        keep_attributes(file.as_file(), like.file)?;
    }
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    pause_for_tests(Pause::BeforeRename);
    let persisted = uninterrupted(|| match like {
        Some(like) if !(like.unchanged)() => Ok(Created::ChangedMeanwhile),
        Some(_) => file
            .persist(path)
            .map(|_| Created::Done)
            .map_err(|e| e.error),
        None => file
            .persist_noclobber(path)
            .map(|_| Created::Done)
            .map_err(|e| e.error),
    });
    drop(registered);
    if matches!(persisted, Ok(Created::Done)) {
        sync_folder(folder);
    }
    persisted
}

/// Whether a replacement by rename failed for a reason that writing in place avoids: no
/// new file can be made in the folder, or a new file cannot get the old one's owner, group
/// or attributes (several hard links are the third reason, seen before trying).
pub(super) fn in_place_instead(err: &io::Error) -> bool {
    matches!(
        err.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

#[derive(Debug, thiserror::Error)]
#[error("the new file could not be given the old one's owner, group or attributes")]
pub(super) struct NotKept;

fn not_kept() -> io::Error {
    io::Error::new(io::ErrorKind::PermissionDenied, NotKept)
}

/// The old bytes of a file written in place, in a file of their own until the write is
/// complete (beside it, else in the temporary folder): if talks is killed meanwhile, they
/// are there. Removed when dropped.
struct Backup {
    _file: tempfile::NamedTempFile,
    _registered: Registered,
}

impl Backup {
    fn keep(folder: &Path, path: &Path, old: &[u8]) -> Option<Backup> {
        let temp = std::env::temp_dir();
        [folder, temp.as_path()].into_iter().find_map(|dir| {
            let mut file = temporary_beside(dir, path, ".talks-backup", None).ok()?;
            let registered = Registered::new(file.path());
            file.write_all(old).ok()?;
            file.as_file().sync_all().ok()?;
            Some(Backup {
                _file: file,
                _registered: registered,
            })
        })
    }
}

/// Overwrites the file from its start, the old bytes put back if that fails; a signal that
/// ends talks waits for it.
fn write_in_place(file: &File, bytes: &[u8], old: &[u8]) -> io::Result<()> {
    uninterrupted(|| {
        let written = overwrite(file, bytes);
        if written.is_err() {
            let _ = overwrite(file, old);
        }
        written
    })
}

fn overwrite(mut file: &File, bytes: &[u8]) -> io::Result<()> {
    file.seek(SeekFrom::Start(0))?;
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)?;
    file.sync_all()
}

/// The longest part of a file's name a temporary file's name carries: with the dot, the
/// random part and the ending it stays under the 255 bytes most file systems allow.
const NAME_KEPT: usize = 200;

fn temporary_beside(
    folder: &Path,
    path: &Path,
    ending: &str,
    like: Option<&Metadata>,
) -> io::Result<tempfile::NamedTempFile> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut cut = name.len().min(NAME_KEPT);
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = format!(".{}.", &name[..cut]);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(ending);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file is an ordinary one (the umask applies); a replacement and a backup
        // start private, and a replacement gets the old file's mode once its owner is set.
        let start = if like.is_some() || ending != ".talks-tmp" {
            0o600
        } else {
            0o666
        };
        builder.permissions(std::fs::Permissions::from_mode(start));
    }
    builder.tempfile_in(folder)
}

#[cfg(unix)]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let new = file.metadata()?;
    if (new.uid(), new.gid()) != (meta.uid(), meta.gid()) {
        std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
            .map_err(|_| not_kept())?;
    }
    file.set_permissions(std::fs::Permissions::from_mode(mode(meta)))
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> io::Result<()> {
    file.set_permissions(meta.permissions())
}

/// The old file's extended attributes (an ACL among them) on the new one; a file system
/// without them has none to copy.
#[cfg(unix)]
fn keep_attributes(new: &File, old: &File) -> io::Result<()> {
    use xattr::FileExt;
    let Ok(names) = old.list_xattr() else {
        return Ok(());
    };
    for name in names {
        if let Some(value) = old.get_xattr(&name)? {
            new.set_xattr(&name, &value).map_err(|_| not_kept())?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn keep_attributes(_new: &File, _old: &File) -> io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn links(meta: &Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn links(_meta: &Metadata) -> u64 {
    1
}

/// The rename made durable; a folder that cannot be synced is no reason to fail.
fn sync_folder(folder: &Path) {
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
}
