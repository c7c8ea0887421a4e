//! Reading a dossier from a file or a string: syntax and shape through a streaming reader
//! (plain documents) or serde_yaml (everything else, and every error message), then the
//! validation pass, then the index. Every failure becomes a positioned [`Diagnostic`].

use super::diagnostic::{Diagnostic, Location, Severity, end_of};
use super::index::Index;
use super::locate::located;
use super::render_problems::render_all;
use super::syntax::{is_shape_error, raw_control_character, syntax_diagnostic};
use super::types::Dossier;
use super::validate::validate;
use super::yaml::YamlError;

/// The built-in dossier, compiled into the binary so `talks` works from any folder.
pub const BUILTIN_TEXT: &str = include_str!("../../data/talks.yaml");
/// How the built-in dossier is named in messages.
pub const BUILTIN_NAME: &str = "data/talks.yaml (built in)";

/// A dossier that passed validation, with its index and any warnings.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file name used in messages.
    pub(crate) name: String,
    pub dossier: Dossier,
    pub index: Index,
    pub warnings: Vec<Diagnostic>,
    /// Warnings past the first [`LISTED_WARNINGS`], counted but not listed.
    pub(crate) unlisted_warnings: usize,
    /// For a folder dossier, the files and where each item was written.
    pub(crate) folder: Option<std::sync::Arc<super::folder_map::FolderMap>>,
    /// The index cache's key of the bytes this was read from (`open` sets it for a file
    /// it keeps), for the search engine kept under the same key.
    pub(crate) cache_key: Option<crate::cache::ContentKey>,
}

/// At most this many warnings are located and listed; the rest are counted. Errors are all
/// listed. (100k positions that cite nothing would otherwise take seconds to report.)
pub const LISTED_WARNINGS: usize = 200;

impl Loaded {
    /// Whether this is a folder of files read as one dossier.
    pub fn is_folder(&self) -> bool {
        self.folder.is_some()
    }

    /// Whether this is the dossier built into talks (not a file of the user's).
    pub fn is_builtin(&self) -> bool {
        self.name == BUILTIN_NAME
    }

    /// Every warning, listed or not.
    pub(crate) fn warning_count(&self) -> usize {
        self.warnings.len() + self.unlisted_warnings
    }
}

/// Why a dossier could not be loaded: every problem found, errors and warnings alike.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}{}{}", render_all(.diagnostics), unlisted_note(*.unlisted_warnings),
    shape_first(*.read_no_further, .diagnostics.len()))]
pub struct LoadError {
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Warnings past the first [`LISTED_WARNINGS`], counted but not listed.
    pub(crate) unlisted_warnings: usize,
    /// The file did not read as a dossier: what is checked after reading was not.
    pub(crate) read_no_further: bool,
}

/// Said after problems of shape: the checks that wait for them.
fn shape_first(read_no_further: bool, problems: usize) -> &'static str {
    match (read_no_further, problems) {
        (false, _) => "",
        (true, 1) => {
            "\n\nFix this and run again: ids, references, dates and the rest are checked \
             once the file reads as a dossier."
        }
        (true, _) => {
            "\n\nFix these and run again: ids, references, dates and the rest are checked \
             once the file reads as a dossier."
        }
    }
}

/// The line that stands for warnings that are not listed.
pub fn unlisted_note(count: usize) -> String {
    if count == 0 {
        String::new()
    } else {
        format!("\n\n… and {count} more warnings, not listed (the first {LISTED_WARNINGS} are)")
    }
}

impl LoadError {
    pub(crate) fn single(diagnostic: Diagnostic) -> Self {
        LoadError {
            diagnostics: vec![diagnostic],
            unlisted_warnings: 0,
            read_no_further: false,
        }
    }

    /// The number of errors (not warnings).
    pub(crate) fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// Every warning, listed or not.
    pub(crate) fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count() + self.unlisted_warnings
    }
}

/// The built-in dossier. It is validated by a unit test, so failure here is a build defect.
pub fn builtin() -> Result<Loaded, LoadError> {
    load_str(BUILTIN_NAME, BUILTIN_TEXT)
}

