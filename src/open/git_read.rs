//! `git:REV:PATH`: a dossier file or folder as it was at a git revision, read through
//! git's plumbing only: `rev-parse --verify` names the object, `cat-file --batch-check`
//! gives its type and size, `cat-file blob` and `ls-tree` read it. Nothing that formats,
//! filters, verifies or runs a program the repository's config names (`git show` runs
//! `gpg.program` on a signed commit a gitlink points at; `core.fsmonitor` is a command
//! too), and every blob's size is asked before it is read, so `--max-size` holds.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::model;
use crate::text::sanitize_line;

/// What `git:REV:PATH` names: a file's text, or a folder's dossier files and texts.
pub(crate) enum AtRevision {
    File(String, String),
    Folder(String, Vec<PathBuf>, Vec<(String, String)>),
}

/// A dossier file or folder as it was at a git revision: `REV:PATH`, the path from the
/// current folder. git is run directly, never through a shell.
pub(crate) fn at_revision(revision_and_path: &str) -> Result<AtRevision, String> {
    let usage = || {
        format!("\"git:{revision_and_path}\" is not git:REV:PATH (e.g. git:HEAD~1:data/talks.yaml)")
    };
    let (revision, path) = revision_and_path.split_once(':').ok_or_else(usage)?;
    if revision.is_empty() || path.is_empty() || revision.starts_with('-') {
        return Err(usage());
    }
    let name = format!("git:{revision}:{path}");
    let shown = sanitize_line(&name).into_owned();
    let object = format!("{revision}:./{}", path.trim_end_matches('/'));
    let oid = resolve(&object, &shown)?;
    match object_info(&oid, &shown)? {
        (kind, size) if kind == "blob" => {
            let text = read_blob(&oid, size, &shown)?;
            Ok(AtRevision::File(name, text))
        }
        (kind, _) if kind == "tree" => read_folder(&oid, path, name),
        (kind, _) if kind == "commit" => Err(format!(
            "{shown} names a commit (a submodule?), not a dossier file"
        )),
        (kind, _) => Err(format!("{shown} names a git {kind}, not a dossier file")),
    }
}

/// The object id `REV:./PATH` names.
fn resolve(object: &str, shown: &str) -> Result<String, String> {
    match git(
        &["rev-parse", "--verify", "--end-of-options", object],
        shown,
    ) {
        Ok(oid) => Ok(String::from_utf8_lossy(&oid).trim().to_string()),
        // rev-parse only says "Needed a single revision"; `cat-file -e` says what is
        // missing, the revision or the path (the revision does not start with `-`).
        Err(said) => match git(&["cat-file", "-e", object], shown) {
            Err(better) => Err(better),
            Ok(_) => Err(said),
        },
    }
}

/// The object's type (`blob`, `tree`, `commit`) and size in bytes.
fn object_info(oid: &str, shown: &str) -> Result<(String, u64), String> {
    let answer = git_with_input(
        &["cat-file", "--batch-check=%(objecttype) %(objectsize)"],
        &format!("{oid}\n"),
        shown,
    )?;
    let answer = String::from_utf8_lossy(&answer);
    let mut words = answer.split_whitespace();
    match (words.next(), words.next().map(str::parse::<u64>)) {
        (Some(kind), Some(Ok(size))) => Ok((kind.to_string(), size)),
        // `OID missing`: a gitlink's commit lives in the submodule, not here.
        _ => Err(format!(
            "{shown} names an object that is not in this repository (a submodule's commit?), \
             not a dossier file"
        )),
    }
}

/// A blob's text, refused unread when it is over `--max-size`.
fn read_blob(oid: &str, size: u64, shown: &str) -> Result<String, String> {
    let max = model::max_file_bytes();
    if size > max {
        return Err(format!("{shown}: {}", model::too_large(max)));
    }
    utf8(git(&["cat-file", "blob", oid], shown)?, shown)
}

/// The dossier files of the folder (tree `oid`) at `path`; folders inside are not read.
fn read_folder(oid: &str, path: &str, name: String) -> Result<AtRevision, String> {
    let shown = sanitize_line(&name).into_owned();
    let listing = utf8(git(&["ls-tree", "-l", "-z", oid], &shown)?, &shown)?;
    let mut files = Vec::new();
    let mut texts = Vec::new();
    // `MODE TYPE OID SIZE<TAB>NAME`, each ended by a NUL (SIZE padded, `-` for a tree).
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        let Some((meta, file)) = entry.split_once('\t') else {
            continue;
        };
        let fields: Vec<&str> = meta.split_whitespace().collect();
        let [_mode, "blob", blob, size] = fields[..] else {
            continue;
        };
        if !model::folder::is_dossier_file_name(file) {
            continue;
        }
        let file_name = format!("{name}/{file}");
        let shown_file = sanitize_line(&file_name).into_owned();
        let size = size.parse::<u64>().map_err(|_| {
            format!("cannot read {shown_file}: git gave no size for it (\"{size}\")")
        })?;
        texts.push((file_name, read_blob(blob, size, &shown_file)?));
        files.push(Path::new(path).join(file));
    }
    if texts.is_empty() {
        return Err(format!(
            "{shown}: the folder holds no .yaml or .yml file at that revision"
        ));
    }
    Ok(AtRevision::Folder(name, files, texts))
}

/// `git` with no pager, no fsmonitor command and no fetching of missing objects (a
/// partial clone would otherwise reach its remote); the system and global config still
/// apply, as the user's own (`safe.directory`, for one).
fn git_command(args: &[&str]) -> Command {
    let mut command = Command::new("git");
    command
        .args(["--no-pager", "-c", "core.fsmonitor=false"])
        .args(args)
        .env("GIT_NO_LAZY_FETCH", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_OPTIONAL_LOCKS", "0");
    command
}

/// What `git ARGS` printed, or why it could not be run or refused.
fn git(args: &[&str], shown: &str) -> Result<Vec<u8>, String> {
    let output = git_command(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|err| cannot_run(&err, shown))?;
    answer(output, shown)
}

/// As [`git`], with `input` on git's standard input.
fn git_with_input(args: &[&str], input: &str, shown: &str) -> Result<Vec<u8>, String> {
    let mut child = git_command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| cannot_run(&err, shown))?;
    if let Some(mut stdin) = child.stdin.take() {
        // A git that stopped before reading says why on stderr, with its status.
        let _ = stdin.write_all(input.as_bytes());
    }
    let output = child
        .wait_with_output()
        .map_err(|err| cannot_run(&err, shown))?;
    answer(output, shown)
}

fn cannot_run(err: &io::Error, shown: &str) -> String {
    match err.kind() {
        io::ErrorKind::NotFound => {
            format!("cannot read {shown}: git is not installed (it is needed for git:REV:PATH)")
        }
        _ => format!("cannot read {shown}: git could not run: {err}"),
    }
}

fn answer(output: std::process::Output, shown: &str) -> Result<Vec<u8>, String> {
    if !output.status.success() {
        let said = String::from_utf8_lossy(&output.stderr);
        let said = sanitize_line(said.trim());
        return Err(format!("cannot read {shown}: git says: {said}"));
    }
    Ok(output.stdout)
}

fn utf8(bytes: Vec<u8>, shown: &str) -> Result<String, String> {
    String::from_utf8(bytes)
        .map_err(|_| format!("{shown}: the file is not valid UTF-8; a dossier must be UTF-8 text"))
}
