//! The stance matrix and the timeline as text (aligned tables), Markdown tables and JSON
//! records.

use serde_json::{Value, json};

use super::Format;
use super::markdown::escape;
use crate::model::Loaded;
use crate::text::sanitize_line;
use crate::views::{StanceMatrix, Timeline};

/// The labelled lines after the dossier in a page export's header.
fn heading(what: &str, query: &str) -> Vec<(&'static str, String)> {
    let mut fields = vec![("View", what.to_string())];
    if !query.is_empty() {
        fields.push(("Query", query.to_string()));
    }
    fields
}

fn text_heading(loaded: &Loaded, exported_at: Option<&str>, fields: &[(&str, String)]) -> String {
    let mut out = super::text::header(loaded, exported_at, fields);
    out.push('\n');
    out
}

/// The JSON header shared with the other exports, and the page shown.
fn json_heading(
    loaded: &Loaded,
    exported_at: Option<&str>,
    page: &str,
    query: &str,
) -> serde_json::Map<String, Value> {
    let mut out = super::json::header(loaded, exported_at);
    out.insert("view".into(), json!({ "page": page, "query": query }));
    out
}

/// One position of the matrix, flattened.
struct Record {
    actor: usize,
    point: usize,
    position: usize,
}

fn records(matrix: &StanceMatrix) -> Vec<Record> {
    let mut out = Vec::new();
    for (r, &actor) in matrix.rows.iter().enumerate() {
        for (c, &point) in matrix.columns.iter().enumerate() {
            if let Some(cell) = matrix.cell(r, c) {
                out.push(Record {
                    actor,
                    point,
                    position: cell.position,
                });
            }
        }
    }
    out
}

fn short(stance: &str) -> &str {
    stance.get(..3).unwrap_or(stance)
}

pub fn matrix(
    loaded: &Loaded,
    query: &str,
    m: &StanceMatrix,
    exported_at: Option<&str>,
    format: Format,
) -> String {
    let d = &loaded.dossier;
    let what = format!(
        "stance matrix, {} parties × {} sticking points",
        m.rows.len(),
        m.columns.len()
    );
    let fields = heading(&what, query);
    let position = |r: &Record| &d.sticking_points[r.point].positions[r.position];
    let cited = |r: &Record| {
        position(r)
            .source
            .as_deref()
            .and_then(|id| loaded.index.source(id))
            .map_or_else(
                || " (cites no source)".to_string(),
                |s| format!(" (source: {})", d.sources[s].title),
            )
    };
    match format {
        Format::Json => {
            let records: Vec<Value> = records(m)
                .iter()
                .map(|r| {
                    let p = position(r);
                    json!({
                        "actor": d.actors[r.actor].id, "actor_name": d.actors[r.actor].name,
                        "sticking_point": d.sticking_points[r.point].id,
                        "sticking_point_title": d.sticking_points[r.point].title,
                        "stance": p.stance, "summary": p.summary, "source": p.source,
                    })
                })
                .collect();
            let mut out = json_heading(loaded, exported_at, "matrix", query);
            let rows: Vec<&String> = m.rows.iter().map(|&a| &d.actors[a].id).collect();
            let columns: Vec<&String> = m
                .columns
                .iter()
                .map(|&p| &d.sticking_points[p].id)
                .collect();
            out.insert("rows".into(), json!(rows));
            out.insert("columns".into(), json!(columns));
            out.insert("positions".into(), Value::Array(records));
            super::json::pretty(Value::Object(out))
        }
        Format::Markdown => {
            let mut out = super::markdown::header(loaded, exported_at, &fields);
            out.push_str("| Party |");
            for &p in &m.columns {
                out.push_str(&format!(" {} |", escape(&d.sticking_points[p].title)));
            }
            out.push_str(&format!("\n|---|{}\n", "---|".repeat(m.columns.len())));
            for (r, &actor) in m.rows.iter().enumerate() {
                out.push_str(&format!("| {} |", escape(&d.actors[actor].name)));
                for c in 0..m.columns.len() {
                    let cell = m
                        .cell(r, c)
                        .map_or("·".to_string(), |cell| cell.position(d).stance.to_string());
                    out.push_str(&format!(" {cell} |"));
                }
                out.push('\n');
            }
            out.push_str("\n## Positions\n\n");
            for r in records(m) {
                let p = position(&r);
                out.push_str(&format!(
                    "- **{}** *{}* on **{}**: {}{}\n",
                    escape(&d.actors[r.actor].name),
                    p.stance,
                    escape(&d.sticking_points[r.point].title),
                    escape(p.summary.trim()),
                    escape(&cited(&r))
                ));
            }
            out
        }
        Format::Text => {
            let mut out = text_heading(loaded, exported_at, &fields);
            out.push_str("Sticking points\n");
            for (n, &p) in m.columns.iter().enumerate() {
                out.push_str(&format!(
                    "  [{}] {}\n",
                    n + 1,
                    sanitize_line(&d.sticking_points[p].title)
                ));
            }
            let names: Vec<String> = m
                .rows
                .iter()
                .map(|&a| sanitize_line(&d.actors[a].name).into_owned())
                .collect();
            let width = names
                .iter()
                .map(|n| unicode_width::UnicodeWidthStr::width(n.as_str()))
                .max()
                .unwrap_or(5)
                .max(5);
            out.push_str(&format!("\n{}", " ".repeat(width)));
            for n in 0..m.columns.len() {
                out.push_str(&format!("  {:>3}", format!("[{}]", n + 1)));
            }
            out.push('\n');
            for (r, name) in names.iter().enumerate() {
                let pad = width - unicode_width::UnicodeWidthStr::width(name.as_str());
                out.push_str(&format!("{name}{}", " ".repeat(pad)));
                for c in 0..m.columns.len() {
                    let cell = m.cell(r, c).map_or("·".to_string(), |cell| {
                        short(cell.position(d).stance.as_str()).to_string()
                    });
                    out.push_str(&format!("  {cell:>3}"));
                }
                out.push('\n');
            }
            out.push_str("\ndem demands · sup supports · opp opposes · con conditional · unc unclear · · none\n\nPositions\n");
            for r in records(m) {
                let p = position(&r);
                let line = format!(
                    "{} {} on {}: {}{}",
                    d.actors[r.actor].name,
                    p.stance,
                    d.sticking_points[r.point].title,
                    p.summary.trim(),
                    cited(&r)
                );
                out.push_str(&super::text::wrap_hanging_text(&line, 80, "  ", "    "));
                out.push('\n');
            }
            out
        }
    }
}

