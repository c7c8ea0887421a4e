//! Views of a dossier as text, Markdown and JSON: pure functions, plus the atomic write.

mod text;

pub use text::{detail_text, wrap};
