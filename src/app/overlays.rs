//! What is open on top of the lists and the detail ([`Overlay`], each with its own state;
//! the keyboard's [`Mode`] follows from it), and the keys of help (a filter and a scroll)
//! and the dossier's overview (a scroll). Their scroll stops at the end the screen
//! measured (`Action::OverlayLimit`).

use super::{Action, App, HelpView, Overlay};

/// Rows moved by PgUp/PgDn in an overlay.
const OVERLAY_PAGE: usize = 10;

pub(super) fn open_help(app: &mut App) {
    app.overlay = Overlay::Help(HelpView::default());
}

pub(super) fn open_overview(app: &mut App) {
    app.overlay = Overlay::Overview { scroll: 0 };
}

/// The new scroll of an overlay after a scrolling action, within `limit`; `None` for an
/// action that does not scroll.
fn scrolled(scroll: usize, limit: usize, action: &Action) -> Option<usize> {
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(OVERLAY_PAGE),
        Action::PageDown | Action::HalfPageDown => scroll.saturating_add(OVERLAY_PAGE),
        Action::Top => 0,
        Action::Bottom => limit,
        _ => return None,
    };
    Some(to.min(limit))
}

pub(super) fn help(app: &mut App, action: Action) {
    let Overlay::Help(help) = &mut app.overlay else {
        return;
    };
    if let Some(scroll) = scrolled(help.scroll, app.overlay_limit, &action) {
        help.scroll = scroll;
        return;
    }
    let filter = &mut help.filter;
    match action {
        Action::Escape | Action::ToggleHelp => {
            app.overlay = Overlay::Closed;
            return;
        }
        Action::Insert(c) => filter.insert(c),
        Action::DeleteBack => filter.delete_back(),
        Action::DeleteWord => filter.delete_word(),
        Action::ClearInput => filter.set(""),
        _ => return,
    }
    // A new filter shows its first rows.
    help.scroll = 0;
}

pub(super) fn overview(app: &mut App, action: Action) {
    let Overlay::Overview { scroll } = &mut app.overlay else {
        return;
    };
    if let Some(to) = scrolled(*scroll, app.overlay_limit, &action) {
        *scroll = to;
    } else if matches!(action, Action::Escape | Action::ToggleOverview) {
        app.overlay = Overlay::Closed;
    } else if action == Action::StartBriefing {
        app.open_export(crate::export::Scope::Briefing);
    }
}

/// The screen measured how far the open overlay can scroll.
pub(super) fn limit(app: &mut App, limit: usize) {
    app.overlay_limit = limit;
    match &mut app.overlay {
        Overlay::Help(help) => help.scroll = help.scroll.min(limit),
        Overlay::Overview { scroll } => *scroll = (*scroll).min(limit),
        _ => {}
    }
}
