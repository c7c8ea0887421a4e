//! Field filters of the query: `kind:`, `status:`, `topic:`, `stance:`, `actor:`,
//! `place:`, `date:` and `sources:`, read with a did-you-mean for a value or a field mistyped.

use super::ChangedWhat;
use super::dates::DateFilter;
use super::normalise::word_texts;
use crate::model::{Basis, EntityKind, EventStatus, Stance, StickingStatus};

/// A field filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Kind(EntityKind),
    Status(String),
    Topic(String),
    Stance(String),
    /// `stated` or `inferred`: entities with a position or quote on that basis.
    Basis(String),
    /// `changed:new`, `changed:changed`, `changed:stance`, `changed:any`: what changed since
    /// the dossier `--since` names.
    Changed(ChangedWhat),
    /// Entities linked to the actors these words name (by id, name or alias), or to
    /// actors that represent them.
    Actor(Vec<String>),
    /// Entities at or about the places these words name, or places inside them.
    Place(Vec<String>),
    Date(DateFilter),
    /// `is:starred`, `is:noted`: the analyst's stars and notes.
    Is(Is),
    /// `note:WORDS`: entities whose analyst's note has these words (each as a word or the
    /// start of one).
    Note(Vec<String>),
    /// `sources:N`, `sources:>N`: how many distinct sources back a claim or an entity
    /// (docs/decisions.md "How many sources").
    Sources(SourceCount),
}

/// How many sources `sources:` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceCount {
    /// `sources:N` (`sources:0`: nothing cited).
    Exactly(usize),
    /// `sources:>N`.
    MoreThan(usize),
}

impl SourceCount {
    pub fn admits(self, count: usize) -> bool {
        match self {
            SourceCount::Exactly(n) => count == n,
            SourceCount::MoreThan(n) => count > n,
        }
    }

    fn parse(value: &str) -> Result<SourceCount, QueryError> {
        let (more, digits) = match value.strip_prefix('>') {
            Some(rest) => (true, rest),
            None => (false, value),
        };
        let number = (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse::<usize>().ok())
            .flatten();
        match number {
            Some(n) if more => Ok(SourceCount::MoreThan(n)),
            Some(n) => Ok(SourceCount::Exactly(n)),
            None => Err(QueryError(format!(
                "sources: needs a number, e.g. sources:1 (one source), sources:>1 (more than \
                 one) or sources:0 (none); \"{}\" is not one",
                crate::text::sanitize_line(value)
            ))),
        }
    }
}

/// What `is:` asks of the analyst's layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Is {
    Starred,
    Noted,
}

/// A query that cannot be read, with a short hint for the search bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

pub(crate) const FILTERS: &str = "kind:, status:, topic:, stance:, basis:, actor:, place:, date:, changed:, is:, note:, sources:";

pub(super) fn parse_filter(field: &str, raw: &str) -> Result<Filter, QueryError> {
    let lowered = raw.to_lowercase();
    let value = lowered.as_str();
    if value.is_empty() {
        return Err(QueryError(format!(
            "{field}: needs a value, e.g. {}",
            example(field)
        )));
    }
    match field {
        "kind" => parse_kind(value).map(Filter::Kind),
        "status" => {
            let known: Vec<&str> = EventStatus::VALUES
                .iter()
                .chain(StickingStatus::VALUES)
                .copied()
                .collect();
            one_of("status", value, &known).map(Filter::Status)
        }
        "stance" => one_of("stance", value, Stance::VALUES).map(Filter::Stance),
        "basis" => one_of("basis", value, Basis::VALUES).map(Filter::Basis),
        "changed" => one_of("changed", value, ChangedWhat::VALUES)
            .map(|v| Filter::Changed(ChangedWhat::parse(&v).unwrap_or(ChangedWhat::Any))),
        "topic" => Ok(Filter::Topic(value.to_string())),
        "actor" => named(field, value).map(Filter::Actor),
        "place" => named(field, value).map(Filter::Place),
        "date" => DateFilter::parse(raw).map(Filter::Date).map_err(|err| {
            QueryError(format!(
                "date: {err} (e.g. date:2025, date:2025-11, date:>=2025-11, date:<=2025-03-04; \
                 undated events never match)"
            ))
        }),
        "is" => parse_is(value),
        "note" => named(field, value).map(Filter::Note),
        "sources" => SourceCount::parse(value).map(Filter::Sources),
        other => {
            let names: Vec<&str> = FILTERS
                .split(", ")
                .map(|f| f.trim_end_matches(':'))
                .collect();
            let what = format!("unknown filter \"{other}:\"");
            Err(unknown(
                &what,
                did_you_mean(other, &names, ":"),
                "filters are",
                FILTERS,
            ))
        }
    }
}

