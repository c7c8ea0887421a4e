//! The matrix, timeline and sources pages: their data (rebuilt when the query changes) and
//! their cursors, each a [`ListView`] like the lists'.

use super::layout::Layout;
use super::list_view::ListView;
use super::page_layout::{PageAreas, PageCounts, TitleLines, matrix_widths};
use super::{App, Focus, Page, Target};
use crate::model::{EntityKind, EntityRef};
use crate::text::sanitize_line;
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// The pages' data and where their cursors are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageViews {
    pub(crate) matrix: StanceMatrix,
    /// The matrix cursor's row (a party) and column (a sticking point).
    pub(crate) matrix_rows: ListView,
    pub(crate) matrix_columns: ListView,
    /// The date the matrix shows positions as of, as an index into
    /// [`crate::views::change_dates`]; `None`: the latest.
    pub(crate) matrix_step: Option<usize>,
    /// The dates a position was taken, oldest first (worked out once a dossier).
    pub(crate) matrix_dates: Vec<String>,
    /// There is a comparison (`--since`): `[` from the latest positions goes to its matrix.
    pub(crate) comparing: bool,
    /// The matrix shows the comparison's reading (the older version's own matrix, whose
    /// indices are the older version's: [`super::App::matrix_loaded`]).
    pub(crate) matrix_compared: bool,
    /// The lines the matrix's column titles need at each width.
    pub(crate) title_lines: super::page_layout::TitleLines,
    /// The columns its longest party name and its widest cell need.
    pub(crate) matrix_widths: (u16, u16),
    pub(crate) timeline: Timeline,
    pub(crate) timeline_rows: ListView,
    /// The sources the query lets through, and the cursor over them.
    pub(crate) source_list: SourceList,
    pub(crate) sources: ListView,
}

impl PageViews {
    /// What the pages' layout depends on (`undated`: some event has no date).
    pub(crate) fn counts(&self, undated: bool) -> PageCounts {
        PageCounts {
            matrix_columns: self.matrix.columns.len(),
            matrix_rows: self.matrix.rows.len(),
            title_lines: self.title_lines,
            party_width: self.matrix_widths.0,
            cell_width: self.matrix_widths.1,
            timeline_rows: self.timeline.rows.len(),
            undated,
        }
    }

    pub fn matrix(&self) -> &StanceMatrix {
        &self.matrix
    }

    /// What the matrix shows, when the dossier dates positions or there is a comparison:
    /// "as of 2025-12-03", "as of the comparison" or "latest"; `None` when neither.
    pub fn matrix_date(&self) -> Option<String> {
        if self.matrix_compared {
            return Some("as of the comparison".to_string());
        }
        if self.matrix_dates.is_empty() && !self.comparing {
            return None;
        }
        Some(match &self.matrix.as_of {
            Some(date) => format!("as of {date}"),
            None => "latest".to_string(),
        })
    }

    /// The matrix shows the comparison's reading (`--since`'s older version).
    pub fn matrix_compared(&self) -> bool {
        self.matrix_compared
    }

    /// The matrix cursor: (row, column).
    pub fn matrix_cursor(&self) -> (usize, usize) {
        (self.matrix_rows.selected, self.matrix_columns.selected)
    }

    /// The first matrix row and column shown.
    pub fn matrix_offset(&self) -> (usize, usize) {
        (self.matrix_rows.offset, self.matrix_columns.offset)
    }

    /// The views over the matrix's rows (parties) and columns (sticking points).
    pub fn matrix_views(&self) -> (ListView, ListView) {
        (self.matrix_rows, self.matrix_columns)
    }

    pub fn timeline(&self) -> &Timeline {
        &self.timeline
    }

    pub fn timeline_view(&self) -> ListView {
        self.timeline_rows
    }

    pub fn sources_view(&self) -> ListView {
        self.sources
    }

    /// The sources page's rows: the sources the query lets through.
    pub fn source_list(&self) -> &SourceList {
        &self.source_list
    }

    /// The source under the cursor of the sources page, with what cites it.
    pub fn selected_source(&self) -> Option<&SourceRow> {
        self.source_list.rows.get(self.sources.selected)
    }
}

/// What fits on the page shown: (rows, columns) of the matrix grid, rows of the timeline,
/// sources of the sources page.
#[derive(Debug, Clone, Copy, Default)]
struct Fits {
    matrix: (usize, usize),
    timeline: usize,
    sources: usize,
}

fn fits(layout: &Layout) -> Fits {
    let mut fits = Fits::default();
    match layout.page {
        PageAreas::Matrix(m) => fits.matrix = (m.rows, m.columns),
        PageAreas::Timeline(t) => fits.timeline = t.rows(),
        PageAreas::Sources(s) => fits.sources = s.fit(),
        PageAreas::Browse => {}
    }
    fits
}

