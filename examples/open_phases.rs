//! Where the time of opening a dossier goes (issue #30, BENCHMARKS.md "Opening twice"):
//! `cargo run --release --example open_phases -- FILE`.

#![allow(clippy::disallowed_methods)]

use std::time::Instant;

use talks::model::{Dossier, Index, load_bytes, read_path};
use talks::search::SearchEngine;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: open_phases FILE");
        return;
    };
    let path = std::path::Path::new(&path);
    let clock = Instant::now();
    let lap = |what: &str, since: &mut Instant| {
        eprintln!(
            "{what:<40} {:>8.0} ms",
            since.elapsed().as_secs_f64() * 1000.0
        );
        *since = Instant::now();
    };
    let mut at = clock;
    let Ok(bytes) = read_path(path) else { return };
    lap("read", &mut at);
    let _ = talks::cache::ContentKey::of(&bytes);
    lap("content key (xxh3)", &mut at);
    let Ok(loaded) = load_bytes("bench", bytes) else {
        return;
    };
    lap("parse + validate + index (load_bytes)", &mut at);
    let _ = Index::build(&loaded.dossier);
    lap("index alone (Index::build)", &mut at);
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    lap("search engine (SearchEngine::new)", &mut at);
    let Some(kept) = engine.stored() else { return };
    lap("engine kept (stored: layout + LZ4)", &mut at);
    let Ok(again) =
        SearchEngine::from_stored(&kept, &loaded.dossier, &loaded.index, usize::MAX / 8)
    else {
        return;
    };
    lap("engine read back (from_stored, checked)", &mut at);
    eprintln!("engine kept: {} bytes; {again:?}", kept.len());
    drop((engine, again));
    at = Instant::now();
    let Ok(json) = serde_json::to_vec(&loaded.dossier) else {
        return;
    };
    lap("JSON encode", &mut at);
    let packed = lz4_flex::compress_prepend_size(&json);
    lap("LZ4 compress", &mut at);
    let Ok(unpacked) = lz4_flex::decompress_size_prepended(&packed) else {
        return;
    };
    lap("LZ4 decompress", &mut at);
    let Ok(dossier) = serde_json::from_slice::<Dossier>(&unpacked) else {
        return;
    };
    lap("JSON decode", &mut at);
    eprintln!(
        "yaml {} bytes, json {} bytes, lz4 {} bytes, equal: {}",
        std::fs::metadata(path).map_or(0, |m| m.len()),
        json.len(),
        packed.len(),
        dossier == loaded.dossier
    );
}
