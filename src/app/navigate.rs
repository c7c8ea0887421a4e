//! Moving through lists, the detail's links and the history. Helpers of `update`.

use super::trail::{Stop, Visit};
use super::{App, Focus, Page};
use crate::model::{EntityKind, EntityRef};

impl App {
    /// Moves a list's selection by `delta` rows (clamped) and keeps it in view.
    pub(crate) fn move_selection(&mut self, kind: EntityKind, delta: isize) {
        let count = self.results().count(kind);
        if count == 0 {
            return;
        }
        let rows = self.layout().panes.list_rows(kind);
        self.list_view_mut(kind).move_by(delta, count, rows);
        self.rank_list(kind, rows);
        if kind == self.last_list {
            self.show_selected();
        }
    }

    /// Selects row `row` of a list (clamped).
    pub(crate) fn select_row(&mut self, kind: EntityKind, row: usize) {
        let current = self.list_view(kind).selected as isize;
        self.move_selection(kind, row as isize - current);
    }

    /// Scrolls a list so that its selection is on screen, and puts the rows on screen in
    /// rank order.
    pub(crate) fn keep_selection_visible(&mut self, kind: EntityKind) {
        let rows = self.layout().panes.list_rows(kind);
        let count = self.results().count(kind);
        self.list_view_mut(kind).keep_in(count, rows);
        self.rank_list(kind, rows);
    }

    /// Puts the rows of a list that are on screen (`rows` of them) in rank order.
    pub(super) fn rank_list(&mut self, kind: EntityKind, rows: usize) {
        let view = self.list_view(kind);
        self.query
            .results
            .rank_to(kind, (view.offset + rows).max(view.selected + 1));
    }

    pub(crate) fn focus_list(&mut self, kind: EntityKind) {
        self.focus = Focus::List(kind);
        self.last_list = kind;
        for kind in EntityKind::LISTED {
            self.keep_selection_visible(kind);
        }
        self.show_selected();
    }

    pub(crate) fn focus_detail(&mut self) {
        if self.shown().is_none() {
            return;
        }
        self.focus = Focus::Detail;
        self.detail.focus_first_link();
        self.keep_link_visible();
    }

    /// F6 back to the detail: as it was left (its scroll, and its link if one is on
    /// screen, else the first link on screen).
    pub(crate) fn return_to_detail(&mut self) {
        if self.shown().is_none() {
            return;
        }
        self.focus = Focus::Detail;
        let rows = self.detail_rows();
        self.detail.scroll_by(0, rows);
        self.detail.focus_on_screen(rows);
        if self.detail.focused_link().is_none() {
            let on_screen = |n: &usize| self.detail.link_on_screen(*n, rows);
            let first = (0..self.detail.link_count()).find(on_screen);
            self.detail.focus_link(first);
        }
    }

    /// Scrolls the detail to its top (`g`).
    pub(crate) fn detail_to_top(&mut self) {
        let rows = self.detail_rows();
        self.detail.scroll_to_top(rows);
    }

    /// The list after (or before) the focused pane, the detail last.
    pub(crate) fn cycle_pane(&mut self, forward: bool) {
        let order = Focus::ORDER;
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let step = if forward { 1 } else { order.len() - 1 };
        match order[(at + step) % order.len()] {
            Focus::List(kind) => self.focus_list(kind),
            Focus::Detail if self.shown().is_some() => self.focus_detail(),
            // Nothing to show: skip the detail.
            Focus::Detail => {
                let kind = if forward {
                    EntityKind::Actor
                } else {
                    EntityKind::Place
                };
                self.focus_list(kind);
            }
        }
    }

    /// Rows of text the detail pane shows, or would show where it is hidden (on a narrow
    /// screen a list takes its place): the scroll is kept within what the pane shows.
    pub(crate) fn detail_rows(&self) -> usize {
        match self.layout().panes.detail {
            Some(_) => self.layout().panes.detail_inner().0,
            None => {
                let mut shape = self.shape(self.width, self.height);
                shape.focus = Focus::Detail;
                super::layout::layout(shape).panes.detail_inner().0
            }
        }
    }

    /// Whether the detail pane is on screen.
    pub(crate) fn detail_on_screen(&self) -> bool {
        self.layout().panes.detail.is_some()
    }

    /// Focuses the next or previous link of the detail, or scrolls when there is none.
    pub(crate) fn step_link(&mut self, forward: bool) {
        let rows = self.detail_rows();
        self.detail.step_link(forward, rows);
    }

