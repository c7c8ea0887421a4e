//! `--append FILE`: the item added to a dossier file, said on the command line; and the
//! same for the explorer (`o` on an empty matrix cell), which shows what went wrong in its
//! status bar instead.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::adding::{Adding, Done};
use super::facts::facts;
use super::template::{self, Facts};
use super::whole::{self, Whole};
use super::{noun, refuse};
use crate::cli::{NewArgs, NewKind};
use crate::fsio;
use crate::model::{self, render_all};
use crate::open::load_error_text;
use crate::text::{sanitize_line, shown_path};

/// Why nothing was added: what to say first (a dossier's problems), and the message; an
/// input the user can fix (exit 2) or a failure of the system (exit 1).
pub(super) struct Stop {
    said: Option<String>,
    message: String,
    refused: bool,
}

impl Stop {
    pub(super) fn refused(message: String) -> Stop {
        Stop {
            said: None,
            message,
            refused: true,
        }
    }

    pub(super) fn failed(message: String) -> Stop {
        Stop {
            refused: false,
            ..Stop::refused(message)
        }
    }

    /// Said on stderr: the exit code.
    pub(super) fn say(self) -> ExitCode {
        if let Some(said) = self.said {
            crate::say!("{said}");
        }
        if self.refused {
            refuse(&self.message)
        } else {
            crate::say!("talks: {}", self.message);
            ExitCode::FAILURE
        }
    }
}

/// Runs `talks new … --append FILE`.
pub(super) fn append_to(out: &mut impl Write, path: &Path, args: &NewArgs) -> io::Result<ExitCode> {
    let name = shown_path(path);
    match add(path, &name, args) {
        Ok((facts, done)) => report_added(out, &name, &facts, args, done),
        Err(stop) => Ok(stop.say()),
    }
}

/// `o` on an empty matrix cell: a position of `actor` on `sticking_point` added to `file`,
/// a file of the dossier `dossier` (the file itself, or its folder), as `talks new
/// position --append` adds it; the line it starts on, or why nothing was added (one line,
/// for the status bar).
pub fn add_position(
    dossier: &Path,
    file: &Path,
    sticking_point: &str,
    actor: &str,
) -> Result<usize, String> {
    let args = NewArgs {
        kind: NewKind::Position,
        id: None,
        sticking_point: Some(sticking_point.to_string()),
        event: None,
        actor: Some(actor.to_string()),
        dossier: Some(dossier.to_path_buf()),
        append: Some(file.to_path_buf()),
        date: None,
        source_title: None,
        name: None,
    };
    let name = shown_path(file);
    match add(file, &name, &args) {
        Ok((_, done)) => Ok(done.added.line),
        Err(stop) => {
            let first = stop.message.lines().next().unwrap_or_default();
            let why = first.strip_prefix("nothing was added: ").unwrap_or(first);
            let why = why.strip_prefix("nothing was written: ").unwrap_or(why);
            Err(format!("No position added: {}", sanitize_line(why)))
        }
    }
}

/// The item added to the file `path` (shown as `name`) and written.
fn add(path: &Path, name: &str, args: &NewArgs) -> Result<(Facts, Done), Stop> {
    // Two appends to files of one folder dossier check against the folder one at a time.
    let mut folder_lock =
        lock_folder_of(path, args).map_err(|err| Stop::failed(err.to_string()))?;
    let (whole, read, before) = prepare(path, name, args)?;
    // A dossier of its own beside others: the folder is not held while it is written.
    if matches!(whole, Whole::File) {
        folder_lock.take();
    }
    let facts = facts(&before, args).map_err(Stop::refused)?;
    let template = template::lines(&facts);
    let adding = Adding {
        name,
        args,
        facts: &facts,
        template: &template,
        whole: &whole,
    };
    match adding.write(path, &read, &before) {
        Ok(done) => Ok((facts, done)),
        // What the file holds now does not take the item: the caller's own words.
        Err(fsio::WriteError::Refused(_, why)) => Err(Stop::refused(why)),
        Err(err) => Err(Stop::failed(err.to_string())),
    }
}

