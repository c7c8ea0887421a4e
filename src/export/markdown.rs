//! Markdown that renders cleanly on GitHub: headings per entity, lists, a table of
//! positions, quotes as block quotes, sources as footnotes.

use super::describe::{self, party_name};
use super::{Scope, ViewSpec};
use crate::detail::{Detail, Line, SectionKind, Style, detail};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;
use crate::views::{StanceMatrix, Timeline};

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

/// A footnote label for a source id.
fn footnote(id: &str) -> String {
    format!(
        "[^{}]",
        id.replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "-")
    )
}

/// A detail line as Markdown: links in bold, note numbers as footnotes.
fn inline(line: &Line, notes: &[String]) -> String {
    let mut out = String::new();
    for segment in &line.segments {
        match &segment.style {
            Style::Link(_) => out.push_str(&format!("**{}**", escape(&segment.text))),
            Style::Stance(_) => out.push_str(&format!("*{}*", escape(&segment.text))),
            Style::Label => out.push_str(&format!("**{}** ", escape(segment.text.trim()))),
            Style::Muted if is_note(&segment.text) => {
                out.push_str(&note_footnote(&segment.text, notes))
            }
            _ => out.push_str(&escape(&segment.text)),
        }
    }
    out.trim().to_string()
}

/// " [2]": the marker the detail puts after a cited position or quote.
fn is_note(text: &str) -> bool {
    let text = text.trim();
    text.starts_with('[') && text.ends_with(']') && text[1..text.len() - 1].parse::<usize>().is_ok()
}

fn note_footnote(text: &str, notes: &[String]) -> String {
    let text = text.trim();
    let n: usize = text[1..text.len() - 1].parse().unwrap_or(0);
    notes
        .get(n.wrapping_sub(1))
        .map_or_else(String::new, |id| footnote(id))
}

fn positions_table(first_column: &str, lines: &[Line], notes: &[String]) -> String {
    let mut out = format!("| {first_column} | Stance | Position |\n|---|---|---|\n");
    for line in lines {
        let party = line
            .segments
            .first()
            .map_or(String::new(), |s| escape(&s.text));
        let stance = line
            .segments
            .iter()
            .find(|s| matches!(s.style, Style::Stance(_)))
            .map_or(String::new(), |s| escape(&s.text));
        let after_stance = line
            .segments
            .iter()
            .skip_while(|s| !matches!(s.style, Style::Stance(_)))
            .skip(1);
        let mut summary = String::new();
        for segment in after_stance {
            if matches!(segment.style, Style::Muted) && is_note(&segment.text) {
                summary.push_str(&note_footnote(&segment.text, notes));
            } else {
                summary.push_str(&escape(segment.text.trim_start_matches(": ")));
            }
        }
        out.push_str(&format!("| {party} | {stance} | {} |\n", summary.trim()));
    }
    out
}

fn quotes(lines: &[Line], notes: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let quote = line
            .segments
            .first()
            .map_or(String::new(), |s| escape(&s.text));
        let rest = Line {
            segments: line.segments[1.min(line.segments.len())..].to_vec(),
        };
        out.push_str(&format!("> {quote}\n> \n> {}\n\n", inline(&rest, notes)));
    }
    out
}

/// One entity's detail under a heading of `level`; its sources are collected in `cited`.
fn detail_markdown(detail: &Detail, level: usize, cited: &mut Vec<String>) -> String {
    let hashes = "#".repeat(level);
    let mut out = format!("{hashes} {}\n\n", escape(&detail.title));
    for section in &detail.sections {
        if section.kind == SectionKind::Sources {
            for id in &detail.notes {
                if !cited.contains(id) {
                    cited.push(id.clone());
                }
            }
            let marks: Vec<String> = detail.notes.iter().map(|id| footnote(id)).collect();
            out.push_str(&format!("Sources: {}\n\n", marks.join(" ")));
            continue;
        }
        if !section.heading.is_empty() {
            out.push_str(&format!("{hashes}# {}\n\n", escape(&section.heading)));
        }
        match section.kind {
            SectionKind::Positions => {
                // An actor's positions are listed by sticking point; a sticking point's by party.
                let first = if detail.entity.kind == EntityKind::Actor {
                    "Sticking point"
                } else {
                    "Party"
                };
                out.push_str(&positions_table(first, &section.lines, &detail.notes));
            }
            SectionKind::Quotes => out.push_str(&quotes(&section.lines, &detail.notes)),
            SectionKind::Summary => {
                for line in &section.lines {
                    out.push_str(&escape_paragraph(&line.text()));
                    out.push('\n');
                }
            }
            _ => {
                for line in &section.lines {
                    out.push_str(&format!("- {}\n", inline(line, &detail.notes)));
                }
            }
        }
        out.push('\n');
    }
    out
}

fn footnotes(loaded: &Loaded, cited: &[String]) -> String {
    let mut out = String::new();
    for id in cited {
        let text = match loaded.index.source(id) {
            Some(s) => {
                let source = &loaded.dossier.sources[s];
                let mut text = format!("{} ({}", escape(&source.title), escape(&source.kind));
                for extra in [&source.publisher, &source.published].into_iter().flatten() {
                    text.push_str(&format!(", {}", escape(extra)));
                }
                text.push(')');
                if let Some(url) = &source.url {
                    text.push_str(&format!(" <{}>", sanitize_line(url)));
                }
                text
            }
            None => escape(id),
        };
        out.push_str(&format!("{}: {text}\n", footnote(id)));
    }
    out
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
    }
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

    #[test]
    fn note_markers() {
        assert!(is_note(" [2]"));
        assert!(!is_note("[x]"));
        assert_eq!(
            note_footnote(" [1]", &["seed-report".into()]),
            "[^seed-report]"
        );
    }
}
