//! The safe write seen from the command line: `talks new --append` against a second talks,
//! a program that does not lock, signals, links, a full disk and other users' files.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::HEADER;

/// A dossier with one actor, in a folder of its own.
pub(crate) fn dossier() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.yaml");
    let text = format!("{HEADER}actors:\n  - id: a\n    name: A\n    kind: state\n");
    std::fs::write(&path, text).unwrap();
    (dir, path)
}

fn talks() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_talks"));
    command.stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

fn append_actor(path: &Path, id: &str) -> Command {
    let mut command = talks();
    command
        .args(["new", "actor", "--id", id, "--append"])
        .arg(path);
    command
}

fn finish(child: Child) -> (i32, String, String) {
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn ids_in(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("- id: ").map(str::to_string))
        .collect()
}

/// What another program does: an actor appended with `>>`, no lock taken.
fn append_without_a_lock(path: &Path, id: &str) {
    let other = format!("  - id: {id}\n    name: Other {id}\n    kind: state\n");
    let mut file = std::fs::OpenOptions::new().append(true).open(path).unwrap();
    std::io::Write::write_all(&mut file, other.as_bytes()).unwrap();
}

/// Starts `command` paused at `point` (`BEFORE_WRITE` or `BEFORE_RENAME`) by the debug-only
/// handshake in `dir`, and returns once it waits there; creating `dir/go` lets it go on.
fn start_paused(mut command: Command, point: &str, dir: &Path) -> Child {
    let child = command
        .env(format!("TALKS_TEST_PAUSE_{point}"), dir.join("go"))
        .spawn()
        .unwrap();
    wait_for_file(&dir.join("go.waiting"));
    child
}

/// Sends `signal` (`INT`, `TERM`, …) to `child`.
fn signal(child: &Child, signal: &str) {
    let sent = Command::new("kill")
        .args([format!("-{signal}"), child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
}

/// Waits until `path` exists (a paused write says it is waiting), with a generous deadline.
pub(crate) fn wait_for_file(path: &Path) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The names in `dir` other than `keep`: what a write left behind.
pub(crate) fn litter(dir: &Path, keep: &[&str]) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !keep.contains(&name.as_str()))
        .collect()
}

#[test]
fn two_appends_at_once_both_land_100_rounds() {
    let (_dir, path) = dossier();
    for round in 0..100 {
        let first = append_actor(&path, &format!("x{round}")).spawn().unwrap();
        let second = append_actor(&path, &format!("y{round}")).spawn().unwrap();
        for (code, out, err) in [finish(first), finish(second)] {
            assert_eq!(code, 0, "round {round}: {out}{err}");
            assert!(out.contains(": added the actor"), "{out}");
        }
    }
    let ids = ids_in(&path);
    for round in 0..100 {
        for id in [format!("x{round}"), format!("y{round}")] {
            assert!(ids.contains(&id), "{id} was lost");
        }
    }
    let (code, _, err) = crate::common::run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
}

/// Another program appends (without a lock) while talks has read the file and holds its
/// write: talks sees the change and adds its item to what the file holds now.
#[test]
fn a_program_that_does_not_lock_is_caught_100_rounds() {
    let (dir, path) = dossier();
    let go = dir.path().join("go");
    let waiting = dir.path().join("go.waiting");
    for round in 0..100 {
        let _ = std::fs::remove_file(&go);
        let _ = std::fs::remove_file(&waiting);
        let child = start_paused(
            append_actor(&path, &format!("talks{round}")),
            "BEFORE_WRITE",
            dir.path(),
        );
        append_without_a_lock(&path, &format!("other{round}"));
        std::fs::write(&go, b"").unwrap();
        let (code, out, err) = finish(child);
        assert_eq!(code, 0, "round {round}: {out}{err}");
        assert!(out.contains("the file changed while talks worked"), "{out}");
    }
    let ids = ids_in(&path);
    for round in 0..100 {
        assert!(ids.contains(&format!("talks{round}")), "talks{round} lost");
        assert!(ids.contains(&format!("other{round}")), "other{round} lost");
    }
}

#[test]
fn a_file_removed_while_talks_worked_is_not_written_again() {
    let (dir, path) = dossier();
    let go = dir.path().join("go");
    let child = start_paused(append_actor(&path, "b"), "BEFORE_WRITE", dir.path());
    std::fs::remove_file(&path).unwrap();
    std::fs::write(&go, b"").unwrap();
    let (code, out, err) = finish(child);
    assert_eq!(code, 2, "{out}");
    assert_eq!(
        err.trim(),
        format!(
            "talks: nothing was added: {} was removed since it was read",
            path.display()
        )
    );
    assert!(!path.exists());
}

