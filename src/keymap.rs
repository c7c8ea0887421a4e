//! Keys → actions, per context. The help overlay is generated from this same table, so
//! help never drifts from behaviour.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::app::{Action, Focus, Mode};
use crate::model::EntityKind;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Browsing, whatever pane has the focus.
    Anywhere,
    Lists,
    Detail,
    Search,
    Help,
    Export,
    Overwrite,
}

impl Context {
    pub fn title(self) -> &'static str {
        match self {
            Context::Anywhere => "Anywhere",
            Context::Lists => "In a list",
            Context::Detail => "In the detail pane",
            Context::Search => "In the search bar",
            Context::Help => "In this help",
            Context::Export => "In the export prompt",
            Context::Overwrite => "When asked to overwrite a file",
        }
    }
}

/// A key as bound: a key code with Ctrl/Alt, or any printable character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Plain(KeyCode),
    Ctrl(char),
    Alt(KeyCode),
    /// Any printable character: typed into a text field.
    Text,
}

pub struct Binding {
    pub context: Context,
    pub keys: &'static [Key],
    pub action: Action,
    pub description: &'static str,
}

use Context::{Anywhere, Detail, Export, Help, Lists, Overwrite, Search};
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

/// Every binding, in the order help lists them. Earlier entries win within a context.
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

fn matches(key: Key, event: &KeyEvent) -> Option<Action> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    let hit = match key {
        Plain(code) => !ctrl && !alt && event.code == code,
        Ctrl(c) => ctrl && !alt && event.code == Char(c),
        Alt(code) => alt && !ctrl && event.code == code,
        Text => match event.code {
            Char(c) if !ctrl && !alt && !c.is_control() => return Some(Action::Insert(c)),
            _ => false,
        },
    };
    hit.then_some(Action::Quit)
}

/// The contexts that apply, most specific first.
fn contexts(mode: Mode, focus: Focus) -> &'static [Context] {
    match (mode, focus) {
        (Mode::Search, _) => &[Search],
        (Mode::Help, _) => &[Help],
        (Mode::Export, _) => &[Export],
        (Mode::ConfirmOverwrite, _) => &[Overwrite],
        (Mode::Browse, Focus::Detail) => &[Detail, Anywhere],
        (Mode::Browse, Focus::List(_)) => &[Lists, Anywhere],
    }
}

/// The action a key press asks for in this mode and focus.
pub fn action_for(mode: Mode, focus: Focus, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for &context in contexts(mode, focus) {
        for binding in BINDINGS.iter().filter(|b| b.context == context) {
            for &key in binding.keys {
                match (key, matches(key, event)) {
                    (Text, Some(insert)) => return Some(insert),
                    (_, Some(_)) => return Some(binding.action.clone()),
                    _ => {}
                }
            }
        }
    }
    None
}

/// How a key is written in help and hints.
pub fn key_name(key: Key) -> String {
    fn code(code: KeyCode) -> String {
        match code {
            Char(' ') => "Space".into(),
            Char(c) => c.to_string(),
            Up => "↑".into(),
            Down => "↓".into(),
            Left => "←".into(),
            Right => "→".into(),
            Tab => "Tab".into(),
            BackTab => "Shift-Tab".into(),
            Enter => "Enter".into(),
            Esc => "Esc".into(),
            Backspace => "Backspace".into(),
            Delete => "Delete".into(),
            Home => "Home".into(),
            End => "End".into(),
            PageUp => "PgUp".into(),
            PageDown => "PgDn".into(),
            other => format!("{other:?}"),
        }
    }
    match key {
        Plain(c) => code(c),
        Ctrl(c) => format!("Ctrl-{c}"),
        Alt(c) => format!("Alt-{}", code(c)),
        Text => "text".into(),
    }
}

/// One row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    pub context: Context,
    pub keys: String,
    pub description: &'static str,
}

/// The help rows whose keys or description contain `filter` (any case).
pub fn help_rows(filter: &str) -> Vec<HelpRow> {
    let filter = filter.to_lowercase();
    BINDINGS
        .iter()
        .map(|b| HelpRow {
            context: b.context,
            keys: b
                .keys
                .iter()
                .map(|&k| key_name(k))
                .collect::<Vec<_>>()
                .join(" "),
            description: b.description,
        })
        .filter(|row| {
            filter.is_empty()
                || row.description.to_lowercase().contains(&filter)
                || row.keys.to_lowercase().contains(&filter)
                || row.context.title().to_lowercase().contains(&filter)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    fn browse_list(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(
            Mode::Browse,
            Focus::List(EntityKind::Actor),
            &key(code, modifiers),
        )
    }

    #[test]
    fn vim_keys_and_arrows_both_work() {
        let none = KeyModifiers::NONE;
        assert_eq!(browse_list(Char('j'), none), Some(Action::Down));
        assert_eq!(browse_list(Down, none), Some(Action::Down));
        assert_eq!(
            browse_list(Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            browse_list(Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            browse_list(Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(browse_list(Left, KeyModifiers::ALT), Some(Action::Back));
        assert_eq!(
            browse_list(BackTab, KeyModifiers::SHIFT),
            Some(Action::PreviousPane)
        );
    }

    #[test]
    fn the_same_key_means_what_the_context_says() {
        let j = key(Char('j'), KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Browse, Focus::Detail, &j),
            Some(Action::NextLink)
        );
        assert_eq!(
            action_for(Mode::Search, Focus::Detail, &j),
            Some(Action::Insert('j'))
        );
        assert_eq!(
            action_for(Mode::Help, Focus::Detail, &j),
            Some(Action::Insert('j'))
        );
        let q = key(Char('q'), KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Search, Focus::Detail, &q),
            Some(Action::Insert('q'))
        );
        let esc = key(Esc, KeyModifiers::NONE);
        assert_eq!(
            action_for(Mode::Browse, Focus::Detail, &esc),
            Some(Action::Escape)
        );
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key(Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(action_for(Mode::Browse, Focus::Detail, &release), None);
    }

    #[test]
    fn help_lists_every_binding_and_filters() {
        assert_eq!(help_rows("").len(), BINDINGS.len());
        let back = help_rows("back in the history");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].keys, "Backspace Alt-←");
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, a) in BINDINGS.iter().enumerate() {
            for b in &BINDINGS[i + 1..] {
                if a.context == b.context {
                    for key in a.keys {
                        assert!(!b.keys.contains(key), "{key:?} twice in {:?}", a.context);
                    }
                }
            }
        }
    }
}
