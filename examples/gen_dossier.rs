//! Writes a large, valid dossier for benchmarks:
//! `cargo run --release --example gen_dossier -- --entities 100000 [--seed 7] > big.yaml`.
//! With `--lines`, one line per entity (its name and summary) instead: the strings the
//! peer comparison (`benches/compare-peers.sh`) gives to talks, fzf and sk alike.
//! The dossier comes from `talks::generate`, the same as the benchmarks use. Never commit
//! its output.

use std::io::{self, BufWriter, Write};

use talks::model::{EntityKind, EntityRef};

fn main() -> io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse::<u64>().ok())
    };
    let Some(entities) = value("--entities") else {
        eprintln!("usage: gen_dossier --entities N [--seed S] [--lines] > dossier.yaml");
        std::process::exit(2);
    };
    let dossier = talks::generate::dossier(entities as usize, value("--seed").unwrap_or(1));
    let mut out = BufWriter::new(io::stdout().lock());
    if args.iter().any(|a| a == "--lines") {
        // One line per entity, its name and summary: the same strings for every matcher.
        for kind in EntityKind::ALL {
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
