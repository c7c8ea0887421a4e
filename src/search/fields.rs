//! What of an entity is searchable, field by field, in the order of the ranking tiers.
//! The index and the explanations ("why it matched") both read the entity through
//! [`fields_of`], so they never disagree about what a field holds.

use crate::model::{Dossier, EntityKind, EntityRef, Index};

/// A searchable field. Declared in rank order: an earlier tier ranks above a later one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The name of an actor or place, the title of an event or sticking point.
    Name,
    Alias,
    Id,
    /// An actor's role, an event's or place's kind, a sticking point's topic.
    Role,
    Quote,
    Summary,
    Outcome,
    /// What a position says (on a sticking point, or on the actor that holds it).
    Position,
    /// The analyst's own note (from the notes file, not the dossier): below the dossier's
    /// own text.
    Note,
    /// The name or alias of a linked actor, the name of a linked place, the title of a
    /// sticking point an event discusses, an actor takes a position on or a place is in.
    Link,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Name,
        Field::Alias,
        Field::Id,
        Field::Role,
        Field::Quote,
        Field::Summary,
        Field::Outcome,
        Field::Position,
        Field::Note,
        Field::Link,
    ];

    /// The ranking tier: 0 ranks first. Summary, outcomes and positions share one tier.
    pub fn tier(self) -> u8 {
        match self {
            Field::Name => 0,
            Field::Alias => 1,
            Field::Id => 2,
            Field::Role => 3,
            Field::Quote => 4,
            Field::Summary | Field::Outcome | Field::Position => 5,
            Field::Note => 6,
            Field::Link => 7,
        }
    }

    /// Short fields (name, alias, id, role) take fuzzy matches (letters in order); long
    /// text and links never do.
    pub fn is_short(self) -> bool {
        self.tier() <= 3
    }

    /// The field's name as users read it ("title" for events and sticking points).
    pub fn label(self, kind: EntityKind) -> &'static str {
        match (self, kind) {
            (Field::Name, EntityKind::Event | EntityKind::StickingPoint) => "title",
            (Field::Name, _) => "name",
            (Field::Alias, _) => "alias",
            (Field::Id, _) => "id",
            (Field::Role, EntityKind::Actor) => "role",
            (Field::Role, EntityKind::StickingPoint) => "topic",
            (Field::Role, _) => "kind",
            (Field::Quote, _) => "quote",
            (Field::Summary, _) => "summary",
            (Field::Outcome, _) => "outcome",
            (Field::Position, _) => "position",
            (Field::Note, _) => "note",
            (Field::Link, _) => "link",
        }
    }

    pub(crate) fn from_number(n: u32) -> Field {
        Field::ALL[(n as usize).min(Field::ALL.len() - 1)]
    }
}

/// Calls `each` with every searchable text of `entity`, field by field in [`Field`] order
/// (a field may come several times: one alias, quote or link each).
pub(crate) fn fields_of(
    dossier: &Dossier,
    index: &Index,
    entity: EntityRef,
    each: &mut dyn FnMut(Field, &str),
) {
    let i = entity.index;
    match entity.kind {
        EntityKind::Actor => {
            let actor = &dossier.actors[i];
            each(Field::Name, &actor.name);
            actor.aliases.iter().for_each(|a| each(Field::Alias, a));
            each(Field::Id, &actor.id);
            if let Some(role) = &actor.role {
                each(Field::Role, role);
            }
            summary(dossier, entity, each);
            for &(point, position) in &index.actor_positions[i] {
                each(
                    Field::Position,
                    &dossier.sticking_points[point].positions[position].summary,
                );
            }
            let represented = actor.represents.as_deref().and_then(|id| index.actor(id));
            let links = represented
                .into_iter()
                .chain(index.represented_by[i].iter().copied());
            actor_links(dossier, links, each);
            let points = index.actor_positions[i].iter().map(|&(point, _)| point);
            point_links(dossier, points, each);
        }
        EntityKind::Event => event_fields(dossier, index, i, each),
        EntityKind::StickingPoint => point_fields(dossier, index, i, each),
        EntityKind::Place => {
            let place = &dossier.places[i];
            each(Field::Name, &place.name);
            each(Field::Id, &place.id);
            if let Some(kind) = &place.kind {
                each(Field::Role, kind.as_str());
            }
            summary(dossier, entity, each);
            let parent = place.part_of.as_deref().and_then(|id| index.place(id));
            place_links(dossier, parent, each);
            point_links(
                dossier,
                index.place_sticking_points[i].iter().copied(),
                each,
            );
        }
        // `docs/decisions.md`, "Sources": the title in the name tier, the note in the
        // summary's. (The engine indexes the listed kinds only.)
        EntityKind::Source => {
            let source = &dossier.sources[i];
            each(Field::Name, &source.title);
            each(Field::Id, &source.id);
            for who in [&source.publisher, &source.author].into_iter().flatten() {
                each(Field::Role, who);
            }
            summary(dossier, entity, each);
        }
    }
}

