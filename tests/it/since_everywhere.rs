//! `--since` everywhere it makes sense (issue 26): `talks search`, `talks export` and
//! `talks list` compare with an older version as the explorer does; a saved `changed:`
//! search uses the run's comparison; `changed:` with nothing to compare with is a message,
//! never an empty list. The fictional Marsh River talks, third week against the second.

#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use crate::common::{self, screen};
use talks::app::{Action, App, Options, update};
use talks::model::{EntityKind, load_path};

const NEW: &str = "tests/fixtures/over-time.yaml";
const OLD: &str = "tests/fixtures/over-time-week2.yaml";

fn explorer(since: bool) -> App {
    let load = |path: &str| load_path(std::path::Path::new(path)).unwrap();
    let options = Options {
        since: since.then(|| Arc::new(load(OLD))),
        ..Options::sized(100, 30)
    };
    App::new(load(NEW), options)
}

/// The command: "0 of 3 matching" and "No differences" before, where the explorer
/// listed the party whose stance moved. Now `e` on that view and the command give the same
/// bytes, in every format.
#[test]
fn the_explorer_s_export_and_the_command_s_are_the_same_bytes() {
    let mut app = explorer(true);
    let text = common::explorer_and_command_export_alike(&mut app, (NEW, OLD), &[]);
    assert!(
        text.contains("1 of 3 matching \"changed:stance\""),
        "{text}"
    );
    assert!(
        text.contains("Brevik on Where the river border runs: conditional → supports"),
        "{text}"
    );
}

/// `talks search --since`: `changed:` finds what the explorer finds, each hit marked.
#[test]
fn search_compares_with_the_older_version() {
    let (code, out, err) = common::run(&["search", "changed:stance", "-d", NEW, "--since", OLD]);
    assert_eq!(code, 0, "{err}");
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(2).unwrap())
        .collect();
    assert_eq!(ids, ["brevik", "river-border"], "{out}");
    assert!(out.starts_with("Δ actor"), "{out}");
    let (code, out, _) = common::run(&[
        "search", "round", "-d", NEW, "--since", OLD, "--format", "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid("search", &value);
    let changes: Vec<(&str, Option<&str>)> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| (hit["id"].as_str().unwrap(), hit["change"].as_str()))
        .collect();
    assert!(changes.contains(&("third-round", Some("changed"))), "{out}");
    assert!(changes.contains(&("first-round", None)), "{out}");
}

/// A search saved in the explorer that asks `changed:` uses the comparison of the run.
#[test]
fn a_saved_changed_search_uses_the_run_s_comparison() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("talks.yaml");
    std::fs::copy(NEW, &dossier).unwrap();
    std::fs::write(
        dir.path().join("talks.notes.yaml"),
        "version: 1\nsearches:\n  moved: changed:stance\n",
    )
    .unwrap();
    let dossier = dossier.to_str().unwrap();
    let (code, out, err) = common::run(&["search", "@moved", "-d", dossier, "--since", OLD]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("brevik") && out.contains("river-border"),
        "{out}"
    );
    let (code, out, err) = common::run(&["search", "@moved", "-d", dossier]);
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "talks: changed: has nothing to compare with: add --since OLD (a file, a folder, \
         git:REV:PATH or seen)\n"
    );
}

/// `changed:` with nothing to compare with says so, on the command line and in the
/// explorer (where the lists keep what they showed), never an empty list.
#[test]
fn changed_without_a_comparison_is_a_message() {
    let message = "talks: changed: has nothing to compare with: add --since OLD (a file, a \
                   folder, git:REV:PATH or seen)\n";
    for args in [
        vec!["search", "changed:any", "-d", NEW],
        vec![
            "export",
            NEW,
            "--view",
            "actors",
            "--query",
            "changed:stance",
        ],
        vec!["export", NEW, "--view", "matrix", "--query", "changed:any"],
    ] {
        let (code, out, err) = common::run(&args);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (2, "", message),
            "{args:?}"
        );
    }
    let mut app = explorer(false);
    update(&mut app, Action::Paste("changed:any".into()));
    let shown = screen(&app);
    assert!(
        shown.contains("changed: has nothing to compare with: start talks with --since OLD"),
        "{shown}"
    );
    assert_eq!(app.query().results().matching(EntityKind::Event).len(), 3);
}

/// `talks list --since`: the rows marked as the explorer's lists mark them.
#[test]
fn list_marks_what_changed() {
    let (code, out, err) = common::run(&["list", "events", "-d", NEW, "--since", OLD]);
    assert_eq!(code, 0, "{err}");
    let markers: Vec<char> = out.lines().map(|l| l.chars().next().unwrap()).collect();
    assert_eq!(markers, [' ', 'Δ', 'Δ'], "{out}");
    let (code, out, _) = common::run(&[
        "list", "actors", "-d", NEW, "--since", OLD, "--format", "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_valid("list", &value);
    let brevik = value
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "brevik")
        .unwrap();
    assert_eq!(brevik["change"], "stance");
    let (code, _, err) = common::run(&["list", "events", "-d", NEW, "--since", "no-such.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("talks: --since: the older version could not be read (above)"),
        "{err}"
    );
}

/// `value` is what `assets/NAME.schema.json` describes (the `change` key is additive).
fn assert_valid(name: &str, value: &serde_json::Value) {
    let text = std::fs::read_to_string(format!("assets/{name}.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// `--since none` on a command compares with nothing, as in the explorer: an export is as
/// without `--since`, and `changed:` says there is nothing to compare with (never a file
/// called `none`).
#[test]
fn since_none_on_a_command_compares_with_nothing() {
    let plain = common::run(&[
        "export",
        NEW,
        "--view",
        "actors",
        "--no-timestamp",
        "-o",
        "-",
    ]);
    let none = common::run(&[
        "export",
        NEW,
        "--view",
        "actors",
        "--since",
        "none",
        "--no-timestamp",
        "-o",
        "-",
    ]);
    assert_eq!(none, plain);
    let (code, _, err) = common::run(&["search", "changed:any", "-d", NEW, "--since", "none"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("changed: has nothing to compare with"),
        "{err}"
    );
    assert!(!err.contains("no such file"), "{err}");
}
