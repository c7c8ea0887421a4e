//! The query history files: one per dossier in `$XDG_STATE_HOME/talks/query-history/`
//! (else `~/.local/state/talks/query-history/`), named by the dossier's key (its full
//! path, as "since you last looked" keys it), so that Up in one dossier offers its own
//! queries. Each holds one query a line, oldest first, as fzf's `--history` keeps it. Read
//! once at the start and written (atomically) when the history changes, by the event loop:
//! the state keeps the list in memory.
//!
//! The single file of earlier versions (`…/talks/history`) is read as the start of a
//! dossier's history that has no file yet, and never written again.

use std::collections::{HashMap, HashSet};
use std::io;
use std::path::Path;

use crate::app::QueryHistoryFile;
use crate::app::input::HISTORY_LIMIT;
use crate::fsio::{self, Expect, Now, Stamp, Target};
use crate::seen::SeenKey;

/// The largest history file read: a thousand queries fit many times over.
pub const MAX_QUERY_HISTORY_BYTES: u64 = 8 << 20;

/// The folder of the per-dossier files, under talks' state folder.
pub const FOLDER: &str = "query-history";

/// At most this many dossiers' histories are kept (about 8 MB at their largest, most far
/// smaller); past it, the least recently used go first.
pub const KEPT_HISTORIES: usize = 200;

/// The file of every dossier's history before it was kept per dossier.
pub const SHARED_FILE: &str = "history";

/// The name of the history file of the dossier at `dossier` (`None`: the built-in one;
/// `-`: standard input, which has a history of its own).
pub fn file_name(dossier: Option<&Path>) -> String {
    match SeenKey::of(dossier) {
        Some(key) => key.stable_hash(),
        None => "standard-input".into(),
    }
}

/// The history to start with and where to keep it, when `enabled`, for the dossier at
/// `dossier` (`None`: the built-in one). A file that cannot be read is a notice, and is
/// then left alone (not overwritten) for the session.
pub fn open(
    enabled: bool,
    dossier: Option<&Path>,
    notices: &mut Vec<String>,
) -> (Vec<String>, Option<QueryHistoryFile>) {
    let talks = crate::fsio::places::talks_dir(crate::fsio::places::Base::State);
    match talks.filter(|_| enabled) {
        Some(talks) => open_in(&talks, dossier, notices),
        None => (Vec::new(), None),
    }
}

/// [`open`] with talks' state folder `talks`.
pub fn open_in(
    talks: &Path,
    dossier: Option<&Path>,
    notices: &mut Vec<String>,
) -> (Vec<String>, Option<QueryHistoryFile>) {
    let path = talks.join(FOLDER).join(file_name(dossier));
    let cannot = |path: &Path, err: fsio::ReadError, notices: &mut Vec<String>| {
        let name = crate::text::shown_path(path);
        notices.push(format!(
            "{name}: cannot read the query history: {err}; it is kept for this session only"
        ));
    };
    match read_stamped(&path) {
        // Never used with this dossier: the shared file of earlier versions, if any.
        Ok((_, None)) => {
            let shared = talks.join(SHARED_FILE);
            let entries = read_stamped(&shared).map_or_else(
                |err| {
                    cannot(&shared, err, notices);
                    Vec::new()
                },
                |(entries, _)| entries,
            );
            let file = QueryHistoryFile {
                path,
                base: entries.clone(),
                read: None,
            };
            (entries, Some(file))
        }
        Ok((entries, read)) => {
            let file = QueryHistoryFile {
                path,
                base: entries.clone(),
                read,
            };
            (entries, Some(file))
        }
        Err(err) => {
            cannot(&path, err, notices);
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
    Ok(match fsio::read_if_exists(path, MAX_QUERY_HISTORY_BYTES)? {
        Some(file) => (
            parse(&String::from_utf8_lossy(&file.bytes)),
            Some(file.stamp),
        ),
        None => (Vec::new(), None),
    })
}

/// Writes this session's history (`entries`, oldest first) to its file, merged with what
/// another talks added since `file` was read or written: the file as it is now.
pub fn save(file: &QueryHistoryFile, entries: &[String]) -> Result<QueryHistoryFile, String> {
    let mut merged = Vec::new();
    let target = Target {
        create_folder: true,
        lock_wait: crate::notes::file::EXPLORER_LOCK_WAIT,
        ..Target::new(
            &file.path,
            Expect::AsRead(file.read),
            MAX_QUERY_HISTORY_BYTES,
        )
    };
    let written = fsio::write_with(&target, |now| {
        let theirs = match now {
            Now::AsExpected => file.base.clone(),
            Now::Changed(Some(bytes)) => parse(&String::from_utf8_lossy(bytes)),
            Now::Changed(None) => Vec::new(),
        };
        merged = merge_query_history(&file.base, entries, &theirs);
        Ok(render(&merged).into_bytes())
    })
    .map_err(|err| err.to_string())?;
    if let Some(folder) = file.path.parent() {
        let bound = fsio::Bound {
            total_bytes: u64::MAX,
            files: KEPT_HISTORIES,
        };
        fsio::drop_oldest(folder, is_history_name, bound, &file.path);
    }
    Ok(QueryHistoryFile {
        path: file.path.clone(),
        read: Some(written.stamp),
        base: merged,
    })
}

/// A name [`file_name`] gives: a stable hash in hex, or `standard-input`.
fn is_history_name(name: &str) -> bool {
    name == "standard-input" || (!name.is_empty() && name.bytes().all(|b| b.is_ascii_hexdigit()))
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
        ..Target::new(path, Expect::Anything, MAX_QUERY_HISTORY_BYTES)
    };
    fsio::write_with(&target, |_| Ok(render(entries).into_bytes()))
        .map(|_| ())
        .map_err(|err| err.to_string())
}

/// The history to write when another talks changed the file since this one read it:
/// `base` is what this session read (or last wrote), `mine` what it holds now, `theirs`
/// what the file holds now. The queries this session added or used again (moved to the
/// end) go after theirs, in the order they were used; each query once, the last
/// [`HISTORY_LIMIT`] kept.
pub fn merge_query_history(base: &[String], mine: &[String], theirs: &[String]) -> Vec<String> {
    let used = used_this_session(base, mine);
    let mut merged: Vec<&String> = Vec::with_capacity(theirs.len() + used.len());
    let mut seen: HashSet<&str> = used.iter().map(String::as_str).collect();
    // Theirs each once, where it was last used.
    for query in theirs.iter().rev() {
        if seen.insert(query) {
            merged.push(query);
        }
    }
    merged.reverse();
    merged.extend(used);
    let start = merged.len().saturating_sub(HISTORY_LIMIT);
    merged[start..].iter().map(|q| q.to_string()).collect()
}

/// The end of `mine` that this session added or used again. Its start is what is left of
/// `base`, in base's order (the oldest may have fallen off); the first query that is new
/// or out of that order begins what was used. (A query used again that was already last
/// in base cannot be told apart, and needs no moving.)
fn used_this_session<'a>(base: &[String], mine: &'a [String]) -> &'a [String] {
    let place: HashMap<&str, usize> = base
        .iter()
        .enumerate()
        .map(|(at, query)| (query.as_str(), at))
        .collect();
    let mut last = None;
    let start = mine
        .iter()
        .position(|query| match place.get(query.as_str()) {
            Some(&at) if last.is_none_or(|last| at > last) => {
                last = Some(at);
                false
            }
            _ => true,
        });
    &mine[start.unwrap_or(mine.len())..]
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

    /// The folder keeps at most [`KEPT_HISTORIES`] dossiers' histories: saving one drops
    /// the least recently written, never the one saved, and nothing not named like ours.
    #[test]
    fn the_folder_keeps_a_bounded_number_of_histories() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = dir.path().join(FOLDER);
        std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
        for n in 0..KEPT_HISTORIES + 5 {
            let _ = write(&folder.join(format!("{n:016x}")), &["q".to_string()]);
        }
        std::fs::write(folder.join("notes.txt"), "mine").unwrap_or_else(|e| panic!("{e}"));
        let file = QueryHistoryFile {
            path: folder.join("ffffffffffffffff"),
            base: Vec::new(),
            read: None,
        };
        assert!(save(&file, &["nato".to_string()]).is_ok());
        let names: Vec<String> = std::fs::read_dir(&folder)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(names.len(), KEPT_HISTORIES + 1, "ours and notes.txt");
        assert!(names.iter().any(|n| n == "ffffffffffffffff"));
        assert!(names.iter().any(|n| n == "notes.txt"));
    }
}

