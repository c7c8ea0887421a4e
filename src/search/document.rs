//! The searchable form of each entity, computed once at load: its words as numbers of the
//! vocabulary, field by field in rank order, and the facts the filters ask about.

use std::collections::HashMap;

use super::dates::Span;
use super::fields::{Field, fields_of};
use super::normalise::for_each_word;
use super::varint;
use super::vocab::VocabularyBuilder;
use crate::model::{Dossier, EntityKind, EntityRef, Index, Position, Quote};
use crate::notes::Notes;

/// Tokens from here up are field markers: `MARK + field number` starts a field.
pub(crate) const MARK: u32 = u32::MAX - 15;

/// Stored numbers below this are field markers.
pub(super) const FIELDS: u32 = 16;

/// The field a token starts, if it is a marker.
pub(crate) fn marker(token: u32) -> Option<Field> {
    (token >= MARK).then(|| Field::from_number(token - MARK))
}

/// What the filters ask of one entity.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facets {
    pub(crate) status: Option<u32>,
    pub(crate) topics: Box<[u32]>,
    /// Each stance twice: alone, and with its basis ([`stance_with_basis`]).
    pub(crate) stances: Box<[u32]>,
    /// The bases of the entity's positions and quotes (`stated`, `inferred`).
    pub(crate) bases: Box<[u32]>,
    /// How many distinct sources back the entity's own entry, then each of its claims
    /// (`sources:`): the claims `stance:` and `basis:` look at.
    pub(crate) source_counts: Box<[u32]>,
    /// Actors the entity is linked to (itself included for an actor).
    pub(crate) actors: Box<[u32]>,
    /// Places the entity is at or about (itself included for a place).
    pub(crate) places: Box<[u32]>,
    pub(crate) date: Option<Span>,
    /// Starred in the analyst's notes (`is:starred`).
    pub(crate) starred: bool,
    /// The folded words of the analyst's note (`is:noted`, `note:`); empty without one.
    pub(crate) note_words: Box<[Box<str>]>,
    /// The entity's index in its kind's list (for filters on sets of entities).
    pub(crate) index: u32,
}

/// Every entity's words and facets, in kind order then dossier order.
pub(crate) struct Documents {
    /// Every document's tokens, one after the other, as [`varint`] numbers: a field
    /// marker as its field's number, a word as its number plus [`FIELDS`].
    pub(super) tokens: Vec<u8>,
    /// Where each document's tokens start; one more entry for the end of the last.
    pub(super) starts: Vec<u64>,
    /// How many tokens there are.
    pub(super) count: usize,
    pub(crate) facets: Vec<Facets>,
    /// Statuses, topics and stances, lowercased, numbered.
    pub(crate) labels: Vec<Box<str>>,
}

impl Documents {
    pub(super) fn len(&self) -> usize {
        self.facets.len()
    }

    /// How many tokens all documents have (words and field markers).
    pub(super) fn token_count(&self) -> usize {
        self.count
    }

    /// The tokens of document `doc`: markers, each followed by its field's words.
    pub(super) fn tokens(&self, doc: usize) -> impl Iterator<Item = u32> + '_ {
        let bytes = &self.tokens[self.starts[doc] as usize..self.starts[doc + 1] as usize];
        varint::Numbers::new(bytes).map(|n| if n < FIELDS { MARK + n } else { n - FIELDS })
    }

    /// The tokens of document `doc`, into `out` (emptied first).
    pub(super) fn read_tokens(&self, doc: usize, out: &mut Vec<u32>) {
        out.clear();
        out.extend(self.tokens(doc));
    }

    fn push(&mut self, token: u32) {
        let number = if token >= MARK {
            token - MARK
        } else {
            token + FIELDS
        };
        varint::push(&mut self.tokens, number);
        self.count += 1;
    }

    /// The number of a status, topic or stance, if any document has it.
    pub(super) fn label(&self, text: &str) -> Option<u32> {
        self.labels
            .iter()
            .position(|l| &**l == text)
            .map(|n| n as u32)
    }
}

#[derive(Default)]
struct Labels {
    numbers: HashMap<String, u32>,
    texts: Vec<Box<str>>,
}