/// The lock on the folder of the file appended to (or the folder `-d` names), when it may
/// be a folder dossier (it holds other dossier files); none where the folder cannot be
/// opened (the file's own lock still holds).
fn lock_folder_of(
    path: &Path,
    args: &NewArgs,
) -> Result<Option<fsio::FolderLock>, fsio::WriteError> {
    let folder = match args.dossier.as_deref() {
        Some(dir) if dir.is_dir() => dir.to_path_buf(),
        _ => {
            let file = fsio::follow_links(path);
            let folder = match file.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let others = std::fs::read_dir(&folder).map(|entries| {
                entries.flatten().any(|entry| {
                    let other = entry.path();
                    model::folder::is_dossier_file(&other) && other.file_name() != file.file_name()
                })
            });
            if !others.unwrap_or(false) {
                return Ok(None);
            }
            folder
        }
    };
    match fsio::lock_folder(&folder, std::time::Duration::from_secs(60)) {
        Ok(lock) => Ok(Some(lock)),
        Err(err @ fsio::WriteError::Locked(_)) => Err(err),
        Err(_) => Ok(None),
    }
}

/// The dossier the file belongs to, the file as read, and the dossier it makes; or why
/// nothing can be added.
fn prepare(
    path: &Path,
    name: &str,
    args: &NewArgs,
) -> Result<(Whole, fsio::ReadFile, model::Loaded), Stop> {
    if path.is_dir() {
        return Err(Stop::refused(format!(
            "{name} is a folder: --append adds to one file (for a folder dossier, one of its \
             reports; -d DIR names the folder)"
        )));
    }
    if let Some(missing) = crate::open::missing(path) {
        return Err(Stop {
            said: Some(load_error_text(&missing)),
            ..Stop::refused(format!("nothing was added: {name} could not be read"))
        });
    }
    let whole = whole::find(path, args.dossier.as_deref()).map_err(Stop::refused)?;
    let read = model::read_path_stamped(path).map_err(|err| Stop {
        said: Some(load_error_text(&err)),
        ..Stop::refused(format!("nothing was added: {name} could not be read"))
    })?;
    let text = std::str::from_utf8(&read.bytes)
        .map_err(|_| Stop::refused(format!("nothing was added: {name} is not UTF-8 text")))?;
    let before = whole.load_with(name, text).map_err(|err| match whole {
        Whole::Folder { .. } => Stop::refused(whole.folder_not_loading(name, &err)),
        Whole::File => Stop {
            said: Some(load_error_text(&err)),
            ..Stop::refused(format!(
                "nothing was added: {name} must load before talks adds to it"
            ))
        },
    })?;
    Ok((whole, read, before))
}

fn report_added(
    out: &mut impl Write,
    name: &str,
    facts: &Facts,
    args: &NewArgs,
    done: Done,
) -> io::Result<ExitCode> {
    let Done {
        added,
        after,
        redone,
    } = done;
    let new_warnings: Vec<_> = after
        .warnings
        .into_iter()
        .filter(|w| {
            w.location
                .is_some_and(|at| (added.line..added.line + added.lines).contains(&at.line))
        })
        .collect();
    if !new_warnings.is_empty() {
        crate::say!("{}\n", render_all(&new_warnings));
    }
    let redone = if redone {
        " (the file changed while talks worked: added to what it holds now)"
    } else {
        ""
    };
    writeln!(
        out,
        "{name}:{}: added {} ({} lines){redone}",
        added.line,
        what(facts, args),
        added.lines
    )?;
    Ok(ExitCode::SUCCESS)
}

/// What was added, for the closing line.
fn what(facts: &Facts, args: &NewArgs) -> String {
    let actor = facts.actor.as_ref().map_or("", |a| a.id.as_str());
    match args.kind {
        NewKind::Position => format!(
            "a position of \"{actor}\" on \"{}\"",
            args.sticking_point.as_deref().unwrap_or_default()
        ),
        NewKind::Quote => format!(
            "a quote by \"{actor}\" to \"{}\"",
            args.event.as_deref().unwrap_or_default()
        ),
        kind => format!("the {} \"{}\"", noun(kind), facts.id),
    }
}
