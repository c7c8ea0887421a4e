//! The non-interactive commands: validate, list, show, search, filter, export, new, diff,
//! init, config check, completions. Data goes to
//! stdout so it pipes; messages go to stderr.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::CommandFactory;
use serde_json::Value;

use crate::cli::{Cli, Command, ConfigCommand, DataArgs};
use crate::detail::detail;
use crate::export::{Format, Scope, ViewSpec, detail_text, entity_value};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::open::{load, report_load_error};
use crate::text::sanitize_line;

mod cache;
mod config;
mod diff;
mod documents;
mod export;
mod filter;
mod init;
mod new;
mod notes;
mod search;
mod since;
mod unknown_id;
mod validate;

pub use new::add_position;

/// Exit code for a lookup that found nothing.
pub(crate) const EXIT_NOT_FOUND: u8 = 1;

/// Exit status for output to a closed pipe (128 + SIGPIPE, as git and the shell give).
pub const EXIT_BROKEN_PIPE: u8 = 141;

/// Runs one command. A closed pipe ends it quietly (status 141); any other failed write
/// (a full disk) is one line on stderr and status 1.
pub fn run(command: Command) -> ExitCode {
    // A command ended by a signal leaves no temporary file (the explorer has its own
    // handler, which restores the terminal too).
    if let Err(err) = crate::fsio::signals::remove_temporaries_on_signals() {
        crate::say!("talks: cannot watch for signals: {err}");
    }
    let mut out = io::stdout().lock();
    let result = dispatch(command, &mut out).and_then(|code| out.flush().map(|()| code));
    drop(out);
    // The index cache is written once the output is.
    crate::open::finish_writes();
    match result {
        Ok(code) => code,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(EXIT_BROKEN_PIPE),
        Err(err) => {
            crate::say!("talks: cannot write the output: {err}");
            ExitCode::FAILURE
        }
    }
}

/// Runs `command`, its output to `out`.
fn dispatch(command: Command, out: &mut impl Write) -> io::Result<ExitCode> {
    let mut out = out;
    match command {
        Command::Validate {
            dossier,
            strict,
            source_text,
        } => validate::run(&mut out, dossier.path(), strict, &source_text),
        Command::Config { command } => {
            let file = command.and_then(|ConfigCommand::Check { file }| file);
            config::check(&mut out, file.as_deref())
        }
        Command::Cache { command } => cache::run(&mut out, command),
        Command::Init { path, empty } => init::run(&mut out, &path, empty),
        Command::Completions { shell } => {
            // Into a buffer first: clap_complete's own writes panic on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "talks", &mut script);
            out.write_all(&script).map(|()| ExitCode::SUCCESS)
        }
        Command::List {
            what,
            since,
            common,
        } => with_dossier(&common, true, |l| {
            match since::read(since.as_deref(), common.dossier.as_deref(), l) {
                Ok(since) => list(&mut out, l, what.0, &common, since.as_ref()),
                Err(code) => Ok(code),
            }
        }),
        Command::Show { id, common } => {
            with_dossier(&common, false, |l| show(&mut out, l, &id, &common))
        }
        Command::Filter {
            query,
            typos,
            limit,
            read0,
            print0,
        } => {
            let options = filter::FilterOptions {
                query,
                typos,
                limit,
                read0,
                print0,
                to_terminal: io::stdout().is_terminal(),
            };
            filter::run(&mut out, io::stdin().lock(), &options)
        }
        Command::New(args) => new::run(&mut out, &args),
        Command::Diff(args) => diff::run(&mut out, &args),
        Command::Export(args) => match load(args.dossier.path()) {
            Ok(loaded) => export::run(&mut out, &loaded, &args),
            Err(err) => Ok(report_load_error(&err)),
        },
        Command::Notes(args) => notes::load_and_run(&mut out, &args),
        Command::Search {
            query,
            kind,
            limit,
            since,
            common,
        } => with_dossier(&common, true, |l| {
            let asked = search::Asked {
                text: &query,
                kind,
                limit,
                since: since.as_deref(),
            };
            search::run(&mut out, l, &asked, &common)
        }),
    }
}

/// `body` on the dossier `args` name, once the format asked is one the command has
/// (`tables`: whether it prints a table, so CSV and TSV).
fn with_dossier(
    args: &DataArgs,
    tables: bool,
    body: impl FnOnce(&Loaded) -> io::Result<ExitCode>,
) -> io::Result<ExitCode> {
    if let Some(message) = documents::refusal(tables, args) {
        crate::say!("talks: {message}");
        return Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT));
    }
    match load(args.dossier.as_deref()) {
        Ok(loaded) => body(&loaded),
        Err(err) => Ok(report_load_error(&err)),
    }
}

