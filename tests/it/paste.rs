//! Bracketed paste in the explorer: `alpha⏎*q` pasted is text in the search bar, not a
//! search submitted, a star written and a quit.

use crate::pty::Session;

#[test]
fn a_paste_is_text_not_keys() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for("the lists, with bracketed paste on", |screen| {
        screen.bracketed_paste() && screen.contents().contains("1 Actors 15/15")
    });
    s.send(b"\x1b[200~alpha\n*q\x1b[201~");
    s.wait_for_text("alpha *q");
    assert!(
        s.child.try_wait().unwrap().is_none(),
        "the q in the paste quit talks"
    );
    let data = s.data_dir().unwrap().to_path_buf();
    let written: Vec<_> = walk(&data);
    assert!(written.is_empty(), "a star was written: {written:?}");

    s.send(b"\x1b");
    s.wait_for("the search bar closed", |screen| {
        !screen.contents().contains("alpha *q")
    });
    let status = s.quit();
    assert!(status.success(), "{status:?}");
    let raw = String::from_utf8_lossy(&s.raw);
    let on = raw
        .rfind("\x1b[?2004h")
        .expect("bracketed paste was enabled");
    assert!(
        raw[on..].contains("\x1b[?2004l"),
        "bracketed paste is disabled at the exit"
    );
}

/// Every file under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}
