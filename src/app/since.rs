//! `talks --since OLD`: what changed since an older version of the dossier, marked in the
//! lists (`N` new, `Δ` changed), said field by field in the detail and found by
//! `changed:`. Worked out again on each reload.

use std::sync::Arc;

use super::App;
use crate::changes::{Change, Changes, compare};
use crate::model::{EntityRef, Loaded};
use crate::search::Marked;

/// The older version and what changed since it.
#[derive(Debug, Clone)]
pub(crate) struct Since {
    pub(crate) old: Arc<Loaded>,
    pub(crate) changes: Changes,
    pub(crate) marked: Arc<Marked>,
}

impl App {
    /// Compares the dossier shown with the older version, if there is one, and lets the
    /// search engine's `changed:` know.
    pub(crate) fn compare_since(&mut self) {
        let Some(old) = self.since.as_ref().map(|s| Arc::clone(&s.old)) else {
            return;
        };
        let changes = compare(&old, &self.loaded);
        let marked = Arc::new(changes.marked(&self.loaded));
        self.query.engine().set_changed(Some(Arc::clone(&marked)));
        self.since = Some(Since {
            old,
            changes,
            marked,
        });
    }

    /// What the row of `entity` shows before its name: `N` new, `Δ` changed; `None` without
    /// `--since`.
    pub fn change_marker(&self, entity: EntityRef) -> Option<char> {
        self.since.as_ref().map(|s| s.marked.marker(entity))
    }

    /// How `entity` changed since the older version (`None`: it did not, or no `--since`).
    pub fn change_of(&self, entity: EntityRef) -> Option<&Change> {
        let since = self.since.as_ref()?;
        let id = self.loaded.dossier.id_of(entity);
        since.changes.of(entity.kind, id)
    }

    /// The detail's first section with `--since`: "New since OLD", or "Changed since OLD"
    /// with each field old → new and each stance shift.
    pub(crate) fn change_lines(&self, entity: EntityRef) -> Option<(String, Vec<String>)> {
        // The file's own name: the heading's room is the pane's.
        let full = self.since_name()?;
        let short = full
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(full);
        let name = crate::text::sanitize_line(short).into_owned();
        let shifts = self.stance_shifts_of(entity);
        let mut items: Vec<String> = shifts
            .iter()
            .map(|s| crate::changes::render::shift_line(s))
            .collect();
        match self.change_of(entity) {
            Some(Change::Added) => return Some((format!("New since {name}"), items)),
            Some(Change::Changed(fields)) => {
                items.extend(fields.iter().map(crate::changes::render::field_line));
            }
            _ => {}
        }
        (!items.is_empty()).then(|| (format!("Changed since {name}"), items))
    }

    /// The older version (`--since`).
    pub fn since_loaded(&self) -> Option<&Loaded> {
        self.since.as_ref().map(|s| s.old.as_ref())
    }

    /// The older version's name, as `--since` gave it.
    pub fn since_name(&self) -> Option<&str> {
        self.since.as_ref().map(|s| s.old.name.as_str())
    }

    /// The stance shifts of the sticking point or party `entity`.
    pub fn stance_shifts_of(&self, entity: EntityRef) -> Vec<&crate::changes::StanceShift> {
        let Some(since) = &self.since else {
            return Vec::new();
        };
        let id = self.loaded.dossier.id_of(entity);
        since
            .changes
            .stances
            .iter()
            .filter(|s| s.sticking_point == id || s.actor == id)
            .collect()
    }
}
