//! The pages in HTML: the stance matrix as a table of the text export's symbols (coloured,
//! and readable without the colours), the timeline as a table, the sources with links.

use maud::{Markup, html};

use super::{Doc, address, cite, describe, t};
use crate::model::{EntityKind, EntityRef, Loaded, Position, Stance};
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// What the matrix's symbols mean, after it (the text export's words).
const LEGEND: &str = "▲ dem demands · ✓ sup supports · ✗ opp opposes · ◐ con conditional · ? unclear · \
     · none";
const INFERRED_LEGEND: &str = "~ after a stance: inferred, the dossier's reading of the source";

/// The CSS class of a stance's colour.
fn stance_class(stance: &Stance) -> &'static str {
    match stance {
        Stance::Supports => "stance stance-supports",
        Stance::Opposes => "stance stance-opposes",
        Stance::Demands => "stance stance-demands",
        Stance::Conditional => "stance stance-conditional",
        Stance::Unclear => "stance stance-unclear",
        _ => "stance stance-other",
    }
}

/// A stance's colour written on its cell as well as in the style sheet: a word processor
/// that a copied table is pasted into keeps a cell's own style, not the page's classes.
fn stance_colour(stance: &Stance) -> &'static str {
    match stance {
        Stance::Supports => "background-color: #d8f0d8",
        Stance::Opposes => "background-color: #f6d5d5",
        Stance::Demands => "background-color: #fbe8c8",
        Stance::Conditional => "background-color: #dde6f6",
        _ => "background-color: #ececec",
    }
}

/// A cell of the matrix: the symbol, its class, and the stance in words for its title.
fn stance_cell(position: &Position) -> Markup {
    html! {
        td class=(stance_class(&position.stance)) style=(stance_colour(&position.stance))
            title=(t(&describe::position_stance(position))) {
            (t(&with_symbol(position)))
        }
    }
}

/// A cell's text: the explorer's symbol, then the text export's short word ("▲ dem",
/// "✗ opp~", "?"), so that it reads in grey and in print as on screen.
fn with_symbol(position: &Position) -> String {
    let cell = describe::stance_cell(position);
    let (symbol, _) = crate::views::stance_symbol(&position.stance);
    if cell.starts_with(symbol) {
        cell
    } else {
        format!("{symbol} {cell}")
    }
}

/// A row per party and a column per sticking point, each cell a stance's symbol, then the
/// legend.
pub(super) fn matrix_table(loaded: &Loaded, matrix: &StanceMatrix) -> Markup {
    let d = &loaded.dossier;
    let inferred = (matrix.positions()).any(|(_, cell)| cell.position(d).basis.is_inferred());
    html! {
        table.matrix {
            thead {
                tr {
                    th scope="col" { "Party" }
                    @for &point in &matrix.columns { th scope="col" { (t(&d.sticking_points[point].title)) } }
                }
            }
            tbody {
                @for (r, &actor) in matrix.rows.iter().enumerate() {
                    tr {
                        th scope="row" { (t(&d.actors[actor].name)) }
                        @for c in 0..matrix.columns.len() {
                            @match matrix.cell(r, c) {
                                Some(cell) => (stance_cell(cell.position(d))),
                                None if matrix.left_out(r, c) => td.stance.stance-none title=(describe::LEFT_OUT_LEGEND) { "–" },
                                None => td.stance.stance-none title="no position recorded" { "·" },
                            }
                        }
                    }
                }
            }
        }
        p.legend {
            (LEGEND) @if inferred { br; (INFERRED_LEGEND) }
            @if !matrix.left_out.is_empty() { br; (describe::LEFT_OUT_LEGEND) }
        }
    }
}

/// The matrix, then every position in a table that cites its source.
pub(super) fn matrix(doc: &mut Doc, query: &str, matrix: &StanceMatrix) -> Markup {
    let d = &doc.loaded.dossier;
    let header = doc.header(&describe::matrix_fields(matrix, query));
    let table = matrix_table(doc.loaded, matrix);
    let rows: Vec<Markup> = matrix
        .positions()
        .map(|(actor, cell)| {
            let position = cell.position(d);
            let sources = doc.bib.numbers(&position.all_sources());
            html! {
                tr {
                    th scope="row" { (t(&d.actors[actor].name)) }
                    td { (t(&d.sticking_points[cell.sticking_point].title)) }
                    td { (t(&describe::position_stance(position))) }
                    td {
                        (t(position.summary.trim()))
                        @for n in &sources { " " (cite(*n)) }
                        @if sources.is_empty() { " (cites no source)" }
                    }
                }
            }
        })
        .collect();
    html! {
        (header)
        h2 { "Stance matrix" }
        (table)
        h2 { "Positions" }
        table.positions {
            thead { tr { th scope="col" { "Party" } th scope="col" { "Sticking point" } th scope="col" { "Stance" } th scope="col" { "Position" } } }
            tbody { @for row in rows { (row) } }
        }
    }
}

/// The events in order as a table, then each event in full.
pub(super) fn timeline(doc: &mut Doc, query: &str, timeline: &Timeline) -> Markup {
    let d = &doc.loaded.dossier;
    let header = doc.header(&describe::timeline_fields(timeline, query));
    let dated = (timeline.rows.iter()).any(|r| d.events[r.event].date.is_some());
    let when = if dated { "Order and date" } else { "Order" };
    let table = html! {
        h2 { "Timeline" }
        table.timeline {
            thead { tr { th scope="col" { (when) } th scope="col" { "Status" } th scope="col" { "Event" } th scope="col" { "Place" } th scope="col" { "Participants" } } }
            tbody {
                @for row in &timeline.rows {
                    tr {
                        td { (t(&row.when)) }
                        td { (t(d.events[row.event].status.as_str())) }
                        th scope="row" { (t(&d.events[row.event].title)) }
                        td { (t(&row.places().unwrap_or_default())) }
                        td { (t(&row.participants.join(", "))) }
                    }
                }
            }
        }
    };
    let events: Vec<Markup> = (timeline.rows.iter())
        .map(|row| doc.entity(EntityRef::new(EntityKind::Event, row.event), 3))
        .collect();
    html! {
        (header) (table)
        @if !events.is_empty() { h2 { "Events" } }
        @for event in events { (event) }
    }
}

/// The sources the query's results cite, each under its title with what cites it.
pub(super) fn sources(doc: &Doc, query: &str, list: &SourceList) -> Markup {
    let header = doc.header(&describe::sources_fields(doc.loaded, list, query));
    html! {
        (header)
        @if list.rows.is_empty() { p { "Nothing the query finds cites a source." } }
        @for (n, row) in list.rows.iter().enumerate() { (source_section(doc.loaded, list, row, n + 1)) }
    }
}

fn source_section(loaded: &Loaded, list: &SourceList, row: &SourceRow, number: usize) -> Markup {
    let source = &loaded.dossier.sources[row.source];
    html! {
        section.source {
            h2 { (number) ". " (t(&source.title)) }
            p.muted { (t(&source.facts())) }
            @if let Some(url) = &source.url { p { (address(url)) } }
            @if let Some(note) = &source.note { p { (t(note.trim())) } }
            p { (t(&describe::cited(list, row))) ":" }
            @if !row.citing.is_empty() {
                ul { @for citing in &row.citing { li { (t(&citing.label)) } } }
            }
        }
    }
}
