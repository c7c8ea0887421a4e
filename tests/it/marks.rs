//! Marks with the real keys: Space, `A`, `U`, and `y` copying the marked set.

use crate::pty::Session;

#[test]
fn space_marks_y_copies_the_marks_and_u_clears_them() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b" j ");
    s.wait_for_text("1 Actors 15/15 · 2 marked");
    s.send(b"y");
    s.wait_for_text("lines to your terminal's clipboard; if nothing pastes, set copy_command");
    s.send(b"U");
    s.wait_for_text("Cleared 2 marks");
    s.send(b"A");
    s.wait_for_text("1 Actors 15/15 · 15 marked");
    s.quit();
}
