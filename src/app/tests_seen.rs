//! "Since you last looked" in `update`: `C`, its outcome, the header's line.

use std::path::Path;
use std::sync::Arc;

use super::test_support::run;
use super::*;
use crate::model::load_path;
use crate::seen::{SeenKey, Store, Taken};

fn load(path: &str) -> Loaded {
    load_path(Path::new(path)).unwrap()
}

fn place() -> (Store, SeenKey) {
    let key = SeenKey::of(Some(Path::new("tests/fixtures/over-time.yaml"))).unwrap();
    (Store::at("/nonexistent/seen".into(), 1 << 20, 1 << 30), key)
}

fn taken() -> Taken {
    Taken::parse("2026-12-03T09:14:05Z").unwrap()
}

/// The over-time fixture compared with its week-2 version as the snapshot of 3 Dec.
fn compared(width: u16, looking: Looking) -> App {
    let options = Options {
        since: Some(Arc::new(load("tests/fixtures/over-time-week2.yaml"))),
        seen: Seen {
            place: Some(place()),
            looking,
            opened: None,
        },
        ..Options::sized(width, 24)
    };
    App::new(load("tests/fixtures/over-time.yaml"), options)
}

fn marked(app: &App) -> usize {
    let dossier = &app.loaded().dossier;
    (0..dossier.actors.len())
        .map(|n| crate::model::EntityRef {
            kind: crate::model::EntityKind::Actor,
            index: n,
        })
        .filter(|&e| app.change_marker(e).is_some_and(|m| m != ' '))
        .count()
}

#[test]
fn c_asks_for_the_snapshot_to_be_written() {
    let mut app = compared(80, Looking::Snapshot(taken()));
    run(&mut app, &[Action::CatchUp]);
    let (store, key) = place();
    assert_eq!(app.take_effects(), vec![Effect::CatchUp { store, key }]);
}

#[test]
fn caught_up_the_markers_clear_and_c_is_no_longer_hinted() {
    let mut app = compared(80, Looking::Snapshot(taken()));
    assert!(marked(&app) > 0);
    assert!(app.has_unseen_changes());
    let now = Taken::parse("2026-12-07T21:00:00Z").unwrap();
    run(&mut app, &[Action::CaughtUp(Ok(now.clone()))]);
    assert_eq!(marked(&app), 0);
    assert!(!app.has_unseen_changes());
    assert_eq!(app.seen.looking, Looking::Snapshot(now));
    assert_eq!(app.seen_line(200), None);
    assert_eq!(
        app.status(),
        Some("Caught up: the markers are cleared until the dossier changes again")
    );
    // A reload compares with the new snapshot: the same dossier shows no change.
    let reload = crate::action::Reload::prepared(Ok(load("tests/fixtures/over-time.yaml")));
    run(&mut app, &[Action::Reloaded(reload)]);
    assert_eq!(marked(&app), 0);
    // Nothing changed: the rows keep no column for a marker.
    let first = crate::model::EntityRef {
        kind: crate::model::EntityKind::Actor,
        index: 0,
    };
    assert_eq!(app.change_marker(first), None);
    // And a dossier that moved since shows it.
    let reload = crate::action::Reload::prepared(Ok(load("tests/fixtures/over-time-week2.yaml")));
    run(&mut app, &[Action::Reloaded(reload)]);
    assert!(marked(&app) > 0);
}

#[test]
fn a_snapshot_not_written_is_said_and_nothing_changes() {
    let mut app = compared(80, Looking::Snapshot(taken()));
    let before = marked(&app);
    run(
        &mut app,
        &[Action::CaughtUp(Err(
            "/state/talks/seen: permission denied".into(),
        ))],
    );
    assert_eq!(marked(&app), before);
    assert_eq!(app.seen.looking, Looking::Snapshot(taken()));
    assert_eq!(
        app.status(),
        Some(
            "Could not remember what you have seen: /state/talks/seen: permission denied \
             (nothing changed; C tries again)"
        )
    );
}

