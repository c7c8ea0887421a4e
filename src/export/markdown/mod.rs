//! Markdown that renders cleanly on GitHub: `##` a group, `###` an entity, lists, tables of
//! positions, quotes as block quotes, the sources cited as one numbered list at the end.

mod brief;
mod entity;
mod pages;

use self::entity::detail_markdown;
use super::bibliography::Bibliography;
use super::describe;
use super::{ExportOptions, Scope, ViewSpec};
use crate::detail::detail;
use crate::model::{EntityRef, Loaded};
use crate::text::sanitize_line;

/// Escapes Markdown's special characters (and makes control characters visible).
pub(super) fn escape(text: &str) -> String {
    let clean = sanitize_line(text);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Like [`escape`], for text that starts a line: a leading `#`, `-`, `+` or `1.` would
/// make it a heading or a list item.
pub(super) fn escape_paragraph(text: &str) -> String {
    let escaped = escape(text);
    let starts_block = escaped.starts_with(['#', '-', '+', '=']) || {
        let digits = escaped.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && escaped[digits..].starts_with(['.', ')'])
    };
    if starts_block {
        format!("\\{escaped}")
    } else {
        escaped
    }
}

/// What every part of one Markdown export needs: the dossier, the options and the sources
/// cited so far.
struct Doc<'a> {
    loaded: &'a Loaded,
    exported_at: Option<&'a str>,
    brief: bool,
    bib: Bibliography,
}

impl Doc<'_> {
    /// The title, then the dossier, `fields` and the export time as a list of labelled
    /// items.
    fn header(&self, fields: &[(&str, String)]) -> String {
        let mut out = format!("# {}\n\n", escape(&self.loaded.dossier.title));
        let dossier = std::iter::once(("Dossier", self.loaded.name.clone()));
        let stamp = self.exported_at.map(|at| ("Exported", at.to_string()));
        for (label, value) in dossier.chain(fields.iter().cloned()).chain(stamp) {
            out.push_str(&format!("- **{label}:** {}\n", escape(&value)));
        }
        out.push('\n');
        out
    }

    /// `entity` in full under a heading of `level`.
    fn entity(&mut self, entity: EntityRef, level: usize) -> String {
        let shown = detail(&self.loaded.dossier, &self.loaded.index, entity);
        detail_markdown(&shown, level, &mut self.bib)
    }

    /// The sources cited, as a numbered list under a heading; nothing when none is.
    fn bibliography(&self) -> String {
        if self.bib.is_empty() {
            return String::new();
        }
        let mut out = String::from("## Sources\n\n");
        for (n, entry) in self.bib.entries(self.loaded) {
            out.push_str(&format!(
                "{n}. {} — {}",
                escape(entry.title),
                escape(&entry.facts)
            ));
            if let Some(url) = entry.url {
                out.push_str(&format!(" <{}>", sanitize_line(url).replace('>', "%3E")));
            }
            out.push('\n');
            if let Some(note) = entry.note {
                out.push_str(&format!("\n   {}\n\n", escape_paragraph(note)));
            }
        }
        out
    }
}

/// `scope` as Markdown.
pub(super) fn render(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let mut doc = Doc {
        loaded,
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
    let mut out = body;
    if !out.ends_with("\n\n") && !doc.bib.is_empty() {
        out.push('\n');
    }
    out + &doc.bibliography()
}

/// Entities (marked, shown or found), each in full under its heading, after a header of
/// `fields`.
fn in_full(doc: &mut Doc, fields: &[(&str, String)], entities: &[EntityRef]) -> String {
    let mut out = doc.header(fields);
    for &entity in entities {
        out.push_str(&doc.entity(entity, 2));
    }
    out
}

/// A view: the list's entries numbered, the selected one marked, then every entry in full
/// (only the selected one when brief).
fn view(doc: &mut Doc, view: &ViewSpec) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&[("List", describe::list(doc.loaded, view))]);
    out.push_str(&format!("## {}\n\n", view.list.plural_title()));
    if view.entries.is_empty() {
        out.push_str("No entries.\n");
    }
    for (n, &entity) in view.entries.iter().enumerate() {
        let selected = if view.selected == Some(entity) {
            format!(" *{}*", describe::SELECTED.trim())
        } else {
            String::new()
        };
        out.push_str(&format!(
            "{}. **{}** — {}{selected}\n",
            n + 1,
            escape(d.name_of(entity)),
            escape(&d.fact_of(entity))
        ));
    }
    out.push('\n');
    let full: Vec<EntityRef> = if doc.brief {
        view.selected.into_iter().collect()
    } else {
        view.entries.clone()
    };
    for entity in full {
        out.push_str(&doc.entity(entity, 3));
    }
    if doc.brief && view.selected.is_none() {
        out.push_str("No entry selected.\n\n");
    }
    out
}

/// What a search found: the hits numbered best first with their kind, then each in full.
fn found(doc: &mut Doc, query: &str, entries: &[EntityRef]) -> String {
    let d = &doc.loaded.dossier;
    let mut out = doc.header(&describe::found_fields(query, entries));
    out.push_str("## Found\n\n");
    if entries.is_empty() {
        out.push_str("Nothing.\n");
    }
    for (n, &entity) in entries.iter().enumerate() {
        out.push_str(&format!(
            "{}. **{}** ({}) — {}\n",
            n + 1,
            escape(d.name_of(entity)),
            entity.kind.noun(),
            escape(&d.fact_of(entity))
        ));
    }
    out.push('\n');
    for &entity in entries {
        out.push_str(&doc.entity(entity, 3));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_and_controls() {
        assert_eq!(escape("a|b *c* [d] #e"), "a\\|b \\*c\\* \\[d\\] #e");
        assert_eq!(escape_paragraph("# not a heading"), "\\# not a heading");
        assert_eq!(escape_paragraph("1. not a list"), "\\1. not a list");
        assert_eq!(escape_paragraph("2025 was"), "2025 was");
        assert_eq!(escape("x\u{1b}[2Jy"), "x^\\[\\[2Jy");
        assert_eq!(
            escape("\u{202e}"),
            "<U+202E>".replace('<', "\\<").replace('>', "\\>")
        );
    }
}
