//! One folding for the dossier and the query: lower case, no diacritics, and words split at
//! anything that is not a letter or a digit (so space, `-`, `–`, `—`, `/` and `_` are one
//! class of separator).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded form of one character, pushed onto `out`: lower case without diacritics
/// ("É" → "e", "ß" stays "ß"). Combining marks alone fold to nothing.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

/// True for a character that belongs to a word.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() && !is_combining_mark(c)
}

/// A word of a text, folded, with where it stands in the original (char indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Calls `each` with every folded word of `text`, in order (no allocation per word beyond
/// the one buffer).
pub(crate) fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                word.push(c.to_ascii_lowercase());
            } else if !word.is_empty() {
                each(&word);
                word.clear();
            }
        } else if in_word(c) {
            fold_char(c, &mut word);
        } else if is_combining_mark(c) {
            continue;
        } else if !word.is_empty() {
            each(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        each(&word);
    }
}

/// The folded words of `text` with their places in it.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    let mut current: Option<Word> = None;
    for (i, c) in text.chars().enumerate() {
        if in_word(c) {
            let word = current.get_or_insert_with(|| Word {
                text: String::new(),
                start: i,
                end: i,
            });
            fold_char(c, &mut word.text);
            word.end = i + 1;
        } else if is_combining_mark(c) {
            if let Some(word) = current.as_mut() {
                word.end = i + 1;
            }
        } else if let Some(word) = current.take() {
            found.push(word);
        }
    }
    found.extend(current);
    found
}

/// The folded words of `text`, as strings.
pub(crate) fn word_texts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for_each_word(text, |w| found.push(w.to_string()));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics_and_splits_at_every_separator() {
        let expected = ["us", "ukraine", "one", "fifth", "a", "b", "c", "d"];
        assert_eq!(word_texts("US–Ukraine one-fifth a/b_c — d"), expected);
        assert_eq!(
            word_texts("Zoë MÜLLER Kyïv Zelenskyy"),
            ["zoe", "muller", "kyiv", "zelenskyy"]
        );
        // A decomposed "e" + combining acute is one word, as the composed form is.
        assert_eq!(word_texts("Ze\u{301}lensky"), ["zelensky"]);
        assert_eq!(word_texts("NATO's"), ["nato", "s"]);
    }

    #[test]
    fn words_know_where_they_stand() {
        let found = words("Witkoff–Putin talks");
        let spans: Vec<(usize, usize)> = found.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(spans, [(0, 7), (8, 13), (14, 19)]);
        assert_eq!(words("é!")[0].end, 1);
    }
}
