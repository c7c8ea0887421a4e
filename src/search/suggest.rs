//! What to offer when a query finds nothing: the dossier words nearest to each of its
//! words that finds nothing by itself.

use super::engine::SearchEngine;
use super::query::{Query, TextMatch};

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
                for near in self.vocabulary.nearest(word, SUGGESTIONS) {
                    if !found.contains(&near) && found.len() < SUGGESTIONS {
                        found.push(near);
                    }
                }
            }
        }
        found
    }
}
