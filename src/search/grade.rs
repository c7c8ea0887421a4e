//! How well one dossier word matches one query word: the rules, worked out directly on
//! two strings. The engine works the same grades out for its whole vocabulary at once
//! (see `vocab.rs`); a test checks that both ways agree on every word.

use crate::matcher::Matcher;

/// A grade: 0 is no match; higher is better. Exact > prefix > fuzzy > typo.
pub(crate) type Grade = u16;

pub(crate) const EXACT: Grade = 60_000;
pub(crate) const PREFIX: Grade = 50_000;
pub(crate) const FUZZY: Grade = 40_000;
/// The fuzzy scorer's score is added to [`FUZZY`], up to this much (leaving room below
/// [`PREFIX`] for the short-field bonus of the score).
const FUZZY_SPREAD: i64 = 8_999;
/// A typo match: this, less [`TYPO_STEP`] per edit.
pub(crate) const TYPO: Grade = 30_000;
const TYPO_STEP: Grade = 1_000;

/// Fuzzy matching needs a query word of at least this many letters.
const FUZZY_MIN_CHARS: usize = 3;

/// How a query word may match.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum How {
    /// A plain word: exact, prefix, fuzzy (short fields), then typos if allowed.
    Any {
        /// Typos in a prefix of the dossier word count (the word being typed).
        prefix_typos: bool,
        /// Edits allowed: 0 when the word is itself a dossier word (or, for the word
        /// being typed, the start of one), else 1 from 4 letters and 2 from 8.
        max_typos: u8,
        fuzzy: bool,
    },
    /// `'word`: the word itself only.
    Exact,
    /// The word or a word it starts (`^word`, and what `!word` excludes).
    StartsWith,
    /// The word or a word it ends (`word$`).
    EndsWith,
}

/// One query word and how it may match, folded like the dossier's words.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct WordRule {
    pub(crate) word: String,
    pub(crate) how: How,
    /// Other spellings of the name `word` is a word of (an actor's or a place's name, alias
    /// or id within `word`'s typo allowance): they match as typos of it, although a dossier
    /// word otherwise takes none (docs/decisions.md "Search semantics": aliases).
    pub(crate) alike: Vec<String>,
}

impl WordRule {
    /// A rule without other spellings.
    pub(crate) fn new(word: &str, how: How) -> Self {
        WordRule {
            word: word.to_string(),
            how,
            alike: Vec::new(),
        }
    }

    /// The grade of `word` as another spelling of this rule's word (0: it is none).
    pub(crate) fn alike_grade(&self, word: &str) -> Grade {
        if self.alike.iter().any(|a| a == word) {
            let distance = strsim::osa_distance(&self.word, word).clamp(1, 9);
            typo_from_distance(distance as u8)
        } else {
            0
        }
    }
}

/// Words longer than this take no typos and get no suggestions: no dossier word is so
/// long, and the automaton for a long word grows with it (a pasted 30,000-letter word would
/// take seconds and a gigabyte).
pub(crate) const MAX_TYPO_CHARS: usize = 40;

/// The edits a word of `chars` letters may have: 1 from 4 letters, 2 from 8.
pub(crate) fn typo_budget(chars: usize) -> u8 {
    match chars {
        0..=3 => 0,
        4..=7 => 1,
        8..=MAX_TYPO_CHARS => 2,
        _ => 0,
    }
}

/// Fuzzy matching applies to words of letters, not numbers, of three letters or more.
pub(crate) fn fuzzy_applies(word: &str) -> bool {
    word.chars().count() >= FUZZY_MIN_CHARS && !word.chars().all(|c| c.is_ascii_digit())
}

/// Both grades of a dossier word: in any field, and in a short field (where fuzzy
/// matches count too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Grades {
    pub(crate) any: Grade,
    pub(crate) short: Grade,
}

impl Grades {
    pub(crate) fn in_field(self, short: bool) -> Grade {
        if short { self.short } else { self.any }
    }

    /// Packs both grades in one number, for the engine's tables.
    pub(crate) fn packed(self) -> u32 {
        u32::from(self.any) | (u32::from(self.short) << 16)
    }

    pub(crate) fn unpack(packed: u32) -> Self {
        Grades {
            any: packed as u16,
            short: (packed >> 16) as u16,
        }
    }
}

impl WordRule {
    /// How `word` (folded) matches this rule.
    pub(crate) fn grades(&self, word: &str, matcher: &Matcher) -> Grades {
        let q = self.word.as_str();
        let any = match &self.how {
            _ if word == q => EXACT,
            How::Exact => 0,
            How::StartsWith | How::Any { .. } if word.starts_with(q) => PREFIX,
            How::EndsWith if word.ends_with(q) => PREFIX,
            How::Any {
                prefix_typos,
                max_typos,
                ..
            } => typo_grade(q, word, *prefix_typos, *max_typos).max(self.alike_grade(word)),
            _ => 0,
        };
        let fuzzy = match &self.how {
            How::Any { fuzzy: true, .. } if any < PREFIX => fuzzy_grade(q, word, matcher),
            _ => 0,
        };
        Grades {
            any,
            short: any.max(fuzzy),
        }
    }
}

