//! Searching off the UI thread: one worker takes the newest request, and abandons it as soon
//! as a newer one arrives, so typing never waits for a search.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

use super::engine::SearchEngine;
use super::query::Query;
use super::ranked::Results;

/// A search to run: the query as typed and parsed, and the documents to score (all when
/// `within` is `None`).
#[derive(Clone)]
pub struct SearchRequest {
    /// Numbers the requests; only the newest one's results are wanted.
    pub(crate) generation: u64,
    pub(crate) text: String,
    pub(crate) query: Query,
    pub(crate) within: Option<Arc<[u32]>>,
    pub(crate) engine: Arc<SearchEngine>,
}

impl SearchRequest {
    /// Runs the request here and now, unless `cancelled` says to stop.
    pub fn run(self, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<SearchDone> {
        let results = self
            .engine
            .run(&self.query, self.within.as_deref(), cancelled)?;
        Some(self.done(results))
    }

    /// Runs the request to the end (nothing cancels it, so there are always results).
    pub(crate) fn finish(self) -> SearchDone {
        let results = self
            .engine
            .run(&self.query, self.within.as_deref(), &|| false)
            .unwrap_or_default();
        self.done(results)
    }

    fn done(self, results: Results) -> SearchDone {
        SearchDone {
            generation: self.generation,
            text: self.text,
            query: self.query,
            results,
        }
    }
}

impl std::fmt::Debug for SearchRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchRequest")
            .field("generation", &self.generation)
            .field("text", &self.text)
            .field("within", &self.within.as_ref().map(|w| w.len()))
            .finish_non_exhaustive()
    }
}

/// Requests are told apart by their number.
impl PartialEq for SearchRequest {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && self.text == other.text
    }
}

impl Eq for SearchRequest {}

/// The results of a finished request.
#[derive(Debug, Clone)]
pub struct SearchDone {
    pub(crate) generation: u64,
    pub(crate) text: String,
    pub(crate) query: Query,
    pub(crate) results: Results,
}

/// Two finished searches are equal if they answer the same request.
impl PartialEq for SearchDone {
    fn eq(&self, other: &Self) -> bool {
        self.generation == other.generation && self.text == other.text
    }
}

impl Eq for SearchDone {}

/// The search thread. Dropping it ends the thread once its current search is done.
pub struct SearchWorker {
    requests: Sender<SearchRequest>,
    newest: Arc<AtomicU64>,
}

impl SearchWorker {
    /// Starts the thread; `deliver` is called on it with each search that finishes
    /// without being overtaken by a newer request.
    pub fn start(deliver: impl Fn(SearchDone) + Send + 'static) -> Self {
        let (requests, incoming) = mpsc::channel();
        let newest = Arc::new(AtomicU64::new(0));
        let seen = Arc::clone(&newest);
        std::thread::spawn(move || serve(&incoming, &seen, deliver));
        SearchWorker { requests, newest }
    }

    /// Hands a request to the thread; any older one still running stops at its next check.
    pub fn submit(&self, request: SearchRequest) {
        self.newest.fetch_max(request.generation, Ordering::SeqCst);
        // The thread only ends when this worker is dropped, so the send cannot fail here.
        let _ = self.requests.send(request);
    }
}

fn serve(incoming: &Receiver<SearchRequest>, newest: &AtomicU64, deliver: impl Fn(SearchDone)) {
    while let Ok(mut request) = incoming.recv() {
        // Requests that queued up meanwhile: only the last one matters.
        while let Ok(newer) = incoming.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let overtaken = || newest.load(Ordering::SeqCst) != generation;
        if let Some(done) = request.run(&overtaken) {
            deliver(done);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn engine(entities: usize) -> Arc<SearchEngine> {
        let yaml =
            serde_yaml::to_string(&crate::generate::dossier(entities, 3)).unwrap_or_default();
        let loaded = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index))
    }

    fn request(engine: &Arc<SearchEngine>, generation: u64, text: &str) -> SearchRequest {
        SearchRequest {
            generation,
            text: text.into(),
            query: Query::parse(text).unwrap_or_default(),
            within: None,
            engine: Arc::clone(engine),
        }
    }

    #[test]
    fn delivers_the_newest_request_with_the_results_of_a_direct_search() {
        let engine = engine(2000);
        let (tx, rx) = mpsc::channel();
        let worker = SearchWorker::start(move |done| {
            let _ = tx.send(done);
        });
        for (generation, text) in ["d", "do", "don", "donets"].iter().enumerate() {
            worker.submit(request(&engine, generation as u64 + 1, text));
        }
        // Older requests may finish before the newer ones arrive; the last always does.
        let last = loop {
            let done = rx.recv().unwrap_or_else(|e| panic!("{e}"));
            if done.generation == 4 {
                break done;
            }
        };
        assert_eq!(last.text, "donets");
        let direct = engine.search(&Query::parse("donets").unwrap_or_default());
        assert!(last.results.same_as(&direct));
        assert!(last.results.count(EntityKind::Event) > 0);
    }

    #[test]
    fn a_newer_request_cancels_the_running_one() {
        let engine = engine(2000);
        let stale = request(&engine, 1, "security");
        assert!(stale.clone().run(&|| true).is_none());
        assert!(stale.run(&|| false).is_some());
    }
}
