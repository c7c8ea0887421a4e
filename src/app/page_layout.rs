//! Where the parts of the matrix, timeline and sources pages go in the body of the screen.

use ratatui::layout::{Position, Rect};

use crate::action::Page;

mod room;
use room::{DETAIL_BELOW_BODY, split_off_detail};
mod sources;
pub(crate) use room::{TitleLines, matrix_widths, wrap_title};
use sources::sources_areas;
pub use sources::{FIRST_BACKED, SOURCE_LINES, SourcesAreas};

/// Columns of one matrix cell at least (they share what the screen has left, up to the
/// most), and this much for the row names at least (more, up to what the longest needs,
/// where the cells leave it).
pub(crate) const MATRIX_COLUMN_WIDTH: u16 = 12;
const MATRIX_COLUMN_MOST: u16 = 24;
const MATRIX_NAME_WIDTH: u16 = 20;
/// Rows under the grid for the legend and the selected position's summary and source;
/// fewer on short screens, so that the grid keeps some rows; with the position's detail in
/// a pane of its own, the legend's (and a row to part it from the border).
const MATRIX_NOTE_ROWS: u16 = 5;
const MATRIX_NOTE_ROWS_SHORT: u16 = 2;
const MATRIX_NOTE_ROWS_LEGEND: u16 = 3;
/// From this screen height the matrix has its full notes.
const MATRIX_FULL_NOTES_HEIGHT: u16 = 20;

/// The areas of the page shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageAreas {
    /// The browse page: its panes are in [`super::layout::Panes`].
    #[default]
    Browse,
    Matrix(MatrixAreas),
    Timeline(TimelineAreas),
    Sources(SourcesAreas),
}

/// The matrix: column titles over a grid of cells beside the row names, notes below.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MatrixAreas {
    /// The bordered block, and inside it.
    pub(crate) block: Rect,
    pub(crate) inner: Rect,
    /// The grid's rows and columns that fit (at least one each).
    pub rows: usize,
    pub columns: usize,
    /// Screen columns of one grid column (its cell and a space).
    pub(crate) column_width: u16,
    /// Screen columns of the party names (the marker and a space included).
    pub(crate) name_width: u16,
    /// The legend, then the note on the cell under the cursor.
    pub(crate) notes: Rect,
    /// Rows above the grid for the column titles.
    pub(crate) header_rows: u16,
    /// The detail of the position under the cursor, where there is room (the notes then
    /// hold the legend only).
    pub(crate) detail: Option<Rect>,
}

/// A cell of the matrix grid, counted from the first row and column shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct GridSpot {
    pub(crate) row: usize,
    /// `None` on the row's name.
    pub(crate) column: Option<usize>,
}

impl MatrixAreas {
    /// The screen row of grid row `n`.
    pub(crate) fn row_y(&self, n: usize) -> u16 {
        self.inner.y + self.header_rows + n as u16
    }

    /// The first screen column of grid column `n`.
    pub(crate) fn column_x(&self, n: usize) -> u16 {
        self.inner.x + self.name_width + n as u16 * self.column_width
    }

    /// Whether a party's row fits between the column titles and the notes.
    pub(crate) fn fits_a_row(&self) -> bool {
        self.row_y(0) < self.notes.y
    }

    /// The grid spot at `at`, if the point is on a row of the grid.
    pub(crate) fn spot_at(&self, at: Position) -> Option<GridSpot> {
        let top = self.row_y(0);
        let grid_bottom = self.row_y(self.rows).min(self.notes.y);
        if !self.inner.contains(at) || at.y < top || at.y >= grid_bottom {
            return None;
        }
        let row = (at.y - top) as usize;
        let column = (at.x >= self.column_x(0))
            .then(|| ((at.x - self.column_x(0)) / self.column_width) as usize)
            .filter(|&c| c < self.columns);
        if column.is_none() && at.x >= self.column_x(0) {
            return None;
        }
        Some(GridSpot { row, column })
    }
}

/// The timeline: one event a row inside a block, under a note on undated events if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineAreas {
    pub(crate) block: Rect,
    pub(crate) inner: Rect,
    /// The row of the note on how undated events are placed, when there are any.
    pub(crate) note: Option<Rect>,
    /// Where the events' rows go.
    pub(crate) list: Rect,
    /// The detail of the event under the cursor, where there is room.
    pub(crate) detail: Option<Rect>,
}

impl TimelineAreas {
    pub fn rows(&self) -> usize {
        self.list.height as usize
    }
}

