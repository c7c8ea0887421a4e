//! The JSON Schema of the dossier format, generated from the serde types so that it cannot
//! drift from them. `assets/dossier.schema.json` is this, checked in for editors.

use super::types::Dossier;

/// The schema as pretty JSON, as checked in under `assets/`.
pub fn dossier_schema_json() -> String {
    let schema = schemars::schema_for!(Dossier);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The schema of one file of a folder dossier, as checked in under `assets/`.
pub fn folder_file_schema_json() -> String {
    let schema = schemars::schema_for!(super::folder::part::Part);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