impl Labels {
    fn number(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.numbers.get(text) {
            return n;
        }
        let text = text.to_lowercase();
        if let Some(&n) = self.numbers.get(&text) {
            return n;
        }
        let n = self.texts.len() as u32;
        self.texts.push(text.clone().into_boxed_str());
        self.numbers.insert(text, n);
        n
    }
}

/// Builds the documents of every entity, numbering their words in `vocabulary`.
pub(crate) fn documents(
    dossier: &Dossier,
    index: &Index,
    notes: Option<&Notes>,
    vocabulary: &mut VocabularyBuilder,
) -> Documents {
    let count: usize = EntityKind::ALL.iter().map(|&k| dossier.count(k)).sum();
    let mut docs = Documents {
        tokens: Vec::new(),
        starts: Vec::with_capacity(count + 1),
        count: 0,
        facets: Vec::with_capacity(count),
        labels: Vec::new(),
    };
    let mut labels = Labels::default();
    docs.starts.push(0);
    let position_notes = notes.is_some_and(crate::notes::Notes::has_position_notes);
    for kind in EntityKind::ALL {
        for i in 0..dossier.count(kind) {
            let entity = EntityRef::new(kind, i);
            fields_of(dossier, index, entity, &mut |field, text| {
                docs.push(MARK + field as u32);
                let short = field.is_short();
                for_each_word(text, |word| {
                    let number = vocabulary.number(word, short);
                    docs.push(number);
                });
            });
            let mut note_words = Vec::new();
            for note in notes
                .map(|n| notes_about((n, position_notes), dossier, index, entity))
                .unwrap_or_default()
            {
                docs.push(MARK + Field::Note as u32);
                for_each_word(note, |word| {
                    docs.push(vocabulary.number(word, false));
                    note_words.push(word.into());
                });
            }
            docs.starts.push(docs.tokens.len() as u64);
            let mut facets = facets(dossier, index, entity, &mut labels);
            facets.starred = notes.is_some_and(|n| n.starred(dossier, entity));
            facets.note_words = note_words.into();
            docs.facets.push(facets);
        }
    }
    docs.tokens.shrink_to_fit();
    docs.labels = labels.texts;
    docs
}

/// The analyst's notes on `entity` and on the positions it holds or that are held on it.
fn notes_about<'n>(
    (notes, on_positions): (&'n crate::notes::Notes, bool),
    dossier: &Dossier,
    index: &Index,
    entity: EntityRef,
) -> Vec<&'n str> {
    // Without a note on a position (most notes files), no position key is formatted.
    let positions = if on_positions {
        crate::notes::positions_of(dossier, index, entity)
    } else {
        Vec::new()
    };
    notes
        .note_of(dossier, entity)
        .into_iter()
        .chain(positions.iter().filter_map(|(key, _)| notes.note(key)))
        .collect()
}

fn numbers(items: impl IntoIterator<Item = usize>) -> Box<[u32]> {
    let mut all: Vec<u32> = items.into_iter().map(|n| n as u32).collect();
    all.sort_unstable();
    all.dedup();
    all.into()
}

/// What the filters ask of event `i`: its status, people, places (where and about),
/// topics, bases and date.
fn event_facets(
    dossier: &Dossier,
    index: &Index,
    i: usize,
    labels: &mut Labels,
    facets: &mut Facets,
) {
    let event = &dossier.events[i];
    facets.status = Some(labels.number(event.status.as_str()));
    let ids = event
        .participants
        .iter()
        .chain(event.quotes.iter().flat_map(|q| &q.by));
    facets.actors = numbers(ids.filter_map(|id| index.actor(id)));
    let places = event.place.iter().chain(&event.concerns);
    facets.places = numbers(places.filter_map(|id| index.place(id)));
    (_, facets.bases) = stances_and_bases([], &event.quotes, labels);
    facets.source_counts = source_counts(&event.sources, [], &event.quotes);
    facets.topics = event
        .sticking_points
        .iter()
        .filter_map(|id| index.sticking_point(id))
        .map(|p| labels.number(&dossier.sticking_points[p].topic))
        .collect();
    facets.date = event.date.as_deref().and_then(|d| Span::parse(d).ok());
}

