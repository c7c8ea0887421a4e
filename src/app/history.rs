//! Back/forward history of shown entities, like a browser's.

use crate::model::EntityRef;

/// Where the reader was: the entity and how its detail was scrolled and focused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit {
    pub entity: EntityRef,
    pub scroll: usize,
    pub link: Option<usize>,
}

/// Visits with a cursor. Following a link pushes (dropping the forward entries); moving
/// through a list replaces the current visit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    visits: Vec<Visit>,
    cursor: usize,
}

impl History {
    pub(crate) fn current(&self) -> Option<Visit> {
        self.visits.get(self.cursor).copied()
    }

    /// Records a newly followed visit after the current one.
    pub fn push(&mut self, visit: Visit) {
        if self.visits.is_empty() {
            self.visits.push(visit);
            self.cursor = 0;
            return;
        }
        self.visits.truncate(self.cursor + 1);
        self.visits.push(visit);
        self.cursor = self.visits.len() - 1;
    }

    /// Replaces the current visit (or starts the history).
    pub fn replace(&mut self, visit: Visit) {
        match self.visits.get_mut(self.cursor) {
            Some(current) => *current = visit,
            None => self.push(visit),
        }
    }

    pub(crate) fn can_go_back(&self) -> bool {
        self.cursor > 0
    }

    pub(crate) fn can_go_forward(&self) -> bool {
        self.cursor + 1 < self.visits.len()
    }

    pub fn back(&mut self) -> Option<Visit> {
        if !self.can_go_back() {
            return None;
        }
        self.cursor -= 1;
        self.current()
    }

    pub(crate) fn forward(&mut self) -> Option<Visit> {
        if !self.can_go_forward() {
            return None;
        }
        self.cursor += 1;
        self.current()
    }

    /// Maps every visit after a reload, dropping those whose entity is gone.
    pub(crate) fn remap(&mut self, mut map: impl FnMut(Visit) -> Option<Visit>) {
        let mut kept = Vec::with_capacity(self.visits.len());
        let mut cursor = 0;
        for (i, visit) in self.visits.drain(..).enumerate() {
            if let Some(visit) = map(visit) {
                if i <= self.cursor {
                    cursor = kept.len();
                }
                kept.push(visit);
            }
        }
        self.visits = kept;
        self.cursor = cursor;
    }

    pub fn len(&self) -> usize {
        self.visits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visits.is_empty()
    }

    /// The position of the current visit (0-based).
    pub fn position(&self) -> usize {
        self.cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn visit(index: usize) -> Visit {
        Visit {
            entity: EntityRef {
                kind: EntityKind::Actor,
                index,
            },
            scroll: 0,
            link: None,
        }
    }

    #[test]
    fn back_and_forward_like_a_browser() {
        let mut h = History::default();
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
}
