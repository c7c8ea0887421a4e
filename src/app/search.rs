//! Running the query: in the background in the explorer (results arrive later as an
//! action), inline in tests and tools. Helpers of `update`.

use super::{App, Effect, Focus};
use crate::model::EntityKind;
use crate::search::{Query, Results, SearchDone, SearchRequest};

/// At most this many earlier results are kept for going back (Backspace) without a search,
/// and at most this many hits in all.
const KEPT_RESULTS: usize = 8;
const KEPT_HITS: usize = 4_000_000;

/// Where searches run and what the state remembers of them.
#[derive(Debug, Default)]
pub struct SearchState {
    /// Run searches on the worker thread (the explorer) rather than inside `update`.
    pub background: bool,
    /// The number of the newest request.
    pub generation: u64,
    /// A request is out and its results have not arrived yet.
    pub pending: bool,
    /// That request, to finish here if an export needs its results before they arrive.
    outstanding: Option<SearchRequest>,
    /// The results shown index a dossier that was replaced: search again even for the
    /// same text.
    stale: bool,
    /// Earlier results by query text, oldest first.
    kept: Vec<(String, Query, Results)>,
}

impl SearchState {
    fn take_kept(&mut self, text: &str) -> Option<(Query, Results)> {
        let at = self.kept.iter().position(|(t, _, _)| t == text)?;
        let (_, query, results) = self.kept.remove(at);
        Some((query, results))
    }

    fn keep(&mut self, text: String, query: Query, results: Results) {
        self.kept.retain(|(t, _, _)| *t != text);
        self.kept.push((text, query, results));
        while self.kept.len() > KEPT_RESULTS
            || self.kept.iter().map(|(_, _, r)| r.total()).sum::<usize>() > KEPT_HITS
        {
            self.kept.remove(0);
        }
    }
}

impl App {
    /// Runs the search again after the query text changed: at once from earlier results
    /// when this text was searched before, else by a request (narrowed to the current hits
    /// when the new text only adds to the end of the old one).
    pub(crate) fn apply_query(&mut self) {
        let query = match Query::parse(&self.query.text) {
            Ok(query) => query,
            Err(err) => {
                self.query_error = Some(err.0);
                return;
            }
        };
        self.query_error = None;
        let text = self.query.text.clone();
        // Whatever request is still out is now out of date.
        self.search.generation += 1;
        self.search.pending = false;
        self.search.outstanding = None;
        if text == self.results_query && !self.search.stale {
            return;
        }
        if let Some((query, results)) = self.search.take_kept(&text) {
            return self.take_results(text, query, results);
        }
        // Typing on at the end of a query can only narrow it (unless it adds an OR, a
        // negation, a suffix or a field filter): score only what matched before.
        let narrows = text.starts_with(&self.results_query)
            && !text.contains(['|', '!', '$', ':'])
            && !self.results_query.is_empty();
        let request = SearchRequest {
            generation: self.search.generation,
            text,
            query,
            within: narrows.then(|| self.results.docs().cloned()).flatten(),
            engine: std::sync::Arc::clone(&self.engine),
        };
        if self.search.background {
            self.search.pending = true;
            self.search.outstanding = Some(request.clone());
            self.effects.push(Effect::Search(request));
        } else {
            let done = request.finish();
            self.take_results(done.text, done.query, done.results);
        }
    }

    /// Results from the worker: shown if they answer the newest request, else kept.
    pub(crate) fn search_finished(&mut self, done: SearchDone) {
        if done.generation == self.search.generation && self.search.pending {
            self.search.pending = false;
            self.search.outstanding = None;
            self.take_results(done.text, done.query, done.results);
        } else {
            self.search.keep(done.text, done.query, done.results);
        }
    }

    /// Finishes the search still out, here and now: an export must hold what the query
    /// typed finds, not the results shown before it.
    pub(crate) fn settle_search(&mut self) {
        if let Some(request) = self.search.outstanding.take()
            && self.search.pending
            && request.generation == self.search.generation
        {
            self.search_finished(request.finish());
        }
    }

    /// Shows `results` for the query `text`, keeping the ones they replace.
    fn take_results(&mut self, text: String, query: Query, results: Results) {
        let old_text = std::mem::replace(&mut self.results_query, text);
        let old_query = std::mem::replace(&mut self.results_parsed, query);
        let old = std::mem::replace(&mut self.results, results);
        if !std::mem::take(&mut self.search.stale) {
            self.search.keep(old_text, old_query, old);
        }
        // As in fzf, a new query puts the cursor on the best match.
        for kind in EntityKind::ALL {
            *self.list_view_mut(kind) = super::ListView::default();
        }
        if self.results.count(self.last_list) == 0
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

    /// Forgets earlier results (they index a dossier that was replaced).
    pub(crate) fn forget_results(&mut self) {
        self.search.kept.clear();
        self.search.stale = true;
        self.results_query.clear();
    }

    /// The list whose first entry scores highest (the first list on a tie).
    fn best_list(&self) -> Option<EntityKind> {
        EntityKind::ALL
            .into_iter()
            .filter_map(|k| self.results.ranked(k).first().map(|hit| (hit.score, k)))
            .fold(
                None,
                |best: Option<(i64, EntityKind)>, (score, kind)| match best {
                    Some((s, _)) if s >= score => best,
                    _ => Some((score, kind)),
                },
            )
            .map(|(_, kind)| kind)
    }
}
