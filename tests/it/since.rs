//! `talks --since OLD` (issue 17): the fictional Marsh River talks as the third weekly
//! report left them, compared with the second: markers in the lists, old → new in the
//! detail, and the `changed:` filter.

use crate::common;
use std::sync::Arc;

use crate::common::screen;
use talks::app::{Action, App, Options, update};
use talks::model::{EntityKind, load_path};

fn app(width: u16, height: u16) -> App {
    let old = load_path(std::path::Path::new("tests/fixtures/over-time-week2.yaml")).unwrap();
    let new = load_path(std::path::Path::new("tests/fixtures/over-time.yaml")).unwrap();
    let options = Options {
        since: Some(Arc::new(old)),
        ..Options::sized(width, height)
    };
    App::new(new, options)
}

fn search(app: &mut App, query: &str) -> Vec<String> {
    update(app, Action::StartSearch);
    update(app, Action::ClearInput);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
    let d = &app.loaded().dossier;
    EntityKind::LISTED
        .iter()
        .flat_map(|&kind| {
            let listed = app.query().results().matching(kind);
            listed.into_iter().map(move |index| {
                d.id_of(talks::model::EntityRef::new(kind, index))
                    .to_string()
            })
        })
        .collect()
}

#[test]
fn the_lists_mark_what_is_new_and_what_changed() {
    let mut app = app(100, 30);
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    // A third column before the name: Δ changed, a space unchanged; then a space.
    assert!(shown.contains("│>   First round in Ostra"), "{shown}");
    assert!(shown.contains("│  Δ Third round"), "{shown}");
    update(&mut app, Action::FocusList(EntityKind::Actor));
    // Brevik's stance on the river border moved.
    assert!(screen(&app).contains("│  Δ Brevik"), "{}", screen(&app));
}

#[test]
fn changed_filters_by_what_changed() {
    let mut app = app(100, 30);
    assert_eq!(
        search(&mut app, "changed:any"),
        vec![
            "brevik",
            "second-round",
            "third-round",
            "river-border",
            "port-access"
        ]
    );
    assert_eq!(
        search(&mut app, "changed:stance"),
        vec!["brevik", "river-border"]
    );
    assert_eq!(search(&mut app, "changed:new"), Vec::<String>::new());
    assert_eq!(
        search(&mut app, "changed:changed kind:event"),
        vec!["second-round", "third-round"]
    );
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    for c in "changed:moved".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert!(
        screen(&app).contains("unknown changed \"moved\""),
        "{}",
        screen(&app)
    );
}

#[test]
fn the_detail_says_old_and_new() {
    let mut app = app(100, 30);
    search(&mut app, "third round");
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    assert!(
        shown.contains("Changed since over-time-week2.yaml"),
        "{shown}"
    );
    assert!(shown.contains("status: planned → held"), "{shown}");
    // Change text names entities (issue #26), not ids.
    assert!(shown.contains("participants: + Ostra Concord"), "{shown}");
    search(&mut app, "river border");
    update(&mut app, Action::FocusList(EntityKind::StickingPoint));
    let shown = screen(&app);
    assert!(
        shown.contains("Brevik on Where the river border runs:"),
        "{shown}"
    );
    assert!(
        shown.contains("conditional → supports (inferred)"),
        "{shown}"
    );
    insta::assert_snapshot!("since_river_border_100x30", shown);
}

/// (`changed:` without `--since` is a message: `since_everywhere.rs`.)
#[test]
fn without_since_no_column_is_added() {
    let loaded = load_path(std::path::Path::new("tests/fixtures/over-time.yaml")).unwrap();
    let mut app = App::new(loaded, Options::sized(100, 30));
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    assert!(
        screen(&app).contains("│> First round in Ostra"),
        "{}",
        screen(&app)
    );
}

/// A reload is compared again: the older version itself shows nothing changed.
#[test]
fn a_reload_is_compared_again() {
    use talks::app::Reload;
    let mut app = app(100, 30);
    let week2 = load_path(std::path::Path::new("tests/fixtures/over-time-week2.yaml"));
    update(&mut app, Action::Reloaded(Reload::prepared(week2)));
    update(&mut app, Action::FocusList(EntityKind::Event));
    assert!(!screen(&app).contains('Δ'), "{}", screen(&app));
    assert!(search(&mut app, "changed:any").is_empty());
}

#[test]
fn an_older_version_that_cannot_be_read_stops_before_the_explorer() {
    let (code, _, err) = common::run(&["--since", "no-such.yaml", "tests/fixtures/over-time.yaml"]);
    assert_eq!(code, 2);
    assert!(err.contains("no-such.yaml: error: no such file"), "{err}");
    assert!(
        err.contains("talks: --since: the older version could not be read (above)"),
        "{err}"
    );
    let (code, _, err) = common::run(&["--since", "x.yaml", "validate"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("--since cannot be used with the command 'validate'"),
        "{err}"
    );
}

/// `talks export --since OLD`: the changes of what the export holds, after it (a
/// `changes` key in JSON, which the export schema describes).
#[test]
fn an_export_can_carry_the_changes_of_its_view() {
    let args = |format: &'static str| {
        vec![
            "export",
            "tests/fixtures/over-time.yaml",
            "--view",
            "events",
            "--query",
            "round",
            "--since",
            "tests/fixtures/over-time-week2.yaml",
            "--no-timestamp",
            "--format",
            format,
        ]
    };
    let (code, out, err) = common::run(&args("txt"));
    assert_eq!(code, 0, "{err}");
    let part = out
        .split("What moved since tests/fixtures/over-time-week2.yaml")
        .nth(1)
        .unwrap();
    assert!(
        part.contains("0 added, 0 removed, 2 changed; 0 stance shifts"),
        "{out}"
    );
    assert!(part.contains("status: planned → held"), "{out}");
    // The river border is not in an export of events: its stance shift is not either.
    assert!(!part.contains("Brevik on"), "{out}");
    let (code, out, _) = common::run(&args("json"));
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["changes"]["entities"][1]["id"], "third-round");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string("assets/export.schema.json").unwrap())
            .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}
