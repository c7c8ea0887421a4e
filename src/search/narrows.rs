//! Whether a query narrows the one before it, so that it can be searched among that one's
//! results while a word is typed on.

use super::SearchEngine;
use super::grade::{How, WordRule};
use super::query::{Query, Term, TermKind, TextMatch};

impl SearchEngine {
    /// Whether every entity that matches `new` also matches `old`, so that `new` can be
    /// searched among `old`'s results: the same terms with the word being typed made
    /// longer (while its typo and fuzzy allowances stay the same), or more terms ANDed.
    pub fn narrows(&self, old: &Query, new: &Query) -> bool {
        if old.is_empty() || new.groups.len() < old.groups.len() {
            return false;
        }
        let plain = |term: &Term| Term {
            typing: false,
            ..term.clone()
        };
        let same_group = |a: &Vec<Term>, b: &Vec<Term>| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| plain(x) == plain(y))
        };
        let shared = old.groups.len() - 1;
        if !old.groups[..shared]
            .iter()
            .zip(&new.groups)
            .all(|(a, b)| same_group(a, b))
        {
            return false;
        }
        let (old_last, new_last) = (&old.groups[shared], &new.groups[shared]);
        if new.groups.len() > old.groups.len() || same_group(old_last, new_last) {
            return same_group(old_last, new_last);
        }
        old_last.len() == new_last.len()
            && old_last
                .iter()
                .zip(new_last)
                .take(old_last.len() - 1)
                .all(|(a, b)| a == b)
            && match (old_last.last(), new_last.last()) {
                (Some(a), Some(b)) => self.typed_on(a, b),
                _ => false,
            }
    }

    /// `new` is `old` with its last word typed on, matching no more than it did.
    fn typed_on(&self, old: &Term, new: &Term) -> bool {
        let (TermKind::Text(TextMatch::Words(a)), TermKind::Text(TextMatch::Words(b))) =
            (&old.kind, &new.kind)
        else {
            return false;
        };
        let (Some(old_word), Some(new_word)) = (a.last(), b.last()) else {
            return false;
        };
        let (old_rule, new_rule) = (self.rules(old), self.rules(new));
        let allowances = |rule: Option<&WordRule>| match rule.map(|r| &r.how) {
            Some(How::Any {
                max_typos, fuzzy, ..
            }) => Some((*max_typos, *fuzzy)),
            _ => None,
        };
        let (Some((0, old_fuzzy)), Some((0, new_fuzzy))) =
            (allowances(old_rule.last()), allowances(new_rule.last()))
        else {
            return false;
        };
        let skips = |w: &str| w.chars().count() / 3;
        // A word cut in two dossier words matches them as a phrase, and other spellings of
        // a name match as typos: the word typed so far may not have found them.
        let alike = |rules: &[WordRule]| rules.last().map(|r| r.alike.clone());
        !self.has_halves(new_word)
            && alike(&new_rule).is_none_or(|new| {
                new.is_empty()
                    || alike(&old_rule).is_some_and(|old| new.iter().all(|w| old.contains(w)))
            })
            && old.negated == new.negated
            && old.typing
            && new.typing
            && a.len() == b.len()
            && a[..a.len() - 1] == b[..b.len() - 1]
            && new_word.starts_with(old_word.as_str())
            && old_fuzzy == new_fuzzy
            && (!new_fuzzy || skips(old_word) == skips(new_word))
    }
}