/// Decodes and validates a dossier held as bytes; `name` is used in messages.
pub fn load_bytes(name: &str, bytes: Vec<u8>) -> Result<Loaded, LoadError> {
    load_str(name, &decode(name, bytes)?)
}

/// The dossier's text from its bytes: UTF-8, or an error at the first byte that is not.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, LoadError> {
    // UTF-16 without a byte-order mark is valid UTF-8 full of zero bytes.
    if looks_like_utf16(&bytes) && std::str::from_utf8(&bytes).is_ok() {
        let message = "the file looks like UTF-16 (a zero byte beside every letter): save it \
                       as UTF-8";
        let mut diagnostic = Diagnostic::new(Severity::Error, name, message);
        diagnostic.location = Some(Location { line: 1, column: 1 });
        return Err(LoadError::single(diagnostic));
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
            let byte = err.as_bytes()[valid.len()];
            // `valid` is the prefix that from_utf8 accepted, so it is UTF-8.
            let before = std::str::from_utf8(valid).unwrap_or_default();
            let utf16 = if looks_like_utf16(err.as_bytes()) {
                "; it looks like UTF-16: save it as UTF-8"
            } else {
                ""
            };
            let mut diagnostic = Diagnostic::new(
                Severity::Error,
                name,
                format!(
                    "the file is not valid UTF-8 (byte 0x{byte:02X}); a dossier must be UTF-8 \
                     text{utf16}"
                ),
            );
            diagnostic.location = Some(end_of(before));
            return Err(LoadError::single(diagnostic));
        }
    };
    Ok(text)
}

/// A UTF-16 byte-order mark, or ASCII text with a zero byte beside every character.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let start = &bytes[..bytes.len().min(64)];
    let zeros = |offset: usize| {
        start
            .iter()
            .skip(offset)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    start.len() >= 8 && (zeros(0) * 2 >= start.len() - 2 || zeros(1) * 2 >= start.len() - 2)
}

/// Parses and validates a dossier held in memory; `name` is used in messages.
pub fn load_str(name: &str, text: &str) -> Result<Loaded, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.starts_with('\u{feff}') {
        let message = "the file starts with more than one byte-order mark (U+FEFF): remove \
                       the extra ones";
        let mut diagnostic = Diagnostic::new(Severity::Error, name, message);
        diagnostic.location = Some(Location { line: 1, column: 1 });
        return Err(LoadError::single(diagnostic));
    }
    let dossier = read(name, text)?;
    let (mut findings, warnings): (Vec<_>, Vec<_>) = validate(&dossier)
        .into_iter()
        .partition(|f| f.severity == Severity::Error);
    let unlisted_warnings = warnings.len().saturating_sub(LISTED_WARNINGS);
    findings.extend(warnings.into_iter().take(LISTED_WARNINGS));
    let diagnostics = located(name, text, &findings);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError {
            diagnostics,
            unlisted_warnings,
            read_no_further: false,
        });
    }
    let index = Index::build(&dossier);
    Ok(Loaded {
        name: name.to_string(),
        dossier,
        index,
        warnings: diagnostics,
        unlisted_warnings,
        folder: None,
        cache_key: None,
    })
}

/// The syntax and shape of a dossier: the streaming reader takes plain documents, serde_yaml
/// reads the rest and words every error. A large file is read in pieces on every core when
/// its lists allow.
fn read(name: &str, text: &str) -> Result<Dossier, LoadError> {
    read_as(name, text, super::chunks::from_str)
}

