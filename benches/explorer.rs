//! `cargo bench --bench explorer [-- ENTITIES...]`: per-keystroke search, frame render and
//! load times on generated dossiers (default 1k, 10k and 100k entities). A plain harness
//! that prints p50/p95/max; figures are recorded in BENCHMARKS.md.

use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use talks::app::{Action, App, update};
use talks::model::{
    Actor, ActorKind, Dossier, Event, EventKind, EventStatus, Place, PlaceKind, Position, Source,
    Stance, StickingPoint, StickingStatus, load_str,
};
use talks::ui::{Screen, Theme};

const WORDS: &[&str] = &[
    "talks",
    "ceasefire",
    "delegation",
    "border",
    "security",
    "guarantees",
    "envoy",
    "withdrawal",
    "framework",
    "sanctions",
    "prisoners",
    "corridor",
    "monitoring",
    "territory",
    "agreement",
    "Donbas",
    "Donetsk",
    "Kherson",
];

struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }

    fn text(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| WORDS[self.below(WORDS.len())])
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn dossier(n: usize) -> Dossier {
    let mut r = Random(0x5eed);
    let (actors, points, places) = ((n / 10).max(2), (n / 10).max(1), (n / 20).max(1));
    let events = n - actors - points - places;
    let src = || vec!["s".to_string()];
    Dossier {
        version: 1,
        title: format!("Generated, {n} entities"),
        summary: None,
        sources: vec![Source {
            id: "s".into(),
            title: "S".into(),
            kind: "k".into(),
            published: None,
            publisher: None,
            url: None,
            note: None,
        }],
        actors: (0..actors)
            .map(|i| Actor {
                id: format!("a{i}"),
                name: format!("{} {i}", r.text(2)),
                kind: ActorKind::Person,
                role: Some(r.text(4)),
                represents: None,
                aliases: vec![],
                summary: Some(r.text(20)),
                sources: src(),
            })
            .collect(),
        places: (0..places)
            .map(|i| Place {
                id: format!("p{i}"),
                name: format!("{} {i}", r.text(1)),
                kind: PlaceKind::Region,
                part_of: None,
                summary: None,
                sources: src(),
            })
            .collect(),
        sticking_points: (0..points)
            .map(|i| StickingPoint {
                id: format!("s{i}"),
                title: r.text(3),
                topic: "territory".into(),
                status: StickingStatus::Disputed,
                summary: Some(r.text(20)),
                places: vec![format!("p{}", r.below(places))],
                positions: vec![Position {
                    actor: format!("a{}", r.below(actors)),
                    stance: Stance::Opposes,
                    summary: r.text(12),
                    source: Some("s".into()),
                }],
                sources: src(),
            })
            .collect(),
        events: (0..events)
            .map(|i| Event {
                id: format!("e{i}"),
                title: r.text(5),
                kind: EventKind::Meeting,
                status: EventStatus::Held,
                order: i as u32,
                date: None,
                place: Some(format!("p{}", r.below(places))),
                participants: vec![format!("a{}", r.below(actors))],
                sticking_points: vec![format!("s{}", r.below(points))],
                summary: Some(r.text(25)),
                outcomes: vec![],
                quotes: vec![],
                sources: src(),
            })
            .collect(),
    }
}

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
        let yaml = serde_yaml::to_string(&dossier(n)).unwrap_or_default();
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
