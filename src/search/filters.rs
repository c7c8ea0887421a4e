//! `actor:` and `place:` values: which actors or places they name, and what follows from
//! them (who represents an actor, which places lie inside a place).

use crate::matcher::Matcher;

use super::grade::{How, WordRule, fuzzy_applies, typo_budget};
use super::normalise::word_texts;

/// The names by which actors (or places) can be named in a filter, and the links a filter
/// follows from each.
#[derive(Debug, Default)]
pub(crate) struct Named {
    /// Per entity: its id's words first, then its name's and aliases' words.
    keys: Vec<Vec<Vec<String>>>,
    /// Per entity: the entities a filter for it also takes (representatives, parts).
    followers: Vec<Vec<u32>>,
    ids: Vec<String>,
    /// Each word of a name, alias or id: the words of the same entity's names, aliases and
    /// id within [`MAX_ALIKE`] edits of it, sorted.
    alike: rustc_hash::FxHashMap<String, Vec<String>>,
}

/// Other spellings of a name differ by two edits at most (the most typos a word takes).
const MAX_ALIKE: usize = 2;

/// The words of an entity's keys compared with each other for other spellings: the first
/// this many (its id's and name's first), so that an actor with thousands of aliases costs
/// no more than one with a few.
const MAX_ALIKE_WORDS: usize = 64;

impl Named {
    pub(super) fn new<'a>(
        names: impl Iterator<Item = (&'a str, Vec<&'a str>)>,
        followers: Vec<Vec<u32>>,
    ) -> Self {
        let mut ids = Vec::new();
        let keys: Vec<Vec<Vec<String>>> = names
            .map(|(id, others)| {
                ids.push(id.to_string());
                std::iter::once(id).chain(others).map(word_texts).collect()
            })
            .collect();
        let alike = alike_words(&keys);
        Named {
            keys,
            followers,
            ids,
            alike,
        }
    }

    /// The other spellings of a name `word` is a word of: the words of the names, aliases
    /// and ids of the entities that have `word` in one, within `budget` edits of it.
    pub(super) fn alike(&self, word: &str, budget: u8) -> Vec<String> {
        let near = |other: &&String| strsim::osa_distance(word, other) <= usize::from(budget);
        match self.alike.get(word) {
            Some(words) if budget > 0 => words.iter().filter(near).cloned().collect(),
            _ => Vec::new(),
        }
    }

    /// The entities `value` names, with everything that follows from them, sorted.
    /// Tried in turn, the first that names any: the id, a whole name or alias, the words
    /// in a name (the last as a prefix), the words with typos.
    pub(super) fn resolve(&self, value: &[String], matcher: &Matcher) -> Vec<u32> {
        let by_id: Vec<u32> = self.matching(|keys| keys.first().is_some_and(|k| k == value));
        let named = if !by_id.is_empty() {
            by_id
        } else {
            let whole = self.matching(|keys| keys.iter().any(|k| k == value));
            if whole.is_empty() {
                let exact = rules(value, false);
                let found = self.matching(|keys| keys.iter().any(|k| contains(k, &exact, matcher)));
                if found.is_empty() {
                    let typos = rules(value, true);
                    self.matching(|keys| keys.iter().any(|k| contains(k, &typos, matcher)))
                } else {
                    found
                }
            } else {
                whole
            }
        };
        self.follow(named)
    }

    /// The id nearest to a value that names nothing, to suggest instead.
    pub(super) fn nearest_id(&self, value: &[String]) -> Option<String> {
        let ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        crate::model::closest(&value.join("-"), &ids).map(String::from)
    }

    fn matching(&self, test: impl Fn(&[Vec<String>]) -> bool) -> Vec<u32> {
        (0..self.keys.len())
            .filter(|&i| test(&self.keys[i]))
            .map(|i| i as u32)
            .collect()
    }

    fn follow(&self, mut found: Vec<u32>) -> Vec<u32> {
        let mut seen = vec![false; self.keys.len()];
        found.iter().for_each(|&i| seen[i as usize] = true);
        let mut at = 0;
        while at < found.len() {
            for &next in &self.followers[found[at] as usize] {
                if !std::mem::replace(&mut seen[next as usize], true) {
                    found.push(next);
                }
            }
            at += 1;
        }
        found.sort_unstable();
        found
    }
}

