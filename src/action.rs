//! What the user can ask for and the modes it is asked in: the vocabulary shared by the
//! state (`app`), the key table (`keymap`), the screen (`ui`) and the event loop. A leaf:
//! it imports none of those.

use std::sync::Arc;

use crate::fsio::{WriteError, Written};
use crate::model::{EntityKind, LoadError, Loaded};
use crate::search::{SearchDone, SearchEngine};

/// What the keyboard is driving: the keymap's context. The explorer works it out from what
/// is open on top (`App::mode`), so it holds no state of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Moving through lists and the detail.
    Browse,
    /// Typing into the search bar.
    Search,
    /// The help overlay is open.
    Help,
    /// Typing the file name of an export.
    Export,
    /// Asking whether to replace an existing file.
    ConfirmOverwrite,
    /// The overview of the dossier is open (`i`).
    Overview,
    /// Writing a note in the note editor (`a`).
    Note,
    /// Typing the name of the query to save (`S`).
    SaveSearch,
    /// The picker of saved searches (`@`).
    Searches,
    /// Typing where `o` on the built-in dossier writes an editable copy of it.
    Init,
}

/// What fills the body of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The lists and the detail.
    Browse,
    /// Who stands where: actors × sticking points.
    Matrix,
    /// Events in order.
    Timeline,
    /// Each source and what cites it.
    Sources,
}

/// The pane that has the focus in browse mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List(EntityKind),
    Detail,
}

impl Focus {
    /// The panes in the order Tab walks them: the lists, then the detail.
    pub(crate) const ORDER: [Focus; EntityKind::LISTED_COUNT + 1] = [
        Focus::List(EntityKind::Actor),
        Focus::List(EntityKind::Event),
        Focus::List(EntityKind::StickingPoint),
        Focus::List(EntityKind::Place),
        Focus::Detail,
    ];
}

/// Something the mouse can point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Row `row` (0-based, among the filtered entries) of a list.
    ListRow(EntityKind, usize),
    /// A list's title or an empty part of it.
    List(EntityKind),
    /// Link `n` of the detail.
    Link(usize),
    Detail,
    SearchBar,
    /// A tab of the narrow layout.
    Tab(Focus),
    /// Row `.0` of the matrix (a party): on sticking point `.1`, or on the party's name.
    MatrixCell(usize, Option<usize>),
    /// Row `n` of the timeline.
    TimelineRow(usize),
    /// Source `n` on the sources page (anywhere in its block of lines).
    Source(usize),
    /// Anywhere else on a page.
    Page,
}

