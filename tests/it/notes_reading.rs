//! A notes file is read like a dossier (`talks notes`, the real binary): a key written
//! twice, hostile nesting and aliases, and every error at its `FILE:LINE:COLUMN`.

use std::path::Path;

use crate::common::talks;

/// `talks notes -d d.yaml` with `text` as `d.notes.yaml`: exit code and stderr.
fn notes_of(text: &[u8]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.yaml");
    std::fs::copy("data/talks.yaml", &dossier).unwrap();
    std::fs::write(dir.path().join("d.notes.yaml"), text).unwrap();
    run_notes(&dossier)
}

fn run_notes(dossier: &Path) -> (i32, String) {
    let output = talks()
        .args(["notes", "-d"])
        .arg(dossier)
        .env("XDG_DATA_HOME", "/nonexistent/talks-test-data")
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    let folder = dossier.parent().unwrap().to_string_lossy().into_owned();
    (
        output.status.code().unwrap_or(-1),
        err.replace(&folder, "DIR"),
    )
}

/// The message `talks notes` prints for a notes file it cannot read.
fn refused(message: &str) -> (i32, String) {
    (
        2,
        format!("talks: cannot read the notes: DIR/d.notes.yaml:{message}\n"),
    )
}

#[test]
fn a_note_written_twice_is_an_error_at_the_second_naming_the_first() {
    let text = "version: 1\nnotes:\n  donbas: Kyiv holds.\n  putin: Watch.\n  donbas: Moved?\n";
    assert_eq!(
        notes_of(text.as_bytes()),
        refused("5:3: the note \"donbas\" is written twice: the other is at line 3, column 3")
    );
}

#[test]
fn a_star_a_saved_search_or_a_key_written_twice_is_an_error() {
    let star = "version: 1\nstars:\n  - putin\n  - kyiv\n  - putin\n";
    assert_eq!(
        notes_of(star.as_bytes()),
        refused("5:5: the star \"putin\" is listed twice: the other is at line 3, column 5")
    );
    let search = "searches:\n  g: nato\n  g: guarantees\n";
    assert_eq!(
        notes_of(search.as_bytes()),
        refused("3:3: the saved search \"g\" is written twice: the other is at line 2, column 3")
    );
    let top = "version: 1\nstars: [putin]\nstars: [kyiv]\n";
    assert_eq!(
        notes_of(top.as_bytes()),
        refused("3:1: the key `stars` is written twice: the other is at line 2, column 1")
    );
}

#[test]
fn an_error_on_line_three_is_reported_on_line_three() {
    let cases: [(&[u8], &str); 5] = [
        (
            b"version: 1\nnotes:\n  putin: [a, list]\n",
            "3:10: notes.putin: invalid type: a list, expected a string",
        ),
        (
            b"version: 1\nnotes: {}\nnotez: {}\n",
            "3:1: unknown field `notez`, expected one of `version`, `notes`, `stars`, `searches`",
        ),
        (
            b"version: 1\nnotes:\n  putin: a\x07bell\n",
            "3:11: the file contains a raw control character U+0007; is it really a text file?",
        ),
        (
            b"notes: {}\nstars: []\nversion: 2\n",
            "3:10: notes version 2 is not known: this talks reads version 1",
        ),
        (
            b"version: 1\nnotes: {}\n---\nstars: []\n",
            "3:1: a second YAML document starts here: a notes file holds one",
        ),
    ];
    for (text, message) in cases {
        assert_eq!(notes_of(text), refused(message), "{text:?}");
    }
    assert_eq!(
        notes_of(b"version: 1\nnotes:\n  putin: caf\xe9\n"),
        refused("3:13: the notes file is not UTF-8 text (byte 0xE9)")
    );
}

/// 100k nested `[` took 21–24 s (quadratic) before the explorer's first frame.
#[test]
fn deep_nesting_is_refused_before_it_is_read() {
    let text = format!("version: 1\nnotes:\n  putin: {}\n", "[".repeat(100_000));
    assert_eq!(
        notes_of(text.as_bytes()),
        refused(
            "3:74: the notes nest deeper than 64 levels here (a notes file needs two); it is \
             refused before it is read, since reading such nesting takes minutes"
        )
    );
}

/// 200k saved searches aliasing one string took 826 MB, and the next write made a file
/// the reader refused.
#[test]
fn saved_searches_aliasing_one_string_are_refused_where_they_grow_too_large() {
    let mut text = format!("version: 1\nsearches:\n  s0: &q \"{}\"\n", "x".repeat(4096));
    for n in 1..200_000 {
        text.push_str(&format!("  s{n}: *q\n"));
    }
    let (code, err) = notes_of(text.as_bytes());
    // The 16 MiB of the file and its expansion are reached at the 3,438th alias.
    assert_eq!(
        (code, err),
        refused(
            "3441:10: the aliases make the notes larger than 16 MiB once written out (talks \
             writes notes without aliases), more than a notes file may hold"
        )
    );
}
