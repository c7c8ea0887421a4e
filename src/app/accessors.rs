//! Reading the state: what the screen, the event loop and the tests see of it.

use std::sync::Arc;

use super::trail::Trail;
use super::{App, DetailView, Effect, ExportPrompt, Focus, HelpView, ListView, Mode, Overlay};
use super::{Page, PageViews, QueryState};
use crate::export::{Scope, ViewSpec};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::search::{Results, SearchEngine};

impl App {
    /// Web addresses are drawn as terminal hyperlinks (`hyperlinks` in the config).
    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    pub fn engine(&self) -> &Arc<SearchEngine> {
        self.query.engine()
    }

    /// The query typed and what answers it.
    pub fn query(&self) -> &QueryState {
        &self.query
    }

    /// The entries of each list that the query lets through, ranked.
    pub fn results(&self) -> &Results {
        self.query.results()
    }

    /// What the keyboard drives: follows from what is open on top.
    pub fn mode(&self) -> Mode {
        self.overlay.mode()
    }

    /// The dossier file shown (`None`: the built-in one); after `o` made a copy, the copy.
    pub fn file(&self) -> Option<&std::path::Path> {
        self.file.as_deref()
    }

    pub fn page(&self) -> Page {
        self.page
    }

    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The list in focus, or the one focused last while the detail has the focus.
    pub fn last_list(&self) -> EntityKind {
        self.last_list
    }

    pub fn list_view(&self, kind: EntityKind) -> ListView {
        self.lists[kind.slot()]
    }

    /// The entity selected in a list, if the list has entries.
    pub fn selected(&self, kind: EntityKind) -> Option<EntityRef> {
        let hits = self.results().ranked(kind);
        hits.get(self.list_view(kind).selected)
            .map(|hit| EntityRef::new(kind, hit.index))
    }

    /// The detail pane's state.
    pub fn detail(&self) -> &DetailView {
        &self.detail
    }

    /// The entity the detail pane shows.
    pub fn shown(&self) -> Option<EntityRef> {
        self.detail.shown()
    }

    pub fn pages(&self) -> &PageViews {
        &self.pages
    }

    pub fn trail(&self) -> &Trail {
        &self.trail
    }

    /// How far the overview is scrolled (0 when it is closed).
    pub fn overview_scroll(&self) -> usize {
        match self.overlay {
            Overlay::Overview { scroll } => scroll,
            _ => 0,
        }
    }

    /// Whether the dossier's file is watched for changes.
    /// Which editor `o` runs and how to choose, when neither `$VISUAL` nor `$EDITOR` is set.
    pub fn editor_said(&self) -> Option<&str> {
        self.editor_said.as_deref()
    }

    pub fn watched(&self) -> bool {
        self.watch.on
    }

    /// The generation of the watch in force: a reload from watching that carries another
    /// (a watch since turned off) is dropped.
    pub fn watch_generation(&self) -> u64 {
        self.watch.generation
    }

    /// The help overlay's filter and scroll, while it is open.
    pub fn help(&self) -> Option<&HelpView> {
        match &self.overlay {
            Overlay::Help(help) => Some(help),
            _ => None,
        }
    }

    /// The export prompt, while one is open (the overwrite question included).
    pub fn export_prompt(&self) -> Option<&ExportPrompt> {
        match &self.overlay {
            Overlay::Export { prompt, .. } => Some(prompt),
            _ => None,
        }
    }

    /// The file name typed for a copy of the built-in dossier (`o` on it), and why the
    /// last try failed.
    pub fn init_prompt(&self) -> Option<(&super::input::TextInput, Option<&str>)> {
        match &self.overlay {
            Overlay::Init(prompt) => Some((&prompt.input, prompt.error.as_deref())),
            _ => None,
        }
    }

    /// The message in the status bar, if any.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    /// The problems found at the start, while their panel is open.
    /// Whether the notices hold the config file's problems.
    pub fn notices_name_the_config(&self) -> bool {
        self.config_problems
    }

    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Why the last reload failed, while the last good dossier stays shown.
    pub fn reload_error(&self) -> Option<&str> {
        self.reload_error.as_deref()
    }

    /// The screen's width and height.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    pub fn should_quit(&self) -> bool {
        self.should_quit
    }

    /// The effects `update` asked for and nobody carried out yet.
    pub fn effects(&self) -> &[Effect] {
        &self.effects
    }

    /// Hands the effects asked for to the event loop, which carries them out.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// What `e` exports: the focused list as the query filters it, and the entity shown.
    pub(crate) fn view_spec(&self) -> ViewSpec {
        ViewSpec::new(
            self.last_list,
            self.query.text(),
            self.results(),
            self.shown(),
        )
    }

    /// What `e` exports on the page shown: the marked entities when there are some, else
    /// the matrix, timeline or sources as shown (built from the results already), or the
    /// lists' view.
    pub fn export_scope(&self) -> Scope {
        if !self.marks.is_empty() {
            return Scope::Marked(self.marks.iter().collect());
        }
        let query = self.query.text().trim().to_string();
        match self.page {
            Page::Matrix => Scope::Matrix {
                query,
                matrix: self.pages.matrix.clone(),
            },
            Page::Timeline => Scope::Timeline {
                query,
                timeline: self.pages.timeline.clone(),
            },
            Page::Sources => Scope::Sources {
                query,
                sources: self.pages.source_list.clone(),
            },
            // A source is in no list, so no view holds it: its detail alone.
            Page::Browse => match self.shown() {
                Some(shown) if shown.kind == EntityKind::Source => Scope::Detail(shown),
                _ => Scope::View(self.view_spec()),
            },
        }
    }
}