fn timeline_areas(body: Rect, counts: PageCounts) -> TimelineAreas {
    let undated = counts.undated;
    let wants = |_: Rect| counts.timeline_rows as u16 + 2 + u16::from(undated);
    let (block, detail) = match counts.timeline_rows {
        0 => (body, None),
        _ => split_off_detail(body, wants),
    };
    let inner = block.inner(ratatui::layout::Margin::new(1, 1));
    let (note, list) = if undated && inner.height > 1 {
        let note = Rect::new(inner.x, inner.y, inner.width, 1);
        let list = Rect::new(inner.x, inner.y + 1, inner.width, inner.height - 1);
        (Some(note), list)
    } else {
        (None, inner)
    };
    TimelineAreas {
        block,
        inner,
        note,
        list,
        detail,
    }
}

/// The row of `area` at `at`, counted from its top.
pub(crate) fn row_in(area: Rect, at: Position) -> Option<usize> {
    area.contains(at).then(|| (at.y - area.y) as usize)
}

/// What the pages' layout depends on besides the body: how many sticking points,
/// parties and events the pages show, and the lines the column titles need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PageCounts {
    pub(crate) matrix_columns: usize,
    /// How many parties the matrix shows.
    pub(crate) matrix_rows: usize,
    /// The lines the matrix's column titles need at each width.
    pub(crate) title_lines: TitleLines,
    /// The columns the longest party name needs (with its marker and a space), and the
    /// widest cell (with its space).
    pub(crate) party_width: u16,
    pub(crate) cell_width: u16,
    /// How many events the timeline shows.
    pub(crate) timeline_rows: usize,
    /// Some event has no date (the timeline says how those are placed).
    pub(crate) undated: bool,
}

#[cfg(test)]
impl PageCounts {
    /// The built-in dossier's counts, for tests.
    pub(crate) fn example() -> Self {
        PageCounts {
            matrix_columns: 7,
            matrix_rows: 6,
            title_lines: TitleLines::of(["Security guarantees"].into_iter()),
            party_width: 20,
            cell_width: 12,
            timeline_rows: 13,
            undated: false,
        }
    }
}

pub(crate) fn page_areas(page: Page, body: Rect, counts: PageCounts) -> PageAreas {
    let block = body;
    let inner = block.inner(ratatui::layout::Margin::new(1, 1));
    match page {
        Page::Browse => PageAreas::Browse,
        Page::Matrix => PageAreas::Matrix(matrix_areas(body, counts)),
        Page::Timeline => PageAreas::Timeline(timeline_areas(body, counts)),
        Page::Sources => PageAreas::Sources(sources_areas(block, inner)),
    }
}

/// How the grid's columns fit in `inner_width`: how many, the screen columns of each, and
/// those of the names before them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GridWidths {
    columns: u16,
    column_width: u16,
    name_width: u16,
}

/// The grid's columns that fit in `inner_width` beside the least name column; the names
/// then take what they need of what the columns shown leave, each column keeping its
/// widest cell and its titles' words whole in `title_rows` lines.
fn matrix_columns(inner_width: u16, counts: PageCounts, title_rows: u16) -> GridWidths {
    let grid = inner_width.saturating_sub(MATRIX_NAME_WIDTH);
    let columns = (grid / MATRIX_COLUMN_WIDTH).max(1);
    let shown = columns.min(counts.matrix_columns.max(1) as u16);
    let cell = (counts.title_lines.fitting(title_rows) + 1)
        .max(counts.cell_width)
        .max(MATRIX_COLUMN_WIDTH);
    let spare = grid.saturating_sub(shown * cell);
    let wider = counts
        .party_width
        .saturating_sub(MATRIX_NAME_WIDTH)
        .min(spare);
    let name_width = MATRIX_NAME_WIDTH + wider;
    // The columns shown share the width the grid has (the last one keeps no spare space).
    let grid = inner_width.saturating_sub(name_width);
    let column_width = (grid / shown).clamp(MATRIX_COLUMN_WIDTH, MATRIX_COLUMN_MOST);
    GridWidths {
        columns,
        column_width,
        name_width,
    }
}

/// The most rows the column titles get: 7 on tall screens, 3 on middling ones and 2 on
/// short ones.
fn most_title_rows(body_height: u16) -> u16 {
    match body_height {
        DETAIL_BELOW_BODY.. => 7,
        MATRIX_THREE_TITLE_ROWS_BODY.. => 3,
        _ => 2,
    }
}

/// The rows the column titles get in a matrix `block` wide: what the longest needs, up
/// to the most for the body's height.
fn matrix_header_rows(block: Rect, body_height: u16, counts: PageCounts) -> u16 {
    let most = most_title_rows(body_height);
    let widths = matrix_columns(block.width.saturating_sub(2), counts, most);
    counts
        .title_lines
        .at(widths.column_width - 1)
        .clamp(1, most)
}

/// From this body height column titles may take three rows.
const MATRIX_THREE_TITLE_ROWS_BODY: u16 = 19;

