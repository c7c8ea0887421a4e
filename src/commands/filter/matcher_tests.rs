//! The matcher against the rules as first written: every alternative scored by the
//! skim matcher itself, the best of each group, the sum of the groups.

use std::cell::OnceCell;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;

use super::matcher::{Matcher, Scratch};
use super::query::{How, Term, fold, parse};

struct Hay<'a> {
    raw: &'a str,
    folded: OnceCell<String>,
    lower: OnceCell<String>,
    folded_lower: OnceCell<String>,
}

impl Hay<'_> {
    fn for_term(&self, term: &Term) -> &str {
        match (term.normalize, term.respect_case) {
            (false, true) => self.raw,
            (false, false) => self.lower.get_or_init(|| self.raw.to_lowercase()),
            (true, true) => self.folded.get_or_init(|| fold(self.raw).into_owned()),
            (true, false) => self
                .folded_lower
                .get_or_init(|| fold(self.raw).to_lowercase()),
        }
    }
}

fn start_trimmed<'a>(line: &'a str, needle: &str) -> &'a str {
    if needle.starts_with(char::is_whitespace) {
        line
    } else {
        line.trim_start()
    }
}

fn end_trimmed<'a>(line: &'a str, needle: &str) -> &'a str {
    if needle.ends_with(char::is_whitespace) {
        line
    } else {
        line.trim_end()
    }
}

fn term_score(term: &Term, hay: &Hay) -> Option<i64> {
    let needle = term.text.as_str();
    let line = hay.for_term(term);
    // A fresh matcher each time: its cache would carry cells over from the line before.
    let matcher = if term.respect_case {
        SkimMatcherV2::default().respect_case()
    } else {
        SkimMatcherV2::default().ignore_case()
    };
    let found = match term.how {
        How::Fuzzy => return matcher.fuzzy_match(line, needle),
        How::Exact => line.contains(needle),
        How::Prefix => start_trimmed(line, needle).starts_with(needle),
        How::Suffix => end_trimmed(line, needle).ends_with(needle),
        How::Equal => end_trimmed(start_trimmed(line, needle), needle) == needle,
    };
    found.then(|| matcher.fuzzy_match(line, needle).unwrap_or(0))
}

fn reference(groups: &[Vec<Term>], line: &str) -> Option<i64> {
    let hay = Hay {
        raw: line,
        folded: OnceCell::new(),
        lower: OnceCell::new(),
        folded_lower: OnceCell::new(),
    };
    let mut total = 0;
    for group in groups {
        let best = group
            .iter()
            .filter_map(|term| match (term_score(term, &hay), term.negated) {
                (Some(_), true) => None,
                (None, true) => Some(0),
                (found, false) => found,
            })
            .max();
        total += best?;
    }
    Some(total)
}

fn ours(query: &str, line: &str) -> Option<i64> {
    Matcher::new(parse(query)).score(line, &mut Scratch::default())
}

#[test]
fn many_alternatives_score_as_each_would() {
    let words: Vec<String> = (0..300).map(|i| format!("w{i}x")).collect();
    let mut query = words.join(" | ");
    query.push_str(" | 'w12 | ^w2 | 9x$ | ^w77x$ | !'zz");
    for line in ["w12x w3", "w299x", "  w77x ", "nothing", "x w1 2 x", ""] {
        assert_eq!(
            ours(&query, line),
            reference(&parse(&query), line),
            "{line:?}"
        );
    }
}

fn token() -> impl Strategy<Value = String> {
    ("(!)?('|\\^)?", "[aAbé ]{1,3}", "(\\$)?")
        .prop_map(|(head, word, tail)| format!("{head}{}{tail}", word.replace(' ', "\\ ")))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn the_same_scores_as_the_rules(
        tokens in proptest::collection::vec((token(), any::<bool>()), 1..12),
        line in "[aAbBé .]{0,24}",
    ) {
        let mut query = String::new();
        for (token, or) in &tokens {
            if !query.is_empty() {
                query.push_str(if *or { " | " } else { " " });
            }
            query.push_str(token);
        }
        prop_assert_eq!(ours(&query, &line), reference(&parse(&query), &line), "{}", query);
    }
}
