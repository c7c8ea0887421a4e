//! A query's words looked for in a few short texts the engine does not index (a source's
//! title, publisher and note, for the sources page).

use super::normalise::for_each_word;
use super::query::{Query, Term, TermKind, TextMatch};

impl Query {
    /// Whether `texts` hold the query: every group has a term that holds, a text term
    /// holding when each of its words is a word of the texts (the word being typed, or a
    /// plain word, may begin one; `'word` is the word itself; `^word` and `word$` begin and
    /// end one), a negated one when they are not. A filter holds nothing here: it asks
    /// about entities. An empty query holds nowhere (it asks for nothing by name).
    pub fn matches_words(&self, texts: &[&str]) -> bool {
        if self.is_empty() {
            return false;
        }
        let mut words = Vec::new();
        for text in texts {
            for_each_word(text, |w| words.push(w.to_string()));
        }
        self.groups
            .iter()
            .all(|group| group.iter().any(|term| holds(term, &words)))
    }
}

fn holds(term: &Term, words: &[String]) -> bool {
    let TermKind::Text(text) = &term.kind else {
        return false;
    };
    let found = text.words().iter().all(|wanted| {
        words.iter().any(|w| match text {
            TextMatch::Words(_) | TextMatch::Prefix(_) => w.starts_with(wanted.as_str()),
            TextMatch::Exact(_) => w == wanted,
            TextMatch::Suffix(_) => w.ends_with(wanted.as_str()),
        })
    });
    found != term.negated
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holds_in(query: &str, texts: &[&str]) -> bool {
        Query::parse(query).unwrap_or_default().matches_words(texts)
    }

    #[test]
    fn a_query_s_words_are_found_in_plain_texts() {
        let texts = ["US & Ukraine Forge Peace Framework", "Example Wire"];
        assert!(holds_in("framework", &texts));
        assert!(holds_in("frame", &texts));
        assert!(holds_in("FRAMEWORK wire", &texts));
        assert!(holds_in("'wire", &texts));
        assert!(!holds_in("'wir", &texts));
        assert!(holds_in("work$", &texts));
        assert!(holds_in("moscow | peace", &texts));
        assert!(!holds_in("framework moscow", &texts));
        assert!(!holds_in("!framework", &texts));
        assert!(holds_in("!moscow wire", &texts));
        assert!(!holds_in("kind:event", &texts));
        assert!(!holds_in("", &texts));
    }
}
