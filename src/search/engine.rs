//! The matching engine: scores entities against a parsed query, on every core, and ranks
//! the hits. A search can be abandoned half-way (see [`SearchEngine::run`]).

use std::sync::{Arc, Mutex};

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::document::{Document, Texts, documents};
use super::parallel::in_parallel;
use super::query::{Query, TermKind, TextMatch};
use super::ranked::{Hit, Ranked, Results};
use super::score::{Prepared, TermTable};
use crate::model::{Dossier, EntityKind, EntityRef, Index};

/// Text the scorer sees of one field: a long name is scored on its first this many bytes,
/// so that one huge field cannot stall a keystroke.
pub const SCORED_BYTES: usize = 1024;

/// How many terms' tables are kept for the next searches.
const KEPT_TABLES: usize = 6;

/// A dossier's entities made searchable. Built once; each search reuses it.
pub struct SearchEngine {
    pub(super) docs: Vec<Document>,
    /// Every distinct text of the documents (names, ids, aliases, words…), lowercased.
    pub(super) texts: Vec<Box<str>>,
    /// Where each kind's documents start (documents are in kind order, then dossier order).
    kind_start: [usize; EntityKind::COUNT],
    /// The lowercased id, name and aliases of each actor, for `actor:`.
    pub(super) actor_keys: Vec<Vec<String>>,
    /// How many texts a document refers to, on average (to choose how to score a term).
    fields_per_doc: usize,
    /// The tables of the last few fuzzy terms searched, oldest first.
    kept_tables: Mutex<Vec<(String, Arc<TermTable>)>>,
    pub(super) matcher: SkimMatcherV2,
}

