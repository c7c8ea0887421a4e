//! Where each claim comes from: for a source, everything that cites it.

use crate::model::{Citation, Dossier, EntityKind, EntityRef, Index};
use crate::search::Results;
use crate::text::capitalised;

/// One thing that cites a source, described for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    /// The entity to open (for a position, its sticking point; for a quote, its event).
    pub(crate) entity: EntityRef,
    /// "Event: Witkoff–Putin talks in Moscow", "Position of Russia on Territory in Donbas".
    pub(crate) label: String,
}

/// Everything that cites source `source`, in dossier order.
pub fn citations(dossier: &Dossier, index: &Index, source: usize) -> Vec<Citing> {
    index.source_citations[source]
        .iter()
        .map(|citation| match *citation {
            Citation::Entity(entity) => Citing {
                entity,
                label: format!(
                    "{}: {}",
                    capitalised(entity.kind.noun()),
                    dossier.name_of(entity)
                ),
            },
            Citation::Position {
                sticking_point,
                position,
            } => {
                let point = &dossier.sticking_points[sticking_point];
                let actor = &point.positions[position].actor;
                let name = index
                    .actor(actor)
                    .map_or(actor.as_str(), |a| dossier.actors[a].name.as_str());
                Citing {
                    entity: EntityRef {
                        kind: EntityKind::StickingPoint,
                        index: sticking_point,
                    },
                    label: format!("Position of {name} on {}", point.title),
                }
            }
            Citation::Quote { event, quote } => {
                let event_ref = EntityRef {
                    kind: EntityKind::Event,
                    index: event,
                };
                let quote = &dossier.events[event].quotes[quote];
                Citing {
                    entity: event_ref,
                    label: format!("Quote “{}” in {}", quote.text, dossier.events[event].title),
                }
            }
        })
        .collect()
}

/// A source as the sources page lists it, with what cites it among the results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRow {
    /// An index into the dossier's sources.
    pub(crate) source: usize,
    pub(crate) citing: Vec<Citing>,
    /// How many things cite it in the whole dossier.
    pub(crate) cited: usize,
}

/// The sources page as the query filters it: the sources that something among the results
/// cites (with no query, every source), each with what cites it among the results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceList {
    pub(crate) rows: Vec<SourceRow>,
    /// Whether the query left out anything (then the counts say "of").
    pub(crate) filtered: bool,
}

impl SourceList {
    /// `everything`: the query is empty, so that sources nothing cites are listed too.
    pub fn build(dossier: &Dossier, index: &Index, results: &Results, everything: bool) -> Self {
        let matching: [Vec<usize>; EntityKind::COUNT] =
            EntityKind::ALL.map(|kind| results.matching(kind));
        let kept = |entity: EntityRef| {
            matching[entity.kind.slot()]
                .binary_search(&entity.index)
                .is_ok()
        };
        let mut list = SourceList::default();
        for source in 0..dossier.sources.len() {
            let all = citations(dossier, index, source);
            let cited = all.len();
            let citing: Vec<Citing> = all.into_iter().filter(|c| kept(c.entity)).collect();
            list.filtered |= citing.len() < cited;
            if !citing.is_empty() || (everything && cited == 0) {
                list.rows.push(SourceRow {
                    source,
                    citing,
                    cited,
                });
            } else {
                list.filtered = true;
            }
        }
        list
    }

    /// The row listing source `source`, if the list has it.
    pub fn row_of(&self, source: usize) -> Option<usize> {
        self.rows.iter().position(|r| r.source == source)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::builtin;
    use crate::search::{Query, SearchEngine};

    #[test]
    fn the_query_keeps_the_sources_its_results_cite() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let engine = SearchEngine::new(&l.dossier, &l.index);
        let all = SourceList::build(
            &l.dossier,
            &l.index,
            &engine.search(&Query::default()),
            true,
        );
        assert_eq!(all.rows.len(), l.dossier.sources.len());
        assert!(!all.filtered);
        let results = engine.search(&Query::parse("pokrovsk").unwrap_or_default());
        let some = SourceList::build(&l.dossier, &l.index, &results, false);
        assert!(some.filtered);
        assert!(!some.rows.is_empty() && some.rows.len() <= all.rows.len());
        for row in &some.rows {
            assert!(!row.citing.is_empty() && row.citing.len() <= row.cited);
            for citing in &row.citing {
                let kind = citing.entity.kind;
                assert!(
                    results.matching(kind).contains(&citing.entity.index),
                    "{citing:?}"
                );
            }
        }
    }
}
