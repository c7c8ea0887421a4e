//! A list or a page as one table, the cells CSV and TSV write: a header row, then a row
//! per entry (per position on the matrix), every cell one line of sanitised text, and with
//! a comparison a `change` column last.

use crate::changes::{Change, Changes};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;
use crate::views::{SourceList, StanceMatrix, Timeline};

use super::Scope;

/// What goes between the values of one cell that holds a list.
const LIST_SEPARATOR: &str = "; ";

/// A header and rows of cells of the same length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Table {
    pub(super) header: Vec<&'static str>,
    pub(super) rows: Vec<Vec<String>>,
}

/// How each row changed since the older version, when there is one.
struct Since<'a> {
    changes: Option<&'a Changes>,
}

impl Since<'_> {
    /// "new", "changed" or nothing, for the entity (`kind`: its slug, or `source`) `id`.
    fn of(&self, kind: &str, id: &str) -> String {
        let Some(changes) = self.changes else {
            return String::new();
        };
        let change = changes
            .entities
            .iter()
            .find(|e| e.kind == kind && e.id == id);
        match change.map(|e| &e.change) {
            Some(Change::Added) => "new".into(),
            Some(Change::Changed(_)) => "changed".into(),
            Some(Change::Removed) | None => String::new(),
        }
    }

    /// "new" or "moved from STANCE" for a party's stance on a sticking point.
    fn of_stance(&self, point: &str, actor: &str) -> String {
        let Some(changes) = self.changes else {
            return String::new();
        };
        let shift = changes
            .stances
            .iter()
            .find(|s| s.sticking_point == point && s.actor == actor);
        match shift.map(|s| &s.before) {
            None => String::new(),
            Some(None) => "new".into(),
            Some(Some(held)) if held.inferred => format!("moved from {} (inferred)", held.stance),
            Some(Some(held)) => format!("moved from {}", held.stance),
        }
    }
}

/// `scope` as a table (`None`: the brief or entities in full, which are none); `changes`:
/// what changed since the older version, for a `change` column.
pub(super) fn table(loaded: &Loaded, scope: &Scope, changes: Option<&Changes>) -> Option<Table> {
    let since = Since { changes };
    let mut table = match scope {
        Scope::Briefing | Scope::Marked(_) | Scope::Detail(_) => return None,
        Scope::View(view) => list(loaded, &view.entries, &since),
        Scope::Found { entries, .. } => found(loaded, entries, &since),
        Scope::Matrix { matrix, .. } => matrix_table(loaded, matrix, &since),
        Scope::Timeline { timeline, .. } => timeline_table(loaded, timeline, &since),
        Scope::Sources { sources, .. } => sources_table(loaded, sources, &since),
    };
    if changes.is_none() {
        // The change column is there only with a comparison.
        table.header.pop();
        for row in &mut table.rows {
            row.pop();
        }
    }
    for row in &mut table.rows {
        for cell in row.iter_mut() {
            *cell = sanitize_line(cell.trim()).into_owned();
        }
    }
    Some(table)
}

/// A list: one row per entry, in its ranked order.
fn list(loaded: &Loaded, entries: &[EntityRef], since: &Since) -> Table {
    let d = &loaded.dossier;
    let rows = entries.iter().map(|&entity| {
        let id = d.id_of(entity);
        vec![
            id.to_string(),
            d.name_of(entity).to_string(),
            d.fact_of(entity),
            d.summary_of(entity).unwrap_or_default().to_string(),
            since.of(entity.kind.slug(), id),
        ]
    });
    Table {
        header: vec!["id", "name", "facts", "summary", "change"],
        rows: rows.collect(),
    }
}

/// What a search found: a list's columns after the kind of each hit, best first.
fn found(loaded: &Loaded, entries: &[EntityRef], since: &Since) -> Table {
    let mut table = list(loaded, entries, since);
    table.header.insert(0, "kind");
    for (row, entity) in table.rows.iter_mut().zip(entries) {
        row.insert(0, entity.kind.slug().to_string());
    }
    table
}

/// The matrix: one row per party and sticking point where the party holds a position.
fn matrix_table(loaded: &Loaded, matrix: &StanceMatrix, since: &Since) -> Table {
    let d = &loaded.dossier;
    let rows = matrix.positions().map(|(actor, cell)| {
        let position = cell.position(d);
        let party = d.id_of(EntityRef::new(EntityKind::Actor, actor));
        let point = &d.sticking_points[cell.sticking_point];
        vec![
            party.to_string(),
            d.actors[actor].name.clone(),
            point.id.clone(),
            point.title.clone(),
            position.stance.as_str().to_string(),
            position.basis.as_str().to_string(),
            position.as_of.clone().unwrap_or_default(),
            position.all_sources().join(" "),
            position.summary.clone(),
            since.of_stance(&point.id, party),
        ]
    });
    Table {
        header: vec![
            "party_id",
            "party",
            "sticking_point_id",
            "sticking_point",
            "stance",
            "basis",
            "as_of",
            "sources",
            "summary",
            "change",
        ],
        rows: rows.collect(),
    }
}

/// The timeline: one row per event, in order.
fn timeline_table(loaded: &Loaded, timeline: &Timeline, since: &Since) -> Table {
    let d = &loaded.dossier;
    let rows = timeline.rows.iter().map(|row| {
        let event = &d.events[row.event];
        vec![
            event.order.to_string(),
            event.date.clone().unwrap_or_default(),
            event.status.as_str().to_string(),
            event.id.clone(),
            event.title.clone(),
            row.places().unwrap_or_default(),
            row.participants.join(LIST_SEPARATOR),
            event.summary.clone().unwrap_or_default(),
            event.sources.join(LIST_SEPARATOR),
            since.of(EntityKind::Event.slug(), &event.id),
        ]
    });
    Table {
        header: vec![
            "order",
            "date",
            "status",
            "event_id",
            "event",
            "places",
            "participants",
            "summary",
            "sources",
            "change",
        ],
        rows: rows.collect(),
    }
}

/// The sources: one row per source, numbered as the page numbers them, with what cites it.
fn sources_table(loaded: &Loaded, list: &SourceList, since: &Since) -> Table {
    let d = &loaded.dossier;
    let rows = list.rows.iter().enumerate().map(|(n, row)| {
        let source = &d.sources[row.source];
        let citing: Vec<&str> = row.citing.iter().map(|c| c.label.as_str()).collect();
        vec![
            (n + 1).to_string(),
            source.id.clone(),
            source.title.clone(),
            source.kind.clone(),
            source.publisher.clone().unwrap_or_default(),
            source.published.clone().unwrap_or_default(),
            source.url.clone().unwrap_or_default(),
            citing.join(LIST_SEPARATOR),
            since.of("source", &source.id),
        ]
    });
    Table {
        header: vec![
            "number",
            "source_id",
            "title",
            "kind",
            "publisher",
            "published",
            "url",
            "cited_by",
            "change",
        ],
        rows: rows.collect(),
    }
}
