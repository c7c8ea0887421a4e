//! What serde_yaml cannot say about a notes file, found on its YAML events before it is
//! read: a key written twice (serde_yaml keeps the last note and says nothing), where
//! `version` is, and where a second document starts.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser, Span};

use crate::model::Location;

/// The parts of a notes file whose keys must be unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The file's own keys (`version`, `notes`, `stars`, `searches`).
    Top,
    Notes,
    Searches,
    Stars,
    /// Anything else (a note's value written as a mapping, a key that is a list): serde
    /// says what is wrong with it.
    Other,
}

/// A key (or a star) written a second time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Duplicate {
    pub(crate) part: Part,
    pub(crate) key: String,
    /// The second one.
    pub(crate) at: Location,
    /// The first one.
    pub(crate) first: Location,
}

/// What the events say; the walk stops at the first duplicate or a second document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Shape {
    /// The top-level `version` as written, and where its value is.
    pub(crate) version: Option<(String, Location)>,
    pub(crate) second_document: Option<Location>,
    pub(crate) duplicate: Option<Duplicate>,
}

/// A mapping or sequence being walked.
struct Frame {
    part: Part,
    mapping: bool,
    /// In a mapping: the next node is a key.
    at_key: bool,
    /// The last key read (a scalar key), to know what its value is.
    key: Option<String>,
    seen: HashMap<String, Location>,
}

impl Frame {
    fn new(part: Part, mapping: bool) -> Self {
        Frame {
            part,
            mapping,
            at_key: true,
            key: None,
            seen: HashMap::new(),
        }
    }
}

