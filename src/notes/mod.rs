//! The analyst's own layer: notes, stars and saved searches kept in a sidecar file beside
//! the dossier, never in it. `Notes` is the file's content (pure data, no I/O); `file`
//! finds, reads and writes it.

pub mod file;
mod held;
mod merge;
mod read;
mod render;
mod shape;

use std::collections::{BTreeMap, BTreeSet};

pub use held::{Held, Noted};
pub use merge::{CONFLICT_MARKER, merge};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Dossier, EntityRef, Index};

/// The content of a notes file (`FILE.notes.yaml`). Keys are entity ids, or `POINT/ACTOR`
/// for a position (a string, so that a dated key `POINT/ACTOR@AS_OF` fits too).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "talks analyst notes, version 1")]
pub struct Notes {
    /// The format's version: 1.
    #[serde(default = "version_one")]
    #[schemars(range(min = 1, max = 1))]
    pub(crate) version: u32,
    /// A note (multi-line text) by entity id or position key; empty (null) when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub notes: BTreeMap<String, String>,
    /// The starred entity ids and position keys; empty (null) when none.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    #[schemars(with = "Option<BTreeSet<String>>")]
    pub(crate) stars: BTreeSet<String>,
    /// Saved searches: a name and its query; empty (null) when none.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(with = "Option<BTreeMap<String, String>>")]
    pub searches: BTreeMap<String, String>,
}

fn version_one() -> u32 {
    1
}

