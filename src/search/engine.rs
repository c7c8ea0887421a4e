//! The matching engine: scores every entity against a parsed query and ranks the hits.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::document::{Document, documents};
use super::query::{Filter, Query, Term, TermKind, TextMatch};
use crate::model::{Dossier, EntityKind, Index};

/// One matching entity: its index in its kind's list, its score, and the characters of its
/// name or title that matched (char indices, for highlighting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
    pub highlight: Vec<usize>,
}

/// The hits of each kind, best first (ties keep dossier order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    pub actors: Vec<Hit>,
    pub events: Vec<Hit>,
    pub sticking_points: Vec<Hit>,
    pub places: Vec<Hit>,
}

impl Results {
    pub fn of(&self, kind: EntityKind) -> &[Hit] {
        match kind {
            EntityKind::Actor => &self.actors,
            EntityKind::Event => &self.events,
            EntityKind::StickingPoint => &self.sticking_points,
            EntityKind::Place => &self.places,
        }
    }

    fn of_mut(&mut self, kind: EntityKind) -> &mut Vec<Hit> {
        match kind {
            EntityKind::Actor => &mut self.actors,
            EntityKind::Event => &mut self.events,
            EntityKind::StickingPoint => &mut self.sticking_points,
            EntityKind::Place => &mut self.places,
        }
    }

    pub fn total(&self) -> usize {
        EntityKind::ALL.iter().map(|&k| self.of(k).len()).sum()
    }
}

/// A dossier's entities made searchable. Built once; each search reuses it.
pub struct SearchEngine {
    docs: Vec<Document>,
    /// The lowercased id, name and aliases of each actor, for `actor:`.
    actor_keys: Vec<Vec<String>>,
    matcher: SkimMatcherV2,
}

/// Weights that rank a title hit above an alias or role hit, and those above long text.
const PRIMARY_WEIGHT: i64 = 4;
const SHORT_WEIGHT: i64 = 2;
const LINKED_WEIGHT: i64 = 1;
const WORD_SCORE: i64 = 12;

impl SearchEngine {
    pub fn new(dossier: &Dossier, index: &Index) -> Self {
        let actor_keys = dossier
            .actors
            .iter()
            .map(|a| {
                let mut keys = vec![a.id.clone(), a.name.to_lowercase()];
                keys.extend(a.aliases.iter().map(|s| s.to_lowercase()));
                keys
            })
            .collect();
        SearchEngine {
            docs: documents(dossier, index),
            actor_keys,
            matcher: SkimMatcherV2::default().ignore_case().element_limit(4096),
        }
    }

    /// Every entity that matches `query`, ranked.
    pub fn search(&self, query: &Query) -> Results {
        let actor_sets: Vec<Vec<Vec<usize>>> = query
            .groups
            .iter()
            .map(|group| group.iter().map(|term| self.actor_set(term)).collect())
            .collect();
        let mut results = Results::default();
        for doc in &self.docs {
            if let Some(hit) = self.score(doc, query, &actor_sets) {
                results.of_mut(doc.entity.kind).push(hit);
            }
        }
        for kind in EntityKind::ALL {
            // A stable sort keeps dossier order among equal scores.
            results
                .of_mut(kind)
                .sort_by_key(|hit| std::cmp::Reverse(hit.score));
        }
        results
    }

    /// The actors an `actor:` term names: the one with that id, else every actor whose
    /// name or alias contains the word.
    fn actor_set(&self, term: &Term) -> Vec<usize> {
        let TermKind::Filter(Filter::Actor(wanted)) = &term.kind else {
            return Vec::new();
        };
        let exact: Vec<usize> = (0..self.actor_keys.len())
            .filter(|&a| self.actor_keys[a][0] == *wanted)
            .collect();
        let named: Vec<usize> = if exact.is_empty() {
            (0..self.actor_keys.len())
                .filter(|&a| {
                    self.actor_keys[a]
                        .iter()
                        .any(|k| k.contains(wanted.as_str()))
                })
                .collect()
        } else {
            exact
        };
        let mut set: Vec<usize> = named;
        set.sort_unstable();
        set
    }

