//! How much a document's aliases expand to, counted on its events before serde_yaml
//! expands them: a 1 MB string aliased 5,000 times is 5 GB to build (the process was killed).
//! The bound is the file's size × 10 + 1 MB, as the bytes the aliases add.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

use super::diagnostic::Location;

/// The bytes aliases may add to a document of `len` bytes.
pub(super) fn expansion_limit(len: usize) -> u64 {
    (len as u64).saturating_mul(10).saturating_add(1 << 20)
}

/// Where the aliases of `text` first add more than `limit` bytes (the alias's line and
/// 1-based column). `None` when they do not, or when the text cannot be parsed.
pub(crate) fn expands_past(text: &str, limit: u64) -> Option<Location> {
    let mut parser = Parser::new_from_str(text);
    // The size of each anchored node, and of each collection still open (with its anchor).
    let mut anchored: HashMap<usize, u64> = HashMap::new();
    let mut open: Vec<(usize, u64)> = vec![(0, 0)];
    let mut added = 0u64;
    while let Some(Ok((event, span))) = parser.next_event() {
        let size = match event {
            Event::Scalar(value, _, anchor, _) => {
                let size = value.len() as u64 + 1;
                if anchor != 0 {
                    anchored.insert(anchor, size);
                }
                size
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                open.push((anchor, 0));
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (anchor, size) = open.pop().unwrap_or_default();
                if anchor != 0 {
                    anchored.insert(anchor, size);
                }
                size
            }
            Event::Alias(anchor) => {
                let size = anchored.get(&anchor).copied().unwrap_or(0);
                added = added.saturating_add(size);
                if added > limit {
                    return Some(Location {
                        line: span.start.line(),
                        column: span.start.col() + 1,
                    });
                }
                size
            }
            Event::StreamEnd => return None,
            _ => continue,
        };
        if let Some(top) = open.last_mut() {
            top.1 = top.1.saturating_add(size);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_counted_by_what_they_stand_for() {
        let small = "a: &x [1, 2, 3]\nb: *x\nc: *x\n";
        assert_eq!(expands_past(small, 1_000), None);
        assert_eq!(
            expands_past(small, 10).map(|l| (l.line, l.column)),
            Some((3, 4))
        );
        let laughs = crate::generate::billion_laughs();
        let at = expands_past(&laughs, expansion_limit(laughs.len()));
        assert!(at.is_some(), "the billion laughs expand past the bound");
        let big = format!(
            "s: &s \"{}\"\nl: [{}]\n",
            "x".repeat(1 << 20),
            vec!["*s"; 20].join(", ")
        );
        assert_eq!(
            expands_past(&big, expansion_limit(big.len())).map(|l| l.line),
            Some(2)
        );
    }
}
