//! The search engine of a dossier file the index cache keeps (issue #30): kept beside the
//! dossier under the same key (`Store::put(key, "engine", …)`), so that the second open
//! and `talks search` skip building it. Only the engine without the analyst's notes is
//! kept; with notes it is built as before. A kept engine is checked whole as it is read
//! (`SearchEngine::from_stored`); one that does not pass is said and built again.

use std::sync::Arc;

use crate::cache::{ContentKey, Miss, Store};
use crate::model::Loaded;
use crate::search::SearchEngine;

use super::cached::{debug, passed_over, used_store, write_after_the_others};

/// What a payload of this kind holds: [`SearchEngine::stored`].
const KIND: &str = "engine";

/// The search engine of `loaded` (without notes): from the index cache when `loaded` came
/// through it and an engine is kept for its content, else built, then kept in the
/// background.
pub fn engine(loaded: &Loaded) -> Arc<SearchEngine> {
    let engine = engine_of(loaded);
    // The dossier's cache was held back while the engine was made: now it is written.
    super::cached::start_pending_writes();
    engine
}

fn engine_of(loaded: &Loaded) -> Arc<SearchEngine> {
    let build = || Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index));
    let (Some(key), Some(store)) = (loaded.cache_key, used_store()) else {
        return build();
    };
    match store.get(&key, KIND) {
        Ok(payload) => {
            let dossier_len = usize::try_from(key.len).unwrap_or(usize::MAX);
            match SearchEngine::from_stored(&payload, &loaded.dossier, &loaded.index, dossier_len) {
                Ok(engine) => {
                    debug("engine used");
                    return Arc::new(engine);
                }
                Err(why) => passed_over(&Miss::Ignored(store.path_of(&key, KIND), why), "engine "),
            }
        }
        Err(miss) => passed_over(&miss, "engine "),
    }
    let engine = build();
    keep_later(store.clone(), key, Arc::clone(&engine));
    engine
}

/// Keeps `engine` for `key`, after the dossier's own file is written.
fn keep_later(store: Store, key: ContentKey, engine: Arc<SearchEngine>) {
    write_after_the_others(move || {
        let written = engine
            .stored()
            .ok_or_else(|| "it holds notes".to_string())
            .and_then(|payload| store.put(&key, KIND, &payload));
        match written {
            Ok(_) => debug("engine written"),
            Err(why) => debug(&format!("engine not written ({why})")),
        }
    });
}