    /// Scrolls the detail; the link focus stays on a link on screen, or on none.
    pub(crate) fn scroll_detail(&mut self, delta: isize) {
        let rows = self.detail_rows();
        self.detail.scroll(delta, rows);
    }

    /// Scrolls the detail so the focused link is on screen.
    pub(crate) fn keep_link_visible(&mut self) {
        let rows = self.detail_rows();
        self.detail.keep_link_visible(rows);
    }

    /// A new screen size: the detail laid out at its new width, scrolled as far through
    /// its text as it was (at the end if it was at the end), the link focus on screen.
    pub(crate) fn resize_detail(&mut self, width: u16, height: u16) {
        let before = self
            .detail
            .screen_lines()
            .len()
            .saturating_sub(self.detail_rows());
        let at = self.detail.scroll.min(before);
        (self.width, self.height) = (width, height);
        self.detail.lay_out(self.detail_text_width());
        let after = self
            .detail
            .screen_lines()
            .len()
            .saturating_sub(self.detail_rows());
        self.detail.scroll = match before {
            0 => 0,
            before => (at * after + before / 2) / before,
        };
        self.settle_detail();
    }

    /// After the detail's lines changed under it (a reload, a resize): the scroll within
    /// them, and the link focus on screen (moved onto a link on screen, or to none) rather
    /// than the screen moved to the link.
    pub(crate) fn settle_detail(&mut self) {
        let rows = self.detail_rows();
        self.detail.scroll_by(0, rows);
        self.detail.focus_on_screen(rows);
    }

    /// Shows a visit and makes the lists follow it.
    fn show_visit(&mut self, visit: Visit) {
        self.set_shown(Some(visit.entity));
        self.detail.scroll = visit.scroll;
        self.detail.focus_link(visit.link);
        if visit.entity.kind == EntityKind::Source {
            // No list holds a source (the sources page is its list): the detail has the
            // focus, and the lists keep what they had selected.
            self.focus = Focus::Detail;
        } else {
            self.last_list = visit.entity.kind;
            if let Focus::List(_) = self.focus {
                self.focus = Focus::List(visit.entity.kind);
            }
            self.select_entity(visit.entity);
        }
        self.keep_link_visible();
    }

    /// Selects `entity` in its list if the filter lets it through.
    fn select_entity(&mut self, entity: EntityRef) {
        let position = self.query.results.rank_of(entity.kind, entity.index);
        match position {
            Some(row) => {
                self.list_view_mut(entity.kind).selected = row;
                self.keep_selection_visible(entity.kind);
            }
            None => {
                let name = self.loaded.dossier.name_of(entity);
                self.status = Some(format!(
                    "“{}” is hidden by the search filter; Esc clears it",
                    crate::text::sanitize_line(name)
                ));
            }
        }
    }

    pub(crate) fn current_visit(&self) -> Option<Visit> {
        self.shown().map(|entity| Visit {
            entity,
            scroll: self.detail.scroll,
            link: self.detail.link,
        })
    }

    /// Follows the focused link of the detail, never one the reader cannot see.
    pub(crate) fn follow_link(&mut self) {
        let rows = self.detail_rows();
        let visible = self
            .detail
            .focused_link()
            .is_some_and(|n| self.detail.link_on_screen(n, rows) && self.detail_on_screen());
        match self.detail.focused_target() {
            Some(target) if visible => self.open_entity(target),
            _ if self.detail.link_count() > 0 => {
                self.status = Some("No link on screen to follow: Tab focuses the next one".into());
            }
            _ => {}
        }
    }

    /// Shows `target` as a new visit in the history, its first link focused (from a page
    /// too: the page stays in the history, before it).
    pub(crate) fn open_entity(&mut self, target: EntityRef) {
        self.record_here();
        self.page = Page::Browse;
        let visit = Visit {
            entity: target,
            scroll: 0,
            link: None,
        };
        self.trail.push(visit);
        self.show_visit(visit);
        self.detail.focus_first_link();
    }

    /// Back (or forward) in the history: to an entity, or to a page and its cursor.
    pub(crate) fn go_back(&mut self, forward: bool) {
        self.record_here();
        let stop = if forward {
            self.trail.forward()
        } else {
            self.trail.back()
        };
        match stop {
            Some(Stop::Entity(visit)) => {
                self.page = Page::Browse;
                self.show_visit(visit);
            }
            Some(Stop::Page(visit)) => self.show_page_visit(visit),
            None => {
                let end = if forward { "newest" } else { "oldest" };
                self.status = Some(format!("Already at the {end} page of the history"));
            }
        }
    }
}
