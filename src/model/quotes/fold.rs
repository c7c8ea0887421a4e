//! The one folding a quote and its source's text both go through before they are compared:
//! typographic variants a copy may or may not keep are made equal, and nothing else.

/// `text` with each run of whitespace (line breaks and no-break spaces included) as one
/// space, curly and low single quotes and the prime as `'`, curly and low double quotes
/// and the double prime as `"`, every dash and the minus sign as `-`, `…` as `...`, and
/// soft hyphens and zero-width spaces left out. Case is kept: a quote is verbatim.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                folded.push(' ');
            }
            in_space = true;
            continue;
        }
        in_space = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => folded.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => folded.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
                folded.push('-');
            }
            '\u{2026}' => folded.push_str("..."),
            '\u{00AD}' | '\u{200B}' => {}
            _ => folded.push(c),
        }
    }
    folded
}

/// Whether the folded `quote` occurs in the folded `text` as whole words: a quote that
/// starts or ends with a letter or digit does not match inside a longer word.
pub(crate) fn occurs(text: &str, quote: &str) -> bool {
    let quote = quote.trim_matches(' ');
    if quote.is_empty() {
        return true;
    }
    let starts_word = quote.chars().next().is_some_and(char::is_alphanumeric);
    let ends_word = quote.chars().next_back().is_some_and(char::is_alphanumeric);
    // A SIMD search through the text, once per quote (the text was folded once).
    memchr::memmem::find_iter(text.as_bytes(), quote.as_bytes()).any(|at| {
        let before = text[..at].chars().next_back();
        let after = text[at + quote.len()..].chars().next();
        let cuts_a_word_before = starts_word && before.is_some_and(char::is_alphanumeric);
        let cuts_a_word_after = ends_word && after.is_some_and(char::is_alphanumeric);
        !cuts_a_word_before && !cuts_a_word_after
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_quotes_and_dashes_fold_to_plain_forms() {
        assert_eq!(fold("a  b\n\t c\u{a0}d"), "a b c d");
        assert_eq!(
            fold("\u{2018}x\u{2019} \u{201C}y\u{201D} \u{201E}z\u{201F}"),
            "'x' \"y\" \"z\""
        );
        assert_eq!(
            fold("a\u{2013}b\u{2014}c\u{2212}d\u{2011}e\u{2012}f\u{2010}g"),
            "a-b-c-d-e-f-g"
        );
        assert_eq!(fold("wait\u{2026}"), "wait...");
        assert_eq!(fold("peace\u{00AD}keeping"), "peacekeeping");
    }

    #[test]
    fn case_is_kept() {
        assert_eq!(fold("No Compromise"), "No Compromise");
    }

    #[test]
    fn a_quote_occurs_as_whole_words_only() {
        let text = fold("We want peacekeeping and \u{201C}lasting peace\u{201D}.");
        assert!(occurs(&text, &fold("lasting peace")));
        assert!(occurs(&text, &fold("\"lasting peace\".")));
        assert!(!occurs(&text, &fold("keeping and")));
        assert!(!occurs(&text, &fold("keeping")));
        assert!(!occurs(&text, &fold("Lasting peace")));
        assert!(occurs(&text, &fold(" and ")));
    }
}