fn location(span: &Span) -> Location {
    Location {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

/// Walks `text`'s events. Text the event parser refuses gives what was found before the
/// error (serde_yaml then words the syntax error).
pub(super) fn shape(text: &str) -> Shape {
    let mut walk = Walk::default();
    let mut parser = Parser::new_from_str(text);
    let mut documents = 0;
    while let Some(Ok((event, span))) = parser.next_event() {
        let at = location(&span);
        match event {
            Event::DocumentStart(_) => {
                documents += 1;
                if documents > 1 {
                    walk.shape.second_document = Some(at);
                    break;
                }
            }
            Event::Scalar(value, _, anchor, _) => {
                if anchor != 0 {
                    walk.anchors.insert(anchor, value.to_string());
                }
                walk.scalar(Some(value.into_owned()), at);
            }
            Event::Alias(anchor) => {
                let value = walk.anchors.get(&anchor).cloned();
                walk.scalar(value, at);
            }
            Event::MappingStart(..) => walk.open(true),
            Event::SequenceStart(..) => walk.open(false),
            Event::MappingEnd | Event::SequenceEnd => {
                walk.frames.pop();
                walk.completed();
            }
            Event::StreamEnd => break,
            _ => {}
        }
        if walk.shape.duplicate.is_some() {
            break;
        }
    }
    walk.shape
}

#[derive(Default)]
struct Walk {
    frames: Vec<Frame>,
    /// The anchored scalars: an alias used as a key is that key.
    anchors: HashMap<usize, String>,
    shape: Shape,
}

impl Walk {
    /// A scalar node, or an alias (`None` when it stands for a collection).
    fn scalar(&mut self, value: Option<String>, at: Location) {
        let Some(frame) = self.frames.last_mut() else {
            return;
        };
        let keyed = matches!(frame.part, Part::Top | Part::Notes | Part::Searches);
        let listed = frame.part == Part::Stars;
        match value {
            Some(value) if frame.mapping && frame.at_key => {
                let known = frame.part != Part::Top
                    || ["version", "notes", "stars", "searches"].contains(&value.as_str());
                if keyed && known {
                    self.shape.duplicate = check(frame, &value, at);
                }
                frame.key = Some(value);
            }
            Some(value)
                if frame.mapping
                    && frame.part == Part::Top
                    && frame.key.as_deref() == Some("version") =>
            {
                self.shape.version = Some((value, at));
            }
            Some(value) if listed => self.shape.duplicate = check(frame, &value, at),
            _ => {}
        }
        self.completed();
    }

    /// A mapping or sequence starts: what part of the file it is.
    fn open(&mut self, mapping: bool) {
        let part = match self.frames.last_mut() {
            None => Part::Top,
            Some(frame) if frame.mapping && frame.at_key => {
                frame.key = None;
                Part::Other
            }
            Some(frame) if frame.part == Part::Top => match (frame.key.as_deref(), mapping) {
                (Some("notes"), true) => Part::Notes,
                (Some("searches"), true) => Part::Searches,
                (Some("stars"), false) => Part::Stars,
                _ => Part::Other,
            },
            Some(_) => Part::Other,
        };
        let part = if mapping || part == Part::Stars {
            part
        } else {
            Part::Other
        };
        self.frames.push(Frame::new(part, mapping));
    }

    /// A node of the innermost mapping is complete: a key's value comes next, or a key.
    fn completed(&mut self) {
        if let Some(frame) = self.frames.last_mut()
            && frame.mapping
        {
            frame.at_key = !frame.at_key;
        }
    }
}

/// A duplicate when `key` was seen in `frame` already; else it is remembered.
fn check(frame: &mut Frame, key: &str, at: Location) -> Option<Duplicate> {
    match frame.seen.get(key) {
        Some(&first) => Some(Duplicate {
            part: frame.part,
            key: key.to_string(),
            at,
            first,
        }),
        None => {
            frame.seen.insert(key.to_string(), at);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Found = (Part, String, (usize, usize), (usize, usize));

    fn duplicate(text: &str) -> Option<Found> {
        shape(text).duplicate.map(|d| {
            let place = |l: Location| (l.line, l.column);
            (d.part, d.key, place(d.at), place(d.first))
        })
    }

    #[test]
    fn a_key_written_twice_is_found_with_both_places() {
        let text = "version: 1\nnotes:\n  donbas: a\n  putin: b\n  donbas: c\n";
        let found = duplicate(text);
        assert_eq!(found, Some((Part::Notes, "donbas".into(), (5, 3), (3, 3))));
        let text = "searches: {a: x, \"a\": y}\n";
        assert_eq!(duplicate(text).map(|d| d.0), Some(Part::Searches));
        let text = "stars:\n  - a\n  - b\n  - 'a'\n";
        assert_eq!(
            duplicate(text),
            Some((Part::Stars, "a".into(), (4, 5), (2, 5)))
        );
        let text = "version: 1\nnotes: {}\nversion: 1\n";
        assert_eq!(
            duplicate(text),
            Some((Part::Top, "version".into(), (3, 1), (1, 1)))
        );
    }

    #[test]
    fn only_the_parts_of_a_notes_file_are_checked() {
        // serde says what is wrong with these: an unknown key, a note that is a mapping.
        assert_eq!(duplicate("zz: 1\nzz: 2\n"), None);
        assert_eq!(duplicate("notes:\n  a: {x: 1, x: 2}\n"), None);
        assert_eq!(duplicate("notes:\n  [a]: x\n  [a]: y\n"), None);
        assert_eq!(duplicate("stars: [[a], [a]]\n"), None);
        // Values are not keys.
        assert_eq!(duplicate("notes: {a: x, b: x}\nsearches: {x: a}\n"), None);
    }

    #[test]
    fn an_alias_used_as_a_key_is_the_key_it_stands_for() {
        let text = "notes:\n  &k a: x\n  *k : y\n";
        assert_eq!(
            duplicate(text).map(|d| (d.1, d.2)),
            Some(("a".into(), (3, 3)))
        );
    }

    #[test]
    fn version_and_a_second_document_are_placed() {
        let found = shape("notes: {}\nversion: 2\n---\nversion: 1\n");
        assert_eq!(
            found.version,
            Some((
                "2".into(),
                Location {
                    line: 2,
                    column: 10
                }
            ))
        );
        assert_eq!(found.second_document, Some(Location { line: 3, column: 1 }));
        assert_eq!(shape("notes: {version: 2}\n").version, None);
    }
}
