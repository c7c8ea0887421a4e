//! What the mouse points at, from the same layout the screen is drawn with.

use ratatui::layout::{Position, Rect};

use super::bars::tab_spans;
use crate::action::Target;
use crate::app::App;
use crate::app::layout::{Layout, inner_rows};
use crate::app::page_layout::{PageAreas, row_in};
use crate::model::EntityKind;

/// The target under column `x`, row `y` of a screen of `area`'s size.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
    let layout = app.layout_at(area.width, area.height);
    if layout.too_small {
        return None;
    }
    let at = Position { x, y };
    if layout.search.contains(at) {
        return Some(Target::SearchBar);
    }
    match layout.page {
        PageAreas::Browse => browse_target(app, &layout, at),
        areas => layout
            .body
            .contains(at)
            .then(|| page_target(app, areas, at)),
    }
}

fn browse_target(app: &App, layout: &Layout, at: Position) -> Option<Target> {
    let panes = &layout.panes;
    if let Some(tabs) = panes.tabs
        && tabs.contains(at)
    {
        return tab_spans(app, tabs.width)
            .into_iter()
            .find(|&(_, start, width, _)| at.x >= start && at.x < start + width)
            .map(|(focus, ..)| Target::Tab(focus));
    }
    for kind in EntityKind::LISTED {
        if let Some(rect) = panes.list(kind)
            && rect.contains(at)
        {
            return Some(list_target(app, kind, rect, at.y));
        }
    }
    let pane = panes.detail?;
    if !pane.contains(at) {
        return None;
    }
    let inner = pane.inner(ratatui::layout::Margin::new(1, 1));
    if inner.contains(at) && app.shown().is_some() {
        let lines = app.detail().lines_at(inner.width as usize);
        let scroll = app.detail().first_shown(lines.len(), inner_rows(pane));
        let line = scroll + (at.y - inner.y) as usize;
        if let Some(link) = lines
            .get(line)
            .and_then(|l| l.link_at((at.x - inner.x) as usize))
        {
            return Some(Target::Link(link));
        }
    }
    Some(Target::Detail)
}

fn list_target(app: &App, kind: EntityKind, rect: Rect, y: u16) -> Target {
    if rect.height < 3 || y == rect.y || y + 1 >= rect.bottom() {
        return Target::List(kind);
    }
    let count = app.results().count(kind);
    match app.list_view(kind).row_at((y - rect.y - 1) as usize, count) {
        Some(row) => Target::ListRow(kind, row),
        None => Target::List(kind),
    }
}

/// What is under the pointer on the matrix, timeline or sources page.
fn page_target(app: &App, areas: PageAreas, at: Position) -> Target {
    let pages = app.pages();
    let found = match areas {
        PageAreas::Matrix(m) => m.spot_at(at).and_then(|spot| {
            let (rows, columns) = pages.matrix_views();
            let matrix = pages.matrix();
            let row = rows.row_at(spot.row, matrix.rows.len())?;
            let column = match spot.column {
                Some(c) => Some(columns.row_at(c, matrix.columns.len())?),
                None => None,
            };
            Some(Target::MatrixCell(row, column))
        }),
        PageAreas::Timeline(t) => row_in(t.list, at)
            .and_then(|n| pages.timeline_view().row_at(n, pages.timeline().rows.len()))
            .map(Target::TimelineRow),
        PageAreas::Sources(s) => s
            .block_at(at.y)
            .filter(|_| s.sources.contains(at))
            .and_then(|n| {
                pages
                    .sources_view()
                    .row_at(n, pages.source_list().rows.len())
            })
            .map(Target::Source),
        PageAreas::Browse => None,
    };
    found.unwrap_or(Target::Page)
}
