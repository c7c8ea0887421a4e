//! What changed between two readings of a dossier: entities and sources added, removed and
//! changed field by field, and every party's stance that moved. Equality is of content:
//! list order and formatting do not count.

mod fields;
mod names;
pub mod render;

use std::collections::BTreeMap;

use serde_json::Value;

use crate::model::{EntityKind, EntityRef, Loaded, Position};
use crate::search::Marked;

pub use fields::FieldChange;

/// What happened to one entity or source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Added,
    Removed,
    Changed(Vec<FieldChange>),
}

/// One entity (or source) that is not the same in both readings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityChange {
    /// `actor`, `event`, `sticking-point`, `place` or `source`.
    pub(crate) kind: &'static str,
    pub(crate) id: String,
    /// Its name (title) in the new reading, or the old one when removed.
    pub(crate) name: String,
    /// Its name as change text shows it: with the id where another name is alike.
    pub(crate) label: String,
    pub(crate) change: Change,
}

/// A party's position on a sticking point as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Held {
    pub(crate) stance: String,
    pub(crate) inferred: bool,
    pub(crate) summary: String,
    pub(crate) as_of: Option<String>,
    /// The title of the source it cites.
    pub(crate) source: Option<String>,
}

/// A party whose current stance on a sticking point is not the same in both readings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceShift {
    pub(crate) sticking_point: String,
    pub(crate) sticking_point_title: String,
    pub(crate) actor: String,
    pub(crate) actor_name: String,
    pub(crate) before: Option<Held>,
    pub(crate) after: Option<Held>,
}

/// Everything that differs, entities in kind order (sources last), each kind by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub(crate) entities: Vec<EntityChange>,
    pub(crate) stances: Vec<StanceShift>,
}

impl Changes {
    /// The marks of these changes, on the entities of `new` (the newer reading).
    pub fn marked(&self, new: &Loaded) -> Marked {
        let mut marked = Marked::default();
        for change in &self.entities {
            let Some(entity) = new
                .index
                .get(&change.id)
                .filter(|e| e.kind.slug() == change.kind)
            else {
                continue;
            };
            match change.change {
                Change::Added => marked.new.insert(entity),
                Change::Changed(_) => marked.changed.insert(entity),
                Change::Removed => false,
            };
        }
        for shift in &self.stances {
            for id in [&shift.sticking_point, &shift.actor] {
                if let Some(entity) = new.index.get(id) {
                    marked.stance.insert(entity);
                }
            }
        }
        marked
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty() && self.stances.is_empty()
    }

    /// The changes of what `keep(kind, id)` keeps (an entity or source of an export's
    /// view), and the stance shifts of its parties and sticking points.
    pub fn restricted(&self, keep: impl Fn(&str, &str) -> bool) -> Changes {
        Changes {
            entities: self
                .entities
                .iter()
                .filter(|e| keep(e.kind, &e.id))
                .cloned()
                .collect(),
            stances: self
                .stances
                .iter()
                .filter(|s| keep("sticking-point", &s.sticking_point) || keep("actor", &s.actor))
                .cloned()
                .collect(),
        }
    }

    /// How a kind's entity with this id changed, if it did.
    pub fn of(&self, kind: EntityKind, id: &str) -> Option<&Change> {
        self.entities
            .iter()
            .find(|e| e.kind == kind.slug() && e.id == id)
            .map(|e| &e.change)
    }
}

/// Each item of one kind (`None`: the sources) by id, as its index.
fn ids(loaded: &Loaded, kind: Option<EntityKind>) -> BTreeMap<&str, usize> {
    let d = &loaded.dossier;
    match kind {
        None => d
            .sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), i))
            .collect(),
        Some(kind) => (0..d.count(kind))
            .map(|index| (d.id_of(EntityRef { kind, index }), index))
            .collect(),
    }
}

/// Whether item `a` of `old` and item `b` of `new` are written the same (order included):
/// then they are equal, and most items of two versions are.
fn same(old: &Loaded, new: &Loaded, kind: Option<EntityKind>, (a, b): (usize, usize)) -> bool {
    let (o, n) = (&old.dossier, &new.dossier);
    match kind {
        None | Some(EntityKind::Source) => o.sources[a] == n.sources[b],
        Some(EntityKind::Actor) => o.actors[a] == n.actors[b],
        Some(EntityKind::Event) => o.events[a] == n.events[b],
        Some(EntityKind::StickingPoint) => o.sticking_points[a] == n.sticking_points[b],
        Some(EntityKind::Place) => o.places[a] == n.places[b],
    }
}

