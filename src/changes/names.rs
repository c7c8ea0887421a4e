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
    pub(crate) fn of(old: &Loaded, new: &Loaded) -> Names {
        let mut named: HashMap<String, String> = HashMap::new();
        for loaded in [old, new] {
            let d = &loaded.dossier;
            for kind in EntityKind::ALL {
                for index in 0..d.count(kind) {
                    let entity = EntityRef { kind, index };
                    named.insert(d.id_of(entity).to_string(), d.name_of(entity).to_string());
                }
            }
            for source in &d.sources {
                named.insert(source.id.clone(), source.title.clone());
            }
        }
        let fold = |name: &str| name.trim().to_lowercase();
        let mut count: HashMap<String, usize> = HashMap::new();
        for name in named.values() {
            *count.entry(fold(name)).or_default() += 1;
        }
        let shown = named
            .into_iter()
            .map(|(id, name)| {
                let text = if count.get(&fold(&name)).is_some_and(|&n| n > 1) {
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
