//! One entity's detail in Markdown: sections as headings, positions as a table, quotes as
//! block quotes, the sources it cites as footnotes.

use super::{escape, escape_paragraph};
use crate::detail::{Detail, Line, SectionKind, Style};
use crate::model::{EntityKind, Loaded};
use crate::text::sanitize_line;

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
pub(super) fn detail_markdown(detail: &Detail, level: usize, cited: &mut Vec<String>) -> String {
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

pub(super) fn footnotes(loaded: &Loaded, cited: &[String]) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

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
