//! The searchable form of each entity, computed once at load.

use crate::model::{Dossier, EntityKind, EntityRef, Index};

/// What the engine knows of one entity. All text is lowercased.
#[derive(Debug, Clone)]
pub struct Document {
    pub entity: EntityRef,
    /// The name or title, lowercased; highlights index its characters.
    pub primary: String,
    /// The id, aliases and role.
    pub short: Vec<String>,
    /// Names and aliases of the actors this entity links to (alias-aware search).
    pub linked_names: Vec<String>,
    /// Summary, outcomes, quotes and position summaries, joined.
    pub long: String,
    /// The distinct words of `long`.
    pub words: Vec<String>,
    pub status: Option<String>,
    pub topics: Vec<String>,
    pub stances: Vec<String>,
    /// Actors this entity is linked to (for `actor:`), itself included for an actor.
    pub actors: Vec<usize>,
}

fn lower_all<'a>(items: impl IntoIterator<Item = &'a String>) -> Vec<String> {
    items.into_iter().map(|s| s.to_lowercase()).collect()
}

fn words_of(text: &str) -> Vec<String> {
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

/// Builds the documents of every entity, in dossier order, kind by kind.
pub fn documents(dossier: &Dossier, index: &Index) -> Vec<Document> {
    let mut docs = Vec::new();
    for kind in EntityKind::ALL {
        for i in 0..dossier.count(kind) {
            docs.push(document(dossier, index, EntityRef { kind, index: i }));
        }
    }
    docs
}

fn document(dossier: &Dossier, index: &Index, entity: EntityRef) -> Document {
    let mut doc = Document {
        entity,
        primary: dossier.name_of(entity).to_lowercase(),
        short: vec![dossier.id_of(entity).to_string()],
        linked_names: Vec::new(),
        long: dossier
            .summary_of(entity)
            .unwrap_or_default()
            .to_lowercase(),
        words: Vec::new(),
        status: None,
        topics: Vec::new(),
        stances: Vec::new(),
        actors: Vec::new(),
    };
    let i = entity.index;
    match entity.kind {
        EntityKind::Actor => actor_facets(dossier, index, i, &mut doc),
        EntityKind::Event => event_facets(dossier, index, i, &mut doc),
        EntityKind::StickingPoint => sticking_point_facets(dossier, index, i, &mut doc),
        EntityKind::Place => {
            for &point in &index.place_sticking_points[i] {
                doc.topics
                    .push(dossier.sticking_points[point].topic.to_lowercase());
            }
        }
    }
    doc.actors.sort_unstable();
    doc.actors.dedup();
    doc.linked_names = doc
        .actors
        .iter()
        .filter(|&&a| !(entity.kind == EntityKind::Actor && a == i))
        .flat_map(|&a| {
            let actor = &dossier.actors[a];
            std::iter::once(&actor.name).chain(&actor.aliases)
        })
        .map(|s| s.to_lowercase())
        .collect();
    doc.words = words_of(&doc.long);
    doc
}

fn actor_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Document) {
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

fn event_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Document) {
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

fn sticking_point_facets(dossier: &Dossier, index: &Index, i: usize, doc: &mut Document) {
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
