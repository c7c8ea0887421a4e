//! The checked-in JSON Schema agrees with the Rust types and accepts the built-in dossier.

use std::path::Path;

const SCHEMA_PATH: &str = "assets/dossier.schema.json";

#[test]
fn checked_in_schema_matches_the_rust_types() {
    let generated = talks::model::dossier_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(SCHEMA_PATH).unwrap();
    assert!(
        checked_in == generated,
        "{SCHEMA_PATH} is out of date: run `UPDATE_SCHEMA=1 cargo test --test it schema::`"
    );
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(SCHEMA_PATH)).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

#[test]
fn schema_accepts_the_builtin_dossier() {
    let dossier: serde_json::Value =
        serde_yaml::from_str(&std::fs::read_to_string("data/talks.yaml").unwrap()).unwrap();
    let validator = schema();
    let errors: Vec<String> = validator
        .iter_errors(&dossier)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn schema_rejects_what_the_loader_rejects() {
    let validator = schema();
    let unknown_key = serde_json::json!({
        "version": 1, "title": "t", "sources": [{"id": "s", "title": "s", "kind": "k"}], "titel": "typo"
    });
    assert!(!validator.is_valid(&unknown_key));
    let bad_stance = serde_json::json!({
        "version": 1, "title": "t", "sources": [],
        "sticking_points": [{
            "id": "p", "title": "P", "topic": "x", "status": "unresolved",
            "positions": [{"actor": "a", "stance": "maybe", "summary": "s"}]
        }]
    });
    assert!(!validator.is_valid(&bad_stance));
    let missing_title = serde_json::json!({"version": 1, "sources": []});
    assert!(!validator.is_valid(&missing_title));
    let bad_id = serde_json::json!({
        "version": 1, "title": "t", "sources": [{"id": "Bad Id", "title": "s", "kind": "k"}]
    });
    assert!(!validator.is_valid(&bad_id));
}

#[test]
fn builtin_dossier_points_editors_at_the_schema() {
    let text = std::fs::read_to_string("data/talks.yaml").unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=../assets/dossier.schema.json\n"));
}

const NOTES_SCHEMA_PATH: &str = "assets/notes.schema.json";

#[test]
fn checked_in_notes_schema_matches_the_rust_types() {
    let generated = talks::notes::notes_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(NOTES_SCHEMA_PATH, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(NOTES_SCHEMA_PATH).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{NOTES_SCHEMA_PATH} is out of date: run `UPDATE_SCHEMA=1 cargo test --test it schema::`"
    );
}

#[test]
fn notes_schema_accepts_a_written_notes_file_and_rejects_unknown_keys() {
    let text = std::fs::read_to_string(NOTES_SCHEMA_PATH).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut notes = talks::notes::Notes::new();
    notes.set_note("putin", "Watch this:\nno move before guarantees");
    notes.toggle_star("donbas/ukraine");
    notes
        .searches
        .insert("guarantees".into(), "security guarantees".into());
    let written: serde_json::Value =
        serde_yaml::from_str(&talks::notes::file::render(&notes)).unwrap();
    assert!(validator.is_valid(&written));
    let empty: serde_json::Value =
        serde_yaml::from_str(&talks::notes::file::render(&talks::notes::Notes::new())).unwrap();
    assert!(
        validator.is_valid(&empty),
        "empty parts are written as null"
    );
    assert!(!validator.is_valid(&serde_json::json!({"version": 1, "notez": {}})));
}

const FOLDER_FILE_SCHEMA: &str = "assets/dossier-folder-file.schema.json";

/// One file of a folder dossier has its own schema (title optional, a top-level
/// `positions:`), generated like the dossier's; it accepts every report of the fixture.
#[test]
fn the_folder_file_schema_matches_the_types_and_accepts_the_reports() {
    let generated = talks::model::folder_file_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(FOLDER_FILE_SCHEMA, &generated).unwrap();
    }
    let checked_in = std::fs::read_to_string(FOLDER_FILE_SCHEMA).unwrap();
    assert!(
        checked_in == generated,
        "{FOLDER_FILE_SCHEMA} is out of date"
    );
    let schema: serde_json::Value = serde_json::from_str(&checked_in).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for entry in std::fs::read_dir("tests/fixtures/marsh-river").unwrap() {
        let path = entry.unwrap().path();
        if path.to_string_lossy().ends_with(".notes.yaml") {
            continue;
        }
        let value: serde_json::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}
