//! One entity's detail in Markdown: sections as headings, positions as a table, quotes as
//! block quotes, note markers as the numbers of the export's bibliography.

use super::{escape, escape_paragraph};
use crate::detail::{Detail, Line, SectionKind, Style};
use crate::export::bibliography::{self, Bibliography};
use crate::export::describe;
use crate::model::EntityKind;

/// A detail line as Markdown: links in bold, a fact after them set off by a dash, note
/// markers as the export's numbers, an unclear stance hedged.
fn inline(line: &Line, notes: &[usize]) -> String {
    let mut out = String::new();
    for segment in &line.segments {
        match &segment.style {
            Style::Link(_) => out.push_str(&format!("**{}**", escape(&segment.text))),
            Style::Stance(stance) => {
                out.push_str(&format!("*{}*", escape(&describe::stance(stance))))
            }
            Style::Label => out.push_str(&format!("**{}** ", escape(segment.text.trim()))),
            Style::Hedge => out.push_str(&format!(" *{}*", escape(segment.text.trim()))),
            Style::Muted => match bibliography::renumbered(&segment.text, notes) {
                Some(mark) => out.push_str(&mark),
                None => out.push_str(&format!(" — {}", escape(segment.text.trim()))),
            },
            _ => out.push_str(&escape(&segment.text)),
        }
    }
    out.trim().to_string()
}

fn positions_table(first_column: &str, lines: &[Line], notes: &[usize]) -> String {
    let mut out = format!("| {first_column} | Stance | Position |\n|---|---|---|\n");
    for line in lines {
        let party = line
            .segments
            .first()
            .map_or(String::new(), |s| escape(&s.text));
        let mut stance = line
            .segments
            .iter()
            .find_map(|s| match &s.style {
                Style::Stance(stance) => Some(escape(&describe::stance(stance))),
                _ => None,
            })
            .unwrap_or_default();
        if let Some(hedge) = line.segments.iter().find(|s| s.style == Style::Hedge) {
            stance.push_str(&escape(&hedge.text));
        }
        let after_stance = line
            .segments
            .iter()
            .skip_while(|s| !matches!(s.style, Style::Stance(_)))
            .skip(1)
            .filter(|s| s.style != Style::Hedge);
        let mut summary = String::new();
        for segment in after_stance {
            let note = matches!(segment.style, Style::Muted)
                .then(|| bibliography::renumbered(&segment.text, notes))
                .flatten();
            if let Some(mark) = note {
                summary.push_str(&mark);
            } else {
                summary.push_str(&escape(segment.text.trim_start_matches(": ")));
            }
        }
        out.push_str(&format!("| {party} | {stance} | {} |\n", summary.trim()));
    }
    out
}

/// Each quote a block quote, a blank line between them.
fn quotes(lines: &[Line], notes: &[usize]) -> String {
    let mut out = String::new();
    for line in lines {
        if !out.is_empty() {
            out.push('\n');
        }
        let quote = line
            .segments
            .first()
            .map_or(String::new(), |s| escape(&s.text));
        let rest = Line {
            segments: line.segments[1.min(line.segments.len())..].to_vec(),
        };
        out.push_str(&format!("> {quote}\n>\n> {}\n", inline(&rest, notes)));
    }
    out
}

/// One entity's detail under a heading of `level`; its notes cite the export's
/// bibliography `bib`.
pub(super) fn detail_markdown(detail: &Detail, level: usize, bib: &mut Bibliography) -> String {
    let notes = bib.renumber(detail);
    let hashes = "#".repeat(level);
    let mut out = format!("{hashes} {}\n\n", escape(&detail.title));
    for section in &detail.sections {
        if section.kind == SectionKind::Sources {
            out.push_str(&format!("Sources: {}\n\n", bibliography::marks(&notes)));
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
                out.push_str(&positions_table(first, &section.lines, &notes));
            }
            SectionKind::Quotes => out.push_str(&quotes(&section.lines, &notes)),
            SectionKind::Summary => {
                for line in &section.lines {
                    out.push_str(&escape_paragraph(&line.text()));
                    out.push('\n');
                }
            }
            _ => {
                // The detail's own bullet ("• ") would follow Markdown's.
                for line in &section.lines {
                    let item = inline(line, &notes);
                    let item = item
                        .strip_prefix('•')
                        .map_or(item.as_str(), str::trim_start);
                    out.push_str(&format!("- {item}\n"));
                }
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::Segment;

    #[test]
    fn a_fact_after_a_link_is_set_off_and_notes_take_the_export_s_numbers() {
        let segment = |text: &str, style| Segment {
            text: text.into(),
            style,
        };
        let witkoff = crate::model::EntityRef::new(EntityKind::Actor, 0);
        let line = Line {
            segments: vec![
                segment("Steve Witkoff", Style::Link(witkoff)),
                segment("  US special envoy", Style::Muted),
                segment(" [1]", Style::Muted),
            ],
        };
        assert_eq!(
            inline(&line, &[4]),
            "**Steve Witkoff** — US special envoy [4]"
        );
    }
}