    fn score(&self, doc: &Document, query: &Query, actor_sets: &[Vec<Vec<usize>>]) -> Option<Hit> {
        let mut total = 0;
        let mut highlight = Vec::new();
        for (group, sets) in query.groups.iter().zip(actor_sets) {
            let mut best: Option<(i64, Vec<usize>)> = None;
            for (term, set) in group.iter().zip(sets) {
                let matched = self.term(doc, term, set);
                let outcome = match (matched, term.negated) {
                    (Some(_), true) => None,
                    (None, true) => Some((0, Vec::new())),
                    (found, false) => found,
                };
                if let Some((score, indices)) = outcome
                    && best.as_ref().is_none_or(|(b, _)| score > *b)
                {
                    best = Some((score, indices));
                }
            }
            let (score, indices) = best?;
            total += score;
            highlight.extend(indices);
        }
        highlight.sort_unstable();
        highlight.dedup();
        Some(Hit {
            index: doc.entity.index,
            score: total,
            highlight,
        })
    }

    fn term(&self, doc: &Document, term: &Term, actors: &[usize]) -> Option<(i64, Vec<usize>)> {
        match &term.kind {
            TermKind::Filter(filter) => {
                filter_matches(doc, filter, actors).then(|| (0, Vec::new()))
            }
            TermKind::Text(TextMatch::Fuzzy(word)) => self.fuzzy(doc, word),
            TermKind::Text(TextMatch::Exact(word)) => exact(doc, word),
            TermKind::Text(TextMatch::Prefix(word)) => affix(doc, word, true),
            TermKind::Text(TextMatch::Suffix(word)) => affix(doc, word, false),
        }
    }

    fn fuzzy(&self, doc: &Document, word: &str) -> Option<(i64, Vec<usize>)> {
        let mut best: Option<(i64, Vec<usize>)> = self
            .matcher
            .fuzzy_indices(&doc.primary, word)
            .map(|(score, indices)| (score * PRIMARY_WEIGHT, indices));
        let mut consider = |score: i64| {
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, Vec::new()));
            }
        };
        for field in &doc.short {
            if let Some(score) = self.matcher.fuzzy_match(field, word) {
                consider(score * SHORT_WEIGHT);
            }
        }
        for name in &doc.linked_names {
            if let Some(score) = self.matcher.fuzzy_match(name, word) {
                consider(score * LINKED_WEIGHT);
            }
        }
        if let Some(score) = word_score(&doc.words, word, &self.matcher) {
            consider(score);
        }
        best
    }
}

/// Long text matches word by word: a word starting with the term scores best, a word that
/// contains it as a subsequence less.
fn word_score(words: &[String], term: &str, matcher: &SkimMatcherV2) -> Option<i64> {
    let start = words.partition_point(|w| w.as_str() < term);
    if words.get(start).is_some_and(|w| w.starts_with(term)) {
        return Some(WORD_SCORE * term.chars().count() as i64);
    }
    words
        .iter()
        .filter(|w| w.len() >= term.len())
        .filter_map(|w| matcher.fuzzy_match(w, term))
        .max()
        .map(|score| score / 2)
}

fn char_range(haystack: &str, byte_start: usize, needle: &str) -> Vec<usize> {
    let first = haystack[..byte_start].chars().count();
    (first..first + needle.chars().count()).collect()
}

fn exact(doc: &Document, word: &str) -> Option<(i64, Vec<usize>)> {
    let score = WORD_SCORE * word.chars().count() as i64;
    if let Some(at) = doc.primary.find(word) {
        return Some((score * PRIMARY_WEIGHT, char_range(&doc.primary, at, word)));
    }
    let elsewhere = doc
        .short
        .iter()
        .chain(&doc.linked_names)
        .any(|f| f.contains(word))
        || doc.long.contains(word);
    elsewhere.then(|| (score, Vec::new()))
}

fn affix(doc: &Document, word: &str, prefix: bool) -> Option<(i64, Vec<usize>)> {
    let fits = |field: &str| {
        if prefix {
            field.starts_with(word)
        } else {
            field.ends_with(word)
        }
    };
    let score = WORD_SCORE * word.chars().count() as i64;
    if fits(&doc.primary) {
        let at = if prefix {
            0
        } else {
            doc.primary.len() - word.len()
        };
        return Some((score * PRIMARY_WEIGHT, char_range(&doc.primary, at, word)));
    }
    doc.short
        .iter()
        .any(|f| fits(f))
        .then(|| (score, Vec::new()))
}

fn filter_matches(doc: &Document, filter: &Filter, actors: &[usize]) -> bool {
    match filter {
        Filter::Kind(kind) => doc.entity.kind == *kind,
        Filter::Status(status) => doc.status.as_deref() == Some(status.as_str()),
        Filter::Topic(topic) => doc.topics.iter().any(|t| t == topic),
        Filter::Stance(stance) => doc.stances.iter().any(|s| s == stance),
        Filter::Actor(_) => doc.actors.iter().any(|a| actors.binary_search(a).is_ok()),
    }
}
