use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use proptest::prelude::*;

use super::{score, score_bound};

/// The matcher's own score, from a fresh matcher (its cache keeps cells of the line
/// before, which a few scores then depend on; and `use_cache(false)` panics).
fn matcher(line: &str, pattern: &str, case_sensitive: bool) -> Option<i64> {
    let matcher = SkimMatcherV2::default();
    let matcher = if case_sensitive {
        matcher.respect_case()
    } else {
        matcher.ignore_case()
    };
    matcher.fuzzy_match(line, pattern)
}

fn ours(line: &str, pattern: &str, case_sensitive: bool) -> Option<i64> {
    score(line, &pattern.chars().collect::<Vec<_>>(), case_sensitive)
}

#[test]
fn scores_as_the_matcher_does() {
    let cases = [
        ("Geneva talks", "geneva"),
        ("talks in Geneva resumed", "geneva"),
        ("aaa", "aa"),
        ("abababab", "aba"),
        ("www.example.com/www", "www"),
        ("aaaa aaa aa", "aaa"),
        ("x", "y"),
        ("", "a"),
        ("abc", ""),
        ("FooBar foo-bar foo_bar", "fb"),
        ("Zoë Müller", "zm"),
        ("a   b", "ab"),
    ];
    for (line, pattern) in cases {
        for case_sensitive in [false, true] {
            assert_eq!(
                ours(line, pattern, case_sensitive),
                matcher(line, pattern, case_sensitive),
                "{line:?} {pattern:?} case_sensitive={case_sensitive}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A small alphabet, so that letters repeat and the matcher's quirks (bonuses the row
    /// two above left behind) come into play.
    #[test]
    fn the_same_score_on_any_line(
        line in "[aAbB0 ._/é]{0,40}",
        pattern in "[aAbB0 ._]{1,6}",
        case_sensitive in any::<bool>(),
    ) {
        prop_assert_eq!(
            ours(&line, &pattern, case_sensitive),
            matcher(&line, &pattern, case_sensitive)
        );
    }

    #[test]
    fn no_score_above_the_bound(line in "[aAbB0 ._/]{0,40}", pattern in "[ab ]{1,6}") {
        if let Some(found) = ours(&line, &pattern, false) {
            prop_assert!(found <= score_bound(pattern.chars().count()));
        }
    }
}
