//! The configuration file as the explorer uses it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod pty;
use pty::Session;

#[test]
fn remapped_keys_work_and_show_in_help() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "theme = \"light\"\n[keys]\nquit = \"x\"\nopen-page-matrix = \"M\"\n",
    )
    .unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"?quit");
    s.wait_for_text("x Ctrl-c  Quit  (quit)");
    // Esc alone, then M: sent together they would read as Alt-M.
    s.send(b"\x1b");
    s.wait_for("the help to close", |screen| {
        !screen.contents().contains("Help: keys")
    });
    s.send(b"M");
    s.wait_for_text("Stance matrix");
    s.send(b"q");
    // q is no longer bound: still running. x quits.
    s.send(b"x");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn a_bad_config_is_reported_and_the_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\nwatch = yes\n").unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 160, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.wait_for_text("config.toml:2:9:");
    s.quit();
    assert!(!dir.path().join("other.toml").exists());
}
