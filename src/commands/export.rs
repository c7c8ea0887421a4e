//! `talks export`: the same bytes the explorer writes for the same view.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::{ExportArgs, ExportView};
use crate::export::{ExportOptions, Format, Scope, ViewSpec, WriteError};
use crate::export::{render_with, timestamp_now, write_atomic};
use crate::model::{EntityRef, Loaded};
use crate::notes::Notes;
use crate::search::{Query, Results, SearchEngine};
use crate::text::sanitize_line;

fn format_of(args: &ExportArgs) -> Format {
    args.format.unwrap_or_else(|| {
        args.output
            .as_deref()
            .and_then(Format::from_path)
            .unwrap_or(Format::Text)
    })
}

/// `-o notes.md --format txt`: the file's extension and the format disagree.
fn format_mismatch(args: &ExportArgs) -> Option<String> {
    let asked = args.format?;
    let path = args.output.as_deref()?;
    let by_name = Format::from_path(path).filter(|&f| f != asked)?;
    Some(format!(
        "-o {} is a .{} file by its name but --format {} was given: change one of them",
        crate::text::shown_path(path),
        by_name.extension(),
        asked.extension()
    ))
}

/// The view the arguments describe, or the message saying why there is none.
fn scope_of(loaded: &Loaded, args: &ExportArgs, notes: &Notes) -> Result<Scope, (u8, String)> {
    let text = args.query.as_deref().unwrap_or_default();
    let engine = SearchEngine::with_notes(&loaded.dossier, &loaded.index, Some(notes));
    let list = match args.view {
        None => return Ok(Scope::Briefing),
        Some(ExportView::Matrix) => {
            return Ok(Scope::matrix(loaded, text, &page_results(&engine, text)));
        }
        Some(ExportView::Timeline) => {
            return Ok(Scope::timeline(loaded, text, &page_results(&engine, text)));
        }
        Some(ExportView::Sources) => {
            return Ok(Scope::sources(loaded, text, &page_results(&engine, text)));
        }
        Some(ExportView::List(list)) => list,
    };
    let query = Query::parse(text).map_err(|err| {
        (
            super::EXIT_BAD_INPUT,
            format!("cannot read the query: {err}"),
        )
    })?;
    let results = engine.search(&query);
    let selected = match &args.select {
        Some(id) => Some(loaded.index.get(id).ok_or_else(|| {
            (
                super::EXIT_NOT_FOUND,
                format!(
                    "no entity with the id \"{}\" in {}",
                    sanitize_line(id),
                    loaded.name
                ),
            )
        })?),
        None => results.ranked(list).first().map(|hit| EntityRef {
            kind: list,
            index: hit.index,
        }),
    };
    Ok(Scope::View(ViewSpec::new(list, text, &results, selected)))
}

/// What a page shows for `text`: a query that does not parse filters nothing there, where a
/// list's is refused.
fn page_results(engine: &SearchEngine, text: &str) -> Results {
    let query = Query::parse(text).unwrap_or_default();
    engine.search(&query)
}

/// The analyst's notes beside the dossier: those `--query` (`is:starred`) searches, and
/// those `--notes` adds. A notes file that cannot be read is an error only with `--notes`.
fn notes_of(args: &ExportArgs) -> Result<Notes, ExitCode> {
    let opened = crate::notes::file::open(args.dossier.path());
    match opened.error {
        Some(error) if args.notes => {
            crate::say!(
                "talks: cannot read the notes: {}; fix the notes file or leave out --notes",
                sanitize_line(&error)
            );
            Err(ExitCode::from(super::EXIT_BAD_INPUT))
        }
        _ => Ok(opened.notes),
    }
}

/// `text` (an export of `scope`) followed by what changed since `old` in what it holds.
fn with_changes(
    text: String,
    (old, new): (&Loaded, &Loaded),
    scope: &Scope,
    format: Format,
) -> String {
    let kept = kept_of(new, scope);
    let changes = crate::changes::compare(old, new).restricted(|kind, id| match &kept {
        None => true,
        Some(kept) => kept.contains(&(kind.to_string(), id.to_string())),
    });
    let sides = crate::changes::render::Sides {
        old: &old.name,
        new: &new.name,
    };
    let part = crate::changes::render::render(&changes, &sides, format);
    if format != Format::Json {
        return format!("{text}\n{part}");
    }
    match (
        serde_json::from_str::<serde_json::Value>(&text),
        serde_json::from_str(&part),
    ) {
        (Ok(serde_json::Value::Object(mut export)), Ok(changes)) => {
            export.insert("changes".into(), changes);
            crate::text::json_pretty(&export)
        }
        _ => text,
    }
}

/// The (kind, id) of everything `scope` holds; `None`: the whole dossier.
fn kept_of(loaded: &Loaded, scope: &Scope) -> Option<std::collections::HashSet<(String, String)>> {
    let d = &loaded.dossier;
    let entity = |e: EntityRef| (e.kind.slug().to_string(), d.id_of(e).to_string());
    let of = |kind: crate::model::EntityKind, list: &[usize]| {
        list.iter()
            .map(|&index| entity(EntityRef::new(kind, index)))
            .collect::<Vec<_>>()
    };
    use crate::model::EntityKind::{Actor, Event, StickingPoint};
    Some(match scope {
        Scope::Briefing => return None,
        Scope::View(view) => view.entries.iter().map(|&e| entity(e)).collect(),
        Scope::Marked(marked) => marked.iter().map(|&e| entity(e)).collect(),
        Scope::Matrix { matrix, .. } => {
            let mut kept = of(Actor, &matrix.rows);
            kept.extend(of(StickingPoint, &matrix.columns));
            kept.into_iter().collect()
        }
        Scope::Timeline { timeline, .. } => {
            let events: Vec<usize> = timeline.rows.iter().map(|r| r.event).collect();
            of(Event, &events).into_iter().collect()
        }
        Scope::Sources { sources, .. } => sources
            .rows
            .iter()
            .map(|row| ("source".to_string(), d.sources[row.source].id.clone()))
            .collect(),
    })
}

pub fn run(out: &mut impl Write, loaded: &Loaded, args: &ExportArgs) -> io::Result<ExitCode> {
    if let Some(message) = format_mismatch(args) {
        crate::say!("talks: {message}");
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    let notes = match notes_of(args) {
        Ok(notes) => notes,
        Err(code) => return Ok(code),
    };
    let scope = match scope_of(loaded, args, &notes) {
        Ok(scope) => scope,
        Err((code, message)) => {
            crate::say!("talks: {message}");
            return Ok(ExitCode::from(code));
        }
    };
    let format = format_of(args);
    let stamp = (!args.no_timestamp).then(timestamp_now);
    let options = ExportOptions {
        width: args.width,
        brief: args.brief,
        notes: args.notes.then_some(&notes),
        ..ExportOptions::new(format, stamp.as_deref())
    };
    let mut text = render_with(loaded, &scope, &options);
    if let Some(spec) = &args.since {
        let old = match super::read_version(spec) {
            Ok(old) => old,
            Err(code) => return Ok(code),
        };
        text = with_changes(text, (&old, loaded), &scope, format);
    }
    // `-o -` is standard output, as for most tools.
    let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    match write_atomic(path, text.as_bytes(), args.force) {
        Ok(written) => {
            crate::say!(
                "Wrote {} to {}",
                written.size(),
                crate::text::shown_path(&written.path)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(WriteError::Exists(path)) => {
            crate::say!(
                "talks: {} already exists; use --force to overwrite it",
                crate::text::shown_path(&path)
            );
            Ok(ExitCode::FAILURE)
        }
        Err(err) => {
            crate::say!("talks: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