impl App {
    /// Rebuilds the page shown for the current results, keeping cursors in range. Hidden
    /// pages are built when they are opened, not on every keystroke.
    pub(crate) fn rebuild_pages(&mut self) {
        let matrix =
            matches!(self.page, Page::Matrix | Page::Timeline).then(|| self.built_matrix());
        let titles = matrix.as_ref().map(|m| {
            let points = &self.matrix_loaded().dossier.sticking_points;
            let titles = m.columns.iter().map(|&c| sanitize_line(&points[c].title));
            TitleLines::of(titles.collect::<Vec<_>>().iter().map(|t| t.as_ref()))
        });
        let widths = matrix.as_ref().map(|m| {
            let slot = m.as_of.is_some() || (self.matrix_marks_changes() && self.any_cell_moved());
            matrix_widths(&self.matrix_loaded().dossier, m, slot)
        });
        let (loaded, results) = (&self.loaded, self.query.results());
        let p = &mut self.pages;
        match self.page {
            Page::Matrix | Page::Timeline => {
                let (row, column) = p.matrix_cursor();
                let (party, point) = (p.matrix.rows.get(row), p.matrix.columns.get(column));
                let (party, point) = (party.copied(), point.copied());
                p.matrix = matrix.unwrap_or_default();
                p.title_lines = titles.unwrap_or_default();
                p.matrix_widths = widths.unwrap_or_default();
                // The cursor stays on its party and sticking point while they are shown.
                let m = &p.matrix;
                if let Some(row) = party.and_then(|a| m.rows.iter().position(|&r| r == a)) {
                    p.matrix_rows.selected = row;
                }
                if let Some(column) = point.and_then(|s| m.columns.iter().position(|&c| c == s)) {
                    p.matrix_columns.selected = column;
                }
                p.timeline = Timeline::build(&loaded.dossier, &loaded.index, results);
            }
            Page::Sources => {
                let query = self.query.parsed();
                p.source_list = SourceList::build(&loaded.dossier, &loaded.index, results, query);
            }
            Page::Browse => return,
        }
        self.keep_page_cursors_visible();
    }

    /// Rows a page key moves on the page shown: a screenful less one.
    pub(crate) fn page_rows(&self) -> usize {
        let fits = fits(&self.layout());
        let rows = match self.page {
            Page::Matrix => fits.matrix.0,
            Page::Timeline => fits.timeline,
            Page::Sources => fits.sources,
            Page::Browse => 1,
        };
        rows.max(2) - 1
    }

    pub(crate) fn keep_page_cursors_visible(&mut self) {
        let fits = fits(&self.layout());
        let p = &mut self.pages;
        p.matrix_rows.keep_in(p.matrix.rows.len(), fits.matrix.0);
        p.matrix_columns
            .keep_in(p.matrix.columns.len(), fits.matrix.1);
        p.timeline_rows
            .keep_in(p.timeline.rows.len(), fits.timeline);
        p.sources.keep_in(p.source_list.rows.len(), fits.sources);
    }

    /// Moves the cursor of the page shown.
    pub(crate) fn move_page_cursor(&mut self, rows: isize, columns: isize) {
        let p = &mut self.pages;
        match self.page {
            Page::Matrix => {
                p.matrix_rows.selected = p.matrix_rows.selected.saturating_add_signed(rows);
                p.matrix_columns.selected =
                    p.matrix_columns.selected.saturating_add_signed(columns);
            }
            Page::Timeline => {
                p.timeline_rows.selected = p.timeline_rows.selected.saturating_add_signed(rows);
            }
            Page::Sources => {
                // Up and down, left and right: one source after the other.
                let by = rows + columns;
                p.sources.selected = p.sources.selected.saturating_add_signed(by);
            }
            Page::Browse => {}
        }
        self.keep_page_cursors_visible();
    }