#[cfg(test)]
mod merging {
    use proptest::prelude::*;

    use super::*;

    fn list(queries: &str) -> Vec<String> {
        queries.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn queries_added_here_go_after_those_added_there() {
        let merged = merge_query_history(&list("a b"), &list("a b c"), &list("a b x y"));
        assert_eq!(merged, list("a b x y c"));
    }

    #[test]
    fn a_query_used_again_here_moves_to_the_end_and_stays_once() {
        // Used again: b. Added: d. There: x added, a used again.
        let merged = merge_query_history(&list("a b c"), &list("a c b d"), &list("b c x a"));
        assert_eq!(merged, list("c x a b d"));
        // Nothing used here: theirs as it is (each once).
        let merged = merge_query_history(&list("a b"), &list("a b"), &list("a b a z"));
        assert_eq!(merged, list("b a z"));
    }

    #[test]
    fn the_oldest_fall_off_past_the_limit() {
        let base: Vec<String> = (0..HISTORY_LIMIT).map(|n| format!("q{n}")).collect();
        let mut mine = base[1..].to_vec();
        mine.push("mine".into());
        let mut theirs = base[1..].to_vec();
        theirs.push("theirs".into());
        let merged = merge_query_history(&base, &mine, &theirs);
        assert_eq!(merged.len(), HISTORY_LIMIT);
        assert_eq!(merged[0], "q2");
        assert_eq!(merged[HISTORY_LIMIT - 2..], ["theirs", "mine"]);
    }

    /// A history that `uses` updates as the explorer does: moved to the end, each once.
    fn used(start: &[String], uses: &[String]) -> Vec<String> {
        let mut history = start.to_vec();
        for query in uses {
            history.retain(|q| q != query);
            history.push(query.clone());
        }
        history
    }

    fn queries(most: usize) -> impl Strategy<Value = Vec<String>> {
        proptest::collection::vec("[a-h]", 0..most)
    }

    proptest! {
        #[test]
        fn nothing_either_session_used_is_lost(
            base in queries(8),
            mine_uses in queries(5),
            their_uses in queries(5),
        ) {
            let base = used(&[], &base);
            let (mine, theirs) = (used(&base, &mine_uses), used(&base, &their_uses));
            let merged = merge_query_history(&base, &mine, &theirs);
            let unique: HashSet<&String> = merged.iter().collect();
            prop_assert_eq!(unique.len(), merged.len(), "each once: {:?}", merged);
            for query in mine.iter().chain(&theirs) {
                prop_assert!(merged.contains(query), "{} lost: {:?}", query, merged);
            }
            if mine != base {
                prop_assert_eq!(merged.last(), mine.last(), "the last used here is last");
            }
        }
    }
}
