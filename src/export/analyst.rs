//! The analyst's notes in an export, only when asked (`--notes`, the prompt's toggle): a
//! section of their own after the dossier's content ("Analyst notes"), or a `notes` key in
//! JSON, never mixed into what the dossier's sources say.

use serde_json::{Value, json};

use super::{Format, Scope};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::notes::{Held, Noted, Notes};
use crate::text::sanitize_line;

/// The section's heading in text and Markdown.
pub const HEADING: &str = super::describe::NOTES_HEADING;

use super::describe::{NOT_SOURCED, noted_title as title};

/// Each of `entities`, followed by its positions.
fn with_positions(entities: &[EntityRef]) -> Vec<Held> {
    entities.iter().map(|&e| Held::WithPositions(e)).collect()
}

/// The entities and positions `scope` holds, in its order.
fn held_in(loaded: &Loaded, scope: &Scope) -> Vec<Held> {
    let d = &loaded.dossier;
    let entity = |kind, i| Held::Entity(EntityRef::new(kind, i));
    match scope {
        Scope::Briefing => {
            let entities = EntityKind::LISTED
                .into_iter()
                .flat_map(|kind| (0..d.count(kind)).map(move |i| entity(kind, i)));
            let positions = d.sticking_points.iter().enumerate().flat_map(|(point, p)| {
                (0..p.positions.len()).map(move |position| Held::Position { point, position })
            });
            entities.chain(positions).collect()
        }
        // Each entity, then the positions it holds or that are held on it.
        Scope::View(view) => with_positions(&view.entries),
        Scope::Marked(entities)
        | Scope::Found {
            entries: entities, ..
        } => with_positions(entities),
        Scope::Detail(entity) => with_positions(&[*entity]),
        Scope::Timeline { timeline, .. } => timeline
            .rows
            .iter()
            .map(|row| entity(EntityKind::Event, row.event))
            .collect(),
        Scope::Matrix { matrix, .. } => {
            let rows = matrix.rows.iter().map(|&a| entity(EntityKind::Actor, a));
            let columns = (matrix.columns.iter()).map(|&p| entity(EntityKind::StickingPoint, p));
            let positions = matrix.positions().map(|(_, cell)| Held::Position {
                point: cell.sticking_point,
                position: cell.position,
            });
            rows.chain(columns).chain(positions).collect()
        }
        Scope::Sources { .. } => Vec::new(),
    }
}

/// The notes and stars on what `scope` holds, asked of the notes in one call.
pub fn items(loaded: &Loaded, scope: &Scope, notes: &Notes) -> Vec<Noted> {
    notes.for_export(&loaded.dossier, &loaded.index, &held_in(loaded, scope))
}

/// `rendered` (an export in `format`) with the notes on what it holds added; unchanged
/// when there are none.
pub fn append(rendered: String, format: Format, items: &[Noted], width: usize) -> String {
    if items.is_empty() {
        return rendered;
    }
    match format {
        Format::Text => rendered + &text(items, width),
        Format::Markdown => rendered + &markdown(items),
        Format::Json => match serde_json::from_str::<Value>(&rendered) {
            Ok(Value::Object(mut out)) => {
                out.insert("notes".into(), json_items(items));
                let mut text = crate::text::json_pretty(&Value::Object(out));
                text.push('\n');
                text
            }
            _ => rendered,
        },
        // HTML places its notes itself; CSV and TSV refuse them.
        Format::Csv | Format::Tsv | Format::Html => rendered,
    }
}

fn text(items: &[Noted], width: usize) -> String {
    let mut out = format!("\n{}", super::text::underline(HEADING, '='));
    let mut line = |text: &str, indent: &str| {
        out.push_str(&super::text::wrap(text, width, indent));
        out.push('\n');
    };
    line(NOT_SOURCED, "");
    for item in items {
        line("", "");
        line(&title(item), "");
        for text in item.note.iter().flat_map(|n| n.lines()) {
            line(text, "  ");
        }
    }
    out
}

fn markdown(items: &[Noted]) -> String {
    let escape = super::markdown::escape_paragraph;
    let mut out = format!("\n## {HEADING}\n\n*{}*\n", escape(NOT_SOURCED));
    for item in items {
        let star = if item.starred { "★ " } else { "" };
        out.push_str(&format!(
            "\n### {star}{} (`{}`)\n",
            super::markdown::escape(&item.name),
            sanitize_line(&item.key).replace('`', "'")
        ));
        if let Some(note) = &item.note {
            out.push('\n');
            for line in note.lines() {
                out.push_str(&format!("> {}  \n", escape(line)));
            }
        }
    }
    out
}

fn json_items(items: &[Noted]) -> Value {
    Value::Array(
        items
            .iter()
            .map(|item| {
                json!({
                    "key": item.key,
                    "name": item.name,
                    "note": item.note,
                    "starred": item.starred,
                })
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::{Query, SearchEngine};
    use crate::views::StanceMatrix;

    /// A matrix's positions are named by the party of their row, as before the notes were
    /// asked in one call; a star on a column's point comes before them.
    #[test]
    fn a_matrix_export_lists_its_points_then_its_positions() {
        let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&loaded.dossier, &loaded.index).search(&Query::default());
        let matrix = StanceMatrix::build(&loaded.index, &results);
        let (actor, cell) = matrix
            .positions()
            .next()
            .unwrap_or_else(|| panic!("no cell"));
        let d = &loaded.dossier;
        let point = &d.sticking_points[cell.sticking_point];
        let key = crate::notes::key_of_position(&point.id, cell.position(d));
        let mut notes = Notes::new();
        notes.set_note(&key, "watch");
        notes.toggle_star(&point.id);
        let scope = Scope::Matrix {
            query: String::new(),
            matrix,
        };
        let items = items(&loaded, &scope, &notes);
        let names: Vec<&str> = items.iter().map(|item| item.name.as_str()).collect();
        let on = format!("{} on {}", d.actors[actor].name, point.title);
        assert_eq!(names, [point.title.as_str(), on.as_str()]);
        assert_eq!(items[1].key, key);
    }
}
