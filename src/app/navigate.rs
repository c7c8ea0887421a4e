//! Moving through lists, the detail's links and the history. Helpers of `update`.

use super::history::Visit;
use super::{App, Focus};
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
        for kind in EntityKind::ALL {
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

    /// Rows of text the detail pane shows.
    fn detail_rows(&self) -> usize {
        self.layout().panes.detail_inner().0
    }

    /// Focuses the next or previous link of the detail, or scrolls when there is none.
    pub(crate) fn step_link(&mut self, forward: bool) {
        let rows = self.detail_rows();
        self.detail.step_link(forward, rows);
    }

    pub(crate) fn scroll_detail(&mut self, delta: isize) {
        let rows = self.detail_rows();
        self.detail.scroll_by(delta, rows);
    }

    /// Scrolls the detail so the focused link is on screen.
    pub(crate) fn keep_link_visible(&mut self) {
        let rows = self.detail_rows();
        self.detail.keep_link_visible(rows);
    }

    /// Shows a visit and makes the lists follow it.
    fn show_visit(&mut self, visit: Visit) {
        self.set_shown(Some(visit.entity));
        self.detail.scroll = visit.scroll;
        self.detail.focus_link(visit.link);
        self.last_list = visit.entity.kind;
        if let Focus::List(_) = self.focus {
            self.focus = Focus::List(visit.entity.kind);
        }
        self.select_entity(visit.entity);
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

    fn current_visit(&self) -> Option<Visit> {
        self.shown().map(|entity| Visit {
            entity,
            scroll: self.detail.scroll,
            link: self.detail.link,
        })
    }

    /// Follows the focused link of the detail.
    pub(crate) fn follow_link(&mut self) {
        if let Some(target) = self.detail.focused_target() {
            self.open_entity(target);
        }
    }

    /// Shows `target` as a new visit in the history, its first link focused.
    pub(crate) fn open_entity(&mut self, target: EntityRef) {
        if let Some(here) = self.current_visit() {
            self.history.replace(here);
        }
        let visit = Visit {
            entity: target,
            scroll: 0,
            link: None,
        };
        self.history.push(visit);
        self.show_visit(visit);
        self.detail.focus_first_link();
    }

    pub(crate) fn go_back(&mut self, forward: bool) {
        if let Some(here) = self.current_visit() {
            self.history.replace(here);
        }
        let visit = if forward {
            self.history.forward()
        } else {
            self.history.back()
        };
        match visit {
            Some(visit) => self.show_visit(visit),
            None => {
                let end = if forward { "newest" } else { "oldest" };
                self.status = Some(format!("Already at the {end} page of the history"));
            }
        }
    }
}
