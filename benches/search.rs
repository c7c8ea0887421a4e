//! `cargo bench --bench search`: divan micro-benchmarks of the search engine and drawing on
//! dossiers from `talks::generate` (seed 7). The whole-explorer figures (percentiles while
//! typing, load against a bare parse) are in `benches/explorer.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use divan::Bencher;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use talks::app::{App, Options};
use talks::keymap::Keymap;
use talks::model::{Loaded, load_str};
use talks::search::{Hit, Query, Ranked, SearchEngine};
use talks::ui::{Screen, Theme};

fn main() {
    divan::main();
}

/// Each size is generated and loaded once for all benchmarks.
fn loaded(entities: usize) -> &'static Loaded {
    static LOADED: OnceLock<Mutex<HashMap<usize, &'static Loaded>>> = OnceLock::new();
    let cache = LOADED.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache.entry(entities).or_insert_with(|| {
        let yaml =
            serde_yaml::to_string(&talks::generate::dossier(entities, 7)).unwrap_or_default();
        let loaded = load_str("bench.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        Box::leak(Box::new(loaded))
    })
}

fn engine(entities: usize) -> &'static SearchEngine {
    static ENGINES: OnceLock<Mutex<HashMap<usize, &'static SearchEngine>>> = OnceLock::new();
    let cache = ENGINES.get_or_init(Default::default);
    let mut cache = cache.lock().unwrap_or_else(|e| e.into_inner());
    cache.entry(entities).or_insert_with(|| {
        let l = loaded(entities);
        Box::leak(Box::new(SearchEngine::new(&l.dossier, &l.index)))
    })
}

fn query(text: &str) -> Query {
    Query::parse(text).unwrap_or_default()
}

/// The first key of a query: every entity scored (a fresh engine each time, so that no
/// table of an earlier run helps).
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn first_key(bencher: Bencher, entities: usize) {
    let l = loaded(entities);
    bencher
        .with_inputs(|| SearchEngine::new(&l.dossier, &l.index))
        .bench_local_refs(|engine| engine.search(&query("k")));
}

/// Building the engine (every entity's words cut, numbered and posted).
#[divan::bench(args = [10_000, 100_000], sample_count = 5, sample_size = 1)]
fn engine_build(bencher: Bencher, entities: usize) {
    let l = loaded(entities);
    bencher.bench_local(|| SearchEngine::new(&l.dossier, &l.index));
}

/// A key typed on at the end of a query: only the previous hits are scored, and the
/// term's table is narrowed from the previous term's.
#[divan::bench(args = [1_000, 10_000, 100_000], sample_count = 10, sample_size = 1)]
fn narrowing_key(bencher: Bencher, entities: usize) {
    let l = loaded(entities);
    bencher
        .with_inputs(|| {
            let engine = SearchEngine::new(&l.dossier, &l.index);
            let previous = engine.search(&query("kherso"));
            (engine, previous)
        })
        .bench_local_refs(|(engine, previous)| engine.search_within(&query("kherson"), previous));
}

/// Ranking a million hits: the rows a screen shows against a full sort.
#[divan::bench(args = [true, false])]
fn rank_a_million_hits(bencher: Bencher, partial: bool) {
    let hits: Vec<Hit> = (0..1_000_000)
        .map(|index| Hit {
            index,
            score: ((index * 7919) % 1013) as i64,
        })
        .collect();
    bencher
        .with_inputs(|| hits.clone())
        .bench_local_values(|hits| {
            let mut ranked = Ranked::new(hits);
            if !partial {
                ranked.rank_all();
            }
            ranked
        });
}

/// One 200×50 frame of the explorer: it must not grow with the dossier.
#[divan::bench(args = [1_000, 100_000])]
fn frame(bencher: Bencher, entities: usize) {
    let l = loaded(entities);
    let app = App::new(l.clone(), Options::sized(200, 50));
    let theme = Theme::colour();
    let area = Rect::new(0, 0, 200, 50);
    bencher.bench_local(|| {
        let mut buffer = Buffer::empty(area);
        (&Screen {
            app: &app,
            theme: &theme,
            keymap: &Keymap::default(),
        })
            .render(area, &mut buffer);
        buffer
    });
}

/// The engine searched once for a term already typed (its table kept).
#[divan::bench(args = [100_000])]
fn repeated_term(bencher: Bencher, entities: usize) {
    let engine = engine(entities);
    engine.search(&query("geneva"));
    bencher.bench_local(|| engine.search(&query("geneva")));
}
