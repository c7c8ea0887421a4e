//! Writes a large, valid dossier for benchmarks:
//! `cargo run --release --example gen_dossier -- --entities 100000 [--seed 7] > big.yaml`.
//! With `--lines`, one line per entity (its name and summary) instead: the strings the
//! peer comparison (`benches/compare-peers.sh`) gives to talks, fzf and sk alike.
//! With `--files N --out DIR`, the same dossier as a folder of N files (the first holds the
//! title; each a slice of every list). With `--change PERCENT`, that share of the events
//! and sticking points changed (a status, a summary, a stance): the newer version for
//! `talks diff`. The dossier comes from `talks::generate`, the same as the benchmarks
//! use. Never commit its output.
#![allow(clippy::disallowed_methods)]

use std::io::{self, BufWriter, Write};

use talks::model::{Dossier, EntityKind, EntityRef, EventStatus, Stance};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let text = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
    };
    let value = |flag: &str| text(flag).and_then(|v| v.parse::<u64>().ok());
    let Some(entities) = value("--entities") else {
        eprintln!(
            "usage: gen_dossier --entities N [--seed S] [--change PERCENT] \
             [--lines | --files N --out DIR] > dossier.yaml"
        );
        std::process::exit(2);
    };
    let mut dossier = talks::generate::dossier(entities as usize, value("--seed").unwrap_or(1));
    if let Some(percent) = value("--change") {
        change(&mut dossier, percent as usize);
    }
    if let (Some(files), Some(out)) = (value("--files"), text("--out")) {
        return write_folder(&dossier, files.max(1) as usize, std::path::Path::new(out));
    }
    let mut out = BufWriter::new(io::stdout().lock());
    if args.iter().any(|a| a == "--lines") {
        // One line per entity, its name and summary: the same strings for every matcher.
        for kind in EntityKind::LISTED {
            for index in 0..dossier.count(kind) {
                let entity = EntityRef { kind, index };
                let summary = dossier.summary_of(entity).unwrap_or_default();
                writeln!(out, "{} — {summary}", dossier.name_of(entity))?;
            }
        }
    } else {
        serde_yaml::to_writer(&mut out, &dossier).map_err(io::Error::other)?;
    }
    out.flush()
}

/// Changes one in `100 / percent` events (status, summary) and sticking points (the first
/// position's stance).
fn change(dossier: &mut Dossier, percent: usize) {
    let every = (100 / percent.clamp(1, 100)).max(1);
    for event in dossier.events.iter_mut().step_by(every) {
        event.status = EventStatus::Held;
        event.summary = Some(format!(
            "{} (revised)",
            event.summary.clone().unwrap_or_default()
        ));
    }
    for point in dossier.sticking_points.iter_mut().step_by(every) {
        if let Some(position) = point.positions.first_mut() {
            position.stance = match position.stance {
                Stance::Opposes => Stance::Supports,
                _ => Stance::Opposes,
            };
        }
    }
}

/// The dossier as `files` files in `dir`, each a slice of every list.
fn write_folder(dossier: &Dossier, files: usize, dir: &std::path::Path) -> io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let slice = |len: usize, n: usize| (len * n / files)..(len * (n + 1) / files);
    for n in 0..files {
        let part = Dossier {
            version: 1,
            title: dossier.title.clone(),
            summary: dossier.summary.clone(),
            sources: if n == 0 {
                dossier.sources.clone()
            } else {
                Vec::new()
            },
            actors: dossier.actors[slice(dossier.actors.len(), n)].to_vec(),
            events: dossier.events[slice(dossier.events.len(), n)].to_vec(),
            sticking_points: dossier.sticking_points[slice(dossier.sticking_points.len(), n)]
                .to_vec(),
            places: dossier.places[slice(dossier.places.len(), n)].to_vec(),
        };
        let mut value = serde_yaml::to_value(&part).map_err(io::Error::other)?;
        if n > 0
            && let serde_yaml::Value::Mapping(fields) = &mut value
        {
            fields.remove("title");
            fields.remove("summary");
            fields.remove("sources");
        }
        let path = dir.join(format!("part-{n:04}.yaml"));
        let mut out = BufWriter::new(std::fs::File::create(path)?);
        serde_yaml::to_writer(&mut out, &value).map_err(io::Error::other)?;
        out.flush()?;
    }
    Ok(())
}
