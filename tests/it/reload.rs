//! Live reload: the state survives a reload where its entities still exist; a bad file
//! keeps the last good dossier and shows a banner until it is fixed.

use crate::common;
use crate::pty;

use talks::app::{Action, App, Options, Reload, update};
use talks::model::{EntityKind, load_path};

const GOOD: &str = include_str!("../fixtures/minimal.yaml");

fn reload(app: &mut App, path: &std::path::Path) {
    update(app, Action::Reloaded(Reload::prepared(load_path(path))));
}

#[test]
fn valid_then_invalid_then_valid() {
    let (_dir, path) = common::write_temp("dossier.yaml", GOOD.as_bytes());
    let mut app = App::new(load_path(&path).unwrap(), Options::sized(80, 24));
    update(&mut app, Action::FocusList(EntityKind::Actor));
    update(&mut app, Action::Down);
    assert_eq!(app.loaded().dossier.id_of(app.shown().unwrap()), "envoy");
    update(&mut app, Action::Activate);
    update(&mut app, Action::Activate);
    assert_eq!(
        app.loaded().dossier.id_of(app.shown().unwrap()),
        "alpha",
        "followed Represents"
    );
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::Insert('a'));
    update(&mut app, Action::FinishSearch);

    // Invalid: the last good dossier stays, with a banner saying where the problem is.
    std::fs::write(&path, GOOD.replace("kind: state", "kind: stat")).unwrap();
    reload(&mut app, &path);
    let banner = app.reload_error().map(str::to_string).unwrap();
    assert!(
        banner.contains("line 10:11: unknown actor kind \"stat\""),
        "{banner}"
    );
    assert_eq!(app.loaded().dossier.id_of(app.shown().unwrap()), "alpha");
    assert_eq!(app.query().text(), "a");

    // Valid again, with a new actor before the others: selection, query and history
    // follow the ids, not the positions.
    let changed = GOOD.replace(
        "actors:\n",
        "actors:\n  - id: newcomer\n    name: Newcomer\n    kind: group\n",
    );
    std::fs::write(&path, changed).unwrap();
    reload(&mut app, &path);
    assert_eq!(app.reload_error(), None);
    assert_eq!(app.loaded().dossier.actors.len(), 3);
    assert_eq!(app.query().text(), "a");
    assert_eq!(app.loaded().dossier.id_of(app.shown().unwrap()), "alpha");
    assert!(app.status().unwrap_or_default().starts_with("Reloaded "));
    update(&mut app, Action::Back);
    assert_eq!(
        app.loaded().dossier.id_of(app.shown().unwrap()),
        "envoy",
        "history survived"
    );

    // An entity that disappears is dropped from the history.
    std::fs::write(&path, GOOD.replace("    represents: alpha\n", "")).unwrap();
    reload(&mut app, &path);
    assert_eq!(app.reload_error(), None);
}

