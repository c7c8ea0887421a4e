//! `talks new`: a commented template for one new item of a dossier, printed to stdout, or
//! added to a dossier file as text (`--append`) once the file with it is known to load and
//! to hold nothing else new.

mod adding;
mod append;
#[cfg(test)]
mod append_tests;
mod check;
mod facts;
mod outline;
mod report;
mod report_name;
mod report_text;
mod template;
mod whole;

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::ValueEnum;

use crate::cli::{NewArgs, NewKind};
use crate::fsio;
use crate::model::{self, render_all};
use crate::open::{EXIT_BAD_INPUT, load, report_load_error};
use crate::text::shown_path;
use adding::{Adding, Done};
use append::Spot;
use facts::facts;
use template::Facts;
use whole::Whole;

/// Runs `talks new`.
pub(super) fn run(out: &mut impl Write, args: &NewArgs) -> io::Result<ExitCode> {
    if let Err(message) = check_options(args) {
        return Ok(refuse(&message));
    }
    if args.kind == NewKind::Report {
        return report::run(out, args);
    }
    match &args.append {
        Some(path) => append_to(out, path, args),
        None => print(out, args),
    }
}

fn refuse(message: &str) -> ExitCode {
    crate::say!("talks: {message}");
    ExitCode::from(EXIT_BAD_INPUT)
}

fn check_options(args: &NewArgs) -> Result<(), String> {
    let kind = args.kind;
    let (position, quote) = (kind == NewKind::Position, kind == NewKind::Quote);
    if position && args.sticking_point.is_none() {
        return Err(
            "talks new position needs --sticking-point ID: the sticking point the \
                    position goes under"
                .into(),
        );
    }
    if quote && args.event.is_none() {
        return Err("talks new quote needs --event ID: the event the quote goes under".into());
    }
    if args.sticking_point.is_some() && !position {
        return Err("--sticking-point is for talks new position".into());
    }
    if args.event.is_some() && !quote {
        return Err("--event is for talks new quote".into());
    }
    if args.actor.is_some() && !(position || quote) {
        return Err("--actor is for talks new position and talks new quote".into());
    }
    if args.id.is_some() && (position || quote) {
        return Err("a position or a quote has no id: leave out --id".into());
    }
    let report = kind == NewKind::Report;
    for (given, option) in [
        (args.date.is_some(), "--date"),
        (args.source_title.is_some(), "--source-title"),
        (args.name.is_some(), "--name"),
    ] {
        if given && !report {
            return Err(format!("{option} is for talks new report"));
        }
    }
    if report && args.append.is_some() {
        return Err(
            "talks new report writes a new file of the folder: leave out --append (-d DIR \
             names the folder)"
                .into(),
        );
    }
    if args.append.as_deref().is_some_and(|p| p.as_os_str() == "-") {
        return Err("--append needs a file: standard input cannot be written back".into());
    }
    Ok(())
}

/// What the new item is called in messages and comments.
fn noun(kind: NewKind) -> &'static str {
    match kind {
        NewKind::Actor => "actor",
        NewKind::Event => "event",
        NewKind::StickingPoint => "sticking point",
        NewKind::Place => "place",
        NewKind::Source => "source",
        NewKind::Position => "position",
        NewKind::Quote => "quote",
        NewKind::Report => "report",
    }
}

/// The list the new item goes in; a position of a folder dossier (`folder`) goes in the
/// file's top-level `positions:`, naming its sticking point.
fn spot(args: &NewArgs, folder: bool) -> Spot<'_> {
    match args.kind {
        NewKind::Position if folder => Spot::Top("positions"),
        NewKind::Actor => Spot::Top("actors"),
        NewKind::Event => Spot::Top("events"),
        NewKind::StickingPoint => Spot::Top("sticking_points"),
        NewKind::Place => Spot::Top("places"),
        NewKind::Source | NewKind::Report => Spot::Top("sources"),
        NewKind::Position => Spot::Under {
            list: "sticking_points",
            id: args.sticking_point.as_deref().unwrap_or_default(),
            key: "positions",
            noun: "sticking point",
        },
        NewKind::Quote => Spot::Under {
            list: "events",
            id: args.event.as_deref().unwrap_or_default(),
            key: "quotes",
            noun: "event",
        },
    }
}

