//! The validation pass: every rule of the format checked over the whole dossier, all problems
//! reported (not only the first), each with the path of the value at fault.

use std::collections::HashMap;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::diagnostic::Severity;
use super::types::{Dossier, EntityKind};
use crate::text::unsafe_chars;

/// A problem found on the typed dossier, located by path (`events[2].place`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub path: String,
    pub message: String,
}

/// What an id names: a source or one of the four entity kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdKind {
    Source,
    Entity(EntityKind),
}

impl IdKind {
    pub fn noun(self) -> &'static str {
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
pub fn validate(dossier: &Dossier) -> Vec<Finding> {
    let mut v = Validator {
        ids: HashMap::new(),
        findings: Vec::new(),
    };
    v.top_level(dossier);
    v.collect_ids(dossier);
    v.references(dossier);
    v.vocabularies(dossier);
    v.dates(dossier);
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
                "control or bidi character {} in the text; kept as data and shown as {}",
                codes.join(", "),
                shown.join(", ")
            ),
        });
    });
    v.findings
}

impl<'d> Validator<'d> {
    fn error(&mut self, path: String, message: String) {
        self.findings.push(Finding {
            severity: Severity::Error,
            path,
            message,
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
                    "duplicate id \"{id}\": already used by the {} at {first_path}",
                    first_kind.noun()
                );
                self.error(id_path, message);
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
    let matcher = SkimMatcherV2::default().ignore_case();
    let fuzzy = candidates
        .iter()
        .filter_map(|c| matcher.fuzzy_match(c, wanted).map(|score| (score, *c)))
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

mod rules;

pub use rules::check_date;

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "version: 1\ntitle: T\nsources:\n  - {id: s, title: S, kind: k}\n";

    fn findings(body: &str) -> Vec<(String, String)> {
        let text = format!("{HEAD}{body}");
        let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        validate(&dossier)
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.path, f.message))
            .collect()
    }

    fn one(body: &str) -> (String, String) {
        let all = findings(body);
        assert_eq!(all.len(), 1, "{all:#?}");
        all.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn a_valid_dossier_has_no_findings() {
        let body = "actors:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: person, represents: a, sources: [s]}\n";
        assert!(findings(body).is_empty());
    }

    #[test]
    fn version_title_and_sources() {
        let dossier: Dossier = serde_yaml::from_str("version: 3\ntitle: ' '\nsources: []\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let messages: Vec<String> = validate(&dossier).into_iter().map(|f| f.message).collect();
        assert_eq!(
            messages,
            vec![
                "unsupported dossier version 3; this talks reads version 1",
                "the title is empty",
                "a dossier needs at least one source",
            ]
        );
    }

    #[test]
    fn id_syntax() {
        assert_eq!(
            one("places:\n  - {id: Kyiv City, name: K, kind: city}\n"),
            (
                "places[0].id".into(),
                "invalid id \"Kyiv City\": use lowercase letters, digits and '-' only".into()
            )
        );
        assert!(!is_valid_id(""));
        assert!(is_valid_id("donbas-2"));
    }

    #[test]
    fn ids_unique_across_kinds() {
        let body = "actors:\n  - {id: x, name: X, kind: state}\nplaces:\n  - {id: x, name: X, kind: city}\n";
        assert_eq!(
            one(body),
            (
                "places[0].id".into(),
                "duplicate id \"x\": already used by the actor at actors[0]".into()
            )
        );
    }

    #[test]
    fn references_exist_and_have_the_right_kind() {
        let body = "actors:\n  - {id: witkoff, name: W, kind: person}\nplaces:\n  - {id: florida, name: F, kind: state}\nevents:\n  - {id: e, title: E, kind: meeting, status: held, order: 1, participants: [witkof, florida], place: witkoff}\n";
        let all = findings(body);
        assert_eq!(
            all,
            vec![
                (
                    "events[0].place".into(),
                    "\"witkoff\" is an actor, but this field needs a place".into()
                ),
                (
                    "events[0].participants[0]".into(),
                    "unknown actor \"witkof\"; did you mean \"witkoff\"?".into()
                ),
                (
                    "events[0].participants[1]".into(),
                    "\"florida\" is a place, but this field needs an actor".into()
                ),
            ]
        );
    }

    #[test]
    fn vocabularies() {
        let (path, message) =
            one("sticking_points:\n  - {id: p, title: P, topic: two words, status: resolved}\n");
        assert_eq!(
            (path.as_str(), message.as_str()),
            (
                "sticking_points[0].topic",
                "the topic \"two words\" must be one word"
            )
        );
        let (_, message) =
            one("sticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: settled\n");
        assert!(
            message.starts_with("unknown sticking point status \"settled\""),
            "{message}"
        );
        let body = "actors:\n  - {id: a, name: A, kind: state}\nsticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: resolved\n    positions: [{actor: a, stance: oposes, summary: S}]\n";
        let (path, message) = one(body);
        assert_eq!(path, "sticking_points[0].positions[0].stance");
        assert!(
            message.starts_with("unknown stance \"oposes\"; did you mean \"opposes\"?"),
            "{message}"
        );
    }

    #[test]
    fn what_cites_nothing_is_a_warning() {
        let text = format!(
            "{HEAD}actors:\n  - {{id: a, name: A, kind: state}}\nevents:\n  - id: e\n    title: E\n    kind: statement\n    status: held\n    order: 1\n    sources: [s]\n    quotes: [{{by: a, text: hi}}]\n"
        );
        let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let warnings: Vec<(String, String)> = validate(&dossier)
            .into_iter()
            .map(|f| {
                assert_eq!(f.severity, Severity::Warning);
                (f.path, f.message)
            })
            .collect();
        assert_eq!(
            warnings,
            vec![
                (
                    "actors[0].id".to_string(),
                    "the actor \"a\" cites no source".to_string()
                ),
                (
                    "events[0].quotes[0].text".to_string(),
                    "the quote \"hi\" in \"e\" cites no source".to_string()
                ),
            ]
        );
    }

    #[test]
    fn control_characters_are_warnings() {
        let text = format!("{HEAD}summary: \"bell\\a\"\n");
        let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
        let found = validate(&dossier);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].path, "summary");
    }

    #[test]
    fn closest_prefers_fuzzy_then_edit_distance() {
        assert_eq!(closest("witkof", &["witkoff", "putin"]), Some("witkoff"));
        assert_eq!(closest("ptuin", &["witkoff", "putin"]), Some("putin"));
        assert_eq!(closest("zzzzzz", &["witkoff", "putin"]), None);
    }
}
