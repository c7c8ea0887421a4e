//! Marks: entities the user picked out for this session (Space, `A`, `U`), for copying
//! and exporting a set. Kept by entity, so they survive searches; a reload keeps those
//! whose ids are still there. Not saved: stars (a later issue) are.

use std::collections::BTreeSet;

use super::{App, Focus, Page};
use crate::model::{Dossier, EntityKind, EntityRef, Index};

/// The marked entities, in kind then dossier order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    set: BTreeSet<EntityRef>,
    counts: [usize; EntityKind::COUNT],
}

impl Marks {
    pub fn contains(&self, entity: EntityRef) -> bool {
        self.set.contains(&entity)
    }

    /// How many of `kind` are marked.
    pub fn count(&self, kind: EntityKind) -> usize {
        self.counts[kind.slot()]
    }

    pub fn len(&self) -> usize {
        self.set.len()
    }

    pub fn is_empty(&self) -> bool {
        self.set.is_empty()
    }

    /// Every marked entity: actors first, each kind in dossier order.
    pub fn iter(&self) -> impl Iterator<Item = EntityRef> + '_ {
        self.set.iter().copied()
    }

    /// Marks `entity`, or unmarks it; `true` when it is marked now.
    fn toggle(&mut self, entity: EntityRef) -> bool {
        if self.set.remove(&entity) {
            self.counts[entity.kind.slot()] -= 1;
            false
        } else {
            self.insert(entity);
            true
        }
    }

    fn insert(&mut self, entity: EntityRef) -> bool {
        let new = self.set.insert(entity);
        if new {
            self.counts[entity.kind.slot()] += 1;
        }
        new
    }

    /// The same marks in a reloaded dossier: by id, dropping the ids that are gone.
    pub(crate) fn remap(&mut self, old: &Dossier, index: &Index) {
        let marked = std::mem::take(self);
        for entity in marked.set {
            let moved = index
                .get(old.id_of(entity))
                .filter(|e| e.kind == entity.kind);
            if let Some(moved) = moved {
                self.insert(moved);
            }
        }
    }
}

/// Where marks cannot be made.
const NOTHING_TO_MARK: &str =
    "Marks work in the lists, the detail, the timeline and the sources page";

impl App {
    pub fn marks(&self) -> &Marks {
        &self.marks
    }

    /// What Space marks: the timeline's event, the selected entry of a list, the entity
    /// the detail shows, the source selected on the sources page.
    fn mark_target(&self) -> Option<EntityRef> {
        match (self.page, self.focus) {
            (Page::Timeline, _) => {
                let rows = &self.pages.timeline.rows;
                let row = rows.get(self.pages.timeline_rows.selected)?;
                Some(EntityRef::new(EntityKind::Event, row.event))
            }
            (Page::Browse, Focus::List(kind)) => self.selected(kind),
            (Page::Browse, Focus::Detail) => self.shown(),
            (Page::Sources, _) => self.selected_source_entity(),
            _ => None,
        }
    }

    /// Space: marks or unmarks what the cursor is on.
    pub(crate) fn toggle_mark(&mut self) {
        let Some(entity) = self.mark_target() else {
            self.status = Some(match self.page {
                Page::Browse | Page::Timeline => "Nothing to mark: the list is empty".into(),
                _ => NOTHING_TO_MARK.into(),
            });
            return;
        };
        let marked = self.marks.toggle(entity);
        let name = crate::text::sanitize_line(self.loaded.dossier.name_of(entity));
        let verb = if marked { "Marked" } else { "Unmarked" };
        self.status = Some(format!("{verb} “{name}” ({} marked)", self.marks.len()));
    }

    /// `A`: marks every entry of the focused list as the query filters it (every event of
    /// the timeline on the timeline).
    pub(crate) fn mark_all(&mut self) {
        let entities: Vec<EntityRef> = match self.page {
            Page::Timeline => self
                .pages
                .timeline
                .rows
                .iter()
                .map(|row| EntityRef::new(EntityKind::Event, row.event))
                .collect(),
            Page::Browse => {
                let kind = self.last_list;
                let hits = self.results().unranked(kind);
                hits.iter()
                    .map(|hit| EntityRef::new(kind, hit.index))
                    .collect()
            }
            _ => {
                self.status = Some(NOTHING_TO_MARK.into());
                return;
            }
        };
        let added = entities.iter().filter(|&&e| self.marks.insert(e)).count();
        let listed = entities.len();
        self.status = Some(format!(
            "Marked {added} more of the {listed} listed ({} marked)",
            self.marks.len()
        ));
    }

    /// `U`: clears every mark.
    pub(crate) fn clear_marks(&mut self) {
        let cleared = self.marks.len();
        self.marks = Marks::default();
        self.status = Some(match cleared {
            0 => "No marks to clear".into(),
            1 => "Cleared 1 mark".into(),
            n => format!("Cleared {n} marks"),
        });
    }
}
