//! "Since you last looked" (issue 26): the first open of a dossier remembers what it says;
//! a later open compares with that snapshot without a flag (header, markers), `C` moves it
//! to now; `--since seen` and `--since none`.

use std::path::Path;
use std::sync::Arc;

use crate::common::{self, screen};
use crate::pty::Session;
use talks::app::{Action, App, Looking, Options, Seen, update};
use talks::model::load_path;
use talks::seen::{SeenKey, Store, Taken};

/// The third Marsh River report against the second, as the snapshot of 3 Dec.
fn compared(width: u16, height: u16) -> App {
    let old = load_path(Path::new("tests/fixtures/over-time-week2.yaml")).unwrap();
    let new = load_path(Path::new("tests/fixtures/over-time.yaml")).unwrap();
    let key = SeenKey::of(Some(Path::new("tests/fixtures/over-time.yaml"))).unwrap();
    let options = Options {
        since: Some(Arc::new(old)),
        seen: Seen {
            place: Some((Store::at("/nonexistent".into(), 1 << 20, 1 << 30), key)),
            looking: Looking::Snapshot(Taken::parse("2026-12-03T09:14:05Z").unwrap()),
            opened: None,
        },
        ..Options::sized(width, height)
    };
    App::new(new, options)
}

#[test]
fn the_header_says_what_changed_since_you_looked_at_every_size() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let app = compared(width, height);
        let shown = screen(&app);
        let header = shown.lines().next().unwrap_or_default().to_string();
        assert!(header.contains("since "), "{width}×{height}: {header}");
        // While something changed, the hint bar keeps `C` at every width.
        let hints = shown.lines().last().unwrap_or_default().to_string();
        assert!(hints.contains("C caught up"), "{width}×{height}: {hints}");
        insta::assert_snapshot!(format!("since_seen_{width}x{height}"), shown);
    }
    let mut app = compared(80, 24);
    update(&mut app, Action::ToggleOverview);
    let shown = screen(&app);
    assert!(
        shown.contains("09:14 UTC. C (caught up) moves that"),
        "{shown}"
    );
    insta::assert_snapshot!("since_seen_overview_80x24", shown);
}

/// The third report, added to the folder.
fn add_the_third_report(dir: &Path) {
    std::fs::copy(
        "tests/fixtures/marsh-river/03-third-report.yaml",
        dir.join("03-third-report.yaml"),
    )
    .unwrap();
}

#[test]
fn open_change_reopen_catch_up_reopen() {
    let dossier = common::marsh_river(2);
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let path = dossier.path().to_str().unwrap();
    // The first look: the snapshot is taken, nothing is compared.
    let mut s = Session::start(&[path], 120, 30, &env);
    s.wait_for_text("? help");
    assert!(!s.screen_text().contains("since "), "{}", s.screen_text());
    s.quit();
    let seen = state.path().join("talks").join("seen");
    assert_eq!(std::fs::read_dir(&seen).unwrap().count(), 1);
    // A new report, then a reopen: the header counts the changes, a marker shows.
    add_the_third_report(dossier.path());
    let mut s = Session::start(&[path], 120, 30, &env);
    s.wait_for_text("since you looked today at");
    // The hint is in the status bar, the frame's last line.
    s.wait_for_text("C caught up");
    let header = s
        .screen_text()
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(header.contains("1 new event"), "{header}");
    assert!(header.contains("1 new source"), "{header}");
    assert!(header.contains("1 stance shift"), "{header}");
    assert!(s.marked_rows() > 0, "{}", s.screen_text());
    // changed: works against the snapshot with no flag: Brevik's stance moved.
    s.send(b"/changed:stance\r");
    s.wait_for_text("1 Actors 1/3");
    assert!(s.screen_text().contains("Brevik"), "{}", s.screen_text());
    s.send(b"\x1b");
    s.wait_for_text("1 Actors 3/3");
    // Caught up: the markers clear.
    s.send(b"C");
    s.wait_for_text("Caught up: the markers are cleared");
    assert!(!s.screen_text().contains("since you looked"));
    assert_eq!(s.marked_rows(), 0, "{}", s.screen_text());
    s.quit();
    // Reopened: nothing changed since.
    let mut s = Session::start(&[path], 120, 30, &env);
    s.wait_for_text("? help");
    assert!(!s.screen_text().contains("since "), "{}", s.screen_text());
    assert_eq!(s.marked_rows(), 0, "{}", s.screen_text());
    s.send(b"i");
    s.wait_for_text("Changes: compared with what the dossier said when you last caught up");
    s.send(b"i");
    s.quit();
}

#[test]
fn since_seen_names_the_snapshot_and_since_none_compares_with_nothing() {
    let dossier = common::marsh_river(2);
    let state = tempfile::tempdir().unwrap();
    let state_home = state.path().to_str().unwrap();
    let env = [("XDG_STATE_HOME", state_home)];
    let path = dossier.path().to_str().unwrap();
    // No snapshot yet: said, and the explorer does not start.
    let (code, _, err) = common::run_env(&["--since", "seen", path], &env);
    assert_eq!(code, 2);
    assert!(
        err.contains("talks: --since seen: talks has no snapshot of"),
        "{err}"
    );
    assert!(err.contains("open it in the explorer once"), "{err}");
    // A command says so in one line (no second "could not be read" after it).
    let export = ["export", path, "--all", "--since", "seen", "-o", "-"];
    let (code, _, err) = common::run_env(&export, &env);
    assert_eq!(code, 2);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("talks: --since seen: talks has no snapshot of"),
        "{err}"
    );
    let mut s = Session::start(&[path], 120, 30, &env);
    s.wait_for_text("Marsh River talks");
    s.quit();
    add_the_third_report(dossier.path());
    // The CLI compares with the snapshot only when told.
    let (code, out, _) = common::run_env(&["diff", "seen", path], &env);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("Third round"), "{out}");
    let export = [
        "export",
        path,
        "--view",
        "events",
        "--since",
        "seen",
        "--no-timestamp",
        "-o",
        "-",
    ];
    let (code, out, err) = common::run_env(&export, &env);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("What moved since your last look ("), "{out}");
    let mut s = Session::start(&["--since", "none", path], 120, 30, &env);
    s.wait_for_text("? help");
    assert!(!s.screen_text().contains("since "), "{}", s.screen_text());
    s.send(b"i");
    s.wait_for_text("Changes: not compared (--since none).");
    s.send(b"i");
    s.quit();
}

#[test]
fn a_malformed_snapshot_is_a_notice_and_the_explorer_runs() {
    let dossier = common::marsh_river(2);
    let state = tempfile::tempdir().unwrap();
    let key = SeenKey::of(Some(dossier.path())).unwrap();
    let store = Store::at(state.path().join("talks").join("seen"), 1 << 20, 1 << 30);
    let file = store.path_of(&key);
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(&file, "garbage: [").unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let mut s = Session::start(&[dossier.path().to_str().unwrap()], 100, 30, &env);
    s.wait_for_text("not a snapshot talks wrote");
    s.send(b"\r");
    s.wait_for_text("Marsh River talks");
    s.quit();
}
