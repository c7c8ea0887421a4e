//! The pages in Markdown: the stance matrix, the timeline and the sources.

use super::{Doc, describe, escape, escape_paragraph};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// The matrix as a table of stances, then every position in a table that cites its source.
pub(super) fn matrix(doc: &mut Doc, query: &str, matrix: &StanceMatrix) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&describe::matrix_fields(matrix, query));
    out.push_str(&matrix_table(doc.loaded, matrix));
    if !matrix.left_out.is_empty() {
        out.push_str(&format!("\n{}\n", describe::LEFT_OUT_LEGEND));
    }
    out.push_str("\n## Positions\n\n| Party | Sticking point | Stance | Position |\n");
    out.push_str("|---|---|---|---|\n");
    for (actor, cell) in matrix.positions() {
        let position = cell.position(d);
        let cite = match doc.bib.cited(&position.all_sources()) {
            none if none.is_empty() => " (cites no source)".to_string(),
            cited => cited,
        };
        out.push_str(&format!(
            "| {} | {} | {} | {}{cite} |\n",
            escape(&d.actors[actor].name),
            escape(&d.sticking_points[cell.sticking_point].title),
            escape(&describe::position_stance(position)),
            escape(position.summary.trim()),
        ));
    }
    out
}

/// What the table's cells mean, after it.
pub(super) const MATRIX_LEGEND: &str = "· no position recorded · ? unclear · (inferred): the dossier's reading of the source, not its words";

/// A row per party and a column per sticking point, each cell a stance or `·`.
pub(super) fn matrix_table(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let d = &loaded.dossier;
    let mut out = String::from("| Party |");
    for &point in &matrix.columns {
        out.push_str(&format!(" {} |", escape(&d.sticking_points[point].title)));
    }
    out.push_str(&format!("\n|---|{}\n", "---|".repeat(matrix.columns.len())));
    for (r, &actor) in matrix.rows.iter().enumerate() {
        out.push_str(&format!("| {} |", escape(&d.actors[actor].name)));
        for c in 0..matrix.columns.len() {
            let cell = matrix
                .cell(r, c)
                .map_or(describe::empty_cell(matrix, r, c), |cell| {
                    escape(&describe::position_stance(cell.position(d)))
                });
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

/// The events in order as a table, then each event in full.
pub(super) fn timeline(doc: &mut Doc, query: &str, timeline: &Timeline) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&describe::timeline_fields(timeline, query));
    let dated = timeline
        .rows
        .iter()
        .any(|r| d.events[r.event].date.is_some());
    let when = if dated { "Order and date" } else { "Order" };
    out.push_str(&format!(
        "| {when} | Status | Event | Place | Participants |\n|---|---|---|---|---|\n"
    ));
    for row in &timeline.rows {
        let event = &d.events[row.event];
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            escape(&row.when),
            escape(event.status.as_str()),
            escape(&event.title),
            escape(&row.places().unwrap_or_default()),
            escape(&row.participants.join(", "))
        ));
    }
    if !timeline.rows.is_empty() {
        out.push_str("\n## Events\n\n");
    }
    for row in &timeline.rows {
        out.push_str(&doc.entity(EntityRef::new(EntityKind::Event, row.event), 3));
    }
    out
}

/// The sources the query's results cite, each under its title with what cites it.
pub(super) fn sources(doc: &Doc, query: &str, list: &SourceList) -> String {
    let fields = describe::sources_fields(doc.loaded, list, query);
    let mut out = doc.header(&fields);
    if list.rows.is_empty() {
        out.push_str("Nothing the query finds cites a source.\n");
    }
    for (n, row) in list.rows.iter().enumerate() {
        out.push_str(&source_section(doc.loaded, list, row, n + 1));
    }
    out
}

fn source_section(loaded: &Loaded, list: &SourceList, row: &SourceRow, number: usize) -> String {
    let source = &loaded.dossier.sources[row.source];
    let mut out = format!("## {number}. {}\n\n", escape(&source.title));
    out.push_str(&format!("{}\n\n", escape(&source.facts())));
    if let Some(url) = &source.url {
        out.push_str(&format!("<{}>\n\n", sanitize_line(url).replace('>', "%3E")));
    }
    if let Some(note) = &source.note {
        out.push_str(&format!("{}\n\n", escape_paragraph(note.trim())));
    }
    out.push_str(&format!("{}:\n\n", describe::cited(list, row)));
    for citing in &row.citing {
        out.push_str(&format!("- {}\n", escape(&citing.label)));
    }
    if !row.citing.is_empty() {
        out.push('\n');
    }
    out
}
