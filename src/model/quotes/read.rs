//! Reading a source's text: a regular file, at most `--max-size` bytes (as a dossier),
//! UTF-8.

use std::path::Path;

use super::passage::SourceText;
use crate::model::diagnostic::end_of;

/// The source text at `path`, folded and indexed; or why it cannot be used, in a few
/// words (the caller names the file and the source).
pub fn read_source_text(path: &Path) -> Result<SourceText, String> {
    let bytes = crate::model::source::read_path(path).map_err(|err| {
        err.diagnostics
            .into_iter()
            .next()
            .map_or_else(|| "cannot read the file".to_string(), |d| d.message)
    })?;
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let byte = err.as_bytes()[valid.len()];
        let at = end_of(std::str::from_utf8(valid).unwrap_or_default());
        format!(
            "the file is not valid UTF-8 (byte 0x{byte:02X} at line {}, column {}): save it as \
             UTF-8 text",
            at.line, at.column
        )
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    Ok(SourceText::new(crate::text::shown_path(path), text))
}
