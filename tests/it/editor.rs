//! Editing from the explorer: `talks init PATH`, and `o` handing the terminal to a fake
//! `$EDITOR` (a shell script that records its arguments and edits the file) and back.

use crate::common;
use crate::pty;

use std::path::{Path, PathBuf};

use crate::common::run;

const GOOD: &str = include_str!("../fixtures/minimal.yaml");

#[test]
fn init_writes_the_built_in_dossier_which_validates_strictly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mine.yaml");
    let (code, out, err) = run(&["init", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        talks::model::BUILTIN_TEXT.as_bytes()
    );
    assert!(out.starts_with("Wrote the built-in dossier to "), "{out}");
    assert!(out.contains("mine.yaml"), "{out}");
    assert!(out.contains("`talks validate "), "the next step: {out}");
    let (code, _, err) = run(&["validate", "--strict", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn init_never_replaces_a_file() {
    let (_dir, path) = common::write_temp("mine.yaml", b"my own work\n");
    let (code, out, err) = run(&["init", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(err.starts_with("talks init: "), "{err}");
    assert!(err.contains("mine.yaml already exists"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), b"my own work\n");
}

#[test]
fn init_into_a_folder_it_cannot_write_says_so() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes anywhere it can: /sys refuses even root.
    let probe = locked.join("probe");
    let target = if std::fs::write(&probe, b"").is_ok() {
        PathBuf::from("/sys/talks-init-test.yaml")
    } else {
        locked.join("mine.yaml")
    };
    let (code, _, err) = run(&["init", target.to_str().unwrap()]);
    assert_eq!(code, 2);
    let folder = target.parent().unwrap().display().to_string();
    assert!(
        err.contains(&format!(
            "cannot create a file in the folder {folder}: the folder is not writable for you"
        )),
        "{err}"
    );
    assert!(!target.exists());
    let (code, _, err) = run(&["init", dir.path().join("none/mine.yaml").to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("does not exist"), "{err}");
}

/// A fake editor in a new folder: it records its arguments in `args`, says it is ready,
/// waits for the test to say go (through the `go` pipe: what was typed meanwhile is in the
/// terminal for whoever reads it), reads one line typed at the terminal into `typed`, runs
/// `edit` on the file (its last argument), and exits.
fn fake_editor(dir: &Path, edit: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = dir.join("fake-editor");
    let d = dir.display();
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("go"))
        .status();
    assert!(made.unwrap().success(), "mkfifo");
    let body = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{d}/args'\nfor last; do :; done\n\
         echo 'FAKE EDITOR: type a line'\nread go < '{d}/go'\nIFS= read -r line\n\
         printf '%s\\n' \"$line\" > '{d}/typed'\n{edit} \"$last\"\n"
    );
    std::fs::write(&script, body).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// Types `keys` while the fake editor has the terminal, then lets it read them.
fn type_in_the_editor(s: &mut pty::Session, dir: &Path, keys: &[u8]) {
    s.wait_for_text("FAKE EDITOR: type a line");
    s.send(keys);
    std::fs::write(dir.join("go"), b"go\n").unwrap();
}

/// talks on a copy of the minimal dossier, `$EDITOR` the fake editor, the envoy selected.
fn explorer_on_the_envoy(dir: &Path, editor: &str) -> (pty::Session, PathBuf) {
    let path = dir.join("d.yaml");
    std::fs::write(&path, GOOD).unwrap();
    let env = [("EDITOR", editor), ("VISUAL", "")];
    let mut s = pty::Session::start(&[path.to_str().unwrap()], 100, 30, &env);
    s.wait_for_text("A minimal dossier");
    s.send(b"j");
    s.wait_for_text("The Envoy · actor");
    (s, path)
}

#[test]
fn o_hands_the_terminal_to_the_editor_and_reloads_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let edit = "sed -i 's/The Envoy/The Emissary/'";
    let editor = fake_editor(dir.path(), edit);
    let (mut s, path) = explorer_on_the_envoy(dir.path(), editor.to_str().unwrap());
    s.send(b"o");
    s.wait_for_text("FAKE EDITOR: type a line");
    assert!(
        !s.parser.screen().alternate_screen(),
        "the editor has the main screen"
    );
    // Keys typed now are the editor's: the explorer reads none of them.
    type_in_the_editor(&mut s, dir.path(), b"jjk q words\r");
    s.wait_for_text("The Emissary");
    let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
    assert_eq!(args, format!("+11\n{}\n", path.display()), "+LINE FILE");
    let typed = std::fs::read_to_string(dir.path().join("typed")).unwrap();
    assert_eq!(typed, "jjk q words\n");
    // Reloaded without --watch; the selection kept (the envoy, renamed).
    s.wait_for_text("Reloaded");
    let screen = s.screen_text();
    assert!(screen.contains("The Emissary · actor"), "{screen}");
    assert!(s.parser.screen().alternate_screen());
    s.quit();
}

#[test]
fn an_editor_that_breaks_the_file_leaves_the_old_dossier_and_a_banner() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "sed -i 's/kind: state/kind: stat/'");
    let (mut s, _path) = explorer_on_the_envoy(dir.path(), editor.to_str().unwrap());
    s.send(b"o");
    type_in_the_editor(&mut s, dir.path(), b"\r");
    s.wait_for_text("Reload failed");
    let screen = s.screen_text();
    assert!(
        screen.contains("line 10:11: unknown actor kind"),
        "{screen}"
    );
    assert!(
        screen.contains("The Envoy · actor") && screen.contains("state"),
        "{screen}"
    );
    s.quit();
}

#[test]
fn an_editor_that_does_not_exist_is_named_and_the_terminal_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-editor");
    let (mut s, _path) = explorer_on_the_envoy(dir.path(), missing.to_str().unwrap());
    s.send(b"o");
    s.wait_for_text("Could not start the editor");
    assert!(
        s.screen_text().contains("no-such-editor"),
        "{}",
        s.screen_text()
    );
    assert!(s.parser.screen().alternate_screen());
    // Still reading keys: back to the first actor.
    s.send(b"k");
    s.wait_for_text("Alpha · actor");
    s.quit();
}

