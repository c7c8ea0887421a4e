//! The atomic write: a temporary file in the target folder, then a rename, so an interrupted
//! export leaves no half file; an existing file is replaced only when asked.

use crate::text::{sanitize_line, shown_path};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// A finished write: where, and how many bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub path: PathBuf,
    pub bytes: u64,
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

/// Why an export could not be written. The messages say what and where.
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
    #[error("the disk is full: {} was not written", shown_path(.0))]
    DiskFull(PathBuf),
    #[error("cannot write {}: {}", shown_path(.0), sanitize_line(.1))]
    Other(PathBuf, String),
}

fn describe(err: &io::Error, path: &Path, folder: &Path) -> WriteError {
    match err.kind() {
        io::ErrorKind::NotFound => WriteError::NoFolder(folder.to_path_buf()),
        io::ErrorKind::PermissionDenied => WriteError::PermissionDenied(path.to_path_buf()),
        io::ErrorKind::StorageFull => WriteError::DiskFull(path.to_path_buf()),
        io::ErrorKind::AlreadyExists => WriteError::Exists(path.to_path_buf()),
        io::ErrorKind::IsADirectory => WriteError::IsFolder(path.to_path_buf()),
        _ => WriteError::Other(path.to_path_buf(), err.to_string()),
    }
}

/// Replaces the file at `path` with `contents` (atomically), creating its folder first:
/// the files talks keeps for itself (the query history, the notes).
pub fn replace_creating_folder(path: &Path, contents: &[u8]) -> Result<Written, String> {
    if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)
            .map_err(|err| format!("cannot create {}: {err}", shown_path(folder)))?;
    }
    write_atomic(path, contents, true).map_err(|err| err.to_string())
}

/// Writes `contents` to `path` atomically. Without `overwrite`, an existing file is left
/// alone and [`WriteError::Exists`] returned.
pub fn write_atomic(path: &Path, contents: &[u8], overwrite: bool) -> Result<Written, WriteError> {
    if path.is_dir() {
        return Err(WriteError::IsFolder(path.to_path_buf()));
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(WriteError::NoFolder(folder));
    }
    if !overwrite && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    let mut builder = tempfile::Builder::new();
    builder.prefix(".talks-export-");
    // A temporary file is private (0600); the export is an ordinary file (umask applies),
    // or keeps the mode of the file it replaces (a link is replaced, not followed).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let kept = std::fs::symlink_metadata(path)
            .ok()
            .filter(|m| m.is_file())
            .map(|m| m.permissions().mode() & 0o7777);
        builder.permissions(std::fs::Permissions::from_mode(kept.unwrap_or(0o666)));
    }
    let mut temporary = builder
        .tempfile_in(&folder)
        .map_err(|e| describe(&e, path, &folder))?;
    temporary
        .write_all(contents)
        .and_then(|()| temporary.as_file().sync_all())
        .map_err(|e| describe(&e, path, &folder))?;
    let persisted = if overwrite {
        temporary.persist(path).map_err(|e| e.error)
    } else {
        temporary.persist_noclobber(path).map_err(|e| e.error)
    };
    persisted.map_err(|e| describe(&e, path, &folder))?;
    Ok(Written {
        path: std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
        bytes: contents.len() as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_refuses_to_overwrite() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("out.txt");
        let written = write_atomic(&path, b"one", false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(written.bytes, 3);
        assert!(written.path.is_absolute());
        assert_eq!(
            write_atomic(&path, b"two", false),
            Err(WriteError::Exists(path.clone()))
        );
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"one");
        write_atomic(&path, b"two", true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"two");
        let leftovers = std::fs::read_dir(dir.path())
            .map(|d| d.count())
            .unwrap_or(0);
        assert_eq!(leftovers, 1, "no temporary file is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn replacing_a_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("private.txt");
        std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
            .unwrap_or_else(|e| panic!("{e}"));
        write_atomic(&path, b"new", true).unwrap_or_else(|e| panic!("{e}"));
        let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
        assert_eq!(mode.unwrap_or_default(), 0o600);
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"new");
    }

    #[test]
    fn errors_say_what_and_where() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("no/such/folder/out.txt");
        let err = write_atomic(&missing, b"x", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "the folder {} does not exist",
                dir.path().join("no/such/folder").display()
            )
        );
        let err = write_atomic(dir.path(), b"x", false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{} is a folder; give a file name", dir.path().display())
        );
        let full = io::Error::from(io::ErrorKind::StorageFull);
        let err = describe(&full, Path::new("/x/out.txt"), Path::new("/x"));
        assert_eq!(
            err.to_string(),
            "the disk is full: /x/out.txt was not written"
        );
        assert_eq!(
            Written {
                path: "a".into(),
                bytes: 2150
            }
            .size(),
            "2.1 kB"
        );
    }
}