/// Reads `text` as a `T` (a whole dossier, or one file of a folder dossier) the way
/// [`read`] does; `in_pieces` reads a large file on every core when it can.
pub(super) fn read_as<T: serde::de::DeserializeOwned + schemars::JsonSchema>(
    name: &str,
    text: &str,
    in_pieces: fn(&str) -> Option<T>,
) -> Result<T, LoadError> {
    if text.trim().is_empty() {
        let mut diagnostic = Diagnostic::new(
            Severity::Error,
            name,
            "the file is empty; a dossier needs at least `version`, `title` and `sources`",
        );
        diagnostic.location = Some(end_of(text));
        return Err(LoadError::single(diagnostic));
    }
    if let Some(location) = super::nesting::too_deep(text, super::nesting::MAX_DEPTH) {
        let message = format!(
            "the document nests deeper than {} levels here (a dossier needs about six); it is \
             refused before it is read, since reading such nesting takes minutes",
            super::nesting::MAX_DEPTH
        );
        let diagnostic = Diagnostic::new(Severity::Error, name, message);
        return Err(LoadError::single(diagnostic.at(location, text)));
    }
    let fast = (text.len() > super::chunks::PARALLEL_BYTES)
        .then(|| in_pieces(text))
        .flatten()
        .or_else(|| super::stream::from_str::<T>(text));
    if fast.is_none()
        && let Some(refused) = refused_before_the_full_reader(name, text)
    {
        return Err(refused);
    }
    fast.map_or_else(|| super::yaml::from_str(text), Ok)
        .map_err(|err| every_shape_problem::<T>(name, text, err))
}

/// serde's error, and with it every other problem of shape the file has (not only the
/// first), each with what to write instead where that can be said.
fn every_shape_problem<T: schemars::JsonSchema>(
    name: &str,
    text: &str,
    err: YamlError,
) -> LoadError {
    let first = serde_diagnostic(name, text, err);
    if super::yaml::syntax_error(text).is_some() {
        return LoadError::single(first);
    }
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap_or_default();
    let mut diagnostics = vec![first];
    for problem in super::shape::problems(text, &schema) {
        if Some(problem.at) == diagnostics[0].location {
            // serde found it too: its words, and what to write.
            if let Some(hint) = problem.hint {
                diagnostics[0].message.push_str(&format!("; {hint}"));
            }
            continue;
        }
        let message = match problem.hint {
            Some(hint) => format!("{}; {hint}", problem.message),
            None => problem.message,
        };
        let diagnostic = Diagnostic::new(Severity::Error, name, message);
        diagnostics.push(diagnostic.at(problem.at, text));
    }
    diagnostics.sort_by_key(|d| d.location);
    LoadError {
        diagnostics,
        unlisted_warnings: 0,
        read_no_further: true,
    }
}

/// serde_yaml's error on `text` as a positioned diagnostic (the notes reader words its
/// errors with it too).
pub(crate) fn serde_diagnostic(name: &str, text: &str, err: YamlError) -> Diagnostic {
    // serde_yaml reports a value of the wrong shape as soon as it meets it, before the
    // parser reaches a syntax error further on (`title: [unclosed`): the syntax error is
    // the one to fix.
    let err = match super::yaml::syntax_error(text) {
        Some(syntax) if is_shape_error(&err) => syntax,
        _ => err,
    };
    let raw_control = err
        .to_string()
        .contains("control characters are not allowed");
    raw_control
        .then(|| raw_control_character(name, text))
        .flatten()
        .unwrap_or_else(|| syntax_diagnostic(name, text, &err))
}

/// What serde_yaml must not be given: aliases that expand too far, or a tag other than
/// `!!str`, `!!int`, `!!bool` and `!!null`.
fn refused_before_the_full_reader(name: &str, text: &str) -> Option<LoadError> {
    if let Some(location) =
        super::aliases::expands_past(text, super::aliases::expansion_limit(text.len()))
    {
        let message = format!(
            "the aliases expand to more than {} (ten times the file, and 1 MiB): this one goes \
             past it; a dossier has no need to repeat so much",
            super::size::human_bytes(super::aliases::expansion_limit(text.len()))
        );
        let diagnostic = Diagnostic::new(Severity::Error, name, message);
        return Some(LoadError::single(diagnostic.at(location, text)));
    }
    if let Some((tag, location)) = super::tags::refused_tag(text) {
        let message = format!(
            "the tag {tag} is not allowed: a dossier holds plain values (only !!str, !!int, \
             !!bool and !!null may be written)"
        );
        let diagnostic = Diagnostic::new(Severity::Error, name, message);
        return Some(LoadError::single(diagnostic.at(location, text)));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dossier_is_valid_and_has_no_warnings() {
        let loaded = builtin().unwrap_or_else(|err| panic!("{err}"));
        assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    }
}
