//! Running the query and taking in what it finds. Helpers of `update`.

use super::{App, Focus, ListView};
use crate::model::EntityKind;
use crate::search::SearchDone;

impl App {
    /// The next results keep what each list has selected now (clearing the filter).
    pub(crate) fn keep_selection_through_the_search(&mut self) {
        self.reselect = Some(EntityKind::ALL.map(|kind| self.selected(kind)));
    }

    /// Searches again after the query text changed.
    pub(crate) fn apply_query(&mut self) {
        if self.query.apply(&mut self.effects) {
            self.results_changed();
        }
        if !self.query.pending() {
            // Shown already, or nothing to search: the next results are another query's.
            self.reselect = None;
        }
    }

    /// Results from the worker.
    pub(crate) fn search_finished(&mut self, done: SearchDone) {
        if self.query.finished(done) {
            self.results_changed();
        }
    }

    /// Finishes the search still out, here and now: an export must hold what the query
    /// typed finds, not the results shown before it.
    pub(crate) fn settle_search(&mut self) {
        if self.query.settle() {
            self.results_changed();
        }
    }

    /// New results are shown: as in fzf, the cursor goes to the best match.
    pub(crate) fn results_changed(&mut self) {
        self.lists = [ListView::default(); EntityKind::COUNT];
        if let Some(selected) = self.reselect.take() {
            for entity in selected.into_iter().flatten() {
                if let Some(row) = self.query.results.rank_of(entity.kind, entity.index) {
                    self.list_view_mut(entity.kind).selected = row;
                    self.keep_selection_visible(entity.kind);
                }
            }
        }
        // The hit `n`/`N` went to was one of the old query's.
        self.detail.current_hit = None;
        if self.results().count(self.last_list) == 0
            && let Some(best) = self.best_list()
        {
            self.last_list = best;
            if let Focus::List(_) = self.focus {
                self.focus = Focus::List(best);
            }
        }
        self.show_selected();
        self.rebuild_pages();
    }

    /// At the start, the first list that has entries, if the one in focus has none (a
    /// dossier of events only opens on its events).
    pub(crate) fn open_on_a_list_with_entries(&mut self) {
        if self.results().count(self.last_list) > 0 {
            return;
        }
        if let Some(kind) = EntityKind::LISTED
            .into_iter()
            .find(|&k| self.results().count(k) > 0)
        {
            self.last_list = kind;
            if let Focus::List(_) = self.focus {
                self.focus = Focus::List(kind);
            }
        }
    }

    /// The list whose first entry scores highest (the first list on a tie).
    fn best_list(&self) -> Option<EntityKind> {
        EntityKind::LISTED
            .into_iter()
            .filter_map(|k| self.results().ranked(k).first().map(|hit| (hit.score, k)))
            .fold(
                None,
                |best: Option<(i64, EntityKind)>, (score, kind)| match best {
                    Some((s, _)) if s >= score => best,
                    _ => Some((score, kind)),
                },
            )
            .map(|(_, kind)| kind)
    }

    /// Puts the rows on screen of every list in rank order (drawing needs them so).
    pub(crate) fn rank_visible(&mut self) {
        let panes = self.layout().panes;
        for kind in EntityKind::LISTED {
            self.rank_list(kind, panes.list_rows(kind));
        }
    }
}
