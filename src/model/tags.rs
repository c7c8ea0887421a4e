//! Explicit YAML tags: a dossier holds plain values, so every tag but `!!str`, `!!int`,
//! `!!bool` and `!!null` is refused (docs/decisions.md), where serde_yaml would silently read
//! `!!binary` as its base64 text or drop a custom tag.

use saphyr_parser::{Event, Parser, Tag};

use super::diagnostic::Location;

/// The core tags a dossier may use.
const ALLOWED: [&str; 4] = ["str", "int", "bool", "null"];

fn allowed(tag: &Tag) -> bool {
    let core = tag.handle == "tag:yaml.org,2002:" || tag.handle == "!!";
    core && ALLOWED.contains(&tag.suffix.as_str())
}

/// How a tag is written: `!!binary` for a core one, else its handle and suffix.
fn written(tag: &Tag) -> String {
    if tag.handle == "tag:yaml.org,2002:" {
        format!("!!{}", tag.suffix)
    } else {
        format!("{}{}", tag.handle, tag.suffix)
    }
}

/// The first refused tag in `text` and where it is (line, 1-based column). `None` when
/// there is none, or when the text cannot be parsed (the reader then says why).
pub(crate) fn refused_tag(text: &str) -> Option<(String, Location)> {
    let mut parser = Parser::new_from_str(text);
    while let Some(Ok((event, span))) = parser.next_event() {
        let tag = match &event {
            Event::Scalar(_, _, _, Some(tag))
            | Event::SequenceStart(_, Some(tag))
            | Event::MappingStart(_, Some(tag)) => tag,
            Event::StreamEnd => return None,
            _ => continue,
        };
        if !allowed(tag) {
            let location = Location {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            return Some((written(tag), location));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_plain_core_tags_pass() {
        assert_eq!(
            refused_tag("a: !!str b\nc: !!int 3\nd: !!bool true\ne: !!null\n"),
            None
        );
        let found = refused_tag("name: ok\ntitle: !!binary aGVsbG8=\n");
        let (tag, at) = found.unwrap_or_else(|| panic!("the tag is refused"));
        assert_eq!(tag, "!!binary");
        assert_eq!((at.line, at.column), (2, 8));
        assert_eq!(
            refused_tag("x: !custom y\n").map(|t| t.0),
            Some("!custom".into())
        );
        assert_eq!(
            refused_tag("- !!map {a: b}\n").map(|t| t.0),
            Some("!!map".into())
        );
        assert_eq!(
            refused_tag("a: [unclosed\n"),
            None,
            "the reader words syntax errors"
        );
    }
}