/// The JSON Schema of a notes file, as checked in at `assets/notes.schema.json`.
pub fn notes_schema_json() -> String {
    let schema = schemars::schema_for!(Notes);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The key of a position: `POINT/ACTOR`.
pub fn position_key(point: &str, actor: &str) -> String {
    format!("{point}/{actor}")
}

/// The positions `entity` holds (an actor) or that are held on it (a sticking point), each
/// as its key and a name ("Donald Trump on Ukraine's NATO membership"), in dossier order.
pub fn positions_of(
    dossier: &crate::model::Dossier,
    index: &crate::model::Index,
    entity: crate::model::EntityRef,
) -> Vec<(String, String)> {
    use crate::model::EntityKind;
    let held: Vec<(usize, usize)> = match entity.kind {
        EntityKind::StickingPoint => (0..dossier.sticking_points[entity.index].positions.len())
            .map(|p| (entity.index, p))
            .collect(),
        EntityKind::Actor => index
            .actor_positions
            .get(entity.index)
            .into_iter()
            .flatten()
            .flat_map(|&(point, _)| {
                let actor = entity.index;
                index
                    .held_over_time(point, actor)
                    .iter()
                    .map(move |&p| (point, p))
            })
            .collect(),
        _ => Vec::new(),
    };
    held.into_iter()
        .map(|(point, p)| held::position_named(dossier, index, point, p))
        .collect()
}

/// The key of a position of the sticking point `point`: `POINT/ACTOR`, with `@AS_OF` when
/// the position is dated.
pub fn key_of_position(point: &str, position: &crate::model::Position) -> String {
    match &position.as_of {
        Some(as_of) => format!("{}@{as_of}", position_key(point, &position.actor)),
        None => position_key(point, &position.actor),
    }
}

impl Notes {
    pub fn new() -> Self {
        Notes {
            version: 1,
            ..Notes::default()
        }
    }

    pub fn note(&self, key: &str) -> Option<&str> {
        self.notes.get(key).map(String::as_str)
    }

    /// Sets the note of `key`; blank text removes it.
    pub fn set_note(&mut self, key: &str, text: &str) {
        let text = text.trim_end();
        if text.trim().is_empty() {
            self.notes.remove(key);
        } else {
            self.notes.insert(key.to_string(), text.to_string());
        }
    }

    pub fn is_starred(&self, key: &str) -> bool {
        self.stars.contains(key)
    }

    /// Stars `key`, or unstars it; `true` when it is starred now.
    pub fn toggle_star(&mut self, key: &str) -> bool {
        if self.stars.remove(key) {
            false
        } else {
            self.stars.insert(key.to_string());
            true
        }
    }

    /// The note of an entity, by its id.
    pub fn note_of(&self, dossier: &Dossier, entity: EntityRef) -> Option<&str> {
        self.note(dossier.id_of(entity))
    }

    pub fn starred(&self, dossier: &Dossier, entity: EntityRef) -> bool {
        self.is_starred(dossier.id_of(entity))
    }

    /// The keys with a note or a star that name nothing in the dossier (its entity or
    /// position is gone); kept, never dropped.
    pub fn orphans(&self, dossier: &Dossier, index: &Index) -> Vec<&str> {
        let keys: BTreeSet<&str> = self
            .notes
            .keys()
            .chain(self.stars.iter())
            .map(String::as_str)
            .collect();
        keys.into_iter()
            .filter(|key| !names_something(dossier, index, key))
            .collect()
    }

    /// The notes on keys that name nothing in the dossier.
    pub fn orphaned_notes(&self, dossier: &Dossier, index: &Index) -> Vec<(&str, &str)> {
        self.notes
            .iter()
            .filter(|(key, _)| !names_something(dossier, index, key))
            .map(|(key, text)| (key.as_str(), text.as_str()))
            .collect()
    }

    /// Whether some note is on a position (`POINT/ACTOR`): only then do entities need their
    /// positions' keys worked out.
    pub fn has_position_notes(&self) -> bool {
        self.notes.keys().any(|key| key.contains('/'))
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty() && self.stars.is_empty() && self.searches.is_empty()
    }

    /// Whether there is a note or a star (what the search engine holds of the notes; saved
    /// searches change nothing in it).
    pub fn has_notes_or_stars(&self) -> bool {
        !self.notes.is_empty() || !self.stars.is_empty()
    }
}

/// Whether `key` is an entity's id or a position (`POINT/ACTOR`, with or without `@AS_OF`)
/// of the dossier.
fn names_something(dossier: &Dossier, index: &Index, key: &str) -> bool {
    if index.get(key).is_some() {
        return true;
    }
    let key = key.split_once('@').map_or(key, |(key, _)| key);
    let Some((point, actor)) = key.split_once('/') else {
        return false;
    };
    index.sticking_point(point).is_some_and(|p| {
        dossier.sticking_points[p]
            .positions
            .iter()
            .any(|pos| pos.actor == actor)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_note_is_removed_and_stars_toggle() {
        let mut notes = Notes::new();
        notes.set_note("putin", "watch this\n\n");
        assert_eq!(notes.note("putin"), Some("watch this"));
        notes.set_note("putin", "  \n");
        assert_eq!(notes.note("putin"), None);
        assert!(notes.toggle_star("putin"));
        assert!(notes.is_starred("putin"));
        assert!(!notes.toggle_star("putin"));
        assert!(notes.is_empty());
    }

    #[test]
    fn a_dated_position_is_keyed_with_its_date() {
        let read = |yaml: &str| -> crate::model::Position {
            serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("{e}"))
        };
        let undated = read("{actor: kyiv, stance: opposes, summary: s}");
        let dated = read("{actor: kyiv, stance: opposes, summary: s, as_of: 2031-03-16}");
        assert_eq!(key_of_position("donbas", &undated), "donbas/kyiv");
        assert_eq!(key_of_position("donbas", &dated), "donbas/kyiv@2031-03-16");
    }

    #[test]
    fn orphans_are_the_keys_the_dossier_no_longer_has() {
        let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
        let (dossier, index) = (&loaded.dossier, &loaded.index);
        let point = &dossier.sticking_points[0];
        let position = position_key(&point.id, &point.positions[0].actor);
        let mut notes = Notes::new();
        notes.set_note(&dossier.actors[0].id, "kept");
        notes.set_note(&position, "on a position");
        notes.set_note("gone-actor", "orphan");
        notes.toggle_star("gone-point/nobody");
        assert_eq!(
            notes.orphans(dossier, index),
            vec!["gone-actor", "gone-point/nobody"]
        );
        assert_eq!(notes.orphaned_notes(dossier, index).len(), 1);
    }
}
