//! Plain text: wrapped at spaces only (or a paragraph a line), readable when pasted into an
//! e-mail, with every control character made visible since the result may be printed to a
//! terminal. Headings by level: the title over `#`, a group over `=`, an entity over `-`.

mod brief;
mod detail;
mod pages;

pub(in crate::export) use detail::fill;
pub use detail::{detail_copy, detail_text, wrap};
pub(crate) use pages::position_text;

use self::detail::entity_text;
pub(crate) use self::detail::underline;
use super::bibliography::Bibliography;
use super::describe;
use super::{ExportOptions, Scope, ViewSpec};
use crate::detail::detail;
use crate::model::{EntityRef, Loaded};
use crate::text::sanitize_line;

/// What every part of one text export needs: the dossier, the width, the options and the
/// sources cited so far.
struct Doc<'a> {
    loaded: &'a Loaded,
    width: usize,
    exported_at: Option<&'a str>,
    brief: bool,
    bib: Bibliography,
}

impl Doc<'_> {
    /// `text` wrapped with `indent` and `hang`, and a line break.
    fn line(&self, text: &str, indent: &str, hang: &str) -> String {
        let mut out = fill(text, self.width, indent, hang);
        out.push('\n');
        out
    }

    /// `entity` in full under a `-` heading, its notes numbered in the bibliography.
    fn entity(&mut self, entity: EntityRef) -> String {
        let shown = detail(&self.loaded.dossier, &self.loaded.index, entity);
        entity_text(&shown, self.width, '-', &mut self.bib)
    }

    /// The title underlined, then the dossier, `lines` and the export time as labelled
    /// lines.
    fn header(&self, lines: &[(&str, String)]) -> String {
        let mut out = underline(&sanitize_line(&self.loaded.dossier.title), '#');
        let mut fields: Vec<(&str, String)> = vec![("Dossier", self.loaded.name.clone())];
        fields.extend(lines.iter().cloned());
        if let Some(at) = self.exported_at {
            fields.push(("Exported", at.to_string()));
        }
        for (label, value) in fields {
            out.push_str(&self.line(&format!("{label}: {value}"), "", "  "));
        }
        out
    }

    /// The sources cited, numbered, under a group heading; nothing when none is.
    fn bibliography(&self) -> String {
        if self.bib.is_empty() {
            return String::new();
        }
        let mut out = format!("\n{}", underline("Sources", '='));
        for (n, entry) in self.bib.entries(self.loaded) {
            let mark = format!("[{n}] ");
            let hang = " ".repeat(mark.len());
            out.push_str(&self.line(&format!("{mark}{}", entry.title), "", &hang));
            let facts = std::iter::once(entry.facts.as_str());
            for line in facts.chain(entry.url).chain(entry.note) {
                out.push_str(&self.line(line, &hang, &hang));
            }
        }
        out
    }
}

/// `scope` as plain text.
pub(super) fn render(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let mut doc = Doc {
        loaded,
        width: options.width,
        exported_at: options.exported_at,
        brief: options.brief,
        bib: Bibliography::default(),
    };
    let body = match scope {
        Scope::View(spec) => view(&mut doc, spec),
        Scope::Briefing => brief::brief(&mut doc, options),
        Scope::Matrix { query, matrix } => pages::matrix(&mut doc, query, matrix),
        Scope::Timeline { query, timeline } => pages::timeline(&mut doc, query, timeline),
        Scope::Sources { query, sources } => pages::sources(&doc, query, sources),
        Scope::Marked(entities) => in_full(&mut doc, &describe::marked_fields(entities), entities),
        Scope::Detail(entity) => in_full(
            &mut doc,
            &describe::detail_fields(loaded, *entity),
            &[*entity],
        ),
        Scope::Found { query, entries } => found(&mut doc, query, entries),
    };
    body + &doc.bibliography()
}

/// Entities (marked, shown or found), each in full after a header of `fields`.
fn in_full(doc: &mut Doc, fields: &[(&str, String)], entities: &[EntityRef]) -> String {
    let mut out = doc.header(fields);
    for &entity in entities {
        out.push('\n');
        out.push_str(&doc.entity(entity));
    }
    out
}

/// A view: the list's entries numbered, the selected one marked, then every entry in full
/// (only the selected one when brief).
fn view(doc: &mut Doc, view: &ViewSpec) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&[("List", describe::list(doc.loaded, view))]);
    out.push('\n');
    out.push_str(&underline(view.list.plural_title(), '='));
    if view.entries.is_empty() {
        out.push_str("  (no entries)\n");
    }
    let number_width = view.entries.len().to_string().len();
    let hang = " ".repeat(number_width + 4);
    for (n, &entity) in view.entries.iter().enumerate() {
        let selected = if view.selected == Some(entity) {
            describe::SELECTED
        } else {
            ""
        };
        let line = format!(
            "{:>number_width$}. {}  ({}){selected}",
            n + 1,
            d.name_of(entity),
            d.fact_of(entity)
        );
        out.push_str(&doc.line(&line, "  ", &hang));
    }
    let full: Vec<EntityRef> = if doc.brief {
        view.selected.into_iter().collect()
    } else {
        view.entries.clone()
    };
    for entity in full {
        out.push('\n');
        out.push_str(&doc.entity(entity));
    }
    if doc.brief && view.selected.is_none() {
        out.push_str("\nNo entry selected.\n");
    }
    out
}

/// What a search found: the hits numbered best first with their kind, then each in full.
fn found(doc: &mut Doc, query: &str, entries: &[EntityRef]) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&describe::found_fields(query, entries));
    out.push('\n');
    out.push_str(&underline("Found", '='));
    if entries.is_empty() {
        out.push_str("  (nothing)\n");
    }
    let number_width = entries.len().to_string().len();
    let hang = " ".repeat(number_width + 4);
    for (n, &entity) in entries.iter().enumerate() {
        let line = format!(
            "{:>number_width$}. {}  ({}: {})",
            n + 1,
            d.name_of(entity),
            entity.kind.noun(),
            d.fact_of(entity)
        );
        out.push_str(&doc.line(&line, "  ", &hang));
    }
    for &entity in entries {
        out.push('\n');
        out.push_str(&doc.entity(entity));
    }
    out
}
