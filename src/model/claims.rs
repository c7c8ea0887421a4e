//! Claims (positions and quotes) and the sources they rest on: `source` and `sources`
//! together, each id once (docs/decisions.md "How many sources").

use super::types::{Position, Quote};

/// `source` then `sources`, each id once, in the order written: a claim's sources.
fn distinct_sources<'a>(source: Option<&'a String>, sources: &'a [String]) -> Vec<&'a str> {
    let mut all: Vec<&str> = Vec::with_capacity(sources.len() + 1);
    for id in source.into_iter().chain(sources) {
        if !all.contains(&id.as_str()) {
            all.push(id);
        }
    }
    all
}

impl Quote {
    /// The quote's sources: `source` and `sources`, each once.
    pub fn all_sources(&self) -> Vec<&str> {
        distinct_sources(self.source.as_ref(), &self.sources)
    }
}

impl Position {
    /// The position's sources: `source` and `sources`, each once.
    pub fn all_sources(&self) -> Vec<&str> {
        distinct_sources(self.source.as_ref(), &self.sources)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::load_str;

    const DOSSIER: &str = include_str!("../../tests/fixtures/claims.yaml");

    #[test]
    fn a_claims_sources_are_source_then_sources_each_once() {
        let loaded = load_str("claims.yaml", DOSSIER).unwrap_or_else(|e| panic!("{e}"));
        let d = &loaded.dossier;
        let positions: Vec<(&str, Vec<&str>)> = (d.sticking_points.iter())
            .flat_map(|p| &p.positions)
            .map(|p| (p.actor.as_str(), p.all_sources()))
            .collect();
        assert_eq!(
            positions,
            vec![
                ("north", vec!["wire", "radio"]),
                ("south", vec!["radio", "paper"]),
                ("north", vec!["paper", "radio"]),
                ("south", vec!["paper"]),
                ("south", vec![]),
            ]
        );
        let quotes: Vec<usize> = (d.events.iter())
            .flat_map(|e| &e.quotes)
            .map(|q| q.all_sources().len())
            .collect();
        assert_eq!(quotes, vec![1, 2, 0]);
    }

    #[test]
    fn a_source_named_twice_counts_once() {
        let mut position = crate::model::Position {
            actor: "a".into(),
            stance: crate::model::Stance::Opposes,
            summary: "S".into(),
            source: Some("x".into()),
            sources: vec!["y".into(), "x".into(), "y".into()],
            basis: crate::model::Basis::Stated,
            as_of: None,
        };
        assert_eq!(position.all_sources(), vec!["x", "y"]);
        position.source = None;
        assert_eq!(position.all_sources(), vec!["y", "x"]);
    }
}

#[cfg(test)]
mod index_tests {
    use crate::model::{Citation, builtin, load_str};

    #[test]
    fn the_index_counts_and_cites_every_source_of_a_claim() {
        let text = include_str!("../../tests/fixtures/claims.yaml");
        let loaded = load_str("claims.yaml", text).unwrap_or_else(|e| panic!("{e}"));
        let index = &loaded.index;
        let counts: Vec<Vec<usize>> = (0..loaded.dossier.sticking_points.len())
            .map(|p| {
                let positions = loaded.dossier.sticking_points[p].positions.len();
                (0..positions)
                    .map(|n| index.position_source_count(p, n))
                    .collect()
            })
            .collect();
        assert_eq!(counts, vec![vec![2, 2], vec![2, 1], vec![0]]);
        let paper = index.source("paper").unwrap_or_default();
        let claims: Vec<Citation> = (index.source_citations[paper].iter())
            .filter(|c| !matches!(c, Citation::Entity(_)))
            .copied()
            .collect();
        assert_eq!(
            claims,
            vec![
                Citation::Quote { event: 0, quote: 1 },
                Citation::Position {
                    sticking_point: 0,
                    position: 1
                },
                Citation::Position {
                    sticking_point: 1,
                    position: 0
                },
                Citation::Position {
                    sticking_point: 1,
                    position: 1
                },
            ]
        );
        assert_eq!(index.claims_source(), None);
        assert!(index.marks_one_source(), "some claims have two sources");
        let built_in = builtin().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built_in.index.claims_source(), Some(0), "one report");
        assert!(!built_in.index.marks_one_source());
    }
}