/// SIGINT or SIGTERM while the temporary file is written: the dossier is as it was and no
/// temporary file stays.
#[cfg(unix)]
#[test]
fn a_signal_during_a_write_leaves_the_file_and_no_litter() {
    for signal_name in ["INT", "TERM", "HUP"] {
        let (dir, path) = dossier();
        let before = std::fs::read(&path).unwrap();
        let child = start_paused(append_actor(&path, "b"), "BEFORE_RENAME", dir.path());
        assert_eq!(
            litter(dir.path(), &["d.yaml", "go.waiting"]).len(),
            1,
            "the temporary file"
        );
        signal(&child, signal_name);
        let output = child.wait_with_output().unwrap();
        assert!(!output.status.success(), "{signal_name}");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{signal_name}");
        assert_eq!(
            litter(dir.path(), &["d.yaml", "go.waiting"]),
            Vec::<String>::new(),
            "{signal_name}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_linked_dossier_stays_a_link_and_a_hard_link_stays_shared() {
    let (dir, path) = dossier();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink("d.yaml", &link).unwrap();
    let (code, out, err) = finish(append_actor(&link, "b").spawn().unwrap());
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(ids_in(&path).contains(&"b".to_string()));

    let other = dir.path().join("other-name.yaml");
    std::fs::hard_link(&path, &other).unwrap();
    let (code, out, err) = finish(append_actor(&path, "c").spawn().unwrap());
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        ids_in(&other).contains(&"c".to_string()),
        "the other name sees the item"
    );
    assert_eq!(
        litter(dir.path(), &["d.yaml", "link.yaml", "other-name.yaml"]),
        Vec::<String>::new()
    );
}

/// An export ended by a signal before its rename leaves no temporary file.
#[cfg(unix)]
#[test]
fn an_export_ended_by_a_signal_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("brief.md");
    let mut export = talks();
    export.args(["export", "--view", "actors", "-o"]).arg(&out);
    let child = start_paused(export, "BEFORE_RENAME", dir.path());
    assert_eq!(
        litter(dir.path(), &["go.waiting"]).len(),
        1,
        "the temporary file"
    );
    signal(&child, "TERM");
    let _ = child.wait_with_output().unwrap();
    assert_eq!(litter(dir.path(), &["go.waiting"]), Vec::<String>::new());
}

/// Another program writes while talks checks the item (after talks compared the file, just
/// before the rename): talks sees it at the rename and adds the item again to what is there.
#[test]
fn a_change_during_the_check_is_caught_before_the_rename() {
    let (dir, path) = dossier();
    let go = dir.path().join("go");
    let child = start_paused(append_actor(&path, "b"), "BEFORE_RENAME", dir.path());
    append_without_a_lock(&path, "other");
    std::fs::write(&go, b"").unwrap();
    let (code, out, err) = finish(child);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("the file changed while talks worked"), "{out}");
    let ids = ids_in(&path);
    assert!(
        ids.contains(&"b".to_string()) && ids.contains(&"other".to_string()),
        "{ids:?}"
    );
    assert_eq!(
        litter(dir.path(), &["d.yaml", "go", "go.waiting"]),
        Vec::<String>::new()
    );
}

/// A file written in place (it has another name) keeps its old bytes in a backup file until
/// the write is complete: killed outright meanwhile, the old dossier is still there.
#[cfg(unix)]
#[test]
fn a_write_in_place_killed_outright_leaves_the_old_bytes_in_a_backup() {
    let (dir, path) = dossier();
    let before = std::fs::read(&path).unwrap();
    std::fs::hard_link(&path, dir.path().join("other-name.yaml")).unwrap();
    let mut child = start_paused(append_actor(&path, "b"), "BEFORE_RENAME", dir.path());
    child.kill().unwrap();
    let _ = child.wait();
    let backups = litter(dir.path(), &["d.yaml", "other-name.yaml", "go.waiting"]);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(backups[0].starts_with(".d.yaml.") && backups[0].ends_with(".talks-backup"));
    assert_eq!(std::fs::read(dir.path().join(&backups[0])).unwrap(), before);
}

/// A dossier alone in its folder: an append does not wait for the folder's lock (that is
/// for the files of a folder dossier).
#[test]
fn a_dossier_alone_in_its_folder_does_not_wait_for_the_folder() {
    let (dir, path) = dossier();
    let folder = std::fs::File::open(dir.path()).unwrap();
    folder.lock().unwrap();
    let (code, out, err) = finish(append_actor(&path, "b").spawn().unwrap());
    assert_eq!(code, 0, "{out}{err}");
    assert!(ids_in(&path).contains(&"b".to_string()));
}