fn summary(dossier: &Dossier, entity: EntityRef, each: &mut dyn FnMut(Field, &str)) {
    if let Some(text) = dossier.summary_of(entity) {
        each(Field::Summary, text);
    }
}

fn event_fields(dossier: &Dossier, index: &Index, i: usize, each: &mut dyn FnMut(Field, &str)) {
    let event = &dossier.events[i];
    each(Field::Name, &event.title);
    each(Field::Id, &event.id);
    each(Field::Role, event.kind.as_str());
    event
        .quotes
        .iter()
        .for_each(|q| each(Field::Quote, &q.text));
    summary(dossier, EntityRef::new(EntityKind::Event, i), each);
    event.outcomes.iter().for_each(|o| each(Field::Outcome, o));
    let actors = event
        .participants
        .iter()
        .chain(event.quotes.iter().flat_map(|q| &q.by))
        .filter_map(|id| index.actor(id));
    actor_links(dossier, actors, each);
    let place = event.place.as_deref().and_then(|id| index.place(id));
    place_links(dossier, place, each);
    let points = event
        .sticking_points
        .iter()
        .filter_map(|id| index.sticking_point(id));
    point_links(dossier, points, each);
}

fn point_fields(dossier: &Dossier, index: &Index, i: usize, each: &mut dyn FnMut(Field, &str)) {
    let point = &dossier.sticking_points[i];
    each(Field::Name, &point.title);
    each(Field::Id, &point.id);
    each(Field::Role, &point.topic);
    summary(dossier, EntityRef::new(EntityKind::StickingPoint, i), each);
    point
        .positions
        .iter()
        .for_each(|p| each(Field::Position, &p.summary));
    let actors = point.positions.iter().filter_map(|p| index.actor(&p.actor));
    actor_links(dossier, actors, each);
    place_links(
        dossier,
        point.places.iter().filter_map(|id| index.place(id)),
        each,
    );
}

/// Each of `items` once, in first-linked order.
fn once_each(items: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen
}

/// The names and aliases of the linked actors, each actor once.
fn actor_links(
    dossier: &Dossier,
    actors: impl IntoIterator<Item = usize>,
    each: &mut dyn FnMut(Field, &str),
) {
    for a in once_each(actors) {
        let actor = &dossier.actors[a];
        each(Field::Link, &actor.name);
        actor
            .aliases
            .iter()
            .for_each(|alias| each(Field::Link, alias));
    }
}

/// The titles of the linked sticking points, each once.
fn point_links(
    dossier: &Dossier,
    points: impl IntoIterator<Item = usize>,
    each: &mut dyn FnMut(Field, &str),
) {
    once_each(points)
        .into_iter()
        .for_each(|p| each(Field::Link, &dossier.sticking_points[p].title));
}

