//! `cargo bench --bench explorer [-- ENTITIES...]`: per-keystroke search, frame render and
//! load times on dossiers from `talks::generate` (default 1k, 10k and 100k entities, seed 7). A plain harness
//! that prints p50/p95/max; figures are recorded in BENCHMARKS.md.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use talks::app::{Action, App, update};
use talks::model::{Dossier, load_str};
use talks::ui::{Screen, Theme};

fn percentile(samples: &mut [Duration], p: f64) -> Duration {
    samples.sort();
    samples[((samples.len() - 1) as f64 * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
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
    for n in sizes {
        let yaml = serde_yaml::to_string(&talks::generate::dossier(n, 7)).unwrap_or_default();
        let start = Instant::now();
        let bare: Dossier = serde_yaml::from_str(&yaml).unwrap_or_else(|e| panic!("{e}"));
        let bare_parse = start.elapsed();
        drop(bare);
        let start = Instant::now();
        let loaded = load_str("bench.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        let load = start.elapsed();
        let start = Instant::now();
        let mut app = App::new(loaded, 200, 50);
        let index = start.elapsed();
        let theme = Theme::colour();
        let area = Rect::new(0, 0, 200, 50);
        let mut frames = Vec::new();
        for _ in 0..20 {
            let mut buffer = Buffer::empty(area);
            let start = Instant::now();
            (&Screen {
                app: &app,
                theme: &theme,
            })
                .render(area, &mut buffer);
            frames.push(start.elapsed());
        }
        update(&mut app, Action::StartSearch);
        let mut keys = Vec::new();
        for _ in 0..3 {
            for c in "donbas sec".chars() {
                let start = Instant::now();
                update(&mut app, Action::Insert(c));
                keys.push(start.elapsed());
            }
            update(&mut app, Action::ClearInput);
        }
        println!(
            "{n:>8} entities, {:.1} MB YAML: bare serde_yaml parse {}, load+validate {} ({:.2}×), search engine and first view {}",
            yaml.len() as f64 / 1e6,
            ms(bare_parse),
            ms(load),
            load.as_secs_f64() / bare_parse.as_secs_f64(),
            ms(index)
        );
        println!(
            "          frame 200×50: p50 {} p95 {}; keystroke typing \"donbas sec\" (30 keys): p50 {} p95 {} max {}",
            ms(percentile(&mut frames, 0.5)),
            ms(percentile(&mut frames, 0.95)),
            ms(percentile(&mut keys, 0.5)),
            ms(percentile(&mut keys, 0.95)),
            ms(percentile(&mut keys, 1.0))
        );
    }
}
