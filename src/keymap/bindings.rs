//! The table of every key binding, in the order help lists them. Earlier entries win
//! within a context.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::app::{Action, Page};
use crate::model::EntityKind;

use Context::{Anywhere, Detail, Export, Help, Lists, Overwrite, Pages, Search};
use Key::{Alt, Ctrl, Plain, Text};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

macro_rules! bind {
    ($context:expr, [$($key:expr),+], $action:expr, $description:literal) => {
        Binding { context: $context, keys: &[$($key),+], action: $action, description: $description }
    };
}

/// Every binding. The help overlay lists them in this order.
pub const BINDINGS: &[Binding] = &[
    bind!(
        Lists,
        [Plain(Char('j')), Plain(Down)],
        Action::Down,
        "Next entry"
    ),
    bind!(
        Lists,
        [Plain(Char('k')), Plain(Up)],
        Action::Up,
        "Previous entry"
    ),
    bind!(
        Lists,
        [Plain(Char('g')), Plain(Home)],
        Action::Top,
        "First entry"
    ),
    bind!(
        Lists,
        [Plain(Char('G')), Plain(End)],
        Action::Bottom,
        "Last entry"
    ),
    bind!(Lists, [Plain(PageDown)], Action::PageDown, "Page down"),
    bind!(Lists, [Plain(PageUp)], Action::PageUp, "Page up"),
    bind!(Lists, [Ctrl('d')], Action::HalfPageDown, "Half a page down"),
    bind!(Lists, [Ctrl('u')], Action::HalfPageUp, "Half a page up"),
    bind!(
        Lists,
        [Plain(Tab), Plain(Char('l')), Plain(Right)],
        Action::NextPane,
        "Next pane"
    ),
    bind!(
        Lists,
        [Plain(BackTab), Plain(Char('h')), Plain(Left)],
        Action::PreviousPane,
        "Previous pane"
    ),
    bind!(
        Lists,
        [Plain(Enter)],
        Action::Activate,
        "Open the entry's links in the detail pane"
    ),
    bind!(
        Detail,
        [Plain(Tab), Plain(Char('j')), Plain(Down)],
        Action::NextLink,
        "Next link"
    ),
    bind!(
        Detail,
        [Plain(BackTab), Plain(Char('k')), Plain(Up)],
        Action::PreviousLink,
        "Previous link"
    ),
    bind!(
        Detail,
        [Plain(Enter)],
        Action::Activate,
        "Follow the focused link"
    ),
    bind!(
        Detail,
        [Plain(PageDown), Ctrl('d')],
        Action::PageDown,
        "Scroll down"
    ),
    bind!(
        Detail,
        [Plain(PageUp), Ctrl('u')],
        Action::PageUp,
        "Scroll up"
    ),
    bind!(
        Detail,
        [Plain(Char('g')), Plain(Home)],
        Action::Top,
        "Scroll to the top"
    ),
    bind!(
        Detail,
        [Plain(Char('G')), Plain(End)],
        Action::Bottom,
        "Scroll to the bottom"
    ),
    bind!(
        Detail,
        [Plain(Char('h')), Plain(Left), Plain(Esc)],
        Action::Escape,
        "Back to the list"
    ),
    bind!(Pages, [Plain(Char('j')), Plain(Down)], Action::Down, "Down"),
    bind!(Pages, [Plain(Char('k')), Plain(Up)], Action::Up, "Up"),
    bind!(
        Pages,
        [Plain(Char('h')), Plain(Left)],
        Action::CursorLeft,
        "Left (matrix)"
    ),
    bind!(
        Pages,
        [Plain(Char('l')), Plain(Right)],
        Action::CursorRight,
        "Right (matrix)"
    ),
    bind!(
        Pages,
        [Plain(Char('g')), Plain(Home)],
        Action::Top,
        "To the top"
    ),
    bind!(
        Pages,
        [Plain(Char('G')), Plain(End)],
        Action::Bottom,
        "To the bottom"
    ),
    bind!(
        Pages,
        [Plain(PageDown), Ctrl('d')],
        Action::PageDown,
        "Page down"
    ),
    bind!(Pages, [Plain(PageUp), Ctrl('u')], Action::PageUp, "Page up"),
    bind!(
        Pages,
        [Plain(Enter)],
        Action::Activate,
        "Open what is under the cursor"
    ),
    bind!(Pages, [Plain(Esc)], Action::Escape, "Back to the lists"),
    bind!(
        Anywhere,
        [Plain(Char('m'))],
        Action::OpenPage(Page::Matrix),
        "Stance matrix: who stands where"
    ),
    bind!(
        Anywhere,
        [Plain(Char('t'))],
        Action::OpenPage(Page::Timeline),
        "Timeline: events in order"
    ),
    bind!(
        Anywhere,
        [Plain(Char('s'))],
        Action::OpenPage(Page::Sources),
        "Sources and what cites each"
    ),
    bind!(
        Anywhere,
        [Plain(Char('/'))],
        Action::StartSearch,
        "Search: filter every list"
    ),
    bind!(
        Anywhere,
        [Plain(Backspace), Alt(Left)],
        Action::Back,
        "Go back in the history"
    ),
    bind!(
        Anywhere,
        [Alt(Right)],
        Action::Forward,
        "Go forward in the history"
    ),
    bind!(
        Anywhere,
        [Plain(Char('1'))],
        Action::FocusList(EntityKind::Actor),
        "Jump to the actors"
    ),
    bind!(
        Anywhere,
        [Plain(Char('2'))],
        Action::FocusList(EntityKind::Event),
        "Jump to the events"
    ),
    bind!(
        Anywhere,
        [Plain(Char('3'))],
        Action::FocusList(EntityKind::StickingPoint),
        "Jump to the sticking points"
    ),
    bind!(
        Anywhere,
        [Plain(Char('4'))],
        Action::FocusList(EntityKind::Place),
        "Jump to the places"
    ),
    bind!(
        Anywhere,
        [Plain(Char('e'))],
        Action::StartExport,
        "Export this view (list and detail) to a file"
    ),
    bind!(
        Anywhere,
        [Plain(Char('E'))],
        Action::StartBriefing,
        "Export the whole dossier as a briefing"
    ),
    bind!(
        Anywhere,
        [Plain(Char('y'))],
        Action::CopySelected,
        "Copy the shown entity's text to the clipboard"
    ),
    bind!(
        Anywhere,
        [Plain(Esc)],
        Action::Escape,
        "Clear the search filter"
    ),
    bind!(
        Anywhere,
        [Plain(Char('?'))],
        Action::ToggleHelp,
        "Show this help"
    ),
    bind!(
        Anywhere,
        [Plain(Char('q')), Ctrl('c')],
        Action::Quit,
        "Quit"
    ),
    bind!(
        Search,
        [Plain(Enter)],
        Action::FinishSearch,
        "Back to the lists, keeping the filter"
    ),
    bind!(
        Search,
        [Plain(Esc)],
        Action::Escape,
        "Clear the query and close the search bar"
    ),
    bind!(
        Search,
        [Plain(Up)],
        Action::HistoryPrevious,
        "Earlier query"
    ),
    bind!(Search, [Plain(Down)], Action::HistoryNext, "Later query"),
    bind!(
        Search,
        [Plain(Backspace)],
        Action::DeleteBack,
        "Delete the character before the cursor"
    ),
    bind!(
        Search,
        [Plain(Delete)],
        Action::DeleteForward,
        "Delete the character under the cursor"
    ),
    bind!(
        Search,
        [Ctrl('w')],
        Action::DeleteWord,
        "Delete the word before the cursor"
    ),
    bind!(Search, [Ctrl('u')], Action::ClearInput, "Clear the query"),
    bind!(Search, [Plain(Left)], Action::CursorLeft, "Cursor left"),
    bind!(Search, [Plain(Right)], Action::CursorRight, "Cursor right"),
    bind!(
        Search,
        [Plain(Home), Ctrl('a')],
        Action::CursorHome,
        "Cursor to the start"
    ),
    bind!(
        Search,
        [Plain(End), Ctrl('e')],
        Action::CursorEnd,
        "Cursor to the end"
    ),
    bind!(Search, [Ctrl('c')], Action::Quit, "Quit"),
    bind!(
        Search,
        [Text],
        Action::Insert(' '),
        "Type the query: words (fuzzy), 'exact, ^prefix, suffix$, !not, a | b, kind: status: topic: stance: actor:"
    ),
    bind!(
        Export,
        [Plain(Enter)],
        Action::ConfirmExport,
        "Write the file"
    ),
    bind!(
        Export,
        [Plain(Tab)],
        Action::CycleFormat,
        "Next format: txt, md, json"
    ),
    bind!(Export, [Plain(Esc)], Action::Escape, "Cancel the export"),
    bind!(
        Export,
        [Plain(Backspace)],
        Action::DeleteBack,
        "Delete the character before the cursor"
    ),
    bind!(
        Export,
        [Plain(Delete)],
        Action::DeleteForward,
        "Delete the character under the cursor"
    ),
    bind!(
        Export,
        [Ctrl('w')],
        Action::DeleteWord,
        "Delete the word before the cursor"
    ),
    bind!(
        Export,
        [Ctrl('u')],
        Action::ClearInput,
        "Clear the file name"
    ),
    bind!(Export, [Plain(Left)], Action::CursorLeft, "Cursor left"),
    bind!(Export, [Plain(Right)], Action::CursorRight, "Cursor right"),
    bind!(
        Export,
        [Plain(Home), Ctrl('a')],
        Action::CursorHome,
        "Cursor to the start"
    ),
    bind!(
        Export,
        [Plain(End), Ctrl('e')],
        Action::CursorEnd,
        "Cursor to the end"
    ),
    bind!(Export, [Ctrl('c')], Action::Quit, "Quit"),
    bind!(
        Export,
        [Text],
        Action::Insert(' '),
        "Type the file name; its extension picks the format"
    ),
    bind!(
        Overwrite,
        [Plain(Char('y'))],
        Action::Answer(true),
        "Yes, replace the file"
    ),
    bind!(
        Overwrite,
        [Plain(Char('n')), Plain(Esc)],
        Action::Answer(false),
        "No, back to the file name"
    ),
    bind!(Overwrite, [Ctrl('c')], Action::Quit, "Quit"),
    bind!(
        Help,
        [Plain(Esc), Plain(Char('?'))],
        Action::Escape,
        "Close the help"
    ),
    bind!(Help, [Plain(Up)], Action::Up, "Scroll up"),
    bind!(Help, [Plain(Down)], Action::Down, "Scroll down"),
    bind!(Help, [Plain(PageUp)], Action::PageUp, "Page up"),
    bind!(Help, [Plain(PageDown)], Action::PageDown, "Page down"),
    bind!(
        Help,
        [Plain(Backspace)],
        Action::DeleteBack,
        "Delete a character of the filter"
    ),
    bind!(Help, [Ctrl('c')], Action::Quit, "Quit"),
    bind!(Help, [Text], Action::Insert(' '), "Type to filter the help"),
];
