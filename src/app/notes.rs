//! The analyst's layer in the explorer: `a` writes a note on the selection (an entity, or
//! the position under the matrix cursor), `*` stars it. Every change asks for the notes
//! file to be written (`Effect::SaveNotes`); an invalid file makes the notes read-only.

use std::path::PathBuf;
use std::sync::Arc;

use super::input::TextInput;
use super::{Action, App, Effect, Focus, NoteEditor, Overlay, Page};
use crate::fsio::Stamp;
use crate::model::{EntityKind, EntityRef};
use crate::notes::file::{Opened, Saved};
use crate::notes::{Notes, key_of_position};
use crate::search::SearchEngine;
use crate::text::sanitize_line;

/// The analyst's notes and where they go.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotesState {
    pub notes: Notes,
    /// The file's notes as last read or written, and their stamp: what this session
    /// changed is `notes` against `base`, merged with another's changes on writing.
    pub(crate) base: Notes,
    pub(crate) read: Option<Stamp>,
    /// Where changes are written; `None`: this session only.
    pub(crate) path: Option<PathBuf>,
    /// Why the notes file could not be read: the notes are read-only until it is fixed.
    pub(crate) error: Option<String>,
    /// Where the notes are kept when not in the usual place (told once, at the start).
    pub(crate) message: Option<String>,
}

impl From<Opened> for NotesState {
    fn from(opened: Opened) -> Self {
        NotesState {
            base: opened.notes.clone(),
            read: opened.read,
            notes: opened.notes,
            path: opened.path,
            error: opened.error,
            message: opened.message,
        }
    }
}

/// What the notes say of a selection that is not an entity or position.
const NOTHING_TO_NOTE: &str = "Notes go on an entity or a position: select one";

impl App {
    pub fn notes(&self) -> &NotesState {
        &self.notes
    }

    /// The note being written, while the note editor is open.
    pub fn note_editor(&self) -> Option<&NoteEditor> {
        match &self.overlay {
            Overlay::Note(editor) => Some(editor),
            _ => None,
        }
    }

    /// The key and name of what `a` and `*` act on: the entity selected or shown, the
    /// event under the timeline cursor, the position under the matrix cursor, the source
    /// selected on the sources page.
    fn note_target(&self) -> Option<(String, String)> {
        let d = &self.loaded.dossier;
        let entity = |e: EntityRef| (d.id_of(e).to_string(), d.name_of(e).to_string());
        match (self.page, self.focus) {
            (Page::Matrix, _) => {
                // Keys are ids: on the comparison's matrix, its own positions.
                let d = &self.matrix_loaded().dossier;
                let (row, column) = self.pages.matrix_cursor();
                let cell = self.pages.matrix.cell(row, column)?;
                let actor = &d.actors[*self.pages.matrix.rows.get(row)?];
                let point = &d.sticking_points[cell.sticking_point];
                let name = format!("{} on {}", actor.name, point.title);
                Some((key_of_position(&point.id, cell.position(d)), name))
            }
            (Page::Timeline, _) => {
                let row = self
                    .pages
                    .timeline
                    .rows
                    .get(self.pages.timeline_rows.selected)?;
                Some(entity(EntityRef::new(EntityKind::Event, row.event)))
            }
            (Page::Sources, _) => self.selected_source_entity().map(entity),
            (Page::Browse, Focus::List(kind)) => self.selected(kind).map(entity),
            (Page::Browse, Focus::Detail) => self.shown().map(entity),
        }
    }

    /// Whether the notes can change; if not, says why in the status bar.
    pub(crate) fn notes_writable(&mut self) -> bool {
        match &self.notes.error {
            Some(error) => {
                self.status = Some(format!(
                    "Notes are read-only until the notes file is fixed: {}",
                    sanitize_line(error)
                ));
                false
            }
            None => true,
        }
    }

    /// `a`: opens the note editor on the selection, with its note so far.
    pub(crate) fn open_note_editor(&mut self) {
        let Some((key, name)) = self.note_target() else {
            self.status = Some(NOTHING_TO_NOTE.into());
            return;
        };
        if !self.notes_writable() {
            return;
        }
        let mut input = TextInput::default();
        input.set(self.notes.notes.note(&key).unwrap_or(""));
        self.overlay = Overlay::Note(NoteEditor { key, name, input });
    }

    /// `*`: stars or unstars the selection.
    pub(crate) fn toggle_star(&mut self) {
        let Some((key, name)) = self.note_target() else {
            self.status = Some("Stars go on an entity or a position: select one".into());
            return;
        };
        if !self.notes_writable() {
            return;
        }
        let starred = self.notes.notes.toggle_star(&key);
        let verb = if starred { "Starred" } else { "Unstarred" };
        self.status = Some(format!("{verb} “{}”", sanitize_line(&name)));
        self.notes_changed();
    }