#[test]
fn the_explorer_reloads_when_the_file_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.yaml");
    std::fs::write(&path, GOOD).unwrap();
    let mut s = pty::Session::start(&["--watch", path.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("A minimal dossier");
    std::fs::write(
        &path,
        GOOD.replace("title: A minimal dossier", "title: An edited dossier"),
    )
    .unwrap();
    s.wait_for_text("An edited dossier");
    std::fs::write(&path, GOOD.replace("version: 1", "version: [1")).unwrap();
    s.wait_for_text("Reload failed");
    // The file is in the header; the banner says where in it and what.
    assert!(
        s.screen_text().contains("Reload failed  line 2:6:"),
        "{}",
        s.screen_text()
    );
    assert!(
        s.screen_text().contains("1 Actors 2/2"),
        "the last good dossier stays"
    );
    std::fs::write(&path, GOOD).unwrap();
    s.wait_for_text("A minimal dossier");
    assert!(!s.screen_text().contains("Reload failed"));
    s.quit();
}

#[test]
fn after_a_reload_the_detail_scrolls_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.yaml");
    let builtin = include_str!("../../data/talks.yaml");
    std::fs::write(&path, builtin).unwrap();
    let mut s = pty::Session::start(&["--watch", path.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    // The Florida talks' detail (the second event, a long one), scrolled to its end.
    s.send(b"2j\rG");
    s.wait_for_text("33–57/57");
    let edited = builtin.replacen(
        "title: \"US–Ukraine peace talks",
        "title: \"Edited talks",
        1,
    );
    assert_ne!(edited, builtin);
    std::fs::write(&path, edited).unwrap();
    s.wait_for_text("Reloaded");
    s.wait_for_text("Edited talks");
    // The reload leaves the detail where it was: at its end.
    assert!(s.screen_text().contains("33–57/57"), "{}", s.screen_text());
    s.send(b"g");
    s.wait_for_text("1–25/57");
    s.send(b"G");
    s.wait_for_text("33–57/57");
    s.quit();
}

/// A watched file that grows past `--max-size` shows the banner and keeps the last good
/// dossier; brought back under it, it reloads.
#[test]
fn a_watched_file_growing_past_the_size_limit_keeps_the_last_good_state() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.yaml");
    std::fs::write(&path, GOOD).unwrap();
    let folder = dir.path().to_str().unwrap();
    let args = ["--watch", "live.yaml", "--max-size", "4k"];
    // Wide enough for the whole banner (a long banner is cut: the explorer issue's).
    let mut s = pty::Session::start_in(folder, &args, 160, 30, &[]);
    s.wait_for_text("A minimal dossier");
    let padded = format!("{GOOD}{}", "# padding\n".repeat(500));
    std::fs::write(&path, padded).unwrap();
    s.wait_for_text("Reload failed");
    s.wait_for_text("Reload failed  the file is larger than 4 KiB");
    assert!(
        s.screen_text().contains("1 Actors 2/2"),
        "the last good dossier stays"
    );
    std::fs::write(
        &path,
        GOOD.replace("A minimal dossier", "A smaller dossier"),
    )
    .unwrap();
    s.wait_for_text("A smaller dossier");
    s.quit();
}

/// The banner of a failed reload is cut on a narrow screen; the overview (`i`) says it
/// whole.
#[test]
fn the_overview_says_a_failed_reload_whole() {
    let (_dir, path) = common::write_temp("dossier.yaml", GOOD.as_bytes());
    let mut app = App::new(load_path(&path).unwrap(), Options::sized(80, 24));
    std::fs::write(
        &path,
        GOOD.replace("kind: state", "kind: a-kind-of-state-that-is-long"),
    )
    .unwrap();
    reload(&mut app, &path);
    update(&mut app, Action::ToggleOverview);
    let shown = common::screen(&app);
    // Each screen line is quoted: the text inside, its lines joined.
    let inside: Vec<&str> = shown
        .lines()
        .map(|l| l.get(1..l.len().saturating_sub(1)).unwrap_or_default())
        .collect();
    let text = inside.join(" ").replace('│', " ");
    let joined: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        joined.contains("The last reload failed (the dossier shown is the last good one): line 10:11: unknown actor kind \"a-kind-of-state-that-is-long\""),
        "{joined}"
    );
    assert!(joined.contains("expected one of: person, state"), "{shown}");
}

/// QA of issue #27: `F` on, after the file changed while it was not watched, reloads it
/// at once and says so (before, the change waited for the next one).
#[test]
fn watching_turned_on_catches_up_with_a_change_made_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("live.yaml");
    std::fs::write(&path, GOOD).unwrap();
    let folder = dir.path().to_str().unwrap();
    let mut s = pty::Session::start_in(folder, &["live.yaml"], 120, 30, &[]);
    s.wait_for_text("A minimal dossier");
    let edited = GOOD.replace("A minimal dossier", "A dossier edited while not watched");
    std::fs::write(&path, edited).unwrap();
    s.send(b"F");
    s.wait_for_text("it changed while it was not watched");
    s.wait_for_text("A dossier edited while not watched");
    s.send(b"F");
    s.wait_for_text("No longer watching");
    s.quit();
}
