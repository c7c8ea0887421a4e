//! Moving through lists, the detail's links and the history. Helpers of `update`.

use super::history::Visit;
use super::{App, Focus};
use crate::detail::link_line;
use crate::model::{EntityKind, EntityRef};

impl App {
    /// Moves a list's selection by `delta` rows (clamped) and keeps it in view.
    pub(crate) fn move_selection(&mut self, kind: EntityKind, delta: isize) {
        let count = self.results.count(kind);
        if count == 0 {
            return;
        }
        let view = self.list_view_mut(kind);
        view.selected = view.selected.saturating_add_signed(delta).min(count - 1);
        self.keep_selection_visible(kind);
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
        let rows = self.panes().list_rows(kind);
        let count = self.results.count(kind);
        let view = self.list_view_mut(kind);
        view.selected = view.selected.min(count.saturating_sub(1));
        if rows > 0 {
            if view.selected < view.offset {
                view.offset = view.selected;
            } else if view.selected >= view.offset + rows {
                view.offset = view.selected + 1 - rows;
            }
            view.offset = view.offset.min(count.saturating_sub(rows));
        }
        let view = *view;
        self.results
            .rank_to(kind, (view.offset + rows).max(view.selected + 1));
    }

    /// Puts the rows on screen of every list in rank order (drawing needs them so).
    pub(crate) fn rank_visible(&mut self) {
        let panes = self.panes();
        for kind in EntityKind::ALL {
            let rows = panes.list_rows(kind);
            let view = self.list_view(kind);
            self.results
                .rank_to(kind, (view.offset + rows).max(view.selected + 1));
        }
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
        if self.detail.is_none() {
            return;
        }
        self.focus = Focus::Detail;
        if self.detail_link.is_none() && self.link_count() > 0 {
            self.detail_link = Some(0);
        }
        self.keep_link_visible();
    }

    /// The list after (or before) the focused pane, the detail last.
    pub(crate) fn cycle_pane(&mut self, forward: bool) {
        let order = [
            Focus::List(EntityKind::Actor),
            Focus::List(EntityKind::Event),
            Focus::List(EntityKind::StickingPoint),
            Focus::List(EntityKind::Place),
            Focus::Detail,
        ];
        let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
        let next = if forward { (at + 1) % 5 } else { (at + 4) % 5 };
        match order[next] {
            Focus::List(kind) => self.focus_list(kind),
            Focus::Detail if self.detail.is_some() => self.focus_detail(),
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

    /// Focuses the next or previous link of the detail, or scrolls when there is none.
    pub(crate) fn step_link(&mut self, forward: bool) {
        let count = self.link_count();
        if count == 0 {
            self.scroll_detail(if forward { 1 } else { -1 });
            return;
        }
        self.detail_link = Some(match (self.detail_link, forward) {
            (None, true) => 0,
            (None, false) => count - 1,
            (Some(n), true) => (n + 1) % count,
            (Some(n), false) => (n + count - 1) % count,
        });
        self.keep_link_visible();
    }

    pub(crate) fn scroll_detail(&mut self, delta: isize) {
        let rows = self.panes().detail_inner().0;
        let total = self.detail_lines.len();
        let max = total.saturating_sub(rows);
        self.detail_scroll = self.detail_scroll.saturating_add_signed(delta).min(max);
    }

    /// Scrolls the detail so the focused link is on screen.
    pub(crate) fn keep_link_visible(&mut self) {
        let rows = self.panes().detail_inner().0;
        let Some(link) = self.detail_link else {
            return self.scroll_detail(0);
        };
        if let Some(line) = link_line(&self.detail_lines, link)
            && rows > 0
        {
            if line < self.detail_scroll {
                self.detail_scroll = line;
            } else if line >= self.detail_scroll + rows {
                self.detail_scroll = line + 1 - rows;
            }
        }
        self.scroll_detail(0);
    }

    /// Shows a visit and makes the lists follow it.
    fn show_visit(&mut self, visit: Visit) {
        self.set_shown(Some(visit.entity));
        self.detail_scroll = visit.scroll;
        self.detail_link = visit.link;
        self.last_list = visit.entity.kind;
        if let Focus::List(_) = self.focus {
            self.focus = Focus::List(visit.entity.kind);
        }
        self.select_entity(visit.entity);
        self.keep_link_visible();
    }

    /// Selects `entity` in its list if the filter lets it through.
    fn select_entity(&mut self, entity: EntityRef) {
        let position = self.results.rank_of(entity.kind, entity.index);
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
            scroll: self.detail_scroll,
            link: self.detail_link,
        })
    }

    /// Follows the focused link of the detail.
    pub(crate) fn follow_link(&mut self) {
        let Some(target) = self
            .detail_link
            .and_then(|n| self.detail_links.get(n).copied())
        else {
            return;
        };
        self.open_entity(target);
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
        if self.link_count() > 0 {
            self.detail_link = Some(0);
        }
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