fn print(out: &mut impl Write, args: &NewArgs) -> io::Result<ExitCode> {
    let loaded = match load(args.dossier.as_deref()) {
        Ok(loaded) => loaded,
        Err(err) => return Ok(report_load_error(&err)),
    };
    let facts = match facts(&loaded, args) {
        Ok(facts) => facts,
        Err(message) => return Ok(refuse(&message)),
    };
    let folder = facts.folder.is_some();
    let (place, command) = match spot(args, folder) {
        Spot::Top(key) if folder => (
            format!("at the end of `{key}:` in a report of the folder"),
            format!(
                " --sticking-point {} -d DIR",
                args.sticking_point.as_deref().unwrap_or_default()
            ),
        ),
        Spot::Top(key) => (format!("at the end of `{key}:`"), String::new()),
        Spot::Under { id, key, noun, .. } => {
            let option = noun.replace(' ', "-");
            (
                format!("under `{key}:` of the {noun} \"{id}\""),
                format!(" --{option} {id}"),
            )
        }
    };
    let kind = args
        .kind
        .to_possible_value()
        .map(|value| value.get_name().to_string())
        .unwrap_or_default();
    writeln!(out, "# A new {}, to add {place};", noun(args.kind))?;
    writeln!(
        out,
        "# talks new {kind}{command} --append FILE adds it there."
    )?;
    for line in laid_out(&template::lines(&facts), args, folder) {
        writeln!(out, "{line}")?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The template as `--append` would add it to the dossier (the built-in one's layout for
/// standard input, or where it could not be added).
fn laid_out(template: &[String], args: &NewArgs, folder: bool) -> Vec<String> {
    let text = match args.dossier.as_deref() {
        None => Some(model::BUILTIN_TEXT.to_string()),
        Some(path) if path.as_os_str() == "-" => None,
        Some(path) => model::read_path(path)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok()),
    };
    match text.map(|text| append::add(&text, spot(args, folder), template)) {
        Some(Ok(added)) => append::Columns::new(&added.text)
            .lines()
            .skip(added.line - 1)
            .take(added.lines)
            .map(str::to_string)
            .collect(),
        _ => append::render_default(template, spot(args, folder)),
    }
}

fn append_to(out: &mut impl Write, path: &Path, args: &NewArgs) -> io::Result<ExitCode> {
    let name = shown_path(path);
    // Two appends to files of one folder dossier check against the folder one at a time.
    let mut folder_lock = match lock_folder_of(path, args) {
        Ok(lock) => lock,
        Err(err) => {
            crate::say!("talks: {err}");
            return Ok(ExitCode::FAILURE);
        }
    };
    let (whole, read, before) = match prepare(path, &name, args) {
        Ok(prepared) => prepared,
        Err(code) => return Ok(code),
    };
    // A dossier of its own beside others: the folder is not held while it is written.
    if matches!(whole, Whole::File) {
        folder_lock.take();
    }
    let facts = match facts(&before, args) {
        Ok(facts) => facts,
        Err(message) => return Ok(refuse(&message)),
    };
    let template = template::lines(&facts);
    let adding = Adding {
        name: &name,
        args,
        facts: &facts,
        template: &template,
        whole: &whole,
    };
    match adding.write(path, &read, &before) {
        Ok(done) => report_added(out, &adding, done),
        // What the file holds now does not take the item: the caller's own words.
        Err(fsio::WriteError::Refused(_, why)) => Ok(refuse(&why)),
        Err(err) => {
            crate::say!("talks: {err}");
            Ok(ExitCode::FAILURE)
        }
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
                _ => std::path::PathBuf::from("."),
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

/// The dossier the file belongs to, the file as read, and the dossier it makes; or the
/// exit code once what is wrong is said.
fn prepare(
    path: &Path,
    name: &str,
    args: &NewArgs,
) -> Result<(Whole, fsio::ReadFile, model::Loaded), ExitCode> {
    if path.is_dir() {
        return Err(refuse(&format!(
            "{name} is a folder: --append adds to one file (for a folder dossier, one of its \
             reports; -d DIR names the folder)"
        )));
    }
    let whole = whole::find(path, args.dossier.as_deref()).map_err(|message| refuse(&message))?;
    let read = model::read_path_stamped(path).map_err(|err| {
        report_load_error(&err);
        refuse(&format!("nothing was added: {name} could not be read"))
    })?;
    let text = std::str::from_utf8(&read.bytes)
        .map_err(|_| refuse(&format!("nothing was added: {name} is not UTF-8 text")))?;
    let before = whole.load_with(name, text).map_err(|err| match whole {
        Whole::Folder { .. } => refuse(&whole.folder_not_loading(name, &err)),
        Whole::File => {
            report_load_error(&err);
            refuse(&format!(
                "nothing was added: {name} must load before talks adds to it"
            ))
        }
    })?;
    Ok((whole, read, before))
}

fn report_added(out: &mut impl Write, adding: &Adding, done: Done) -> io::Result<ExitCode> {
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
        "{}:{}: added {} ({} lines){redone}",
        adding.name,
        added.line,
        what(adding.facts, adding.args),
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
