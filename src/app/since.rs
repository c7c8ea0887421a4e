//! `talks --since OLD`: what changed since an older version of the dossier, marked in the
//! lists (`N` new, `Δ` changed), said field by field in the detail and found by
//! `changed:`. Worked out again on each reload.

use std::collections::HashMap;
use std::sync::Arc;

use super::App;
use crate::changes::{Change, Changes, compare};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::search::Marked;

/// The older version and what changed since it.
#[derive(Debug, Clone)]
pub(crate) struct Since {
    pub(crate) old: Arc<Loaded>,
    pub(crate) changes: Changes,
    pub(crate) marked: Arc<Marked>,
    /// The matrix's cells that moved, by (sticking point, party) of the dossier shown:
    /// `N` a new position (the party held none there), `Δ` its stance moved.
    pub(crate) cells: HashMap<(usize, usize), char>,
    /// What changed, counted as the header says it ("2 new events"), only the kinds there
    /// are: worked out once per comparison, not on every frame.
    pub(crate) counted: Vec<(usize, String)>,
    /// Some event is new, changed or removed (the timeline's title says so each frame).
    pub(crate) events_changed: bool,
}

impl App {
    /// Compares the dossier shown with the older version, if there is one, and lets the
    /// search engine's `changed:` know.
    pub(crate) fn compare_since(&mut self) {
        if let Some(old) = self.since.as_ref().map(|s| Arc::clone(&s.old)) {
            self.compare_with(old);
        }
    }

    /// Compares the dossier shown with `old` from now on (`--since`, or a new snapshot).
    pub(crate) fn compare_with(&mut self, old: Arc<Loaded>) {
        let changes = compare(&old, &self.loaded);
        let marked = Arc::new(changes.marked(&self.loaded));
        self.query.engine().set_changed(Some(Arc::clone(&marked)));
        let cells = moved_cells(&changes, &self.loaded);
        let counted = super::seen::counted_changes(&changes);
        let event = crate::model::EntityKind::Event.slug();
        let events_changed = changes.entities.iter().any(|c| c.kind == event);
        self.since = Some(Since {
            old,
            changes,
            marked,
            cells,
            counted,
            events_changed,
        });
        self.pages.comparing = true;
    }

    /// The marker of a matrix cell (sticking point, party) on the latest positions: `N` a
    /// new position since the comparison, `Δ` a stance that moved; `None` on the matrix as
    /// of a date or of the comparison.
    pub fn cell_change(&self, sticking_point: usize, actor: usize) -> Option<char> {
        let since = self
            .since
            .as_ref()
            .filter(|_| self.matrix_marks_changes())?;
        since.cells.get(&(sticking_point, actor)).copied()
    }

    /// Whether the matrix marks what moved since the comparison: there is one, and the
    /// matrix shows the latest positions.
    pub fn matrix_marks_changes(&self) -> bool {
        let p = &self.pages;
        self.since.is_some() && p.matrix.as_of.is_none() && !p.matrix_compared
    }

    /// What the matrix and the timeline say they mark, by whether anything is marked:
    /// "N/Δ since NAME", or "no change since NAME" when nothing would be.
    pub(crate) fn marks_since(&self, marked: bool) -> Option<String> {
        let name = self.since_short_name()?;
        Some(if marked {
            format!("N/Δ since {name}")
        } else {
            format!("no change since {name}")
        })
    }

    /// Whether the comparison found any matrix cell that moved.
    pub(crate) fn any_cell_moved(&self) -> bool {
        self.since.as_ref().is_some_and(|s| !s.cells.is_empty())
    }

    /// Whether the comparison found any event new or changed.
    pub(crate) fn any_event_changed(&self) -> bool {
        self.since.as_ref().is_some_and(|s| s.events_changed)
    }

    /// The older version's file name (not its path: the room is a pane's or a legend's).
    pub(crate) fn since_short_name(&self) -> Option<String> {
        let full = self.since_name()?;
        // The snapshot is said as the header says it: "your last look (today at 09:14)".
        if let super::Looking::Snapshot(taken) = &self.seen.looking {
            let when = taken.when(self.seen.opened);
            return Some(format!(
                "your last look ({})",
                when.trim_start_matches("on ")
            ));
        }
        let short = full
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(full);
        Some(crate::text::sanitize_line(short).into_owned())
    }

    /// What the row of `entity` shows before its name: `N` new, `Δ` changed, a space for
    /// neither; `None` (no column for it) without a comparison or when nothing changed.
    pub fn change_marker(&self, entity: EntityRef) -> Option<char> {
        let since = self.since.as_ref().filter(|s| !s.changes.is_empty())?;
        Some(since.marked.marker(entity))
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
        let name = self.since_short_name()?;
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

/// Each stance shift that leaves a position now, by (sticking point, party) of `new`.
fn moved_cells(changes: &Changes, new: &Loaded) -> HashMap<(usize, usize), char> {
    let of = |id: &str, kind: EntityKind| new.index.get(id).filter(|e| e.kind == kind);
    changes
        .stances
        .iter()
        .filter(|shift| shift.after.is_some())
        .filter_map(|shift| {
            let point = of(&shift.sticking_point, EntityKind::StickingPoint)?;
            let actor = of(&shift.actor, EntityKind::Actor)?;
            let marker = if shift.before.is_none() { 'N' } else { 'Δ' };
            Some(((point.index, actor.index), marker))
        })
        .collect()
}
