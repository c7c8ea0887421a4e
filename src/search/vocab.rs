//! Every distinct word of the dossier, in an `fst` map (word → number). A query word is
//! matched against the vocabulary, not the texts: exact and prefix matches are ranges of
//! the map, typos a Levenshtein automaton run over it, fuzzy matches the short-field words
//! that start with the query's first letter. Thousands of words stand for millions of
//! characters of text.

use std::sync::OnceLock;

use crate::matcher::Matcher;
use fst::automaton::{Automaton, Str};
use fst::{IntoStreamer, Map, Streamer};
use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder};
use rustc_hash::FxHashMap;

use super::grade::{
    EXACT, Grades, How, MAX_TYPO_CHARS, PREFIX, WordRule, fuzzy_grade, typo_from_distance,
};

/// Words are numbered as they are first seen while the documents are built.
#[derive(Default)]
pub(crate) struct VocabularyBuilder {
    /// FxHash: the words are the dossier's own, and hashing them is most of the cost of
    /// numbering them.
    numbers: rustc_hash::FxHashMap<Box<str>, u32>,
    short: Vec<bool>,
    count: Vec<u32>,
}

impl VocabularyBuilder {
    /// The number of `word`, numbering it if it is new; `short`: it stands in a short field.
    pub(super) fn number(&mut self, word: &str, short: bool) -> u32 {
        let n = match self.numbers.get(word) {
            Some(&n) => n,
            None => {
                let n = self.short.len() as u32;
                self.numbers.insert(word.into(), n);
                self.short.push(false);
                self.count.push(0);
                n
            }
        };
        self.short[n as usize] |= short;
        self.count[n as usize] = self.count[n as usize].saturating_add(1);
        n
    }

    pub(super) fn finish(self) -> Vocabulary {
        let mut pairs: Vec<(Box<str>, u32)> = self.numbers.into_iter().collect();
        pairs.sort_unstable_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
        let map = Map::from_iter(pairs.iter().map(|(w, n)| (w.as_bytes(), u64::from(*n))))
            .unwrap_or_default();
        Vocabulary {
            map,
            short: self.short,
            count: self.count,
        }
    }
}

/// The dossier's words.
pub(crate) struct Vocabulary {
    pub(super) map: Map<Vec<u8>>,
    /// Whether each word stands in a short field (name, alias, id, role).
    pub(super) short: Vec<bool>,
    /// How often each word occurs, to choose between equally close suggestions.
    pub(super) count: Vec<u32>,
}

fn automaton(max: u8) -> Option<&'static LevenshteinAutomatonBuilder> {
    static ONE: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    static TWO: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    match max {
        1 => Some(ONE.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))),
        2 => Some(TWO.get_or_init(|| LevenshteinAutomatonBuilder::new(2, true))),
        _ => None,
    }
}

fn distance(dfa: &DFA, word: &[u8]) -> Option<u8> {
    match dfa.eval(word) {
        Distance::Exact(d) => Some(d),
        Distance::AtLeast(_) => None,
    }
}

impl Vocabulary {
    pub(super) fn len(&self) -> usize {
        self.short.len()
    }

    pub(super) fn number(&self, word: &str) -> Option<u32> {
        self.map.get(word).map(|n| n as u32)
    }

    /// A dossier word starts with `word` (or is it).
    pub(super) fn starts_a_word(&self, word: &str) -> bool {
        let mut stream = self.map.search(Str::new(word).starts_with()).into_stream();
        stream.next().is_some()
    }

    /// Calls `each` with every word the automaton accepts, and its number.
    fn each(&self, automaton: impl Automaton, mut each: impl FnMut(&[u8], u32)) {
        let mut stream = self.map.search(automaton).into_stream();
        while let Some((word, n)) = stream.next() {
            each(word, n as u32);
        }
    }

