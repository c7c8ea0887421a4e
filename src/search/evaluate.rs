//! Which documents match a prepared query, and their scores. A group of one-word terms is
//! scored from the postings alone (where each word stands best in each document); other
//! groups (phrases, `^`/`$`, negations, filters) read the tokens of the documents left.

use super::engine::SearchEngine;
use super::grade::Grades;
use super::parallel::in_parallel;
use super::postings::DocSet;
use super::score::{Anchor, Prepared, occurrence_score, score};
use super::score::{PreparedGroup, PreparedQuery};

/// How many words' postings are read between two checks for cancellation.
const WORDS_PER_CHECK: usize = 256;

/// A group scored from the postings alone: one-word terms, none negated, anywhere.
fn from_postings(group: &PreparedGroup) -> bool {
    group.iter().all(|(negated, term)| {
        !negated
            && matches!(term, Prepared::Text { tables, anchor: Anchor::Anywhere } if tables.len() == 1)
    })
}

impl SearchEngine {
    /// Every matching document among `within` (all when `None`) with its score, in
    /// document order; `None` when cancelled.
    pub(super) fn evaluate(
        &self,
        prepared: &PreparedQuery,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(usize, i64)>> {
        let (simple, rest): (Vec<&PreparedGroup>, Vec<&PreparedGroup>) = prepared
            .iter()
            .map(Vec::as_slice)
            .partition(|group| from_postings(group));
        let Some((first, others)) = simple.split_first() else {
            return self.scan(&rest, within, cancelled);
        };
        let mut totals = self.group_scores(first, cancelled)?;
        for group in others {
            let scores = self.group_scores(group, cancelled)?;
            for (total, score) in totals.iter_mut().zip(&scores) {
                *total = if *total > 0 && *score > 0 {
                    *total + score
                } else {
                    0
                };
            }
        }
        let kept = |doc: &u32| totals[*doc as usize] > 0;
        // Every match holds what the simple groups ask, so `within` (a superset of the
        // matches) only saves the scan of the other groups.
        let candidates: Vec<u32> = match within {
            Some(within) => within.iter().copied().filter(kept).collect(),
            None => (0..self.docs.len() as u32).filter(kept).collect(),
        };
        if rest.is_empty() {
            return Some(
                candidates
                    .iter()
                    .map(|&d| (d as usize, totals[d as usize]))
                    .collect(),
            );
        }
        let scored = self.scan(&rest, Some(&candidates), cancelled)?;
        Some(
            scored
                .into_iter()
                .map(|(doc, score)| (doc, score + totals[doc]))
                .collect(),
        )
    }

    /// The best score of each document for a group of one-word terms (0: no match), from
    /// the postings of the words that match.
    fn group_scores(
        &self,
        group: &PreparedGroup,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<i64>> {
        let mut scores = vec![0i64; self.docs.len()];
        for (_, term) in group {
            let Prepared::Text { tables, .. } = term else {
                continue;
            };
            for table in tables {
                for (n, (&word, &packed)) in table.words.iter().zip(&table.grades).enumerate() {
                    if n % WORDS_PER_CHECK == 0 && cancelled() {
                        return None;
                    }
                    let grades = Grades::unpack(packed);
                    for (doc, occurrence) in self.postings.with_occurrences(word) {
                        let score = &mut scores[doc as usize];
                        *score = (*score).max(occurrence_score(occurrence, grades));
                    }
                }
            }
        }
        Some(scores)
    }

    /// Scores `groups` by reading the tokens of each document among `within` (all when
    /// `None`) that the postings leave, on every core.
    fn scan(
        &self,
        groups: &[&PreparedGroup],
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Vec<(usize, i64)>> {
        let selected: Option<Vec<u32>> = match (within, self.candidates(groups)) {
            (Some(within), Some(set)) => Some(
                within
                    .iter()
                    .copied()
                    .filter(|&d| set.contains(d))
                    .collect(),
            ),
            (None, Some(set)) => Some(set.to_vec()),
            (_, None) => None,
        };
        let within = selected.as_deref().or(within);
        let count = within.map_or(self.docs.len(), <[u32]>::len);
        let doc_at = |i: usize| within.map_or(i, |w| w[i] as usize);
        in_parallel(count, cancelled, |range| {
            let mut tokens = Vec::new();
            range
                .filter_map(|i| {
                    let doc = doc_at(i);
                    let kind = self.entity(doc).kind;
                    let facets = &self.docs.facets[doc];
                    self.docs.read_tokens(doc, &mut tokens);
                    let score = score(&tokens, kind, facets, groups)?;
                    Some((doc, score))
                })
                .collect()
        })
    }

    /// The documents that can match, when the postings tell: for every group made of
    /// text terms only, the documents holding a word that matches one of its terms (for a
    /// phrase, its most selective word). `None`: any document can.
    fn candidates(&self, groups: &[&PreparedGroup]) -> Option<DocSet> {
        let mut result: Option<DocSet> = None;
        for group in groups {
            let Some(set) = self.group_candidates(group) else {
                continue;
            };
            match &mut result {
                Some(result) => result.intersect(&set),
                None => result = Some(set),
            }
        }
        result
    }

    fn group_candidates(&self, group: &PreparedGroup) -> Option<DocSet> {
        let mut set = DocSet::empty(self.docs.len());
        for (negated, term) in group {
            let Prepared::Text { tables, .. } = term else {
                return None;
            };
            let table = tables
                .iter()
                .min_by_key(|t| t.postings)
                .filter(|_| !negated)?;
            for &word in &table.words {
                self.postings.of(word).for_each(|d| set.insert(d));
            }
        }
        Some(set)
    }
}

#[cfg(test)]
impl SearchEngine {
    /// Scores every group by reading the tokens, as if no group could use the postings.
    pub(super) fn evaluate_by_scan(&self, prepared: &PreparedQuery) -> Vec<(usize, i64)> {
        let groups: Vec<&PreparedGroup> = prepared.iter().map(Vec::as_slice).collect();
        self.scan(&groups, None, &|| false).unwrap_or_default()
    }
}
