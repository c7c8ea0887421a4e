//! Writes a large, valid dossier for benchmarks:
//! `cargo run --release --example gen_dossier -- --entities 100000 [--seed 7] > big.yaml`.
//! The dossier comes from `talks::generate`, the same as the benchmarks use. Never commit
//! its output.

use std::io::{self, BufWriter, Write};

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
    let dossier = talks::generate::dossier(entities as usize, value("--seed").unwrap_or(1));
    let mut out = BufWriter::new(io::stdout().lock());
    serde_yaml::to_writer(&mut out, &dossier).map_err(io::Error::other)?;
    out.flush()
}
