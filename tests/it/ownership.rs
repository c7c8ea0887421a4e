//! Other users' files and a full disk: talks respects what the file says. These need root
//! (CI runs as root) to switch to `nobody` with `setpriv` or to mount a small tmpfs; where
//! that cannot be done they say why and check nothing, and fail under CI (the decision
//! itself has a unit test in `fsio`).

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::Command;

use super::safe_write::{dossier, litter};
use crate::common::{can_act_as_nobody, cannot_run_without, is_root};

const NOBODY: u32 = 65534;

/// `talks ARGS` as nobody: exit code, stdout, stderr.
fn as_nobody(args: &[&str]) -> (i32, String, String) {
    let output = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_talks"))
        .args(args)
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn chown(path: &Path, uid: u32, gid: u32) {
    std::os::unix::fs::chown(path, Some(uid), Some(gid)).unwrap();
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A dossier owned by nobody in a folder nobody can reach and use.
fn nobodys_dossier() -> (tempfile::TempDir, std::path::PathBuf) {
    let (dir, path) = dossier();
    chmod(dir.path(), 0o755);
    chown(dir.path(), NOBODY, NOBODY);
    chown(&path, NOBODY, NOBODY);
    (dir, path)
}

#[test]
fn as_nobody_a_read_only_dossier_is_not_replaced() {
    if !can_act_as_nobody() {
        return;
    }
    let (_dir, path) = nobodys_dossier();
    chmod(&path, 0o444);
    let before = std::fs::read(&path).unwrap();
    let file = path.to_str().unwrap();
    let (code, out, err) = as_nobody(&["new", "actor", "--id", "b", "--append", file]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        err.trim(),
        format!(
            "talks: {file} is read-only for you (mode 0444): talks does not replace a file you \
             could not write in place"
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(std::fs::metadata(&path).unwrap().mode() & 0o777, 0o444);
}

#[test]
fn as_root_another_users_dossier_keeps_its_owner_group_and_mode() {
    if !is_root() {
        cannot_run_without("root, to give the file to nobody");
        return;
    }
    let (_dir, path) = dossier();
    chown(&path, NOBODY, NOBODY);
    chmod(&path, 0o640);
    let (code, out, err) = crate::common::run(&[
        "new",
        "actor",
        "--id",
        "b",
        "--append",
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let meta = std::fs::metadata(&path).unwrap();
    assert_eq!(
        (meta.uid(), meta.gid(), meta.mode() & 0o7777),
        (NOBODY, NOBODY, 0o640)
    );
    assert!(std::fs::read_to_string(&path).unwrap().contains("- id: b"));
}

/// A writable file in a folder nobody may create files in is written in place.
#[test]
fn as_nobody_a_writable_file_in_a_read_only_folder_is_written_in_place() {
    if !can_act_as_nobody() {
        return;
    }
    let (dir, path) = nobodys_dossier();
    chmod(dir.path(), 0o555);
    let inode = std::fs::metadata(&path).unwrap().ino();
    let file = path.to_str().unwrap();
    let (code, out, err) = as_nobody(&["new", "actor", "--id", "b", "--append", file]);
    chmod(dir.path(), 0o755);
    assert_eq!(code, 0, "{out}{err}");
    assert!(std::fs::read_to_string(&path).unwrap().contains("- id: b"));
    assert_eq!(
        std::fs::metadata(&path).unwrap().ino(),
        inode,
        "the same file, written in place"
    );
    assert_eq!(litter(dir.path(), &["d.yaml"]), Vec::<String>::new());
}

/// A new file in a folder nobody may write in: the message names the folder.
#[test]
fn as_nobody_an_export_into_a_read_only_folder_names_the_folder() {
    if !can_act_as_nobody() {
        return;
    }
    let (dir, _path) = nobodys_dossier();
    chmod(dir.path(), 0o555);
    let out_file = dir.path().join("brief.md");
    let (code, _, err) = as_nobody(&[
        "export",
        "--view",
        "actors",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    chmod(dir.path(), 0o755);
    assert_ne!(code, 0);
    assert!(
        err.contains(&format!(
            "cannot create a file in the folder {}: the folder is not writable for you",
            dir.path().display()
        )),
        "{err}"
    );
}

/// A full disk: the dossier is as it was and no temporary file stays.
#[test]
fn a_full_disk_leaves_the_dossier_and_no_litter() {
    if !is_root() {
        cannot_run_without("root, to mount a small tmpfs");
        return;
    }
    let mount = tempfile::tempdir().unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(mount.path())
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        cannot_run_without("a small tmpfs, which `mount` refused here");
        return;
    }
    let path = mount.path().join("d.yaml");
    let padding: String = (0..1600)
        .map(|n| format!("# padding line {n:05}\n"))
        .collect();
    let text = format!(
        "{}{padding}actors:\n  - id: a\n    name: A\n    kind: state\n",
        crate::common::HEADER
    );
    std::fs::write(&path, &text).unwrap();
    let (code, _, err) = crate::common::run(&[
        "new",
        "actor",
        "--id",
        "b",
        "--append",
        path.to_str().unwrap(),
    ]);
    let left = litter(mount.path(), &["d.yaml"]);
    let unchanged = std::fs::read_to_string(&path).unwrap() == text;
    let _ = Command::new("umount").arg(mount.path()).status();
    assert_eq!(code, 1);
    assert_eq!(
        err.trim(),
        format!(
            "talks: the disk is full: {} was not written",
            path.display()
        )
    );
    assert!(unchanged, "the dossier is as it was");
    assert_eq!(left, Vec::<String>::new());
}

/// As nobody, `*` when the notes file is read-only: refused in the status bar, the file
/// as it was.
#[test]
fn as_nobody_a_read_only_notes_file_is_not_replaced_by_a_star() {
    if !can_act_as_nobody() {
        return;
    }
    let (dir, path) = nobodys_dossier();
    let notes = dir.path().join("d.notes.yaml");
    let text = "version: 1\nstars:\n- a\n";
    std::fs::write(&notes, text).unwrap();
    chown(&notes, NOBODY, NOBODY);
    chmod(&notes, 0o444);
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    chown(&home, NOBODY, NOBODY);
    let home = home.to_str().unwrap();
    let env = [("XDG_STATE_HOME", home), ("XDG_DATA_HOME", home)];
    let cwd = dir.path().to_str().unwrap();
    let mut s = crate::pty::Session::start_as_nobody(cwd, &[path.to_str().unwrap()], &env);
    s.wait_for_text("1 Actors 1/1");
    s.send(b"*");
    s.wait_for_text("is read-only for you (mode 0444)");
    assert!(
        s.screen_text().contains("Notes not saved"),
        "{}",
        s.screen_text()
    );
    s.quit();
    assert_eq!(std::fs::read_to_string(&notes).unwrap(), text);
}

/// As nobody, a writable notes file in a folder nobody may create files in is written in
/// place, not sent elsewhere.
#[test]
fn as_nobody_a_writable_notes_file_in_a_read_only_folder_takes_the_star() {
    if !can_act_as_nobody() {
        return;
    }
    let (dir, path) = nobodys_dossier();
    let notes = dir.path().join("d.notes.yaml");
    std::fs::write(&notes, "version: 1\n").unwrap();
    chown(&notes, NOBODY, NOBODY);
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    chown(&home, NOBODY, NOBODY);
    chmod(dir.path(), 0o555);
    let home = home.to_str().unwrap();
    let env = [("XDG_STATE_HOME", home), ("XDG_DATA_HOME", home)];
    let cwd = dir.path().to_str().unwrap();
    let mut s = crate::pty::Session::start_as_nobody(cwd, &[path.to_str().unwrap()], &env);
    s.wait_for_text("1 Actors 1/1");
    s.send(b"*");
    s.wait_for_text("Starred");
    s.quit();
    chmod(dir.path(), 0o755);
    let written = std::fs::read_to_string(&notes).unwrap();
    assert!(written.contains("stars:\n  - a"), "{written}");
}
