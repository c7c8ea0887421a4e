//! Where a dossier's bytes come from: a regular file (checked before it is opened, so a
//! pipe or a device never blocks or floods the reader) or standard input, at most
//! `--max-size` bytes either way.

use std::path::Path;

use super::diagnostic::{Diagnostic, Severity};
use super::load::{LoadError, Loaded, load_bytes};

/// The largest dossier file read by default: 2 GiB (`--max-size` changes it).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 2 << 30;

static MAX_FILE_BYTES: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(DEFAULT_MAX_FILE_BYTES);

/// Sets the largest file any later read takes (the `--max-size` of this process).
pub fn set_max_file_bytes(bytes: u64) {
    MAX_FILE_BYTES.store(bytes, std::sync::atomic::Ordering::Relaxed);
}

/// The largest file a read takes now: `--max-size`, 2 GiB unless changed.
pub fn max_file_bytes() -> u64 {
    MAX_FILE_BYTES.load(std::sync::atomic::Ordering::Relaxed)
}

/// The name standard input goes by in messages.
pub const STDIN_NAME: &str = "standard input";

/// What a file larger than `max` bytes, the most talks reads, is told.
pub fn too_large(max: u64) -> String {
    format!(
        "the file is larger than {}, the most talks reads (--max-size changes it)",
        super::size::human_bytes(max)
    )
}

/// Reads and validates the dossier at `path`: a regular file (checked before it is
/// opened, so a pipe or a device never blocks or floods the reader), at most
/// `--max-size` bytes (2 GiB unless changed), even if it grows while read.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    if path.is_dir() {
        return super::folder::load_folder(path);
    }
    let name = crate::text::shown_path(path);
    load_bytes(&name, read_path(path)?)
}

/// The bytes of the regular file at `path`, at most `--max-size` of them, with the same
/// checks and messages as [`load_path`] (named by the path as shown).
pub fn read_path(path: &Path) -> Result<Vec<u8>, LoadError> {
    let name = crate::text::shown_path(path);
    let problem =
        |message: String| LoadError::single(Diagnostic::new(Severity::Error, &name, message));
    let cannot = |err: std::io::Error| {
        problem(match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            _ => format!("cannot read the file: {err}"),
        })
    };
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if meta.is_dir() {
        return Err(problem("this is a folder, not a dossier file".into()));
    }
    if !meta.is_file() {
        return Err(problem(
            "this is not a regular file (a pipe, a device or a socket): talks reads dossier \
             files, or standard input given as -"
                .into(),
        ));
    }
    let max = max_file_bytes();
    if meta.len() > max {
        return Err(problem(too_large(max)));
    }
    let file = open_without_blocking(path).map_err(cannot)?;
    // Checked again on what was opened: the path may have become a pipe meanwhile.
    let opened = file.metadata().map_err(cannot)?;
    if !opened.is_file() {
        return Err(problem(
            "this is not a regular file any more (it changed as it was opened)".into(),
        ));
    }
    let bytes = read_at_most(file, max).map_err(cannot)?;
    bytes.ok_or_else(|| problem(too_large(max)))
}

/// Opens `path` for reading; on Unix without waiting for a writer if it is a pipe.
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    options.open(path)
}

/// Reads and validates a dossier from standard input, at most `--max-size` bytes.
pub fn load_stdin() -> Result<Loaded, LoadError> {
    load_bytes(STDIN_NAME, read_stdin()?)
}

/// Standard input's bytes, at most `--max-size` of them.
pub fn read_stdin() -> Result<Vec<u8>, LoadError> {
    let problem =
        |message: String| LoadError::single(Diagnostic::new(Severity::Error, STDIN_NAME, message));
    let max = max_file_bytes();
    match read_at_most(std::io::stdin().lock(), max) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err(problem(too_large(max))),
        Err(err) => Err(problem(format!("cannot read standard input: {err}"))),
    }
}

/// Everything `reader` holds, or `None` if it holds more than `max` bytes.
fn read_at_most(reader: impl std::io::Read, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader.take(max.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

#[cfg(all(test, unix))]
mod tests {
    /// A pipe with no writer opens at once (a plain open would wait for a writer), so a
    /// path swapped for a pipe after its check cannot block the reader; the opened file is
    /// then seen not to be regular.
    #[test]
    fn a_pipe_opens_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let pipe = dir.path().join("pipe.yaml");
        let made = std::process::Command::new("mkfifo").arg(&pipe).status();
        assert!(made.is_ok_and(|s| s.success()));
        let (sent, received) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let opened = super::open_without_blocking(&pipe).and_then(|f| f.metadata());
            let _ = sent.send(opened.map(|meta| meta.is_file()));
        });
        let opened = received.recv_timeout(std::time::Duration::from_secs(60));
        assert!(matches!(opened, Ok(Ok(false))), "{opened:?}");
    }
}
