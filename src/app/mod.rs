//! The explorer's state and `update(&mut App, Action)`. No I/O: every change of state goes
//! through `update`, so it is tested without a terminal.

mod exporting;
pub mod history;
pub mod input;
pub mod layout;
mod navigate;
mod pages;
mod reload;
mod search;
mod update;

pub use pages::{
    MATRIX_COLUMN_WIDTH, MATRIX_HEADER_ROWS, MATRIX_NAME_WIDTH, PageViews, matrix_note_rows,
    source_list_rows,
};

#[cfg(test)]
mod tests;

pub use update::update;

use std::path::PathBuf;
use std::sync::Arc;

use crate::detail::{Detail, ScreenLine, detail, screen_lines};
use crate::export::{Format, Scope, ViewSpec, WriteError, Written};
use crate::keymap::Keymap;
use crate::model::{EntityKind, EntityRef, LoadError, Loaded};
use crate::search::{Query, Results, SearchDone, SearchEngine, SearchRequest};
use history::History;
use input::{QueryHistory, TextInput};
use layout::{Panes, kind_slot, panes};
pub use search::SearchState;

/// What the keyboard is driving.
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
}

/// Everything a user can ask for. Keys and mouse events are turned into these by
/// `keymap` and the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
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
    /// Focus the next link of the detail.
    NextLink,
    PreviousLink,
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
    DeleteBack,
    DeleteForward,
    DeleteWord,
    ClearInput,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    HistoryPrevious,
    HistoryNext,
    ToggleHelp,
    /// Show a page (the lists, the matrix, the timeline, the sources).
    OpenPage(Page),
    /// `e`: export the current view; `E`: the whole dossier as a briefing.
    StartExport,
    StartBriefing,
    /// Tab in the export prompt: the next format.
    CycleFormat,
    /// Enter in the export prompt.
    ConfirmExport,
    /// The answer to "overwrite?".
    Answer(bool),
    /// `y`: copy the shown entity's text to the clipboard.
    CopySelected,
    /// What became of an export the state asked for.
    ExportFinished(Result<Written, WriteError>),
    /// What became of a copy: the name copied, or why it failed.
    Copied(Result<String, String>),
    /// The watched dossier was read again.
    Reloaded(Reload),
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

/// The selection and scroll position of one list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    /// Index into the list's filtered entries.
    pub selected: usize,
    /// First visible entry.
    pub offset: usize,
}

/// The help overlay: its filter and scroll.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpView {
    pub filter: TextInput,
    pub scroll: usize,
}

/// The export prompt: the file name being edited, its format and what is exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportPrompt {
    pub input: TextInput,
    pub format: Format,
    pub scope: Scope,
    /// Why the last attempt failed, shown in the prompt.
    pub error: Option<String>,
}

/// Work with the outside world that `update` asks for; the event loop carries it out and
/// reports back with an action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Export {
        path: PathBuf,
        format: Format,
        scope: Scope,
        overwrite: bool,
    },
    Copy {
        text: String,
        name: String,
    },
    /// Run a search on the worker thread.
    Search(SearchRequest),
}

/// The whole state of the explorer.
pub struct App {
    pub loaded: Loaded,
    pub engine: Arc<SearchEngine>,
    /// The entries of each list that the query lets through, ranked.
    pub results: Results,
    pub mode: Mode,
    pub page: Page,
    pub pages: PageViews,
    pub focus: Focus,
    /// The list that was focused last (open in the stacked layout while the detail has focus).
    pub last_list: EntityKind,
    pub lists: [ListView; 4],
    /// What the detail pane shows, built when the shown entity changes.
    pub detail: Option<Detail>,
    /// The detail's links in reading order, and its screen lines at the current width:
    /// kept with the detail so that no keystroke or frame lays it out again.
    pub detail_links: Vec<EntityRef>,
    pub detail_lines: Vec<ScreenLine>,
    pub detail_scroll: usize,
    pub detail_link: Option<usize>,
    pub history: History,
    pub query: TextInput,
    /// The query text `results` answer (the last one that parsed), and the query parsed.
    pub results_query: String,
    pub results_parsed: Query,
    pub search: SearchState,
    pub query_error: Option<String>,
    pub query_history: QueryHistory,
    pub help: HelpView,
    pub export: Option<ExportPrompt>,
    /// Effects asked for by `update`, not yet carried out.
    pub effects: Vec<Effect>,
    pub status: Option<String>,
    /// The keys in force (the built-in table with the config file's remaps).
    pub keymap: Keymap,
    /// Why the last reload of the watched dossier failed; the last good one stays shown.
    pub reload_error: Option<String>,
    pub width: u16,
    pub height: u16,
    pub should_quit: bool,
}

