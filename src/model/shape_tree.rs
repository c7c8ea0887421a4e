//! The YAML document as a small tree that keeps where each key and value starts, for the
//! walk of [`super::shape`] (serde's values keep no positions).

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::diagnostic::Location;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Node {
    pub(crate) at: Location,
    pub(crate) kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NodeKind {
    /// Text as written; `plain` when unquoted and not a block (so it may be a number).
    Scalar {
        text: String,
        plain: bool,
    },
    List(Vec<Node>),
    /// Each key, where it starts, and its value.
    Map(Vec<(String, Location, Node)>),
    /// `*name`: what it stands for is left to serde.
    Alias,
}

impl Node {
    /// `~`, `null` or nothing, unquoted.
    pub(crate) fn is_null(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, plain: true }
            if matches!(text.as_str(), "" | "~" | "null" | "Null" | "NULL"))
    }

    pub(crate) fn is_bool(&self) -> bool {
        matches!(&self.kind, NodeKind::Scalar { text, plain: true }
            if matches!(text.as_str(), "true" | "True" | "TRUE" | "false" | "False" | "FALSE"))
    }

    /// The whole number an unquoted scalar is (`12`, `+3`, `0x10`, `0o17`), as YAML reads it.
    pub(crate) fn integer(&self) -> Option<i128> {
        let NodeKind::Scalar { text, plain: true } = &self.kind else {
            return None;
        };
        let (sign, digits) = match text.strip_prefix('-') {
            Some(rest) => (-1, rest),
            None => (1, text.strip_prefix('+').unwrap_or(text)),
        };
        let value = if let Some(hex) = digits.strip_prefix("0x") {
            i128::from_str_radix(hex, 16).ok()
        } else if let Some(octal) = digits.strip_prefix("0o") {
            i128::from_str_radix(octal, 8).ok()
        } else if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            digits.parse::<i128>().ok()
        } else {
            None
        };
        value.map(|v| sign * v)
    }

    /// How the node is named in a message: `a list`, `a mapping`, `null`, `text "x"`.
    pub(crate) fn described(&self) -> String {
        match &self.kind {
            NodeKind::List(_) => "a list".into(),
            NodeKind::Map(_) => "a mapping".into(),
            NodeKind::Alias => "an alias".into(),
            NodeKind::Scalar { .. } if self.is_null() => "null (nothing)".into(),
            NodeKind::Scalar { text, .. } => {
                let shown: String = text.chars().take(40).collect();
                let cut = if shown.len() < text.len() { "…" } else { "" };
                format!("\"{shown}{cut}\"")
            }
        }
    }
}

enum Open {
    List(Location, Vec<Node>),
    Map(
        Location,
        Vec<(String, Location, Node)>,
        Option<(String, Location)>,
    ),
}

/// The tree of the first document of `text`; `None` when it does not parse.
pub(crate) fn read_tree(text: &str) -> Option<Node> {
    let mut stack: Vec<Open> = Vec::new();
    for item in Parser::new_from_str(text) {
        let (event, span) = item.ok()?;
        let at = Location {
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        let done = match event {
            Event::Scalar(value, style, ..) => {
                if let Some(Open::Map(_, _, key @ None)) = stack.last_mut() {
                    *key = Some((value.into_owned(), at));
                    continue;
                }
                let plain = style == ScalarStyle::Plain;
                let text = value.into_owned();
                Node {
                    at,
                    kind: NodeKind::Scalar { text, plain },
                }
            }
            Event::Alias(_) => Node {
                at,
                kind: NodeKind::Alias,
            },
            Event::SequenceStart(..) => {
                stack.push(Open::List(at, Vec::new()));
                continue;
            }
            Event::MappingStart(..) => {
                stack.push(Open::Map(at, Vec::new(), None));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop()? {
                Open::List(at, items) => Node {
                    at,
                    kind: NodeKind::List(items),
                },
                Open::Map(at, entries, _) => Node {
                    at,
                    kind: NodeKind::Map(entries),
                },
            },
            Event::DocumentEnd => return None,
            _ => continue,
        };
        match stack.last_mut() {
            None => return Some(done),
            Some(Open::List(_, items)) => items.push(done),
            Some(Open::Map(_, entries, key)) => match key.take() {
                Some((name, key_at)) => entries.push((name, key_at, done)),
                // A list or a mapping as a key: named so, its value comes next.
                None => *key = Some(("(a list or a mapping)".into(), done.at)),
            },
        }
    }
    None
}
