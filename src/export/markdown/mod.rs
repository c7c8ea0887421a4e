//! Markdown that renders cleanly on GitHub: headings per entity, lists, a table of
//! positions, quotes as block quotes, sources as footnotes.

mod entity;

use self::entity::{detail_markdown, footnotes};
use super::describe::{self, party_name};
use super::{Scope, ViewSpec};
use crate::detail::detail;
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// Escapes Markdown's special characters (and makes control characters visible).
fn escape(text: &str) -> String {
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
fn escape_paragraph(text: &str) -> String {
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

/// The title, then the dossier, `fields` and the export time as a list of labelled items.
fn header(loaded: &Loaded, exported_at: Option<&str>, fields: &[(&str, String)]) -> String {
    let mut out = format!("# {}\n\n", escape(&loaded.dossier.title));
    let dossier = std::iter::once(("Dossier", loaded.name.clone()));
    let stamp = exported_at.map(|at| ("Exported", at.to_string()));
    for (label, value) in dossier.chain(fields.iter().cloned()).chain(stamp) {
        out.push_str(&format!("- **{label}:** {}\n", escape(&value)));
    }
    out.push('\n');
    out
}

/// `scope` as Markdown.
pub(super) fn render(loaded: &Loaded, scope: &Scope, exported_at: Option<&str>) -> String {
    match scope {
        Scope::View(spec) => view(loaded, spec, exported_at),
        Scope::Briefing => briefing(loaded, exported_at),
        Scope::Matrix { query, matrix } => self::matrix(loaded, query, matrix, exported_at),
        Scope::Timeline { query, timeline } => self::timeline(loaded, query, timeline, exported_at),
        Scope::Sources { query, sources } => self::sources(loaded, query, sources, exported_at),
        Scope::Marked(entities) => marked(loaded, entities, exported_at),
    }
}

/// The marked entities, each in full under its heading, then the sources they cite.
fn marked(loaded: &Loaded, entities: &[EntityRef], exported_at: Option<&str>) -> String {
    let mut out = header(loaded, exported_at, &describe::marked_fields(entities));
    let mut cited = Vec::new();
    for &entity in entities {
        let shown = detail(&loaded.dossier, &loaded.index, entity);
        out.push_str(&detail_markdown(&shown, 2, &mut cited));
    }
    out.push_str(&footnotes(loaded, &cited));
    out
}

/// A view: header, the list's entries numbered, the selected entity's detail, its sources.
fn view(loaded: &Loaded, view: &ViewSpec, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let mut out = header(
        loaded,
        exported_at,
        &[("List", describe::list(loaded, view))],
    );
    out.push_str(&format!("## {}\n\n", view.list.plural_title()));
    if view.entries.is_empty() {
        out.push_str("No entries.\n");
    }
    for (n, &entity) in view.entries.iter().enumerate() {
        out.push_str(&format!(
            "{}. **{}** — {}\n",
            n + 1,
            escape(d.name_of(entity)),
            escape(&d.fact_of(entity))
        ));
    }
    out.push('\n');
    let mut cited = Vec::new();
    match view.selected {
        Some(entity) => out.push_str(&detail_markdown(
            &detail(d, &loaded.index, entity),
            2,
            &mut cited,
        )),
        None => out.push_str("No entry selected.\n\n"),
    }
    out.push_str(&footnotes(loaded, &cited));
    out
}

/// The whole dossier: who stands where as a table, then every entity under its kind.
fn briefing(loaded: &Loaded, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let mut out = header(
        loaded,
        exported_at,
        &[("Briefing", "every entity, grouped by kind".to_string())],
    );
    if let Some(summary) = &d.summary {
        out.push_str(&format!("{}\n\n", escape_paragraph(summary.trim())));
    }
    out.push_str("## Who stands where\n\n| Sticking point | Party | Stance |\n|---|---|---|\n");
    for point in &d.sticking_points {
        for position in &point.positions {
            let party = party_name(loaded, &position.actor);
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                escape(&point.title),
                escape(&party),
                position.stance
            ));
        }
    }
    out.push('\n');
    let mut cited = Vec::new();
    for kind in EntityKind::ALL {
        out.push_str(&format!("## {}\n\n", kind.plural_title()));
        for index in 0..d.count(kind) {
            let entity = EntityRef { kind, index };
            out.push_str(&detail_markdown(
                &detail(d, &loaded.index, entity),
                3,
                &mut cited,
            ));
        }
    }
    out.push_str(&footnotes(loaded, &cited));
    out
}

/// The matrix as a table of stances, then every position in a list.
fn matrix(
    loaded: &Loaded,
    query: &str,
    matrix: &StanceMatrix,
    exported_at: Option<&str>,
) -> String {
    let d = &loaded.dossier;
    let mut out = header(loaded, exported_at, &describe::matrix_fields(matrix, query));
    out.push_str(&matrix_table(loaded, matrix));
    out.push_str("\n## Positions\n\n");
    for (actor, cell) in matrix.positions() {
        let position = cell.position(d);
        out.push_str(&format!(
            "- **{}** *{}* on **{}**: {}{}\n",
            escape(&d.actors[actor].name),
            position.stance,
            escape(&d.sticking_points[cell.sticking_point].title),
            escape(position.summary.trim()),
            escape(&describe::citation(loaded, position))
        ));
    }
    out
}

/// A row per party and a column per sticking point, each cell a stance or `·`.
fn matrix_table(loaded: &Loaded, matrix: &StanceMatrix) -> String {
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
                .map_or("·".to_string(), |cell| cell.position(d).stance.to_string());
            out.push_str(&format!(" {cell} |"));
        }
        out.push('\n');
    }
    out
}

/// The events in order as a table.
fn timeline(
    loaded: &Loaded,
    query: &str,
    timeline: &Timeline,
    exported_at: Option<&str>,
) -> String {
    let mut out = header(
        loaded,
        exported_at,
        &describe::timeline_fields(timeline, query),
    );
    out.push_str("| When | Status | Event | Place | Participants |\n|---|---|---|---|---|\n");
    for row in &timeline.rows {
        let event = &loaded.dossier.events[row.event];
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            escape(&row.when),
            event.status,
            escape(&event.title),
            escape(row.place.as_deref().unwrap_or("")),
            escape(&row.participants.join(", "))
        ));
    }
    out
}

/// The sources the query's results cite, each under its title with what cites it.
fn sources(loaded: &Loaded, query: &str, list: &SourceList, exported_at: Option<&str>) -> String {
    let fields = describe::sources_fields(loaded, list, query);
    let mut out = header(loaded, exported_at, &fields);
    if list.rows.is_empty() {
        out.push_str("Nothing the query finds cites a source.\n");
    }
    for (n, row) in list.rows.iter().enumerate() {
        out.push_str(&source_section(loaded, list, row, n + 1));
    }
    out
}

fn source_section(loaded: &Loaded, list: &SourceList, row: &SourceRow, number: usize) -> String {
    let source = &loaded.dossier.sources[row.source];
    let mut out = format!("## {number}. {}\n\n", escape(&source.title));
    out.push_str(&format!("{}\n\n", escape(&describe::source_facts(source))));
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
