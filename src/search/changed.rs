//! What `changed:` filters by: the entities a diff against an older reading marks
//! (`changes::Changes::marked` makes them), kept here so that the engine can see them.

use std::collections::HashSet;

use crate::model::EntityRef;

/// The entities of the newer reading that a diff marks: new ones, changed ones, and the
/// parties and sticking points of a stance shift (what `changed:` filters by).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marked {
    pub(crate) new: HashSet<EntityRef>,
    pub(crate) changed: HashSet<EntityRef>,
    pub(crate) stance: HashSet<EntityRef>,
}

/// What `changed:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangedWhat {
    New,
    Changed,
    Stance,
    Any,
}

impl ChangedWhat {
    pub const VALUES: &'static [&'static str] = &["new", "changed", "stance", "any"];

    pub fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "new" => Self::New,
            "changed" => Self::Changed,
            "stance" => Self::Stance,
            "any" => Self::Any,
            _ => return None,
        })
    }
}

impl Marked {
    pub fn has(&self, what: ChangedWhat, entity: EntityRef) -> bool {
        match what {
            ChangedWhat::New => self.new.contains(&entity),
            ChangedWhat::Changed => self.changed.contains(&entity),
            ChangedWhat::Stance => self.stance.contains(&entity),
            ChangedWhat::Any => [&self.new, &self.changed, &self.stance]
                .iter()
                .any(|set| set.contains(&entity)),
        }
    }

    /// The marker of a list row: `N` new, `Δ` changed or its stance moved, else a space.
    pub fn marker(&self, entity: EntityRef) -> char {
        if self.new.contains(&entity) {
            'N'
        } else if self.has(ChangedWhat::Any, entity) {
            'Δ'
        } else {
            ' '
        }
    }
}

/// What `changed:` says when there is no older version to compare with (`how`: how to give
/// one, in the explorer or on the command line): a message, never an empty list.
pub fn no_comparison(how: &str) -> String {
    format!("changed: has nothing to compare with: {how}")
}
