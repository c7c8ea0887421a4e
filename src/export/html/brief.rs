//! The brief in HTML (see `export/brief.rs` for what it holds): its title the one `h1`, the
//! parts under `h2`, entities under `h3`.

use maud::{Markup, html};

use super::{Doc, cite, extras, pages, t};
use crate::export::ExportOptions;
use crate::export::brief::{self, Brief};
use crate::format::Format;
use crate::model::{EntityKind, EntityRef};

/// The whole dossier as a brief an analyst hands in.
pub(super) fn brief(doc: &mut Doc, options: &ExportOptions) -> Markup {
    let loaded = doc.loaded;
    let d = &loaded.dossier;
    let parts = Brief::of(loaded);
    let header = doc.header(&brief::fields(options));
    let moved = options.since.map(|old| {
        let part = brief::changes_section(old, loaded, Format::Html);
        extras::changes(&part)
    });
    let matrix = html! {
        h2 { (brief::MATRIX_HEADING) }
        @if parts.matrix.is_empty() { p { (brief::NO_POSITIONS) } }
        @else { (pages::matrix_table(loaded, &parts.matrix)) }
    };
    let timeline = timeline(doc, &parts);
    let quotes = quotes(doc, &parts);
    let mut entities = Vec::new();
    for kind in EntityKind::LISTED {
        entities.push(html! { h2 { (kind.plural_title()) } });
        for index in 0..d.count(kind) {
            let entity = EntityRef { kind, index };
            entities.push(doc.entity(entity, 3));
            if let Some(notes) = options.notes {
                let items = brief::notes_on(loaded, notes, entity);
                entities.push(extras::notes(&items, 4));
            }
        }
    }
    html! {
        (header)
        @if let Some(summary) = &d.summary { p.summary { (t(summary.trim())) } }
        @if let Some(moved) = moved { (moved) }
        (matrix) (timeline) (quotes)
        @for part in entities { (part) }
    }
}

/// The events in order as a table: when, the title, a line of what happened.
fn timeline(doc: &Doc, parts: &Brief) -> Markup {
    let d = &doc.loaded.dossier;
    html! {
        h2 { (brief::TIMELINE_HEADING) }
        @if parts.timeline.rows.is_empty() { p { (brief::NO_EVENTS) } }
        @else {
            table.timeline {
                thead { tr { th scope="col" { "When" } th scope="col" { "Event" } th scope="col" { "What happened" } } }
                tbody {
                    @for row in &parts.timeline.rows {
                        tr {
                            td { (t(&row.when)) }
                            th scope="row" { (t(&d.events[row.event].title)) }
                            td { (t(&brief::one_line(&d.events[row.event]).unwrap_or_default())) }
                        }
                    }
                }
            }
        }
    }
}

/// Each quote a block quote, who said it and where under it.
fn quotes(doc: &mut Doc, parts: &Brief) -> Markup {
    if parts.quotes.is_empty() {
        return html! {};
    }
    let each: Vec<Markup> = (parts.quotes.iter())
        .map(|key| {
            let quote = key.of(doc.loaded);
            let source = quote.source.as_deref().map(|id| doc.bib.number(id));
            html! {
                blockquote {
                    p { "“" (t(quote.text.trim())) "”" }
                    footer {
                        "— " (t(&brief::attribution(doc.loaded, key)))
                        @if let Some(n) = source { " " (cite(n)) }
                    }
                }
            }
        })
        .collect();
    html! {
        h2 { (brief::QUOTES_HEADING) }
        @for quote in each { (quote) }
    }
}
