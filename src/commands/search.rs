//! `talks search QUERY`: every kind's hits merged best first, each with where it matched;
//! for no hits, the dossier words nearest to the query's.

use crate::notes::file::{Opened, open};
use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::since::Comparison;
use super::{EXIT_NOT_FOUND, Rows, with_change, write_rows_with};
use crate::cli::DataArgs;
use crate::export::{Format, Scope};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::open::EXIT_BAD_INPUT;
use crate::search::{Field, Matched, Query, Results};
use crate::text::{ECHOED_CHARS, sanitize_line};

/// How wide a snippet of where an entity matched is, in characters.
const SNIPPET_CHARS: usize = 60;

/// One hit: its score, the entity, and where it matched.
struct Row {
    score: i64,
    entity: EntityRef,
    matched: Option<Matched>,
}

/// Every hit of the wanted kinds, best first; equal scores keep kind order, then dossier
/// order. The same ranking as the explorer's lists, merged.
fn hits(results: &Results, kind: Option<EntityKind>) -> Vec<(i64, EntityRef)> {
    let mut hits: Vec<(i64, EntityRef)> = EntityKind::ALL
        .iter()
        .filter(|&&k| kind.is_none_or(|want| want == k))
        .flat_map(|&k| {
            let sorted = results.sorted(k);
            sorted
                .into_iter()
                .map(move |h| (h.score, EntityRef::new(k, h.index)))
        })
        .collect();
    hits.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    hits
}

/// "quote: …two to tango…", or the entity's usual fact when the name holds the match.
fn why(loaded: &Loaded, row: &Row) -> String {
    match &row.matched {
        Some(m) if m.field != Field::Name => {
            let (snippet, _) = m.snippet(SNIPPET_CHARS);
            format!("{}: {snippet}", m.field.label(row.entity.kind))
        }
        _ => loaded.dossier.fact_of(row.entity),
    }
}

fn matched_json(row: &Row) -> Value {
    match &row.matched {
        Some(m) => {
            let (snippet, hits) = m.snippet(SNIPPET_CHARS);
            let hits: Vec<[usize; 2]> = hits.iter().map(|h| [h.start, h.end]).collect();
            json!({
                "field": m.field.label(row.entity.kind),
                "text": sanitize_line(&snippet),
                "hits": hits,
            })
        }
        None => Value::Null,
    }
}

/// Search hits as a JSON array of kind, id, name, score and where each matched.
fn rows_json(loaded: &Loaded, rows: &[Row], since: Option<&Comparison>) -> String {
    let items: Vec<Value> = rows
        .iter()
        .map(|row| {
            let e = row.entity;
            let value = json!({
                "kind": e.kind.slug(),
                "id": loaded.dossier.id_of(e),
                "name": loaded.dossier.name_of(e),
                "fact": loaded.dossier.fact_of(e),
                "score": row.score,
                "matched": matched_json(row),
            });
            with_change(value, since, e)
        })
        .collect();
    crate::text::json_pretty(&items)
}

/// "nothing matches \"nto\"; did you mean nato?"
pub(crate) fn nothing_matches(suggestions: &[String], text: &str) -> String {
    let text = echo(text);
    if suggestions.is_empty() {
        format!("nothing matches {text}")
    } else {
        let words = sanitize_line(&suggestions.join(", ")).into_owned();
        format!("nothing matches {text}; did you mean {words}?")
    }
}

/// The query in quotes for a message: double quotes, or single ones when it holds a
/// double quote; cut after [`ECHOED_CHARS`] characters.
fn echo(text: &str) -> String {
    let clean = sanitize_line(text);
    let mut cut: String = clean.chars().take(ECHOED_CHARS).collect();
    if clean.chars().count() > ECHOED_CHARS {
        cut.push('…');
    }
    if cut.contains('"') {
        format!("'{cut}'")
    } else {
        format!("\"{cut}\"")
    }
}