/// The typo grade of `word` for `q`: edits of the whole word, or of its best prefix.
pub(crate) fn typo_grade(q: &str, word: &str, prefix: bool, max: u8) -> Grade {
    let distance = if prefix {
        prefix_distance(q, word, max)
    } else {
        Some(strsim::osa_distance(q, word))
    };
    match distance {
        Some(d) if d >= 1 && d <= usize::from(max) => typo_from_distance(d as u8),
        _ => 0,
    }
}

pub(crate) fn typo_from_distance(d: u8) -> Grade {
    TYPO - TYPO_STEP * Grade::from(d)
}

/// The fewest edits (a swap of neighbours counting one) from `q` to any prefix of `word`,
/// if within `max`.
fn prefix_distance(q: &str, word: &str, max: u8) -> Option<usize> {
    let q_len = q.chars().count();
    let max = usize::from(max);
    let ends: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .skip(1)
        .chain(std::iter::once(word.len()))
        .collect();
    (q_len.saturating_sub(max).max(1)..=q_len + max)
        .filter_map(|n| ends.get(n - 1))
        .map(|&end| strsim::osa_distance(q, &word[..end]))
        .min()
        .filter(|&d| d <= max)
}

/// The letters of `q` in order in `word`, starting with its first letter and skipping at
/// most one letter in three of the query's length (so "zlnsky" finds "zelensky" but "nato"
/// does not find "negotiators"); graded by fuzzy-matcher's score.
pub(crate) fn fuzzy_grade(q: &str, word: &str, matcher: &Matcher) -> Grade {
    if !fuzzy_accepts(q, word) {
        return 0;
    }
    let score = matcher.score(word, q).unwrap_or(0);
    FUZZY + score.clamp(0, FUZZY_SPREAD) as Grade
}

/// The acceptance rule of fuzzy matches, on the leftmost alignment (which makes it
/// monotone: typing on never brings back a word a shorter query rejected, unless the
/// allowance grows).
pub(crate) fn fuzzy_accepts(q: &str, word: &str) -> bool {
    let mut q_chars = q.chars();
    let (Some(first), Some(word_first)) = (q_chars.next(), word.chars().next()) else {
        return false;
    };
    if first != word_first || !fuzzy_applies(q) {
        return false;
    }
    let q_len = q.chars().count();
    let allowed = q_len / 3;
    let mut skipped = 0;
    let mut word_chars = word.chars().skip(1);
    for wanted in q_chars {
        loop {
            match word_chars.next() {
                Some(c) if c == wanted => break,
                Some(_) => {
                    skipped += 1;
                    if skipped > allowed {
                        return false;
                    }
                }
                None => return false,
            }
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(word: &str, prefix_typos: bool) -> WordRule {
        WordRule::new(
            word,
            How::Any {
                prefix_typos,
                max_typos: typo_budget(word.chars().count()),
                fuzzy: fuzzy_applies(word),
            },
        )
    }

    fn grade(rule: &WordRule, word: &str) -> Grades {
        rule.grades(word, &Matcher::default())
    }

    #[test]
    fn exact_beats_prefix_beats_fuzzy_beats_typo() {
        let rule = any("zelensky", false);
        assert_eq!(grade(&rule, "zelensky").any, EXACT);
        assert_eq!(grade(&any("zelen", false), "zelensky").any, PREFIX);
        let fuzzy = grade(&any("zlnsky", false), "zelensky");
        assert_eq!(fuzzy.any, 0, "fuzzy counts in short fields only");
        assert!(fuzzy.short > FUZZY && fuzzy.short < PREFIX);
        assert_eq!(
            grade(&rule, "zelenksy").any,
            typo_from_distance(1),
            "a swap is one"
        );
        assert_eq!(
            grade(&any("umarov", false), "umerov").any,
            typo_from_distance(1)
        );
        assert_eq!(
            grade(&any("guarentees", false), "guarantees").any,
            typo_from_distance(1)
        );
    }

    #[test]
    fn the_word_being_typed_matches_prefixes_with_typos() {
        assert_eq!(
            grade(&any("witkov", true), "witkoff").any,
            typo_from_distance(1)
        );
        assert_eq!(grade(&any("witkov", false), "witkoff").any, 0);
        assert_eq!(
            grade(&any("donbass", true), "donbas").any,
            typo_from_distance(1)
        );
    }

    #[test]
    fn scattered_letters_never_match() {
        let rule = any("nato", true);
        assert_eq!(grade(&rule, "negotiators").short, 0);
        assert!(
            fuzzy_accepts("wtkoff", "witkoff"),
            "one skipped letter in three"
        );
        assert!(!fuzzy_accepts("wtkf", "witkoff"));
        assert!(!fuzzy_accepts("ab", "ab"), "too short for fuzzy");
        assert!(!fuzzy_accepts("123", "1203"), "numbers are not fuzzy");
    }

    #[test]
    fn short_words_take_no_typos() {
        assert_eq!(typo_budget(3), 0);
        assert_eq!(typo_budget(4), 1);
        assert_eq!(typo_budget(8), 2);
        assert_eq!(typo_budget(MAX_TYPO_CHARS + 1), 0);
        assert_eq!(
            grade(&any("rubo", false), "rubio").any,
            typo_from_distance(1)
        );
    }
}
