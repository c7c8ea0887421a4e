//! serde_yaml's errors worded for a dossier's author: positioned, with the type names a
//! reader knows and a hint where one helps.

use super::diagnostic::{Diagnostic, Location, Severity, end_of};
use super::yaml::YamlError;

/// An error about a value's shape (its type, a field), not the syntax.
pub(super) fn is_shape_error(err: &YamlError) -> bool {
    let message = err.to_string();
    [
        "invalid type",
        "missing field",
        "unknown field",
        "invalid value",
        "invalid length",
    ]
    .iter()
    .any(|shape| message.contains(shape))
}

/// The first control character YAML forbids raw in a file (anything but tab, LF and CR).
pub(super) fn raw_control_character(name: &str, text: &str) -> Option<Diagnostic> {
    let (at, c) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))?;
    let label = if c == '\0' { " (NUL)" } else { "" };
    let diagnostic = Diagnostic::new(
        Severity::Error,
        name,
        format!(
            "the file contains a raw control character U+{:04X}{label}; is it really a text file?",
            c as u32
        ),
    );
    Some(diagnostic.at(end_of(&text[..at]), text))
}

/// Turns a serde_yaml error into a positioned message a dossier author can act on.
pub(super) fn syntax_diagnostic(name: &str, text: &str, err: &YamlError) -> Diagnostic {
    let (message, marks) = strip_marks(&crate::text::cut_quoted(&err.to_string()));
    // libyaml names the problem's position and, for some errors, where the construct that
    // failed began; an unclosed quote is best shown where it opens.
    let location = if message.contains("while scanning a quoted scalar") {
        marks.last().copied()
    } else {
        err.location()
    };
    let message = plain_type_names(&message);
    // A whole file read as one scalar: its text echoed back says nothing.
    let scalar = ["string", "integer", "floating point", "boolean"]
        .iter()
        .any(|what| message.starts_with(&format!("invalid type: {what}")));
    let message = if scalar && message.contains("expected a dossier") {
        "this is not a dossier: the file is plain text, not a YAML mapping with `version`, \
         `title` and `sources`"
            .to_string()
    } else if scalar && message.contains("expected one file of a folder dossier") {
        "this is not a file of a folder dossier: the file is plain text, not a YAML mapping \
         with `version`"
            .to_string()
    } else {
        message
    };
    let line_text = location.and_then(|l| text.lines().nth(l.line.saturating_sub(1)));
    let unclosed = [("flow sequence", '['), ("flow mapping", '{')]
        .into_iter()
        .find(|(what, _)| message.contains(&format!("while parsing a {what}")))
        .zip(marks.last())
        .map(|((_, bracket), opened)| {
            format!(
                "; the {bracket} at line {}, column {} is not closed",
                opened.line, opened.column
            )
        });
    let hint = if let Some(unclosed) = &unclosed {
        unclosed.as_str()
    } else if message.contains("repetition limit exceeded") {
        "; the document expands too many aliases (an alias bomb?)"
    } else if message.contains("recursion limit exceeded") {
        "; the document is nested too deeply"
    } else if line_text.is_some_and(|l| l.trim_start_matches(' ').starts_with('\t')) {
        "; YAML does not allow tabs for indentation: use spaces"
    } else {
        ""
    };
    let diagnostic = Diagnostic::new(Severity::Error, name, format!("{message}{hint}"));
    match location {
        Some(location) => diagnostic.at(location, text),
        None => diagnostic,
    }
}

