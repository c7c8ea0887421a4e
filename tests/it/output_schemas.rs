//! Every JSON output validates against its schema in `assets/` (issue #15: JSON you can
//! pipe into jq; changes after it are additive only).

use crate::common;

use serde_json::Value;

fn validator(name: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(format!("assets/{name}.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).unwrap()
}

fn output(args: &[&str]) -> Value {
    let (code, stdout, stderr) = common::run(args);
    assert!(code == 0 || code == 1, "{args:?}: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}\n{stdout}"))
}

fn assert_valid(schema: &str, args: &[&str]) -> Value {
    let value = output(args);
    let errors: Vec<String> = validator(schema)
        .iter_errors(&value)
        .map(|e| {
            let said: String = e.to_string().chars().take(300).collect();
            format!("{said} at {}", e.instance_path())
        })
        .collect();
    assert!(errors.is_empty(), "{args:?}: {errors:#?}");
    value
}

#[test]
fn list_output_validates_for_every_kind() {
    for kind in ["actors", "events", "sticking-points", "places", "sources"] {
        let listed = assert_valid("list", &["list", kind, "--format", "json"]);
        assert!(!listed.as_array().unwrap().is_empty());
    }
}

#[test]
fn show_output_validates_for_every_entity() {
    let mut shown = 0;
    for kind in ["actors", "events", "sticking-points", "places", "sources"] {
        for item in output(&["list", kind, "--format", "json"])
            .as_array()
            .unwrap()
        {
            let id = item["id"].as_str().unwrap();
            let value = assert_valid("show", &["show", id, "--format", "json"]);
            assert_eq!(value["id"], id);
            shown += 1;
        }
    }
    assert_eq!(shown, 43);
}

#[test]
fn search_output_validates_with_and_without_hits() {
    for query in [
        "nato",
        "\"two to tango\"",
        "status:planned",
        "zzzzqq",
        "kyiv !putin",
        "forge peace framework", // a source
    ] {
        assert_valid("search", &["search", query, "--format", "json"]);
    }
}

#[test]
fn export_output_validates_in_every_view() {
    let views: [&[&str]; 7] = [
        &["--view", "sources"],
        &["--view", "sources", "--query", "pokrovsk"],
        &["--view", "events", "--query", "pokrovsk"],
        &["--view", "actors"],
        &["--view", "matrix"],
        &["--view", "timeline"],
        &["--all"],
    ];
    for view in views {
        let mut args = vec!["export", "--format", "json"];
        args.extend_from_slice(view);
        assert_valid("export", &args);
    }
}

/// The schemas are not empty promises: a wrong shape is refused.
#[test]
fn the_schemas_refuse_the_old_shapes() {
    let old_list =
        serde_json::json!([{"id": "witkoff", "name": "Steve Witkoff", "kind": "person"}]);
    assert!(!validator("list").is_valid(&old_list));
    let old_show = serde_json::json!({
        "kind": "actor", "entity": {"kind": "actor", "id": "a", "name": "A"}, "links": ["b"]
    });
    assert!(!validator("show").is_valid(&old_show));
    let no_fact =
        serde_json::json!([{"kind": "event", "id": "e", "name": "E", "score": 0, "matched": null}]);
    assert!(!validator("search").is_valid(&no_fact));
}

/// The scopes that only the explorer and the document formats of `list`, `show` and
/// `search` reach: the marked entities, one detail alone (a source's too), what a search
/// found; each validates, and the marked one keeps its shape.
#[test]
fn marked_detail_and_found_exports_validate() {
    use talks::export::{Format, Scope, render};
    use talks::model::{EntityKind, EntityRef, builtin};
    let loaded = builtin().unwrap();
    let actor = EntityRef::new(EntityKind::Actor, 0);
    let source = EntityRef::new(EntityKind::Source, 0);
    let scopes = [
        Scope::Marked(vec![actor]),
        Scope::Detail(actor),
        Scope::Detail(source),
        Scope::Found {
            query: "forge".into(),
            entries: vec![source, actor],
        },
    ];
    for scope in &scopes {
        let value: Value =
            serde_json::from_str(&render(&loaded, scope, None, Format::Json)).unwrap();
        let errors: Vec<String> = validator("export")
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{scope:?}: {errors:?}");
    }
    let no_entities = serde_json::json!({
        "format": "talks-export", "version": 1, "dossier": {"title": "T"}, "detail": {"kind": "actor", "id": "a", "name": "A"}
    });
    assert!(!validator("export").is_valid(&no_entities));
}