/// Counts only: the engine's tables are too large to print.
impl std::fmt::Debug for SearchEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchEngine")
            .field("documents", &self.docs.len())
            .field("texts", &self.texts.len())
            .finish_non_exhaustive()
    }
}

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
        let mut texts = Texts::default();
        let docs = documents(dossier, index, &mut texts);
        let mut kind_start = [0; EntityKind::COUNT];
        for slot in 1..4 {
            kind_start[slot] = kind_start[slot - 1] + dossier.count(EntityKind::ALL[slot - 1]);
        }
        let fields: usize = docs
            .iter()
            .map(|d| 1 + d.short.len() + d.linked_names.len() + d.words.len())
            .sum();
        SearchEngine {
            fields_per_doc: fields / docs.len().max(1) + 1,
            kept_tables: Mutex::new(Vec::new()),
            docs,
            kind_start,
            texts: texts.finish(),
            actor_keys,
            matcher: SkimMatcherV2::default()
                .respect_case()
                .element_limit(SCORED_BYTES),
        }
    }

    /// Every entity that matches `query`, ranked.
    pub fn search(&self, query: &Query) -> Results {
        self.run(query, None, &|| false).unwrap_or_default()
    }

    /// Like [`SearchEngine::search`], scoring only what `previous` found: for a query that
    /// only narrows the one `previous` answered (typing on at the end of it).
    pub fn search_within(&self, query: &Query, previous: &Results) -> Results {
        self.run(query, previous.docs().map(|d| &d[..]), &|| false)
            .unwrap_or_default()
    }

    /// Scores the documents numbered in `within` (all when `None`) on every core. Gives
    /// `None` as soon as `cancelled` says so (it is asked every few thousand items).
    pub fn run(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        if query.is_empty() && within.is_none() {
            return Some(self.everything());
        }
        let candidates = within.map_or(self.docs.len(), <[u32]>::len);
        let prepared = Prepared {
            actor_sets: self.actor_sets(query),
            tables: self.tables(query, candidates, cancelled)?,
        };
        let doc_at = |i: usize| within.map_or(i, |w| w[i] as usize);
        let scored = in_parallel(candidates, cancelled, |range| {
            range
                .filter_map(|i| {
                    let doc = doc_at(i);
                    let score = self.score(&self.docs[doc], query, &prepared)?;
                    Some((doc, score))
                })
                .collect()
        })?;
        let mut lists: [Vec<Hit>; EntityKind::COUNT] = Default::default();
        for &(doc, score) in &scored {
            let entity = self.docs[doc].entity;
            lists[entity.kind.slot()].push(Hit {
                index: entity.index,
                score,
            });
        }
        let docs = scored.iter().map(|&(doc, _)| doc as u32).collect();
        Some(Results::new(lists.map(Ranked::new), Some(docs)))
    }

    /// Every entity, in dossier order (the empty query).
    fn everything(&self) -> Results {
        let mut lists: [Vec<Hit>; EntityKind::COUNT] = Default::default();
        for doc in &self.docs {
            lists[doc.entity.kind.slot()].push(Hit {
                index: doc.entity.index,
                score: 0,
            });
        }
        Results::new(lists.map(Ranked::in_order), None)
    }

    /// For each fuzzy term, how the texts match it: worked out once for every distinct text
    /// when many documents are to be scored (and kept for the next searches, which mostly
    /// repeat all terms but the last), else text by text as documents ask.
    fn tables(
        &self,
        query: &Query,
        candidates: usize,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<Vec<Arc<TermTable>>>> {
        let whole_table = candidates.saturating_mul(self.fields_per_doc) > self.texts.len();
        let direct = Arc::new(TermTable::Direct);
        let mut tables = Vec::with_capacity(query.groups.len());
        for group in &query.groups {
            let mut group_tables = Vec::with_capacity(group.len());
            for term in group {
                let TermKind::Text(TextMatch::Fuzzy(word)) = &term.kind else {
                    group_tables.push(Arc::clone(&direct));
                    continue;
                };
                let table = match self.kept_table(word) {
                    Some(table) => table,
                    None if whole_table => {
                        let table = Arc::new(self.table(word, cancelled)?);
                        self.keep_table(word, &table);
                        table
                    }
                    None => Arc::clone(&direct),
                };
                group_tables.push(table);
            }
            tables.push(group_tables);
        }
        Some(tables)
    }

    fn kept_table(&self, word: &str) -> Option<Arc<TermTable>> {
        let kept = self.kept_tables.lock().ok()?;
        kept.iter()
            .find(|(w, _)| w == word)
            .map(|(_, table)| Arc::clone(table))
    }

    fn keep_table(&self, word: &str, table: &Arc<TermTable>) {
        if let Ok(mut kept) = self.kept_tables.lock() {
            kept.retain(|(w, _)| w != word);
            kept.push((word.to_string(), Arc::clone(table)));
            if kept.len() > KEPT_TABLES {
                kept.remove(0);
            }
        }
    }

    /// Scores every text against `word`; when a kept table's word starts `word`, only the
    /// texts that matched it can match, so only those are scored.
    fn table(&self, word: &str, cancelled: &(dyn Fn() -> bool + Sync)) -> Option<TermTable> {
        let base = self.kept_base(word);
        let among = match base.as_deref() {
            Some(TermTable::Whole { matched, .. }) => Some(&matched[..]),
            _ => None,
        };
        let count = among.map_or(self.texts.len(), <[u32]>::len);
        let found = in_parallel(count, cancelled, |range| {
            range
                .filter_map(|i| {
                    let t = among.map_or(i as u32, |a| a[i]);
                    let score = self.fuzzy_text(t, word);
                    let prefix = self.texts[t as usize].starts_with(word);
                    (score.is_some() || prefix).then_some((t, score, prefix))
                })
                .collect()
        })?;
        let mut fuzzy = vec![i32::MIN; self.texts.len()];
        let mut prefix = vec![false; self.texts.len()];
        let mut matched = Vec::with_capacity(found.len());
        for (t, score, starts) in found {
            fuzzy[t as usize] = score.map_or(i32::MIN, |s| s as i32);
            prefix[t as usize] = starts;
            matched.push(t);
        }
        Some(TermTable::Whole {
            fuzzy,
            prefix,
            matched,
        })
    }

    /// The kept table of the longest word that starts `word` (not `word` itself).
    fn kept_base(&self, word: &str) -> Option<Arc<TermTable>> {
        let kept = self.kept_tables.lock().ok()?;
        kept.iter()
            .filter(|(w, table)| {
                word.starts_with(w.as_str())
                    && w.len() < word.len()
                    && matches!(**table, TermTable::Whole { .. })
            })
            .max_by_key(|(w, _)| w.len())
            .map(|(_, table)| Arc::clone(table))
    }

    /// How text `t` matches a fuzzy term: the scorer runs only on texts that contain the
    /// term's characters in order, and sees at most [`SCORED_BYTES`] of each.
    pub(super) fn fuzzy_text(&self, t: u32, word: &str) -> Option<i64> {
        let text = scored_part(&self.texts[t as usize]);
        subsequence(text, word)
            .then(|| self.matcher.fuzzy_match(match_window(text, word).0, word))
            .flatten()
    }

    /// The characters of `entity`'s name or title that the query's terms match (char
    /// indices, for highlighting). Worked out for the rows on screen only.
    pub(crate) fn highlight(&self, query: &Query, entity: EntityRef) -> Vec<usize> {
        let Some(doc) = self
            .docs
            .get(self.kind_start[entity.kind.slot()] + entity.index)
        else {
            return Vec::new();
        };
        let title = &self.texts[doc.primary as usize];
        let mut lit: Vec<usize> = query
            .groups
            .iter()
            .flatten()
            .filter(|term| !term.negated)
            .flat_map(|term| self.term_highlight(title, &term.kind))
            .collect();
        lit.sort_unstable();
        lit.dedup();
        lit
    }

    fn term_highlight(&self, title: &str, kind: &TermKind) -> Vec<usize> {
        let found = match kind {
            TermKind::Text(TextMatch::Fuzzy(word)) => {
                let text = scored_part(title);
                let (window, skipped) = match_window(text, word);
                return subsequence(text, word)
                    .then(|| self.matcher.fuzzy_indices(window, word))
                    .flatten()
                    .map(|(_, indices)| indices.into_iter().map(|i| i + skipped).collect())
                    .unwrap_or_default();
            }
            TermKind::Text(TextMatch::Exact(word)) => {
                title.find(word.as_str()).map(|at| (at, word))
            }
            TermKind::Text(TextMatch::Prefix(word)) => {
                title.starts_with(word.as_str()).then_some((0, word))
            }
            TermKind::Text(TextMatch::Suffix(word)) => title
                .ends_with(word.as_str())
                .then(|| (title.len() - word.len(), word)),
            TermKind::Filter(_) => None,
        };
        found.map_or_else(Vec::new, |(at, word)| char_range(title, at, word))
    }
}

