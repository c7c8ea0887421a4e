//! `talks diff OLD NEW`: what changed between two versions of a dossier.

use std::io::{self, Write};
use std::path::Path;
use std::process::{Command, ExitCode, Stdio};

use super::{EXIT_BAD_INPUT, load, report_load_error};
use crate::changes::compare;
use crate::changes::render::{Sides, render};
use crate::cli::DiffArgs;
use crate::model::{Loaded, load_str};

/// Exit 1 when the two differ, like diff(1).
const EXIT_DIFFERENT: u8 = 1;

pub fn run(out: &mut impl Write, args: &DiffArgs) -> io::Result<ExitCode> {
    if args.old == "-" && args.new == "-" {
        eprintln!("talks: only one of OLD and NEW can be standard input (-)");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let read = |spec: &str| -> Result<Loaded, ExitCode> {
        let loaded = match spec.strip_prefix("git:") {
            Some(revision_and_path) => match git_text(revision_and_path) {
                Ok((name, text)) => load_str(&name, &text),
                Err(message) => {
                    eprintln!("talks: {message}");
                    return Err(ExitCode::from(EXIT_BAD_INPUT));
                }
            },
            None => load(Some(Path::new(spec))),
        };
        loaded.map_err(|err| report_load_error(&err))
    };
    let (old, new) = match (read(&args.old), read(&args.new)) {
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

/// The name and text of a dossier file as it was at a git revision: `REV:PATH`, the path
/// from the current folder. The text is read by `git show`, never through a shell.
fn git_text(revision_and_path: &str) -> Result<(String, String), String> {
    let usage = || {
        format!("\"git:{revision_and_path}\" is not git:REV:PATH (e.g. git:HEAD~1:data/talks.yaml)")
    };
    let (revision, path) = revision_and_path.split_once(':').ok_or_else(usage)?;
    if revision.is_empty() || path.is_empty() || revision.starts_with('-') {
        return Err(usage());
    }
    let name = format!("git:{revision}:{path}");
    let shown = crate::text::sanitize_line(&name).into_owned();
    let output = Command::new("git")
        .args(["show", "--no-textconv", &format!("{revision}:./{path}")])
        .stdin(Stdio::null())
        .output()
        .map_err(|err| match err.kind() {
            io::ErrorKind::NotFound => {
                format!("cannot read {shown}: git is not installed (it is needed for git:REV:PATH)")
            }
            _ => format!("cannot read {shown}: git could not run: {err}"),
        })?;
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = crate::text::sanitize_line(said.trim());
        return Err(format!("cannot read {shown}: git says: {said}"));
    }
    let text = String::from_utf8(output.stdout).map_err(|_| {
        format!("{shown}: the file is not valid UTF-8; a dossier must be UTF-8 text")
    })?;
    Ok((name, text))
}
