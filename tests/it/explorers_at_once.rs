//! Two explorers on one dossier write the notes and the query history as the explorer
//! does (what this session changed, merged into what the file holds): in 100 rounds each,
//! nothing either wrote is lost. Threads in one process, each with its own open file, lock
//! each other as two processes do (flock locks belong to the open file).

use std::path::Path;

use talks::app::QueryHistoryFile;
use talks::notes::Notes;
use talks::notes::file::{read_stamped, save};

fn notes_writer(path: &Path, who: &'static str) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let (mut base, mut read) = match read_stamped(&path).unwrap() {
            Some((notes, stamp)) => (notes, Some(stamp)),
            None => (Notes::new(), None),
        };
        for round in 0..100 {
            let mut mine = base.clone();
            mine.set_note(
                &format!("{who}-{round}"),
                &format!("{who} wrote this in round {round}"),
            );
            if round % 10 == 0 {
                mine.toggle_star(&format!("{who}-star-{round}"));
            }
            let saved = save(&path, &base, &mine, read).unwrap();
            base = saved.notes;
            read = Some(saved.stamp);
        }
    })
}

#[test]
fn two_explorers_writing_notes_lose_nothing_100_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.notes.yaml");
    let writers = [notes_writer(&path, "a"), notes_writer(&path, "b")];
    for writer in writers {
        writer.join().unwrap();
    }
    let (notes, _) = read_stamped(&path).unwrap().unwrap();
    for who in ["a", "b"] {
        for round in 0..100 {
            let key = format!("{who}-{round}");
            assert_eq!(
                notes.note(&key),
                Some(format!("{who} wrote this in round {round}").as_str()),
                "{key} lost"
            );
            if round % 10 == 0 {
                assert!(
                    notes.is_starred(&format!("{who}-star-{round}")),
                    "star lost"
                );
            }
        }
    }
    assert_eq!(notes.notes.len(), 200);
}

fn history_writer(path: &Path, who: &'static str) -> std::thread::JoinHandle<()> {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let entries = talks::query_history::read(&path).unwrap();
        let mut file = QueryHistoryFile {
            path,
            base: entries.clone(),
            read: None,
        };
        let mut mine = entries;
        for round in 0..100 {
            mine.push(format!("{who} query {round}"));
            file = talks::query_history::save(&file, &mine).unwrap();
        }
    })
}

#[test]
fn two_explorers_keeping_history_lose_no_query_100_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("history");
    std::fs::write(&path, "earlier\n").unwrap();
    let writers = [history_writer(&path, "a"), history_writer(&path, "b")];
    for writer in writers {
        writer.join().unwrap();
    }
    let entries = talks::query_history::read(&path).unwrap();
    assert!(entries.contains(&"earlier".to_string()));
    for who in ["a", "b"] {
        for round in 0..100 {
            let query = format!("{who} query {round}");
            assert!(entries.contains(&query), "{query} lost");
        }
    }
    assert_eq!(entries.len(), 201, "each query once");
}

/// A notes file that is a link (kept in a synced folder, say): the file it names is
/// written, the link stays.
#[cfg(unix)]
#[test]
fn a_linked_notes_file_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sync")).unwrap();
    let real = dir.path().join("sync/real.notes.yaml");
    let link = dir.path().join("d.notes.yaml");
    std::os::unix::fs::symlink("sync/real.notes.yaml", &link).unwrap();
    let base = Notes::new();
    let mut mine = base.clone();
    mine.toggle_star("a");
    save(&link, &base, &mine, None).unwrap();
    let mut more = mine.clone();
    more.set_note("a", "and a note");
    let read = read_stamped(&link).unwrap().map(|(_, stamp)| stamp);
    save(&link, &mine, &more, read).unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let (notes, _) = read_stamped(&real).unwrap().unwrap();
    assert!(notes.is_starred("a"));
    assert_eq!(notes.note("a"), Some("and a note"));
}
