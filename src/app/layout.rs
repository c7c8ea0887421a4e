//! Where each pane goes for a given terminal size. Pure geometry, shared by rendering,
//! mouse hit-testing and the paging in `update`.

use ratatui::layout::Rect;

use super::Focus;
use crate::model::EntityKind;

/// Below this the screen shows only a "terminal too small" note.
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;
/// From this width the lists and the detail sit side by side.
const SIDE_BY_SIDE_WIDTH: u16 = 70;
/// Each list needs this many rows (borders included) before all four are shown open.
const OPEN_LIST_HEIGHT: u16 = 8;

/// The panes of one screen. A list is `None` when hidden, and one row high when collapsed
/// to its title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub header: Rect,
    pub search: Rect,
    pub status: Rect,
    /// The tab row shown when only one pane fits.
    pub tabs: Option<Rect>,
    pub lists: [Option<Rect>; 4],
    pub detail: Option<Rect>,
    pub too_small: bool,
}

impl Panes {
    pub fn list(&self, kind: EntityKind) -> Option<Rect> {
        self.lists[kind_slot(kind)]
    }

    /// Rows of items a list shows (inside its borders); 0 when collapsed or hidden.
    pub fn list_rows(&self, kind: EntityKind) -> usize {
        self.list(kind)
            .map_or(0, |r| r.height.saturating_sub(2) as usize)
    }

    /// Rows and columns of text inside the detail pane's borders.
    pub fn detail_inner(&self) -> (usize, usize) {
        self.detail.map_or((0, 0), |r| {
            (
                r.height.saturating_sub(2) as usize,
                r.width.saturating_sub(2) as usize,
            )
        })
    }
}

pub fn kind_slot(kind: EntityKind) -> usize {
    kind.slot()
}

/// Lays out a `width`×`height` screen; `list` is the list in focus (or last in focus).
pub fn panes(width: u16, height: u16, focus: Focus, list: EntityKind) -> Panes {
    let mut panes = Panes::default();
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        panes.too_small = true;
        return panes;
    }
    panes.header = Rect::new(0, 0, width, 1);
    panes.search = Rect::new(0, 1, width, 1);
    panes.status = Rect::new(0, height - 1, width, 1);
    let body = Rect::new(0, 2, width, height - 3);
    if width >= SIDE_BY_SIDE_WIDTH {
        // Half the width on smaller screens, two fifths on wide ones.
        let left_width = if width < 110 {
            width / 2
        } else {
            (width * 2 / 5).min(64)
        };
        let left = Rect::new(0, body.y, left_width, body.height);
        panes.detail = Some(Rect::new(
            left_width,
            body.y,
            width - left_width,
            body.height,
        ));
        stack_lists(&mut panes, left, list);
    } else {
        panes.tabs = Some(Rect::new(0, body.y, width, 1));
        let pane = Rect::new(0, body.y + 1, width, body.height - 1);
        match focus {
            Focus::Detail => panes.detail = Some(pane),
            Focus::List(kind) => panes.lists[kind_slot(kind)] = Some(pane),
        }
    }
    panes
}

/// The width of the list column beside the detail: half the width on smaller screens, two
/// fifths on wide ones.
fn list_column_width(width: u16) -> u16 {
    if width < 110 {
        width / 2
    } else {
        (width * 2 / 5).min(64)
    }
}

/// The columns of text inside the detail pane on a screen `width` wide, whether or not the
/// detail is on screen now (on narrow screens it takes the whole width when shown).
pub fn detail_text_width(width: u16) -> usize {
    let pane = if width >= SIDE_BY_SIDE_WIDTH {
        width - list_column_width(width)
    } else {
        width
    };
    pane.saturating_sub(2) as usize
}

/// Four lists in a column: all open when there is room, else the focused one open and the
/// others collapsed to their title row.
fn stack_lists(panes: &mut Panes, column: Rect, open: EntityKind) {
    let mut y = column.y;
    let even = column.height >= OPEN_LIST_HEIGHT * 4;
    for kind in EntityKind::ALL {
        let slot = kind_slot(kind);
        let height = if even {
            let base = column.height / 4;
            if slot == 3 {
                column.height - base * 3
            } else {
                base
            }
        } else if kind == open {
            column.height - 3
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

    #[test]
    fn side_by_side_at_80_by_24_with_the_focused_list_open() {
        let p = panes(80, 24, Focus::List(EntityKind::Event), EntityKind::Event);
        assert!(!p.too_small);
        assert_eq!(p.detail, Some(Rect::new(40, 2, 40, 21)));
        assert_eq!(p.list(EntityKind::Actor), Some(Rect::new(0, 2, 40, 1)));
        assert_eq!(p.list(EntityKind::Event), Some(Rect::new(0, 3, 40, 18)));
        assert_eq!(p.list_rows(EntityKind::Event), 16);
        assert_eq!(p.list_rows(EntityKind::Place), 0);
    }

    #[test]
    fn all_lists_open_when_tall_enough() {
        let p = panes(120, 40, Focus::Detail, EntityKind::Actor);
        let heights: Vec<u16> = p.lists.iter().map(|r| r.map_or(0, |r| r.height)).collect();
        assert_eq!(heights, vec![9, 9, 9, 10]);
    }

    #[test]
    fn one_pane_with_tabs_when_narrow() {
        let p = panes(40, 12, Focus::List(EntityKind::Place), EntityKind::Place);
        assert_eq!(p.tabs, Some(Rect::new(0, 2, 40, 1)));
        assert_eq!(p.list(EntityKind::Place), Some(Rect::new(0, 3, 40, 8)));
        assert!(p.detail.is_none());
        let p = panes(40, 12, Focus::Detail, EntityKind::Place);
        assert!(p.lists.iter().all(Option::is_none));
        assert_eq!(p.detail_inner(), (6, 38));
    }

    #[test]
    fn too_small_below_the_minimum() {
        assert!(panes(29, 24, Focus::Detail, EntityKind::Actor).too_small);
        assert!(panes(80, 7, Focus::Detail, EntityKind::Actor).too_small);
        assert!(panes(0, 0, Focus::Detail, EntityKind::Actor).too_small);
    }
}
