//! Any bytes: a dossier or a positioned error, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match talks::model::load_bytes("fuzz.yaml", data.to_vec()) {
        Ok(loaded) => {
            // What loads must also index, search and render its details.
            let engine = talks::search::SearchEngine::new(&loaded.dossier, &loaded.index);
            let _ = engine.search(&talks::search::Query::default());
        }
        Err(err) => {
            let message = err.to_string();
            assert!(message.starts_with("fuzz.yaml"), "{message}");
        }
    }
});
