//! The table of every key binding, in the order help lists them. Earlier entries win
//! within a context.

use crossterm::event::KeyCode;

use super::{Binding, Context, Key};
use crate::action::{Action, Page};
use crate::model::EntityKind;

use Context::{Anywhere, Detail, Export, Help, Lists, Overview, Overwrite, Pages, Search};
use Key::{Alt, Ctrl, Plain, Text};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

/// A binding; without a description, help gives the command's own.
macro_rules! bind {
    ($context:expr, [$($key:expr),+], $action:expr) => {
        Binding { context: $context, keys: &[$($key),+], action: $action, description: None }
    };
    ($context:expr, [$($key:expr),+], $action:expr, $description:literal) => {
        Binding { context: $context, keys: &[$($key),+], action: $action, description: Some($description) }
    };
}

/// Every binding. The help overlay lists them in this order.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind!(Lists, [Plain(Char('j')), Plain(Down)], Action::Down, "Next entry"),
    bind!(Lists, [Plain(Char('k')), Plain(Up)], Action::Up, "Previous entry"),
    bind!(Lists, [Plain(Char('g')), Plain(Home)], Action::Top, "First entry"),
    bind!(Lists, [Plain(Char('G')), Plain(End)], Action::Bottom, "Last entry"),
    bind!(Lists, [Plain(PageDown)], Action::PageDown),
    bind!(Lists, [Plain(PageUp)], Action::PageUp),
    bind!(Lists, [Ctrl('d')], Action::HalfPageDown),
    bind!(Lists, [Ctrl('u')], Action::HalfPageUp),
    bind!(Lists, [Plain(Tab), Plain(Char('l')), Plain(Right)], Action::NextPane),
    bind!(Lists, [Plain(BackTab), Plain(Char('h')), Plain(Left)], Action::PreviousPane),
    bind!(Lists, [Plain(Enter)], Action::Activate, "Open the entry's links in the detail pane"),
    bind!(Lists, [Plain(Char('n'))], Action::FindNext),
    bind!(Lists, [Plain(Char('N'))], Action::FindPrevious),
    bind!(Detail, [Plain(Tab), Plain(Char('j')), Plain(Down)], Action::NextLink),
    bind!(Detail, [Plain(BackTab), Plain(Char('k')), Plain(Up)], Action::PreviousLink),
    bind!(Detail, [Plain(Enter)], Action::Activate, "Follow the focused link"),
    bind!(Detail, [Plain(Char('n'))], Action::FindNext),
    bind!(Detail, [Plain(Char('N'))], Action::FindPrevious),
    bind!(Detail, [Plain(PageDown), Ctrl('d')], Action::PageDown, "Scroll down"),
    bind!(Detail, [Plain(PageUp), Ctrl('u')], Action::PageUp, "Scroll up"),
    bind!(Detail, [Plain(Char('g')), Plain(Home)], Action::Top, "Scroll to the top"),
    bind!(Detail, [Plain(Char('G')), Plain(End)], Action::Bottom, "Scroll to the bottom"),
    bind!(Detail, [Plain(Char('h')), Plain(Left), Plain(Esc)], Action::Escape, "Back to the list"),
    bind!(Pages, [Plain(Char('j')), Plain(Down)], Action::Down),
    bind!(Pages, [Plain(Char('k')), Plain(Up)], Action::Up),
    bind!(Pages, [Plain(Char('h')), Plain(Left)], Action::CursorLeft, "Left (matrix)"),
    bind!(Pages, [Plain(Char('l')), Plain(Right)], Action::CursorRight, "Right (matrix)"),
    bind!(Pages, [Plain(Char('g')), Plain(Home)], Action::Top),
    bind!(Pages, [Plain(Char('G')), Plain(End)], Action::Bottom),
    bind!(Pages, [Plain(PageDown), Ctrl('d')], Action::PageDown),
    bind!(Pages, [Plain(PageUp), Ctrl('u')], Action::PageUp),
    bind!(Pages, [Plain(Enter)], Action::Activate),
    bind!(Pages, [Plain(Esc)], Action::Escape, "Back to the lists"),
    bind!(Anywhere, [Plain(Char('m'))], Action::OpenPage(Page::Matrix)),
    bind!(Anywhere, [Plain(Char('t'))], Action::OpenPage(Page::Timeline)),
    bind!(Anywhere, [Plain(Char('s'))], Action::OpenPage(Page::Sources)),
    bind!(Anywhere, [Plain(Char('/'))], Action::StartSearch),
    bind!(Anywhere, [Plain(Backspace), Alt(Left)], Action::Back),
    bind!(Anywhere, [Alt(Right)], Action::Forward),
    bind!(Anywhere, [Plain(Char('1'))], Action::FocusList(EntityKind::Actor)),
    bind!(Anywhere, [Plain(Char('2'))], Action::FocusList(EntityKind::Event)),
    bind!(Anywhere, [Plain(Char('3'))], Action::FocusList(EntityKind::StickingPoint)),
    bind!(Anywhere, [Plain(Char('4'))], Action::FocusList(EntityKind::Place)),
    bind!(Anywhere, [Plain(Char('e'))], Action::StartExport),
    bind!(Anywhere, [Plain(Char('E'))], Action::StartBriefing),
    bind!(Anywhere, [Plain(Char('y'))], Action::CopySelected),
    bind!(Anywhere, [Plain(Esc)], Action::Escape, "Clear the search filter"),
    bind!(Anywhere, [Plain(Char('?'))], Action::ToggleHelp),
    bind!(Anywhere, [Plain(Char('i'))], Action::ToggleOverview),
    bind!(Anywhere, [Plain(Char('q')), Ctrl('c')], Action::Quit),
    bind!(Anywhere, [Ctrl('z')], Action::Suspend),
    bind!(Search, [Plain(Enter)], Action::FinishSearch),
    bind!(Search, [Plain(Esc)], Action::Escape, "Clear the query and close the search bar"),
    bind!(Search, [Plain(Up)], Action::HistoryPrevious),
    bind!(Search, [Plain(Down)], Action::HistoryNext),
    bind!(Search, [Plain(Backspace)], Action::DeleteBack),
    bind!(Search, [Plain(Delete)], Action::DeleteForward),
    bind!(Search, [Ctrl('w')], Action::DeleteWord),
    bind!(Search, [Ctrl('u')], Action::ClearInput, "Clear the query"),
    bind!(Search, [Plain(Left)], Action::CursorLeft),
    bind!(Search, [Plain(Right)], Action::CursorRight),
    bind!(Search, [Plain(Home), Ctrl('a')], Action::CursorHome),
    bind!(Search, [Plain(End), Ctrl('e')], Action::CursorEnd),
    bind!(Search, [Plain(Tab)], Action::Insert(' '), "A space (a pasted tab separates words)"),
    bind!(Search, [Ctrl('c')], Action::Quit),
    bind!(Search, [Ctrl('z')], Action::Suspend),
    bind!(Search, [Text], Action::Insert(' '), "Type the query: words (typos forgiven), \"a phrase\", 'exact, ^prefix, suffix$, !not, a | b; filters kind: status: topic: stance: actor: place: date:2025 date:>=2025-11 (undated events never match date:)"),
    bind!(Export, [Plain(Enter)], Action::ConfirmExport),
    bind!(Export, [Plain(Tab)], Action::CycleFormat),
    bind!(Export, [Plain(Esc)], Action::Escape, "Cancel the export"),
    bind!(Export, [Plain(Backspace)], Action::DeleteBack),
    bind!(Export, [Plain(Delete)], Action::DeleteForward),
    bind!(Export, [Ctrl('w')], Action::DeleteWord),
    bind!(Export, [Ctrl('u')], Action::ClearInput, "Clear the file name"),
    bind!(Export, [Plain(Left)], Action::CursorLeft),
    bind!(Export, [Plain(Right)], Action::CursorRight),
    bind!(Export, [Plain(Home), Ctrl('a')], Action::CursorHome),
    bind!(Export, [Plain(End), Ctrl('e')], Action::CursorEnd),
    bind!(Export, [Ctrl('c')], Action::Quit),
    bind!(Export, [Ctrl('z')], Action::Suspend),
    bind!(Export, [Text], Action::Insert(' '), "Type the file name; its extension picks the format"),
    bind!(Overwrite, [Plain(Char('y'))], Action::Answer(true)),
    bind!(Overwrite, [Plain(Char('n')), Plain(Esc)], Action::Answer(false)),
    bind!(Overwrite, [Ctrl('c')], Action::Quit),
    bind!(Overwrite, [Ctrl('z')], Action::Suspend),
    bind!(Help, [Plain(Esc), Plain(Char('?'))], Action::Escape, "Close the help"),
    bind!(Help, [Plain(Up)], Action::Up, "Scroll up"),
    bind!(Help, [Plain(Down)], Action::Down, "Scroll down"),
    bind!(Help, [Plain(PageUp)], Action::PageUp),
    bind!(Help, [Plain(PageDown)], Action::PageDown),
    bind!(Help, [Plain(Home)], Action::Top, "Scroll to the top"),
    bind!(Help, [Plain(End)], Action::Bottom, "Scroll to the bottom"),
    bind!(Help, [Plain(Backspace)], Action::DeleteBack, "Delete a character of the filter"),
    bind!(Help, [Ctrl('w')], Action::DeleteWord, "Delete a word of the filter"),
    bind!(Help, [Ctrl('u')], Action::ClearInput, "Clear the filter"),
    bind!(Help, [Ctrl('c')], Action::Quit),
    bind!(Help, [Ctrl('z')], Action::Suspend),
    bind!(Help, [Text], Action::Insert(' '), "Type to filter the help (letters are text: scroll with the arrows and PgUp/PgDn)"),
    bind!(Overview, [Plain(Esc), Plain(Char('q')), Plain(Char('i'))], Action::Escape, "Close the overview"),
    bind!(Overview, [Plain(Char('j')), Plain(Down)], Action::Down, "Scroll down"),
    bind!(Overview, [Plain(Char('k')), Plain(Up)], Action::Up, "Scroll up"),
    bind!(Overview, [Plain(PageDown), Ctrl('d')], Action::PageDown),
    bind!(Overview, [Plain(PageUp), Ctrl('u')], Action::PageUp),
    bind!(Overview, [Plain(Char('g')), Plain(Home)], Action::Top),
    bind!(Overview, [Plain(Char('G')), Plain(End)], Action::Bottom),
    bind!(Overview, [Ctrl('c')], Action::Quit),
    bind!(Overview, [Ctrl('z')], Action::Suspend),
];
