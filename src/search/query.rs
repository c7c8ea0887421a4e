//! The query language, as fzf users know it, plus field filters.
//!
//! Space-separated terms are ANDed; `a | b` is an OR; `'exact`, `^prefix`, `suffix$` and
//! `!negation` work as in fzf; `kind:`, `status:`, `topic:`, `stance:` and `actor:` filter
//! by field.

use crate::model::{EntityKind, EventStatus, Stance, StickingStatus};

/// How one term matches text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMatch {
    /// Fuzzy (subsequence) on names, titles, aliases and roles; by word on long text.
    Fuzzy(String),
    /// `'word`: the exact substring anywhere.
    Exact(String),
    /// `^word`: a name, title or alias starts with it.
    Prefix(String),
    /// `word$`: a name, title or alias ends with it.
    Suffix(String),
}

/// A field filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    Kind(EntityKind),
    Status(String),
    Topic(String),
    Stance(String),
    /// Entities linked to the actors this names (by id, name or alias).
    Actor(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    Text(TextMatch),
    Filter(Filter),
}

/// One term, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub negated: bool,
    pub kind: TermKind,
}

/// Terms joined by `|`: at least one must hold.
pub(crate) type Alternatives = Vec<Term>;

/// A parsed query: every group must hold. Text is lowercased (matching ignores case).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub groups: Vec<Alternatives>,
}

/// A query that cannot be read, with a short hint for the search bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct QueryError(pub String);

const FILTERS: &str = "kind:, status:, topic:, stance:, actor:";

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let mut groups: Vec<Alternatives> = Vec::new();
        let mut joining = false;
        for token in input.split_whitespace() {
            if token == "|" {
                if groups.is_empty() || joining {
                    return Err(QueryError("'|' needs a term on each side".into()));
                }
                joining = true;
                continue;
            }
            let term = parse_term(token)?;
            match groups.last_mut() {
                Some(group) if joining => group.push(term),
                _ => groups.push(vec![term]),
            }
            joining = false;
        }
        if joining {
            return Err(QueryError("'|' needs a term on each side".into()));
        }
        Ok(Query { groups })
    }
}

fn parse_term(token: &str) -> Result<Term, QueryError> {
    let (negated, rest) = match token.strip_prefix('!') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    if rest.is_empty() {
        return Err(QueryError("'!' needs a word after it".into()));
    }
    if let Some((field, value)) = rest.split_once(':')
        && !field.is_empty()
        && field.chars().all(|c| c.is_ascii_alphabetic())
    {
        let filter = parse_filter(&field.to_lowercase(), &value.to_lowercase())?;
        return Ok(Term {
            negated,
            kind: TermKind::Filter(filter),
        });
    }
    let lower = rest.to_lowercase();
    let text = if let Some(word) = lower.strip_prefix('\'') {
        TextMatch::Exact(non_empty(word, "'")?)
    } else if let Some(word) = lower.strip_prefix('^') {
        TextMatch::Prefix(non_empty(word, "^")?)
    } else if let Some(word) = lower.strip_suffix('$') {
        TextMatch::Suffix(non_empty(word, "$")?)
    } else if negated {
        // As in fzf, a negated word is matched exactly: "!fire" excludes items containing it.
        TextMatch::Exact(lower)
    } else {
        TextMatch::Fuzzy(lower)
    };
    Ok(Term {
        negated,
        kind: TermKind::Text(text),
    })
}

fn non_empty(word: &str, marker: &str) -> Result<String, QueryError> {
    if word.is_empty() {
        Err(QueryError(format!("'{marker}' needs a word with it")))
    } else {
        Ok(word.to_string())
    }
}

fn parse_filter(field: &str, value: &str) -> Result<Filter, QueryError> {
    if value.is_empty() {
        return Err(QueryError(format!(
            "{field}: needs a value, e.g. {}",
            example(field)
        )));
    }
    match field {
        "kind" => parse_kind(value).map(Filter::Kind),
        "status" => {
            let known = EventStatus::VALUES.iter().chain(StickingStatus::VALUES);
            if known.clone().any(|v| *v == value) {
                Ok(Filter::Status(value.to_string()))
            } else {
                let all: Vec<&str> = known.copied().collect();
                let what = format!("unknown status \"{value}\"");
                Err(unknown(
                    &what,
                    did_you_mean(value, &all, ""),
                    "use",
                    &all.join(", "),
                ))
            }
        }
        "stance" => {
            if Stance::VALUES.contains(&value) {
                Ok(Filter::Stance(value.to_string()))
            } else {
                let what = format!("unknown stance \"{value}\"");
                let hint = did_you_mean(value, Stance::VALUES, "");
                Err(unknown(&what, hint, "use", &Stance::VALUES.join(", ")))
            }
        }
        "topic" => Ok(Filter::Topic(value.to_string())),
        "actor" => Ok(Filter::Actor(value.to_string())),
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
        "topic" => "topic:territory",
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

    fn text(negated: bool, m: TextMatch) -> Term {
        Term {
            negated,
            kind: TermKind::Text(m),
        }
    }

    #[test]
    fn parses_fzf_syntax() {
        let q = Query::parse("Donbas 'sec ^pok krem$ !fire").unwrap_or_default();
        assert_eq!(
            q.groups,
            vec![
                vec![text(false, TextMatch::Fuzzy("donbas".into()))],
                vec![text(false, TextMatch::Exact("sec".into()))],
                vec![text(false, TextMatch::Prefix("pok".into()))],
                vec![text(false, TextMatch::Suffix("krem".into()))],
                vec![text(true, TextMatch::Exact("fire".into()))],
            ]
        );
    }

    #[test]
    fn parses_or_groups_and_filters() {
        let q = Query::parse("nato | donbas kind:event !status:held").unwrap_or_default();
        assert_eq!(q.groups.len(), 3);
        assert_eq!(q.groups[0].len(), 2);
        assert_eq!(
            q.groups[1][0].kind,
            TermKind::Filter(Filter::Kind(EntityKind::Event))
        );
        assert!(q.groups[2][0].negated);
    }

    #[test]
    fn malformed_queries_give_hints() {
        let hint = |q: &str| Query::parse(q).unwrap_err().0;
        assert_eq!(hint("| a"), "'|' needs a term on each side");
        assert_eq!(hint("a |"), "'|' needs a term on each side");
        assert_eq!(hint("!"), "'!' needs a word after it");
        assert_eq!(hint("'"), "''' needs a word with it");
        assert_eq!(hint("kind:"), "kind: needs a value, e.g. kind:event");
        assert_eq!(
            hint("kind:person"),
            "unknown kind \"person\": use event, actor, sticking-point or place"
        );
        assert!(hint("stance:maybe").starts_with("unknown stance \"maybe\""));
        assert!(hint("colour:red").starts_with("unknown filter \"colour:\": filters are"));
        assert_eq!(
            hint("stat:held"),
            "unknown filter \"stat:\": did you mean status:? Filters are kind:, status:, topic:, stance:, actor:"
        );
        assert!(
            hint("stance:oppose")
                .starts_with("unknown stance \"oppose\": did you mean opposes? Use")
        );
        assert!(hint("kind:evnt").starts_with("unknown kind \"evnt\": did you mean event? Use"));
    }

    #[test]
    fn empty_query_has_no_groups() {
        assert!(Query::parse("   ").unwrap_or_default().is_empty());
    }
}
