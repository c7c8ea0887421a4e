//! The terminal is restored however talks ends: a panic, a signal; and the explorer
//! explains itself when it has no terminal.

use crate::common;
use crate::pty::Session;

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
    // Where the reader was is kept on Ctrl-Z too (as on quit): the actor selected.
    let places = s.state_dir().unwrap().join("talks").join("places.json");
    let kept = std::fs::read_to_string(places).unwrap();
    assert!(
        kept.contains("\"selected\": [\n        \"ukraine\","),
        "{kept}"
    );
    s.wait_for("the shell's prompt while talks is stopped", |screen| {
        let contents = screen.contents();
        let last = contents.lines().rev().find(|l| !l.trim().is_empty());
        last.map(str::trim) == Some("$")
    });
    // fg: the explorer again, drawn whole, where it was, in raw mode.
    s.send(b"fg\r");
    s.wait_for("the explorer to be back", |screen| {
        screen.alternate_screen() && screen.contents().contains("Ukraine · actor")
    });
    s.wait_for_text("1 Actors 15/15");
    // A key without Enter reaches talks at once: raw mode again.
    s.send(b"j");
    s.wait_for_text("Russia · actor");
    assert!(!s.cooked_mode(), "raw mode again after fg");
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

#[test]
fn sigusr1_restores_the_terminal() {
    stop_with("USR1");
}

#[test]
fn sigalrm_restores_the_terminal() {
    stop_with("ALRM");
}

/// The state letter of process `pid` in /proc (`T`: stopped).
fn process_state(pid: &str) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after_name = stat.rsplit(')').next().unwrap_or_default();
    after_name.trim_start().chars().next().unwrap_or('?')
}

fn signal(name: &str, pid: &str) {
    let sent = std::process::Command::new("kill")
        .args(["-s", name, pid])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// `kill -TSTP` from outside stops talks with the terminal given back, as Ctrl-Z does;
/// `kill -CONT` takes it again and redraws. After `kill -STOP`, which cannot be caught,
/// `kill -CONT` redraws too.
#[test]
fn stop_signals_from_outside_give_the_terminal_back_and_take_it_again() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"j");
    s.wait_for_text("Ukraine · actor");
    let pid = s.child.process_id().unwrap().to_string();
    signal("TSTP", &pid);
    s.wait_for("the terminal given back", |screen| {
        !screen.alternate_screen()
    });
    assert!(
        s.cooked_mode(),
        "the terminal is in cooked mode while stopped"
    );
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while process_state(&pid) != 'T' && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(process_state(&pid), 'T', "talks is stopped");
    signal("CONT", &pid);
    s.wait_for("the explorer drawn again", |screen| {
        screen.alternate_screen() && screen.contents().contains("Ukraine · actor")
    });
    signal("STOP", &pid);
    signal("CONT", &pid);
    s.send(b"k");
    s.wait_for_text("United States · actor");
    assert!(!s.cooked_mode(), "raw mode again after an uncaught stop");
    s.quit();
    s.assert_restored();
}
