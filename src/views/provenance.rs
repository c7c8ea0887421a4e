//! Where each claim comes from: for a source, everything that cites it.

use crate::model::{Citation, Dossier, EntityKind, EntityRef, Index};
use crate::search::{Query, Results};
use crate::text::capitalised;

/// What kind of thing a source backs, as the sources page counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Event,
    Position,
    Quote,
    /// An actor, a place or a sticking point.
    Other,
}

impl Part {
    /// The order the sources page shows a source's first lines in.
    const SHOWN: [Part; 4] = [Part::Event, Part::Position, Part::Quote, Part::Other];
}

/// How many things of each part a source backs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Backed {
    pub events: usize,
    pub positions: usize,
    pub quotes: usize,
    pub others: usize,
}

impl Backed {
    pub fn of(citing: &[Citing]) -> Self {
        let mut backed = Backed::default();
        for c in citing {
            *backed.count_mut(c.part) += 1;
        }
        backed
    }

    fn count_mut(&mut self, part: Part) -> &mut usize {
        match part {
            Part::Event => &mut self.events,
            Part::Position => &mut self.positions,
            Part::Quote => &mut self.quotes,
            Part::Other => &mut self.others,
        }
    }

    pub fn total(&self) -> usize {
        self.events + self.positions + self.quotes + self.others
    }

    /// Each part with its count and its noun (one, many), the parts backed only.
    pub fn parts(&self) -> Vec<(usize, &'static str, &'static str)> {
        [
            (self.events, "event", "events"),
            (self.positions, "position", "positions"),
            (self.quotes, "quote", "quotes"),
            (self.others, "other entity", "other entities"),
        ]
        .into_iter()
        .filter(|&(n, ..)| n > 0)
        .collect()
    }
}

/// One thing that cites a source, described for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    /// The entity to open (for a position, its sticking point; for a quote, its event).
    pub(crate) entity: EntityRef,
    pub(crate) part: Part,
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
                part: match entity.kind {
                    EntityKind::Event => Part::Event,
                    _ => Part::Other,
                },
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
                    part: Part::Position,
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
                    part: Part::Quote,
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
    /// What it backs in the whole dossier, by part.
    pub(crate) backs: Backed,
}

impl SourceRow {
    /// What it backs among the results, by part.
    pub fn backs_shown(&self) -> Backed {
        Backed::of(&self.citing)
    }

    /// The first `n` things it backs among the results, a part of each in turn (an event,
    /// a position, a quote, another entity, then a second of each), in dossier order
    /// within a part.
    pub fn first_backed(&self, n: usize) -> Vec<&Citing> {
        let mut parts: Vec<_> = Part::SHOWN
            .iter()
            .map(|&part| self.citing.iter().filter(move |c| c.part == part))
            .collect();
        let mut first = Vec::with_capacity(n);
        while first.len() < n {
            let before = first.len();
            for part in &mut parts {
                if first.len() < n
                    && let Some(c) = part.next()
                {
                    first.push(c);
                }
            }
            if first.len() == before {
                break;
            }
        }
        first
    }
}

/// The sources page as the query filters it: the sources whose title, publisher or note
/// hold the query's words, and those that something among the results cites (with no
/// query, every source), each with what cites it among the results.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceList {
    pub(crate) rows: Vec<SourceRow>,
    /// Whether the query left out anything (then the counts say "of").
    pub(crate) filtered: bool,
}

impl SourceList {
    /// The sources page for `results`, the answer to `query`.
    pub fn build(dossier: &Dossier, index: &Index, results: &Results, query: &Query) -> Self {
        let everything = query.is_empty();
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
            let (cited, backs) = (all.len(), Backed::of(&all));
            // The source itself among the results: the query's words in its title,
            // publisher, author or note, by the search's own rules (typos forgiven). Then
            // all it backs is shown, not only what the query finds.
            let named = !everything && kept(EntityRef::new(EntityKind::Source, source));
            let citing: Vec<Citing> = if named {
                all
            } else {
                all.into_iter().filter(|c| kept(c.entity)).collect()
            };
            list.filtered |= citing.len() < cited;
            if !citing.is_empty() || named || (everything && cited == 0) {
                list.rows.push(SourceRow {
                    source,
                    citing,
                    cited,
                    backs,
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
            &Query::default(),
        );
        assert_eq!(all.rows.len(), l.dossier.sources.len());
        assert!(!all.filtered);
        let query = Query::parse("pokrovsk").unwrap_or_default();
        let results = engine.search(&query);
        let some = SourceList::build(&l.dossier, &l.index, &results, &query);
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

    /// A query that finds the source itself (a word of its note, with a typo of another)
    /// keeps it with all it backs: nothing of it was left out by the query.
    #[test]
    fn a_source_the_query_finds_keeps_all_it_backs() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let engine = SearchEngine::new(&l.dossier, &l.index);
        let query = Query::parse("publisher autor").unwrap_or_default();
        let list = SourceList::build(&l.dossier, &l.index, &engine.search(&query), &query);
        assert_eq!(list.rows.len(), 1);
        assert_eq!(list.rows[0].citing.len(), list.rows[0].cited);
        assert_eq!(list.rows[0].backs, list.rows[0].backs_shown());
    }

    #[test]
    fn a_source_s_first_lines_take_a_part_of_each_in_turn() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let engine = SearchEngine::new(&l.dossier, &l.index);
        let query = Query::default();
        let list = SourceList::build(&l.dossier, &l.index, &engine.search(&query), &query);
        let row = &list.rows[0];
        let parts: Vec<Part> = row.first_backed(6).iter().map(|c| c.part).collect();
        use Part::*;
        assert_eq!(parts, [Event, Position, Quote, Other, Event, Position]);
        assert_eq!(row.backs, row.backs_shown());
        assert_eq!(row.backs.total(), row.cited);
        assert_eq!(row.first_backed(500).len(), row.cited);
    }
}
