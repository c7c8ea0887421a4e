//! The text of a notes file, written by hand rather than by serde_yaml (which folds long
//! strings and picks a scalar's style from its content): every part always present, its
//! entries in key order, each note a literal block (`|`), so that an entry's lines depend
//! only on its own key and text. Two analysts who noted different things then change
//! different lines, and git merges them.

use super::Notes;
use crate::text::is_unsafe_char;

/// The first line of every notes file.
const HEADER: &str = "# talks analyst notes: see docs/notes-format.md\n";

/// A key longer than this (in characters, as written) is written as an explicit key
/// (`? KEY`): libyaml refuses an implicit key of 1,024 characters or more.
const LONGEST_IMPLICIT_KEY: usize = 1000;

/// The indentation of a note's lines: two more than its key's.
const TEXT_INDENT: &str = "    ";

/// The text of a notes file.
pub(super) fn render(notes: &Notes) -> String {
    let mut out = String::from(HEADER);
    out.push_str(&format!("version: {}\n", notes.version));
    out.push_str("notes:\n");
    for (key, text) in &notes.notes {
        push_key(&mut out, key);
        push_text(&mut out, text);
    }
    out.push_str("stars:\n");
    for key in &notes.stars {
        out.push_str("  - ");
        out.push_str(&scalar(key));
        out.push('\n');
    }
    out.push_str("searches:\n");
    for (name, query) in &notes.searches {
        push_key(&mut out, name);
        out.push(' ');
        out.push_str(&scalar(query));
        out.push('\n');
    }
    out
}

/// `  KEY:`, or `  ? KEY` and `  :` for a long key; the value follows on the same line.
fn push_key(out: &mut String, key: &str) {
    let key = scalar(key);
    if key.chars().count() > LONGEST_IMPLICIT_KEY {
        out.push_str(&format!("  ? {key}\n  :"));
    } else {
        out.push_str(&format!("  {key}:"));
    }
}

/// A note as a literal block after its key: ` |-` (no newline at its end), ` |` (one) or
/// ` |+` (more), with the indentation given (`|2`) when its first line starts with a space
/// or a tab; a text a literal block cannot hold (a carriage return, a control character)
/// is written double-quoted.
fn push_text(out: &mut String, text: &str) {
    if !fits_a_literal_block(text) {
        out.push(' ');
        out.push_str(&double_quoted(text));
        out.push('\n');
        return;
    }
    let body = text.strip_suffix('\n').unwrap_or(text);
    let chomping = if !text.ends_with('\n') {
        "-"
    } else if body.is_empty() || body.ends_with('\n') {
        "+"
    } else {
        ""
    };
    let first = text.split('\n').find(|line| !line.is_empty());
    let indicator = if first.is_some_and(|line| line.starts_with([' ', '\t'])) {
        "2"
    } else {
        ""
    };
    out.push_str(&format!(" |{indicator}{chomping}\n"));
    if text.is_empty() {
        return;
    }
    for line in body.split('\n') {
        if !line.is_empty() {
            out.push_str(TEXT_INDENT);
            out.push_str(line);
        }
        out.push('\n');
    }
}

/// Whether `text` reads back the same from a literal block: no line break but `\n` (YAML
/// reads CR, NEL and the Unicode separators as line breaks), nothing YAML forbids raw, and
/// nothing that would show a reader of the file something else than it holds.
fn fits_a_literal_block(text: &str) -> bool {
    text.chars()
        .all(|c| c == '\n' || c == '\t' || !needs_escaping(c))
}

/// A character written as an escape in a double-quoted scalar.
fn needs_escaping(c: char) -> bool {
    is_unsafe_char(c) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// A key, star or saved query: plain when that is sure to read back as the same string in
/// any YAML reader, else double-quoted.
fn scalar(text: &str) -> String {
    if is_plain(text) {
        text.to_string()
    } else {
        double_quoted(text)
    }
}

/// Words YAML 1.1 reads as a boolean or null.
const RESERVED: [&str; 12] = [
    "y", "n", "yes", "no", "true", "false", "on", "off", "null", "nan", "inf", "~",
];

/// Letters, digits and a few marks, starting with a letter: no indicator, nothing a YAML
/// reader could take for a number, a boolean or null, no `: ` or ` #`.
fn is_plain(text: &str) -> bool {
    let mut chars = text.chars();
    let starts_well = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    let allowed =
        |c: char| (c.is_alphanumeric() && !needs_escaping(c)) || " -_./@:^$!|'".contains(c);
    starts_well
        && text.chars().all(allowed)
        && !text.ends_with([' ', ':'])
        && !text.contains(": ")
        && !RESERVED.contains(&text.to_lowercase().as_str())
}

/// `text` as a YAML double-quoted scalar on one line.
fn double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if needs_escaping(c) => {
                let code = c as u32;
                let escaped = match code {
                    0..=0xFF => format!("\\x{code:02X}"),
                    0x100..=0xFFFF => format!("\\u{code:04X}"),
                    _ => format!("\\U{code:08X}"),
                };
                out.push_str(&escaped);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
