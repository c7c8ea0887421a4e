//! Search results, ranked lazily: a list keeps its hits with only the best ones in order,
//! and puts more in order when someone looks further down. Selecting the first rows of a
//! million hits is about ten times cheaper than sorting them all.

use std::cmp::Reverse;
use std::sync::Arc;

use crate::model::EntityKind;

/// One matching entity: its index in its kind's list and its score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub index: usize,
    pub score: i64,
}

impl Hit {
    /// Best score first; equal scores in dossier order. Unique within a kind.
    fn rank_key(&self) -> (Reverse<i64>, usize) {
        (Reverse(self.score), self.index)
    }
}

/// How many hits a new list puts in order at once: more than a screen shows.
pub const FIRST_RANKED: usize = 256;

/// The hits of one kind: `hits[..ranked]` in rank order, every later hit ranked below them.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    hits: Vec<Hit>,
    ranked: usize,
}

impl Ranked {
    pub fn new(hits: Vec<Hit>) -> Self {
        let mut ranked = Ranked { hits, ranked: 0 };
        ranked.rank_to(FIRST_RANKED);
        ranked
    }

    /// Hits that are in rank order already (all scores equal, in dossier order).
    pub(crate) fn in_order(hits: Vec<Hit>) -> Self {
        let ranked = hits.len();
        Ranked { hits, ranked }
    }

    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The hits in rank order so far (at least the first [`FIRST_RANKED`], or all).
    pub fn ranked(&self) -> &[Hit] {
        &self.hits[..self.ranked]
    }

    /// Puts the first `n` hits in order (a partial selection, then a sort of those).
    pub(crate) fn rank_to(&mut self, n: usize) {
        let n = n.min(self.hits.len());
        if n <= self.ranked {
            return;
        }
        let rest = &mut self.hits[self.ranked..];
        let wanted = n - self.ranked;
        if wanted < rest.len() {
            rest.select_nth_unstable_by_key(wanted - 1, Hit::rank_key);
        }
        rest[..wanted].sort_unstable_by_key(Hit::rank_key);
        self.ranked = n;
    }

    pub fn rank_all(&mut self) {
        self.rank_to(self.hits.len());
    }

    /// Where the entity `index` ranks, putting the list in order down to it.
    pub(crate) fn rank_of(&mut self, index: usize) -> Option<usize> {
        if let Some(at) = self.ranked().iter().position(|h| h.index == index) {
            return Some(at);
        }
        let rest = &self.hits[self.ranked..];
        let hit = *rest.iter().find(|h| h.index == index)?;
        let above = rest
            .iter()
            .filter(|h| h.rank_key() < hit.rank_key())
            .count();
        let rank = self.ranked + above;
        self.rank_to(rank + 1);
        Some(rank)
    }

    /// Every hit, in no particular order.
    pub fn all(&self) -> &[Hit] {
        &self.hits
    }
}

/// The hits of each kind.
#[derive(Debug, Clone, Default)]
pub struct Results {
    lists: [Ranked; EntityKind::COUNT],
    /// The engine's numbers of every matching document, in order; `None`: all of them.
    /// Shared with the next search when it narrows these results.
    docs: Option<Arc<[u32]>>,
    /// For no results: dossier words near the query's words that find nothing.
    suggestions: Vec<String>,
}

impl Results {
    pub fn new(lists: [Ranked; EntityKind::COUNT], docs: Option<Arc<[u32]>>) -> Self {
        Results {
            lists,
            docs,
            suggestions: Vec::new(),
        }
    }

    pub(crate) fn with_suggestions(mut self, suggestions: Vec<String>) -> Self {
        self.suggestions = suggestions;
        self
    }

    /// For no results: dossier words to try instead of the query's words that find
    /// nothing, nearest first.
    pub fn suggestions(&self) -> &[String] {
        &self.suggestions
    }

    /// The engine's numbers of the matching documents (`None`: all of them).
    pub fn docs(&self) -> Option<&Arc<[u32]>> {
        self.docs.as_ref()
    }

