//! The explorer's state and `update(&mut App, Action)`. No I/O: every change of state goes
//! through `update`, so it is tested without a terminal.

mod accessors;
mod detail_view;
mod editing;
mod effect;
mod export_prompt;
mod exporting;
mod find;
pub mod input;
pub mod layout;
mod list_view;
mod marks;
mod matrix_dates;
mod navigate;
mod notes;
mod notes_shown;
mod overlay;
mod overlays;
pub mod page_layout;
mod page_trail;
mod pages;
mod paste;
mod query;
mod reload;
mod results;
pub mod resume;
mod saved_searches;
mod seen;
mod since;
pub mod trail;
mod update;
mod watching;

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_detail;
#[cfg(test)]
mod tests_editing;
#[cfg(test)]
mod tests_keys;
#[cfg(test)]
mod tests_notes;
#[cfg(test)]
mod tests_pages;
#[cfg(test)]
mod tests_paste;
#[cfg(test)]
mod tests_seen;
#[cfg(test)]
mod tests_session;
#[cfg(test)]
mod tests_source;

pub use update::update;

use std::path::PathBuf;
use std::sync::Arc;

pub use crate::action::{Action, Focus, Initialised, Mode, Page, QueryHistoryFile, Reload, Target};
pub use detail_view::DetailView;
pub use effect::Effect;
pub use export_prompt::ExportPrompt;
pub use list_view::ListView;
pub use marks::Marks;
pub use notes::NotesState;
pub use overlay::{HelpView, InitPrompt, NamePrompt, NoteEditor, Overlay, SearchPicker};
pub use pages::PageViews;
pub use query::QueryState;
pub use saved_searches::valid_name;
pub use seen::{Looking, Seen};

use crate::model::{EntityKind, Loaded};
use crate::search::SearchEngine;
use layout::{Layout, Shape};
use trail::Trail;

/// How the explorer starts: the terminal's size, where searches run and what to tell the
/// user first.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub width: u16,
    pub height: u16,
    /// Searches go to the worker thread as effects (the explorer) instead of running
    /// inside `update` (tests and tools).
    pub background_search: bool,
    /// Listed in a panel at the start (config problems, a file not watched), one a line.
    pub notices: Vec<String>,
    /// Whether some of `notices` are the config file's problems (`talks config check`
    /// lists them again).
    pub config_problems: bool,
    /// Queries of earlier sessions, oldest first.
    pub history: Vec<String>,
    /// Where to keep the query history; `None`: for this session only.
    pub query_history_file: Option<QueryHistoryFile>,
    /// The dossier's file is watched for changes (`--watch`).
    pub watched: bool,
    /// Which editor `o` runs and how to choose, when neither `$VISUAL` nor `$EDITOR` is set.
    pub editor_said: Option<String>,
    /// Where the reader was when this dossier was last closed: opened there again.
    pub place: Option<resume::Place>,
    /// Columns of text exports (`export_width` in the config); `None`: the default, 80.
    pub export_width: Option<usize>,
    /// CSV and TSV exports begin with a byte order mark (`csv_bom` in the config).
    pub csv_bom: bool,
    /// Web addresses are drawn as terminal hyperlinks (`hyperlinks` in the config).
    pub hyperlinks: bool,
    /// The styles `y` cites a source in (`citation_style`); empty: Chicago.
    pub citation_styles: Vec<crate::export::CitationStyle>,
    /// The analyst's notes, stars and saved searches, as read at the start.
    pub notes: crate::notes::file::Opened,
    /// The dossier's file, for `o` (`-`: standard input); `None`: the built-in dossier.
    pub file: Option<PathBuf>,
    /// An older version to compare with (`--since OLD`, or the snapshot of "since you
    /// last looked").
    pub since: Option<Arc<Loaded>>,
    /// Where "since you last looked" keeps this dossier's snapshot, and how it went.
    pub seen: Seen,
}

impl Options {
    /// A screen of this size, searches inside `update`, nothing to tell.
    pub fn sized(width: u16, height: u16) -> Self {
        Options {
            width,
            height,
            ..Options::default()
        }
    }
}

