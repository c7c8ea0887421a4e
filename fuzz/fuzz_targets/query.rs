//! Any query text: a query or a hint, never a panic; a parsed query searches cleanly, and
//! explains each hit and finds its hits in a line without a panic.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use talks::model::{Loaded, builtin};
use talks::search::{Query, SearchEngine};

fn loaded() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| builtin().expect("the built-in dossier is valid"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(query) = Query::parse(text) {
        let loaded = loaded();
        let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
        let results = engine.search(&query);
        for kind in talks::model::EntityKind::ALL {
            assert!(results.count(kind) <= loaded.dossier.count(kind));
            for hit in results.ranked(kind).iter().take(5) {
                let entity = talks::model::EntityRef { kind, index: hit.index };
                let _ = engine.explain(&loaded.dossier, &loaded.index, &query, entity);
                let _ = engine.highlight(&loaded.dossier, &query, entity);
            }
        }
        let _ = engine.hits_in(&query, text);
    }
});
