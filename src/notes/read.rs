//! Reading a notes file's text as the dossier is read: the nesting, tags and aliases looked
//! at before serde_yaml descends or expands anything, every key once, and every error at
//! `FILE:LINE:COLUMN`.

use super::Notes;
use super::shape::{Part, shape};
use crate::model::{Diagnostic, Location, MAX_DEPTH, Severity, human_bytes};
use crate::text::sanitize_line;

/// A notes file larger than this is refused (notes are a person's writing, not data).
pub const MAX_NOTES_BYTES: u64 = 16 * 1024 * 1024;

/// How many characters of a key a message quotes.
const QUOTED_CHARS: usize = 80;

/// Reads the text of a notes file; `name` is used in messages.
pub(super) fn parse(name: &str, text: &str) -> Result<Notes, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Ok(Notes::new());
    }
    if let Some(refused) = refused_before_reading(text) {
        return Err(placed(name, refused));
    }
    let shape = shape(text);
    if let Some(duplicate) = &shape.duplicate {
        let what = match duplicate.part {
            Part::Top => format!("the key `{}` is written", quoted(&duplicate.key)),
            Part::Notes => format!("the note \"{}\" is written", quoted(&duplicate.key)),
            Part::Searches => format!("the saved search \"{}\" is written", quoted(&duplicate.key)),
            Part::Stars | Part::Other => {
                format!("the star \"{}\" is listed", quoted(&duplicate.key))
            }
        };
        let message = format!(
            "{what} twice: the other is at line {}, column {}",
            duplicate.first.line, duplicate.first.column
        );
        return Err(placed(name, (duplicate.at, message)));
    }
    if let Some(at) = shape.second_document {
        let message = "a second YAML document starts here: a notes file holds one".to_string();
        return Err(placed(name, (at, message)));
    }
    let version_error = |version: u32| {
        let at = shape.version.as_ref().map(|(_, at)| *at);
        let message = format!("notes version {version} is not known: this talks reads version 1");
        match at {
            Some(at) => placed(name, (at, message)),
            None => format!("{name}: {message}"),
        }
    };
    // A later version may have keys this one does not know: say that first.
    if let Some(version) = shape
        .version
        .as_ref()
        .and_then(|(v, _)| v.parse::<u32>().ok())
        && version != 1
    {
        return Err(version_error(version));
    }
    let notes: Notes = crate::model::yaml::from_str(text)
        .map_err(|err| one_line(&crate::model::serde_diagnostic(name, text, err)))?;
    if notes.version != 1 {
        return Err(version_error(notes.version));
    }
    Ok(notes)
}

/// What serde_yaml must not be given: nesting that takes it minutes, a tag it would read
/// silently as something else, aliases that expand past what a notes file may hold.
fn refused_before_reading(text: &str) -> Option<(Location, String)> {
    if let Some(at) = crate::model::too_deep(text, MAX_DEPTH) {
        let message = format!(
            "the notes nest deeper than {MAX_DEPTH} levels here (a notes file needs two); it \
             is refused before it is read, since reading such nesting takes minutes"
        );
        return Some((at, message));
    }
    if text.contains('!')
        && let Some((tag, at)) = crate::model::refused_tag(text)
    {
        let message = format!(
            "the tag {tag} is not allowed: notes are plain text (only !!str, !!int, !!bool \
             and !!null may be written)"
        );
        return Some((at, message));
    }
    // talks writes the notes back without aliases: what they expand to must fit in a file.
    let limit = MAX_NOTES_BYTES.saturating_sub(text.len() as u64);
    if text.contains('*')
        && let Some(at) = crate::model::expands_past(text, limit)
    {
        let message = format!(
            "the aliases make the notes larger than {} once written out (talks writes notes \
             without aliases), more than a notes file may hold",
            human_bytes(MAX_NOTES_BYTES)
        );
        return Some((at, message));
    }
    None
}

/// `FILE:LINE:COLUMN: message`.
fn placed(name: &str, (at, message): (Location, String)) -> String {
    format!("{name}:{}:{}: {message}", at.line, at.column)
}

/// A diagnostic as one line, as the explorer's banner shows it.
fn one_line(diagnostic: &Diagnostic) -> String {
    debug_assert_eq!(diagnostic.severity, Severity::Error);
    let message = &diagnostic.message;
    // serde names a map "a map".
    let message = match message.strip_suffix("expected a map") {
        Some(start) => format!("{start}expected a mapping"),
        None => message.clone(),
    };
    let message = sanitize_line(&message);
    match diagnostic.location {
        Some(at) => format!("{}:{}:{}: {message}", diagnostic.file, at.line, at.column),
        None => format!("{}: {message}", diagnostic.file),
    }
}