/// The whole state of the explorer. Every change goes through [`update`]; the event loop
/// and the screen read it through the accessors.
pub struct App {
    loaded: Loaded,
    pub(crate) query: QueryState,
    /// What is open on top; the keyboard's mode follows from it.
    pub(crate) overlay: Overlay,
    pub(crate) page: Page,
    pub(crate) pages: PageViews,
    pub(crate) focus: Focus,
    /// The list that was focused last (open in the stacked layout while the detail has focus).
    pub(crate) last_list: EntityKind,
    pub(crate) lists: [ListView; EntityKind::COUNT],
    /// What each list had selected when the filter was cleared: selected again in the
    /// results that come (rather than the best match).
    pub(crate) reselect: Option<[Option<crate::model::EntityRef>; EntityKind::COUNT]>,
    pub(crate) detail: DetailView,
    pub(crate) trail: Trail,
    pub(crate) marks: Marks,
    /// The analyst's notes, stars and saved searches, and where they are written.
    pub(crate) notes: NotesState,
    /// The most the open overlay can scroll (see `Action::OverlayLimit`).
    pub(crate) overlay_limit: usize,
    pub(crate) watch: watching::Watch,
    pub(crate) editor_said: Option<String>,
    /// The dossier's file (see `Options::file`).
    pub(crate) file: Option<PathBuf>,
    /// Effects asked for by `update`, not yet carried out.
    pub(crate) effects: Vec<Effect>,
    pub(crate) status: Option<String>,
    /// An older version and what changed since it (`--since`).
    pub(crate) since: Option<since::Since>,
    /// The snapshot of "since you last looked" (`C`).
    pub(crate) seen: Seen,
    /// Problems found at the start, listed in a panel until a key closes it.
    pub(crate) notices: Vec<String>,
    pub(crate) config_problems: bool,
    /// Where the query history is written when it changes.
    pub(crate) query_history_file: Option<QueryHistoryFile>,
    /// Columns of text exports; 0: one paragraph a line.
    pub(crate) export_width: usize,
    /// CSV and TSV exports begin with a byte order mark.
    pub(crate) csv_bom: bool,
    /// Web addresses are drawn as terminal hyperlinks (OSC 8).
    pub(crate) hyperlinks: bool,
    /// The styles `y` cites a source in.
    pub(crate) citation_styles: Vec<crate::export::CitationStyle>,
    /// Why the last reload of the watched dossier failed; the last good one stays shown.
    pub(crate) reload_error: Option<String>,
    pub(crate) width: u16,
    pub(crate) height: u16,
    /// The columns the lists' widest row needs (see [`wanted_list_width`]).
    pub(crate) list_width: u16,
    /// Some event has no date (the timeline notes how those are placed).
    pub(crate) undated_events: bool,
    pub(crate) should_quit: bool,
}

