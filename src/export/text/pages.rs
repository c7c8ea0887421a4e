//! The pages as text: the stance matrix, the timeline and the sources.

use super::detail::{fill, underline};
use super::{Doc, describe};
use crate::model::{EntityKind, EntityRef, Loaded, Position};
use crate::text::sanitize_line;
use crate::views::{Cell, SourceList, SourceRow, StanceMatrix, Timeline};

/// The matrix as an aligned table with numbered columns, then each party's positions.
pub(super) fn matrix(doc: &mut Doc, query: &str, matrix: &StanceMatrix) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&describe::matrix_fields(matrix, query));
    out.push('\n');
    out.push_str(&matrix_columns(doc.loaded, matrix));
    out.push_str(&matrix_grid(doc.loaded, matrix));
    out.push_str(&matrix_legend(doc.loaded, matrix));
    out.push('\n');
    out.push_str(&underline("Positions", '='));
    let mut party = None;
    for (actor, cell) in matrix.positions() {
        if party != Some(actor) {
            party = Some(actor);
            out.push('\n');
            out.push_str(&underline(&sanitize_line(&d.actors[actor].name), '-'));
        }
        let position = cell.position(d);
        let cite = cite(doc, position);
        let line = format!(
            "{} — {}: {}{cite}",
            d.sticking_points[cell.sticking_point].title,
            describe::position_stance(position),
            position.summary.trim(),
        );
        out.push_str(&doc.line(&line, "  ", "    "));
    }
    out
}

/// " [1]": the position's sources in the export's bibliography.
fn cite(doc: &mut Doc, position: &Position) -> String {
    match doc.bib.cited(&position.all_sources()) {
        none if none.is_empty() => " (cites no source)".to_string(),
        cited => cited,
    }
}

const MATRIX_LEGEND: &str =
    "\ndem demands · sup supports · opp opposes · con conditional · ? unclear · · none\n";
const INFERRED_LEGEND: &str = "~ after a stance: inferred, the dossier's reading of the source\n";

/// What the grid's cells mean, after it.
pub(super) fn matrix_legend(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let mut out = MATRIX_LEGEND.to_string();
    if any_inferred(loaded, matrix) {
        out.push_str(INFERRED_LEGEND);
    }
    if !matrix.left_out.is_empty() {
        out.push_str(describe::LEFT_OUT_LEGEND);
        out.push('\n');
    }
    out
}

/// Whether some cell is the dossier's reading (then cells are a letter wider, for `~`).
fn any_inferred(loaded: &Loaded, matrix: &StanceMatrix) -> bool {
    let hedged = |(_, cell): (usize, Cell)| cell.position(&loaded.dossier).basis.is_inferred();
    matrix.positions().any(hedged)
}

/// The sticking points numbered, as the grid's columns refer to them.
pub(super) fn matrix_columns(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let mut out = String::from("Sticking points\n");
    for (n, &point) in matrix.columns.iter().enumerate() {
        let title = sanitize_line(&loaded.dossier.sticking_points[point].title);
        out.push_str(&format!("  {:>2}. {title}\n", n + 1));
    }
    out
}

/// A row per party and a column per sticking point, each cell a stance's first letters.
pub(super) fn matrix_grid(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let width_of = crate::text::width;
    let names: Vec<String> = matrix
        .rows
        .iter()
        .map(|&a| sanitize_line(&loaded.dossier.actors[a].name).into_owned())
        .collect();
    let width = names.iter().map(|n| width_of(n)).max().unwrap_or(5).max(5);
    let cell_width = if any_inferred(loaded, matrix) { 4 } else { 3 };
    let mut out = format!("\n{}", " ".repeat(width));
    for n in 0..matrix.columns.len() {
        out.push_str(&format!("  {:>cell_width$}", n + 1));
    }
    out.push('\n');
    for (r, name) in names.iter().enumerate() {
        out.push_str(&format!("{name}{}", " ".repeat(width - width_of(name))));
        for c in 0..matrix.columns.len() {
            let cell = matrix
                .cell(r, c)
                .map_or(describe::empty_cell(matrix, r, c), |cell| {
                    describe::stance_cell(cell.position(&loaded.dossier))
                });
            out.push_str(&format!("  {cell:>cell_width$}"));
        }
        out.push('\n');
    }
    out
}