/// The names of the linked places, each once.
fn place_links(
    dossier: &Dossier,
    places: impl IntoIterator<Item = usize>,
    each: &mut dyn FnMut(Field, &str),
) {
    once_each(places)
        .into_iter()
        .for_each(|p| each(Field::Link, &dossier.places[p].name));
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::{Field, fields_of};
    use crate::model::{EntityKind, EntityRef};

    /// The name a field of the format is explained by: a list item's by its list's singular
    /// (`quotes[].text` is a "quote", `aliases[]` an "alias"), any other by its own key.
    fn explanation_name(path: &str) -> String {
        let segment = match path.rsplit_once("[].") {
            Some((list, _)) => list.rsplit('.').next().unwrap_or(list),
            None => path.trim_end_matches("[]"),
        };
        if !path.contains("[]") {
            return segment.to_string();
        }
        match segment.strip_suffix("ses") {
            Some(stem) => format!("{stem}s"),
            None => segment.trim_end_matches('s').to_string(),
        }
    }

    /// The paths in `value` whose string is `text`.
    fn paths_holding(value: &Value, text: &str, path: &str, out: &mut Vec<String>) {
        match value {
            Value::String(s) if s == text => out.push(path.to_string()),
            Value::Array(items) => items
                .iter()
                .for_each(|item| paths_holding(item, text, &format!("{path}[]"), out)),
            Value::Object(map) => map.iter().for_each(|(key, item)| {
                let inner = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                paths_holding(item, text, &inner, out);
            }),
            _ => {}
        }
    }

    fn entity_json(dossier: &crate::model::Dossier, entity: EntityRef) -> Value {
        let i = entity.index;
        let value = match entity.kind {
            EntityKind::Actor => serde_json::to_value(&dossier.actors[i]),
            EntityKind::Event => serde_json::to_value(&dossier.events[i]),
            EntityKind::StickingPoint => serde_json::to_value(&dossier.sticking_points[i]),
            EntityKind::Place => serde_json::to_value(&dossier.places[i]),
            EntityKind::Source => serde_json::to_value(&dossier.sources[i]),
        };
        value.unwrap_or(Value::Null)
    }

    /// A new field searched under an existing field's tier would be explained (and named
    /// in `talks search --format json`) as that field: each of an entity's own fields
    /// that is searched must be explained by its own name.
    #[test]
    fn each_searched_field_is_explained_by_its_own_name() {
        let loaded = crate::model::complete_example();
        let dossier = &loaded.dossier;
        let kinds = [
            (EntityKind::Actor, dossier.actors.len()),
            (EntityKind::Event, dossier.events.len()),
            (EntityKind::StickingPoint, dossier.sticking_points.len()),
            (EntityKind::Place, dossier.places.len()),
        ];
        let mut checked = 0;
        for (kind, count) in kinds {
            for index in 0..count {
                let entity = EntityRef::new(kind, index);
                let json = entity_json(dossier, entity);
                fields_of(dossier, &loaded.index, entity, &mut |field, text| {
                    if matches!(field, Field::Link | Field::Note) {
                        return;
                    }
                    let mut paths = Vec::new();
                    paths_holding(&json, text, "", &mut paths);
                    let label = field.label(kind);
                    // Empty when the text is another entity's (an actor's positions).
                    if paths.is_empty() {
                        return;
                    }
                    checked += 1;
                    assert!(
                        paths.iter().any(|p| explanation_name(p) == label),
                        "{kind:?} `{}` is searched as `{label}`: give it a Field of its own \
                         in src/search/fields.rs, named `{}`",
                        paths[0],
                        explanation_name(&paths[0]),
                    );
                });
            }
        }
        assert!(checked > 20, "only {checked} fields were checked");
    }

    #[test]
    fn explanation_names_are_singular_keys() {
        assert_eq!(explanation_name("quotes[].text"), "quote");
        assert_eq!(explanation_name("aliases[]"), "alias");
        assert_eq!(explanation_name("outcomes[]"), "outcome");
        assert_eq!(explanation_name("positions[].summary"), "position");
        assert_eq!(explanation_name("summary"), "summary");
        assert_eq!(explanation_name("topic"), "topic");
    }
}
