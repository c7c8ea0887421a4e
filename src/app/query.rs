//! The query and what answers it: the text typed, the results shown, the search engine
//! that finds them and the searches still out (on the worker thread in the explorer,
//! inline in tests and tools).

use std::sync::Arc;

use super::Effect;
use super::input::{QueryHistory, TextInput};
use crate::search::{Query, Results, SearchDone, SearchEngine, SearchRequest};

/// At most this many earlier results are kept for going back (Backspace) without a search,
/// and at most this many hits in all.
const KEPT_RESULTS: usize = 8;
const KEPT_HITS: usize = 4_000_000;

/// How to give `changed:` an older version to compare with, in the explorer.
const NO_COMPARISON_HOW: &str = "start talks with --since OLD, or open the dossier again once it has changed (talks remembers what you saw)";

/// The query typed and the results that answer it.
#[derive(Debug)]
pub struct QueryState {
    pub(crate) input: TextInput,
    pub(crate) history: QueryHistory,
    /// Why the text typed does not parse; the results of the last one that did stay shown.
    pub(crate) error: Option<String>,
    engine: Arc<SearchEngine>,
    /// The entries of each list that the query lets through, ranked.
    pub(crate) results: Results,
    /// The query text `results` answer, and that query parsed.
    answered: String,
    parsed: Query,
    search: SearchState,
}

/// Where searches run and what is remembered of them.
#[derive(Debug, Default)]
struct SearchState {
    /// Run searches on the worker thread (the explorer) rather than inside `update`.
    background: bool,
    /// The number of the newest request.
    generation: u64,
    /// That request, while its results have not arrived: to finish here if an export needs
    /// its results first.
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

impl QueryState {
    /// An empty query over `engine`; `background` runs searches on the worker; `history`:
    /// earlier queries, oldest first.
    pub(crate) fn new(engine: Arc<SearchEngine>, background: bool, history: Vec<String>) -> Self {
        let results = engine.search(&Query::default());
        QueryState {
            input: TextInput::default(),
            history: QueryHistory::with_entries(history),
            error: None,
            engine,
            results,
            answered: String::new(),
            parsed: Query::default(),
            search: SearchState {
                background,
                ..SearchState::default()
            },
        }
    }

    pub fn text(&self) -> &str {
        &self.input.text
    }

    pub fn input(&self) -> &TextInput {
        &self.input
    }

    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    /// The query text the results shown answer (the last one that parsed).
    pub fn answered(&self) -> &str {
        &self.answered
    }

    /// The query the results shown answer.
    pub fn parsed(&self) -> &Query {
        &self.parsed
    }

    pub fn engine(&self) -> &Arc<SearchEngine> {
        &self.engine
    }

    /// A search is out and its results have not arrived yet.
    pub fn pending(&self) -> bool {
        self.search.outstanding.is_some()
    }

    /// Searches again after the text changed: at once from earlier results when this text
    /// was searched before, else by a request (narrowed to the current hits when the new
    /// text only adds to the end of the old one). `true` when new results are shown now.
    pub(crate) fn apply(&mut self, effects: &mut Vec<Effect>) -> bool {
        let query = match Query::parse(&self.input.text) {
            Ok(query) if query.uses_changed() && !self.engine.compares() => {
                self.error = Some(crate::search::no_comparison(NO_COMPARISON_HOW));
                return false;
            }
            Ok(query) => query,
            Err(err) => {
                self.error = Some(err.0);
                return false;
            }
        };
        self.error = None;
        let text = self.input.text.clone();
        // Whatever request is still out is now out of date.
        self.search.generation += 1;
        self.search.outstanding = None;
        if text == self.answered && !self.search.stale {
            return false;
        }
        if let Some((query, results)) = self.search.take_kept(&text) {
            self.take(text, query, results);
            return true;
        }
        // A query that can only find fewer entities (typing on at the end, another term
        // ANDed) scores only what matched before.
        let narrows = self.engine.narrows(&self.parsed, &query);
        let request = SearchRequest {
            generation: self.search.generation,
            text,
            query,
            within: narrows.then(|| self.results.docs().cloned()).flatten(),
            engine: Arc::clone(&self.engine),
        };
        if self.search.background {
            self.search.outstanding = Some(request.clone());
            effects.push(Effect::Search(request));
            false
        } else {
            let done = request.finish();
            self.take(done.text, done.query, done.results);
            true
        }
    }

    /// Results from the worker: shown if they answer the newest request (`true`), else
    /// kept.
    pub(crate) fn finished(&mut self, done: SearchDone) -> bool {
        let newest = self
            .search
            .outstanding
            .as_ref()
            .is_some_and(|r| r.generation == done.generation);
        if newest {
            self.search.outstanding = None;
            self.take(done.text, done.query, done.results);
        } else {
            self.search.keep(done.text, done.query, done.results);
        }
        newest
    }

    /// Finishes the search still out, here and now: an export must hold what the query
    /// typed finds, not the results shown before it. `true` when new results are shown.
    pub(crate) fn settle(&mut self) -> bool {
        match self.search.outstanding.take() {
            Some(request) => {
                let done = request.finish();
                self.take(done.text, done.query, done.results);
                true
            }
            None => false,
        }
    }

    /// Shows `results` for the query `text`, keeping the ones they replace.
    fn take(&mut self, text: String, query: Query, results: Results) {
        let old_text = std::mem::replace(&mut self.answered, text);
        let old_query = std::mem::replace(&mut self.parsed, query);
        let old = std::mem::replace(&mut self.results, results);
        if !std::mem::take(&mut self.search.stale) {
            self.search.keep(old_text, old_query, old);
        }
    }

    /// Takes a new dossier's engine: earlier results index the old one, so they are
    /// forgotten and the query is searched again, here and now (so that the selection can
    /// be found in the new results).
    pub(crate) fn replace_engine(&mut self, engine: Arc<SearchEngine>) {
        self.engine = engine;
        self.search_again_now();
    }

    /// Forgets earlier results and searches the query again, here and now: what the
    /// engine answers changed (a new dossier, or `changed:` told of another comparison).
    pub(crate) fn search_again_now(&mut self) {
        self.search.kept.clear();
        self.search.stale = true;
        self.answered.clear();
        let background = std::mem::replace(&mut self.search.background, false);
        let mut none = Vec::new();
        if !self.apply(&mut none) {
            // The text does not parse: show everything rather than results of the old file.
            let everything = self.engine.search(&Query::default());
            self.take(String::new(), Query::default(), everything);
        }
        self.search.background = background;
    }
}

impl super::App {
    /// Remembers the query typed in the history, and asks for the history file to be
    /// written when that changed it.
    pub(crate) fn remember_query(&mut self) {
        if self.query.history.remember(&self.query.input.text)
            && let Some(file) = &self.query_history_file
        {
            self.effects.push(Effect::SaveQueryHistory {
                file: file.clone(),
                entries: self.query.history.entries().to_vec(),
            });
        }
    }

    /// The history file was written: what it holds now is the base of the next change.
    pub(crate) fn query_history_saved(&mut self, file: super::QueryHistoryFile) {
        self.query_history_file = Some(file);
    }

    /// The history file could not be written: the history stays for this session only.
    pub(crate) fn query_history_not_saved(&mut self, why: &str) {
        self.query_history_file = None;
        self.status = Some(format!(
            "The query history was not saved ({}); it is kept for this session only",
            crate::text::sanitize_line(why)
        ));
    }
}
