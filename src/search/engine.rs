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
    /// Every distinct word of the long texts; documents refer to them by number.
    vocabulary: Vec<String>,
    /// Where each kind's documents start (documents are in kind order, then dossier order).
    kind_start: [usize; 4],
    /// The word numbers of each document.
    word_ids: Vec<Vec<u32>>,
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
        let mut docs = documents(dossier, index);
        let mut numbers: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
        let mut vocabulary: Vec<String> = Vec::new();
        let word_ids = docs
            .iter_mut()
            .map(|doc| {
                std::mem::take(&mut doc.words)
                    .into_iter()
                    .map(|word| {
                        *numbers.entry(word).or_insert_with_key(|word| {
                            vocabulary.push(word.clone());
                            vocabulary.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let mut kind_start = [0; 4];
        for (slot, kind) in EntityKind::ALL.into_iter().enumerate().skip(1) {
            let previous = EntityKind::ALL[slot - 1];
            kind_start[slot] = kind_start[slot - 1] + dossier.count(previous);
            debug_assert_eq!(kind.slot(), slot);
        }
        SearchEngine {
            docs,
            kind_start,
            vocabulary,
            word_ids,
            actor_keys,
            matcher: SkimMatcherV2::default().ignore_case().element_limit(4096),
        }
    }

    /// Every entity that matches `query`, ranked. The documents are scored in parallel,
    /// one slice per core.
    pub fn search(&self, query: &Query) -> Results {
        let all: Vec<usize> = (0..self.docs.len()).collect();
        self.search_among(query, &all)
    }

    /// Like [`SearchEngine::search`], scoring only the entities in `previous`: for a query
    /// that only narrows the one `previous` answered (typing on at the end of it).
    pub fn search_within(&self, query: &Query, previous: &Results) -> Results {
        let mut candidates: Vec<usize> = EntityKind::ALL
            .iter()
            .flat_map(|&kind| {
                let start = self.kind_start[kind.slot()];
                previous.of(kind).iter().map(move |hit| start + hit.index)
            })
            .filter(|&i| i < self.docs.len())
            .collect();
        // Dossier order, so that equal scores rank as in a full search.
        candidates.sort_unstable();
        self.search_among(query, &candidates)
    }

    fn search_among(&self, query: &Query, candidates: &[usize]) -> Results {
        let prepared = Prepared {
            actor_sets: query
                .groups
                .iter()
                .map(|group| group.iter().map(|term| self.actor_set(term)).collect())
                .collect(),
            words: query
                .groups
                .iter()
                .map(|group| group.iter().map(|term| self.term_words(term)).collect())
                .collect(),
        };
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8);
        let chunk = candidates.len().div_ceil(threads).max(1);
        let hits: Vec<Vec<(EntityKind, Hit)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = candidates
                .chunks(chunk)
                .map(|slice| {
                    let prepared = &prepared;
                    scope.spawn(move || {
                        slice
                            .iter()
                            .filter_map(|&i| {
                                let doc = &self.docs[i];
                                self.score(i, query, prepared)
                                    .map(|hit| (doc.entity.kind, hit))
                            })
                            .collect()
                    })
                })
                .collect();
            // A worker that panicked has found a bug; its slice then has no hits.
            workers
                .into_iter()
                .map(|w| w.join().unwrap_or_default())
                .collect()
        });
        let mut results = Results::default();
        for (kind, hit) in hits.into_iter().flatten() {
            results.of_mut(kind).push(hit);
        }
        for kind in EntityKind::ALL {
            // A stable sort keeps dossier order among equal scores.
            results
                .of_mut(kind)
                .sort_by_key(|hit| std::cmp::Reverse(hit.score));
        }
        results
    }

    /// For a fuzzy term, how each word of the vocabulary matches it (once per search, not
    /// once per document).
    fn term_words(&self, term: &Term) -> Option<TermWords> {
        let TermKind::Text(TextMatch::Fuzzy(word)) = &term.kind else {
            return None;
        };
        let prefix = self
            .vocabulary
            .iter()
            .map(|w| w.starts_with(word.as_str()))
            .collect();
        let fuzzy = self
            .vocabulary
            .iter()
            .map(|w| {
                (w.len() >= word.len() && subsequence(w, word))
                    .then(|| self.matcher.fuzzy_match(w, word))
                    .flatten()
                    .map(|score| score / 2)
            })
            .collect();
        Some(TermWords { prefix, fuzzy })
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

    fn score(&self, i: usize, query: &Query, prepared: &Prepared) -> Option<Hit> {
        let doc = &self.docs[i];
        let mut total = 0;
        let mut highlight = Vec::new();
        let groups = query
            .groups
            .iter()
            .zip(&prepared.actor_sets)
            .zip(&prepared.words);
        for ((group, sets), words) in groups {
            let mut best: Option<(i64, Vec<usize>)> = None;
            for ((term, set), term_words) in group.iter().zip(sets).zip(words) {
                let matched = self.term(i, term, set, term_words.as_ref());
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

    fn term(
        &self,
        i: usize,
        term: &Term,
        actors: &[usize],
        words: Option<&TermWords>,
    ) -> Option<(i64, Vec<usize>)> {
        let doc = &self.docs[i];
        match &term.kind {
            TermKind::Filter(filter) => {
                filter_matches(doc, filter, actors).then(|| (0, Vec::new()))
            }
            TermKind::Text(TextMatch::Fuzzy(word)) => {
                self.fuzzy(doc, word, &self.word_ids[i], words)
            }
            TermKind::Text(TextMatch::Exact(word)) => exact(doc, word),
            TermKind::Text(TextMatch::Prefix(word)) => affix(doc, word, true),
            TermKind::Text(TextMatch::Suffix(word)) => affix(doc, word, false),
        }
    }

    fn fuzzy(
        &self,
        doc: &Document,
        word: &str,
        doc_words: &[u32],
        words: Option<&TermWords>,
    ) -> Option<(i64, Vec<usize>)> {
        // The cheap subsequence check rejects most fields before the scorer runs.
        let mut best: Option<(i64, Vec<usize>)> = subsequence(&doc.primary, word)
            .then(|| self.matcher.fuzzy_indices(&doc.primary, word))
            .flatten()
            .map(|(score, indices)| (score * PRIMARY_WEIGHT, indices));
        let mut consider = |score: i64| {
            if best.as_ref().is_none_or(|(b, _)| score > *b) {
                best = Some((score, Vec::new()));
            }
        };
        for field in doc.short.iter().filter(|f| subsequence(f, word)) {
            if let Some(score) = self.matcher.fuzzy_match(field, word) {
                consider(score * SHORT_WEIGHT);
            }
        }
        for name in doc.linked_names.iter().filter(|n| subsequence(n, word)) {
            if let Some(score) = self.matcher.fuzzy_match(name, word) {
                consider(score * LINKED_WEIGHT);
            }
        }
        if let Some(score) = words.and_then(|w| word_score(doc_words, word, w)) {
            consider(score);
        }
        best
    }
}

/// What a search works out once before scoring the documents.
struct Prepared {
    actor_sets: Vec<Vec<Vec<usize>>>,
    /// For each term, how the vocabulary matches it (fuzzy terms only).
    words: Vec<Vec<Option<TermWords>>>,
}

/// How each vocabulary word matches one fuzzy term.
struct TermWords {
    prefix: Vec<bool>,
    fuzzy: Vec<Option<i64>>,
}

/// True if `needle`'s characters appear in `hay` in order (both already lowercased).
fn subsequence(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        // ASCII bytes never occur inside a multi-byte character, so bytes will do.
        let mut hay = hay.bytes();
        return needle.bytes().all(|n| hay.any(|h| h == n));
    }
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}

/// Long text matches word by word: a word starting with the term scores best, a word that
/// contains it as a subsequence less.
fn word_score(doc_words: &[u32], term: &str, words: &TermWords) -> Option<i64> {
    if doc_words.iter().any(|&w| words.prefix[w as usize]) {
        return Some(WORD_SCORE * term.chars().count() as i64);
    }
    doc_words
        .iter()
        .filter_map(|&w| words.fuzzy[w as usize])
        .max()
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
