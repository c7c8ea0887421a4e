//! The validation pass: every rule of the format checked over the whole dossier, all problems
//! reported (not only the first), each with the path of the value at fault.

use std::collections::HashMap;

use super::diagnostic::Severity;
use super::types::{Dossier, EntityKind};
use crate::text::unsafe_chars;

/// A problem found on the typed dossier, located by path (`events[2].place`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) severity: Severity,
    pub(crate) path: String,
    pub(crate) message: String,
    /// The path of a second value the problem is about (the first of two equal dates),
    /// placed in the message too.
    pub(crate) also: Option<String>,
}

/// What an id names: a source or one of the four entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum IdKind {
    Source,
    Entity(EntityKind),
}

impl IdKind {
    pub(crate) fn noun(self) -> &'static str {
        match self {
            IdKind::Source => "source",
            IdKind::Entity(kind) => kind.noun(),
        }
    }
}

struct Validator<'d> {
    ids: HashMap<&'d str, (IdKind, String)>,
    findings: Vec<Finding>,
}

/// Checks `dossier` against every rule of the format.
pub(super) fn validate(dossier: &Dossier) -> Vec<Finding> {
    let mut v = Validator {
        ids: HashMap::new(),
        findings: Vec::new(),
    };
    v.top_level(dossier);
    v.collect_ids(dossier);
    v.references(dossier);
    v.vocabularies(dossier);
    v.attribution(dossier);
    v.dates(dossier);
    v.positions_over_time(dossier);
    v.planned_after_held(dossier);
    v.cycles(dossier);
    v.provenance(dossier);
    super::walk::each_text(dossier, &mut |path, text| {
        let mut found: Vec<char> = Vec::new();
        for c in unsafe_chars(text) {
            if !found.contains(&c) {
                found.push(c);
            }
        }
        if found.is_empty() {
            return;
        }
        let codes: Vec<String> = found
            .iter()
            .map(|&c| format!("U+{:04X}", c as u32))
            .collect();
        let shown: Vec<String> = found
            .iter()
            .map(|&c| {
                let mut shown = String::new();
                crate::text::escape_char(c, &mut shown);
                shown
            })
            .collect();
        v.findings.push(Finding {
            severity: Severity::Warning,
            path: path(),
            message: format!(
                "control, bidi or invisible character {} in the text; kept as data and shown as {}",
                codes.join(", "),
                shown.join(", ")
            ),
            also: None,
        });
    });
    for finding in &mut v.findings {
        finding.message = crate::text::cut_quoted(&finding.message);
    }
    v.findings
}

impl<'d> Validator<'d> {
    fn error(&mut self, path: String, message: String) {
        self.findings.push(Finding {
            severity: Severity::Error,
            path,
            message,
            also: None,
        });
    }

    fn top_level(&mut self, dossier: &Dossier) {
        if dossier.version != 1 {
            self.error(
                "version".into(),
                format!(
                    "unsupported dossier version {}; this talks reads version 1",
                    dossier.version
                ),
            );
        }
        if dossier.title.trim().is_empty() {
            self.error("title".into(), "the title is empty".into());
        }
        if dossier.sources.is_empty() {
            self.error(
                "sources".into(),
                "a dossier needs at least one source".into(),
            );
        }
        for (i, source) in dossier.sources.iter().enumerate() {
            let Some(author) = &source.author else {
                continue;
            };
            let path = format!("sources[{i}].author");
            if author.trim().is_empty() {
                let said = "the author is empty: name who wrote the source, or leave `author` out";
                self.error(path, said.into());
            } else if author.trim().lines().nth(1).is_some() {
                let said = "the author is more than one line: write it on one line (several \
                            authors as \"A, B and C\")";
                self.error(path, said.into());
            }
        }
    }

    fn collect_ids(&mut self, dossier: &'d Dossier) {
        let mut all: Vec<(&'d str, IdKind, String)> = Vec::new();
        for (i, s) in dossier.sources.iter().enumerate() {
            all.push((&s.id, IdKind::Source, format!("sources[{i}]")));
        }
        for (i, a) in dossier.actors.iter().enumerate() {
            all.push((
                &a.id,
                IdKind::Entity(EntityKind::Actor),
                format!("actors[{i}]"),
            ));
        }
        for (i, e) in dossier.events.iter().enumerate() {
            all.push((
                &e.id,
                IdKind::Entity(EntityKind::Event),
                format!("events[{i}]"),
            ));
        }
        for (i, p) in dossier.sticking_points.iter().enumerate() {
            let kind = IdKind::Entity(EntityKind::StickingPoint);
            all.push((&p.id, kind, format!("sticking_points[{i}]")));
        }
        for (i, p) in dossier.places.iter().enumerate() {
            all.push((
                &p.id,
                IdKind::Entity(EntityKind::Place),
                format!("places[{i}]"),
            ));
        }
        for (id, kind, path) in all {
            let id_path = format!("{path}.id");
            if !is_valid_id(id) {
                self.error(
                    id_path.clone(),
                    format!("invalid id \"{id}\": use lowercase letters, digits and '-' only"),
                );
            }
            if let Some((first_kind, first_path)) = self.ids.get(id) {
                let message = format!(
                    "duplicate id \"{id}\": already used by the {}",
                    first_kind.noun()
                );
                self.findings.push(Finding {
                    severity: Severity::Error,
                    path: id_path,
                    message,
                    also: Some(format!("{first_path}.id")),
                });
            } else {
                self.ids.insert(id, (kind, path));
            }
        }
    }

    /// Checks that `id` (found at `path`) names an existing entity of kind `want`.
    fn reference(&mut self, path: impl FnOnce() -> String, id: &str, want: IdKind) {
        let path = match self.ids.get(id) {
            Some((kind, _)) if *kind == want => return,
            _ => path(),
        };
        match self.ids.get(id) {
            Some((kind, _)) if *kind == want => {}
            Some((kind, _)) => {
                let message = format!(
                    "\"{id}\" is {}, but this field needs {}{}",
                    with_article(kind.noun()),
                    with_article(want.noun()),
                    self.suggestion(id, want)
                );
                self.error(path, message);
            }
            None => {
                let message = format!(
                    "unknown {} \"{id}\"{}",
                    want.noun(),
                    self.suggestion(id, want)
                );
                self.error(path, message);
            }
        }
    }

    fn suggestion(&self, id: &str, want: IdKind) -> String {
        let candidates: Vec<&str> = self
            .ids
            .iter()
            .filter(|(_, (kind, _))| *kind == want)
            .map(|(candidate, _)| *candidate)
            .collect();
        match closest(id, &candidates) {
            Some(best) => format!("; did you mean \"{best}\"?"),
            None => String::new(),
        }
    }
}

fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

/// Lowercase letters, digits and '-', not empty.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The candidate closest to `wanted`: the best fuzzy-matcher score first (abbreviations,
/// missing letters), then the smallest edit distance (swapped or wrong letters).
pub fn closest<'c>(wanted: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let matcher = crate::matcher::Matcher::ignoring_case();
    let fuzzy = candidates
        .iter()
        .filter_map(|c| matcher.score(c, wanted).map(|score| (score, *c)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)));
    if let Some((_, best)) = fuzzy {
        return Some(best);
    }
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(wanted, c), *c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c)
}

mod attribution;
mod over_time;
mod rules;
mod timeline;

pub use rules::check_date;

#[cfg(test)]
mod tests;
