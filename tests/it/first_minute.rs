//! The newcomer's first minute, as the README's tour tells it, in a real terminal at
//! 80×24: open, `/umerov`, read his detail, follow a link, back, `m`, `e`, quit. On each
//! screen the hint bar names the key the next step uses.

use crate::pty::Session;

/// Waits until the hint bar (the screen's last row) names `key_and_label`.
fn hinted(s: &mut Session, key_and_label: &str) {
    s.wait_for(&format!("{key_and_label:?} in the hint bar"), |screen| {
        let (rows, cols) = screen.size();
        let last = screen.rows(0, cols).nth(usize::from(rows) - 1);
        last.is_some_and(|row| row.contains(key_and_label))
    });
}

#[test]
fn the_first_minute_at_80_by_24() {
    let state = tempfile::tempdir().unwrap();
    let env = [
        ("XDG_STATE_HOME", state.path().to_str().unwrap()),
        ("XDG_DATA_HOME", state.path().to_str().unwrap()),
    ];
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for_text("1 Actors 15/15");
    hinted(&mut s, "/ search");
    s.send(b"/umerov");
    s.wait_for_text("> Rustem Umerov");
    hinted(&mut s, "Enter keep filter");
    s.send(b"\r");
    s.wait_for_text("filtered: \"umerov\"");
    hinted(&mut s, "Enter read");
    // Read: the detail, its first link focused.
    s.send(b"\r");
    s.wait_for_text("Rustem Umerov · actor");
    hinted(&mut s, "Enter follow");
    // Follow the link: who he represents.
    s.send(b"\r");
    s.wait_for_text("Ukraine · actor");
    hinted(&mut s, "Backspace back");
    s.send(b"\x7f");
    s.wait_for_text("Rustem Umerov · actor");
    hinted(&mut s, "m/t/s pages");
    // The matrix, then the export prompt.
    s.send(b"m");
    s.wait_for_text("Stance matrix");
    hinted(&mut s, "e export");
    s.send(b"e");
    s.wait_for_text("Export to:");
    s.send(b"\x1b");
    s.wait_for_text("Export cancelled");
    s.quit();
}
