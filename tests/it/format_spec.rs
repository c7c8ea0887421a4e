//! `docs/dossier-format.md` stays true: its complete example loads with no warning and
//! passes the schema, uses every field, and the page names every field and allowed value.

use serde_json::Value;

const SPEC: &str = "docs/dossier-format.md";

fn spec() -> String {
    std::fs::read_to_string(SPEC).unwrap()
}

/// The YAML block under "## A complete example".
fn example(spec: &str) -> String {
    let section = spec.split("\n## A complete example\n").nth(1).unwrap();
    let block = section.split("```yaml\n").nth(1).unwrap();
    block.split("\n```\n").next().unwrap().to_string() + "\n"
}

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string("assets/dossier.schema.json").unwrap()).unwrap()
}

/// The keys written in any of `items`.
fn keys(items: &[&Value]) -> Vec<String> {
    let mut keys: Vec<String> = items
        .iter()
        .flat_map(|item| item.as_object().unwrap().keys().cloned())
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The fields of the type `name` in the schema (the dossier itself for `None`).
fn fields(schema: &Value, name: Option<&str>) -> Vec<String> {
    let object = match name {
        Some(name) => &schema["$defs"][name],
        None => schema,
    };
    let mut fields: Vec<String> = object["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    fields.sort();
    fields
}

#[test]
fn the_complete_example_loads_cleanly_and_passes_the_schema() {
    let yaml = example(&spec());
    let loaded = talks::model::load_str(SPEC, &yaml).unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let value: Value = serde_yaml::from_str(&yaml).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn the_complete_example_uses_every_field() {
    let value: Value = serde_yaml::from_str(&example(&spec())).unwrap();
    let schema = schema();
    // An item may leave a list out (an event without quotes).
    let list =
        |v: &Value, key: &str| -> Vec<Value> { v[key].as_array().cloned().unwrap_or_default() };
    let events = list(&value, "events");
    let points = list(&value, "sticking_points");
    let quotes: Vec<Value> = events.iter().flat_map(|e| list(e, "quotes")).collect();
    let positions: Vec<Value> = points.iter().flat_map(|p| list(p, "positions")).collect();
    let by_type: [(Option<&str>, Vec<Value>); 8] = [
        (None, vec![value.clone()]),
        (Some("Source"), list(&value, "sources")),
        (Some("Actor"), list(&value, "actors")),
        (Some("Place"), list(&value, "places")),
        (Some("Event"), events.clone()),
        (Some("Quote"), quotes),
        (Some("StickingPoint"), points.clone()),
        (Some("Position"), positions),
    ];
    for (name, items) in &by_type {
        let items: Vec<&Value> = items.iter().collect();
        assert_eq!(keys(&items), fields(&schema, *name), "{name:?}");
    }
}

#[test]
fn the_page_names_every_field_and_every_allowed_value() {
    let spec = spec();
    let schema = schema();
    let mut names: Vec<String> = fields(&schema, None);
    for (_, definition) in schema["$defs"].as_object().unwrap() {
        if let Some(properties) = definition["properties"].as_object() {
            names.extend(properties.keys().cloned());
        }
        if let Some(values) = definition["enum"].as_array() {
            names.extend(values.iter().map(|v| v.as_str().unwrap().to_string()));
        }
    }
    for name in names {
        assert!(
            spec.contains(&format!("`{name}`")),
            "{SPEC} does not name `{name}`"
        );
    }
}