/// The name (title) and content of item `index` of a kind (`None`: a source).
fn item(loaded: &Loaded, kind: Option<EntityKind>, index: usize) -> (String, Value) {
    let d = &loaded.dossier;
    let Some(kind) = kind else {
        let source = &d.sources[index];
        return (source.title.clone(), json(source));
    };
    let value = match kind {
        EntityKind::Actor => json(&d.actors[index]),
        EntityKind::Event => json(&d.events[index]),
        EntityKind::StickingPoint => json(&d.sticking_points[index]),
        EntityKind::Place => json(&d.places[index]),
        EntityKind::Source => json(&d.sources[index]),
    };
    (d.name_of(EntityRef { kind, index }).to_string(), value)
}

fn json(item: &impl serde::Serialize) -> Value {
    serde_json::to_value(item).unwrap_or(Value::Null)
}

/// Compares two readings of a dossier.
pub fn compare(old: &Loaded, new: &Loaded) -> Changes {
    let mut changes = Changes::default();
    let names = names::Names::of(old, new);
    let kinds = EntityKind::LISTED.map(Some).into_iter().chain([None]);
    for kind in kinds {
        let slug = kind.map_or("source", EntityKind::slug);
        let (before, after) = (ids(old, kind), ids(new, kind));
        // Content is only turned into values where two readings are compared, one pair at a
        // time: a large dossier is never held twice over as JSON.
        for (&id, &index) in &after {
            let was = before.get(id).copied();
            if was.is_some_and(|was| same(old, new, kind, (was, index))) {
                continue;
            }
            let (name, value) = item(new, kind, index);
            let change = match was {
                None => Change::Added,
                Some(was) => match fields::compare(&item(old, kind, was).1, &value, &names) {
                    found if found.is_empty() => continue,
                    found => Change::Changed(found),
                },
            };
            changes.entities.push(EntityChange {
                kind: slug,
                id: id.to_string(),
                name,
                label: names.name(id),
                change,
            });
        }
        for (&id, &index) in before.iter().filter(|(id, _)| !after.contains_key(*id)) {
            changes.entities.push(EntityChange {
                kind: slug,
                id: id.to_string(),
                name: item(old, kind, index).0,
                label: names.name(id),
                change: Change::Removed,
            });
        }
    }
    changes.stances = stance_shifts(old, new);
    changes
}

/// Every (sticking point, party) → what the party holds now, by ids.
fn current(loaded: &Loaded) -> BTreeMap<(String, String), (String, String, Held)> {
    let d = &loaded.dossier;
    let mut out = BTreeMap::new();
    for (i, point) in d.sticking_points.iter().enumerate() {
        for history in &loaded.index.over_time[i] {
            let position = &point.positions[history.current()];
            let actor = &d.actors[history.actor];
            let key = (point.id.clone(), actor.id.clone());
            let names = (point.title.clone(), actor.name.clone());
            out.insert(key, (names.0, names.1, held(loaded, position)));
        }
    }
    out
}

fn held(loaded: &Loaded, position: &Position) -> Held {
    let source = position
        .source
        .as_deref()
        .map(|id| match loaded.index.source(id) {
            Some(s) => loaded.dossier.sources[s].title.clone(),
            None => id.to_string(),
        });
    Held {
        stance: position.stance.as_str().to_string(),
        inferred: position.basis.is_inferred(),
        summary: position.summary.trim().to_string(),
        as_of: position.as_of.clone(),
        source,
    }
}

/// The parties whose stance (or basis) is not the same now, or who hold one in only one
/// reading.
fn stance_shifts(old: &Loaded, new: &Loaded) -> Vec<StanceShift> {
    let (before, after) = (current(old), current(new));
    let mut keys: Vec<&(String, String)> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter_map(|key| {
            let (was, now) = (before.get(key), after.get(key));
            let same = |a: &Held, b: &Held| a.stance == b.stance && a.inferred == b.inferred;
            if let (Some(was), Some(now)) = (was, now)
                && same(&was.2, &now.2)
            {
                return None;
            }
            let (point_title, actor_name) = now.or(was).map(|(p, a, _)| (p, a))?;
            Some(StanceShift {
                sticking_point: key.0.clone(),
                sticking_point_title: point_title.clone(),
                actor: key.1.clone(),
                actor_name: actor_name.clone(),
                before: was.map(|w| w.2.clone()),
                after: now.map(|n| n.2.clone()),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
