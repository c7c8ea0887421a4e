//! `talks new`: a commented template for one new item of a dossier, printed to stdout, or
//! added to a dossier file as text (`--append`) once the file with it is known to load and
//! to hold nothing else new.

mod adding;
mod append;
#[cfg(test)]
mod append_tests;
mod appending;
mod check;
mod facts;
mod outline;
mod report;
mod report_name;
mod report_text;
mod template;
mod whole;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::ValueEnum;

use crate::cli::{NewArgs, NewKind};
use crate::model;
use crate::open::{EXIT_BAD_INPUT, load, report_load_error};
use append::Spot;
pub use appending::add_position;
use appending::append_to;
use facts::facts;

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