/// Removes every " at line L column C" from a serde_yaml message, returning the positions.
fn strip_marks(full: &str) -> (String, Vec<Location>) {
    const MARK: &str = " at line ";
    let mut message = String::new();
    let mut marks = Vec::new();
    let mut rest = full;
    while let Some(at) = rest.find(MARK) {
        message.push_str(&rest[..at]);
        let after = &rest[at + MARK.len()..];
        let mut words = after.splitn(3, ' ');
        let line = words.next().and_then(|w| w.parse().ok());
        let keyword = words.next();
        let column_text: String = words
            .next()
            .unwrap_or_default()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        match (line, keyword, column_text.parse()) {
            (Some(line), Some("column"), Ok(column)) => {
                marks.push(Location { line, column });
                let consumed = line.to_string().len() + " column ".len() + column_text.len();
                rest = &after[consumed..];
            }
            _ => {
                message.push_str(MARK);
                rest = after;
            }
        }
    }
    message.push_str(rest);
    (message, marks)
}

/// serde names Rust types ("expected struct Actor", "expected u32"); say what they are.
fn plain_type_names(message: &str) -> String {
    const NAMES: [(&str, &str); 15] = [
        (
            "struct Dossier",
            "a dossier: a mapping with `version`, `title` and `sources`",
        ),
        (
            "struct Part",
            "one file of a folder dossier: a mapping with `version`",
        ),
        (
            "struct Source",
            "a source (a mapping with `id`, `title` and `kind`)",
        ),
        (
            "struct Actor",
            "an actor (a mapping with `id`, `name` and `kind`)",
        ),
        (
            "struct Place",
            "a place (a mapping with `id`, `name` and `kind`)",
        ),
        (
            "struct Event",
            "an event (a mapping with `id`, `title`, `kind`, `status` and `order`)",
        ),
        (
            "struct StickingPoint",
            "a sticking point (a mapping with `id`, `title`, `topic` and `status`)",
        ),
        (
            "struct Position",
            "a position (a mapping with `actor`, `stance` and `summary`)",
        ),
        ("struct Quote", "a quote (a mapping with `by` and `text`)"),
        (
            "struct Notes",
            "a notes file (a mapping with `version`, `notes`, `stars` and `searches`)",
        ),
        ("u32", "a whole number from 0 to 4294967295"),
        ("a sequence", "a list"),
        ("invalid type: sequence", "invalid type: a list"),
        ("invalid type: unit value", "invalid type: null"),
        ("invalid type: map", "invalid type: a mapping"),
    ];
    let mut message = message.to_string();
    for (rust, plain) in NAMES {
        message = message.replace(&format!("expected {rust}"), &format!("expected {plain}"));
        if rust.starts_with("invalid") {
            message = message.replace(rust, plain);
        }
    }
    message
}
#[cfg(test)]
mod tests {
    use super::*;

    /// The typed dossier rejects deep or aliased structures before serde_yaml's own limits
    /// trip; should a limit trip first, its message is still readable and placed.
    #[test]
    fn serde_yaml_limits_read_clearly() {
        let deep = format!("a: {}{}\n", "[".repeat(200), "]".repeat(200));
        let err = crate::model::yaml::from_str::<serde_json::Value>(&deep).unwrap_err();
        let shown = syntax_diagnostic("deep.yaml", &deep, &err).to_string();
        assert!(shown.starts_with("deep.yaml:1:"), "{shown}");
        assert!(
            shown.contains("recursion limit exceeded; the document is nested too deeply"),
            "{shown}"
        );
        let bomb = crate::generate::billion_laughs();
        let err = crate::model::yaml::from_str::<serde_json::Value>(&bomb).unwrap_err();
        let shown = syntax_diagnostic("bomb.yaml", &bomb, &err).to_string();
        assert!(
            shown.contains(
                "repetition limit exceeded; the document expands too many aliases (an alias bomb?)"
            ),
            "{shown}"
        );
    }

    #[test]
    fn strips_positions_from_messages() {
        let (message, marks) = strip_marks(
            "found end at line 4 column 1, while scanning a quoted scalar at line 2 column 8",
        );
        assert_eq!(message, "found end, while scanning a quoted scalar");
        assert_eq!(
            marks,
            vec![
                Location { line: 4, column: 1 },
                Location { line: 2, column: 8 }
            ]
        );
        assert_eq!(strip_marks("at line five").0, "at line five");
    }
}
