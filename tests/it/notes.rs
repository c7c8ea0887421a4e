//! The analyst's notes with the real binary: written, kept across a restart, an invalid
//! notes file left untouched, a read-only folder, the built-in dossier's notes.

use crate::common::{can_act_as_nobody, cannot_run_without, is_root};
use crate::pty::Session;

use std::path::Path;

/// A folder with a copy of the built-in dossier as `d.yaml`, and a data folder.
fn setup() -> (tempfile::TempDir, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.yaml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/talks.yaml"),
        &dossier,
    )
    .unwrap();
    let data = dir.path().join("data");
    (
        dir,
        dossier.to_string_lossy().into_owned(),
        data.to_string_lossy().into_owned(),
    )
}

#[test]
fn a_note_written_is_there_after_a_restart_and_found_by_search() {
    let (dir, dossier, data) = setup();
    let env = [("XDG_DATA_HOME", data.as_str())];
    let mut s = Session::start(&[&dossier], 100, 30, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"a");
    s.wait_for_text("✎ Your note");
    s.send(b"Watch zzyzx\rsecond line\x13");
    s.wait_for_text("Note on “United States” saved");
    s.quit();
    let written = std::fs::read_to_string(dir.path().join("d.notes.yaml")).unwrap();
    assert!(
        written.contains("united-states: |-\n    Watch zzyzx\n    second line\n"),
        "{written}"
    );

    let mut s = Session::start(&[&dossier], 100, 30, &env);
    s.wait_for_text("✎ United States");
    s.send(b"/zzyzx\r");
    s.wait_for_text("1 Actors 1/15");
    s.send(b"\rG");
    s.wait_for_text("Your note (not in the dossier)");
    s.quit();
}

#[test]
fn an_invalid_notes_file_is_named_in_a_banner_and_never_overwritten() {
    let (dir, dossier, data) = setup();
    let notes = dir.path().join("d.notes.yaml");
    let bad = b"version: 1\nnotes:\n  putin: [a, list]\n";
    std::fs::write(&notes, bad).unwrap();
    let mut s = Session::start(&[&dossier], 120, 30, &[("XDG_DATA_HOME", data.as_str())]);
    s.wait_for_text("⚠ Notes");
    s.wait_for_text("d.notes.yaml:3:10: notes.putin: invalid type");
    s.send(b"*");
    s.wait_for_text("Notes are read-only until the notes file is fixed");
    s.quit();
    assert_eq!(std::fs::read(&notes).unwrap(), bad);
}

/// As root (CI) a folder of mode 0555 is writable anyway, so talks runs as nobody there.
#[test]
fn a_read_only_folder_keeps_the_notes_in_the_data_folder() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, dossier, data) = setup();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let inside = folder.join("d.yaml");
    std::fs::rename(&dossier, &inside).unwrap();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
    let as_nobody = is_root();
    if as_nobody && !can_act_as_nobody() {
        return;
    }
    if !as_nobody && tempfile::tempfile_in(&folder).is_ok() {
        cannot_run_without("a folder that mode 0555 makes read-only");
        return;
    }
    let inside = inside.to_string_lossy().into_owned();
    let env = [("XDG_DATA_HOME", data.as_str())];
    let mut s = if as_nobody {
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::create_dir(&data).unwrap();
        std::os::unix::fs::chown(&data, Some(65534), Some(65534)).unwrap();
        let env = [
            ("XDG_DATA_HOME", data.as_str()),
            ("XDG_STATE_HOME", data.as_str()),
        ];
        let cwd = dir.path().to_str().unwrap();
        Session::start_as_nobody_sized(cwd, &[&inside], 160, 30, &env)
    } else {
        Session::start(&[&inside], 160, 30, &env)
    };
    s.wait_for_text("is read-only: notes are kept in");
    s.send(b"*");
    s.wait_for_text("Starred “United States”");
    s.wait_for_text("★ United States");
    s.quit();
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(!folder.join("d.notes.yaml").exists());
    let kept: Vec<_> = std::fs::read_dir(Path::new(&data).join("talks/notes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(kept[0].ends_with("%ro%d.yaml.notes.yaml"), "{kept:?}");
}

#[test]
fn the_built_in_dossier_keeps_its_notes_in_the_data_folder() {
    let (_dir, _dossier, data) = setup();
    let mut s = Session::start(&[], 100, 30, &[("XDG_DATA_HOME", data.as_str())]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"*");
    s.wait_for_text("★ United States");
    s.quit();
    let written =
        std::fs::read_to_string(Path::new(&data).join("talks/builtin.notes.yaml")).unwrap();
    assert!(written.contains("stars:\n  - united-states\n"), "{written}");
}

#[test]
fn ctrl_e_hands_the_note_to_the_editor_and_ctrl_s_keeps_what_it_wrote() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, dossier, data) = setup();
    let script = dir.path().join("append-a-line");
    std::fs::write(
        &script,
        "#!/bin/sh\nfor last; do :; done\nprintf 'from the editor\\n' >> \"$last\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let script = script.to_string_lossy().into_owned();
    let env = [
        ("XDG_DATA_HOME", data.as_str()),
        ("VISUAL", script.as_str()),
        ("EDITOR", script.as_str()),
    ];
    let mut s = Session::start(&[&dossier], 100, 30, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"atyped here\x05");
    s.wait_for_text("Back from the editor: Ctrl-S keeps the note");
    s.wait_for_text("from the editor");
    s.send(b"\x13");
    s.wait_for_text("Note on “United States” saved");
    s.quit();
    let written = std::fs::read_to_string(dir.path().join("d.notes.yaml")).unwrap();
    assert!(
        written.contains("    typed here\n    from the editor\n"),
        "{written}"
    );
}
