//! Back/forward history of what was shown, like a browser's: entities in the detail pane,
//! and the matrix, timeline and sources pages with their cursors.

use super::list_view::ListView;
use crate::action::Page;
use crate::model::EntityRef;

/// Where the reader was on an entity: it, and how its detail was scrolled and focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub(crate) entity: EntityRef,
    pub(crate) scroll: usize,
    pub(crate) link: Option<usize>,
}

/// Where the reader was on a page: the page, what its cursor was on (found again when the
/// query or a reload changed the page), and its cursors as they were, for when that is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageVisit {
    pub(crate) page: Page,
    /// The matrix: the party and the sticking point under the cursor; the timeline: the
    /// event; the sources page: what the cited row opens.
    pub(crate) on: [Option<EntityRef>; 2],
    /// The sources page: the source selected (an index into the dossier's sources).
    pub(crate) source: Option<usize>,
    /// The matrix's rows and columns, the timeline's rows (and no columns), the sources and
    /// what cites the selected one.
    pub(crate) rows: ListView,
    pub(crate) columns: ListView,
}

/// One entry of the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stop {
    Entity(Visit),
    Page(PageVisit),
}

impl From<Visit> for Stop {
    fn from(visit: Visit) -> Self {
        Stop::Entity(visit)
    }
}

impl From<PageVisit> for Stop {
    fn from(visit: PageVisit) -> Self {
        Stop::Page(visit)
    }
}

/// Stops with a cursor. Following a link or opening a page pushes (dropping the forward
/// entries); moving through a list or on a page replaces the current stop.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trail {
    stops: Vec<Stop>,
    cursor: usize,
}

impl Trail {
    pub fn current(&self) -> Option<Stop> {
        self.stops.get(self.cursor).copied()
    }

    /// Records a newly followed stop after the current one.
    pub fn push(&mut self, stop: impl Into<Stop>) {
        let stop = stop.into();
        if self.stops.is_empty() {
            self.stops.push(stop);
            self.cursor = 0;
            return;
        }
        self.stops.truncate(self.cursor + 1);
        self.stops.push(stop);
        self.cursor = self.stops.len() - 1;
    }

    /// Replaces the current stop (or starts the history).
    pub fn replace(&mut self, stop: impl Into<Stop>) {
        let stop = stop.into();
        match self.stops.get_mut(self.cursor) {
            Some(current) => *current = stop,
            None => self.push(stop),
        }
    }

    pub(crate) fn can_go_back(&self) -> bool {
        self.cursor > 0
    }

    pub(crate) fn can_go_forward(&self) -> bool {
        self.cursor + 1 < self.stops.len()
    }

    pub fn back(&mut self) -> Option<Stop> {
        if !self.can_go_back() {
            return None;
        }
        self.cursor -= 1;
        self.current()
    }

    pub fn forward(&mut self) -> Option<Stop> {
        if !self.can_go_forward() {
            return None;
        }
        self.cursor += 1;
        self.current()
    }

    /// Maps every stop after a reload, dropping those `map` drops (an entity gone).
    pub(crate) fn remap(&mut self, mut map: impl FnMut(Stop) -> Option<Stop>) {
        let mut kept = Vec::with_capacity(self.stops.len());
        let mut cursor = 0;
        for (i, stop) in self.stops.drain(..).enumerate() {
            if let Some(stop) = map(stop) {
                if i <= self.cursor {
                    cursor = kept.len();
                }
                kept.push(stop);
            }
        }
        self.stops = kept;
        self.cursor = cursor;
    }

    pub fn len(&self) -> usize {
        self.stops.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stops.is_empty()
    }

    /// The position of the current stop (0-based).
    pub fn position(&self) -> usize {
        self.cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn visit(index: usize) -> Stop {
        Stop::Entity(Visit {
            entity: EntityRef {
                kind: EntityKind::Actor,
                index,
            },
            scroll: 0,
            link: None,
        })
    }

    fn page(page: Page) -> Stop {
        Stop::Page(PageVisit {
            page,
            on: [None; 2],
            source: None,
            rows: ListView::default(),
            columns: ListView::default(),
        })
    }

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut h = Trail::default();
        h.replace(visit(0));
        h.push(visit(1));
        h.push(visit(2));
        assert_eq!(h.back(), Some(visit(1)));
        assert_eq!(h.back(), Some(visit(0)));
        assert_eq!(h.back(), None);
        assert_eq!(h.forward(), Some(visit(1)));
        h.push(visit(5));
        assert!(
            !h.can_go_forward(),
            "following a link drops the forward entries"
        );
        assert_eq!(h.len(), 3);
        h.replace(visit(6));
        assert_eq!(h.current(), Some(visit(6)));
        assert_eq!(h.back(), Some(visit(1)));
    }

    #[test]
    fn pages_are_stops_like_entities_and_survive_a_remap() {
        let mut h = Trail::default();
        h.replace(visit(0));
        h.push(page(Page::Matrix));
        h.push(visit(1));
        h.push(page(Page::Sources));
        // A reload drops the entities that are gone, never a page.
        h.remap(|stop| (stop != visit(1)).then_some(stop));
        assert_eq!(h.len(), 3);
        assert_eq!(h.current(), Some(page(Page::Sources)));
        assert_eq!(h.back(), Some(page(Page::Matrix)));
        assert_eq!(h.back(), Some(visit(0)));
    }
}
