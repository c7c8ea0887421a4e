//! The searchable form of each entity, computed once at load.

use std::collections::HashMap;

use crate::model::{Dossier, EntityKind, EntityRef, Index};

/// Every distinct lowercased text of the documents, numbered; documents refer to texts by
/// number, so a search scores each distinct name, alias or word once.
#[derive(Default)]
pub(crate) struct Texts {
    numbers: HashMap<String, u32>,
    texts: Vec<String>,
}

impl Texts {
    /// The number of `text`, numbering it if it is new (a text seen before costs no
    /// allocation).
    fn number(&mut self, text: &str) -> u32 {
        if let Some(&n) = self.numbers.get(text) {
            return n;
        }
        let n = self.texts.len() as u32;
        self.texts.push(text.to_string());
        self.numbers.insert(text.to_string(), n);
        n
    }

    /// Numbers `text` without looking for an equal one: for names and titles, which are
    /// nearly all different (hashing them would cost more than scoring a few twice).
    fn add(&mut self, text: String) -> u32 {
        self.texts.push(text);
        self.texts.len() as u32 - 1
    }

    /// The texts, by number.
    pub(crate) fn finish(self) -> Vec<Box<str>> {
        self.texts.into_iter().map(String::into_boxed_str).collect()
    }
}

/// What the engine knows of one entity. All text is lowercased; numbers are [`Texts`].
#[derive(Debug, Clone)]
pub(crate) struct Document {
    pub entity: EntityRef,
    /// The name or title; highlights index its characters.
    pub primary: u32,
    /// The id, aliases and role.
    pub short: Box<[u32]>,
    /// Names and aliases of the actors this entity links to (alias-aware search).
    pub linked_names: Box<[u32]>,
    /// Summary, outcomes, quotes and position summaries, joined (for exact terms).
    pub long: Box<str>,
    /// The distinct words of `long`.
    pub words: Box<[u32]>,
    pub status: Option<u32>,
    pub topics: Box<[u32]>,
    pub stances: Box<[u32]>,
    /// Actors this entity is linked to (for `actor:`), itself included for an actor.
    pub actors: Box<[usize]>,
}

/// A document as it is gathered, before its texts are numbered.
#[derive(Default)]
struct Draft {
    short: Vec<String>,
    long: String,
    status: Option<String>,
    topics: Vec<String>,
    stances: Vec<String>,
    actors: Vec<usize>,
}

fn lower_all<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    items.into_iter().map(|s| s.to_lowercase()).collect()
}

fn words_of(text: &str) -> Vec<&str> {
    let mut words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Builds the documents of every entity, in dossier order, kind by kind.
pub(crate) fn documents(dossier: &Dossier, index: &Index, texts: &mut Texts) -> Vec<Document> {
    let mut docs = Vec::with_capacity(EntityKind::ALL.iter().map(|&k| dossier.count(k)).sum());
    for kind in EntityKind::ALL {
        for i in 0..dossier.count(kind) {
            docs.push(document(
                dossier,
                index,
                EntityRef { kind, index: i },
                texts,
            ));
        }
    }
    docs
}

fn document(dossier: &Dossier, index: &Index, entity: EntityRef, texts: &mut Texts) -> Document {
    let mut draft = Draft {
        short: vec![dossier.id_of(entity).to_string()],
        long: dossier
            .summary_of(entity)
            .unwrap_or_default()
            .to_lowercase(),
        ..Draft::default()
    };
    let i = entity.index;
    match entity.kind {
        EntityKind::Actor => actor_facets(dossier, index, i, &mut draft),
        EntityKind::Event => event_facets(dossier, index, i, &mut draft),
        EntityKind::StickingPoint => sticking_point_facets(dossier, index, i, &mut draft),
        EntityKind::Place => {
            for &point in &index.place_sticking_points[i] {
                draft
                    .topics
                    .push(dossier.sticking_points[point].topic.to_lowercase());
            }
        }
    }
    draft.actors.sort_unstable();
    draft.actors.dedup();
    let linked_names: Vec<u32> = draft
        .actors
        .iter()
        .filter(|&&a| !(entity.kind == EntityKind::Actor && a == i))
        .flat_map(|&a| {
            let actor = &dossier.actors[a];
            std::iter::once(&actor.name).chain(&actor.aliases)
        })
        .map(|s| texts.number(&s.to_lowercase()))
        .collect();
    let primary = texts.add(dossier.name_of(entity).to_lowercase());
    let status = draft.status.map(|s| texts.number(&s));
    let words: Box<[u32]> = words_of(&draft.long)
        .into_iter()
        .map(|w| texts.number(w))
        .collect();
    let mut number_all =
        |items: Vec<String>| -> Box<[u32]> { items.iter().map(|t| texts.number(t)).collect() };
    Document {
        entity,
        primary,
        short: number_all(draft.short),
        linked_names: linked_names.into(),
        words,
        long: draft.long.into_boxed_str(),
        status,
        topics: number_all(draft.topics),
        stances: number_all(draft.stances),
        actors: draft.actors.into(),
    }
}

fn actor_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Draft) {
    let actor = &dossier.actors[i];
    doc.short.extend(lower_all(&actor.aliases));
    doc.short
        .extend(actor.role.as_ref().map(|r| r.to_lowercase()));
    doc.actors.push(i);
    doc.actors
        .extend(actor.represents.as_deref().and_then(|id| index.actor(id)));
    doc.actors.extend(&index.represented_by[i]);
    for &(point, position) in &index.actor_positions[i] {
        let point = &dossier.sticking_points[point];
        let position = &point.positions[position];
        doc.stances.push(position.stance.to_string());
        doc.topics.push(point.topic.to_lowercase());
        doc.long.push('\n');
        doc.long.push_str(&position.summary.to_lowercase());
    }
}

fn event_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Draft) {
    let event = &dossier.events[i];
    doc.status = Some(event.status.to_string());
    doc.actors
        .extend(event.participants.iter().filter_map(|id| index.actor(id)));
    for text in &event.outcomes {
        doc.long.push('\n');
        doc.long.push_str(&text.to_lowercase());
    }
    for quote in &event.quotes {
        doc.actors.extend(index.actor(&quote.by));
        doc.long.push('\n');
        doc.long.push_str(&quote.text.to_lowercase());
    }
    for point in event
        .sticking_points
        .iter()
        .filter_map(|id| index.sticking_point(id))
    {
        doc.topics
            .push(dossier.sticking_points[point].topic.to_lowercase());
    }
}

fn sticking_point_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Draft) {
    let point = &dossier.sticking_points[i];
    doc.status = Some(point.status.to_string());
    doc.topics.push(point.topic.to_lowercase());
    for position in &point.positions {
        doc.actors.extend(index.actor(&position.actor));
        doc.stances.push(position.stance.to_string());
        doc.long.push('\n');
        doc.long.push_str(&position.summary.to_lowercase());
    }
}
