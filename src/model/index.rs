//! The cross-reference index: ids to entities, and every link in both directions.

use std::collections::HashMap;

use super::over_time::{PositionsOverTime, positions_over_time};
use super::types::{Dossier, EntityKind, EntityRef};

/// Where a source is cited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Citation {
    /// In an entity's own `sources`.
    Entity(EntityRef),
    /// By position `position` of a sticking point.
    Position {
        sticking_point: usize,
        position: usize,
    },
    /// By quote `quote` of an event.
    Quote { event: usize, quote: usize },
}

/// Lookups and backlinks, built once at load.
#[derive(Debug, Default, Clone)]
pub struct Index {
    by_id: HashMap<String, EntityRef>,
    source_by_id: HashMap<String, usize>,
    /// Actor → events it took part in or is quoted in, in dossier order.
    pub actor_events: Vec<Vec<usize>>,
    /// Actor → (sticking point, position) it holds now: its current position on each
    /// point, in dossier order.
    pub(crate) actor_positions: Vec<Vec<(usize, usize)>>,
    /// Sticking point → each party's positions on it over time.
    pub(crate) over_time: Vec<Vec<PositionsOverTime>>,
    /// Actor → actors that represent it.
    pub represented_by: Vec<Vec<usize>>,
    /// Place → events held there.
    pub place_events: Vec<Vec<usize>>,
    /// Place → events about it (their `concerns`), held there or elsewhere.
    pub(crate) place_concerns: Vec<Vec<usize>>,
    /// Place → places that are part of it.
    pub(crate) place_parts: Vec<Vec<usize>>,
    /// Place → sticking points about it.
    pub(crate) place_sticking_points: Vec<Vec<usize>>,
    /// Sticking point → events that concern it.
    pub(crate) sticking_point_events: Vec<Vec<usize>>,
    /// Source → everything that cites it.
    pub source_citations: Vec<Vec<Citation>>,
}

/// Adds `value` once: every push of one value happens while its entity is read, one after
/// the other, so a repeat can only be the last entry.
fn push_unique(list: &mut Vec<usize>, value: usize) {
    if list.last() != Some(&value) {
        list.push(value);
    }
}

impl Index {
    /// How many places cite source `n` (0 for a source that does not exist).
    pub fn citation_count(&self, n: usize) -> usize {
        self.source_citations.get(n).map_or(0, Vec::len)
    }

    pub fn build(dossier: &Dossier) -> Self {
        let mut index = Index {
            actor_events: vec![Vec::new(); dossier.actors.len()],
            actor_positions: vec![Vec::new(); dossier.actors.len()],
            represented_by: vec![Vec::new(); dossier.actors.len()],
            place_events: vec![Vec::new(); dossier.places.len()],
            place_concerns: vec![Vec::new(); dossier.places.len()],
            place_parts: vec![Vec::new(); dossier.places.len()],
            place_sticking_points: vec![Vec::new(); dossier.places.len()],
            sticking_point_events: vec![Vec::new(); dossier.sticking_points.len()],
            source_citations: vec![Vec::new(); dossier.sources.len()],
            by_id: HashMap::with_capacity(
                EntityKind::LISTED.iter().map(|&k| dossier.count(k)).sum(),
            ),
            ..Index::default()
        };
        for kind in EntityKind::LISTED {
            for i in 0..dossier.count(kind) {
                let entity = EntityRef { kind, index: i };
                index
                    .by_id
                    .insert(dossier.id_of(entity).to_string(), entity);
            }
        }
        // Ids are unique across sources and entities in a valid dossier; where they are
        // not, the entity keeps the id, as before sources were a kind.
        for (i, source) in dossier.sources.iter().enumerate() {
            let entity = EntityRef::new(EntityKind::Source, i);
            index.by_id.entry(source.id.clone()).or_insert(entity);
        }
        for (i, source) in dossier.sources.iter().enumerate() {
            index.source_by_id.insert(source.id.clone(), i);
        }
        index.link_actors_and_places(dossier);
        index.link_events(dossier);
        index.link_sticking_points(dossier);
        index
    }

    fn link_actors_and_places(&mut self, dossier: &Dossier) {
        for (i, actor) in dossier.actors.iter().enumerate() {
            if let Some(target) = actor.represents.as_deref().and_then(|id| self.actor(id)) {
                self.represented_by[target].push(i);
            }
            self.cite(&actor.sources, Citation::Entity(actor_ref(i)));
        }
        for (i, place) in dossier.places.iter().enumerate() {
            if let Some(parent) = place.part_of.as_deref().and_then(|id| self.place(id)) {
                self.place_parts[parent].push(i);
            }
            let entity = EntityRef {
                kind: EntityKind::Place,
                index: i,
            };
            self.cite(&place.sources, Citation::Entity(entity));
        }
    }