/// The start of `text` that the scorer sees (cut at a character boundary).
fn scored_part(text: &str) -> &str {
    if text.len() <= SCORED_BYTES {
        return text;
    }
    let mut end = SCORED_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The part of `text` that can hold a match of `word`: from the character before the first
/// occurrence of its first character to the last occurrence of its last character, and how
/// many characters come before it. The scorer gives the same score on this part as on the
/// whole text (a character's bonus depends only on it and the one before it), for less work
/// on long texts.
pub(super) fn match_window<'t>(text: &'t str, word: &str) -> (&'t str, usize) {
    let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
        return (text, 0);
    };
    let Some(at) = text.find(first) else {
        return (text, 0);
    };
    let start = text[..at].char_indices().next_back().map_or(0, |(i, _)| i);
    let end = text.rfind(last).map_or(text.len(), |i| i + last.len_utf8());
    if end <= start {
        return (text, 0);
    }
    (&text[start..end], text[..start].chars().count())
}

/// The char indices of `needle` found at byte `byte_start` of `haystack`.
pub(super) fn char_range(haystack: &str, byte_start: usize, needle: &str) -> Vec<usize> {
    let first = haystack[..byte_start].chars().count();
    (first..first + needle.chars().count()).collect()
}

/// True if `needle`'s characters appear in `hay` in order (both already lowercased).
pub(super) fn subsequence(hay: &str, needle: &str) -> bool {
    if needle.is_ascii() {
        // ASCII bytes never occur inside a multi-byte character, so bytes will do.
        let mut hay = hay.bytes();
        return needle.bytes().all(|n| hay.any(|h| h == n));
    }
    let mut hay = hay.chars();
    needle.chars().all(|n| hay.any(|h| h == n))
}
