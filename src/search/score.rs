//! How one document scores against a query: the best field for each term, weighted so that
//! a title hit ranks above an alias or role hit, and those above long text.

use super::document::Document;
use super::engine::SearchEngine;
use super::query::{Filter, Query, Term, TermKind, TextMatch};

const PRIMARY_WEIGHT: i64 = 4;
const SHORT_WEIGHT: i64 = 2;
const LINKED_WEIGHT: i64 = 1;
const WORD_SCORE: i64 = 12;

/// What a search works out once before scoring the documents, term by term.
pub(super) struct Prepared {
    /// For each `actor:` term, the actors it names (sorted).
    pub actor_sets: Vec<Vec<Vec<usize>>>,
    pub tables: Vec<Vec<std::sync::Arc<TermTable>>>,
}

/// How the texts match one fuzzy term.
pub(super) enum TermTable {
    /// Worked out for every distinct text at once: the score (`i32::MIN`: no match),
    /// whether the text starts with the term, and the texts that match at all.
    Whole {
        fuzzy: Vec<i32>,
        prefix: Vec<bool>,
        matched: Vec<u32>,
    },
    /// Worked out text by text, as documents ask (few documents to score).
    Direct,
}

impl TermTable {
    fn fuzzy(&self, engine: &SearchEngine, t: u32, word: &str) -> Option<i64> {
        match self {
            TermTable::Whole { fuzzy, .. } => {
                let score = fuzzy[t as usize];
                (score != i32::MIN).then_some(i64::from(score))
            }
            TermTable::Direct => engine.fuzzy_text(t, word),
        }
    }

    fn prefix(&self, engine: &SearchEngine, t: u32, word: &str) -> bool {
        match self {
            TermTable::Whole { prefix, .. } => prefix[t as usize],
            TermTable::Direct => engine.texts[t as usize].starts_with(word),
        }
    }
}

impl SearchEngine {
    /// For each `actor:` term, the actors it names: the one with that id, else every actor
    /// whose name or alias contains the word.
    pub(super) fn actor_sets(&self, query: &Query) -> Vec<Vec<Vec<usize>>> {
        let set = |term: &Term| {
            let TermKind::Filter(Filter::Actor(wanted)) = &term.kind else {
                return Vec::new();
            };
            let exact: Vec<usize> = (0..self.actor_keys.len())
                .filter(|&a| self.actor_keys[a][0] == *wanted)
                .collect();
            if !exact.is_empty() {
                return exact;
            }
            (0..self.actor_keys.len())
                .filter(|&a| {
                    self.actor_keys[a]
                        .iter()
                        .any(|k| k.contains(wanted.as_str()))
                })
                .collect()
        };
        query
            .groups
            .iter()
            .map(|group| group.iter().map(set).collect())
            .collect()
    }

    /// The document's score, or `None` if it does not match: every group must match, by
    /// its best alternative.
    pub(super) fn score(&self, doc: &Document, query: &Query, prepared: &Prepared) -> Option<i64> {
        let mut total = 0;
        let groups = query
            .groups
            .iter()
            .zip(&prepared.actor_sets)
            .zip(&prepared.tables);
        for ((group, sets), tables) in groups {
            let mut best: Option<i64> = None;
            for ((term, set), table) in group.iter().zip(sets).zip(tables) {
                let matched = self.term(doc, term, set, table);
                let outcome = match (matched, term.negated) {
                    (Some(_), true) => None,
                    (None, true) => Some(0),
                    (found, false) => found,
                };
                best = best.max(outcome);
            }
            total += best?;
        }
        Some(total)
    }

    fn term(
        &self,
        doc: &Document,
        term: &Term,
        actors: &[usize],
        table: &TermTable,
    ) -> Option<i64> {
        let text = |t: &u32| &*self.texts[*t as usize];
        let score_of = |word: &str| WORD_SCORE * word.chars().count() as i64;
        match &term.kind {
            TermKind::Filter(filter) => self.filter_matches(doc, filter, actors).then_some(0),
            TermKind::Text(TextMatch::Fuzzy(word)) => self.fuzzy(doc, word, table),
            TermKind::Text(TextMatch::Exact(word)) => {
                if text(&doc.primary).contains(word.as_str()) {
                    return Some(score_of(word) * PRIMARY_WEIGHT);
                }
                let elsewhere = doc
                    .short
                    .iter()
                    .chain(&doc.linked_names)
                    .any(|t| text(t).contains(word.as_str()))
                    || doc.long.contains(word.as_str());
                elsewhere.then(|| score_of(word))
            }
            TermKind::Text(TextMatch::Prefix(word) | TextMatch::Suffix(word)) => {
                let prefix = matches!(&term.kind, TermKind::Text(TextMatch::Prefix(_)));
                let fits = |t: &u32| {
                    let field = text(t);
                    if prefix {
                        field.starts_with(word.as_str())
                    } else {
                        field.ends_with(word.as_str())
                    }
                };
                if fits(&doc.primary) {
                    return Some(score_of(word) * PRIMARY_WEIGHT);
                }
                doc.short.iter().any(fits).then(|| score_of(word))
            }
        }
    }

    fn fuzzy(&self, doc: &Document, word: &str, table: &TermTable) -> Option<i64> {
        let score = |t: u32| table.fuzzy(self, t, word);
        let mut best = score(doc.primary).map(|s| s * PRIMARY_WEIGHT);
        for &t in doc.short.iter() {
            best = best.max(score(t).map(|s| s * SHORT_WEIGHT));
        }
        for &t in doc.linked_names.iter() {
            best = best.max(score(t).map(|s| s * LINKED_WEIGHT));
        }
        best.max(self.word_score(doc, word, table))
    }

    /// Long text matches word by word: a word starting with the term scores best, a word that
    /// contains it as a subsequence less.
    fn word_score(&self, doc: &Document, word: &str, table: &TermTable) -> Option<i64> {
        let mut best = None;
        for &w in doc.words.iter() {
            if table.prefix(self, w, word) {
                return Some(WORD_SCORE * word.chars().count() as i64);
            }
            best = best.max(table.fuzzy(self, w, word));
        }
        best.map(|score| score / 2)
    }

    fn filter_matches(&self, doc: &Document, filter: &Filter, actors: &[usize]) -> bool {
        let is = |t: &u32, wanted: &str| &*self.texts[*t as usize] == wanted;
        match filter {
            Filter::Kind(kind) => doc.entity.kind == *kind,
            Filter::Status(status) => doc.status.as_ref().is_some_and(|t| is(t, status)),
            Filter::Topic(topic) => doc.topics.iter().any(|t| is(t, topic)),
            Filter::Stance(stance) => doc.stances.iter().any(|t| is(t, stance)),
            Filter::Actor(_) => doc.actors.iter().any(|a| actors.binary_search(a).is_ok()),
        }
    }
}
