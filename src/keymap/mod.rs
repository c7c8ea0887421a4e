//! Keys → actions, per context. The help overlay is generated from this same table, so
//! help never drifts from behaviour.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::action::{Action, Focus, Mode, Page};

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
    /// The matrix, timeline and sources pages.
    Pages,
    /// The dossier's overview.
    Overview,
    /// The note editor.
    Note,
    /// Naming a search to save.
    SaveSearch,
    /// The picker of saved searches.
    Searches,
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
            Context::Pages => "In the matrix, timeline and sources",
            Context::Overview => "In the overview",
            Context::Note => "In the note editor",
            Context::SaveSearch => "When naming a search to save",
            Context::Searches => "In the saved searches",
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

/// A row of the built-in key table.
pub struct Binding {
    pub(crate) context: Context,
    pub(crate) keys: &'static [Key],
    pub(crate) action: Action,
    /// What the action does in this context, when it says more than the command's own
    /// description.
    pub(crate) description: Option<&'static str>,
}

mod bindings;
pub mod commands;
mod presses;
mod remap;

pub use bindings::BINDINGS;
pub use commands::{COMMANDS, Command, action_name};
pub(crate) use presses::keys_of;
pub use presses::{dispatch, presses, when_too_small};
pub(crate) use remap::Remap;
pub use remap::{Entry, Keymap, parse_key};

use Context::{Anywhere, Detail, Export, Help, Lists, Overview, Overwrite, Pages, Search};
use Key::{Alt, Ctrl, Plain, Text};
use KeyCode::{
    BackTab, Backspace, Char, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up,
};

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

/// The contexts that apply, most specific first: the one place that says which keys work
/// in which mode (key handling and the status bar's hints both ask it).
pub(crate) fn contexts(mode: Mode, focus: Focus, page: Page) -> &'static [Context] {
    match (mode, focus) {
        (Mode::Browse, _) if page != Page::Browse => &[Pages, Anywhere],
        (Mode::Search, _) => &[Search],
        (Mode::Help, _) => &[Help],
        // The built-in dossier's copy: a file name typed as an export's is.
        (Mode::Export | Mode::Init, _) => &[Export],
        (Mode::ConfirmOverwrite, _) => &[Overwrite],
        (Mode::Overview, _) => &[Overview],
        (Mode::Note, _) => &[Context::Note],
        (Mode::SaveSearch, _) => &[Context::SaveSearch],
        (Mode::Searches, _) => &[Context::Searches],
        (Mode::Browse, Focus::Detail) => &[Detail, Anywhere],
        (Mode::Browse, Focus::List(_)) => &[Lists, Anywhere],
    }
}

/// The action a key press asks for in this mode and focus.
pub fn action_for(
    keymap: &Keymap,
    mode: Mode,
    focus: Focus,
    page: Page,
    event: &KeyEvent,
) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    for &context in contexts(mode, focus, page) {
        for binding in keymap.entries.iter().filter(|b| b.context == context) {
            for &key in &binding.keys {
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
pub(crate) fn key_name(key: Key) -> String {
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
            KeyCode::F(n) => format!("F{n}"),
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
pub(crate) struct HelpRow {
    pub(crate) context: Context,
    pub(crate) keys: String,
    pub(crate) description: &'static str,
    /// The action's name for `[keys]` in the config file.
    pub(crate) name: String,
}

/// The help rows whose keys or description contain `filter` (any case).
pub(crate) fn help_rows(keymap: &Keymap, filter: &str) -> Vec<HelpRow> {
    let filter = filter.to_lowercase();
    keymap
        .entries
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
            name: action_name(&b.action).to_string(),
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
    use crate::model::EntityKind;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    /// What `key` does in `mode` with the detail focused, on the lists' page.
    fn on_detail(mode: Mode, key: &KeyEvent) -> Option<Action> {
        action_for(&Keymap::default(), mode, Focus::Detail, Page::Browse, key)
    }

    fn browse_list(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        action_for(
            &Keymap::default(),
            Mode::Browse,
            Focus::List(EntityKind::Actor),
            Page::Browse,
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
        assert_eq!(on_detail(Mode::Browse, &j), Some(Action::NextLink));
        assert_eq!(on_detail(Mode::Search, &j), Some(Action::Insert('j')));
        assert_eq!(on_detail(Mode::Help, &j), Some(Action::Insert('j')));
        let q = key(Char('q'), KeyModifiers::NONE);
        assert_eq!(on_detail(Mode::Search, &q), Some(Action::Insert('q')));
        let esc = key(Esc, KeyModifiers::NONE);
        assert_eq!(on_detail(Mode::Browse, &esc), Some(Action::Escape));
    }

    #[test]
    fn ctrl_z_suspends_in_every_mode() {
        let ctrl_z = key(Char('z'), KeyModifiers::CONTROL);
        for mode in [
            Mode::Browse,
            Mode::Search,
            Mode::Help,
            Mode::Export,
            Mode::ConfirmOverwrite,
            Mode::Overview,
        ] {
            assert_eq!(on_detail(mode, &ctrl_z), Some(Action::Suspend), "{mode:?}");
        }
    }

    #[test]
    fn ctrl_d_and_ctrl_u_move_half_a_page_in_every_pane() {
        let keymap = Keymap::default();
        let ctrl_d = key(Char('d'), KeyModifiers::CONTROL);
        let ctrl_u = key(Char('u'), KeyModifiers::CONTROL);
        for (focus, page) in [
            (Focus::List(EntityKind::Event), Page::Browse),
            (Focus::Detail, Page::Browse),
            (Focus::Detail, Page::Matrix),
        ] {
            let action = |event| action_for(&keymap, Mode::Browse, focus, page, event);
            assert_eq!(
                action(&ctrl_d),
                Some(Action::HalfPageDown),
                "{focus:?} {page:?}"
            );
            assert_eq!(
                action(&ctrl_u),
                Some(Action::HalfPageUp),
                "{focus:?} {page:?}"
            );
        }
    }

    #[test]
    fn o_opens_the_editor_from_lists_detail_and_pages_but_types_in_the_search_bar() {
        let keymap = Keymap::default();
        let o = key(Char('o'), KeyModifiers::NONE);
        for (focus, page) in [
            (Focus::List(EntityKind::Actor), Page::Browse),
            (Focus::Detail, Page::Browse),
            (Focus::List(EntityKind::Actor), Page::Matrix),
        ] {
            let action = action_for(&keymap, Mode::Browse, focus, page, &o);
            assert_eq!(action, Some(Action::OpenInEditor), "{focus:?} {page:?}");
        }
        assert_eq!(on_detail(Mode::Search, &o), Some(Action::Insert('o')));
    }

    #[test]
    fn f6_changes_pane_from_every_pane() {
        let f6 = key(KeyCode::F(6), KeyModifiers::NONE);
        assert_eq!(on_detail(Mode::Browse, &f6), Some(Action::SwitchPane));
        assert_eq!(
            browse_list(KeyCode::F(6), KeyModifiers::NONE),
            Some(Action::SwitchPane)
        );
        assert_eq!(key_name(Key::Plain(KeyCode::F(6))), "F6");
    }

    #[test]
    fn releases_are_ignored() {
        let mut release = key(Char('j'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(on_detail(Mode::Browse, &release), None);
    }

    #[test]
    fn help_lists_every_binding_and_filters() {
        assert_eq!(help_rows(&Keymap::default(), "").len(), BINDINGS.len());
        let back = help_rows(&Keymap::default(), "back in the history");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].keys, "Backspace Alt-← Ctrl-o");
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

#[cfg(test)]
#[path = "habits_tests.rs"]
mod habits_tests;
