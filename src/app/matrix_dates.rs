//! The matrix as of a date: `[` and `]` step through the dates at which a position was
//! taken; past the last date the matrix shows the latest positions again.

use super::App;
use crate::views::{StanceMatrix, change_dates};

impl App {
    /// The dates of the dossier shown (at load and each reload, not each keystroke).
    pub(crate) fn note_change_dates(&mut self) {
        self.pages.matrix_dates = change_dates(&self.loaded.dossier);
    }
}

impl App {
    /// One date earlier (`later == false`) or later.
    pub(crate) fn step_matrix_date(&mut self, later: bool) {
        if self.page != crate::action::Page::Matrix {
            return;
        }
        let dates = &self.pages.matrix_dates;
        let Some(last) = dates.len().checked_sub(1) else {
            self.status = Some(
                "No position has a date (as_of): the dossier records one state of the matrix"
                    .into(),
            );
            return;
        };
        let step = self.pages.matrix_step.map(|k| k.min(last));
        self.pages.matrix_step = match (step, later) {
            (None, false) => Some(last),
            (Some(k), false) if k > 0 => Some(k - 1),
            (Some(k), true) if k < last => Some(k + 1),
            (Some(_), true) => None,
            (step, _) => {
                self.status = Some(if later {
                    "Already the latest positions".into()
                } else {
                    format!("{} is the first date a position was taken", dates[0])
                });
                step
            }
        };
        self.rebuild_pages();
    }

    /// The matrix of the current results, as of the date stepped to.
    pub(crate) fn built_matrix(&self) -> StanceMatrix {
        let (loaded, results) = (&self.loaded, self.query.results());
        let Some(step) = self.pages.matrix_step else {
            return StanceMatrix::build(&loaded.index, results);
        };
        let dates = &self.pages.matrix_dates;
        match dates.get(step) {
            Some(date) => {
                let previous = step.checked_sub(1).map(|k| dates[k].as_str());
                StanceMatrix::as_of(&loaded.dossier, &loaded.index, results, (date, previous))
            }
            // A reload took the date away: the latest positions.
            None => StanceMatrix::build(&loaded.index, results),
        }
    }
}
