//! What `update` asks of the outside world, carried out by the event loop.

use std::path::PathBuf;

use super::QueryHistoryFile;
use crate::export::{Format, Scope};
use crate::search::SearchRequest;

/// Work with the outside world that `update` asks for; the event loop carries it out and
/// reports back with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Export {
        path: PathBuf,
        format: Format,
        scope: Scope,
        overwrite: bool,
        /// With the analyst's notes in a section of their own.
        notes: bool,
        /// The brief with its appendix of the claims on one source.
        single_source: bool,
        /// Columns of a text export; 0: a paragraph a line.
        width: usize,
    },
    Copy {
        text: String,
        name: String,
    },
    /// Run a search on the worker thread.
    Search(SearchRequest),
    /// Write the query history (oldest first) to its file.
    SaveQueryHistory {
        file: QueryHistoryFile,
        entries: Vec<String>,
    },
    /// Write the analyst's notes file.
    SaveNotes {
        path: PathBuf,
        /// The file's notes as last read or written, and their stamp.
        base: crate::notes::Notes,
        notes: crate::notes::Notes,
        read: Option<crate::fsio::Stamp>,
    },
    /// Give the terminal back to the shell and stop until continued; the event loop does
    /// this, since it owns the terminal.
    Suspend,
    /// Hand the terminal to the editor on `path`, at the value at `at` in it (a path such
    /// as `actors[3]`, placed by `editor::place_of` when the file is read), then reload.
    Edit {
        path: PathBuf,
        at: String,
        /// What to read again after: the dossier (a folder dossier's folder, not the file
        /// edited).
        dossier: PathBuf,
    },
    /// `F`: watch the dossier's file at `path` (`on`), or stop watching it.
    Watch {
        path: PathBuf,
        on: bool,
        /// The watch's generation: its reloads carry it, and any other is dropped.
        generation: u64,
    },
    /// `o` on an empty matrix cell: add a new position of `actor` on `sticking_point` to
    /// `file` (as `talks new position --append` does), hand the terminal to the editor at
    /// it, then read `dossier` again; a failure is reported as `Action::EditFailed`.
    AddPosition {
        file: PathBuf,
        dossier: PathBuf,
        sticking_point: String,
        actor: String,
    },
    /// Hand the note being written (`text`) to the editor in a temporary file, and read it
    /// back (reported as `Action::NoteEdited`).
    EditNote {
        text: String,
    },
    /// Write the built-in dossier to `path` (never over a file), switch to it and watch
    /// it (reported as `Action::Initialised`).
    Init {
        path: PathBuf,
    },
    /// `C`: write what the dossier says now as its snapshot in `store` (reported as
    /// `Action::CaughtUp`).
    CatchUp {
        store: crate::seen::Store,
        key: crate::seen::SeenKey,
    },
}
