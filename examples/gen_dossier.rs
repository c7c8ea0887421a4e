//! Writes a large, valid dossier for benchmarks:
//! `cargo run --release --example gen_dossier -- --entities 100000 [--seed 7] > big.yaml`.
//! About 10% actors, 75% events, 10% sticking points with positions, 5% places, with
//! references between them and text of realistic length. Never commit its output.

use std::io::{self, BufWriter, Write};

/// splitmix64: a small deterministic generator, so a seed always gives the same file.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

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
    "exchange",
    "corridor",
    "monitoring",
    "observers",
    "negotiators",
    "proposal",
    "territory",
    "region",
    "agreement",
    "statement",
    "claims",
    "control",
    "offensive",
    "humanitarian",
    "aid",
    "deterrence",
    "alliance",
    "membership",
    "referendum",
    "elections",
    "reconstruction",
    "energy",
    "grain",
];
const PLACES: &[&str] = &[
    "Donetsk",
    "Luhansk",
    "Kherson",
    "Zaporizhzhia",
    "Kharkiv",
    "Odesa",
    "Geneva",
    "Istanbul",
];
const FIRST: &[&str] = &[
    "Anna", "Oleh", "Maria", "Ivan", "Sofia", "Dmytro", "Elena", "Pavlo", "Irina", "Taras",
];
const LAST: &[&str] = &[
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Melnyk",
    "Kravets",
    "Petrenko",
];

fn sentence(r: &mut Random, words: usize) -> String {
    let mut text: Vec<&str> = (0..words).map(|_| r.pick(WORDS)).collect();
    text.insert(r.below(words), r.pick(PLACES));
    let mut s = text.join(" ");
    if let Some(first) = s.get(..1) {
        s = first.to_uppercase() + &s[1..];
    }
    s + "."
}

fn summary(r: &mut Random) -> String {
    let sentences = 1 + r.below(3);
    (0..sentences)
        .map(|_| {
            let words = 8 + r.below(10);
            sentence(r, words)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let Some(entities) = value("--entities") else {
        eprintln!("usage: gen_dossier --entities N [--seed S] > dossier.yaml");
        std::process::exit(2);
    };
    let mut r = Random(value("--seed").unwrap_or(1));
    let n = entities as usize;
    let (actors, points, places) = ((n / 10).max(2), (n / 10).max(1), (n / 20).max(1));
    let events = n.saturating_sub(actors + points + places).max(1);
    let mut out = BufWriter::new(io::stdout().lock());
    writeln!(
        out,
        "version: 1\ntitle: Generated dossier of {n} entities (seed {})",
        value("--seed").unwrap_or(1)
    )?;
    writeln!(
        out,
        "sources:\n  - {{id: src, title: Generated source, kind: dataset}}"
    )?;
    writeln!(out, "places:")?;
    for i in 0..places {
        let part_of = if i > 0 {
            format!(", part_of: place-{}", r.below(i))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  - {{id: place-{i}, name: \"{} {i}\", kind: region{part_of}, sources: [src]}}",
            r.pick(PLACES)
        )?;
    }
    writeln!(out, "actors:")?;
    for i in 0..actors {
        let represents = if i > 0 && r.below(2) == 0 {
            format!("\n    represents: actor-{}", r.below(i))
        } else {
            String::new()
        };
        writeln!(
            out,
            "  - id: actor-{i}\n    name: \"{} {} {i}\"\n    kind: person\n    role: \"{}\"{represents}\n    aliases: [\"{}{i}\"]\n    summary: \"{}\"\n    sources: [src]",
            r.pick(FIRST),
            r.pick(LAST),
            sentence(&mut r, 4),
            r.pick(LAST),
            summary(&mut r)
        )?;
    }
    writeln!(out, "sticking_points:")?;
    let stances = ["demands", "supports", "opposes", "conditional", "unclear"];
    for i in 0..points {
        writeln!(
            out,
            "  - id: point-{i}\n    title: \"{}\"\n    topic: {}\n    status: disputed\n    places: [place-{}]\n    summary: \"{}\"\n    sources: [src]\n    positions:",
            sentence(&mut r, 3).trim_end_matches('.'),
            r.pick(&["territory", "security", "alliance", "process"]),
            r.below(places),
            summary(&mut r)
        )?;
        for _ in 0..1 + r.below(3) {
            writeln!(
                out,
                "      - {{actor: actor-{}, stance: {}, summary: \"{}\", source: src}}",
                r.below(actors),
                r.pick(&stances),
                sentence(&mut r, 10)
            )?;
        }
    }
    writeln!(out, "events:")?;
    let statuses = ["held", "ongoing", "planned", "claimed", "disputed"];
    for i in 0..events {
        writeln!(
            out,
            "  - id: event-{i}\n    title: \"{}\"\n    kind: meeting\n    status: {}\n    order: {i}\n    place: place-{}\n    participants: [actor-{}, actor-{}]\n    sticking_points: [point-{}]\n    summary: \"{}\"\n    quotes:\n      - {{by: actor-{}, text: \"{}\", source: src}}\n    sources: [src]",
            sentence(&mut r, 5).trim_end_matches('.'),
            r.pick(&statuses),
            r.below(places),
            r.below(actors),
            r.below(actors),
            r.below(points),
            summary(&mut r),
            r.below(actors),
            sentence(&mut r, 4).trim_end_matches('.')
        )?;
    }
    out.flush()
}
