//! The dossier: serde types, loading, validation and the cross-reference index.
//! No terminal code lives here.

mod chunks;
mod diagnostic;
mod index;
mod load;
mod locate;
mod schema;
mod stream;
mod tags;
mod types;
mod validate;
mod vocab;
mod walk;

pub use diagnostic::{Diagnostic, Location, Severity, render_all};
pub use index::{Citation, Index};
pub use load::{
    BUILTIN_NAME, BUILTIN_TEXT, LISTED_WARNINGS, LoadError, Loaded, builtin, load_bytes, load_path,
    load_str, unlisted_note,
};
pub use schema::dossier_schema_json;
pub use types::*;
pub use validate::{check_date, closest, is_valid_id};
pub use vocab::{ActorKind, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};
