//! The fuzzy scorer (fuzzy-matcher's skim algorithm; the crate is unchanged upstream since
//! 2020) behind one file: replacing it is a change to this file only. It stands low in the
//! layering, beside `text`, because the model's "did you mean" uses it as well as search.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Scores how well a pattern's characters appear, in order, in a text. The default is
/// smart-case: case counts only when the pattern has a capital.
#[derive(Default)]
pub struct Matcher(SkimMatcherV2);

impl Matcher {
    /// A matcher for which case never counts.
    pub fn ignoring_case() -> Self {
        Matcher(SkimMatcherV2::default().ignore_case())
    }

    /// A matcher that scores greedily (cheaper, less exact) when the pattern's length times
    /// the text's exceeds `cells`, so that one huge text cannot stall a keystroke.
    pub fn limited_to(cells: usize) -> Self {
        Matcher(SkimMatcherV2::default().element_limit(cells))
    }

    /// The score of `pattern` in `text`, higher for a better match; none when the pattern's
    /// characters are not all in the text in order.
    pub fn score(&self, text: &str, pattern: &str) -> Option<i64> {
        self.0.fuzzy_match(text, pattern)
    }
}