/// The query `text` stands for: `@name` (as its first word) is the saved search of that
/// name, `@@` a literal `@`.
pub(super) fn saved_query(text: &str, notes: &Opened) -> Result<String, String> {
    let trimmed = text.trim_start();
    if let Some(literal) = trimmed.strip_prefix("@@") {
        return Ok(format!("@{literal}"));
    }
    let Some(named) = trimmed.strip_prefix('@') else {
        return Ok(text.to_string());
    };
    let (name, rest) = named.split_once(char::is_whitespace).unwrap_or((named, ""));
    if let Some(error) = &notes.error {
        return Err(format!("cannot read the saved searches: {error}"));
    }
    let searches = &notes.notes.searches;
    match searches.get(name) {
        Some(query) => Ok(format!("{query} {rest}").trim().to_string()),
        None if searches.is_empty() => Err(format!(
            "no saved search @{}: none is saved yet (S in the explorer saves the query shown; \
             @@ searches for a literal @)",
            sanitize_line(name)
        )),
        None => {
            let saved: Vec<String> = searches.keys().map(|n| format!("@{n}")).collect();
            Err(format!(
                "no saved search @{}; saved: {} (@@ searches for a literal @)",
                sanitize_line(name),
                sanitize_line(&saved.join(", "))
            ))
        }
    }
}

/// What `talks search` was asked: the query, the kind, how many hits, `--since`.
pub(super) struct Asked<'a> {
    pub(super) text: &'a str,
    pub(super) kind: Option<EntityKind>,
    pub(super) limit: Option<usize>,
    pub(super) since: Option<&'a str>,
}

/// `talks search`: the analyst's notes beside the dossier give the saved searches
/// (`@name`), and the stars and notes the query may ask about; `--since` what `changed:`
/// finds (a saved search's too).
pub(super) fn run(
    out: &mut impl Write,
    loaded: &Loaded,
    asked: &Asked,
    common: &DataArgs,
) -> io::Result<ExitCode> {
    let notes = &open(common.dossier.as_deref());
    let text = match saved_query(asked.text, notes) {
        Ok(text) => text,
        Err(message) => {
            crate::say!("talks: {message}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let text = text.as_str();
    let query = match Query::parse(text) {
        Ok(query) => query,
        Err(err) => {
            crate::say!("talks: cannot read the query: {err}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    let since = match super::since::read(asked.since, common.dossier.as_deref(), loaded) {
        Ok(since) => since,
        Err(code) => return Ok(code),
    };
    if let Some(message) = super::since::refused(&query, since.as_ref()) {
        crate::say!("talks: {message}");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let engine = super::since::engine(loaded, Some(&notes.notes), since.as_ref());
    let results = engine.search(&query);
    let mut found = hits(&results, asked.kind);
    found.truncate(asked.limit.unwrap_or(usize::MAX));
    let rows: Vec<Row> = found
        .into_iter()
        .map(|(score, entity)| Row {
            score,
            entity,
            matched: engine.explain(&loaded.dossier, &loaded.index, &query, entity),
        })
        .collect();
    write_hits(out, loaded, (text, &rows), common, since.as_ref())?;
    if rows.is_empty() {
        crate::say!("talks: {}", nothing_matches(results.suggestions(), text));
        return Ok(ExitCode::from(EXIT_NOT_FOUND));
    }
    Ok(ExitCode::SUCCESS)
}

/// The hits in the format asked: txt and json of their own, the others as the export
/// writes what a search found.
fn write_hits(
    out: &mut impl Write,
    loaded: &Loaded,
    (text, rows): (&str, &[Row]),
    common: &DataArgs,
    since: Option<&Comparison>,
) -> io::Result<()> {
    match common.format {
        Format::Json => writeln!(out, "{}", rows_json(loaded, rows, since))?,
        Format::Text => {
            let entities: Vec<EntityRef> = rows.iter().map(|r| r.entity).collect();
            let whys: Vec<String> = rows.iter().map(|r| why(loaded, r)).collect();
            let style = Rows {
                with_kind: true,
                since,
            };
            write_rows_with(out, loaded, (&entities, &whys), &style)?;
        }
        _ => {
            let found = Scope::Found {
                query: text.trim().to_string(),
                entries: rows.iter().map(|r| r.entity).collect(),
            };
            super::documents::write(out, loaded, &found, common, since)?;
        }
    }
    Ok(())
}
