//! The sources page: each source with what it gives of itself and how often it is cited,
//! and what cites the selected one.

use ratatui::buffer::Buffer;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::pages::{block, put};
use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::app::page_layout::SourcesAreas;
use crate::text::sanitize_line;

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
    let area = areas.sources;
    if list.rows.is_empty() {
        let query = sanitize_line(app.query().answered().trim()).into_owned();
        let note =
            format!("Nothing that \"{query}\" finds cites a source. Esc Esc clears the search.");
        super::empty::put_note(buf, areas.inner, &note, theme.muted);
        return;
    }
    for (n, row) in list
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(area.height as usize)
    {
        let source = &d.sources[row.source];
        let selected = n == view.selected;
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let mut f = Fitted::default();
        f.push(if selected { "> " } else { "  " }, |_| base);
        f.push(&sanitize_line(&source.title), |_| {
            base.add_modifier(Modifier::BOLD)
        });
        let mut facts = source.facts();
        if let Some(url) = &source.url {
            facts = format!("{facts} · {url}");
        }
        let kind = sanitize_line(&facts).into_owned();
        let times = crate::text::count_of(row.cited, "time", "times");
        let cited = if list.filtered {
            format!("cited {} of {times}", row.citing.len())
        } else {
            format!("cited {times}")
        };
        f.push(&format!("  {kind} · {cited}"), |_| base.patch(theme.muted));
        let y = area.y + (n - view.offset) as u16;
        put(buf, area.x, y, area.width as usize, f);
    }
    if app.pages().selected_source().is_some() {
        source_citations(app, theme, areas, buf);
    }
}

/// Under the sources: what cites the selected one (among the results).
fn source_citations(app: &App, theme: &Theme, areas: &SourcesAreas, buf: &mut Buffer) {
    let Some(row) = app.pages().selected_source() else {
        return;
    };
    let count = row.citing.len();
    let mut heading = Fitted::default();
    let text = if count == 0 {
        "Nothing in the dossier cites this source yet.".to_string()
    } else {
        format!("Cited by {count} (j/k move, ←/→ another source, Enter opens the source):")
    };
    heading.push(&text, |_| theme.label);
    let h = areas.heading;
    put(buf, h.x, h.y, h.width as usize, heading);
    let view = app.pages().citations_view();
    let area = areas.citations;
    for (n, citing) in row
        .citing
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(area.height as usize)
    {
        let selected = n == view.selected;
        let style = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if selected { "> " } else { "  " };
        let mut f = Fitted::default();
        f.push(&format!("{marker}{}", sanitize_line(&citing.label)), |_| {
            style
        });
        let y = area.y + (n - view.offset) as u16;
        put(buf, area.x, y, area.width as usize, f);
    }
    let total = row.citing.len() + areas.sources.height as usize + 2;
    let rows = areas.inner.height as usize;
    super::scrollbar(
        areas.block,
        buf,
        total,
        rows,
        view.offset,
        theme.border_focused,
    );
}
