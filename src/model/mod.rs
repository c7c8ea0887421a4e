//! The dossier: serde types, loading, validation and the cross-reference index.
//! No terminal code lives here.

mod aliases;
mod chunks;
mod claims;
mod diagnostic;
#[doc(hidden)]
pub mod differential;
pub mod folder;
mod folder_map;
mod index;
mod kinds;
mod load;
mod locate;
mod nesting;
mod open;
pub mod over_time;
mod quotes;
mod render_problems;
mod schema;
mod shape;
#[cfg(test)]
mod shape_tests;
mod shape_tree;
mod shape_words;
mod size;
mod source;
mod speakers;
mod stream;
mod syntax;
mod tags;
mod types;
mod validate;
mod vocab;
mod walk;
pub(crate) mod yaml;
#[cfg(test)]
pub(crate) use walk::each_text;

/// The dossier under "A complete example" in docs/dossier-format.md, which uses every
/// field of the format (tests/it/format_spec.rs holds that): the checks that a new field
/// is handled everywhere read it.
#[cfg(test)]
pub(crate) fn complete_example() -> Loaded {
    let spec = include_str!("../../docs/dossier-format.md");
    let section = spec.split("\n## A complete example\n").nth(1).unwrap_or("");
    let block = section.split("```yaml\n").nth(1).unwrap_or("");
    let yaml = block.split("\n```").next().unwrap_or("");
    match load_str("example.yaml", yaml) {
        Ok(loaded) => loaded,
        Err(err) => panic!("the complete example does not load: {err:?}"),
    }
}

pub use diagnostic::{Diagnostic, Location, Severity};
pub use render_problems::render_all;
// The checks made before serde_yaml expands or descends, and its errors worded: the notes
// reader makes the same.
pub(crate) use aliases::expands_past;
pub(crate) use diagnostic::end_of;
pub use index::{Citation, Index};
pub use load::decode;
pub(crate) use load::serde_diagnostic;
pub use load::{
    BUILTIN_NAME, BUILTIN_TEXT, LISTED_WARNINGS, LoadError, Loaded, builtin, load_bytes, load_str,
    unlisted_note,
};
pub use locate::value_at;
pub(crate) use nesting::{MAX_DEPTH, too_deep};
pub use open::{load_path, load_stdin};
pub use quotes::{QuoteCheck, SourceText, check_quotes, problem_at, read_source_text};
pub use schema::{dossier_schema_json, folder_file_schema_json};
pub use size::{human_bytes, parse_size};
pub use source::{
    DEFAULT_MAX_FILE_BYTES, STDIN_NAME, max_file_bytes, read_path, read_path_stamped, read_stdin,
    set_max_file_bytes, too_large,
};
pub(crate) use tags::refused_tag;
pub use types::*;
pub use validate::{check_date, closest, is_valid_id};
pub use vocab::{ActorKind, Basis, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};
pub use yaml::YamlError;
