//! The sources page: each source in a block of lines, with what it says of itself (kind,
//! publisher, date, address), what it backs counted by part, and the first things it
//! backs.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::pages::{block, put};
use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::app::page_layout::{FIRST_BACKED, SOURCE_LINES, SourcesAreas};
use crate::text::{count_of, sanitize_line, shorten_url};
use crate::views::{Backed, SourceList, SourceRow};

/// The fewest columns a shortened address is shown in; with less room it goes.
const LEAST_URL: usize = 12;

pub(super) fn sources(app: &App, theme: &Theme, areas: &SourcesAreas, buf: &mut Buffer) {
    let d = &app.loaded().dossier;
    let view = app.pages().sources_view();
    let list = app.pages().source_list();
    let title = if list.filtered {
        format!(" Sources: {} of {} ", list.rows.len(), d.sources.len())
    } else {
        format!(" Sources: {} ", d.sources.len())
    };
    let room = areas.block.width.saturating_sub(4) as usize;
    let title = super::filtered::fit(app, &[title], room, "Esc Esc");
    block(theme, &title, areas.block).render(areas.block, buf);
    if list.rows.is_empty() {
        let query = sanitize_line(app.query().answered().trim()).into_owned();
        let note = format!(
            "No source is named by \"{query}\" or cited by what it finds. Esc Esc clears the search."
        );
        super::empty::put_note(buf, areas.inner, &note, theme.muted);
        return;
    }
    let fit = areas.fit();
    for (n, row) in list.rows.iter().enumerate().skip(view.offset).take(fit) {
        let y = areas.sources.y + (n - view.offset) as u16 * areas.lines;
        let shown = Shown {
            app,
            theme,
            list,
            selected: n == view.selected,
        };
        shown.source(row, areas, y, buf);
    }
    let lines = areas.lines as usize;
    super::scrollbar(
        areas.block,
        buf,
        list.rows.len() * lines,
        fit * lines,
        view.offset * lines,
        theme.border_focused,
    );
}

/// What a source's block is drawn with.
struct Shown<'a> {
    app: &'a App,
    theme: &'a Theme,
    list: &'a SourceList,
    selected: bool,
}

impl Shown<'_> {
    /// The block of source `row` from line `y`: as many of its lines as the areas give.
    fn source(&self, row: &SourceRow, areas: &SourcesAreas, y: u16, buf: &mut Buffer) {
        let source = &self.app.loaded().dossier.sources[row.source];
        let (x, width) = (areas.sources.x, areas.sources.width as usize);
        let base = if self.selected {
            self.theme.selected
        } else {
            Style::new()
        };
        let mut lines: Vec<Fitted> = Vec::new();
        let mut title = Fitted::default();
        let entity = crate::model::EntityRef::new(crate::model::EntityKind::Source, row.source);
        let marker = super::lists::entry_marker(self.app, entity, self.selected);
        title.push(&marker, |_| base);
        title.push(&sanitize_line(&source.title), |_| {
            base.add_modifier(Modifier::BOLD)
        });
        lines.push(title);
        let (said, link) = self.facts(source, width);
        lines.push(said);
        // The counts whole, on two lines if need be, in place of a first thing backed.
        let counts = in_lines(&backs(self.list, row), width.saturating_sub(2));
        for piece in counts.iter().take(2) {
            let mut f = Fitted::default();
            f.push(&format!("  {piece}"), |_| self.theme.label);
            lines.push(f);
        }
        let first = FIRST_BACKED + 1 - counts.len().clamp(1, 2);
        for citing in row.first_backed(first) {
            let mut f = Fitted::default();
            f.push(&format!("    {}", sanitize_line(&citing.label)), |_| {
                Style::new()
            });
            lines.push(f);
        }
        // A block of full height ends with a blank line, between it and the next.
        let content = match areas.lines {
            SOURCE_LINES => SOURCE_LINES - 1,
            lines => lines,
        };
        let bottom = areas.sources.bottom().min(y + content);
        for (n, line) in lines.into_iter().enumerate() {
            let at = y + n as u16;
            if at >= bottom {
                break;
            }
            put(buf, x, at, width, line);
        }
        if let Some((at, columns, url)) = link
            && self.app.hyperlinks()
            && y + 1 < bottom
        {
            let columns = columns.min(width.saturating_sub(at)) as u16;
            super::hyperlink::link(buf, (x + at as u16, y + 1), columns, url);
        }
    }

    /// What a source says of itself: kind, publisher, date, and its address shortened to
    /// the rest of the line; where the address is (column, width) and the address. Short
    /// of room, the kind alone before the address (the detail has the rest), rather than
    /// no address.
    fn facts<'s>(
        &self,
        source: &'s crate::model::Source,
        width: usize,
    ) -> (Fitted, Option<(usize, usize, &'s str)>) {
        let all = self.facts_with(source, &source.facts(), width);
        match all {
            (_, None) if source.url.is_some() => {
                let kind_only = self.facts_with(source, &source.kind, width);
                if kind_only.1.is_some() {
                    kind_only
                } else {
                    all
                }
            }
            all => all,
        }
    }

    /// [`Self::facts`] with these `facts` before the address.
    fn facts_with<'s>(
        &self,
        source: &'s crate::model::Source,
        facts: &str,
        width: usize,
    ) -> (Fitted, Option<(usize, usize, &'s str)>) {
        let facts = sanitize_line(facts).into_owned();
        let mut said = Fitted::default();
        said.push(&format!("  {facts}"), |_| self.theme.muted);
        let Some(url) = source.url.as_deref() else {
            return (said, None);
        };
        let room = width.saturating_sub(said.width + 3);
        let clean = sanitize_line(url);
        let shown = shorten_url(&clean, room);
        // Too short a piece of an address says nothing: it goes.
        if shown.is_empty() || (room < LEAST_URL && shown != clean) {
            return (said, None);
        }
        said.push(" · ", |_| self.theme.muted);
        let at = said.width;
        said.push(&shown, |_| self.theme.link);
        (said, Some((at, crate::text::width(&shown), url)))
    }
}

/// `parts` joined by " · " in lines of `width` columns, broken between parts only (a part
/// wider than a line is cut when drawn).
fn in_lines(parts: &[String], width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for part in parts {
        match lines.last_mut() {
            Some(line) if crate::text::width(line) + 3 + crate::text::width(part) <= width => {
                line.push_str(" · ");
                line.push_str(part);
            }
            _ => lines.push(part.clone()),
        }
    }
    lines
}

/// What a source backs, counted by part: "backs 6 events", "9 positions", "7 quotes", "12
/// other entities"; when the query left some of it out, "2 of 6 events" and so on.
pub(crate) fn backs(list: &SourceList, row: &SourceRow) -> Vec<String> {
    if row.backs.total() == 0 {
        return vec!["backs nothing in the dossier yet".to_string()];
    }
    let shown = row.backs_shown();
    let mut counts: Vec<String> = row
        .backs
        .parts()
        .into_iter()
        .map(|(all, one, many)| {
            if list.filtered && row.citing.len() < row.cited {
                let of = count_part(&shown, one);
                format!("{of} of {}", count_of(all, one, many))
            } else {
                count_of(all, one, many)
            }
        })
        .collect();
    if let Some(first) = counts.first_mut() {
        *first = format!("backs {first}");
    }
    counts
}

/// How many of the part named `one` (its singular noun) `backed` counts.
fn count_part(backed: &Backed, one: &str) -> usize {
    backed
        .parts()
        .into_iter()
        .find(|&(_, noun, _)| noun == one)
        .map_or(0, |(n, ..)| n)
}
