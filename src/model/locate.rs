//! Finds where each value of a YAML document starts, by path (`events[2].participants[0]`).
//!
//! serde_yaml gives positions only for its own errors; validation problems are found on the
//! typed dossier and placed here afterwards. This costs a second parse, so it runs only when
//! there is something to report.

use std::collections::{HashMap, HashSet};

use saphyr_parser::{Event, Parser};

use super::diagnostic::{Diagnostic, Location};
use super::validate::Finding;

/// Path → position of the value at that path.
#[derive(Debug, Default)]
pub(crate) struct Locator {
    positions: HashMap<String, Location>,
}

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, next: usize },
}

impl Locator {
    /// Reads `text`; a document the event parser cannot read yields an empty locator, and
    /// diagnostics then fall back to their path alone.
    #[cfg(test)]
    pub(super) fn new(text: &str) -> Self {
        Self::find(text, None)
    }

    /// Like [`Locator::new`], remembering only the paths in `wanted`.
    pub(super) fn only(text: &str, wanted: &HashSet<&str>) -> Self {
        Self::find(text, Some(wanted))
    }

    fn find(text: &str, wanted: Option<&HashSet<&str>>) -> Self {
        let mut positions = HashMap::new();
        let mut found = 0;
        let mut record = |path: String, at: Location| {
            if wanted.is_none_or(|w| w.contains(path.as_str()))
                && positions.insert(path, at).is_none()
            {
                found += 1;
            }
            found
        };
        let mut recorded = 0;
        let mut stack: Vec<Frame> = Vec::new();
        for item in Parser::new_from_str(text) {
            // Every wanted path found: the rest of the document need not be read.
            if wanted.is_some_and(|w| recorded == w.len()) {
                break;
            }
            let Ok((event, span)) = item else { break };
            let start = Location {
                line: span.start.line(),
                column: span.start.col() + 1,
            };
            match event {
                Event::Scalar(value, ..) => {
                    if let Some(Frame::Mapping {
                        key: key @ None, ..
                    }) = stack.last_mut()
                    {
                        *key = Some(value.into_owned());
                        continue;
                    }
                    if let Some(path) = child_path(&mut stack) {
                        recorded = record(path, start);
                    }
                }
                Event::Alias(_) => {
                    if let Some(path) = child_path(&mut stack) {
                        recorded = record(path, start);
                    }
                }
                Event::MappingStart(..) | Event::SequenceStart(..) => {
                    let path = child_path(&mut stack).unwrap_or_default();
                    recorded = record(path.clone(), start);
                    stack.push(if matches!(event, Event::MappingStart(..)) {
                        Frame::Mapping { path, key: None }
                    } else {
                        Frame::Sequence { path, next: 0 }
                    });
                }
                Event::MappingEnd | Event::SequenceEnd => {
                    stack.pop();
                }
                _ => {}
            }
        }
        Locator { positions }
    }

    /// Where the value at `path` starts.
    pub(super) fn value(&self, path: &str) -> Option<Location> {
        self.positions.get(path).copied()
    }
}

/// Where the value at `path` (`actors[3]`, `sticking_points[0].positions[2]`) starts in
/// `text`, reading no further than needed.
pub fn value_at(text: &str, path: &str) -> Option<Location> {
    Locator::only(text, &HashSet::from([path])).value(path)
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The path of the next value in the innermost container, advancing that container.
fn child_path(stack: &mut [Frame]) -> Option<String> {
    match stack.last_mut()? {
        Frame::Mapping { path, key } => key.take().map(|key| join(path, &key)),
        Frame::Sequence { path, next } => {
            let child = format!("{path}[{next}]");
            *next += 1;
            Some(child)
        }
    }
}

/// The validation findings as diagnostics at their line and column, in file order.
pub(super) fn located(name: &str, text: &str, findings: &[Finding]) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let also = findings.iter().filter_map(|f| f.also.as_deref());
    let wanted = findings
        .iter()
        .map(|f| f.path.as_str())
        .chain(also)
        .collect();
    let locator = Locator::only(text, &wanted);
    // Many findings in a large file: index its lines once.
    let lines: Vec<&str> = text.lines().collect();
    let mut diagnostics: Vec<Diagnostic> = findings
        .iter()
        .map(|finding| {
            let mut message = finding.message.clone();
            if let Some(also) = &finding.also {
                match locator.value(also) {
                    Some(at) => message.push_str(&format!(
                        "; the other is at line {}, column {}",
                        at.line, at.column
                    )),
                    None => message.push_str(&format!("; the other is at {also}")),
                }
            }
            let message = format!("{message} (at {})", finding.path);
            let diagnostic = Diagnostic::new(finding.severity, name, message);
            match locator.value(&finding.path) {
                Some(location) => {
                    let line = lines.get(location.line.saturating_sub(1)).copied();
                    diagnostic.at_line(location, line)
                }
                None => diagnostic,
            }
        })
        .collect();
    diagnostics.sort_by_key(|d| (d.location.is_none(), d.location));
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_keys() {
        let text = "version: 1\nevents:\n  - id: a\n    participants: [x, y]\n";
        let locator = Locator::new(text);
        assert_eq!(
            locator.value("version"),
            Some(Location {
                line: 1,
                column: 10
            })
        );
        assert_eq!(
            locator.value("events[0].id"),
            Some(Location { line: 3, column: 9 })
        );
        assert_eq!(
            locator.value("events[0].participants[1]"),
            Some(Location {
                line: 4,
                column: 23
            })
        );
    }
}
