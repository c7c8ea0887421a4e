//! The analyst's week end to end (issue 26): a folder dossier opened (talks remembers what
//! it says), next week's report started with `talks new report` and a position added with
//! `--append`, then reopened: the header counts what moved, the matrix marks the cell,
//! `changed:stance` lists the party, the brief says it, and catching up clears it all.

#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use crate::common;
use crate::pty::Session;
use talks::app::{App, Options};
use talks::model::load_path;
use talks::seen::{Looked, SeenKey, Store};

/// This week's report, as the analyst starts it: a new file, then Brevik's new position
/// on the river border appended to it (the template's stance, `unclear`, left as it is).
fn add_this_week(folder: &str, env: &[(&str, &str)]) -> String {
    let report = [
        "new",
        "report",
        "-d",
        folder,
        "--date",
        "2031-03-16",
        "--source-title",
        "Third weekly report",
    ];
    let (code, out, err) = common::run_env(&report, env);
    assert_eq!(code, 0, "{err}");
    let file = format!("{folder}/03-third-weekly-report.yaml");
    assert!(out.contains("the folder loads with it"), "{out}");
    let position = [
        "new",
        "position",
        "--sticking-point",
        "river-border",
        "--actor",
        "brevik",
        "-d",
        folder,
        "--append",
        &file,
    ];
    let (code, out, err) = common::run_env(&position, env);
    assert_eq!(code, 0, "{err}");
    let said = format!("{out}{err}");
    assert!(said.contains("added a position of \"brevik\""), "{said}");
    file
}

#[test]
fn a_week_with_talks_from_report_to_caught_up() {
    let dossier = common::marsh_river(2);
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let folder = dossier.path().to_str().unwrap();
    // Last week's look: remembered, nothing compared.
    let mut s = Session::start(&[folder], 120, 30, &env);
    s.wait_for_text("? help");
    assert!(!s.screen_text().contains("since you looked"));
    s.quit();
    add_this_week(folder, &env);
    // This week: the header counts what moved, without a flag.
    let mut s = Session::start(&[folder], 120, 30, &env);
    s.wait_for_text("since you looked today at");
    let header = s
        .screen_text()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(header.contains("1 new source"), "{header}");
    assert!(header.contains("1 stance shift"), "{header}");
    assert!(s.marked_rows() > 0, "{}", s.screen_text());
    // The matrix marks Brevik's cell on the river border.
    s.send(b"m");
    s.wait_for_text("Δ moved");
    let matrix = s.screen_text();
    assert!(
        matrix
            .lines()
            .any(|l| l.contains("Brevik") && l.contains('Δ')),
        "{matrix}"
    );
    s.send(b"m");
    // changed:stance lists the party whose stance moved.
    s.send(b"/changed:stance\r");
    s.wait_for_text("1 Actors 1/3");
    assert!(s.screen_text().contains("Brevik"), "{}", s.screen_text());
    s.send(b"\x1b");
    s.wait_for_text("1 Actors 3/3");
    // The brief handed in says what moved, by name.
    let brief = [
        "export",
        folder,
        "--all",
        "--since",
        "seen",
        "--no-timestamp",
        "-o",
        "-",
    ];
    let (code, out, err) = common::run_env(&brief, &env);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("What moved since your last look"), "{out}");
    assert!(out.contains("Brevik"), "{out}");
    // Caught up: the markers clear, and stay cleared on the next open.
    s.send(b"C");
    s.wait_for_text("Caught up: the markers are cleared");
    assert_eq!(s.marked_rows(), 0, "{}", s.screen_text());
    s.quit();
    let mut s = Session::start(&[folder], 120, 30, &env);
    s.wait_for_text("? help");
    assert!(!s.screen_text().contains("since you looked"));
    assert_eq!(s.marked_rows(), 0, "{}", s.screen_text());
    s.quit();
}

/// The explorer's `e` and `talks export … --since seen` give the same bytes for the same
/// view: both compare with the snapshot the explorer took.
#[test]
fn e_and_export_since_seen_are_the_same_bytes() {
    let dossier = common::marsh_river(2);
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let folder = dossier.path().to_str().unwrap();
    let mut s = Session::start(&[folder], 100, 30, &env);
    s.wait_for_text("? help");
    s.quit();
    add_this_week(folder, &env);
    // The snapshot the explorer took, read from where it keeps it.
    let store = Store::at(state.path().join("talks").join("seen"), u64::MAX, u64::MAX);
    let key = SeenKey::of(Some(dossier.path())).unwrap();
    let Looked::Seen(snapshot) = store.read(&key) else {
        panic!("no snapshot of {folder}");
    };
    let options = Options {
        since: Some(Arc::new(snapshot.loaded)),
        ..Options::sized(100, 30)
    };
    let mut app = App::new(load_path(dossier.path()).unwrap(), options);
    let text = common::explorer_and_command_export_alike(&mut app, (folder, "seen"), &env);
    assert!(text.contains("Brevik"), "{text}");
}