fn matrix_areas(body: Rect, counts: PageCounts) -> MatrixAreas {
    let wants = |block: Rect| {
        let header = matrix_header_rows(block, body.height, counts);
        2 + header + counts.matrix_rows as u16 + MATRIX_NOTE_ROWS_LEGEND
    };
    let (block, detail) = match counts.matrix_rows {
        0 => (body, None),
        _ => split_off_detail(body, wants),
    };
    let inner = block.inner(ratatui::layout::Margin::new(1, 1));
    let note_rows = if detail.is_some() {
        MATRIX_NOTE_ROWS_LEGEND
    } else if block.height + 3 >= MATRIX_FULL_NOTES_HEIGHT {
        MATRIX_NOTE_ROWS
    } else {
        MATRIX_NOTE_ROWS_SHORT
    };
    let header_rows = matrix_header_rows(block, body.height, counts);
    let notes_top = inner.bottom().saturating_sub(note_rows).max(inner.y);
    let notes = Rect::new(inner.x, notes_top, inner.width, inner.bottom() - notes_top);
    let rows = inner.height.saturating_sub(header_rows + note_rows) as usize;
    let widths = matrix_columns(inner.width, counts, most_title_rows(body.height));
    MatrixAreas {
        block,
        inner,
        rows: rows.max(1),
        columns: widths.columns as usize,
        column_width: widths.column_width,
        name_width: widths.name_width,
        notes,
        header_rows,
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(width: u16, height: u16) -> MatrixAreas {
        let counts = PageCounts::example();
        match page_areas(Page::Matrix, Rect::new(0, 2, width, height - 3), counts) {
            PageAreas::Matrix(m) => m,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_matrix_grid_fits_between_titles_and_notes() {
        let m = matrix(80, 24);
        // 21 body rows: 2 borders, 2 title rows, 5 note rows.
        assert_eq!((m.rows, m.columns), (12, 4));
        // The four columns share the 58 columns right of the names.
        assert_eq!(m.column_width, 14);
        assert_eq!(matrix(120, 40).column_width, 14);
        assert_eq!(m.notes, Rect::new(1, 17, 78, 5));
        let small = matrix(40, 12);
        assert_eq!((small.rows, small.columns), (3, 1));
    }

    #[test]
    fn the_position_s_detail_below_on_tall_screens_beside_on_wide_ones() {
        let tall = matrix(120, 40);
        // Borders, 2 title rows, 6 parties and the legend's 3 rows; the detail the rest.
        assert_eq!(tall.block, Rect::new(0, 2, 120, 13));
        assert_eq!(tall.detail, Some(Rect::new(0, 15, 120, 24)));
        assert_eq!(tall.rows, 6);
        let wide = matrix(120, 24);
        assert_eq!(wide.detail, Some(Rect::new(80, 2, 40, 21)));
        assert_eq!(wide.columns, 4);
        assert_eq!(matrix(80, 24).detail, None);
        assert_eq!(matrix(40, 12).detail, None);
    }

    #[test]
    fn title_lines_are_counted_at_every_cell_width() {
        assert_eq!(room::NARROWEST, MATRIX_COLUMN_WIDTH as usize - 1);
        assert_eq!(room::WIDEST, MATRIX_COLUMN_MOST as usize - 1);
    }

    #[test]
    fn grid_spots_under_the_pointer() {
        let m = matrix(80, 24);
        let top = m.row_y(0);
        let spot = |x, y| m.spot_at(Position { x, y });
        assert_eq!(
            spot(2, top),
            Some(GridSpot {
                row: 0,
                column: None
            })
        );
        assert_eq!(
            spot(m.column_x(1) + 3, top + 2),
            Some(GridSpot {
                row: 2,
                column: Some(1)
            })
        );
        assert_eq!(spot(2, top - 1), None);
        assert_eq!(spot(2, m.notes.y), None);
        assert_eq!(spot(m.column_x(4), top), None);
    }

    #[test]
    fn each_source_takes_a_block_of_lines() {
        let PageAreas::Sources(s) = page_areas(
            Page::Sources,
            Rect::new(0, 2, 80, 21),
            PageCounts::example(),
        ) else {
            panic!("not the sources page");
        };
        assert_eq!(s.sources, Rect::new(1, 3, 78, 19));
        assert_eq!((s.lines, s.fit()), (SOURCE_LINES, 2));
        assert_eq!(s.block_at(3), Some(0));
        assert_eq!(s.block_at(3 + SOURCE_LINES), Some(1));
        assert_eq!(s.block_at(2), None);
        let PageAreas::Sources(short) =
            page_areas(Page::Sources, Rect::new(0, 2, 40, 6), PageCounts::example())
        else {
            panic!("not the sources page");
        };
        assert_eq!((short.lines, short.fit()), (4, 1));
    }
}