/// For each word of the entities' keys, the words of the same entity's keys within
/// [`MAX_ALIKE`] edits of it (worked out once: a query word then costs a look-up).
fn alike_words(keys: &[Vec<Vec<String>>]) -> rustc_hash::FxHashMap<String, Vec<String>> {
    let mut alike: rustc_hash::FxHashMap<String, Vec<String>> = Default::default();
    let mut words: Vec<&String> = Vec::new();
    for entity in keys {
        words.clear();
        for word in entity.iter().flatten() {
            if words.len() == MAX_ALIKE_WORDS {
                break;
            }
            if !words.contains(&word) {
                words.push(word);
            }
        }
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                let lengths = a.chars().count().abs_diff(b.chars().count());
                if lengths <= MAX_ALIKE && strsim::osa_distance(a, b) <= MAX_ALIKE {
                    alike.entry((*a).clone()).or_default().push((*b).clone());
                    alike.entry((*b).clone()).or_default().push((*a).clone());
                }
            }
        }
    }
    for words in alike.values_mut() {
        words.sort_unstable();
        words.dedup();
    }
    alike
}

/// A rule per value word: the last one matches as a prefix; with `typos`, words not
/// found as they are may be misspelt.
fn rules(value: &[String], typos: bool) -> Vec<WordRule> {
    let last = value.len().saturating_sub(1);
    value
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let how = match (typos, i == last) {
                (false, true) => How::StartsWith,
                (false, false) => How::Exact,
                (true, prefix_typos) => How::Any {
                    prefix_typos,
                    max_typos: typo_budget(word.chars().count()),
                    fuzzy: fuzzy_applies(word),
                },
            };
            WordRule::new(word, how)
        })
        .collect()
}

/// The key's words hold the rules' words adjacent and in order.
fn contains(key: &[String], rules: &[WordRule], matcher: &Matcher) -> bool {
    key.windows(rules.len()).any(|window| {
        window
            .iter()
            .zip(rules)
            .all(|(word, rule)| rule.grades(word, matcher).short > 0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named() -> Named {
        let names = [
            ("ukraine", vec!["Ukraine", "Kyiv"]),
            ("umerov", vec!["Rustem Umerov"]),
            ("european-allies", vec!["Ukraine's European allies"]),
            ("putin", vec!["Vladimir Putin"]),
        ];
        // Umerov represents Ukraine.
        let followers = vec![vec![1], vec![], vec![], vec![]];
        Named::new(names.into_iter(), followers)
    }

    fn resolve(value: &str) -> Vec<u32> {
        named().resolve(&word_texts(value), &Matcher::default())
    }

    #[test]
    fn an_id_or_a_whole_name_wins_over_words_and_representatives_follow() {
        assert_eq!(resolve("ukraine"), [0, 1]);
        assert_eq!(resolve("kyiv"), [0, 1]);
        assert_eq!(resolve("european"), [2]);
        assert_eq!(resolve("puti"), [3], "the last word is a prefix");
        assert_eq!(resolve("putn"), [3], "typos when nothing is found as typed");
        assert_eq!(resolve("nobody"), Vec::<u32>::new());
    }

    #[test]
    fn other_spellings_of_a_name_are_its_near_words() {
        let names = [(
            "zelensky",
            vec!["Volodymyr Zelensky", "Zelenskyy", "Zelenskiy"],
        )];
        let named = Named::new(names.into_iter(), vec![vec![]]);
        assert_eq!(named.alike("zelenskyy", 1), ["zelenskiy", "zelensky"]);
        assert_eq!(named.alike("zelensky", 1), ["zelenskiy", "zelenskyy"]);
        assert!(named.alike("zelenskyy", 0).is_empty());
        assert!(named.alike("volodymyr", 2).is_empty(), "no near word");
        assert!(
            named.alike("zelenskx", 2).is_empty(),
            "not a word of a name"
        );
    }

    #[test]
    fn thousands_of_aliases_are_compared_no_more_than_a_few() {
        let aliases: Vec<String> = (0..10_000).map(|i| format!("alias{i}")).collect();
        let names = [("many", aliases.iter().map(String::as_str).collect())];
        let named = Named::new(names.into_iter(), vec![vec![]]);
        assert!(named.alike("alias1", 2).len() < MAX_ALIKE_WORDS);
        assert!(
            named.alike("alias9999", 2).is_empty(),
            "past the words compared"
        );
    }
}
