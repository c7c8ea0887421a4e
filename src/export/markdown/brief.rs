//! The brief in Markdown (see `export/brief.rs` for what it holds): one `#` heading, its
//! title; the parts under `##`, entities under `###`.

use super::{Doc, escape, escape_paragraph, pages};
use crate::export::ExportOptions;
use crate::export::brief::{self, Brief};
use crate::export::describe;
use crate::format::Format;
use crate::model::{EntityKind, EntityRef};
use crate::notes::Noted;

/// The whole dossier as a brief an analyst hands in.
pub(super) fn brief(doc: &mut Doc, options: &ExportOptions) -> String {
    let loaded = doc.loaded;
    let d = &loaded.dossier;
    let parts = Brief::of(loaded);
    let mut out = doc.header(&brief::fields(options));
    if let Some(summary) = &d.summary {
        out.push_str(&format!("{}\n\n", escape_paragraph(summary.trim())));
    }
    if let Some(old) = options.since {
        out.push_str(&brief::changes_section(old, loaded, Format::Markdown));
        out.push('\n');
    }
    out.push_str(&format!("## {}\n\n", brief::MATRIX_HEADING));
    if parts.matrix.is_empty() {
        out.push_str(&format!("{}\n\n", brief::NO_POSITIONS));
    } else {
        out.push_str(&pages::matrix_table(loaded, &parts.matrix));
        out.push_str(&format!("\n{}\n\n", pages::MATRIX_LEGEND));
    }
    out.push_str(&timeline(doc, &parts));
    out.push_str(&quotes(doc, &parts));
    for kind in EntityKind::LISTED {
        out.push_str(&format!("## {}\n\n", kind.plural_title()));
        for index in 0..d.count(kind) {
            let entity = EntityRef { kind, index };
            out.push_str(&doc.entity(entity, 3));
            if let Some(notes) = options.notes {
                let items = brief::notes_on(loaded, notes, entity);
                out.push_str(&under_entity(&items, 4));
            }
        }
    }
    out
}

/// The events in order as a table: when, the title, a line of what happened.
fn timeline(doc: &Doc, parts: &Brief) -> String {
    let mut out = format!("## {}\n\n", brief::TIMELINE_HEADING);
    if parts.timeline.rows.is_empty() {
        out.push_str(&format!("{}\n\n", brief::NO_EVENTS));
        return out;
    }
    out.push_str("| When | Event | What happened |\n|---|---|---|\n");
    for row in &parts.timeline.rows {
        let event = &doc.loaded.dossier.events[row.event];
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            escape(&row.when),
            escape(&event.title),
            escape(&brief::one_line(event).unwrap_or_default())
        ));
    }
    out.push('\n');
    out
}

/// Each quote a block quote, who said it and where under it.
fn quotes(doc: &mut Doc, parts: &Brief) -> String {
    if parts.quotes.is_empty() {
        return String::new();
    }
    let mut out = format!("## {}\n\n", brief::QUOTES_HEADING);
    for key in &parts.quotes {
        let quote = key.of(doc.loaded);
        let cite = match &quote.source {
            Some(id) => format!(" [{}]", doc.bib.number(id)),
            None => String::new(),
        };
        out.push_str(&format!(
            "> “{}”\n>\n> — {}{cite}\n\n",
            escape(quote.text.trim()),
            escape(&brief::attribution(doc.loaded, key))
        ));
    }
    out
}

/// The notes on one entity, under it, under a heading of `level`; nothing when there are
/// none.
fn under_entity(items: &[Noted], level: usize) -> String {
    if items.is_empty() {
        return String::new();
    }
    let hashes = "#".repeat(level);
    let mut out = format!(
        "{hashes} {}\n\n*{}*\n\n",
        describe::NOTES_HEADING,
        escape_paragraph(describe::NOT_SOURCED)
    );
    for item in items {
        let star = if item.starred { "★ " } else { "" };
        out.push_str(&format!(
            "- {star}{} (`{}`)\n",
            escape(&item.name),
            crate::text::sanitize_line(&item.key).replace('`', "'")
        ));
        if let Some(note) = &item.note {
            out.push('\n');
            for line in note.lines() {
                out.push_str(&format!("  > {}  \n", escape_paragraph(line)));
            }
            out.push('\n');
        }
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
    out
}
