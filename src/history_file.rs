//! The query history file: `$XDG_STATE_HOME/talks/history` (else
//! `~/.local/state/talks/history`), one query a line, oldest first, as fzf's `--history`
//! keeps it. Read once at the start and written (atomically) when the history changes, by
//! the event loop: the state keeps the list in memory.

use std::io;
use std::path::{Path, PathBuf};

use crate::app::HistoryFile;
use crate::app::input::HISTORY_LIMIT;
use crate::fsio::{self, Expect, Now, Stamp, Target};

/// The largest history file read: a thousand queries fit many times over.
pub const MAX_HISTORY_BYTES: u64 = 8 << 20;

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
pub fn open(enabled: bool, notices: &mut Vec<String>) -> (Vec<String>, Option<HistoryFile>) {
    let Some(path) = default_path().filter(|_| enabled) else {
        return (Vec::new(), None);
    };
    match read_stamped(&path) {
        Ok((entries, read)) => (
            entries.clone(),
            Some(HistoryFile {
                path,
                base: entries,
                read,
            }),
        ),
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
    read_stamped(path)
        .map(|(entries, _)| entries)
        .map_err(|err| io::Error::other(err.to_string()))
}

fn read_stamped(path: &Path) -> Result<(Vec<String>, Option<Stamp>), fsio::ReadError> {
    Ok(match fsio::read_if_exists(path, MAX_HISTORY_BYTES)? {
        Some(file) => (
            parse(&String::from_utf8_lossy(&file.bytes)),
            Some(file.stamp),
        ),
        None => (Vec::new(), None),
    })
}

/// Writes this session's history (`entries`, oldest first) to its file, merged with what
/// another talks added since `file` was read or written: the file as it is now.
pub fn save(file: &HistoryFile, entries: &[String]) -> Result<HistoryFile, String> {
    let mut merged = Vec::new();
    let target = Target {
        create_folder: true,
        ..Target::new(&file.path, Expect::AsRead(file.read), MAX_HISTORY_BYTES)
    };
    fsio::write_with(&target, |now| {
        let theirs = match now {
            Now::AsExpected => file.base.clone(),
            Now::Changed(Some(bytes)) => parse(&String::from_utf8_lossy(bytes)),
            Now::Changed(None) => Vec::new(),
        };
        merged = merge_history(&file.base, entries, &theirs);
        Ok(render(&merged).into_bytes())
    })
    .map_err(|err| err.to_string())?;
    Ok(HistoryFile {
        path: file.path.clone(),
        read: Some(Stamp::of(render(&merged).as_bytes())),
        base: merged,
    })
}

/// Placeholder until the merge lands (branch h3): theirs, then this session's queries.
pub fn merge_history(_base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let mut merged: Vec<String> = theirs
        .iter()
        .filter(|q| !mine.contains(q))
        .cloned()
        .collect();
    merged.extend(mine.iter().cloned());
    let start = merged.len().saturating_sub(HISTORY_LIMIT);
    merged.split_off(start)
}

fn render(entries: &[String]) -> String {
    let mut text = entries.join("\n");
    text.push('\n');
    text
}

fn parse(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let start = lines.len().saturating_sub(HISTORY_LIMIT);
    lines[start..].iter().map(|l| l.to_string()).collect()
}

/// Writes `entries` (oldest first) as the whole file, creating its folder.
pub fn write(path: &Path, entries: &[String]) -> Result<(), String> {
    let target = Target {
        create_folder: true,
        ..Target::new(path, Expect::Anything, MAX_HISTORY_BYTES)
    };
    fsio::write_with(&target, |_| Ok(render(entries).into_bytes()))
        .map(|_| ())
        .map_err(|err| err.to_string())
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
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
