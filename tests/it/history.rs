//! The query history kept between sessions, as fzf's `--history` keeps it.

use crate::pty::Session;

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
    let file = state.path().join("talks").join("history");
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
    let file = state.join("talks").join("history");
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
}
