//! `cargo bench --bench explorer [-- ENTITIES...]`: the explorer's figures of the scale issue
//! on dossiers from `talks::generate` (seed 7; default 1k, 10k and 100k entities):
//! load+validate+index against a bare serde_yaml parse, the first frame, frame time, and
//! typing 10-character queries one key at a time through the real search worker (the time
//! `update` takes for a key, and the time until that key's results are shown). A plain
//! harness that prints percentiles; figures are recorded in BENCHMARKS.md. Micro-benchmarks
//! of the engine are in `benches/search.rs` (divan).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, mpsc};
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use talks::app::{Action, App, Effect, Options, update};
use talks::keymap::Keymap;
use talks::model::{Dossier, EntityKind, load_str};
use talks::search::{SearchDone, SearchEngine, SearchWorker};
use talks::ui::{Screen, Theme};

/// Ten characters each, with different first letters, so that no key is answered from
/// the results of an earlier query.
const QUERIES: [&str; 5] = [
    "donetsk ce",
    "security g",
    "kherson ta",
    "envoy moni",
    "grain expo",
];

/// Misspelt beyond the typo allowance: they find nothing, and the engine looks for the
/// nearest words to suggest.
const ZERO_RESULT_TYPOS: [&str; 2] = ["kehrsno", "sercuity kehrsno"];

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn spread(samples: &mut [Duration]) -> String {
    format!(
        "p50 {} p95 {} max {}",
        ms(percentile(samples, 0.5)),
        ms(percentile(samples, 0.95)),
        ms(percentile(samples, 1.0))
    )
}

fn frame(app: &App, theme: &Theme) -> Duration {
    let area = Rect::new(0, 0, 200, 50);
    let mut buffer = Buffer::empty(area);
    let start = Instant::now();
    (&Screen {
        app,
        theme,
        keymap: &Keymap::default(),
    })
        .render(area, &mut buffer);
    start.elapsed()
}

/// Hands the effects of the last action to the worker (searches) or drops them.
fn submit(app: &mut App, worker: &SearchWorker) {
    for effect in app.take_effects() {
        if let Effect::Search(request) = effect {
            worker.submit(request);
        }
    }
}

/// Types each query a key at a time, waiting for each key's results as a person watching
/// the screen would. Returns the time `update` took per key and the time until the key's
/// results were in the state.
/// Types every query a key at a time: the time `update` takes for each key, and the time
/// until the key's results are shown (the search, then the frame that draws them).
fn type_queries(app: &mut App, theme: &Theme) -> (Vec<Duration>, Vec<Duration>) {
    let (found, results) = mpsc::channel::<SearchDone>();
    let worker = SearchWorker::start(move |done| {
        let _ = found.send(done);
    });
    update(app, Action::StartSearch);
    let (mut input, mut shown) = (Vec::new(), Vec::new());
    for query in QUERIES {
        update(app, Action::ClearInput);
        submit(app, &worker);
        for c in query.chars() {
            let start = Instant::now();
            update(app, Action::Insert(c));
            submit(app, &worker);
            input.push(start.elapsed());
            while app.query().pending() {
                let Ok(done) = results.recv() else { break };
                update(app, Action::SearchFinished(Box::new(done)));
            }
            frame(app, theme);
            shown.push(start.elapsed());
        }
    }
    (input, shown)
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![1_000, 10_000, 100_000]
    } else {
        sizes
    };
    let theme = Theme::colour();
    let start = Instant::now();
    let builtin = talks::model::builtin().unwrap_or_else(|e| panic!("{e}"));
    let app = App::new(builtin, Options::sized(200, 50));
    let first = start.elapsed() + frame(&app, &theme);
    println!(
        "built-in dossier: load, index, search engine and first frame {}",
        ms(first)
    );
    for n in sizes {
        let yaml = serde_yaml::to_string(&talks::generate::dossier(n, 7)).unwrap_or_default();
        let start = Instant::now();
        let bare: Dossier = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{e}"));
        let bare_parse = start.elapsed();
        drop(bare);
        let start = Instant::now();
        let loaded = load_str("bench.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        let load = start.elapsed();
        drop(yaml);
        let start = Instant::now();
        let engine = Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index));
        let engine_built = start.elapsed();
        let options = Options {
            background_search: true,
            ..Options::sized(200, 50)
        };
        let mut app = App::with_engine(loaded, engine, options);
        // A frame for each of the first 200 events: what a frame draws depends on the entity
        // shown, so the samples take many, of the same kind at every size.
        update(&mut app, Action::FocusList(EntityKind::Event));
        let mut frames: Vec<Duration> = (0..200)
            .map(|_| {
                update(&mut app, Action::Down);
                frame(&app, &theme)
            })
            .collect();
        update(&mut app, Action::FocusList(EntityKind::Actor));
        let (mut input, mut shown) = type_queries(&mut app, &theme);
        println!(
            "{n:>8} entities: bare serde_yaml parse {}, load+validate+index {} ({:.2}×), search engine {}",
            ms(bare_parse),
            ms(load),
            load.as_secs_f64() / bare_parse.as_secs_f64(),
            ms(engine_built)
        );
        println!("          frame 200×50: {}", spread(&mut frames));
        println!(
            "          typing {} queries of 10 keys: update per key {}; key to results shown {}",
            QUERIES.len(),
            spread(&mut input),
            spread(&mut shown)
        );
        let engine = app.engine();
        for typo in ZERO_RESULT_TYPOS {
            let query = talks::search::Query::parse(typo).unwrap_or_default();
            let mut times: Vec<Duration> = (0..10)
                .map(|_| {
                    let start = Instant::now();
                    let results = engine.search(&query);
                    assert_eq!(results.total(), 0, "{typo}");
                    start.elapsed()
                })
                .collect();
            let suggestion = engine.search(&query).suggestions().join(", ");
            println!(
                "          zero-result typo {typo:?} (search and suggestion {suggestion:?}): {}",
                spread(&mut times)
            );
        }
    }
}
