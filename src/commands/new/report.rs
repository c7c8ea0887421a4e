//! `talks new report -d DIR`: the next file of a folder dossier, named to sort after the
//! others, with a new source and commented templates (positions, events, quotes) that cite
//! it; checked to load with the folder, then written as a new file under the folder's lock.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use super::appending::Stop;
use super::facts::new_id;
use super::report_name;
use super::report_text::{Stub, text};
use crate::cli::{NewArgs, NewKind};
use crate::fsio::{self, WriteError};
use crate::model::{self, Loaded};
use crate::text::{sanitize_line, shown_path};

/// Runs `talks new report`.
pub(super) fn run(out: &mut impl Write, args: &NewArgs) -> io::Result<ExitCode> {
    match write(args) {
        Ok((path, id, lines)) => {
            let shown = shown_path(&path);
            writeln!(
                out,
                "{shown}: wrote the report's source \"{id}\" and templates ({lines} lines); \
                 the folder loads with it.\nNext: fill in the source, uncomment what the \
                 report says, or add a position with `talks new position --sticking-point ID \
                 -d {} --append {}`.",
                crate::text::shell_word(
                    &args.dossier.as_deref().map(shown_path).unwrap_or_default()
                ),
                crate::text::shell_word(&shown),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Err(stop) => Ok(stop.say()),
    }
}

/// Writes the report; its path, its source's id and its number of lines.
fn write(args: &NewArgs) -> Result<(PathBuf, String, usize), Stop> {
    let dir = folder(args)?;
    let date = date(args)?;
    // One writer at a time checks the folder and adds to it.
    let _lock = fsio::lock_folder(&dir, Duration::from_secs(60)).map_err(|err| match err {
        WriteError::Locked(_) => Stop::failed(err.to_string()),
        err => Stop::refused(format!("nothing was written: {err}")),
    })?;
    let folder_name = shown_path(&dir);
    let (files, texts) = model::folder::read_folder(&dir).map_err(|err| {
        Stop::refused(format!(
            "nothing was written: the folder dossier {folder_name} cannot be read:\n\n{err}"
        ))
    })?;
    let before = model::folder::load_folder_texts(&folder_name, files.clone(), texts.clone())
        .map_err(|err| {
            Stop::refused(format!(
                "nothing was written: the folder dossier {folder_name} does not load, and a \
                 report is checked with it:\n\n{err}"
            ))
        })?;
    let last = texts.last().map(|(name, _)| name.as_str()).unwrap_or("");
    let last = Path::new(last)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(last);
    let number = report_name::next_number(last, files.len());
    let title = args.source_title.as_deref();
    let name = report_name::name(args.name.as_deref(), last, &number, title, &date)
        .map_err(Stop::refused)?;
    let path = dir.join(&name);
    if path.symlink_metadata().is_ok() {
        return Err(Stop::refused(format!(
            "{} exists already: give another --name",
            shown_path(&path)
        )));
    }
    let id = source_id(&before, args, &number)?;
    let stub = Stub {
        id: &id,
        title,
        date: &date,
    };
    let text = text(&before, &stub);
    check(&folder_name, files, texts, &path, &text)?;
    fsio::create_new(&path, text.as_bytes()).map_err(|err| match err {
        WriteError::Exists(_) => Stop::refused(format!("{err}: give another --name")),
        err => Stop::failed(format!("nothing was written: {err}")),
    })?;
    // Said as the folder was given (relative stays relative), as `new position` says it.
    Ok((path, id, text.lines().count()))
}

/// The folder `-d` names.
fn folder(args: &NewArgs) -> Result<PathBuf, Stop> {
    match args.dossier.as_deref() {
        None => Err(Stop::refused(
            "talks new report needs -d DIR: the folder dossier the report is added to".into(),
        )),
        Some(dir) if dir.is_dir() => Ok(dir.to_path_buf()),
        Some(missing) if !missing.exists() => Err(Stop::refused(format!(
            "{} does not exist: talks new report adds a file to a folder dossier (-d DIR)",
            shown_path(missing)
        ))),
        Some(other) => Err(Stop::refused(format!(
            "{} is not a folder: talks new report adds a file to a folder dossier (-d DIR)",
            shown_path(other)
        ))),
    }
}

/// `--date`, checked; else today (UTC).
fn date(args: &NewArgs) -> Result<String, Stop> {
    match args.date.as_deref() {
        Some(date) => model::check_date(date)
            .map(|()| date.to_string())
            .map_err(|why| Stop::refused(format!("--date: {}", sanitize_line(&why)))),
        None => {
            let now = humantime::format_rfc3339(std::time::SystemTime::now()).to_string();
            Ok(now.chars().take(10).collect())
        }
    }
}

/// `--id`, checked; else `report-N` (N the report's number), numbered on when taken.
fn source_id(before: &Loaded, args: &NewArgs, number: &str) -> Result<String, Stop> {
    if args.id.is_some() {
        return new_id(before, NewKind::Source, args.id.as_deref()).map_err(Stop::refused);
    }
    let n = number.trim_start_matches('0');
    let base = format!("report-{}", if n.is_empty() { "0" } else { n });
    let taken = |id: &str| before.index.get(id).is_some() || before.index.source(id).is_some();
    let id = std::iter::once(base.clone())
        .chain((2..).map(|k| format!("{base}-{k}")))
        .find(|id| !taken(id))
        .unwrap_or(base);
    Ok(id)
}

/// The folder with the new file loads (a defect of talks otherwise: nothing is written).
fn check(
    folder_name: &str,
    mut files: Vec<PathBuf>,
    mut texts: Vec<(String, String)>,
    path: &Path,
    text: &str,
) -> Result<(), Stop> {
    files.push(path.to_path_buf());
    texts.push((shown_path(path), text.to_string()));
    model::folder::load_folder_texts(folder_name, files, texts)
        .map(|_| ())
        .map_err(|err| {
            Stop::failed(format!(
                "nothing was written: with the new report, the folder dossier {folder_name} \
                 would not load (a defect of talks: please report it):\n\n{err}"
            ))
        })
}
