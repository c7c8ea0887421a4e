//! What an HTML export adds after its content when asked: the analyst's notes and what
//! changed since the older version (the brief places them itself).

use maud::{Markup, html};

use super::{heading, t};
use crate::export::{ExportOptions, Scope, analyst, describe};
use crate::format::Format;
use crate::model::Loaded;
use crate::notes::Noted;

/// The notes and what changed after an export of `scope`, as `options` ask.
pub(super) fn after(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> Markup {
    let notes = options.notes.map(|notes| {
        let items = analyst::items(loaded, scope, notes);
        html! { @if !items.is_empty() { (self::notes(&items, 2)) } }
    });
    let moved = options.since.map(|old| {
        let now = options.now.unwrap_or(loaded);
        let part = crate::export::since::section((old, now), (scope, loaded), Format::Html);
        changes(&part)
    });
    html! {
        @if let Some(notes) = notes { (notes) }
        @if let Some(moved) = moved { (moved) }
    }
}

/// The analyst's notes on what is exported under a heading of `level`, said to be no
/// source's; nothing when there are none.
pub(super) fn notes(items: &[Noted], level: usize) -> Markup {
    if items.is_empty() {
        return html! {};
    }
    html! {
        section.notes {
            (heading(level, html! { (describe::NOTES_HEADING) }))
            p { em.not-sourced { (describe::NOT_SOURCED) } }
            ul {
                @for item in items {
                    li {
                        (describe::noted_title(item))
                        @if let Some(note) = &item.note {
                            @for line in note.lines() { p { (t(line)) } }
                        }
                    }
                }
            }
        }
    }
}

/// What changed, from its text (a title over `=`, headings over `-`, items indented two
/// spaces and their details four) to a section: the title an `h2`, headings `h3`, items a
/// list.
pub(super) fn changes(part: &str) -> Markup {
    let lines: Vec<&str> = part.lines().collect();
    let rule = |line: &str, c: char| !line.is_empty() && line.chars().all(|x| x == c);
    let mut blocks: Vec<Markup> = Vec::new();
    let mut items: Vec<(String, Vec<String>)> = Vec::new();
    for (at, &line) in lines.iter().enumerate() {
        if line.trim().is_empty() || rule(line, '=') || rule(line, '-') {
            continue;
        }
        let next = lines.get(at + 1).copied().unwrap_or_default();
        let level = if rule(next, '=') {
            Some(2)
        } else {
            rule(next, '-').then_some(3)
        };
        if let Some(detail) = line.strip_prefix("    ") {
            match items.last_mut() {
                Some((_, details)) => details.push(detail.trim().to_string()),
                None => items.push((detail.trim().to_string(), Vec::new())),
            }
            continue;
        }
        if let Some(item) = line.strip_prefix("  ") {
            items.push((item.trim().to_string(), Vec::new()));
            continue;
        }
        if !items.is_empty() {
            blocks.push(list(std::mem::take(&mut items)));
        }
        blocks.push(match level {
            Some(level) => heading(level, html! { (t(line)) }),
            None => html! { p { (t(line)) } },
        });
    }
    if !items.is_empty() {
        blocks.push(list(items));
    }
    html! { section.changes { @for block in blocks { (block) } } }
}

fn list(items: Vec<(String, Vec<String>)>) -> Markup {
    html! {
        ul {
            @for (item, details) in items {
                li {
                    (t(&item))
                    @if !details.is_empty() { ul { @for d in details { li { (t(&d)) } } } }
                }
            }
        }
    }
}
