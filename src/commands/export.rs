//! `talks export`: the same bytes the explorer writes for the same view.

use std::io::{self, Write};
use std::process::ExitCode;

use super::since::Comparison;
use crate::cli::{ExportArgs, ExportView};
use crate::export::{ExportOptions, Format, Scope, ViewSpec};
use crate::export::{render_with, timestamp_now};
use crate::fsio::{WriteError, write_out};
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

/// Why the format asked for cannot hold what is asked: the brief or notes in a table, a
/// byte order mark on what is no table, the single-source appendix on what is no brief.
fn table_refusal(args: &ExportArgs, scope: &Scope, format: Format) -> Option<String> {
    if let Some(refusal) = scope.refusal(format) {
        return Some(refusal);
    }
    if args.notes && format.is_table() {
        return Some(format!(
            "--notes does not fit in a {} table: leave it out, or export as txt, md, json or html",
            format.describe()
        ));
    }
    if args.bom && !format.is_table() {
        return Some(format!(
            "--bom is for CSV and TSV, and this export is {}: leave it out",
            format.describe()
        ));
    }
    if args.single_source && *scope != Scope::Briefing {
        return Some(
            "--single-source adds an appendix to the brief: add --all, or leave it out".into(),
        );
    }
    None
}

/// The view the arguments describe, or the message saying why there is none.
fn scope_of(
    loaded: &Loaded,
    args: &ExportArgs,
    notes: &Notes,
    since: Option<&Comparison>,
) -> Result<Scope, (u8, String)> {
    let text = args.query.as_deref().unwrap_or_default();
    if let Some(message) = Query::parse(text)
        .ok()
        .and_then(|q| super::since::refused(&q, since))
    {
        return Err((crate::open::EXIT_BAD_INPUT, message));
    }
    let engine = super::since::engine(loaded, Some(notes), since);
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
            crate::open::EXIT_BAD_INPUT,
            format!("cannot read the query: {err}"),
        )
    })?;
    let results = engine.search(&query);
    let selected = match &args.select {
        Some(id) => Some(
            (loaded.index.get(id))
                .ok_or_else(|| (super::EXIT_NOT_FOUND, super::unknown_id::said(loaded, id)))?,
        ),
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
            Err(ExitCode::from(crate::open::EXIT_BAD_INPUT))
        }
        _ => Ok(opened.notes),
    }
}

pub(super) fn run(
    out: &mut impl Write,
    loaded: &Loaded,
    args: &ExportArgs,
) -> io::Result<ExitCode> {
    if let Some(message) = format_mismatch(args) {
        crate::say!("talks: {message}");
        return Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT));
    }
    let notes = match notes_of(args) {
        Ok(notes) => notes,
        Err(code) => return Ok(code),
    };
    let since = match super::since::read(args.since.as_deref(), args.dossier.path(), loaded) {
        Ok(since) => since,
        Err(code) => return Ok(code),
    };
    let scope = match scope_of(loaded, args, &notes, since.as_ref()) {
        Ok(scope) => scope,
        Err((code, message)) => {
            crate::say!("talks: {message}");
            return Ok(ExitCode::from(code));
        }
    };
    let format = format_of(args);
    if let Some(message) = table_refusal(args, &scope, format) {
        crate::say!("talks: {message}");
        return Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT));
    }
    let stamp = (!args.no_timestamp).then(timestamp_now);
    let options = ExportOptions {
        width: args.width,
        brief: args.brief,
        notes: args.notes.then_some(&notes),
        since: since.as_ref().map(|since| &since.old),
        bom: args.bom,
        single_source: args.single_source,
        ..ExportOptions::new(format, stamp.as_deref())
    };
    let text = render_with(loaded, &scope, &options);
    // `-o -` is standard output, as for most tools.
    let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") else {
        out.write_all(text.as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    };
    Ok(write_file(path, &text, args.force))
}

/// Writes `text` to `path` (over a file only with `force`) and says what was written.
fn write_file(path: &std::path::Path, text: &str, force: bool) -> ExitCode {
    match write_out(path, text.as_bytes(), force) {
        Ok(written) => {
            crate::say!(
                "Wrote {} to {}",
                written.size(),
                crate::text::shown_path(&written.path)
            );
            ExitCode::SUCCESS
        }
        Err(WriteError::Exists(path)) => {
            crate::say!(
                "talks: {} already exists; use --force to overwrite it",
                crate::text::shown_path(&path)
            );
            ExitCode::FAILURE
        }
        Err(err) => {
            crate::say!("talks: {err}");
            ExitCode::FAILURE
        }
    }
}
