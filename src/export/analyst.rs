//! The analyst's notes in an export, only when asked (`--notes`, the prompt's toggle): a
//! section of their own after the dossier's content ("Analyst notes"), or a `notes` key in
//! JSON, never mixed into what the dossier's sources say.

use serde_json::{Value, json};

use super::{Format, Scope};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::notes::{Notes, key_of_position};
use crate::text::sanitize_line;

/// The section's heading in text and Markdown.
pub const HEADING: &str = "Analyst notes";

/// What the section says it is.
const NOT_SOURCED: &str =
    "The analyst's own notes and stars, kept beside the dossier: not from its sources.";

/// A note or star on something the export holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub key: String,
    pub name: String,
    pub note: Option<String>,
    pub starred: bool,
}

/// Each of `entities`, followed by its positions' keys.
fn with_positions(loaded: &Loaded, entities: &[EntityRef]) -> Vec<(String, String)> {
    let d = &loaded.dossier;
    entities
        .iter()
        .flat_map(|&e| {
            let own = (d.id_of(e).to_string(), d.name_of(e).to_string());
            std::iter::once(own).chain(crate::notes::positions_of(d, &loaded.index, e))
        })
        .collect()
}

/// The entities and positions `scope` holds, in its order.
fn keys_in(loaded: &Loaded, scope: &Scope) -> Vec<(String, String)> {
    let d = &loaded.dossier;
    let entity = |e: EntityRef| (d.id_of(e).to_string(), d.name_of(e).to_string());
    let all = |kind| (0..d.count(kind)).map(move |i| EntityRef::new(kind, i));
    match scope {
        Scope::Briefing => {
            let mut keys: Vec<_> = EntityKind::ALL
                .into_iter()
                .flat_map(all)
                .map(entity)
                .collect();
            for point in &d.sticking_points {
                for position in &point.positions {
                    let actor = loaded.index.actor(&position.actor);
                    let actor = actor.map_or(position.actor.as_str(), |a| &d.actors[a].name);
                    let name = format!("{actor} on {}", point.title);
                    keys.push((key_of_position(&point.id, position), name));
                }
            }
            keys
        }
        // Each entity, then the positions it holds or that are held on it.
        Scope::View(view) => with_positions(loaded, &view.entries),
        Scope::Marked(entities) => with_positions(loaded, entities),
        Scope::Timeline { timeline, .. } => timeline
            .rows
            .iter()
            .map(|row| entity(EntityRef::new(EntityKind::Event, row.event)))
            .collect(),
        Scope::Matrix { matrix, .. } => {
            let mut keys: Vec<_> = matrix
                .rows
                .iter()
                .map(|&a| entity(EntityRef::new(EntityKind::Actor, a)))
                .collect();
            keys.extend(
                matrix
                    .columns
                    .iter()
                    .map(|&p| entity(EntityRef::new(EntityKind::StickingPoint, p))),
            );
            for (actor, cell) in matrix.positions() {
                let (actor, point) = (&d.actors[actor], &d.sticking_points[cell.sticking_point]);
                let name = format!("{} on {}", actor.name, point.title);
                keys.push((key_of_position(&point.id, cell.position(d)), name));
            }
            keys
        }
        Scope::Sources { .. } => Vec::new(),
    }
}

/// The notes and stars on what `scope` holds.
pub fn items(loaded: &Loaded, scope: &Scope, notes: &Notes) -> Vec<Item> {
    keys_in(loaded, scope)
        .into_iter()
        .filter_map(|(key, name)| {
            let note = notes.note(&key).map(str::to_string);
            let starred = notes.is_starred(&key);
            (note.is_some() || starred).then_some(Item {
                key,
                name,
                note,
                starred,
            })
        })
        .collect()
}

/// `rendered` (an export in `format`) with the notes on what it holds added; unchanged
/// when there are none.
pub fn append(rendered: String, format: Format, items: &[Item], width: usize) -> String {
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
    }
}

fn title(item: &Item) -> String {
    let star = if item.starred { "★ " } else { "" };
    format!(
        "{star}{} ({})",
        sanitize_line(&item.name),
        sanitize_line(&item.key)
    )
}

fn text(items: &[Item], width: usize) -> String {
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

fn markdown(items: &[Item]) -> String {
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

fn json_items(items: &[Item]) -> Value {
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