/// Everything a user can ask for. Keys and mouse events are turned into these by
/// `keymap` and the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: stop talks and give the terminal back to the shell until `fg`.
    Suspend,
    Up,
    Down,
    Top,
    Bottom,
    PageUp,
    PageDown,
    HalfPageUp,
    HalfPageDown,
    NextPane,
    PreviousPane,
    /// F6: between the list and the detail, from either (Tab steps links in the detail).
    SwitchPane,
    /// Ctrl-E / Ctrl-Y in the detail: scroll a line down / up (vim's).
    ScrollLineDown,
    ScrollLineUp,
    /// Focus the next link of the detail.
    NextLink,
    PreviousLink,
    /// `n`: the next hit of the query in the detail pane.
    FindNext,
    FindPrevious,
    FocusList(EntityKind),
    /// Enter: open the selected entry, or follow the focused link.
    Activate,
    Back,
    Forward,
    StartSearch,
    /// Enter in the search bar: back to the lists, keeping the filter.
    FinishSearch,
    /// Esc: close whatever is open (help, search, the detail focus, the filter).
    Escape,
    Insert(char),
    /// Text pasted (bracketed paste): inserted as text, never read as keys; while
    /// browsing it opens the search bar with it.
    Paste(String),
    DeleteBack,
    DeleteForward,
    DeleteWord,
    ClearInput,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    EarlierQuery,
    LaterQuery,
    ToggleHelp,
    /// `i`: the dossier's overview (title, summary, sources, counts, file).
    ToggleOverview,
    /// The most the open overlay (help, overview) can scroll at the current size and
    /// filter: measured by the screen, sent by the event loop after each change.
    OverlayLimit(usize),
    /// `[` / `]` on the matrix: the positions as of the previous / next date one was taken.
    EarlierDate,
    LaterDate,
    /// Show a page (the lists, the matrix, the timeline, the sources).
    OpenPage(Page),
    /// `e`: export the current view; `E`: the whole dossier as a brief.
    StartExport,
    StartBriefing,
    /// Tab in the export prompt: the next format.
    CycleFormat,
    /// Ctrl-N in the export prompt: with or without the analyst's notes.
    ToggleExportNotes,
    /// The export prompt of the brief: with or without the single-source appendix.
    ToggleExportSingleSource,
    /// Enter in the export prompt.
    ConfirmExport,
    /// The answer to "overwrite?".
    Answer(bool),
    /// `y`: copy the shown entity's text (or the marked entities') to the clipboard.
    CopySelected,
    /// Space: mark or unmark what the cursor is on.
    ToggleMark,
    /// `A`: mark every entry listed; `U`: clear every mark.
    MarkAll,
    ClearMarks,
    /// `a`: write or edit the analyst's note on the selection.
    EditNote,
    /// `*`: star or unstar the selection.
    ToggleStar,
    /// `S`: save the query under a name.
    SaveSearch,
    /// `@`: pick a saved search.
    OpenSavedSearches,
    /// Enter in the note editor: a new line.
    NewLine,
    /// Ctrl-S in the note editor: keep the note.
    SaveNote,
    /// Ctrl-E in the note editor: write the note in `$VISUAL`/`$EDITOR`.
    EditNoteInEditor,
    /// The note as the editor left it, or why the editor failed.
    NoteEdited(Result<String, String>),
    /// The notes file was written (where), or why not.
    NotesSaved(Result<crate::notes::file::Saved, String>),
    /// What became of an export the state asked for.
    ExportFinished(Result<Written, WriteError>),
    /// What became of a copy: the name copied, its lines and how, or why it failed.
    Copied(Result<(String, usize, CopiedBy), String>),
    /// The query history file could not be written: why.
    QueryHistoryNotSaved(String),
    /// The query history was written: the file as it is now.
    QueryHistorySaved(QueryHistoryFile),
    /// `o`: open `$VISUAL`/`$EDITOR` at what the cursor is on.
    OpenInEditor,
    /// `F`: watch the dossier's file (as `--watch`), or stop watching it.
    ToggleWatch,
    /// Watching began (`true`) or ended (`false`), or why the file could not be watched.
    Watching(Result<bool, String>),
    /// `C`: caught up: remember what the dossier says now, for "since you last looked".
    CatchUp,
    /// The snapshot was written (when it was taken), or why not.
    CaughtUp(Result<crate::seen::Taken, String>),
    /// The editor could not start or failed: why, naming the command.
    EditFailed(String),
    /// `o` on an empty matrix cell added a position (where, and whose on what), then the
    /// editor ran and the dossier was read again (`then`, as after any edit).
    PositionAdded(Box<Action>, Box<AddedPosition>),
    /// The editor that ran was talks' default (no `$VISUAL`/`$EDITOR`): what came of it
    /// (`then`), and the status saying which editor it was and how to choose another.
    DefaultEditor(Box<Action>, String),
    /// The built-in dossier was written to a file (`o`, then a file name), read again
    /// from it (watched if it could be), or why it could not be written.
    Initialised(Result<Box<Initialised>, String>),
    /// The dossier was read again (after the editor, or a copy written).
    Reloaded(Reload),
    /// The watched dossier was read again by the watch of `generation` (applied only while
    /// that watch is in force); `missed`: it changed while it was not watched.
    WatchReloaded {
        generation: u64,
        reload: Reload,
        missed: bool,
    },
    /// A search the state asked for finished.
    SearchFinished(Box<SearchDone>),
    Resize(u16, u16),
    Click(Target),
    /// Mouse wheel over a target: positive scrolls down.
    Scroll(Target, i32),
}

/// A new load of the watched dossier, good or bad, and its search engine when it was built
/// already (off the UI thread: at a million entities that takes seconds).
#[derive(Debug, Clone)]
pub struct Reload(
    pub Box<Result<Loaded, LoadError>>,
    pub Option<Arc<SearchEngine>>,
);

impl Reload {
    /// A reload with its search engine built here and now.
    pub fn prepared(result: Result<Loaded, LoadError>) -> Self {
        let engine = result
            .as_ref()
            .ok()
            .map(|l| Arc::new(SearchEngine::new(&l.dossier, &l.index)));
        Reload(Box::new(result), engine)
    }
}

/// Two reloads are never the same event.
impl PartialEq for Reload {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Reload {}

/// How a copy went out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CopiedBy {
    /// Sent to the terminal's clipboard (OSC 52), which never acknowledges it.
    Terminal,
    /// Loaded into tmux's paste buffer (inside tmux), and sent as [`CopiedBy::Terminal`].
    TerminalAndTmux,
    /// Taken by the copy command (named here).
    Command(String),
    /// The copy command failed (why), so it was sent to the terminal instead.
    TerminalInstead { command: String, why: String },
}

/// The built-in dossier written out as a file for the explorer to switch to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Initialised {
    pub path: std::path::PathBuf,
    pub reload: Reload,
    pub watched: bool,
    /// The copy's own notes file as found (its place beside the copy, and what it holds:
    /// nothing, unless an older one was left there); the notes taken so far go to it.
    pub notes: crate::notes::file::Opened,
}

/// Where the query history is kept, and what the file held as last read or written (`base`,
/// with its stamp `read`): what this session added is merged with another's on writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryHistoryFile {
    pub path: std::path::PathBuf,
    pub base: Vec<String>,
    pub read: Option<crate::fsio::Stamp>,
}

/// A position added from the matrix: the file and line it starts at, the party's and the
/// sticking point's ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedPosition {
    pub file: std::path::PathBuf,
    pub line: usize,
    pub actor: String,
    pub sticking_point: String,
}