/// `value` if it is one of `known`, else what it may have meant and every value.
fn one_of(what: &str, value: &str, known: &[&str]) -> Result<String, QueryError> {
    if known.contains(&value) {
        return Ok(value.to_string());
    }
    let what = format!("unknown {what} \"{value}\"");
    Err(unknown(
        &what,
        did_you_mean(value, known, ""),
        "use",
        &known.join(", "),
    ))
}

/// `is:starred`, `is:noted`: the analyst's stars and notes.
fn parse_is(value: &str) -> Result<Filter, QueryError> {
    match value {
        "starred" => Ok(Filter::Is(Is::Starred)),
        "noted" => Ok(Filter::Is(Is::Noted)),
        _ => {
            let what = format!("unknown is:{value}");
            let hint = did_you_mean(value, &["starred", "noted"], "");
            Err(unknown(&what, hint, "use", "is:starred, is:noted"))
        }
    }
}

/// The folded words of an `actor:` or `place:` value.
fn named(field: &str, value: &str) -> Result<Vec<String>, QueryError> {
    let words = word_texts(value);
    if words.is_empty() {
        return Err(QueryError(format!(
            "{field}: needs a name or id, e.g. {}",
            example(field)
        )));
    }
    Ok(words)
}

/// The known value closest to a mistyped one, if any is close, written with `suffix`.
fn did_you_mean(wanted: &str, known: &[&str], suffix: &str) -> Option<String> {
    crate::model::closest(wanted, known).map(|best| format!("{best}{suffix}"))
}

/// "unknown X: use a, b" or, with a suggestion, "unknown X: did you mean a? Use a, b".
fn unknown(what: &str, suggestion: Option<String>, lead: &str, all: &str) -> QueryError {
    QueryError(match suggestion {
        Some(best) => {
            let lead = crate::text::capitalised(lead);
            format!("{what}: did you mean {best}? {lead} {all}")
        }
        None => format!("{what}: {lead} {all}"),
    })
}

fn example(field: &str) -> &'static str {
    match field {
        "kind" => "kind:event",
        "status" => "status:planned",
        "stance" => "stance:opposes",
        "basis" => "basis:inferred",
        "changed" => "changed:any",
        "topic" => "topic:territory",
        "place" => "place:donetsk",
        "date" => "date:2025-11",
        "is" => "is:starred",
        "note" => "note:guarantees",
        "sources" => "sources:1",
        _ => "actor:putin",
    }
}

fn parse_kind(value: &str) -> Result<EntityKind, QueryError> {
    match value {
        "actor" | "actors" => Ok(EntityKind::Actor),
        "event" | "events" => Ok(EntityKind::Event),
        "sticking-point" | "sticking-points" | "point" | "points" => Ok(EntityKind::StickingPoint),
        "place" | "places" => Ok(EntityKind::Place),
        other => {
            let kinds = ["event", "actor", "sticking-point", "place"];
            let what = format!("unknown kind \"{other}\"");
            let all = "event, actor, sticking-point or place";
            Err(unknown(&what, did_you_mean(other, &kinds, ""), "use", all))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::Query;

    fn hint(query: &str) -> String {
        Query::parse(query).err().map(|e| e.0).unwrap_or_default()
    }

    #[test]
    fn sources_takes_a_count_or_more_than_a_count() {
        let parsed = |value: &str| parse_filter("sources", value);
        assert_eq!(parsed("1"), Ok(Filter::Sources(SourceCount::Exactly(1))));
        assert_eq!(parsed("0"), Ok(Filter::Sources(SourceCount::Exactly(0))));
        assert_eq!(parsed(">1"), Ok(Filter::Sources(SourceCount::MoreThan(1))));
        assert!(SourceCount::Exactly(1).admits(1) && !SourceCount::Exactly(1).admits(2));
        assert!(SourceCount::MoreThan(1).admits(2) && !SourceCount::MoreThan(1).admits(1));
        assert!(SourceCount::Exactly(0).admits(0));
    }

    #[test]
    fn a_sources_value_that_is_no_count_is_said() {
        let said = |value: &str| {
            format!(
                "sources: needs a number, e.g. sources:1 (one source), sources:>1 (more than \
                 one) or sources:0 (none); \"{value}\" is not one"
            )
        };
        assert_eq!(hint("sources:x"), said("x"));
        assert_eq!(hint("sources:>"), said(">"));
        assert_eq!(hint("sources:-1"), said("-1"));
        assert_eq!(hint("sources:>=2"), said(">=2"));
        assert_eq!(hint("sources:1.5"), said("1.5"));
        assert_eq!(hint("sources:"), "sources: needs a value, e.g. sources:1");
        assert_eq!(
            hint("source:1"),
            "unknown filter \"source:\": did you mean sources:? Filters are kind:, status:, \
             topic:, stance:, basis:, actor:, place:, date:, changed:, is:, note:, sources:"
        );
    }
}