    /// The hits of `kind` in rank order so far; [`Results::rank_to`] puts more in order.
    pub fn ranked(&self, kind: EntityKind) -> &[Hit] {
        self.lists[kind.slot()].ranked()
    }

    /// Every hit of `kind`, in rank order (putting the whole list in order first).
    pub(crate) fn all_ranked(&mut self, kind: EntityKind) -> &[Hit] {
        self.lists[kind.slot()].rank_all();
        self.lists[kind.slot()].ranked()
    }

    /// How many entities of `kind` match.
    pub fn count(&self, kind: EntityKind) -> usize {
        self.lists[kind.slot()].len()
    }

    pub fn total(&self) -> usize {
        self.lists.iter().map(Ranked::len).sum()
    }

    pub(crate) fn rank_to(&mut self, kind: EntityKind, n: usize) {
        self.lists[kind.slot()].rank_to(n);
    }

    pub fn rank_all(&mut self) {
        self.lists.iter_mut().for_each(Ranked::rank_all);
    }

    pub(crate) fn rank_of(&mut self, kind: EntityKind, index: usize) -> Option<usize> {
        self.lists[kind.slot()].rank_of(index)
    }

    /// A copy of every hit of `kind` in rank order, leaving these lists as they are.
    pub(crate) fn sorted(&self, kind: EntityKind) -> Vec<Hit> {
        let mut hits = self.unranked(kind).to_vec();
        hits.sort_unstable_by_key(Hit::rank_key);
        hits
    }

    /// The index of every entity of `kind` that matches, in dossier order.
    pub fn matching(&self, kind: EntityKind) -> Vec<usize> {
        let mut indices: Vec<usize> = self.unranked(kind).iter().map(|h| h.index).collect();
        indices.sort_unstable();
        indices
    }

    /// Every hit of `kind`, in no particular order.
    pub fn unranked(&self, kind: EntityKind) -> &[Hit] {
        self.lists[kind.slot()].all()
    }

    /// The same hits in the same order, whatever part of the lists is ranked yet.
    #[cfg(test)]
    pub(crate) fn same_as(&self, other: &Results) -> bool {
        let (mut a, mut b) = (self.clone(), other.clone());
        a.rank_all();
        b.rank_all();
        EntityKind::LISTED
            .iter()
            .all(|&k| a.ranked(k) == b.ranked(k))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(scores: &[i64]) -> Vec<Hit> {
        scores
            .iter()
            .enumerate()
            .map(|(index, &score)| Hit { index, score })
            .collect()
    }

    #[test]
    fn ranks_best_first_ties_in_dossier_order_and_only_as_far_as_asked() {
        let scores: Vec<i64> = (0..1000).map(|i| (i * 7919) % 13).collect();
        let mut ranked = Ranked::new(hits(&scores));
        assert_eq!(ranked.ranked().len(), FIRST_RANKED);
        let mut expected = hits(&scores);
        expected.sort_by_key(|h| std::cmp::Reverse(h.score));
        assert_eq!(ranked.ranked(), &expected[..FIRST_RANKED]);
        ranked.rank_to(700);
        assert_eq!(ranked.ranked(), &expected[..700]);
        ranked.rank_all();
        assert_eq!(ranked.ranked(), &expected[..]);
    }

    #[test]
    fn finds_the_rank_of_an_entity_below_the_ranked_part() {
        let scores: Vec<i64> = (0..5000).map(|i| (i * 31) % 97).collect();
        let mut expected = hits(&scores);
        expected.sort_by_key(|h| std::cmp::Reverse(h.score));
        let mut ranked = Ranked::new(hits(&scores));
        let wanted = expected[4321];
        assert_eq!(ranked.rank_of(wanted.index), Some(4321));
        assert_eq!(ranked.ranked()[4321], wanted);
        assert_eq!(ranked.rank_of(expected[3].index), Some(3));
        assert_eq!(ranked.rank_of(99_999), None);
        assert_eq!(Ranked::new(Vec::new()).ranked(), &[]);
    }
}
