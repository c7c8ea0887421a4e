//! The export prompt's state: the file name being edited, the format Tab chose and what
//! is exported.

use super::input::TextInput;
use crate::export::{Format, Scope};

/// The export prompt: the file name being edited, its format and what is exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    pub(crate) input: TextInput,
    pub format: Format,
    /// Plain text with each paragraph on one line (`--width 0`), for pasting into a
    /// document: Tab's choice after wrapped text.
    pub paragraphs: bool,
    pub(crate) scope: Scope,
    /// Why the last attempt failed, shown in the prompt.
    pub error: Option<String>,
    /// Add the analyst's notes and stars (Ctrl-N toggles it; off by default).
    pub notes: bool,
    /// The brief only: add the appendix of the claims on one source (Ctrl-O toggles it;
    /// off by default), as `talks export --all --single-source`.
    pub single_source: bool,
}

impl ExportPrompt {
    /// The format Enter writes: the one the file name's extension asks for, else the one
    /// Tab chose.
    pub fn format_written(&self) -> Format {
        Format::from_path(std::path::Path::new(self.input.text.trim())).unwrap_or(self.format)
    }

    /// Whether Enter writes plain text a paragraph a line.
    pub fn paragraphs_written(&self) -> bool {
        self.paragraphs && self.format_written() == Format::Text
    }
}
