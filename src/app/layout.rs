//! Where everything goes on a screen of a given size: the bars, the lists and the detail,
//! or the page shown. One function computes every rectangle; drawing, paging in `update`
//! and mouse hit-testing all read it, so they cannot disagree.

use ratatui::layout::{Constraint, Layout as Split, Rect};

use super::page_layout::{PageAreas, PageCounts, page_areas};
use crate::action::{Focus, Page};
use crate::model::EntityKind;

/// Below this the screen shows only a "terminal too small" note.
pub(crate) const MIN_WIDTH: u16 = 30;
pub(crate) const MIN_HEIGHT: u16 = 8;
/// From this width the lists and the detail sit side by side.
const SIDE_BY_SIDE_WIDTH: u16 = 70;
/// The detail keeps this many columns when the lists would like more.
const DETAIL_LEAST: u16 = 36;
/// Each list needs this many rows (borders included) before all four are shown open.
const OPEN_LIST_HEIGHT: u16 = 8;

/// What the layout depends on besides the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub(crate) page: Page,
    pub(crate) focus: Focus,
    /// The list in focus, or last in focus.
    pub(crate) list: EntityKind,
    /// What the pages' areas depend on: how many sources, parties, sticking points and
    /// events they show, and more.
    pub(crate) pages: PageCounts,
    /// The columns the list column needs for its widest row (borders included).
    pub(crate) list_width: u16,
}

/// Every rectangle of one screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layout {
    pub too_small: bool,
    pub(crate) header: Rect,
    pub(crate) search: Rect,
    pub(crate) status: Rect,
    /// Between the search bar and the status bar.
    pub(crate) body: Rect,
    /// The lists and the detail as they are (or would be) on the browse page.
    pub panes: Panes,
    /// The areas of the page shown, if it is not the browse page.
    pub page: PageAreas,
}

/// The browse page's panes. A list is `None` when hidden, and one row high when collapsed
/// to its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    /// The tab row shown when only one pane fits.
    pub(crate) tabs: Option<Rect>,
    /// The listed kinds' panes (sources have none: the sources page is their list).
    pub(crate) lists: [Option<Rect>; EntityKind::LISTED_COUNT],
    pub detail: Option<Rect>,
}

impl Panes {
    pub fn list(&self, kind: EntityKind) -> Option<Rect> {
        self.lists.get(kind.slot()).copied().flatten()
    }

    /// Rows of items a list shows (inside its borders); 0 when collapsed or hidden.
    pub fn list_rows(&self, kind: EntityKind) -> usize {
        self.list(kind).map_or(0, inner_rows)
    }

    /// Rows and columns of text inside the detail pane's borders.
    pub(crate) fn detail_inner(&self) -> (usize, usize) {
        self.detail.map_or((0, 0), |r| {
            (inner_rows(r), r.width.saturating_sub(2) as usize)
        })
    }
}

/// Rows inside a bordered block.
pub(crate) fn inner_rows(area: Rect) -> usize {
    area.height.saturating_sub(2) as usize
}

/// Lays out a screen.
pub fn layout(shape: Shape) -> Layout {
    let (width, height) = (shape.width, shape.height);
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Layout {
            too_small: true,
            ..Layout::default()
        };
    }
    let area = Rect::new(0, 0, width, height);
    let [header, search, body, status] = Split::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Layout {
        too_small: false,
        header,
        search,
        status,
        body,
        panes: panes(body, shape),
        page: page_areas(shape.page, body, shape.pages),
    }
}

fn panes(body: Rect, shape: Shape) -> Panes {
    let (focus, list) = (shape.focus, shape.list);
    let mut panes = Panes::default();
    if body.width >= SIDE_BY_SIDE_WIDTH {
        let [left, detail] = Split::horizontal([
            Constraint::Length(list_column_width(body.width, shape.list_width)),
            Constraint::Fill(1),
        ])
        .areas(body);
        panes.detail = Some(detail);
        stack_lists(&mut panes, left, list);
    } else {
        let [tabs, pane] =
            Split::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
        panes.tabs = Some(tabs);
        match focus {
            Focus::Detail => panes.detail = Some(pane),
            Focus::List(kind) => {
                if let Some(list) = panes.lists.get_mut(kind.slot()) {
                    *list = Some(pane);
                }
            }
        }
    }
    panes
}

/// The width of the list column beside the detail: what its rows need, at least half the
/// width on smaller screens and two fifths on wide ones, at most three fifths and never so
/// much that the detail is left fewer than `DETAIL_LEAST` columns.
fn list_column_width(width: u16, wanted: u16) -> u16 {
    let least = if width < 110 {
        width / 2
    } else {
        (width * 2 / 5).min(64)
    };
    let most = (width * 3 / 5).min(width.saturating_sub(DETAIL_LEAST));
    wanted.clamp(least, most.max(least))
}

