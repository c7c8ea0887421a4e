//! A cursor over a list of rows and the first row shown: the lists, the matrix's rows and
//! columns, the timeline and the sources page all move with it.

/// The selection and scroll position of one list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListView {
    /// Index into the list's rows (for the lists: their filtered entries).
    pub selected: usize,
    /// First visible row.
    pub offset: usize,
}

impl ListView {
    /// Moves the selection by `delta` rows, within `count` rows, keeping it among the `fit`
    /// rows shown.
    pub(crate) fn move_by(&mut self, delta: isize, count: usize, fit: usize) {
        self.selected = self.selected.saturating_add_signed(delta);
        self.keep_in(count, fit);
    }

    /// Selects row `row` (clamped to `count` rows) and keeps it among the `fit` rows shown.
    pub fn select(&mut self, row: usize, count: usize, fit: usize) {
        self.selected = row;
        self.keep_in(count, fit);
    }

    /// Clamps the selection to `count` rows and scrolls so that it is among the `fit` rows
    /// shown (a `fit` of 0, a pane not on screen, leaves the scroll alone).
    pub(crate) fn keep_in(&mut self, count: usize, fit: usize) {
        self.selected = self.selected.min(count.saturating_sub(1));
        if fit == 0 {
            return;
        }
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + fit {
            self.offset = self.selected + 1 - fit;
        }
        self.offset = self.offset.min(count.saturating_sub(fit));
    }

    /// The row at `n` rows below the top of the view, if there is one.
    pub(crate) fn row_at(&self, n: usize, count: usize) -> Option<usize> {
        let row = self.offset + n;
        (row < count).then_some(row)
    }
}

#[cfg(test)]
mod tests {
    use super::ListView;

    #[test]
    fn the_selection_stays_in_range_and_on_screen() {
        let mut view = ListView::default();
        view.move_by(7, 10, 3);
        assert_eq!(
            view,
            ListView {
                selected: 7,
                offset: 5
            }
        );
        view.move_by(100, 10, 3);
        assert_eq!(
            view,
            ListView {
                selected: 9,
                offset: 7
            }
        );
        view.move_by(-100, 10, 3);
        assert_eq!(
            view,
            ListView {
                selected: 0,
                offset: 0
            }
        );
        view.select(4, 10, 0);
        assert_eq!(
            view,
            ListView {
                selected: 4,
                offset: 0
            }
        );
    }

    #[test]
    fn shrinking_the_list_pulls_the_view_back() {
        let mut view = ListView {
            selected: 9,
            offset: 7,
        };
        view.keep_in(5, 3);
        assert_eq!(
            view,
            ListView {
                selected: 4,
                offset: 2
            }
        );
        view.keep_in(0, 3);
        assert_eq!(
            view,
            ListView {
                selected: 0,
                offset: 0
            }
        );
        assert_eq!(view.row_at(1, 0), None);
    }
}