#[test]
fn with_since_old_catching_up_keeps_the_comparison_of_the_run() {
    let mut app = compared(80, Looking::Given);
    let before = marked(&app);
    assert!(
        !app.has_unseen_changes(),
        "C is hinted for the snapshot only"
    );
    run(&mut app, &[Action::CaughtUp(Ok(taken()))]);
    assert_eq!(marked(&app), before);
    let status = app.status().unwrap_or_default();
    assert!(
        status.contains("this run still compares with tests/fixtures/over-time-week2.yaml"),
        "{status}"
    );
}

#[test]
fn without_a_place_c_says_why() {
    let options = Options {
        seen: Seen {
            place: None,
            looking: Looking::Off("standard input is read once and not remembered".into()),
            opened: None,
        },
        ..Options::sized(80, 24)
    };
    let mut app = App::new(load("tests/fixtures/minimal.yaml"), options);
    run(&mut app, &[Action::CatchUp]);
    assert!(app.take_effects().is_empty());
    assert_eq!(
        app.status(),
        Some("Nothing to catch up with: standard input is read once and not remembered")
    );
    assert_eq!(
        app.comparison_said().as_deref(),
        Some("Changes: not compared (standard input is read once and not remembered).")
    );
}

#[test]
fn a_dossier_too_big_to_remember_is_said_in_the_overview() {
    let too_big = crate::seen::NotRecorded::TooBig(32 << 20).to_string();
    let app = compared(80, Looking::NotKept(too_big));
    assert_eq!(
        app.comparison_said().as_deref(),
        Some(
            "Changes: not compared: the dossier is too big to remember (its snapshot would be \
             over 32 MiB)."
        )
    );
    assert!(!app.has_unseen_changes());
}

#[test]
fn the_header_line_gets_shorter_with_the_room() {
    let app = compared(80, Looking::Snapshot(taken()));
    let long = app.seen_line(200).unwrap();
    assert!(long.starts_with("since you looked on 3 Dec: "), "{long}");
    assert!(long.contains("stance shift"), "{long}");
    let shorter = app.seen_line(long.chars().count() - 1).unwrap();
    assert!(shorter.starts_with("since 3 Dec: "), "{shorter}");
    assert!(app.seen_line(25).unwrap().ends_with(" changes"));
    assert!(app.seen_line(2).is_none());
    let mut later_that_day = compared(80, Looking::Snapshot(taken()));
    later_that_day.seen.opened = humantime::parse_rfc3339("2026-12-03T17:00:00Z").ok();
    let long = later_that_day.seen_line(200).unwrap();
    assert!(
        long.starts_with("since you looked today at 09:14: "),
        "{long}"
    );
    let shorter = later_that_day.seen_line(long.chars().count() - 1).unwrap();
    assert!(shorter.starts_with("since 09:14 today: "), "{shorter}");
    let said = app.comparison_said().unwrap();
    assert!(said.contains("3 Dec 2026, 09:14 UTC"), "{said}");
    // The first look compares with nothing and says so.
    let first = compared(80, Looking::FirstLook);
    assert_eq!(first.seen_line(200), None);
}

/// A `changed:` search shown when catching up is searched again: what it found was changed
/// since the old snapshot, and nothing is since the new one (QA: the list kept Brevik).
#[test]
fn caught_up_a_changed_search_is_searched_again() {
    let mut app = compared(80, Looking::Snapshot(taken()));
    super::test_support::type_query(&mut app, "changed:stance");
    run(&mut app, &[Action::FinishSearch]);
    let actors = crate::model::EntityKind::Actor;
    assert!(app.results().count(actors) > 0);
    let now = Taken::parse("2026-12-07T21:00:00Z").unwrap();
    run(&mut app, &[Action::CaughtUp(Ok(now))]);
    assert_eq!(app.results().count(actors), 0);
    // Nor does editing the query bring the old answer back from the kept results.
    run(
        &mut app,
        &[Action::StartSearch, Action::Insert(' '), Action::DeleteBack],
    );
    assert_eq!(app.results().count(actors), 0);
}
