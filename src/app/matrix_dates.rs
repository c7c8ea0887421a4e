//! The matrix as of a date: `[` and `]` step through the dates at which a position was
//! taken; past the last date the matrix shows the latest positions again. With a
//! comparison, the comparison's own matrix (last week's) is one `[` from the latest, where
//! the analyst looks first; `[` goes on from it to the dates, newest first. `]` walks the
//! dates forward to the latest without passing the comparison again (it is another
//! reading, not a date of this one), and from the comparison it comes back to the latest.

use super::App;
use crate::model::{EntityKind, Loaded};
use crate::views::{StanceMatrix, change_dates};

/// Where `[`/`]` stand, oldest first: a date (by its index), the comparison, the latest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stop {
    Date(usize),
    Comparison,
    Latest,
}

impl App {
    /// The dates of the dossier shown (at load and each reload, not each keystroke).
    pub(crate) fn note_change_dates(&mut self) {
        self.pages.matrix_dates = change_dates(&self.loaded.dossier);
    }

    /// The reading the matrix's indices are of: the older version's while the matrix shows
    /// the comparison, else the dossier shown.
    pub fn matrix_loaded(&self) -> &Loaded {
        match &self.since {
            Some(since) if self.pages.matrix_compared => &since.old,
            _ => &self.loaded,
        }
    }

    /// Every stop of `[` (`later == false`) or `]`, oldest first: `]` never steps onto the
    /// comparison.
    fn matrix_stops(&self, later: bool) -> Vec<Stop> {
        let dates = (0..self.pages.matrix_dates.len()).map(Stop::Date);
        let comparison = (self.since.is_some() && !later).then_some(Stop::Comparison);
        dates.chain(comparison).chain([Stop::Latest]).collect()
    }

    fn matrix_stop(&self) -> Stop {
        let last = self.pages.matrix_dates.len().checked_sub(1);
        match (self.pages.matrix_compared, self.pages.matrix_step, last) {
            (true, _, _) if self.since.is_some() => Stop::Comparison,
            (_, Some(k), Some(last)) => Stop::Date(k.min(last)),
            _ => Stop::Latest,
        }
    }

    /// One stop earlier (`later == false`) or later.
    pub(crate) fn step_matrix_date(&mut self, later: bool) {
        if self.page != crate::action::Page::Matrix {
            return;
        }
        let stops = self.matrix_stops(later);
        if self.matrix_stops(false).len() == 1 {
            self.status = Some(
                "No position has a date (as_of): the dossier records one state of the matrix"
                    .into(),
            );
            return;
        }
        // From the comparison, `]` undoes the latest's step back to it.
        if later && self.matrix_stop() == Stop::Comparison {
            (self.pages.matrix_step, self.pages.matrix_compared) = (None, false);
            self.rebuild_pages();
            return;
        }
        let at = stops
            .iter()
            .position(|&s| s == self.matrix_stop())
            .unwrap_or(stops.len() - 1);
        let next = if later {
            at.checked_add(1).filter(|&n| n < stops.len())
        } else {
            at.checked_sub(1)
        };
        let Some(next) = next else {
            self.status = Some(match (later, stops[0]) {
                (true, _) => "Already the latest positions".into(),
                (false, Stop::Date(_)) => format!(
                    "{} is the first date a position was taken",
                    self.pages.matrix_dates[0]
                ),
                (false, _) => "The comparison is as far back as the matrix goes: the \
                               dossier dates no position"
                    .into(),
            });
            return;
        };
        (self.pages.matrix_step, self.pages.matrix_compared) = match stops[next] {
            Stop::Date(k) => (Some(k), false),
            Stop::Comparison => (None, true),
            Stop::Latest => (None, false),
        };
        self.rebuild_pages();
    }

    /// The matrix of the current results, as of the stop stepped to.
    pub(crate) fn built_matrix(&self) -> StanceMatrix {
        let (loaded, results) = (&self.loaded, self.query.results());
        match self.matrix_stop() {
            Stop::Latest => StanceMatrix::build(&loaded.index, results),
            Stop::Comparison => self.compared_matrix(),
            Stop::Date(step) => {
                let dates = &self.pages.matrix_dates;
                let previous = step.checked_sub(1).map(|k| dates[k].as_str());
                let date = dates[step].as_str();
                StanceMatrix::as_of(&loaded.dossier, &loaded.index, results, (date, previous))
            }
        }
    }

    /// The comparison's own matrix: its sticking points and parties that the query lets
    /// through in the dossier shown (by id), and, for an empty query, those gone since too.
    fn compared_matrix(&self) -> StanceMatrix {
        let old = self.matrix_loaded();
        let results = self.query.results();
        let everything = self.query.parsed().is_empty();
        let matching = |kind: EntityKind| -> std::collections::HashSet<usize> {
            results.matching(kind).into_iter().collect()
        };
        let (points, actors) = (
            matching(EntityKind::StickingPoint),
            matching(EntityKind::Actor),
        );
        let index = &self.loaded.index;
        let keep = |kind: EntityKind, id: &str| match index.get(id).filter(|e| e.kind == kind) {
            Some(now) if kind == EntityKind::Actor => actors.contains(&now.index),
            Some(now) => points.contains(&now.index),
            None => everything,
        };
        StanceMatrix::of_reading(&old.dossier, &old.index, &keep)
    }
}
