//! The overlays over the screen: help (a filter and a scroll) and the dossier's overview
//! (a scroll). Their scroll stops at the end the screen measured (`Action::OverlayLimit`).

use super::{Action, App, Mode};

/// Rows moved by PgUp/PgDn in an overlay.
const OVERLAY_PAGE: usize = 10;

pub(super) fn open_help(app: &mut App) {
    app.mode = Mode::Help;
    app.help.filter.set("");
    app.help.scroll = 0;
}

pub(super) fn open_overview(app: &mut App) {
    app.mode = Mode::Overview;
    app.overview_scroll = 0;
}

/// The new scroll of an overlay after a scrolling action, within `limit`; `None` for an
/// action that does not scroll.
fn scrolled(scroll: usize, limit: usize, action: &Action) -> Option<usize> {
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(OVERLAY_PAGE),
        Action::PageDown | Action::HalfPageDown => scroll + OVERLAY_PAGE,
        Action::Top => 0,
        Action::Bottom => limit,
        _ => return None,
    };
    Some(to.min(limit))
}

pub(super) fn help(app: &mut App, action: Action) {
    if let Some(scroll) = scrolled(app.help.scroll, app.overlay_limit, &action) {
        app.help.scroll = scroll;
        return;
    }
    let filter = &mut app.help.filter;
    match action {
        Action::Escape | Action::ToggleHelp => app.mode = Mode::Browse,
        Action::Insert(c) => filter.insert(c),
        Action::DeleteBack => filter.delete_back(),
        Action::DeleteWord => filter.delete_word(),
        Action::ClearInput => filter.set(""),
        _ => return,
    }
    // A new filter shows its first rows.
    app.help.scroll = 0;
}

pub(super) fn overview(app: &mut App, action: Action) {
    if let Some(scroll) = scrolled(app.overview_scroll, app.overlay_limit, &action) {
        app.overview_scroll = scroll;
    } else if matches!(action, Action::Escape | Action::ToggleOverview) {
        app.mode = Mode::Browse;
    }
}

/// The screen measured how far the open overlay can scroll.
pub(super) fn limit(app: &mut App, limit: usize) {
    app.overlay_limit = limit;
    app.help.scroll = app.help.scroll.min(limit);
    app.overview_scroll = app.overview_scroll.min(limit);
}
