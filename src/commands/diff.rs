//! `talks diff OLD NEW`: what changed between two versions of a dossier.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use super::git_read::{AtRevision, at_revision};
use super::{EXIT_BAD_INPUT, load, report_load_error};
use crate::changes::compare;
use crate::changes::render::{Sides, render};
use crate::cli::DiffArgs;
use crate::model::{self, Loaded, load_str};

/// Exit 1 when the two differ, like diff(1).
const EXIT_DIFFERENT: u8 = 1;

pub fn run(out: &mut impl Write, args: &DiffArgs) -> io::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        crate::say!("talks: only one of OLD and NEW can be standard input (-)");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let (old, new) = match (read_version(&args.old), read_version(&args.new)) {
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

/// A version of a dossier: a file, a folder, `-` or `git:REV:PATH`; when it cannot be
/// read, its problems are on stderr and this is the exit code.
pub fn read_version(spec: &str) -> Result<Loaded, ExitCode> {
    let loaded = match spec.strip_prefix("git:") {
        Some(revision_and_path) => match at_revision(revision_and_path) {
            Ok(AtRevision::File(name, text)) => load_str(&name, &text),
            Ok(AtRevision::Folder(name, files, texts)) => {
                model::folder::load_folder_texts(&name, files, texts)
            }
            Err(message) => {
                crate::say!("talks: {message}");
                return Err(ExitCode::from(EXIT_BAD_INPUT));
            }
        },
        None => load(Some(Path::new(spec))),
    };
    loaded.map_err(|err| report_load_error(&err))
}
