//! A large dossier loads behind a loading frame that names the file, its size and the time
//! so far, and that the user can quit; searches on a large dossier run off the UI thread.

use crate::common;
use crate::pty::Session;

fn generated(entities: usize) -> (tempfile::TempDir, String) {
    let yaml = serde_yaml::to_string(&talks::generate::dossier(entities, 7)).unwrap();
    let (dir, path) = common::write_temp("big.yaml", yaml.as_bytes());
    (dir, path.display().to_string())
}

#[test]
fn a_large_dossier_shows_a_loading_frame_that_q_quits() {
    // About 12 MB: a debug build takes seconds to read it.
    let (_dir, path) = generated(20_000);
    let mut s = Session::start(&[&path], 80, 24, &[]);
    s.wait_for_text("Loading");
    let screen = s.screen_text();
    assert!(screen.contains("big.yaml"), "{screen}");
    assert!(screen.contains(" MB · "), "{screen}");
    assert!(screen.contains("q, Esc or Ctrl-c quits"), "{screen}");
    let status = s.quit();
    assert!(status.success(), "{status:?}");
    assert!(
        !s.screen_text().contains("Actors"),
        "quit before the explorer showed"
    );
}

#[test]
fn a_large_dossier_opens_and_its_search_runs_in_the_background() {
    // About 2.4 MB: over the size that loads behind a frame.
    let (_dir, path) = generated(4_000);
    let mut s = Session::start(&[&path], 100, 30, &[]);
    s.wait_for_text("Generated dossier of 4000 entities");
    s.wait_for_text("1 Actors 400/400");
    s.send(b"/");
    s.send(b"kherson 1");
    // The counts change once the worker's results arrive.
    s.wait_for("the filtered counts", |screen| {
        let text = screen.contents();
        text.contains("/ kherson 1") && !text.contains("searching") && !text.contains("400/400")
    });
    s.send(b"\r");
    let status = s.quit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn without_a_terminal_a_large_dossier_is_checked_first() {
    let (_dir, path) = generated(4_000);
    let (code, _, stderr) = common::run(&[&path]);
    assert_eq!(code, 2);
    assert!(stderr.contains("the explorer needs a terminal"), "{stderr}");
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("version: 1", "version: 7", 1);
    std::fs::write(&path, broken).unwrap();
    let (code, _, stderr) = common::run(&[&path]);
    assert_eq!(code, 2);
    assert!(stderr.contains("version"), "{stderr}");
    assert!(!stderr.contains("needs a terminal"), "{stderr}");
}

#[test]
fn a_large_dossier_that_does_not_load_is_reported_after_the_terminal_is_restored() {
    let (_dir, path) = generated(4_000);
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("version: 1", "version: 7", 1);
    std::fs::write(&path, broken).unwrap();
    let mut s = Session::start(&[&path], 100, 30, &[]);
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let screen = s.screen_text();
    assert!(screen.contains("big.yaml:1:10"), "{screen}");
    assert!(screen.contains("the dossier was not loaded"), "{screen}");
}

#[test]
fn a_small_file_slow_to_read_gets_the_loading_frame_and_can_be_quit() {
    let (_dir, path) = common::write_temp("slow.yaml", talks::model::BUILTIN_TEXT.as_bytes());
    let path = path.display().to_string();
    let mut s = Session::start(&[&path], 80, 24, &[("TALKS_TEST_SLOW_LOAD", "1")]);
    s.wait_for_text("Loading");
    let screen = s.screen_text();
    assert!(screen.contains("slow.yaml"), "{screen}");
    assert!(screen.contains("q, Esc or Ctrl-c quits"), "{screen}");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}
