//! `talks init PATH` takes the notes made on the built-in dossier along to the copy's own
//! notes file, as `o` does in the explorer (docs/decisions.md); the built-in's stay.

#![allow(clippy::disallowed_methods)]

use crate::common;
use talks::notes::Notes;

#[test]
fn init_takes_the_built_in_dossier_s_notes_along() {
    let data = tempfile::tempdir().unwrap();
    let builtin = data.path().join("talks").join("builtin.notes.yaml");
    std::fs::create_dir_all(builtin.parent().unwrap()).unwrap();
    let mut notes = Notes::new();
    notes.set_note("witkoff", "Check who he reports to.");
    notes.toggle_star("pokrovsk");
    talks::notes::file::write(&builtin, &notes).unwrap();
    let before = std::fs::read(&builtin).unwrap();
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("mine.yaml");
    let env = [("XDG_DATA_HOME", data.path().to_str().unwrap())];
    let (code, out, err) = common::run_env(&["init", copy.to_str().unwrap()], &env);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Your notes and stars on the built-in dossier are in"),
        "{out}"
    );
    let taken = talks::notes::file::read(&work.path().join("mine.notes.yaml"))
        .unwrap()
        .unwrap();
    assert_eq!(taken.note("witkoff"), Some("Check who he reports to."));
    assert!(taken.is_starred("pokrovsk"));
    assert_eq!(
        std::fs::read(&builtin).unwrap(),
        before,
        "the built-in's notes stay"
    );
}

#[test]
fn init_with_no_notes_says_nothing_of_them() {
    let data = tempfile::tempdir().unwrap();
    let work = tempfile::tempdir().unwrap();
    let copy = work.path().join("mine.yaml");
    let env = [("XDG_DATA_HOME", data.path().to_str().unwrap())];
    let (code, out, err) = common::run_env(&["init", copy.to_str().unwrap()], &env);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("notes"), "{out}");
    assert!(!work.path().join("mine.notes.yaml").exists());
}