    /// The words that match `rule` and their grades, packed ([`Grades::packed`]), in the
    /// order of their numbers. Only the words that match are kept: a table costs what the
    /// query word finds, not the size of the vocabulary.
    pub(super) fn table(&self, rule: &WordRule, matcher: &Matcher) -> Vec<(u32, u32)> {
        let mut grades: FxHashMap<u32, Grades> = FxHashMap::default();
        let q = rule.word.as_str();
        let mut raise = |n: u32, grade| {
            let g = grades.entry(n).or_default();
            g.any = g.any.max(grade);
            g.short = g.short.max(grade);
        };
        match &rule.how {
            How::Exact => {}
            How::EndsWith => self.each(fst::automaton::AlwaysMatch, |word, n| {
                if word.ends_with(q.as_bytes()) {
                    raise(n, PREFIX);
                }
            }),
            How::StartsWith | How::Any { .. } => {
                self.each(Str::new(q).starts_with(), |_, n| raise(n, PREFIX));
            }
        }
        if let How::Any {
            prefix_typos,
            max_typos,
            ..
        } = rule.how
            && let Some(builder) = automaton(max_typos)
        {
            let dfa = if prefix_typos {
                builder.build_prefix_dfa(q)
            } else {
                builder.build_dfa(q)
            };
            self.each(&dfa, |word, n| {
                if let Some(d) = distance(&dfa, word).filter(|&d| d > 0) {
                    raise(n, typo_from_distance(d));
                }
            });
        }
        if let How::Any { .. } = rule.how {
            for alike in &rule.alike {
                if let Some(n) = self.number(alike) {
                    raise(n, rule.alike_grade(alike));
                }
            }
        }
        if let Some(n) = self.number(q) {
            raise(n, EXACT);
        }
        if let How::Any { fuzzy: true, .. } = rule.how {
            self.fuzzy(q, matcher, &mut grades);
        }
        let mut table: Vec<(u32, u32)> = grades
            .into_iter()
            .map(|(n, g)| (n, g.packed()))
            .filter(|&(_, packed)| packed != 0)
            .collect();
        table.sort_unstable();
        table
    }

    /// Fuzzy grades, in short fields only, for the short-field words that start with the
    /// query's first letter and match no better already.
    fn fuzzy(&self, q: &str, matcher: &Matcher, grades: &mut FxHashMap<u32, Grades>) {
        let Some(first) = q.chars().next() else {
            return;
        };
        let mut buf = [0; 4];
        let start = Str::new(first.encode_utf8(&mut buf)).starts_with();
        self.each(start, |word, n| {
            let any = grades.get(&n).map_or(0, |g| g.any);
            if !self.short[n as usize] || any >= PREFIX {
                return;
            }
            let fuzzy = std::str::from_utf8(word).map_or(0, |w| fuzzy_grade(q, w, matcher));
            if fuzzy > 0 {
                let g = grades.entry(n).or_default();
                g.short = g.short.max(fuzzy);
            }
        });
    }

    /// The most frequent dossier word that starts with the longest start of `word` (four
    /// letters at least) that any dossier word starts with: "donbas" for "donbazzz".
    pub(super) fn sharing_start(&self, word: &str) -> Option<String> {
        let ends: Vec<usize> = word.char_indices().map(|(i, _)| i).skip(4).collect();
        for &end in ends.iter().rev() {
            let mut best: Option<(u32, String)> = None;
            self.each(Str::new(&word[..end]).starts_with(), |w, n| {
                let count = self.count[n as usize];
                if best.as_ref().is_none_or(|(c, _)| count > *c)
                    && let Ok(text) = std::str::from_utf8(w)
                {
                    best = Some((count, text.to_string()));
                }
            });
            if let Some((_, text)) = best {
                return Some(text);
            }
        }
        None
    }

    /// `word` as two dossier words run together: "witkoff putin" for "witkoffputin".
    pub(super) fn split(&self, word: &str) -> Option<String> {
        word.char_indices().skip(2).find_map(|(i, _)| {
            let (a, b) = word.split_at(i);
            (b.chars().count() >= 2 && self.number(a).is_some() && self.number(b).is_some())
                .then(|| format!("{a} {b}"))
        })
    }

    /// The dossier words nearest to `word` (two edits at most, one below 4 letters): the
    /// fewest edits first, then the most frequent, then in alphabetical order.
    pub(super) fn nearest(&self, word: &str, how_many: usize) -> Vec<String> {
        let chars = word.chars().count();
        let max = if chars >= 4 { 2 } else { 1 };
        let Some(builder) = automaton(max).filter(|_| (3..=MAX_TYPO_CHARS).contains(&chars)) else {
            return Vec::new();
        };
        let dfa = builder.build_dfa(word);
        let mut found: Vec<(u8, std::cmp::Reverse<u32>, String)> = Vec::new();
        self.each(&dfa, |w, n| {
            if let (Some(d), Ok(text)) = (distance(&dfa, w), std::str::from_utf8(w)) {
                let count = self.count[n as usize];
                found.push((d, std::cmp::Reverse(count), text.to_string()));
            }
        });
        found.sort_unstable();
        found
            .into_iter()
            .take(how_many)
            .map(|(_, _, w)| w)
            .collect()
    }
}

#[cfg(test)]
impl Vocabulary {
    pub(crate) fn map_for_tests(&self) -> &Map<Vec<u8>> {
        &self.map
    }
}
