//! The query history kept between sessions, as fzf's `--history` keeps it, one file per
//! dossier (issue #28 item 10).

use crate::pty::Session;
use std::path::{Path, PathBuf};

/// The history file of the dossier at `dossier` (`None`: the built-in one) under `state`.
fn history_file(state: &Path, dossier: Option<&Path>) -> PathBuf {
    let name = talks::query_history::file_name(dossier);
    state.join("talks").join("query-history").join(name)
}

/// Runs the queries, each finished with Enter, then quits.
fn search_and_quit(s: &mut Session, queries: &[&str]) {
    s.wait_for_text("1 Actors 15/15");
    for query in queries {
        // Ctrl-U clears what the bar holds.
        s.send(format!("/\x15{query}\r").as_bytes());
        s.wait_for_text(&format!(" / {query}"));
    }
    s.quit();
}

#[test]
fn the_history_is_kept_between_sessions_and_up_recalls_it() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let mut s = Session::start(&[], 80, 24, &env);
    search_and_quit(&mut s, &["nato", "pokrovsk", "nato"]);
    let file = history_file(state.path(), None);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "pokrovsk\nnato\n");
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"/\x1b[A");
    s.wait_for_text(" / nato");
    s.send(b"\x1b[A");
    s.wait_for_text(" / pokrovsk");
    s.send(b"\r");
    s.quit();
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "nato\npokrovsk\n");
}

#[test]
fn the_tests_keep_their_history_out_of_the_home_folder() {
    let mut s = Session::start(&[], 80, 24, &[]);
    let state = s.state_dir().unwrap().to_path_buf();
    search_and_quit(&mut s, &["witkoff"]);
    let file = history_file(&state, None);
    assert_eq!(std::fs::read_to_string(file).unwrap(), "witkoff\n");
}

#[test]
fn history_false_keeps_no_file() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "history = false\n").unwrap();
    let env = [("XDG_STATE_HOME", dir.path().to_str().unwrap())];
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 80, 24, &env);
    search_and_quit(&mut s, &["nato"]);
    // (The folder holds the snapshot of "since you last looked".)
    assert!(!dir.path().join("talks").join("history").exists());
    assert!(!dir.path().join("talks").join("query-history").exists());
}

/// Up in one dossier offers that dossier's queries, not another's.
#[test]
fn each_dossier_has_its_own_history() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let minimal = "tests/fixtures/minimal.yaml";
    let mut s = Session::start(&[], 80, 24, &env);
    search_and_quit(&mut s, &["nato"]);
    let mut s = Session::start(&[minimal], 80, 24, &env);
    s.wait_for_text("1 Actors 2/2");
    s.send(b"/\x15envoy\r");
    s.wait_for_text(" / envoy");
    s.quit();
    let own = history_file(state.path(), Some(Path::new(minimal)));
    assert_eq!(std::fs::read_to_string(own).unwrap(), "envoy\n");
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"/\x1b[A");
    s.wait_for_text(" / nato");
    // A second Up finds nothing older: Enter searches "nato" again.
    s.send(b"\x1b[A\r");
    s.quit();
    let builtin = history_file(state.path(), None);
    assert_eq!(std::fs::read_to_string(builtin).unwrap(), "nato\n");
}

/// The single file of earlier versions starts every dossier's history and is left alone.
#[test]
fn the_old_shared_file_starts_each_dossier_s_history() {
    let state = tempfile::tempdir().unwrap();
    let talks_dir = state.path().join("talks");
    std::fs::create_dir_all(&talks_dir).unwrap();
    let shared = talks_dir.join("history");
    std::fs::write(&shared, "pokrovsk\nnato\n").unwrap();
    let mut notices = Vec::new();
    let dossier = Path::new("tests/fixtures/minimal.yaml");
    let (entries, file) = talks::query_history::open_in(&talks_dir, Some(dossier), &mut notices);
    assert_eq!(entries, ["pokrovsk", "nato"]);
    assert!(notices.is_empty(), "{notices:?}");
    let file = file.unwrap();
    assert_eq!(file.path, history_file(state.path(), Some(dossier)));
    let mine = vec!["pokrovsk".into(), "nato".into(), "envoy".into()];
    let written = talks::query_history::save(&file, &mine).unwrap();
    assert_eq!(
        std::fs::read_to_string(&written.path).unwrap(),
        "pokrovsk\nnato\nenvoy\n"
    );
    assert_eq!(
        std::fs::read_to_string(&shared).unwrap(),
        "pokrovsk\nnato\n"
    );
    // Once the dossier has its file, the shared one is no longer read for it.
    std::fs::write(&shared, "other\n").unwrap();
    let (entries, _) = talks::query_history::open_in(&talks_dir, Some(dossier), &mut notices);
    assert_eq!(entries, ["pokrovsk", "nato", "envoy"]);
}

/// A history that cannot be read is said, and kept for the session only.
#[test]
fn an_unreadable_history_is_said_and_kept_for_the_session() {
    let state = tempfile::tempdir().unwrap();
    let talks_dir = state.path().join("talks");
    let own = history_file(state.path(), None);
    std::fs::create_dir_all(&own).unwrap();
    let mut notices = Vec::new();
    let (entries, file) = talks::query_history::open_in(&talks_dir, None, &mut notices);
    assert!(entries.is_empty() && file.is_none());
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(
        notices[0].contains("cannot read the query history")
            && notices[0].ends_with("it is kept for this session only"),
        "{notices:?}"
    );
}
