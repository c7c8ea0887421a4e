//! Ids as change text names them: an entity's or a source's name, followed by its id only
//! where two names are alike (in either reading).

use std::collections::HashMap;

use crate::model::{EntityKind, EntityRef, Loaded};

/// The fields whose values (or whose items' `by` and `actor`) are ids of entities or
/// sources.
pub(super) const REFERENCES: [&str; 10] = [
    "participants",
    "place",
    "concerns",
    "places",
    "part_of",
    "represents",
    "sources",
    "source",
    "sticking_points",
    "by",
];

/// Every id of two readings with the name it is shown by.
#[derive(Debug, Default)]
pub(crate) struct Names {
    shown: HashMap<String, String>,
}

impl Names {
    /// The names of everything in `old` and `new`; where an id is in both, the newer name.
    /// Names are alike when they are of the same kind (a change text says the kind, or the
    /// field holds one kind) and differ only in case or surrounding spaces.
    pub(crate) fn of(old: &Loaded, new: &Loaded) -> Names {
        let mut named: HashMap<String, (&'static str, String)> = HashMap::new();
        for loaded in [old, new] {
            let d = &loaded.dossier;
            for kind in EntityKind::LISTED {
                for index in 0..d.count(kind) {
                    let entity = EntityRef { kind, index };
                    let name = d.name_of(entity).to_string();
                    named.insert(d.id_of(entity).to_string(), (kind.slug(), name));
                }
            }
            for source in &d.sources {
                named.insert(source.id.clone(), ("source", source.title.clone()));
            }
        }
        let fold = |kind: &str, name: &str| (kind.to_string(), name.trim().to_lowercase());
        let mut count: HashMap<(String, String), usize> = HashMap::new();
        for (kind, name) in named.values() {
            *count.entry(fold(kind, name)).or_default() += 1;
        }
        let shown = named
            .into_iter()
            .map(|(id, (kind, name))| {
                let text = if count.get(&fold(kind, &name)).is_some_and(|&n| n > 1) {
                    format!("{name} ({id})")
                } else {
                    name
                };
                (id, text)
            })
            .collect();
        Names { shown }
    }

    /// `id`'s name (with the id where another name is alike); the id itself when unknown.
    pub(crate) fn name(&self, id: &str) -> String {
        self.shown
            .get(id)
            .cloned()
            .unwrap_or_else(|| id.to_string())
    }
}
