//! What the mouse points at, from the same layout the screen is drawn with.

use ratatui::layout::{Position, Rect};

use super::bars::tab_spans;
use crate::app::{App, Target};
use crate::model::EntityKind;

/// The target under column `x`, row `y` of a screen of `area`'s size.
pub fn hit_test(app: &App, area: Rect, x: u16, y: u16) -> Option<Target> {
    let panes = crate::app::layout::panes(area.width, area.height, app.focus, app.last_list);
    if panes.too_small {
        return None;
    }
    let at = Position { x, y };
    if panes.search.contains(at) {
        return Some(Target::SearchBar);
    }
    if app.page != crate::app::Page::Browse {
        return None;
    }
    if let Some(tabs) = panes.tabs
        && tabs.contains(at)
    {
        return tab_spans(tabs.width)
            .into_iter()
            .find(|&(_, start, width)| x >= start && x < start + width)
            .map(|(focus, _, _)| Target::Tab(focus));
    }
    for kind in EntityKind::ALL {
        if let Some(rect) = panes.list(kind)
            && rect.contains(at)
        {
            return Some(list_target(app, kind, rect, y));
        }
    }
    let detail_rect = panes.detail?;
    if !detail_rect.contains(at) {
        return None;
    }
    let inside = x > detail_rect.x
        && x + 1 < detail_rect.right()
        && y > detail_rect.y
        && y + 1 < detail_rect.bottom();
    if inside && app.detail.is_some() {
        let width = detail_rect.width.saturating_sub(2) as usize;
        let rows = detail_rect.height.saturating_sub(2) as usize;
        let lines = app.detail_lines_at(width);
        let scroll = app.detail_scroll.min(lines.len().saturating_sub(rows));
        let line = scroll + (y - detail_rect.y - 1) as usize;
        if let Some(link) = lines
            .get(line)
            .and_then(|l| l.link_at((x - detail_rect.x - 1) as usize))
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
    let row = app.list_view(kind).offset + (y - rect.y - 1) as usize;
    if row < app.results.count(kind) {
        Target::ListRow(kind, row)
    } else {
        Target::List(kind)
    }
}