impl App {
    pub fn new(loaded: Loaded, options: Options) -> Self {
        let engine = Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index));
        Self::with_engine(loaded, engine, options)
    }

    /// Like [`App::new`], with the search engine built already (on a loading thread).
    pub fn with_engine(loaded: Loaded, engine: Arc<SearchEngine>, options: Options) -> Self {
        let list_width = wanted_list_width(&loaded.dossier);
        let undated_events = loaded.dossier.events.iter().any(|e| e.date.is_none());
        let mut app = App {
            loaded,
            query: QueryState::new(engine, options.background_search, options.history),
            overlay: Overlay::Closed,
            page: Page::Browse,
            pages: PageViews::default(),
            focus: Focus::List(EntityKind::Actor),
            last_list: EntityKind::Actor,
            lists: [ListView::default(); EntityKind::COUNT],
            reselect: None,
            detail: DetailView::default(),
            trail: Trail::default(),
            marks: Marks::default(),
            notes: NotesState::from(options.notes),
            overlay_limit: usize::MAX,
            watch: watching::Watch::from(options.watched),
            editor_said: options.editor_said,
            file: options.file,
            effects: Vec::new(),
            status: None,
            notices: options.notices,
            config_problems: options.config_problems,
            query_history_file: options.query_history_file,
            export_width: options.export_width.unwrap_or(crate::export::DEFAULT_WIDTH),
            csv_bom: options.csv_bom,
            hyperlinks: options.hyperlinks,
            citation_styles: options.citation_styles,
            reload_error: None,
            width: options.width,
            height: options.height,
            list_width,
            undated_events,
            should_quit: false,
            seen: options.seen,
            since: None,
        };
        if let Some(message) = app.notes.message.take() {
            app.status = Some(message);
        }
        if !app.notes.notes.is_empty() {
            app.reindex_notes();
        }
        if let Some(old) = options.since {
            app.compare_with(old);
        }
        app.note_change_dates();
        app.open_on_a_list_with_entries();
        app.show_selected();
        app.rebuild_pages();
        if let Some(place) = &options.place {
            app.return_to(place);
        }
        app
    }

    /// Every rectangle of the current screen.
    pub fn layout(&self) -> Layout {
        self.layout_at(self.width, self.height)
    }

    /// Every rectangle of a screen of another size (a frame drawn before a resize arrives).
    pub(crate) fn layout_at(&self, width: u16, height: u16) -> Layout {
        layout::layout(self.shape(width, height))
    }

    /// What the layout of a screen of this size depends on.
    pub(crate) fn shape(&self, width: u16, height: u16) -> Shape {
        Shape {
            width,
            height,
            page: self.page,
            focus: self.focus,
            list: self.last_list,
            pages: self.pages.counts(self.undated_events),
            list_width: self.list_width,
        }
    }

    /// The columns of text in the detail pane at the current width.
    pub(crate) fn detail_text_width(&self) -> usize {
        layout::detail_text_width(self.width, self.list_width)
    }

    pub(crate) fn list_view_mut(&mut self, kind: EntityKind) -> &mut ListView {
        &mut self.lists[kind.slot()]
    }

    /// Shows `entity` in the detail pane (scrolled to the top) without touching history.
    pub(crate) fn set_shown(&mut self, entity: Option<crate::model::EntityRef>) {
        let width = self.detail_text_width();
        let changes = entity.and_then(|e| self.change_lines(e));
        let note = entity.and_then(|e| self.notes_shown(e));
        self.detail
            .show_with(&self.loaded, entity, width, changes, note.as_deref());
    }

    /// Shows what the focused (or last focused) list has selected, replacing the current
    /// visit. Under a page (the query changed there) the page stays the current stop.
    pub(crate) fn show_selected(&mut self) {
        let entity = self.selected(self.last_list);
        self.set_shown(entity);
        if self.page == Page::Browse {
            self.record_here();
        }
    }

    /// Takes a new dossier (a reload); the caller puts selection and detail back.
    pub(crate) fn replace_loaded(&mut self, loaded: Loaded, engine: Arc<SearchEngine>) -> Loaded {
        self.list_width = wanted_list_width(&loaded.dossier);
        self.undated_events = loaded.dossier.events.iter().any(|e| e.date.is_none());
        let old = std::mem::replace(&mut self.loaded, loaded);
        self.note_change_dates();
        if self.notes.notes.is_empty() {
            self.query.replace_engine(engine);
        } else {
            let notes = Some(&self.notes.notes);
            let (dossier, index) = (&self.loaded.dossier, &self.loaded.index);
            self.query
                .replace_engine(Arc::new(SearchEngine::with_notes(dossier, index, notes)));
        }
        old
    }
}

/// The columns a list row needs to show an entity's name and fact whole (the marker, the
/// gap and the borders included), the widest of the dossier's, up to a screen's worth.
fn wanted_list_width(dossier: &crate::model::Dossier) -> u16 {
    use crate::text::width;
    const ENOUGH: usize = 200;
    let mut widest = 0;
    for kind in EntityKind::LISTED {
        for index in 0..dossier.count(kind) {
            let entity = crate::model::EntityRef { kind, index };
            let row = width(dossier.name_of(entity)) + width(&dossier.fact_of(entity));
            widest = widest.max(row + 6);
            if widest >= ENOUGH {
                return ENOUGH as u16;
            }
        }
    }
    widest as u16
}