#[test]
fn o_on_the_built_in_dossier_writes_a_copy_switches_to_it_and_edits_it() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "sed -i 's/Steve Witkoff/Steve W. Witkoff/'");
    let env = [("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")];
    let mut s = pty::Session::start(&[], 120, 30, &env);
    s.wait_for_text("1 Actors");
    s.send(b"o");
    s.wait_for_text("Read-only: write an editable copy to: talks.yaml");
    let copy = dir.path().join("copy.yaml");
    s.send(b"\x15"); // Ctrl-U: clear the name offered
    s.send(copy.to_str().unwrap().as_bytes());
    s.send(b"\r");
    type_in_the_editor(&mut s, dir.path(), b"\r");
    s.wait_for_text("Steve W. Witkoff");
    let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
    assert!(args.ends_with(&format!("\n{}\n", copy.display())), "{args}");
    assert!(
        s.screen_text().contains("copy.yaml (watched)"),
        "{}",
        s.screen_text()
    );
    let written = std::fs::read_to_string(&copy).unwrap();
    let built_in = talks::model::BUILTIN_TEXT;
    assert_eq!(
        written,
        built_in.replace("Steve Witkoff", "Steve W. Witkoff")
    );
    s.quit();
}

#[test]
fn esc_in_the_copy_prompt_offers_talks_init() {
    let mut s = pty::Session::start(&[], 120, 30, &[("EDITOR", "false")]);
    s.wait_for_text("1 Actors");
    s.send(b"o");
    s.wait_for_text("write an editable copy to");
    s.send(b"\x1b");
    s.wait_for_text("talks init PATH");
    s.quit();
}

/// `o` on an empty matrix cell of a folder dossier: a new position of that party on that
/// point in the newest report, the editor at it; back from the editor the matrix shows it.
#[test]
fn o_on_an_empty_matrix_cell_adds_a_position_to_the_newest_report() {
    let (dir, folder) = crate::common::marsh_river_copy();
    // An editor that changes nothing: the template stays as written.
    let editor = fake_editor(dir.path(), ":");
    let env = [("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")];
    let mut s = pty::Session::start(&[folder.to_str().unwrap()], 120, 30, &env);
    s.wait_for_text("Marsh River talks");
    s.send(b"m");
    s.send(b"jj");
    s.wait_for_text("Ostra Concord holds no recorded position on Where the river border runs");
    s.send(b"o");
    type_in_the_editor(&mut s, dir.path(), b"\r");
    // The status bar says what was added, and where.
    s.wait_for_text("Added a position of Ostra Concord on Where the river border runs at");
    s.wait_for_text("The stance in one or two sentences");
    let report = folder.join("03-third-report.yaml");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains(
            "  - sticking_point: river-border  # the sticking point's id\n    actor: ostra\n"
        ),
        "{text}"
    );
    // The editor opened at the new position's first line.
    let args = std::fs::read_to_string(dir.path().join("args")).unwrap();
    let line: usize = args.lines().next().unwrap()[1..].parse().unwrap();
    let at = text.lines().nth(line - 1).unwrap_or_default();
    assert!(
        at.contains("- sticking_point: river-border"),
        "{args}: {at}"
    );
    assert!(
        args.ends_with(&format!("\n{}\n", report.display())),
        "{args}"
    );
    s.quit();
}

/// The notes taken on the built-in dossier follow the copy `o` makes: the copy gets its own
/// notes file with them, and the built-in's is left as it was.
#[test]
fn notes_taken_on_the_built_in_dossier_follow_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), ":");
    let env = [("EDITOR", editor.to_str().unwrap()), ("VISUAL", "")];
    let mut s = pty::Session::start(&[], 120, 30, &env);
    s.wait_for_text("1 Actors");
    s.send(b"*");
    s.wait_for_text("Starred");
    let built_in = s.data_dir().unwrap().join("talks/builtin.notes.yaml");
    let noted = std::fs::read_to_string(&built_in).unwrap();
    s.send(b"o");
    s.wait_for_text("write an editable copy to");
    let copy = dir.path().join("copy.yaml");
    s.send(b"\x15");
    s.send(copy.to_str().unwrap().as_bytes());
    s.send(b"\r");
    type_in_the_editor(&mut s, dir.path(), b"\r");
    s.wait_for_text("copy.yaml (watched)");
    let copied = std::fs::read_to_string(dir.path().join("copy.notes.yaml")).unwrap();
    assert_eq!(copied, noted, "the star went with the copy");
    assert_eq!(std::fs::read_to_string(&built_in).unwrap(), noted);
    s.quit();
}
