//! The terminal is restored however talks ends: a panic, a signal; and the explorer
//! explains itself when it has no terminal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
mod pty;
use pty::Session;

#[test]
fn a_panic_restores_the_terminal_and_prints_a_readable_message() {
    let mut s = Session::start(
        &[],
        80,
        24,
        &[("TALKS_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
    );
    s.wait_for_text("1 Actors 15/15");
    s.send(b"j");
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    let screen = s.screen_text();
    assert!(screen.contains("deliberate panic for testing"), "{screen}");
}

fn stop_with(signal: &str) {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    let pid = s.child.process_id().unwrap().to_string();
    let killed = std::process::Command::new("kill")
        .args(["-s", signal, &pid])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = s.wait_exit();
    assert!(!status.success());
    s.assert_restored();
    assert!(
        s.screen_text().contains("talks: stopped by signal"),
        "{}",
        s.screen_text()
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    stop_with("TERM");
}

#[test]
fn sighup_restores_the_terminal() {
    stop_with("HUP");
}

#[test]
fn no_terminal_gives_a_clear_message() {
    // Under `cargo test` the binary's stdin and stdout are not a terminal.
    let (code, out, err) = common::run(&[]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "talks: the explorer needs a terminal. To print data instead, use `talks list`, \
         `talks show ID` or `talks search QUERY` (see `talks --help`).\n"
    );
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_resumes() {
    let mut s = Session::start_shell(80, 24);
    s.wait_for_text("$ ");
    s.send(format!("{}\r", env!("CARGO_BIN_EXE_talks")).as_bytes());
    s.wait_for_text("1 Actors 15/15");
    s.send(b"j");
    s.wait_for_text("Ukraine · actor");
    // Ctrl-Z: the shell's screen comes back, with its prompt and no mouse capture.
    s.send(b"\x1a");
    s.wait_for("the shell to say talks stopped", |screen| {
        !screen.alternate_screen() && screen.contents().contains("Stopped")
    });
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture is off while suspended"
    );
    assert!(!s.parser.screen().hide_cursor(), "the cursor is shown");
    // fg: the explorer again, drawn whole, where it was.
    s.send(b"fg\r");
    s.wait_for("the explorer to be back", |screen| {
        screen.alternate_screen() && screen.contents().contains("Ukraine · actor")
    });
    s.wait_for_text("1 Actors 15/15");
    s.send(b"q");
    // Typing on before the shell prompts again could reach talks, still reading its input.
    s.wait_for("the shell's prompt after quitting", |screen| {
        let contents = screen.contents();
        let last = contents.lines().rev().find(|l| !l.trim().is_empty());
        !screen.alternate_screen() && last.map(str::trim) == Some("$")
    });
    s.send(b"exit\r");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
}
