//! The matrix, timeline and sources pages: their data (rebuilt when the query changes) and
//! their cursors.

use super::{App, Page};
use crate::model::{EntityKind, EntityRef};
use crate::views::{StanceMatrix, Timeline};

/// Columns of one matrix cell, and at most this much for the row names.
pub const MATRIX_COLUMN_WIDTH: usize = 12;
pub const MATRIX_NAME_WIDTH: usize = 20;
/// Rows under the grid for the legend and the selected position's summary and source;
/// fewer on short screens, so that the grid keeps some rows.
pub const MATRIX_NOTE_ROWS: usize = 5;

pub fn matrix_note_rows(screen_height: u16) -> usize {
    if screen_height >= 20 {
        MATRIX_NOTE_ROWS
    } else {
        2
    }
}
/// Rows above the grid for the column titles.
pub const MATRIX_HEADER_ROWS: usize = 2;

/// The pages' data and where their cursors are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageViews {
    pub matrix: StanceMatrix,
    /// (row, column) of the matrix cursor, and the first row and column shown.
    pub cursor: (usize, usize),
    pub offset: (usize, usize),
    pub timeline: Timeline,
    pub timeline_selected: usize,
    pub timeline_offset: usize,
    pub source_selected: usize,
    pub source_offset: usize,
    /// The citation under the cursor among those of the selected source, and the first shown.
    pub citation_selected: usize,
    pub citation_offset: usize,
}

/// Rows of the sources page given to the list of sources (the rest lists what cites one).
pub fn source_list_rows(sources: usize, body_rows: usize) -> usize {
    sources.min(body_rows.saturating_sub(2) / 3).max(1)
}

impl App {
    /// Rebuilds the page shown (matrix or timeline) for the current results, keeping cursors
    /// in range. Hidden pages are built when they are opened, not on every keystroke.
    pub(crate) fn rebuild_pages(&mut self) {
        if !matches!(self.page, Page::Matrix | Page::Timeline) {
            return;
        }
        let pages = &mut self.pages;
        pages.matrix = StanceMatrix::build(&self.loaded.index, &self.results);
        pages.timeline = Timeline::build(&self.loaded.dossier, &self.loaded.index, &self.results);
        self.keep_page_cursors_visible();
    }

    /// Body rows and columns below the search bar and above the status bar.
    fn body(&self) -> (usize, usize) {
        (self.height.saturating_sub(3) as usize, self.width as usize)
    }

    /// How many matrix rows and columns fit on screen.
    pub fn matrix_fits(&self) -> (usize, usize) {
        let (rows, width) = self.body();
        let grid_rows = rows.saturating_sub(2 + MATRIX_HEADER_ROWS + matrix_note_rows(self.height));
        let grid_columns = width.saturating_sub(MATRIX_NAME_WIDTH + 2) / MATRIX_COLUMN_WIDTH;
        (grid_rows.max(1), grid_columns.max(1))
    }

    pub(crate) fn keep_page_cursors_visible(&mut self) {
        let (fit_rows, fit_columns) = self.matrix_fits();
        let list_rows = self.body().0.saturating_sub(2).max(1);
        let sources = self.loaded.dossier.sources.len();
        let source_rows = source_list_rows(sources, self.body().0);
        let citation_rows = self.body().0.saturating_sub(4 + source_rows).max(1);
        let citations = self
            .loaded
            .index
            .source_citations
            .get(self.pages.source_selected.min(sources.saturating_sub(1)))
            .map_or(0, Vec::len);
        let p = &mut self.pages;
        let (rows, columns) = (p.matrix.rows.len(), p.matrix.columns.len());
        p.cursor.0 = p.cursor.0.min(rows.saturating_sub(1));
        p.cursor.1 = p.cursor.1.min(columns.saturating_sub(1));
        p.offset.0 = follow(p.offset.0, p.cursor.0, fit_rows);
        p.offset.1 = follow(p.offset.1, p.cursor.1, fit_columns);
        p.timeline_selected = p
            .timeline_selected
            .min(p.timeline.rows.len().saturating_sub(1));
        p.timeline_offset = follow(p.timeline_offset, p.timeline_selected, list_rows);
        p.source_selected = p.source_selected.min(sources.saturating_sub(1));
        p.source_offset = follow(p.source_offset, p.source_selected, source_rows);
        p.citation_selected = p.citation_selected.min(citations.saturating_sub(1));
        p.citation_offset = follow(p.citation_offset, p.citation_selected, citation_rows);
    }

    /// Moves the cursor of the page shown.
    pub(crate) fn move_page_cursor(&mut self, rows: isize, columns: isize) {
        let p = &mut self.pages;
        match self.page {
            Page::Matrix => {
                p.cursor.0 = p.cursor.0.saturating_add_signed(rows);
                p.cursor.1 = p.cursor.1.saturating_add_signed(columns);
            }
            Page::Timeline => p.timeline_selected = p.timeline_selected.saturating_add_signed(rows),
            Page::Sources => {
                // Up and down walk what cites the source; left and right change source.
                p.citation_selected = p.citation_selected.saturating_add_signed(rows);
                if columns != 0 {
                    p.source_selected = p.source_selected.saturating_add_signed(columns);
                    p.citation_selected = 0;
                    p.citation_offset = 0;
                }
            }
            Page::Browse => {}
        }
        self.keep_page_cursors_visible();
    }

    /// Enter on a page: open what is under the cursor in the lists and detail.
    pub(crate) fn open_from_page(&mut self) {
        let target = match self.page {
            Page::Matrix => self.matrix_target(),
            Page::Timeline => self
                .pages
                .timeline
                .rows
                .get(self.pages.timeline_selected)
                .map(|row| {
                    (
                        EntityRef {
                            kind: EntityKind::Event,
                            index: row.event,
                        },
                        None,
                    )
                }),
            Page::Sources => crate::views::citations(
                &self.loaded.dossier,
                &self.loaded.index,
                self.pages.source_selected,
            )
            .get(self.pages.citation_selected)
            .map(|citing| (citing.entity, None)),
            Page::Browse => None,
        };
        let Some((entity, actor)) = target else {
            return;
        };
        self.page = Page::Browse;
        self.open_entity(entity);
        // For a matrix cell, focus the party's position in the sticking point's detail: in
        // that detail the only links to actors are the positions' parties.
        if let Some(actor) = actor {
            let party = EntityRef {
                kind: EntityKind::Actor,
                index: actor,
            };
            self.detail_link = self.detail_links.iter().position(|&l| l == party);
            self.focus = super::Focus::Detail;
            self.keep_link_visible();
        }
    }

    /// The sticking point under the matrix cursor and the actor of its row.
    fn matrix_target(&self) -> Option<(EntityRef, Option<usize>)> {
        let (row, column) = self.pages.cursor;
        let cell = self.pages.matrix.cell(row, column)?;
        let actor = self.pages.matrix.rows[row];
        Some((
            EntityRef {
                kind: EntityKind::StickingPoint,
                index: cell.sticking_point,
            },
            Some(actor),
        ))
    }
}

/// The first visible index that keeps `selected` within `fit` rows starting there.
fn follow(offset: usize, selected: usize, fit: usize) -> usize {
    if selected < offset {
        selected
    } else if selected >= offset + fit {
        selected + 1 - fit
    } else {
        offset
    }
}
