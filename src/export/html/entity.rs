//! One entity's detail in HTML: sections under headings, positions as a table, quotes as
//! block quotes, note markers as links to the export's bibliography.

use maud::{Markup, html};

use super::{cite, heading, t};
use crate::detail::{Detail, Line, SectionKind, Segment, Style};
use crate::export::bibliography::{self, Bibliography};
use crate::export::describe;
use crate::model::EntityKind;

/// A note marker (" [2]") as a link to the export's entry, if `segment` is one.
fn note_mark(segment: &Segment, notes: &[usize]) -> Option<Markup> {
    if segment.style != Style::Muted {
        return None;
    }
    let n = bibliography::note_number(&segment.text)?;
    let global = *notes.get(n.checked_sub(1)?)?;
    Some(html! { " " (cite(global)) })
}

/// One segment: links in bold, a fact after them set off by a dash, a stance with its
/// hedge, note markers as the export's numbers.
fn segment(segment: &Segment, notes: &[usize]) -> Markup {
    if let Some(mark) = note_mark(segment, notes) {
        return mark;
    }
    let text = t(&segment.text);
    match &segment.style {
        Style::Link(_) => html! { strong { (text) } },
        Style::Stance(stance) => html! { em.stance-word { (t(&describe::stance(stance))) } },
        Style::Label => html! { strong { (text.trim()) } " " },
        Style::Hedge => html! { " " em.inferred { (text.trim()) } },
        Style::Muted => html! { span.muted { " — " (text.trim()) } },
        Style::Note => html! { span.note { (text) } },
        Style::Sourcing => html! { span.muted { (text) } },
        Style::Plain | Style::Quote => html! { (text) },
    }
}

/// A line's segments after its stance (the position's summary and note marks).
fn after_stance(line: &Line, notes: &[usize]) -> Markup {
    let rest = line
        .segments
        .iter()
        .skip_while(|s| !matches!(s.style, Style::Stance(_)))
        .skip(1)
        .filter(|s| s.style != Style::Hedge);
    html! {
        @for s in rest {
            @if let Some(mark) = note_mark(s, notes) { (mark) }
            @else { (t(s.text.trim_start_matches(": "))) }
        }
    }
}

fn positions_table(first_column: &str, lines: &[Line], notes: &[usize]) -> Markup {
    html! {
        table.positions {
            thead { tr { th scope="col" { (first_column) } th scope="col" { "Stance" } th scope="col" { "Position" } } }
            tbody {
                @for line in lines {
                    tr {
                        th scope="row" { @if let Some(first) = line.segments.first() { (t(&first.text)) } }
                        td {
                            @for s in &line.segments {
                                @if let Style::Stance(stance) = &s.style { (t(&describe::stance(stance))) }
                                @if s.style == Style::Hedge { em.inferred { (t(&s.text)) } }
                            }
                        }
                        td { (after_stance(line, notes)) }
                    }
                }
            }
        }
    }
}

/// Each quote a block quote, who said it and where under it.
fn quotes(lines: &[Line], notes: &[usize]) -> Markup {
    html! {
        @for line in lines {
            blockquote {
                p { @if let Some(first) = line.segments.first() { (t(&first.text)) } }
                footer { @for s in line.segments.iter().skip(1) { (segment(s, notes)) } }
            }
        }
    }
}

/// The lines of a section that is neither positions, quotes nor the summary, as a list.
fn items(lines: &[Line], notes: &[usize]) -> Markup {
    html! {
        ul {
            @for line in lines {
                li {
                    @for (i, s) in line.segments.iter().enumerate() {
                        // The detail's own bullet ("• ") would follow the list's.
                        @if i == 0 && s.style == Style::Plain {
                            (t(s.text.trim_start_matches('•').trim_start()))
                        } @else {
                            (segment(s, notes))
                        }
                    }
                }
            }
        }
    }
}

/// One entity's detail under a heading of `level`; its notes cite the export's
/// bibliography `bib`.
pub(super) fn detail_html(detail: &Detail, level: usize, bib: &mut Bibliography) -> Markup {
    let notes = bib.renumber(detail);
    let sections = detail.sections.iter().map(|section| {
        let title = (!section.heading.is_empty())
            .then(|| heading(level + 1, html! { (t(&section.heading)) }));
        let body = match section.kind {
            SectionKind::Sources => {
                let mut numbers = notes.clone();
                numbers.sort_unstable();
                numbers.dedup();
                return html! {
                    p.sources {
                        "Sources: "
                        @for (i, n) in numbers.into_iter().enumerate() { @if i > 0 { ", " } (cite(n)) }
                    }
                };
            }
            SectionKind::Positions => {
                // An actor's positions are listed by sticking point; a sticking point's by party.
                let first = if detail.entity.kind == EntityKind::Actor {
                    "Sticking point"
                } else {
                    "Party"
                };
                positions_table(first, &section.lines, &notes)
            }
            SectionKind::Quotes => quotes(&section.lines, &notes),
            SectionKind::Summary => html! {
                @for line in &section.lines { p { (t(&line.text())) } }
            },
            _ => items(&section.lines, &notes),
        };
        html! { @if let Some(title) = title { (title) } (body) }
    });
    let sections: Vec<Markup> = sections.collect();
    html! {
        section.entity {
            (heading(level, html! { (t(&detail.title)) }))
            @for section in sections { (section) }
        }
    }
}