/// The columns of text inside the detail pane on a screen `width` wide, whether or not the
/// detail is on screen now (on narrow screens it takes the whole width when shown).
pub(crate) fn detail_text_width(width: u16, list_width: u16) -> usize {
    let pane = if width >= SIDE_BY_SIDE_WIDTH {
        width - list_column_width(width, list_width)
    } else {
        width
    };
    pane.saturating_sub(2) as usize
}

/// The lists in a column: all open when there is room, else the one in focus open and the
/// others collapsed to their title row.
fn stack_lists(panes: &mut Panes, column: Rect, open: EntityKind) {
    let count = EntityKind::LISTED_COUNT as u16;
    let even = column.height >= OPEN_LIST_HEIGHT * count;
    let mut y = column.y;
    for (slot, kind) in EntityKind::LISTED.into_iter().enumerate() {
        let height = if even {
            let base = column.height / count;
            // The last list takes what the division leaves.
            if slot + 1 == EntityKind::LISTED_COUNT {
                column.bottom() - y
            } else {
                base
            }
        } else if kind == open {
            column.height - (count - 1)
        } else {
            1
        };
        panes.lists[slot] = Some(Rect::new(column.x, y, column.width, height));
        y += height;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn browse(width: u16, height: u16, focus: Focus, list: EntityKind) -> Layout {
        layout(Shape {
            width,
            height,
            page: Page::Browse,
            focus,
            list,
            pages: PageCounts::example(),
            list_width: 0,
        })
    }

    #[test]
    fn side_by_side_at_80_by_24_with_the_focused_list_open() {
        let l = browse(80, 24, Focus::List(EntityKind::Event), EntityKind::Event);
        assert!(!l.too_small);
        let p = l.panes;
        assert_eq!(p.detail, Some(Rect::new(40, 2, 40, 21)));
        assert_eq!(p.list(EntityKind::Actor), Some(Rect::new(0, 2, 40, 1)));
        assert_eq!(p.list(EntityKind::Event), Some(Rect::new(0, 3, 40, 18)));
        assert_eq!(p.list_rows(EntityKind::Event), 16);
        assert_eq!(p.list_rows(EntityKind::Place), 0);
        assert_eq!(l.status, Rect::new(0, 23, 80, 1));
    }

    #[test]
    fn all_lists_open_when_tall_enough() {
        let p = browse(120, 40, Focus::Detail, EntityKind::Actor).panes;
        let heights: Vec<u16> = p.lists.iter().map(|r| r.map_or(0, |r| r.height)).collect();
        assert_eq!(heights, vec![9, 9, 9, 10]);
        assert_eq!(p.detail, Some(Rect::new(48, 2, 72, 37)));
    }

    #[test]
    fn one_pane_with_tabs_when_narrow() {
        let p = browse(40, 12, Focus::List(EntityKind::Place), EntityKind::Place).panes;
        assert_eq!(p.tabs, Some(Rect::new(0, 2, 40, 1)));
        assert_eq!(p.list(EntityKind::Place), Some(Rect::new(0, 3, 40, 8)));
        assert!(p.detail.is_none());
        let p = browse(40, 12, Focus::Detail, EntityKind::Place).panes;
        assert!(p.lists.iter().all(Option::is_none));
        assert_eq!(p.detail_inner(), (6, 38));
    }

    #[test]
    fn the_list_column_takes_what_its_rows_need_up_to_three_fifths() {
        let wide = |list_width| {
            let mut shape = Shape {
                width: 120,
                height: 40,
                page: Page::Browse,
                focus: Focus::Detail,
                list: EntityKind::Actor,
                pages: PageCounts::example(),
                list_width,
            };
            let l = layout(shape);
            shape.width = 80;
            (l.panes.list(EntityKind::Actor), layout(shape).panes.detail)
        };
        // At 120 columns, up to three fifths; at 80, the detail keeps 36.
        let (list, detail) = wide(60);
        assert_eq!(list.map(|r| r.width), Some(60));
        assert_eq!(detail.map(|r| r.width), Some(36));
        let (list, detail) = wide(200);
        assert_eq!(list.map(|r| r.width), Some(72));
        assert_eq!(detail.map(|r| r.width), Some(36));
        let (list, _) = wide(10);
        assert_eq!(list.map(|r| r.width), Some(48));
    }

    #[test]
    fn too_small_below_the_minimum() {
        assert!(browse(29, 24, Focus::Detail, EntityKind::Actor).too_small);
        assert!(browse(80, 7, Focus::Detail, EntityKind::Actor).too_small);
        assert!(browse(0, 0, Focus::Detail, EntityKind::Actor).too_small);
    }

    #[test]
    fn the_detail_text_width_is_the_detail_pane_s() {
        for (width, height) in [(80, 24), (120, 40), (200, 50), (70, 20)] {
            let l = browse(width, height, Focus::Detail, EntityKind::Actor);
            assert_eq!(l.panes.detail_inner().1, detail_text_width(width, 0));
        }
    }
}