impl App {
    pub fn new(loaded: Loaded, width: u16, height: u16) -> Self {
        let engine = Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index));
        Self::with_engine(loaded, engine, width, height)
    }

    /// Like [`App::new`], with the search engine built already (on a loading thread).
    pub fn with_engine(loaded: Loaded, engine: Arc<SearchEngine>, width: u16, height: u16) -> Self {
        let results = engine.search(&Query::default());
        let mut app = App {
            loaded,
            engine,
            results,
            mode: Mode::Browse,
            page: Page::Browse,
            pages: PageViews::default(),
            focus: Focus::List(EntityKind::Actor),
            last_list: EntityKind::Actor,
            lists: [ListView::default(); 4],
            detail: None,
            detail_links: Vec::new(),
            detail_lines: Vec::new(),
            detail_scroll: 0,
            detail_link: None,
            history: History::default(),
            query: TextInput::default(),
            results_query: String::new(),
            results_parsed: Query::default(),
            search: SearchState::default(),
            query_error: None,
            query_history: QueryHistory::default(),
            help: HelpView::default(),
            export: None,
            effects: Vec::new(),
            status: None,
            reload_error: None,
            keymap: Keymap::default(),
            width,
            height,
            should_quit: false,
        };
        app.show_selected();
        app.rebuild_pages();
        app
    }

    /// The current screen's panes.
    pub fn panes(&self) -> Panes {
        panes(self.width, self.height, self.focus, self.last_list)
    }

    pub fn list_view(&self, kind: EntityKind) -> ListView {
        self.lists[kind_slot(kind)]
    }

    pub(crate) fn list_view_mut(&mut self, kind: EntityKind) -> &mut ListView {
        &mut self.lists[kind_slot(kind)]
    }

    /// The entity selected in a list, if the list has entries.
    pub fn selected(&self, kind: EntityKind) -> Option<EntityRef> {
        let hits = self.results.ranked(kind);
        let view = self.list_view(kind);
        hits.get(view.selected).map(|hit| EntityRef {
            kind,
            index: hit.index,
        })
    }

    /// The entity the detail pane shows.
    pub fn shown(&self) -> Option<EntityRef> {
        self.detail.as_ref().map(|d| d.entity)
    }

    /// Shows `entity` in the detail pane (scrolled to the top) without touching history.
    pub(crate) fn set_shown(&mut self, entity: Option<EntityRef>) {
        if self.shown() == entity && entity.is_some() {
            return;
        }
        self.detail = entity.map(|e| detail(&self.loaded.dossier, &self.loaded.index, e));
        self.detail_links = self.detail.as_ref().map(Detail::links).unwrap_or_default();
        self.lay_out_detail();
        self.detail_scroll = 0;
        self.detail_link = None;
    }

    /// Lays the detail out again for the current width.
    pub(crate) fn lay_out_detail(&mut self) {
        let width = layout::detail_text_width(self.width);
        self.detail_lines = self
            .detail
            .as_ref()
            .map(|d| screen_lines(d, width))
            .unwrap_or_default();
    }

    /// Shows what the focused (or last focused) list has selected, replacing the current visit.
    pub(crate) fn show_selected(&mut self) {
        let entity = self.selected(self.last_list);
        self.set_shown(entity);
        if let Some(entity) = entity {
            self.history.replace(history::Visit {
                entity,
                scroll: 0,
                link: None,
            });
        }
    }

    /// What `e` exports: the focused list as the query filters it, and the entity shown.
    pub fn view_spec(&self) -> ViewSpec {
        ViewSpec::new(
            self.last_list,
            &self.query.text,
            &self.results,
            self.shown(),
        )
    }

    /// What `e` exports on the page shown.
    pub fn export_scope(&self) -> Scope {
        let query = &self.query.text;
        match self.page {
            Page::Matrix => Scope::matrix(&self.loaded, query, &self.results),
            Page::Timeline => Scope::timeline(&self.loaded, query, &self.results),
            Page::Browse | Page::Sources => Scope::View(self.view_spec()),
        }
    }

    /// The detail's screen lines at `width` columns: those kept with the state when the width
    /// is the one it laid them out for (always, in the running explorer), else laid out anew.
    pub fn detail_lines_at(&self, width: usize) -> std::borrow::Cow<'_, [ScreenLine]> {
        match &self.detail {
            Some(detail) if layout::detail_text_width(self.width) != width => {
                std::borrow::Cow::Owned(screen_lines(detail, width))
            }
            _ => std::borrow::Cow::Borrowed(&self.detail_lines),
        }
    }

    /// The number of links in the detail shown.
    pub fn link_count(&self) -> usize {
        self.detail_links.len()
    }
}