/// The labels of the positions' stances, each also with its basis ("opposes inferred",
/// what `stance:opposes basis:inferred` asks for together), and the labels of the bases
/// of the positions and quotes.
fn stances_and_bases<'d>(
    positions: impl IntoIterator<Item = &'d Position>,
    quotes: impl IntoIterator<Item = &'d Quote>,
    labels: &mut Labels,
) -> (Box<[u32]>, Box<[u32]>) {
    let mut stances = Vec::new();
    let mut bases = Vec::new();
    for p in positions {
        stances.push(labels.number(p.stance.as_str()));
        stances.push(labels.number(&stance_with_basis(p.stance.as_str(), p.basis.as_str())));
        bases.push(labels.number(p.basis.as_str()));
    }
    bases.extend(quotes.into_iter().map(|q| labels.number(q.basis.as_str())));
    (stances.into(), bases.into())
}

/// How many distinct sources `own` names, then how many each position and quote has.
fn source_counts<'d>(
    own: &[String],
    positions: impl IntoIterator<Item = &'d Position>,
    quotes: impl IntoIterator<Item = &'d Quote>,
) -> Box<[u32]> {
    let mut distinct: Vec<&str> = own.iter().map(String::as_str).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let claims = positions.into_iter().map(|p| p.all_sources().len());
    let claims = claims.chain(quotes.into_iter().map(|q| q.all_sources().len()));
    std::iter::once(distinct.len())
        .chain(claims)
        .map(|n| n as u32)
        .collect()
}

/// The label of a stance held on this basis.
pub(crate) fn stance_with_basis(stance: &str, basis: &str) -> String {
    format!("{stance} {basis}")
}

fn facets(dossier: &Dossier, index: &Index, entity: EntityRef, labels: &mut Labels) -> Facets {
    let i = entity.index;
    let mut facets = Facets {
        index: i as u32,
        ..Facets::default()
    };
    match entity.kind {
        EntityKind::Actor => {
            let actor = &dossier.actors[i];
            let represented = actor.represents.as_deref().and_then(|id| index.actor(id));
            let linked = index.represented_by[i].iter().copied();
            facets.actors = numbers(std::iter::once(i).chain(represented).chain(linked));
            let positions = &index.actor_positions[i];
            let points = positions.iter().map(|&(p, _)| &dossier.sticking_points[p]);
            facets.topics = points.clone().map(|p| labels.number(&p.topic)).collect();
            let held = positions
                .iter()
                .map(|&(p, q)| &dossier.sticking_points[p].positions[q]);
            let quotes = index.actor_events[i]
                .iter()
                .flat_map(|&e| &dossier.events[e].quotes)
                .filter(|q| q.by.contains(&actor.id));
            (facets.stances, facets.bases) =
                stances_and_bases(held.clone(), quotes.clone(), labels);
            facets.source_counts = source_counts(&actor.sources, held, quotes);
        }
        EntityKind::Event => event_facets(dossier, index, i, labels, &mut facets),
        EntityKind::StickingPoint => {
            let point = &dossier.sticking_points[i];
            facets.status = Some(labels.number(point.status.as_str()));
            facets.topics = Box::new([labels.number(&point.topic)]);
            facets.actors = numbers(point.positions.iter().filter_map(|p| index.actor(&p.actor)));
            facets.places = numbers(point.places.iter().filter_map(|id| index.place(id)));
            // What each party holds now: a stance it moved away from is history.
            let held = index.over_time[i]
                .iter()
                .map(|h| &point.positions[h.current()]);
            (facets.stances, facets.bases) = stances_and_bases(held.clone(), [], labels);
            facets.source_counts = source_counts(&point.sources, held, []);
        }
        EntityKind::Place => {
            facets.source_counts = source_counts(&dossier.places[i].sources, [], []);
            facets.places = Box::new([i as u32]);
            facets.topics = index.place_sticking_points[i]
                .iter()
                .map(|&p| labels.number(&dossier.sticking_points[p].topic))
                .collect();
        }
        // A source is a document for its words (title, publisher, author, note); the
        // filters are about entities and claims, so it has no facets.
        EntityKind::Source => {}
    }
    facets
}