/// A key for a message: control characters made visible, cut after [`QUOTED_CHARS`].
fn quoted(key: &str) -> String {
    let clean = sanitize_line(key);
    let mut cut: String = clean.chars().take(QUOTED_CHARS).collect();
    if clean.chars().count() > QUOTED_CHARS {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> String {
        match parse("d.notes.yaml", text) {
            Ok(notes) => format!("read: {notes:?}"),
            Err(err) => err,
        }
    }

    #[test]
    fn a_key_written_twice_is_an_error_naming_both_places() {
        assert_eq!(
            error("version: 1\nnotes:\n  donbas: a\n  putin: b\n  donbas: c\n"),
            "d.notes.yaml:5:3: the note \"donbas\" is written twice: the other is at line 3, \
             column 3"
        );
        assert_eq!(
            error("searches:\n  g: x\n  \"g\": y\n"),
            "d.notes.yaml:3:3: the saved search \"g\" is written twice: the other is at line 2, \
             column 3"
        );
        assert_eq!(
            error("stars: [putin, kyiv, putin]\n"),
            "d.notes.yaml:1:22: the star \"putin\" is listed twice: the other is at line 1, \
             column 9"
        );
        assert_eq!(
            error("notes: {}\nstars: []\nnotes: {}\n"),
            "d.notes.yaml:3:1: the key `notes` is written twice: the other is at line 1, column 1"
        );
    }

    #[test]
    fn a_long_or_odd_key_is_cut_and_shown_escaped() {
        let key = format!("\u{1b}]0;x{}", "k".repeat(200));
        let err = error(&format!("notes:\n  \"{key}\": a\n  \"{key}\": b\n"));
        assert!(err.starts_with("d.notes.yaml:3:3: the note \""), "{err}");
        assert!(!err.contains('\u{1b}'), "{err}");
        assert!(err.contains("k…\" is written twice"), "{err}");
    }

    #[test]
    fn every_error_is_at_its_line_and_column() {
        let cases = [
            (
                "version: 1\nnotes:\n  a: x\u{7}y\n",
                "d.notes.yaml:3:7: the file contains a raw control character U+0007; is it \
                 really a text file?",
            ),
            (
                "version: 1\nnotes: {a: x}\n---\nversion: 1\n",
                "d.notes.yaml:3:1: a second YAML document starts here: a notes file holds one",
            ),
            (
                "notes: {}\nversion: 2\n",
                "d.notes.yaml:2:10: notes version 2 is not known: this talks reads version 1",
            ),
            (
                "version: 0x2\n",
                "d.notes.yaml:1:10: notes version 2 is not known: this talks reads version 1",
            ),
            (
                "version: 1\nnotes: 5\n",
                "d.notes.yaml:2:8: notes: invalid type: integer `5`, expected a mapping",
            ),
            (
                "version: 1\nnotes:\n  a: [x\n",
                "d.notes.yaml:4:1: did not find expected ',' or ']', while parsing a flow \
                 sequence; the [ at line 3, column 6 is not closed",
            ),
            (
                "version: 1\nnotes:\n  a: \"unclosed\n",
                "d.notes.yaml:3:6: found unexpected end of stream, while scanning a quoted scalar",
            ),
            (
                "\u{feff}version: 1\nzz: 1\n",
                "d.notes.yaml:2:1: unknown field `zz`, expected one of `version`, `notes`, \
                 `stars`, `searches`",
            ),
            (
                "- a\n",
                "d.notes.yaml:1:1: invalid type: a list, expected a notes file (a mapping with \
                 `version`, `notes`, `stars` and `searches`)",
            ),
            (
                "version: 1\nnotes:\n  a: !!binary aGVsbG8=\n",
                "d.notes.yaml:3:6: the tag !!binary is not allowed: notes are plain text (only \
                 !!str, !!int, !!bool and !!null may be written)",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error(text), expected, "{text:?}");
        }
    }

    #[test]
    fn empty_parts_and_an_empty_file_read_as_no_notes() {
        assert_eq!(
            parse("n", "version: 1\nnotes:\nstars:\nsearches:\n"),
            Ok(Notes::new())
        );
        assert_eq!(parse("n", "# nothing yet\n"), Ok(Notes::new()));
        assert_eq!(parse("n", ""), Ok(Notes::new()));
    }

    #[test]
    fn deep_nesting_is_refused_before_it_is_read() {
        let text = format!("version: 1\nnotes:\n  a: {}\n", "[".repeat(100_000));
        assert_eq!(
            error(&text),
            "d.notes.yaml:3:70: the notes nest deeper than 64 levels here (a notes file needs \
             two); it is refused before it is read, since reading such nesting takes minutes"
        );
    }

    #[test]
    fn aliases_may_not_expand_past_what_a_notes_file_holds() {
        let mut text = format!("searches:\n  s0: &q \"{}\"\n", "x".repeat(4096));
        for n in 1..5_000 {
            text.push_str(&format!("  s{n}: *q\n"));
        }
        // 4 KiB × 4,096 aliases reach 16 MiB with the file.
        let err = error(&text);
        assert!(err.starts_with("d.notes.yaml:"), "{err}");
        assert!(
            err.ends_with(
                ": the aliases make the notes larger than 16 MiB once written out (talks writes \
                 notes without aliases), more than a notes file may hold"
            ),
            "{err}"
        );
        let line: usize = err
            .split(':')
            .nth(1)
            .and_then(|l| l.parse().ok())
            .unwrap_or(0);
        assert!((3_000..5_000).contains(&line), "{err}");
        let few = "searches:\n  a: &q x\n  b: *q\n";
        assert_eq!(parse("n", few).map(|n| n.searches.len()), Ok(2));
    }
}
