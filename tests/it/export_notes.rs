//! Exports with the analyst's notes, only when asked: golden files in each format, the
//! prompt's toggle, `talks export --notes`, and JSON against its schema.

use crate::common::{golden, talks};
use talks::app::{Action, App, Effect, Options, update};
use talks::export::{ExportOptions, Format, Scope, render_with};
use talks::model::{EntityKind, Loaded, builtin};
use talks::notes::Notes;

const STAMP: &str = "2026-01-01T00:00:00Z";

/// A note (with a control character and Markdown to escape) on the first event about
/// Pokrovsk, a star on another, a note on a position and one on an id that is gone.
fn notes(loaded: &Loaded) -> Notes {
    let mut notes = Notes::new();
    let events = &loaded.dossier.events;
    let pokrovsk: Vec<&str> = events
        .iter()
        .filter(|e| e.id.contains("pokrovsk"))
        .map(|e| e.id.as_str())
        .collect();
    notes.set_note(
        pokrovsk[0],
        "Watch *this*: \u{7}claimed, not shown.\n# Second line",
    );
    notes.toggle_star(pokrovsk[0]);
    notes.toggle_star(&loaded.dossier.actors[0].id);
    let point = &loaded.dossier.sticking_points[0];
    let position = format!("{}/{}", point.id, point.positions[0].actor);
    notes.set_note(&position, "Softer in private.");
    notes.set_note("gone-entity", "never exported: not in the dossier");
    notes
}

fn explorer_on_pokrovsk(loaded: Loaded) -> App {
    let mut app = App::new(loaded, Options::sized(80, 24));
    update(&mut app, Action::StartSearch);
    for c in "pokrovsk".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    app
}

#[test]
fn golden_exports_with_notes_in_each_format() {
    let loaded = builtin().unwrap();
    let notes = notes(&loaded);
    let app = explorer_on_pokrovsk(loaded.clone());
    let scope = app.export_scope();
    // HTML's notes are inside its page: `formats_html::html_notes_and_changes_are_sections`.
    for format in [Format::Text, Format::Markdown, Format::Json] {
        let options = ExportOptions {
            notes: Some(&notes),
            ..ExportOptions::new(format, Some(STAMP))
        };
        let text = render_with(&loaded, &scope, &options);
        golden(
            &format!("notes-view-events-pokrovsk.{}", format.extension()),
            &text,
        );
        assert!(!text.contains('\u{7}'), "a control character is escaped");
        assert!(!text.contains("never exported"));
        let without = render_with(&loaded, &scope, &ExportOptions::new(format, Some(STAMP)));
        if format == Format::Json {
            let mut with: serde_json::Value = serde_json::from_str(&text).unwrap();
            with.as_object_mut().unwrap().remove("notes");
            assert_eq!(
                with,
                serde_json::from_str::<serde_json::Value>(&without).unwrap()
            );
        } else {
            assert!(
                text.starts_with(&without),
                "{format:?}: added after, not mixed in"
            );
        }
        assert!(!without.contains("Watch"));
    }
    let briefing = ExportOptions {
        notes: Some(&notes),
        ..ExportOptions::new(Format::Markdown, Some(STAMP))
    };
    let text = render_with(&loaded, &Scope::Briefing, &briefing);
    assert!(
        text.contains("Softer in private."),
        "the position's note is in a briefing"
    );
}

#[test]
fn json_with_notes_meets_the_export_schema() {
    let loaded = builtin().unwrap();
    let notes = notes(&loaded);
    let options = ExportOptions {
        notes: Some(&notes),
        ..ExportOptions::new(Format::Json, Some(STAMP))
    };
    let text = render_with(&loaded, &Scope::Briefing, &options);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["notes"].as_array().map(Vec::len), Some(3));
    let schema = std::fs::read_to_string("assets/export.schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn ctrl_n_in_the_export_prompt_asks_for_the_notes() {
    let mut app = explorer_on_pokrovsk(builtin().unwrap());
    update(&mut app, Action::StartExport);
    assert!(!app.export_prompt().unwrap().notes, "off by default");
    update(&mut app, Action::ToggleExportNotes);
    assert!(app.export_prompt().unwrap().notes);
    update(&mut app, Action::ConfirmExport);
    match app.take_effects().pop() {
        Some(Effect::Export { notes, .. }) => assert!(notes),
        other => panic!("expected an export, got {other:?}"),
    }
}

#[test]
fn talks_export_adds_the_notes_beside_the_dossier_only_with_notes() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.yaml");
    std::fs::copy("data/talks.yaml", &dossier).unwrap();
    let loaded = builtin().unwrap();
    talks::notes::file::write(&dir.path().join("d.notes.yaml"), &notes(&loaded)).unwrap();
    let args = [
        "export",
        dossier.to_str().unwrap(),
        "--view",
        "events",
        "--query",
        "pokrovsk",
    ];
    let plain = talks().args(args).arg("--no-timestamp").output().unwrap();
    let plain = String::from_utf8(plain.stdout).unwrap();
    assert!(!plain.contains("Analyst notes"));
    let with = talks()
        .args(args)
        .args(["--no-timestamp", "--notes"])
        .output()
        .unwrap();
    let with = String::from_utf8(with.stdout).unwrap();
    assert!(with.starts_with(&plain));
    assert!(with.contains("Analyst notes\n============="), "{with}");
    // The stars make a set: is:starred then export.
    let starred = talks()
        .args([
            "export",
            dossier.to_str().unwrap(),
            "--view",
            "actors",
            "--query",
            "is:starred",
        ])
        .args(["--brief", "--no-timestamp"])
        .output()
        .unwrap();
    let starred = String::from_utf8(starred.stdout).unwrap();
    assert!(
        starred.contains(&loaded.dossier.actors[0].name),
        "{starred}"
    );
}

#[test]
fn an_invalid_notes_file_fails_export_notes_only() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.yaml");
    std::fs::copy("data/talks.yaml", &dossier).unwrap();
    std::fs::write(dir.path().join("d.notes.yaml"), "version: 1\nnotez: {}\n").unwrap();
    let args = ["export", dossier.to_str().unwrap(), "--view", "events"];
    let without = talks().args(args).output().unwrap();
    assert!(without.status.success());
    let with = talks().args(args).arg("--notes").output().unwrap();
    assert_eq!(with.status.code(), Some(2));
    let err = String::from_utf8(with.stderr).unwrap();
    assert!(
        err.contains("d.notes.yaml:2:1: unknown field `notez`"),
        "{err}"
    );
    assert!(
        err.ends_with("fix the notes file or leave out --notes\n"),
        "{err}"
    );
}
