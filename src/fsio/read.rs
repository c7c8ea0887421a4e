//! The bounded open: every file talks reads is a regular file, opened without waiting (a
//! pipe or a device never blocks or floods the reader) and read up to a cap, even if it
//! grows while read.

use std::fs::File;
use std::hash::Hasher;
use std::io::{self, Read};
use std::path::Path;

/// What a file held when it was read: its length and a hash of its bytes, so that a later
/// write can tell whether the file changed since.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    len: u64,
    hash: u64,
}

impl Stamp {
    pub fn of(bytes: &[u8]) -> Stamp {
        let mut hasher = std::hash::DefaultHasher::new();
        hasher.write(bytes);
        Stamp {
            len: bytes.len() as u64,
            hash: hasher.finish(),
        }
    }

    /// The stamp of what `reader` holds, read in pieces (nothing kept).
    pub(super) fn of_reader(mut reader: impl Read) -> io::Result<Stamp> {
        let mut hasher = std::hash::DefaultHasher::new();
        let mut buffer = vec![0; 1 << 16];
        let mut len = 0u64;
        loop {
            match reader.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => {
                    hasher.write(&buffer[..n]);
                    len += n as u64;
                }
                Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
                Err(err) => return Err(err),
            }
        }
        Ok(Stamp {
            len,
            hash: hasher.finish(),
        })
    }
}

/// A file's bytes and their stamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadFile {
    pub bytes: Vec<u8>,
    pub(crate) stamp: Stamp,
}

/// Why a file could not be read. The messages name no file: the caller says which.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("no such file")]
    NotFound,
    #[error("permission denied")]
    PermissionDenied,
    #[error("this is a folder, not a file")]
    Folder,
    #[error("this is not a regular file (a pipe, a device or a socket)")]
    NotRegular,
    #[error("this is not a regular file any more (it changed as it was opened)")]
    ChangedAsOpened,
    #[error("the file is larger than {}, the most talks reads here", human_bytes(*.0))]
    TooLarge(u64),
    #[error("cannot read the file: {0}")]
    Io(String),
}

impl ReadError {
    pub(super) fn from_io(err: &io::Error) -> ReadError {
        match err.kind() {
            io::ErrorKind::NotFound => ReadError::NotFound,
            io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
            io::ErrorKind::IsADirectory => ReadError::Folder,
            _ => ReadError::Io(err.to_string()),
        }
    }
}

/// `2 GiB`, `500 MiB`, `64 KiB`, `12 bytes`: the largest unit that divides evenly, else
/// one decimal.
pub fn human_bytes(bytes: u64) -> String {
    for (shift, unit) in [(30, "GiB"), (20, "MiB"), (10, "KiB")] {
        let size = 1u64 << shift;
        if bytes >= size {
            return if bytes.is_multiple_of(size) {
                format!("{} {unit}", bytes / size)
            } else {
                format!("{:.1} {unit}", bytes as f64 / size as f64)
            };
        }
    }
    format!("{bytes} bytes")
}

/// The bytes of the regular file at `path`, at most `max` of them.
pub fn read(path: &Path, max: u64) -> Result<ReadFile, ReadError> {
    let file = open_regular(path, max)?;
    let bytes = read_at_most(file, max)
        .map_err(|err| ReadError::from_io(&err))?
        .ok_or(ReadError::TooLarge(max))?;
    Ok(ReadFile {
        stamp: Stamp::of(&bytes),
        bytes,
    })
}

/// [`read`], with `None` when there is no file at `path`.
pub fn read_if_exists(path: &Path, max: u64) -> Result<Option<ReadFile>, ReadError> {
    match read(path, max) {
        Err(ReadError::NotFound) => Ok(None),
        other => other.map(Some),
    }
}

/// [`read`] as text: invalid UTF-8 is replaced (for files of talks' own, such as the query
/// history).
pub fn read_text_lossy(path: &Path, max: u64) -> Result<Option<String>, ReadError> {
    Ok(read_if_exists(path, max)?.map(|file| String::from_utf8_lossy(&file.bytes).into_owned()))
}

/// Opens the regular file at `path` for reading: checked before it is opened and again on
/// what was opened (the path may have become a pipe meanwhile), at most `max` bytes long.
pub fn open_regular(path: &Path, max: u64) -> Result<File, ReadError> {
    let meta = std::fs::metadata(path).map_err(|err| ReadError::from_io(&err))?;
    check_regular(&meta, max)?;
    let file = open_without_blocking(path, false).map_err(|err| ReadError::from_io(&err))?;
    let opened = file.metadata().map_err(|err| ReadError::from_io(&err))?;
    if !opened.is_file() {
        return Err(ReadError::ChangedAsOpened);
    }
    Ok(file)
}

fn check_regular(meta: &std::fs::Metadata, max: u64) -> Result<(), ReadError> {
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    if meta.len() > max {
        return Err(ReadError::TooLarge(max));
    }
    Ok(())
}

/// Opens `path` (for writing too, with `write`); on Unix without waiting for a writer if it
/// is a pipe.
pub(super) fn open_without_blocking(path: &Path, write: bool) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(write);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Everything `reader` holds, or `None` if it holds more than `max` bytes.
pub fn read_at_most(reader: impl Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(all(test, unix))]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    /// A pipe with no writer opens at once (a plain open would wait for a writer), so a
    /// path swapped for a pipe after its check cannot block the reader; the opened file is
    /// then seen not to be regular.
    #[test]
    fn a_pipe_opens_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let pipe = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.is_ok_and(|s| s.success()));
        assert_eq!(read(&pipe, 10), Err(ReadError::NotRegular));
        let (sent, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let opened = open_without_blocking(&pipe, false).and_then(|f| f.metadata());
            let _ = sent.send(opened.map(|meta| meta.is_file()));
        });
        let opened = received.recv_timeout(std::time::Duration::from_secs(60));
        assert!(matches!(opened, Ok(Ok(false))), "{opened:?}");
    }

    #[test]
    fn reads_up_to_the_cap_and_says_why_not() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("f");
        std::fs::write(&path, b"12345").unwrap_or_else(|e| panic!("{e}"));
        let read_back = read(&path, 5).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read_back.bytes, b"12345");
        assert_eq!(read_back.stamp, Stamp::of(b"12345"));
        assert_ne!(read_back.stamp, Stamp::of(b"12346"));
        assert_eq!(
            read(&path, 4).map_err(|e| e.to_string()),
            Err("the file is larger than 4 bytes, the most talks reads here".into())
        );
        assert_eq!(read_if_exists(&dir.path().join("none"), 4), Ok(None));
        assert_eq!(read(dir.path(), 4), Err(ReadError::Folder));
        assert_eq!(
            read(Path::new("/dev/zero"), 4).map_err(|e| e.to_string()),
            Err("this is not a regular file (a pipe, a device or a socket)".into())
        );
        assert_eq!(human_bytes(16 << 20), "16 MiB");
        let long: Vec<u8> = (0..200_000u32).map(|n| (n % 251) as u8).collect();
        let streamed = Stamp::of_reader(&long[..]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, Stamp::of(&long), "read in pieces, the same stamp");
    }
}