pub fn timeline(
    loaded: &Loaded,
    query: &str,
    t: &Timeline,
    exported_at: Option<&str>,
    format: Format,
) -> String {
    let d = &loaded.dossier;
    let fields = heading(&format!("timeline, {} events", t.rows.len()), query);
    match format {
        Format::Json => {
            let events: Vec<Value> = t
                .rows
                .iter()
                .map(|row| {
                    let e = &d.events[row.event];
                    json!({
                        "order": e.order, "date": e.date, "status": e.status, "id": e.id, "title": e.title,
                        "place": e.place, "participants": e.participants,
                    })
                })
                .collect();
            let mut out = json_heading(loaded, exported_at, "timeline", query);
            out.insert("events".into(), Value::Array(events));
            super::json::pretty(Value::Object(out))
        }
        Format::Markdown => {
            let mut out = super::markdown::header(loaded, exported_at, &fields);
            out.push_str(
                "| When | Status | Event | Place | Participants |\n|---|---|---|---|---|\n",
            );
            for row in &t.rows {
                let e = &d.events[row.event];
                out.push_str(&format!(
                    "| {} | {} | {} | {} | {} |\n",
                    escape(&row.when),
                    e.status,
                    escape(&e.title),
                    escape(row.place.as_deref().unwrap_or("")),
                    escape(&row.participants.join(", "))
                ));
            }
            out
        }
        Format::Text => {
            let mut out = text_heading(loaded, exported_at, &fields);
            let width = t.when_width();
            for row in &t.rows {
                let e = &d.events[row.event];
                let line = format!("{:width$}  {:9} {}", row.when, e.status.as_str(), e.title);
                out.push_str(&super::text::wrap_hanging_text(
                    &line,
                    80,
                    "",
                    &" ".repeat(width + 12),
                ));
                out.push('\n');
                let mut facts: Vec<String> = row.place.iter().cloned().collect();
                if !row.participants.is_empty() {
                    facts.push(row.participants.join(", "));
                }
                if !facts.is_empty() {
                    let indent = " ".repeat(width + 12);
                    out.push_str(&super::text::wrap_hanging_text(
                        &facts.join(" · "),
                        80,
                        &indent,
                        &indent,
                    ));
                    out.push('\n');
                }
            }
            out
        }
    }
}
