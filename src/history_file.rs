//! The query history file: `$XDG_STATE_HOME/talks/history` (else
//! `~/.local/state/talks/history`), one query a line, oldest first, as fzf's `--history`
//! keeps it. Read once at the start and written (atomically) when the history changes, by
//! the event loop: the state keeps the list in memory.

use std::io;
use std::path::{Path, PathBuf};

use crate::app::input::HISTORY_LIMIT;
use crate::export::replace_creating_folder;

/// Where the history is kept; `None` when neither `XDG_STATE_HOME` nor `HOME` says.
pub fn default_path() -> Option<PathBuf> {
    // The XDG spec ignores a relative path.
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local").join("state"))
        })?;
    Some(base.join("talks").join("history"))
}

/// The history to start with and where to keep it, when `enabled`. A file that cannot be
/// read is a notice, and is then left alone (not overwritten) for the session.
pub fn open(enabled: bool, notices: &mut Vec<String>) -> (Vec<String>, Option<PathBuf>) {
    let Some(path) = default_path().filter(|_| enabled) else {
        return (Vec::new(), None);
    };
    match read(&path) {
        Ok(entries) => (entries, Some(path)),
        Err(err) => {
            let name = crate::text::shown_path(&path);
            notices.push(format!(
                "{name}: cannot read the query history: {err}; it is kept for this session only"
            ));
            (Vec::new(), None)
        }
    }
}

/// The queries in the file, oldest first (the last [`HISTORY_LIMIT`]); none when there
/// is no file yet.
pub fn read(path: &Path) -> io::Result<Vec<String>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(parse(&String::from_utf8_lossy(&bytes))),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(err) => Err(err),
    }
}

fn parse(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = lines.len().saturating_sub(HISTORY_LIMIT);
    lines[start..].iter().map(|l| l.to_string()).collect()
}

/// Writes `entries` (oldest first) in place of the file, creating its folder.
pub fn write(path: &Path, entries: &[String]) -> Result<(), String> {
    let mut text = entries.join("\n");
    text.push('\n');
    replace_creating_folder(path, text.as_bytes()).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_then_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("talks").join("history");
        assert_eq!(read(&path).ok(), Some(Vec::new()));
        let entries = vec!["nato".to_string(), "actor:putin donbas".to_string()];
        assert_eq!(write(&path, &entries), Ok(()));
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(text, "nato\nactor:putin donbas\n");
        assert_eq!(read(&path).ok(), Some(entries));
    }

    #[test]
    fn only_the_last_entries_are_read() {
        let text: String = (0..HISTORY_LIMIT + 5)
            .map(|n| format!("q{n}\n\n"))
            .collect();
        let entries = parse(&text);
        assert_eq!(entries.len(), HISTORY_LIMIT);
        assert_eq!(entries[0], "q5");
    }
}
