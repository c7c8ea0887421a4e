//! What is open on top of the lists and the detail ([`Overlay`], each with its own state;
//! the keyboard's [`Mode`] follows from it), and the keys of help (a filter and a scroll)
//! and the dossier's overview (a scroll). Their scroll stops at the end the screen
//! measured (`Action::OverlayLimit`).

use super::input::TextInput;
use super::{Action, App, ExportPrompt, Mode, NamePrompt, NoteEditor, SearchPicker};

/// Rows moved by PgUp/PgDn in an overlay.
const OVERLAY_PAGE: usize = 10;

/// The help overlay: its filter and scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    pub filter: TextInput,
    pub scroll: usize,
}

/// Where `o` on the built-in dossier writes an editable copy, and why the last try failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitPrompt {
    pub input: TextInput,
    pub error: Option<String>,
}

/// What is open on top and drives the keyboard. Opening one closes the other: there is
/// one at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Overlay {
    /// Nothing: moving through lists and the detail (or a page).
    #[default]
    Closed,
    /// Typing into the search bar (the query itself is the app's, open or not).
    Search,
    Help(HelpView),
    /// The overview of the dossier (`i`), and how far it is scrolled.
    Overview {
        scroll: usize,
    },
    /// The export prompt; `overwrite_question`: asking whether to replace the file.
    Export {
        prompt: ExportPrompt,
        overwrite_question: bool,
    },
    /// The note editor (`a`).
    Note(NoteEditor),
    /// The name asked for the query to save (`S`).
    SaveSearch(NamePrompt),
    /// The picker of saved searches (`@`).
    Searches(SearchPicker),
    Init(InitPrompt),
}

impl Overlay {
    /// The keymap's context while this is open.
    pub fn mode(&self) -> Mode {
        match self {
            Overlay::Closed => Mode::Browse,
            Overlay::Search => Mode::Search,
            Overlay::Help(_) => Mode::Help,
            Overlay::Overview { .. } => Mode::Overview,
            Overlay::Export {
                overwrite_question: false,
                ..
            } => Mode::Export,
            Overlay::Export {
                overwrite_question: true,
                ..
            } => Mode::ConfirmOverwrite,
            Overlay::Note(_) => Mode::Note,
            Overlay::SaveSearch(_) => Mode::SaveSearch,
            Overlay::Searches(_) => Mode::Searches,
            Overlay::Init(_) => Mode::Init,
        }
    }
}

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
