//! What can be open on top of the lists and the detail, each with its own state: one
//! [`Overlay`] at a time, from which the keyboard's [`Mode`] follows. Only the types: what
//! opens and closes them lives with each (`overlays.rs`, `notes.rs`, `saved_searches.rs`,
//! `exporting.rs`, `editing.rs`).

use super::input::TextInput;
use super::{ExportPrompt, Mode};

/// The help overlay: its filter and scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    pub filter: TextInput,
    pub scroll: usize,
}

/// Where `o` on the built-in dossier writes an editable copy, and why the last try failed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InitPrompt {
    pub(crate) input: TextInput,
    pub(crate) error: Option<String>,
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

/// The name being typed for the query to save.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NamePrompt {
    pub(crate) input: TextInput,
    /// The query saved.
    pub(crate) query: String,
    /// Why the name was refused, shown in the prompt.
    pub(crate) error: Option<String>,
}

/// The picker of saved searches: its filter and the row the cursor is on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPicker {
    pub(crate) filter: TextInput,
    pub(crate) selected: usize,
}

/// The note being written: on what (its key and name) and the text so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NoteEditor {
    pub(crate) key: String,
    pub(crate) name: String,
    pub(crate) input: TextInput,
}

impl NoteEditor {
    /// The cursor as (line, column in chars).
    pub fn cursor_line_column(&self) -> (usize, usize) {
        let before: String = self.input.text.chars().take(self.input.cursor).collect();
        let line = before.matches('\n').count();
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        (line, column)
    }

    /// Moves the cursor a line up (`-1`) or down (`1`), to the same column or the line's end.
    pub(super) fn move_line(&mut self, delta: isize) {
        let (line, column) = self.cursor_line_column();
        let lines: Vec<&str> = self.input.text.split('\n').collect();
        let Some(target) = line.checked_add_signed(delta).filter(|&l| l < lines.len()) else {
            return;
        };
        let start: usize = lines[..target].iter().map(|l| l.chars().count() + 1).sum();
        self.input.cursor = start + column.min(lines[target].chars().count());
    }
}