    /// Keys in the note editor.
    pub(crate) fn note_action(&mut self, action: Action) {
        let Overlay::Note(editor) = &mut self.overlay else {
            return;
        };
        let input = &mut editor.input;
        match action {
            Action::Insert(c) => input.insert(c),
            Action::NewLine => input.insert('\n'),
            Action::DeleteBack => input.delete_back(),
            Action::DeleteForward => input.delete_forward(),
            Action::DeleteWord => input.delete_word(),
            Action::CursorLeft => input.left(),
            Action::CursorRight => input.right(),
            Action::CursorHome => input.home(),
            Action::CursorEnd => input.end(),
            Action::Up => editor.move_line(-1),
            Action::Down => editor.move_line(1),
            Action::SaveNote => self.save_note(),
            Action::EditNoteInEditor => {
                let text = editor.input.text.clone();
                self.effects.push(Effect::EditNote { text });
            }
            Action::Escape => {
                self.overlay = Overlay::Closed;
                self.status = Some("Note not changed".into());
            }
            _ => {}
        }
    }

    fn save_note(&mut self) {
        let editor = match std::mem::take(&mut self.overlay) {
            Overlay::Note(editor) => editor,
            other => {
                self.overlay = other;
                return;
            }
        };
        let before = self.notes.notes.note(&editor.key).map(str::to_string);
        self.notes.notes.set_note(&editor.key, &editor.input.text);
        let name = sanitize_line(&editor.name);
        if self.notes.notes.note(&editor.key).map(str::to_string) == before {
            self.status = Some(format!("Note on “{name}” not changed"));
            return;
        }
        self.status = Some(match self.notes.notes.note(&editor.key) {
            Some(_) => format!("Note on “{name}” saved"),
            None => format!("Note on “{name}” removed"),
        });
        self.notes_changed();
    }

    /// After a change: the file written, the search and the detail brought up to date.
    fn notes_changed(&mut self) {
        self.write_notes();
        self.keep_selection_through_the_search();
        self.reindex_notes();
        self.results_changed();
        // The detail shows the note as it is now, where the reader was.
        let (shown, scroll, link) = (self.shown(), self.detail.scroll, self.detail.link);
        self.detail.clear();
        self.set_shown(shown);
        self.detail.scroll = scroll;
        self.detail.focus_link(link);
        self.settle_detail();
    }

    /// Asks for the notes file to be written (or says the notes last the session).
    pub(crate) fn write_notes(&mut self) {
        match &self.notes.path {
            Some(path) => self.effects.push(Effect::SaveNotes {
                path: path.clone(),
                base: self.notes.base.clone(),
                notes: self.notes.notes.clone(),
                read: self.notes.read,
            }),
            None => {
                if let Some(status) = &mut self.status {
                    status.push_str(" (for this session only)");
                }
            }
        }
    }

    /// `o` on the built-in dossier made a copy: its notes go to the copy's own notes file
    /// (`copy`, as found), with what was noted so far carried over; the built-in's notes
    /// file is left as it is.
    pub(crate) fn notes_follow_the_copy(&mut self, copy: Opened) {
        let taken = std::mem::take(&mut self.notes.notes);
        self.notes = NotesState::from(copy);
        if taken.is_empty() || self.notes.error.is_some() {
            return;
        }
        // What was noted, added to what an older notes file left beside the copy holds.
        let held_before = !self.notes.notes.is_empty();
        self.notes.notes = crate::notes::merge(&Notes::new(), &taken, &self.notes.notes);
        if let (true, Some(path)) = (held_before, &self.notes.path) {
            self.notices.push(format!(
                "Your notes went with the copy to {}, added to what that file already held; \
                 it is written again in talks's own layout, so comments written in it by hand \
                 are not kept.",
                sanitize_line(&path.display().to_string())
            ));
        }
        self.write_notes();
    }

    /// The search engine built again with the notes' words, stars and notes.
    pub(crate) fn reindex_notes(&mut self) {
        let (dossier, index) = (&self.loaded.dossier, &self.loaded.index);
        let engine = SearchEngine::with_notes(dossier, index, Some(&self.notes.notes));
        // `changed:` (--since) asks the engine what changed: the new one is told too.
        engine.set_changed(self.since.as_ref().map(|s| Arc::clone(&s.marked)));
        self.query.replace_engine(Arc::new(engine));
    }

    /// Back from `$EDITOR` with the note (the note editor shows it, Ctrl-S keeps it).
    pub(crate) fn note_edited(&mut self, result: Result<String, String>) {
        let Overlay::Note(editor) = &mut self.overlay else {
            return;
        };
        match result {
            Ok(text) => {
                editor.input.set(text.trim_end_matches('\n'));
                self.status = Some("Back from the editor: Ctrl-S keeps the note".into());
            }
            Err(why) => self.status = Some(why),
        }
    }

    /// What became of writing the notes file. Written: what the file holds now is the base of the next change, and shows (with
    /// the notes another talks saved merged in). Not written: the notes stay for this session.
    pub(crate) fn notes_saved(&mut self, result: Result<Saved, String>) {
        match result {
            Ok(saved) => {
                self.notes.base = saved.notes.clone();
                self.notes.read = Some(saved.stamp);
                if saved.notes != self.notes.notes {
                    self.notes.notes = saved.notes;
                    self.keep_selection_through_the_search();
                    self.reindex_notes();
                    self.results_changed();
                    let merged = "merged with the notes another talks saved meanwhile";
                    self.status = Some(match self.status.take() {
                        Some(status) => format!("{status} ({merged})"),
                        None => format!("Notes saved, {merged}"),
                    });
                }
            }
            Err(why) => self.status = Some(format!("Notes not saved: {}", sanitize_line(&why))),
        }
    }
}
