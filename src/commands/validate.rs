//! `talks validate`: every problem of the dossier, then, when a source's text is given
//! (its `text:` or `--source-text`), the quotes citing it checked against that text.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::SourceTextArg;
use crate::model::{self, LoadError, Loaded, QuoteCheck, SourceText, render_all};
use crate::open::{EXIT_BAD_INPUT, counted, report_load_error};
use crate::text::{count_of, sanitize_line, shown_path};

pub(super) fn run(
    out: &mut impl Write,
    path: Option<&Path>,
    strict: bool,
    given: &[SourceTextArg],
) -> io::Result<ExitCode> {
    let (loaded, text) = match load_with_text(path) {
        Ok(both) => both,
        Err(err) => return Ok(report_load_error(&err)),
    };
    if !loaded.warnings.is_empty() {
        let unlisted = model::unlisted_note(loaded.unlisted_warnings);
        crate::say!("{}{unlisted}\n", render_all(&loaded.warnings));
    }
    let texts = match source_texts(&loaded, &text, path, given) {
        Ok(texts) => texts,
        Err(problems) => {
            crate::say!("{}\n", problems.join("\n\n"));
            crate::say!(
                "{}: the quotes were not checked",
                count_of(
                    problems.len(),
                    "source text cannot be used",
                    "source texts cannot be used"
                )
            );
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let quotes = (!texts.is_empty())
        .then(|| model::check_quotes(&loaded.name, &text, &loaded.dossier, &texts));
    let strict_fails = strict && loaded.warning_count() > 0;
    let quotes_fail = quotes.as_ref().is_some_and(|q| q.not_found > 0);
    let report = quotes.as_ref().map(quote_lines).unwrap_or_default();
    if let Some(quotes) = quotes.as_ref().filter(|q| !q.diagnostics.is_empty()) {
        crate::say!("{}\n", render_all(&quotes.diagnostics));
    }
    if strict_fails || quotes_fail {
        for line in &report {
            crate::say!("{line}");
        }
    }
    let name = sanitize_line(&loaded.name);
    if strict_fails {
        let warnings = counted(&[(loaded.warning_count(), "warning")]);
        crate::say!("{warnings}, treated as errors (--strict): {name} does not pass");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    if let Some(quotes) = quotes.filter(|q| q.not_found > 0) {
        let missing = count_of(quotes.not_found, "quote is", "quotes are");
        crate::say!("{name} does not pass: {missing} not in the text of the source cited");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    for line in &report {
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{name}: valid: {}", summary(&loaded))?;
    Ok(ExitCode::SUCCESS)
}

/// What the dossier holds, and its warnings.
fn summary(loaded: &Loaded) -> String {
    let d = &loaded.dossier;
    let mut summary = counted(&[
        (d.actors.len(), "actor"),
        (d.events.len(), "event"),
        (d.sticking_points.len(), "sticking point"),
        (d.places.len(), "place"),
        (d.sources.len(), "source"),
    ]);
    if !loaded.warnings.is_empty() {
        summary.push_str(&format!(
            " ({})",
            counted(&[(loaded.warning_count(), "warning")])
        ));
    }
    summary
}

/// The dossier and its text (to place the quotes' problems at their lines). A file or
/// standard input is read once.
fn load_with_text(path: Option<&Path>) -> Result<(Loaded, Cow<'static, str>), LoadError> {
    let (name, bytes) = match path {
        Some(path) if path.as_os_str() == "-" => {
            (model::STDIN_NAME.to_string(), model::read_stdin()?)
        }
        // A folder dossier: quotes are placed by path in it, not by line (its files are
        // many texts).
        Some(path) if path.is_dir() => return Ok((model::load_path(path)?, Cow::Borrowed(""))),
        Some(path) => {
            let read = model::read_path(path);
            let bytes = read.map_err(|err| crate::open::missing(path).unwrap_or(err))?;
            (shown_path(path), bytes)
        }
        None => return Ok((model::builtin()?, Cow::Borrowed(model::BUILTIN_TEXT))),
    };
    let mut text = model::decode(&name, bytes)?;
    let loaded = model::load_str(&name, &text)?;
    // Lines and columns are counted as the loader counts them: after a byte-order mark.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok((loaded, Cow::Owned(text)))
}

/// The texts given for the dossier's sources, by source id: `--source-text` first, then
/// `text:` (relative to the dossier's folder; to the current one for standard input and
/// the built-in dossier). Every text that cannot be used is a message in the error.
fn source_texts(
    loaded: &Loaded,
    dossier_text: &str,
    path: Option<&Path>,
    given: &[SourceTextArg],
) -> Result<HashMap<String, SourceText>, Vec<String>> {
    let mut texts = HashMap::new();
    let mut problems = Vec::new();
    given_texts(loaded, given, &mut texts, &mut problems);
    let folder = match path {
        Some(path) if path.is_dir() => path,
        Some(path) if path.as_os_str() != "-" => path.parent().unwrap_or(Path::new("")),
        _ => Path::new(""),
    };
    for (i, source) in loaded.dossier.sources.iter().enumerate() {
        let Some(relative) = &source.text else {
            continue;
        };
        if given.iter().any(|g| g.id == source.id) {
            continue;
        }
        let file = folder.join(relative);
        match model::read_source_text(&file) {
            Ok(text) => {
                texts.insert(source.id.clone(), text);
            }
            Err(reason) => {
                let message = format!(
                    "the text of the source \"{}\" cannot be read: {}: {reason}",
                    source.id,
                    shown_path(&file)
                );
                let at = format!("sources[{i}].text");
                let problem = model::problem_at(&loaded.name, dossier_text, &at, message);
                problems.push(problem.to_string());
            }
        }
    }
    if problems.is_empty() {
        Ok(texts)
    } else {
        Err(problems)
    }
}

/// The texts given by `--source-text`, into `texts`; what cannot be used, into `problems`.
fn given_texts(
    loaded: &Loaded,
    given: &[SourceTextArg],
    texts: &mut HashMap<String, SourceText>,
    problems: &mut Vec<String>,
) {
    let sources = &loaded.dossier.sources;
    for arg in given {
        let id = sanitize_line(&arg.id);
        if !sources.iter().any(|s| s.id == arg.id) {
            let known: Vec<&str> = sources.iter().map(|s| s.id.as_str()).collect();
            problems.push(format!(
                "talks: --source-text {id}={}: \"{id}\" is not a source of {}; its sources: {}",
                shown_path(&arg.path),
                sanitize_line(&loaded.name),
                known.join(", ")
            ));
            continue;
        }
        match model::read_source_text(&arg.path) {
            Ok(text) => {
                texts.insert(arg.id.clone(), text);
            }
            Err(reason) => problems.push(format!(
                "{}: error: cannot be used as the text of the source \"{id}\" (--source-text): \
                 {reason}",
                shown_path(&arg.path)
            )),
        }
    }
}

/// How many quotes were checked and found, and which were not checked, one line each.
fn quote_lines(check: &QuoteCheck) -> Vec<String> {
    let found = match check.not_found {
        0 => "all found".to_string(),
        n => format!("{n} not found"),
    };
    let mut lines = vec![format!(
        "{} checked against the text of the source cited: {found}",
        count_of(check.checked, "quote", "quotes")
    )];
    let mut unchecked = Vec::new();
    if check.without_text > 0 {
        let whose = match (check.without_text, check.sources_without_text.len()) {
            (1, _) => "its source has",
            (_, 1) => "their source has",
            _ => "their sources have",
        };
        unchecked.push(format!(
            "{} not checked: {whose} no text ({})",
            count_of(check.without_text, "quote", "quotes"),
            check.sources_without_text.join(", ")
        ));
    }
    if check.without_source > 0 {
        unchecked.push(format!(
            "{} no source",
            count_of(check.without_source, "quote cites", "quotes cite")
        ));
    }
    if !unchecked.is_empty() {
        lines.push(unchecked.join("; "));
    }
    lines
}
