//! Keys people already know, in a real terminal (issue 27): the note of a terminal too
//! small names the keys in force and they work at once; every resize is drawn; two
//! Escapes sent together act as two.

#![allow(clippy::disallowed_methods)]

use crate::pty::Session;

const TOO_SMALL: &str = "Terminal too small";

/// Waits until the explorer is drawn whole (its status bar's help hint) and the note of
/// a terminal too small is gone.
fn wait_for_the_explorer(s: &mut Session, what: &str) {
    s.wait_for(what, |screen| {
        let text = screen.contents();
        text.contains("? help") && !text.contains(TOO_SMALL)
    });
}

#[test]
fn too_small_names_the_quit_keys_and_every_resize_is_drawn() {
    let mut s = Session::start(&[], 80, 24, &[]);
    wait_for_the_explorer(&mut s, "the explorer at 80×24");
    // The overview is open, where `q` would only close it.
    s.send(b"i");
    s.wait_for_text("Built into talks");
    for _ in 0..3 {
        s.resize(20, 6);
        s.wait_for_text(TOO_SMALL);
        s.wait_for_text("20×6; needs 30×8");
        s.wait_for_text("q or Ctrl-c quits");
        s.resize(80, 24);
        s.wait_for("the overview at 80×24, the note gone", |screen| {
            let text = screen.contents();
            text.contains("Built into talks") && !text.contains(TOO_SMALL)
        });
        s.resize(100, 30);
        s.wait_for("the overview at 100×30", |screen| {
            let text = screen.contents();
            text.contains("Built into talks") && !text.contains(TOO_SMALL)
        });
    }
    s.resize(20, 6);
    s.wait_for_text("q or Ctrl-c quits");
    s.send(b"q");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn too_small_says_a_remapped_quit_and_it_quits_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = \"x\"\n").unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 20, 6, &[]);
    s.wait_for_text(TOO_SMALL);
    s.wait_for_text("x or Ctrl-c quits");
    s.send(b"x");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn two_escapes_sent_together_act_as_two() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"/pokrovsk\r");
    s.wait_for("the lists filtered", |screen| {
        !screen.contents().contains("1 Actors 15/15")
    });
    s.send(b"m");
    s.wait_for_text("Stance matrix");
    // One write, as tmux sends two Escapes typed quickly: the first closes the matrix,
    // the second clears the filter.
    s.send(b"\x1b\x1b");
    s.wait_for("the lists, unfiltered", |screen| {
        let text = screen.contents();
        text.contains("1 Actors 15/15") && !text.contains("Stance matrix")
    });
    s.quit();
}

#[test]
fn f1_opens_help_and_f10_quits_as_terminals_send_them() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"\x1bOP");
    s.wait_for_text("Help: keys");
    s.send(b"\x1b[11~");
    s.wait_for("the help to close", |screen| {
        !screen.contents().contains("Help: keys")
    });
    s.send(b"\x1b[21~");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}
