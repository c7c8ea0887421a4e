//! The query language, as fzf users know it, plus field filters.
//!
//! Space-separated terms are ANDed; `a | b` is an OR; `'exact`, `^prefix`, `suffix$` and
//! `!negation` work as in fzf; `"two words"` (or `two-words`) matches the words adjacent
//! and in order; `kind:`, `status:`, `topic:`, `stance:`, `actor:`, `place:`, `date:` and
//! `sources:` filter by field. Words are folded as the dossier's are (case, diacritics, separators).

use super::normalise::word_texts;
use super::query_filters::{Filter, QueryError, SourceCount, parse_filter};

/// How one term matches text. Each holds the term's folded words (several: a phrase).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextMatch {
    /// Exact word, word prefix, fuzzy in short fields, and typos.
    Words(Vec<String>),
    /// `'word`: the words themselves, no prefix, no typo.
    Exact(Vec<String>),
    /// `^word`: a name, alias, id or role starts with it.
    Prefix(Vec<String>),
    /// `word$`: a name, alias, id or role ends with it.
    Suffix(Vec<String>),
}

impl TextMatch {
    pub fn words(&self) -> &[String] {
        match self {
            TextMatch::Words(w)
            | TextMatch::Exact(w)
            | TextMatch::Prefix(w)
            | TextMatch::Suffix(w) => w,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TermKind {
    Text(TextMatch),
    Filter(Filter),
}

/// One term, possibly negated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub(crate) negated: bool,
    pub(crate) kind: TermKind,
    /// The last term of the query: its last word is the one being typed, matched as a
    /// prefix with typos too.
    pub(crate) typing: bool,
}

/// Terms joined by `|`: at least one must hold.
pub(crate) type Alternatives = Vec<Term>;

/// A parsed query: every group must hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub(crate) groups: Vec<Alternatives>,
}

const NEEDS_SIDES: &str = "'|' needs a term on each side";

/// The most words and filters a query may have: each costs a pass over what its word
/// finds, and no question needs more.
pub(super) const MAX_QUERY_WORDS: usize = 64;

/// Splits the input at spaces outside double quotes.
fn tokens(input: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in input.char_indices() {
        if c == '"' {
            quoted = !quoted;
        }
        if c.is_whitespace() && !quoted {
            if let Some(s) = start.take() {
                found.push(&input[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    found.extend(start.map(|s| &input[s..]));
    found
}

impl Query {
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Whether a `changed:` filter is in the query: it needs a comparison to mean anything.
    pub fn uses_changed(&self) -> bool {
        self.groups
            .iter()
            .flatten()
            .any(|term| matches!(term.kind, TermKind::Filter(Filter::Changed(_))))
    }

    pub fn parse(input: &str) -> Result<Query, QueryError> {
        let mut groups: Vec<Alternatives> = Vec::new();
        let mut joining = false;
        let mut wordless = false;
        for token in tokens(input) {
            if token == "|" {
                if groups.is_empty() || joining {
                    return Err(QueryError(NEEDS_SIDES.into()));
                }
                joining = true;
                continue;
            }
            let Some(term) = parse_term(token)? else {
                wordless = true;
                continue;
            };
            match groups.last_mut() {
                Some(group) if joining => group.push(term),
                _ => groups.push(vec![term]),
            }
            joining = false;
        }
        if joining {
            return Err(QueryError(NEEDS_SIDES.into()));
        }
        if wordless && groups.is_empty() {
            return Err(nothing_to_search_for(input));
        }
        let words: usize = groups
            .iter()
            .flatten()
            .map(|term| match &term.kind {
                TermKind::Text(text) => text.words().len(),
                TermKind::Filter(_) => 1,
            })
            .sum();
        if words > MAX_QUERY_WORDS {
            return Err(QueryError(format!(
                "the query has {words} words and filters; at most {MAX_QUERY_WORDS} are searched"
            )));
        }
        if let Some(last) = groups.last_mut().and_then(|g| g.last_mut())
            && !last.negated
            && matches!(last.kind, TermKind::Text(TextMatch::Words(_)))
        {
            last.typing = true;
        }
        Ok(Query { groups })
    }

    /// The `sources:` filters that are a group of their own, each with whether it is
    /// negated: the ones a claim shown must meet too (a matrix's cells).
    pub(crate) fn claim_sources(&self) -> Vec<(bool, SourceCount)> {
        let alone = self
            .groups
            .iter()
            .filter_map(|group| match group.as_slice() {
                [term] => match term.kind {
                    TermKind::Filter(Filter::Sources(count)) => Some((term.negated, count)),
                    _ => None,
                },
                _ => None,
            });
        alone.collect()
    }

    /// Every word of the positive text terms (for highlighting and suggestions).
    pub(crate) fn text_terms(&self) -> impl Iterator<Item = (&Term, &TextMatch)> {
        self.groups
            .iter()
            .flatten()
            .filter_map(|term| match &term.kind {
                TermKind::Text(text) if !term.negated => Some((term, text)),
                _ => None,
            })
    }
}

/// The words of a term, its double quotes taken off (a closing one may be missing while
/// the user types).
fn phrase_words(text: &str) -> Vec<String> {
    let inner = text
        .strip_prefix('"')
        .map_or(text, |t| t.strip_suffix('"').unwrap_or(t));
    word_texts(inner)
}

/// One term; `None` for a term with no letters, digits or emoji (such as a lone `-`),
/// which every entity matches (a query of such terms alone is refused).
fn parse_term(token: &str) -> Result<Option<Term>, QueryError> {
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
        let filter = parse_filter(&field.to_lowercase(), value)?;
        return Ok(Some(Term {
            negated,
            kind: TermKind::Filter(filter),
            typing: false,
        }));
    }
    let text = if let Some(word) = rest.strip_prefix('\'') {
        TextMatch::Exact(non_empty(word, "'")?)
    } else if let Some(word) = rest.strip_prefix('^') {
        TextMatch::Prefix(non_empty(word, "^")?)
    } else if let Some(word) = rest.strip_suffix('$') {
        TextMatch::Suffix(non_empty(word, "$")?)
    } else {
        let words = phrase_words(rest);
        if words.is_empty() {
            return Ok(None);
        }
        TextMatch::Words(words)
    };
    Ok(Some(Term {
        negated,
        kind: TermKind::Text(text),
        typing: false,
    }))
}

/// A query typed whose terms hold nothing searchable (`"`, `—`): said, rather than read
/// as no query at all, which shows everything.
fn nothing_to_search_for(input: &str) -> QueryError {
    let shown = crate::text::sanitize_line(input.trim());
    QueryError(crate::text::cut_quoted(&format!(
        "nothing to search for in “{shown}”: a query needs letters, digits or emoji"
    )))
}

fn non_empty(word: &str, marker: &str) -> Result<Vec<String>, QueryError> {
    let words = phrase_words(word);
    if words.is_empty() {
        Err(QueryError(format!("'{marker}' needs a word with it")))
    } else {
        Ok(words)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn text(negated: bool, m: TextMatch) -> Term {
        Term {
            negated,
            kind: TermKind::Text(m),
            typing: false,
        }
    }

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(String::from).collect()
    }

    #[test]
    fn parses_fzf_syntax() {
        let q = Query::parse("Donbás 'sec ^pok krem$ !fire \"Two to  tango\" us–ukraine")
            .unwrap_or_default();
        let mut last = text(false, TextMatch::Words(words("us ukraine")));
        last.typing = true;
        assert_eq!(
            q.groups,
            vec![
                vec![text(false, TextMatch::Words(words("donbas")))],
                vec![text(false, TextMatch::Exact(words("sec")))],
                vec![text(false, TextMatch::Prefix(words("pok")))],
                vec![text(false, TextMatch::Suffix(words("krem")))],
                vec![text(true, TextMatch::Words(words("fire")))],
                vec![text(false, TextMatch::Words(words("two to tango")))],
                vec![last],
            ]
        );
        let open = Query::parse("\"two to").unwrap_or_default();
        assert_eq!(
            open.groups[0][0].kind,
            TermKind::Text(TextMatch::Words(words("two to")))
        );
        assert!(
            Query::parse("us - ukraine")
                .unwrap_or_default()
                .groups
                .len()
                == 2
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
            "unknown filter \"stat:\": did you mean status:? Filters are kind:, status:, topic:, stance:, basis:, actor:, place:, date:, changed:, is:, note:, sources:"
        );
        assert!(
            hint("stance:oppose")
                .starts_with("unknown stance \"oppose\": did you mean opposes? Use")
        );
        assert!(hint("kind:evnt").starts_with("unknown kind \"evnt\": did you mean event? Use"));
        assert_eq!(
            hint("date:2025-11-31"),
            "date: invalid date \"2025-11-31\": month 11 of 2025 has 30 days (e.g. date:2025, \
             date:2025-11, date:>=2025-11, date:<=2025-03-04; undated events never match)"
        );
        assert_eq!(
            hint("place:-"),
            "place: needs a name or id, e.g. place:donetsk"
        );
        let long = vec!["w"; 40].join(" ") + " \"" + &vec!["p"; 30].join(" ") + "\"";
        assert_eq!(
            hint(&long),
            "the query has 70 words and filters; at most 64 are searched"
        );
    }

    #[test]
    fn a_query_of_nothing_searchable_is_refused_and_an_empty_one_is_not() {
        let hint = |q: &str| Query::parse(q).unwrap_err().0;
        let said = |q: &str| {
            format!("nothing to search for in “{q}”: a query needs letters, digits or emoji")
        };
        for query in ["\"", "—", "- \" —", "\"\"", "…", "( )"] {
            assert_eq!(hint(query), said(query));
        }
        assert_eq!(hint("  —  "), said("—"));
        // A term of nothing beside a word is passed over, as before.
        assert_eq!(Query::parse("putin —").map(|q| q.groups.len()), Ok(1));
        assert_eq!(Query::parse("").map(|q| q.is_empty()), Ok(true));
        let emoji = Query::parse("👍🏽").map(|q| q.groups.len());
        assert_eq!(emoji, Ok(1), "an emoji is a word");
    }

    #[test]
    fn empty_query_has_no_groups() {
        assert!(Query::parse("   ").unwrap_or_default().is_empty());
    }
}
