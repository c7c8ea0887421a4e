//! The analyst's notes the detail pane shows for an entity: its own, and those on the
//! positions it holds or that are held on it (`POINT/ACTOR`, `@AS_OF` when dated).

use super::App;
use crate::model::{EntityKind, EntityRef};
use crate::notes::key_of_position;

impl App {
    /// The note of `entity`, then one paragraph a noted position ("On Russia's position:
    /// …"); `None` when there is none.
    pub(crate) fn notes_shown(&self, entity: EntityRef) -> Option<String> {
        let (d, notes) = (&self.loaded.dossier, &self.notes.notes);
        let mut parts: Vec<String> = notes
            .note_of(d, entity)
            .map(str::to_string)
            .into_iter()
            .collect();
        let held: Vec<(usize, usize)> = match entity.kind {
            EntityKind::StickingPoint => (0..d.sticking_points[entity.index].positions.len())
                .map(|p| (entity.index, p))
                .collect(),
            EntityKind::Actor => self.loaded.index.actor_positions[entity.index].clone(),
            _ => Vec::new(),
        };
        for (point, p) in held {
            let sticking_point = &d.sticking_points[point];
            let position = &sticking_point.positions[p];
            let Some(note) = notes.note(&key_of_position(&sticking_point.id, position)) else {
                continue;
            };
            let whose = match entity.kind {
                EntityKind::Actor => format!("the position on {}", sticking_point.title),
                _ => {
                    let actor = self.loaded.index.actor(&position.actor);
                    let name = actor.map_or(position.actor.as_str(), |a| d.actors[a].name.as_str());
                    format!("{name}'s position")
                }
            };
            let since = position
                .as_of
                .as_deref()
                .map(|a| format!(" as of {a}"))
                .unwrap_or_default();
            parts.push(format!("On {whose}{since}:\n{note}"));
        }
        (!parts.is_empty()).then(|| parts.join("\n\n"))
    }
}