    /// A click on a page moves the cursor there; a click on what the cursor is on already
    /// opens it, as Enter does. A click on a party's name in the matrix selects its row, and
    /// a second click opens the party.
    pub(crate) fn click_page(&mut self, target: Target) {
        let p = &mut self.pages;
        let here = match (self.page, target) {
            (Page::Matrix, Target::MatrixCell(row, None)) => {
                let here = p.matrix_rows.selected == row;
                p.matrix_rows.selected = row;
                self.keep_page_cursors_visible();
                let party = self.pages.matrix.rows.get(row);
                let party = party.map(|&actor| EntityRef::new(EntityKind::Actor, actor));
                if here && let Some(now) = party.and_then(|p| self.now_of(p)) {
                    self.open_entity(now);
                }
                return;
            }
            (Page::Matrix, Target::MatrixCell(row, Some(column))) => {
                let here = (row, column) == p.matrix_cursor();
                (p.matrix_rows.selected, p.matrix_columns.selected) = (row, column);
                here
            }
            (Page::Timeline, Target::TimelineRow(row)) => {
                std::mem::replace(&mut p.timeline_rows.selected, row) == row
            }
            (Page::Sources, Target::Source(n)) => {
                std::mem::replace(&mut p.sources.selected, n) == n
            }
            // A target of another page (the screen changed since the pointer was read).
            _ => return,
        };
        self.keep_page_cursors_visible();
        if here {
            self.open_from_page();
        }
    }

    /// Enter on a page: open what is under the cursor in the lists and detail: the
    /// position of a matrix cell (its sticking point, the party's link focused), the event
    /// of a timeline row, the source selected on the sources page (its detail lists what
    /// it backs).
    pub(crate) fn open_from_page(&mut self) {
        let target = match self.page {
            Page::Matrix => match self.matrix_target() {
                Some(target) => Some(target),
                None => {
                    self.status = self.empty_cell_note();
                    return;
                }
            },
            Page::Timeline => self
                .pages
                .timeline
                .rows
                .get(self.pages.timeline_rows.selected)
                .map(|row| (EntityRef::new(EntityKind::Event, row.event), None)),
            Page::Sources => self.selected_source_entity().map(|source| (source, None)),
            Page::Browse => None,
        };
        let Some((entity, actor)) = target else {
            return;
        };
        self.open_here(entity, actor);
    }

    /// The source selected on the sources page, as an entity.
    pub(crate) fn selected_source_entity(&self) -> Option<EntityRef> {
        let row = self.pages.selected_source()?;
        Some(EntityRef::new(EntityKind::Source, row.source))
    }

    /// Opens `entity` from a page, with the link to `actor` focused in its detail.
    fn open_here(&mut self, entity: EntityRef, actor: Option<usize>) {
        self.open_entity(entity);
        // On a narrow screen the list would hide what was opened: show its detail.
        if !self.detail_on_screen() {
            self.focus_detail();
        }
        // For a matrix cell, focus the party's position in the sticking point's detail: in
        // that detail the only links to actors are the positions' parties.
        if let Some(actor) = actor {
            let party = EntityRef::new(EntityKind::Actor, actor);
            let link = self.detail.links().iter().position(|&l| l == party);
            self.detail.focus_link(link);
            self.focus = Focus::Detail;
            self.keep_link_visible();
        }
    }

    /// The sticking point under the matrix cursor and the actor of its row.
    fn matrix_target(&self) -> Option<(EntityRef, Option<usize>)> {
        let (row, column) = self.pages.matrix_cursor();
        let cell = self.pages.matrix.cell(row, column)?;
        let actor = self.pages.matrix.rows[row];
        let point = EntityRef::new(EntityKind::StickingPoint, cell.sticking_point);
        let actor = EntityRef::new(EntityKind::Actor, actor);
        Some((self.now_of(point)?, self.now_of(actor).map(|a| a.index)))
    }

    /// The entity of the dossier shown that `entity` of the matrix stands for: itself, or
    /// on the comparison's matrix the one of the same id (`None`: gone since).
    pub(crate) fn now_of(&self, entity: EntityRef) -> Option<EntityRef> {
        if !self.pages.matrix_compared {
            return Some(entity);
        }
        let id = self.matrix_loaded().dossier.id_of(entity);
        self.loaded.index.get(id).filter(|e| e.kind == entity.kind)
    }

    /// What Enter or `y` on an empty matrix cell says.
    pub(crate) fn empty_cell_note(&self) -> Option<String> {
        let (row, column) = self.pages.matrix_cursor();
        let actor = *self.pages.matrix.rows.get(row)?;
        let point = *self.pages.matrix.columns.get(column)?;
        let d = &self.matrix_loaded().dossier;
        if self.pages.matrix.cell(row, column).is_some() {
            // A cell of the comparison's matrix whose point or party is gone since.
            return Some(format!(
                "{} or {} is no longer in the dossier",
                crate::text::sanitize_line(&d.actors[actor].name),
                crate::text::sanitize_line(&d.sticking_points[point].title)
            ));
        }
        Some(format!(
            "{} holds no recorded position on {}",
            crate::text::sanitize_line(&d.actors[actor].name),
            crate::text::sanitize_line(&d.sticking_points[point].title)
        ))
    }
}