/// The events in order, one line each with their place and participants, then each event
/// in full.
pub(super) fn timeline(doc: &mut Doc, query: &str, timeline: &Timeline) -> String {
    let mut out = doc.header(&describe::timeline_fields(timeline, query));
    out.push('\n');
    out.push_str(&underline("Timeline", '='));
    let width = timeline.when_width();
    let indent = " ".repeat(width + 12);
    for row in &timeline.rows {
        let event = &doc.loaded.dossier.events[row.event];
        let line = format!(
            "{:width$}  {:9} {}",
            row.when,
            event.status.as_str(),
            event.title
        );
        out.push_str(&doc.line(&line, "", &indent));
        let mut facts: Vec<String> = row.places().into_iter().collect();
        if !row.participants.is_empty() {
            facts.push(row.participants.join(", "));
        }
        if !facts.is_empty() {
            out.push_str(&doc.line(&facts.join(" · "), &indent, &indent));
        }
    }
    if !timeline.rows.is_empty() {
        out.push('\n');
        out.push_str(&underline("Events", '='));
    }
    for row in &timeline.rows {
        out.push('\n');
        out.push_str(&doc.entity(EntityRef::new(EntityKind::Event, row.event)));
    }
    out
}

/// The sources the query's results cite, each with its facts and what cites it.
pub(super) fn sources(doc: &Doc, query: &str, list: &SourceList) -> String {
    let fields = describe::sources_fields(doc.loaded, list, query);
    let mut out = doc.header(&fields);
    if list.rows.is_empty() {
        out.push_str("\nNothing the query finds cites a source.\n");
    }
    for (n, row) in list.rows.iter().enumerate() {
        out.push('\n');
        let mark = format!("[{}] ", n + 1);
        out.push_str(&source_block(doc.loaded, list, row, &mark, doc.width));
    }
    out
}

/// A source: its title after `mark`, its facts, address and note, and what cites it,
/// wrapped at `width` columns (0: a paragraph a line).
pub(crate) fn source_block(
    loaded: &Loaded,
    list: &SourceList,
    row: &SourceRow,
    mark: &str,
    width: usize,
) -> String {
    let source = &loaded.dossier.sources[row.source];
    let hang = " ".repeat(mark.len().max(4));
    let mut out = fill(&format!("{mark}{}", source.title), width, "", &hang);
    out.push('\n');
    let mut lines = vec![source.facts()];
    lines.extend(source.url.clone());
    lines.extend(source.note.as_deref().map(str::trim).map(str::to_string));
    lines.push(format!("{}:", describe::cited(list, row)));
    for line in lines {
        out.push_str(&fill(&line, width, &hang, &hang));
        out.push('\n');
    }
    let item = format!("{hang}  - ");
    let item_hang = " ".repeat(item.len());
    for citing in &row.citing {
        out.push_str(&fill(&citing.label, width, &item, &item_hang));
        out.push('\n');
    }
    out
}

/// One position of the matrix (what `y` copies from a cell): the party, the sticking
/// point, the stance, the summary and the source it cites, wrapped at `width` (0: not).
pub(crate) fn position_text(loaded: &Loaded, actor: usize, cell: Cell, width: usize) -> String {
    let d = &loaded.dossier;
    let position = cell.position(d);
    let title = format!(
        "{} on {}",
        d.actors[actor].name, d.sticking_points[cell.sticking_point].title
    );
    // For pasting into a document: the title a plain line, no rule under it.
    let mut out = format!("{}\n", sanitize_line(&title));
    let line = format!(
        "{} — {}: {}{}",
        d.actors[actor].name,
        describe::position_stance(position),
        position.summary.trim(),
        describe::citation(loaded, position)
    );
    out.push_str(&fill(&line, width, "", ""));
    out.push('\n');
    out
}
