//! Where each claim comes from: for a source, everything that cites it.

use crate::model::{Citation, Dossier, EntityKind, EntityRef, Index};
use crate::text::capitalised;

/// One thing that cites a source, described for a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citing {
    /// The entity to open (for a position, its sticking point; for a quote, its event).
    pub entity: EntityRef,
    /// "Event: Witkoff–Putin talks in Moscow", "Position of Russia on Territory in Donbas".
    pub label: String,
}

/// Everything that cites source `source`, in dossier order.
pub fn citations(dossier: &Dossier, index: &Index, source: usize) -> Vec<Citing> {
    index.source_citations[source]
        .iter()
        .map(|citation| match *citation {
            Citation::Entity(entity) => Citing {
                entity,
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
                    label: format!("Quote “{}” in {}", quote.text, dossier.events[event].title),
                }
            }
        })
        .collect()
}