    fn link_events(&mut self, dossier: &Dossier) {
        for (i, event) in dossier.events.iter().enumerate() {
            let actors: Vec<usize> = event
                .participants
                .iter()
                .filter_map(|id| self.actor(id))
                .collect();
            for actor in actors {
                push_unique(&mut self.actor_events[actor], i);
            }
            for (q, quote) in event.quotes.iter().enumerate() {
                let speakers: Vec<usize> =
                    quote.by.iter().filter_map(|id| self.actor(id)).collect();
                for actor in speakers {
                    push_unique(&mut self.actor_events[actor], i);
                }
                if let Some(source) = quote.source.as_deref().and_then(|id| self.source(id)) {
                    self.source_citations[source].push(Citation::Quote { event: i, quote: q });
                }
            }
            if let Some(place) = event.place.as_deref().and_then(|id| self.place(id)) {
                self.place_events[place].push(i);
            }
            let concerns: Vec<usize> = event
                .concerns
                .iter()
                .filter_map(|id| self.place(id))
                .collect();
            for place in concerns {
                push_unique(&mut self.place_concerns[place], i);
            }
            let points: Vec<usize> = event
                .sticking_points
                .iter()
                .filter_map(|id| self.sticking_point(id))
                .collect();
            for point in points {
                push_unique(&mut self.sticking_point_events[point], i);
            }
            let entity = EntityRef {
                kind: EntityKind::Event,
                index: i,
            };
            self.cite(&event.sources, Citation::Entity(entity));
        }
    }

    fn link_sticking_points(&mut self, dossier: &Dossier) {
        for (i, point) in dossier.sticking_points.iter().enumerate() {
            let places: Vec<usize> = point
                .places
                .iter()
                .filter_map(|id| self.place(id))
                .collect();
            for place in places {
                push_unique(&mut self.place_sticking_points[place], i);
            }
            let over_time = positions_over_time(point, |id| self.actor(id));
            for held in &over_time {
                self.actor_positions[held.actor].push((i, held.current()));
            }
            self.over_time.push(over_time);
            for (p, position) in point.positions.iter().enumerate() {
                if let Some(source) = position.source.as_deref().and_then(|id| self.source(id)) {
                    let citation = Citation::Position {
                        sticking_point: i,
                        position: p,
                    };
                    self.source_citations[source].push(citation);
                }
            }
            let entity = EntityRef {
                kind: EntityKind::StickingPoint,
                index: i,
            };
            self.cite(&point.sources, Citation::Entity(entity));
        }
    }

    fn cite(&mut self, sources: &[String], citation: Citation) {
        for source in sources {
            if let Some(s) = self.source(source) {
                self.source_citations[s].push(citation);
            }
        }
    }

    /// `actor`'s positions on sticking point `point`, oldest first (empty when none).
    pub fn held_over_time(&self, point: usize, actor: usize) -> &[usize] {
        self.over_time
            .get(point)
            .and_then(|all| all.iter().find(|h| h.actor == actor))
            .map_or(&[], |h| h.positions.as_slice())
    }

    /// Whether position `position` of sticking point `point` is its party's current one.
    pub fn is_current(&self, point: usize, position: usize) -> bool {
        self.over_time
            .get(point)
            .is_some_and(|all| all.iter().any(|h| h.current() == position))
    }

    /// The entity with this id.
    pub fn get(&self, id: &str) -> Option<EntityRef> {
        self.by_id.get(id).copied()
    }

    fn of_kind(&self, id: &str, kind: EntityKind) -> Option<usize> {
        self.get(id).filter(|e| e.kind == kind).map(|e| e.index)
    }

    pub fn actor(&self, id: &str) -> Option<usize> {
        self.of_kind(id, EntityKind::Actor)
    }

    pub fn place(&self, id: &str) -> Option<usize> {
        self.of_kind(id, EntityKind::Place)
    }

    pub fn sticking_point(&self, id: &str) -> Option<usize> {
        self.of_kind(id, EntityKind::StickingPoint)
    }

    pub fn source(&self, id: &str) -> Option<usize> {
        self.source_by_id.get(id).copied()
    }
}

fn actor_ref(index: usize) -> EntityRef {
    EntityRef {
        kind: EntityKind::Actor,
        index,
    }
}
