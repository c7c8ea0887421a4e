//! What to offer when a query finds nothing: for each of its words that finds nothing by
//! itself, the nearest dossier words (or two run together, or the word sharing its
//! longest start); for an `actor:` or `place:` that names nobody, the nearest id.

use super::engine::SearchEngine;
use super::grade::MAX_TYPO_CHARS;
use super::query::{Query, TermKind, TextMatch};
use super::query_filters::Filter;

/// At most this many suggestions.
const SUGGESTIONS: usize = 3;

impl SearchEngine {
    /// Dossier words to try instead of the query's words that match no word at all,
    /// nearest first (empty when every word is found somewhere: then it is the
    /// combination that finds nothing).
    pub fn suggest(&self, query: &Query) -> Vec<String> {
        let mut found: Vec<String> = Vec::new();
        for (term, text) in query.text_terms() {
            if !matches!(text, TextMatch::Words(_) | TextMatch::Exact(_)) {
                continue;
            }
            for (rule, word) in self.rules(term).iter().zip(text.words()) {
                if !self.vocabulary.table(rule, &self.matcher).is_empty() {
                    continue;
                }
                let mut near = self.vocabulary.nearest(word, SUGGESTIONS);
                if near.is_empty() && word.chars().count() <= MAX_TYPO_CHARS {
                    near.extend(self.vocabulary.split(word));
                    near.extend(self.vocabulary.sharing_start(word));
                }
                for near in near {
                    if !found.contains(&near) && found.len() < SUGGESTIONS {
                        found.push(near);
                    }
                }
            }
        }
        found.extend(self.filter_suggestions(query));
        found.truncate(SUGGESTIONS);
        found
    }

    /// `actor:ID` or `place:ID` for a filter that names nobody.
    fn filter_suggestions(&self, query: &Query) -> Vec<String> {
        let mut found = Vec::new();
        for term in query.groups.iter().flatten() {
            let (named, field, value) = match &term.kind {
                TermKind::Filter(Filter::Actor(value)) => (&self.actors, "actor", value),
                TermKind::Filter(Filter::Place(value)) => (&self.places, "place", value),
                _ => continue,
            };
            if named.resolve(value, &self.matcher).is_empty()
                && let Some(id) = named.nearest_id(value)
            {
                found.push(format!("{field}:{id}"));
            }
        }
        found
    }
}