fn list(
    out: &mut impl Write,
    loaded: &Loaded,
    kind: EntityKind,
    args: &DataArgs,
    since: Option<&since::Comparison>,
) -> io::Result<ExitCode> {
    let entities: Vec<EntityRef> = (0..loaded.dossier.count(kind))
        .map(|index| EntityRef { kind, index })
        .collect();
    match args.format {
        Format::Json => {
            let items: Vec<Value> = entities
                .iter()
                .map(|&e| with_change(entity_value(loaded, e), since, e))
                .collect();
            writeln!(out, "{}", crate::text::json_pretty(&items))?;
        }
        Format::Text => {
            let facts: Vec<String> = entities
                .iter()
                .map(|&e| loaded.dossier.fact_of(e))
                .collect();
            let rows = Rows {
                with_kind: false,
                since,
            };
            write_rows_with(out, loaded, (&entities, &facts), &rows)?;
        }
        _ => {
            let view = ViewSpec {
                list: kind,
                query: String::new(),
                entries: entities,
                selected: None,
            };
            documents::write(out, loaded, &Scope::View(view), args, since)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `value` (a JSON row of `entity`) with how it changed (`"change": "new"`, `"changed"`,
/// `"stance"`) when there is a comparison and it did.
fn with_change(mut value: Value, since: Option<&since::Comparison>, entity: EntityRef) -> Value {
    let word = since.and_then(|s| s.change_word(entity));
    if let (Some(word), Value::Object(map)) = (word, &mut value) {
        map.insert("change".into(), Value::from(word));
    }
    value
}

/// How rows are written: with each entity's kind first, with a change marker (`--since`).
struct Rows<'a> {
    with_kind: bool,
    since: Option<&'a since::Comparison>,
}

/// One aligned row per entity: (a change marker), id, name, and its fact (sanitised), from
/// `facts`.
fn write_rows_with(
    out: &mut impl Write,
    loaded: &Loaded,
    (entities, facts): (&[EntityRef], &[String]),
    rows: &Rows,
) -> io::Result<()> {
    let with_kind = rows.with_kind;
    let d = &loaded.dossier;
    let kind_width = entities
        .iter()
        .filter(|_| with_kind)
        .map(|e| e.kind.slug().len() + 2)
        .max()
        .unwrap_or(0);
    let id_width = entities
        .iter()
        .map(|&e| d.id_of(e).len())
        .max()
        .unwrap_or(0);
    let names: Vec<String> = entities
        .iter()
        .map(|&e| sanitize_line(d.name_of(e)).into_owned())
        .collect();
    let name_width = names
        .iter()
        .map(|n| crate::text::width(n.as_str()))
        .max()
        .unwrap_or(0);
    for ((&entity, name), fact) in entities.iter().zip(&names).zip(facts) {
        let pad = name_width - crate::text::width(name.as_str());
        let fact = sanitize_line(fact);
        let kind = if with_kind {
            format!("{}  ", entity.kind.slug())
        } else {
            String::new()
        };
        let marker = rows
            .since
            .map(|s| format!("{} ", s.marker(entity)))
            .unwrap_or_default();
        writeln!(
            out,
            "{marker}{kind:kind_width$}{:id_width$}  {name}{}  {fact}",
            d.id_of(entity),
            " ".repeat(pad)
        )?;
    }
    Ok(())
}

fn show(out: &mut impl Write, loaded: &Loaded, id: &str, args: &DataArgs) -> io::Result<ExitCode> {
    let Some(entity) = loaded.index.get(id) else {
        crate::say!("talks: {}", unknown_id::said(loaded, id));
        return Ok(ExitCode::from(EXIT_NOT_FOUND));
    };
    let view = detail(&loaded.dossier, &loaded.index, entity);
    match args.format {
        Format::Text => write!(out, "{}", detail_text(&view, 80))?,
        Format::Json => {
            let value = crate::export::entity_with_links(loaded, entity);
            writeln!(out, "{}", crate::text::json_pretty(&value))?;
        }
        _ => documents::write(out, loaded, &Scope::Detail(entity), args, None)?,
    }
    Ok(ExitCode::SUCCESS)
}
