//! Any query text: a query or a hint, never a panic; a parsed query searches cleanly.
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
        let results = SearchEngine::new(&loaded.dossier, &loaded.index).search(&query);
        for kind in talks::model::EntityKind::ALL {
            assert!(results.of(kind).len() <= loaded.dossier.count(kind));
        }
    }
});
