//! The notes and stars on what an export holds, handed over in one call: the export says
//! what it holds ([`Held`]), the notes answer with what is noted or starred on it.

use super::{Notes, key_of_position, positions_of};
use crate::model::{Dossier, EntityRef, Index};

/// Something an export holds, as the notes are keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// An entity.
    Entity(EntityRef),
    /// An entity, followed by the positions it holds or that are held on it.
    WithPositions(EntityRef),
    /// The position `position` of the sticking point `point` (indices into the dossier).
    Position { point: usize, position: usize },
}

/// A note or a star on something an export holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Noted {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) note: Option<String>,
    pub(crate) starred: bool,
}

impl Notes {
    /// The notes and stars on `held`, in its order; what has neither is left out.
    pub fn for_export(&self, dossier: &Dossier, index: &Index, held: &[Held]) -> Vec<Noted> {
        let entity = |e: EntityRef| (dossier.id_of(e).to_string(), dossier.name_of(e).to_string());
        held.iter()
            .flat_map(|&held| match held {
                Held::Entity(e) => vec![entity(e)],
                Held::WithPositions(e) => {
                    let mut keys = vec![entity(e)];
                    keys.extend(positions_of(dossier, index, e));
                    keys
                }
                Held::Position { point, position } => {
                    vec![position_named(dossier, index, point, position)]
                }
            })
            .filter_map(|(key, name)| {
                let note = self.note(&key).map(str::to_string);
                let starred = self.is_starred(&key);
                (note.is_some() || starred).then_some(Noted {
                    key,
                    name,
                    note,
                    starred,
                })
            })
            .collect()
    }
}

/// A position's key and its name ("Donald Trump on Ukraine's NATO membership").
pub(super) fn position_named(
    dossier: &Dossier,
    index: &Index,
    point: usize,
    position: usize,
) -> (String, String) {
    let sticking_point = &dossier.sticking_points[point];
    let position = &sticking_point.positions[position];
    let actor = index.actor(&position.actor);
    let actor = actor.map_or(position.actor.as_str(), |a| dossier.actors[a].name.as_str());
    let name = format!("{actor} on {}", sticking_point.title);
    (key_of_position(&sticking_point.id, position), name)
}
