//! The pages in the back/forward history: opening and closing a page, where its cursor is,
//! and showing a page again with its cursor on what it was on. Helpers of `update`.

use super::trail::{PageVisit, Stop};
use super::{App, Page};
use crate::model::{EntityKind, EntityRef};

impl App {
    /// `m`, `t`, `s`: shows a page as a new stop of the history; the key of the page shown
    /// closes it.
    pub(crate) fn open_page(&mut self, page: Page) {
        if self.page == page {
            return self.close_page();
        }
        self.record_here();
        self.page = page;
        self.rebuild_pages();
        self.keep_page_cursors_visible();
        self.record_here();
    }

    /// Back to the lists and the detail, as a new stop of the history (Back shows the page
    /// again).
    pub(crate) fn close_page(&mut self) {
        if self.page == Page::Browse {
            return;
        }
        self.record_here();
        self.page = Page::Browse;
        self.record_here();
    }

    /// The page shown and where its cursor is; `None` on the lists' page.
    pub(crate) fn page_visit(&self) -> Option<PageVisit> {
        let p = &self.pages;
        let entity = |kind, index: Option<&usize>| index.map(|&i| EntityRef::new(kind, i));
        let (on, source, rows, columns) = match self.page {
            Page::Browse => return None,
            Page::Matrix => {
                let actor = entity(EntityKind::Actor, p.matrix.rows.get(p.matrix_rows.selected));
                let point = p.matrix.columns.get(p.matrix_columns.selected);
                let point = entity(EntityKind::StickingPoint, point);
                ([actor, point], None, p.matrix_rows, p.matrix_columns)
            }
            Page::Timeline => {
                let row = p.timeline.rows.get(p.timeline_rows.selected);
                let event = entity(EntityKind::Event, row.map(|r| &r.event));
                ([event, None], None, p.timeline_rows, Default::default())
            }
            Page::Sources => {
                let source = p.selected_source().map(|row| row.source);
                ([None; 2], source, p.sources, Default::default())
            }
        };
        Some(PageVisit {
            page: self.page,
            on,
            source,
            rows,
            columns,
        })
    }

    /// Shows a page of the history, rebuilt for the current results, its cursor on what it
    /// was on (or where it was, if that is no longer there).
    pub(crate) fn show_page_visit(&mut self, visit: PageVisit) {
        self.page = visit.page;
        self.rebuild_pages();
        let p = &mut self.pages;
        let index = |on: Option<EntityRef>| on.map(|e| e.index);
        let found = |list: &[usize], on: Option<EntityRef>| {
            index(on).and_then(|i| list.iter().position(|&x| x == i))
        };
        let (mut rows, mut columns) = (visit.rows, visit.columns);
        match visit.page {
            Page::Matrix => {
                rows.selected = found(&p.matrix.rows, visit.on[0]).unwrap_or(rows.selected);
                let point = found(&p.matrix.columns, visit.on[1]);
                columns.selected = point.unwrap_or(columns.selected);
                (p.matrix_rows, p.matrix_columns) = (rows, columns);
            }
            Page::Timeline => {
                let event = index(visit.on[0]);
                let row = p.timeline.rows.iter().position(|r| Some(r.event) == event);
                rows.selected = row.unwrap_or(rows.selected);
                p.timeline_rows = rows;
            }
            Page::Sources => {
                let row = visit.source.and_then(|s| p.source_list.row_of(s));
                rows.selected = row.unwrap_or(rows.selected);
                p.sources = rows;
            }
            Page::Browse => {}
        }
        self.keep_page_cursors_visible();
    }

    /// What is on screen now, as a stop of the history.
    pub(crate) fn current_stop(&self) -> Option<Stop> {
        match self.page_visit() {
            Some(page) => Some(Stop::Page(page)),
            None => self.current_visit().map(Stop::Entity),
        }
    }

    /// Writes what is on screen into the history: over the current stop when that is the
    /// same kind of thing (the entity shown, the same page), else as a new stop after it
    /// (a page opened or closed).
    pub(crate) fn record_here(&mut self) {
        let Some(here) = self.current_stop() else {
            return;
        };
        let same = match (self.trail.current(), here) {
            (Some(Stop::Entity(_)), Stop::Entity(_)) | (None, _) => true,
            (Some(Stop::Page(a)), Stop::Page(b)) => a.page == b.page,
            _ => false,
        };
        if same {
            self.trail.replace(here);
        } else {
            self.trail.push(here);
        }
    }
}
