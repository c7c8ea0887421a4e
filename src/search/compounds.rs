//! Compounds (docs/decisions.md "Search semantics"): `cease fire`, `cease-fire` and
//! `ceasefire` find each other. Each is another way a term may match, tried beside the
//! term's own words: two adjacent one-word terms run together (each then matches the
//! dossier word they spell), a phrase's words run together, and a word cut in two where
//! both halves are dossier words (matched as a phrase, as the dossier's `de-escalation`).

use super::engine::SearchEngine;
use super::grade::{How, MAX_TYPO_CHARS, WordRule};
use super::query::{Query, Term, TermKind, TextMatch};

/// Halves of a cut word have at least this many letters ("in to" is not "into" cut).
const MIN_HALF: usize = 2;

/// A word that matches itself and the words it starts, without typos.
fn starting(word: &str) -> WordRule {
    let how = How::Any {
        prefix_typos: false,
        max_typos: 0,
        fuzzy: false,
    };
    WordRule::new(word, how)
}

/// The one word of a group that is one plain word, not negated.
fn lone_word(group: &[Term]) -> Option<&str> {
    match group {
        [term] if !term.negated => match &term.kind {
            TermKind::Text(TextMatch::Words(words)) if words.len() == 1 => Some(&words[0]),
            _ => None,
        },
        _ => None,
    }
}

impl SearchEngine {
    /// The other ways each term of `query` may match, in the order of its terms
    /// (`query.groups`, flattened): each a phrase of rules, matched anywhere. Negated
    /// terms and filters have none.
    pub(crate) fn compounds(&self, query: &Query) -> Vec<Vec<Vec<WordRule>>> {
        let mut all = Vec::new();
        for (g, group) in query.groups.iter().enumerate() {
            for term in group {
                all.push(self.compounds_of(query, g, term));
            }
        }
        all
    }

    fn compounds_of(&self, query: &Query, g: usize, term: &Term) -> Vec<Vec<WordRule>> {
        let TermKind::Text(TextMatch::Words(words)) = &term.kind else {
            return Vec::new();
        };
        if term.negated {
            return Vec::new();
        }
        let mut ways: Vec<Vec<WordRule>> = Vec::new();
        if words.len() > 1 {
            ways.push(vec![starting(&words.concat())]);
        }
        if let [word] = words.as_slice() {
            ways.extend(self.halves(word));
            let before = g
                .checked_sub(1)
                .and_then(|b| lone_word(&query.groups[b]))
                .filter(|_| query.groups[g].len() == 1);
            let after = query
                .groups
                .get(g + 1)
                .and_then(|a| lone_word(a))
                .filter(|_| query.groups[g].len() == 1);
            if let Some(before) = before {
                ways.push(vec![starting(&format!("{before}{word}"))]);
            }
            if let Some(after) = after {
                ways.push(vec![starting(&format!("{word}{after}"))]);
            }
        }
        ways
    }

    /// `word` cut in two dossier words, each way it can be: the first matched as it is,
    /// the second as the start of a word too. Words longer than the longest that takes
    /// typos are not cut (a pasted huge word).
    fn halves(&self, word: &str) -> Vec<Vec<WordRule>> {
        let mut cuts = Vec::new();
        if word.chars().count() > MAX_TYPO_CHARS {
            return cuts;
        }
        for (i, _) in word.char_indices().skip(MIN_HALF) {
            let (first, second) = word.split_at(i);
            if second.chars().count() >= MIN_HALF
                && self.vocabulary.number(first).is_some()
                && self.vocabulary.number(second).is_some()
            {
                cuts.push(vec![WordRule::new(first, How::Exact), starting(second)]);
            }
        }
        cuts
    }

    /// Whether `word` can be cut in two dossier words.
    pub(super) fn has_halves(&self, word: &str) -> bool {
        !self.halves(word).is_empty()
    }
}
