//! The brief as plain text (see `export/brief.rs` for what it holds).

use super::detail::underline;
use super::{Doc, pages};
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
        out.push('\n');
        out.push_str(&doc.line(summary.trim(), "", ""));
    }
    if let Some(old) = options.since {
        out.push('\n');
        let part = brief::changes_section(old, loaded, Format::Text);
        out.push_str(&super::super::since::wrap_text(&part, options.width));
    }
    out.push('\n');
    out.push_str(&underline(brief::MATRIX_HEADING, '='));
    if parts.matrix.is_empty() {
        out.push_str(brief::NO_POSITIONS);
        out.push('\n');
    } else {
        out.push_str(&pages::matrix_columns(loaded, &parts.matrix));
        out.push_str(&pages::matrix_grid(loaded, &parts.matrix));
        out.push_str(&pages::matrix_legend(loaded, &parts.matrix));
    }
    out.push_str(&timeline(doc, &parts));
    out.push_str(&quotes(doc, &parts));
    for kind in EntityKind::LISTED {
        out.push('\n');
        out.push_str(&underline(
            &format!("{} ({})", kind.plural_title(), d.count(kind)),
            '=',
        ));
        for index in 0..d.count(kind) {
            let entity = EntityRef { kind, index };
            out.push('\n');
            out.push_str(&doc.entity(entity));
            if let Some(notes) = options.notes {
                let items = brief::notes_on(loaded, notes, entity);
                out.push_str(&under_entity(&items, doc.width));
            }
        }
    }
    out
}

/// Each event a line (its place in the order, its date, its title) and a line of what
/// happened.
fn timeline(doc: &Doc, parts: &Brief) -> String {
    let mut out = format!("\n{}", underline(brief::TIMELINE_HEADING, '='));
    if parts.timeline.rows.is_empty() {
        out.push_str(brief::NO_EVENTS);
        out.push('\n');
    }
    let width = parts.timeline.when_width();
    let hang = " ".repeat(width + 2);
    for row in &parts.timeline.rows {
        let event = &doc.loaded.dossier.events[row.event];
        let line = format!("{:width$}  {}", row.when, event.title);
        out.push_str(&doc.line(&line, "", &hang));
        if let Some(what) = brief::one_line(event) {
            out.push_str(&doc.line(&what, &hang, &hang));
        }
    }
    out
}

/// Each quote in the timeline's order, with who said it, where and its source.
fn quotes(doc: &mut Doc, parts: &Brief) -> String {
    if parts.quotes.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}", underline(brief::QUOTES_HEADING, '='));
    for key in &parts.quotes {
        let quote = key.of(doc.loaded);
        let cite = match &quote.source {
            Some(id) => format!(" [{}]", doc.bib.number(id)),
            None => String::new(),
        };
        let said = brief::attribution(doc.loaded, key);
        out.push_str(&doc.line(&format!("“{}”", quote.text.trim()), "  ", "   "));
        out.push_str(&doc.line(&format!("— {said}{cite}"), "    ", "      "));
    }
    out
}

/// The notes on one entity, under it; nothing when there are none.
fn under_entity(items: &[Noted], width: usize) -> String {
    if items.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} (not from the dossier's sources)\n",
        describe::NOTES_HEADING
    );
    for item in items {
        out.push_str(&super::wrap(&describe::noted_title(item), width, "  "));
        out.push('\n');
        for text in item.note.iter().flat_map(|n| n.lines()) {
            out.push_str(&super::wrap(text, width, "    "));
            out.push('\n');
        }
    }
    out
}
