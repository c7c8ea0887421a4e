//! Problems found in a dossier, each with where it is and how it reads to a person.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::text::sanitize_line;

// Serialized for the index cache (`open/cached.rs`): a dossier's warnings are kept with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Warning,
    Error,
}

/// A 1-based line and column (in characters) in the dossier's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Location {
    pub(crate) line: usize,
    pub(crate) column: usize,
}

/// One problem: what is wrong, where, and the line it is on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub(crate) severity: Severity,
    pub(crate) file: String,
    pub(crate) location: Option<Location>,
    pub(crate) message: String,
    /// The offending line of the file, as written.
    pub(crate) source_line: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            file: file.to_string(),
            location: None,
            message: message.into(),
            source_line: None,
        }
    }

    /// Places the diagnostic at `location` and quotes that line of `text`.
    pub fn at(self, location: Location, text: &str) -> Self {
        let line = text.lines().nth(location.line.saturating_sub(1));
        self.at_line(location, line)
    }

    /// Places the diagnostic at `location`, quoting `line` (the text of that line).
    pub(crate) fn at_line(mut self, location: Location, line: Option<&str>) -> Self {
        self.source_line = line.map(str::to_string);
        self.location = Some(location);
        self
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let message = sanitize_line(&self.message);
        match self.location {
            Some(Location { line, column }) => write!(
                f,
                "{}:{line}:{column}: {label}: {message}",
                sanitize_line(&self.file)
            )?,
            None => write!(f, "{}: {label}: {message}", sanitize_line(&self.file))?,
        }
        if let (Some(location), Some(source)) = (self.location, &self.source_line) {
            let gutter = location.line.to_string().len();
            let (source, column) = window(source, location.column);
            let before: String = source.chars().take(column - 1).collect();
            let shown_before = sanitize_line(&before);
            let caret_pad = crate::text::width(shown_before.as_ref());
            write!(
                f,
                "\n {} |\n {line} | {}\n {} | {}^",
                " ".repeat(gutter),
                sanitize_line(&source),
                " ".repeat(gutter),
                " ".repeat(caret_pad),
                line = location.line,
            )?;
        }
        Ok(())
    }
}

/// At most `QUOTE_WIDTH` characters of `line` around `column`, with `…` where cut, and
/// the column within that window.
fn window(line: &str, column: usize) -> (String, usize) {
    const QUOTE_WIDTH: usize = 100;
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= QUOTE_WIDTH {
        return (line.to_string(), column);
    }
    let start = column
        .saturating_sub(QUOTE_WIDTH / 2)
        .min(chars.len() - QUOTE_WIDTH);
    let end = start + QUOTE_WIDTH;
    let mut shown: String = chars[start..end].iter().collect();
    let mut column = column - start;
    if start > 0 {
        shown.insert(0, '…');
        column += 1;
    }
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column.max(1))
}

/// The line and column just after `text`.
pub(crate) fn end_of(text: &str) -> Location {
    let line = text.matches('\n').count() + 1;
    let last = text.rsplit('\n').next().unwrap_or_default();
    Location {
        line,
        column: last.chars().count() + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_position_source_line_and_caret() {
        let text = "a: 1\nparticipants: [witkof]\n";
        let diagnostic = Diagnostic::new(Severity::Error, "x.yaml", "unknown actor \"witkof\"").at(
            Location {
                line: 2,
                column: 16,
            },
            text,
        );
        assert_eq!(
            diagnostic.to_string(),
            "x.yaml:2:16: error: unknown actor \"witkof\"\n   |\n 2 | participants: [witkof]\n   |                ^"
        );
    }

    #[test]
    fn long_lines_are_quoted_around_the_column() {
        let text = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let diagnostic = Diagnostic::new(Severity::Error, "x.yaml", "here").at(
            Location {
                line: 1,
                column: 501,
            },
            &text,
        );
        let shown = diagnostic.to_string();
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines[2].len() < 120, "{}", lines[2]);
        let caret = lines[3].find('^').unwrap_or_default();
        assert_eq!(lines[2].chars().nth(caret), Some('X'));
    }

    #[test]
    fn control_characters_in_the_quoted_line_are_escaped() {
        let text = "title: \"\u{1b}[2J\"\n";
        let diagnostic = Diagnostic::new(Severity::Warning, "x.yaml", "control")
            .at(Location { line: 1, column: 8 }, text);
        let shown = diagnostic.to_string();
        assert!(!shown.contains('\u{1b}'));
    }

    #[test]
    fn end_of_counts_lines_and_characters() {
        assert_eq!(end_of("ab\ncdé"), Location { line: 2, column: 4 });
        assert_eq!(end_of(""), Location { line: 1, column: 1 });
    }
}
