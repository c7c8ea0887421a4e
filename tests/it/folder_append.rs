//! `talks new --append` to a file of a folder dossier: the result is checked against the
//! whole folder, a part without a title takes items, and `-d DIR` names the folder.

use std::path::{Path, PathBuf};

use crate::common::run;

/// A copy of the Marsh River folder dossier (three reports).
fn folder() -> (tempfile::TempDir, PathBuf) {
    crate::common::marsh_river_copy()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn an_id_another_file_of_the_folder_has_is_refused() {
    let (_dir, folder) = folder();
    let head = folder.join("01-first-report.yaml");
    let before = std::fs::read(&head).unwrap();
    // `port-sel` is a place of the second report.
    let (code, out, err) = run(&["new", "place", "--id", "port-sel", "--append", s(&head)]);
    assert_eq!(code, 2, "{out}");
    assert!(
        err.contains("the id \"port-sel\" is already used in"),
        "{err}"
    );
    assert_eq!(std::fs::read(&head).unwrap(), before, "nothing was written");
    let (code, _, err) = run(&["validate", s(&folder)]);
    assert_eq!(code, 0, "the folder still loads: {err}");
}

#[test]
fn a_part_without_a_title_takes_an_item_checked_against_the_folder() {
    let (_dir, folder) = folder();
    let week = folder.join("02-second-report.yaml");
    let (code, out, err) = run(&["new", "actor", "--id", "delta", "--append", s(&week)]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("02-second-report.yaml:") && out.contains("added the actor \"delta\""),
        "{out}"
    );
    let (code, out, err) = run(&["show", "-d", s(&folder), "delta"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("delta") || out.contains("New actor"), "{out}");
    // A position whose party is in another file: the folder knows it.
    let (code, out, err) = run(&[
        "new",
        "position",
        "--sticking-point",
        "port-access",
        "--actor",
        "ostra",
        "--append",
        s(&week),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = run(&["validate", s(&folder)]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn dash_d_names_the_folder_the_file_is_a_part_of() {
    let (dir, folder) = folder();
    let week = folder.join("03-third-report.yaml");
    let (code, out, err) = run(&[
        "new",
        "event",
        "--id",
        "fourth-round",
        "-d",
        s(&folder),
        "--append",
        s(&week),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, _, err) = run(&["validate", s(&folder)]);
    assert_eq!(code, 0, "{err}");

    let elsewhere = dir.path().join("other.yaml");
    std::fs::write(&elsewhere, "version: 1\ntitle: T\n").unwrap();
    let (code, _, err) = run(&[
        "new",
        "actor",
        "--id",
        "x",
        "-d",
        s(&folder),
        "--append",
        s(&elsewhere),
    ]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "talks: {} is not a dossier file of the folder {}: --append names one of its reports",
            elsewhere.display(),
            folder.display()
        )
    );
}

/// A file whose name is not UTF-8 is never left out without a word.
#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_an_error_that_names_it() {
    use std::os::unix::ffi::OsStrExt;
    let (_dir, folder) = folder();
    let name = std::ffi::OsStr::from_bytes(b"04-r\xe9sum\xe9.yaml");
    std::fs::write(folder.join(name), "version: 1\n").unwrap();
    let (code, _, err) = run(&["validate", s(&folder)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "the file {}/04-r\\xE9sum\\xE9.yaml has a name that is not UTF-8: talks cannot name \
             it in messages or keep its order; rename it",
            folder.display()
        )),
        "{err}"
    );
}

/// Two appends of one id to two files of a folder at once: one is added, the other refused;
/// the folder always loads.
#[test]
fn two_appends_to_two_files_of_a_folder_never_clash_20_rounds() {
    let (_dir, folder) = folder();
    let second = folder.join("02-second-report.yaml");
    let third = folder.join("03-third-report.yaml");
    for round in 0..20 {
        let id = format!("same-{round}");
        let spawn = |file: &Path| {
            std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
                .args(["new", "place", "--id", &id, "--append"])
                .arg(file)
                .output()
        };
        let (a, b) = std::thread::scope(|scope| {
            let a = scope.spawn(|| spawn(&second));
            let b = scope.spawn(|| spawn(&third));
            (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
        });
        let added = [&a, &b].iter().filter(|o| o.status.success()).count();
        assert_eq!(added, 1, "round {round}: exactly one adds it");
        let refused = if a.status.success() { &b } else { &a };
        let said = String::from_utf8_lossy(&refused.stderr);
        assert!(
            said.contains(&format!("the id \"{id}\" is already used")),
            "{said}"
        );
        let (code, _, err) = run(&["validate", s(&folder)]);
        assert_eq!(code, 0, "round {round}: {err}");
    }
}

/// Another file of the folder is broken: nothing is added, the message says why and how to
/// add to the file alone.
#[test]
fn a_broken_folder_is_said_not_skipped() {
    let (_dir, folder) = folder();
    std::fs::write(
        folder.join("09-bad.yaml"),
        "version: 1\nactors:\n  - {id: x, name: X, kind: state, sources: [nope]}\n",
    )
    .unwrap();
    let head = folder.join("01-first-report.yaml");
    let before = std::fs::read(&head).unwrap();
    let (code, _, err) = run(&["new", "place", "--id", "port-sel", "--append", s(&head)]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!(
            "nothing was added: the folder dossier {} does not load",
            folder.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("09-bad.yaml:3:"),
        "the broken file is named: {err}"
    );
    assert!(
        err.contains(&format!(
            "(to add to {} alone, give -d {})",
            head.display(),
            head.display()
        )),
        "{err}"
    );
    assert_eq!(std::fs::read(&head).unwrap(), before);
}
