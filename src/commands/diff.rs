//! `talks diff OLD NEW`: what changed between two versions of a dossier.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::changes::compare;
use crate::changes::render::{Sides, render};
use crate::cli::DiffArgs;
use crate::open::{EXIT_BAD_INPUT, read_version, read_version_of};

/// Exit 1 when the two differ, like diff(1).
const EXIT_DIFFERENT: u8 = 1;

pub(super) fn run(out: &mut impl Write, args: &DiffArgs) -> io::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        crate::say!("talks: only one of OLD and NEW can be standard input (-)");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    // `talks diff seen NEW`: the snapshot of NEW taken when the user last caught up.
    let new_path = (!args.new.starts_with("git:")).then(|| std::path::Path::new(&args.new));
    let old = read_version_of(&args.old, new_path);
    let (old, new) = match (old, read_version(&args.new)) {
        (Ok(old), Ok(new)) => (old, new),
        (Err(code), _) | (_, Err(code)) => return Ok(code),
    };
    let changes = compare(&old, &new);
    let sides = Sides {
        old: &old.name,
        new: &new.name,
    };
    out.write_all(render(&changes, &sides, args.format).as_bytes())?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_DIFFERENT)
    })
}
