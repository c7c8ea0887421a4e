//! `talks diff OLD NEW`: what changed between two versions of a dossier.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};

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

/// What `git:REV:PATH` names: a file's text, or a folder's dossier files and texts.
enum AtRevision {
    File(String, String),
    Folder(String, Vec<PathBuf>, Vec<(String, String)>),
}

/// A dossier file or folder as it was at a git revision: `REV:PATH`, the path from the
/// current folder. git is run directly (`git cat-file`, `git ls-tree`, `git show`), never
/// through a shell.
fn at_revision(revision_and_path: &str) -> Result<AtRevision, String> {
    let usage = || {
        format!("\"git:{revision_and_path}\" is not git:REV:PATH (e.g. git:HEAD~1:data/talks.yaml)")
    };
    let (revision, path) = revision_and_path.split_once(':').ok_or_else(usage)?;
    if revision.is_empty() || path.is_empty() || revision.starts_with('-') {
        return Err(usage());
    }
    let name = format!("git:{revision}:{path}");
    let shown = crate::text::sanitize_line(&name).into_owned();
    let object = format!("{revision}:./{}", path.trim_end_matches('/'));
    let kind = git(&["cat-file", "-t", &object], &shown)?;
    if String::from_utf8_lossy(&kind).trim() != "tree" {
        let text = utf8(git(&["show", "--no-textconv", &object], &shown)?, &shown)?;
        return Ok(AtRevision::File(name, text));
    }
    let listing = utf8(git(&["ls-tree", "-z", &object], &shown)?, &shown)?;
    let mut files = Vec::new();
    let mut texts = Vec::new();
    // `MODE blob HASH<TAB>NAME`, each ended by a NUL; folders inside are not read.
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        let Some((meta, file)) = entry.split_once('\t') else {
            continue;
        };
        let file_path = Path::new(path).join(file);
        if !meta.contains(" blob ") || !model::folder::is_dossier_file_name(file) {
            continue;
        }
        let file_name = format!("{name}/{file}");
        let shown_file = crate::text::sanitize_line(&file_name).into_owned();
        let bytes = git(
            &["show", "--no-textconv", &format!("{object}/{file}")],
            &shown_file,
        )?;
        texts.push((file_name, utf8(bytes, &shown_file)?));
        files.push(file_path);
    }
    if texts.is_empty() {
        return Err(format!(
            "{shown}: the folder holds no .yaml or .yml file at that revision"
        ));
    }
    Ok(AtRevision::Folder(name, files, texts))
}

/// What `git ARGS` printed, or why it could not be run or refused.
fn git(args: &[&str], shown: &str) -> Result<Vec<u8>, String> {
    let output = Command::new("git")
        .args(args)
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
    Ok(output.stdout)
}

fn utf8(bytes: Vec<u8>, shown: &str) -> Result<String, String> {
    String::from_utf8(bytes)
        .map_err(|_| format!("{shown}: the file is not valid UTF-8; a dossier must be UTF-8 text"))
}
