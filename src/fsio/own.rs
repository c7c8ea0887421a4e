//! Reading a file of talks' own that another user could have planted or changed (a cache
//! file): only a regular file itself, owned by this user, writable by no one else.

use std::io;
use std::path::Path;

use super::read::{ReadError, open_without_blocking, read_at_most};

/// Why a file of talks' own was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OwnFileError {
    #[error("{0}")]
    Read(ReadError),
    #[error("it is a symbolic link, not a file talks wrote")]
    Link,
    #[error("it belongs to another user")]
    NotOwned,
    #[error("others than you can write it, mode {0:04o}")]
    WritableByOthers(u32),
}

/// The bytes of the file at `path`, at most `max`, if it is talks' own: a regular file
/// (not a link, checked without following one, and again on the file opened), owned by
/// the user talks runs as and not writable by its group or others.
#[cfg(unix)]
pub fn read_own(path: &Path, max: u64) -> Result<Vec<u8>, OwnFileError> {
    use std::os::unix::fs::MetadataExt;
    let read = |err: &io::Error| OwnFileError::Read(ReadError::from_io(err));
    let before = std::fs::symlink_metadata(path).map_err(|e| read(&e))?;
    if before.file_type().is_symlink() {
        return Err(OwnFileError::Link);
    }
    if before.is_dir() {
        return Err(OwnFileError::Read(ReadError::Folder));
    }
    if !before.is_file() {
        return Err(OwnFileError::Read(ReadError::NotRegular));
    }
    let file = open_without_blocking(path, false).map_err(|e| read(&e))?;
    let opened = file.metadata().map_err(|e| read(&e))?;
    if !opened.is_file() || (opened.dev(), opened.ino()) != (before.dev(), before.ino()) {
        return Err(OwnFileError::Read(ReadError::ChangedAsOpened));
    }
    mine_alone(&opened)?;
    if opened.len() > max {
        return Err(OwnFileError::Read(ReadError::TooLarge(max)));
    }
    read_at_most(file, max)
        .map_err(|e| read(&e))?
        .ok_or(OwnFileError::Read(ReadError::TooLarge(max)))
}

/// Whether the file `meta` describes is the user's and no one else can write it.
#[cfg(unix)]
fn mine_alone(meta: &std::fs::Metadata) -> Result<(), OwnFileError> {
    use std::os::unix::fs::MetadataExt;
    if meta.uid() != rustix::process::geteuid().as_raw() {
        return Err(OwnFileError::NotOwned);
    }
    if meta.mode() & 0o022 != 0 {
        return Err(OwnFileError::WritableByOthers(meta.mode() & 0o7777));
    }
    Ok(())
}

/// Whether a regular file is at `path` that [`read_own`] would refuse for its owner or
/// mode: one to make anew rather than replace (a replacement keeps mode and owner).
#[cfg(unix)]
pub fn shared_or_foreign(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file() && mine_alone(&meta).is_err())
}

/// Elsewhere: owners and modes are not checked.
#[cfg(not(unix))]
pub fn shared_or_foreign(_: &Path) -> bool {
    false
}

/// Elsewhere: a regular file, at most `max` bytes.
#[cfg(not(unix))]
pub fn read_own(path: &Path, max: u64) -> Result<Vec<u8>, OwnFileError> {
    super::read::read(path, max)
        .map(|file| file.bytes)
        .map_err(OwnFileError::Read)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn only_a_private_regular_file_of_one_s_own_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.cache");
        std::fs::write(&path, b"bytes").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_own(&path, 100), Ok(b"bytes".to_vec()));
        assert_eq!(
            read_own(&path, 3),
            Err(OwnFileError::Read(ReadError::TooLarge(3)))
        );
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o622)).unwrap();
        let err = read_own(&path, 100).unwrap_err();
        assert_eq!(err.to_string(), "others than you can write it, mode 0622");
        let link = dir.path().join("b.cache");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        let err = read_own(&link, 100).unwrap_err();
        assert_eq!(
            err.to_string(),
            "it is a symbolic link, not a file talks wrote"
        );
        let err = read_own(dir.path(), 100).unwrap_err();
        assert_eq!(err.to_string(), "this is a folder, not a file");
        let err = read_own(&dir.path().join("none"), 100).unwrap_err();
        assert_eq!(err.to_string(), "no such file");
    }
}
