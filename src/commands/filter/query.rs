//! fzf's extended query syntax: terms, their kind of match, and groups of alternatives.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// How one fzf term matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum How {
    Fuzzy,
    /// `'word`: the substring.
    Exact,
    /// `^word`: the line starts with it (leading spaces aside).
    Prefix,
    /// `word$`: the line ends with it (trailing spaces aside).
    Suffix,
    /// `^word$`: the line is it (spaces around aside).
    Equal,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Term {
    pub(crate) negated: bool,
    pub(crate) how: How,
    /// Lower case unless the term respects case; folded when `normalize`.
    pub(crate) text: String,
    /// Smart case: a term with an upper-case letter respects case.
    pub(crate) respect_case: bool,
    /// Diacritics are folded in the term and the line, unless the term has some itself
    /// (`café` then matches only `café`), as fzf does.
    pub(crate) normalize: bool,
}

/// Latin letters without their diacritics ("é" → "e"), case kept.
pub(super) fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    let mut folded = String::with_capacity(text.len());
    for (ascii, run) in runs(text) {
        if ascii {
            folded.push_str(run);
        } else {
            folded.extend(unmarked(run));
        }
    }
    Cow::Owned(folded)
}

/// `run` decomposed (NFD) without its combining marks.
pub(super) fn unmarked(run: &str) -> impl Iterator<Item = char> + '_ {
    run.nfd().filter(|c| !is_combining_mark(*c))
}

/// `text` cut into runs of ASCII and of the rest, each said which. An ASCII character
/// decomposes to itself and no combining mark is reordered across one (its combining class
/// is 0), so folding the runs between gives what folding the whole text does, and the
/// ASCII is copied as it is.
pub(super) fn runs(text: &str) -> impl Iterator<Item = (bool, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let ascii = rest.as_bytes().first()?.is_ascii();
        let end = (rest.bytes().position(|b| b.is_ascii() != ascii)).unwrap_or(rest.len());
        let (run, after) = rest.split_at(end);
        rest = after;
        Some((ascii, run))
    })
}

/// One term, read as fzf reads it (`parseTerms` in fzf's pattern.go): `!` negates (and
/// makes the term exact), a `$` at the end anchors the end, then a `'` flips exactness
/// or a `^` anchors the start; what is left empty matches every line.
fn parse_term(token: &str) -> Option<Term> {
    let text = token.replace('\t', " ");
    let lower = text.to_lowercase();
    let respect_case = text != lower;
    let normalize = lower == fold(&lower);
    let mut text = if respect_case { text } else { lower };
    let mut how = How::Fuzzy;
    let negated = text.starts_with('!');
    if negated {
        how = How::Exact;
        text.remove(0);
    }
    if text != "$" && text.ends_with('$') {
        how = How::Suffix;
        text.pop();
    }
    if text.starts_with('\'') {
        how = if negated { How::Fuzzy } else { How::Exact };
        text.remove(0);
    } else if text.starts_with('^') {
        how = if how == How::Suffix {
            How::Equal
        } else {
            How::Prefix
        };
        text.remove(0);
    }
    let text = if normalize {
        fold(&text).into_owned()
    } else {
        text
    };
    (!text.is_empty()).then_some(Term {
        negated,
        how,
        text,
        respect_case,
        normalize,
    })
}

/// The query's groups of alternatives (`a | b`), every group to match. As in fzf, terms
/// are split at spaces (`\ ` is a space inside a term) and `|` joins only after a term.
pub(super) fn parse(query: &str) -> Vec<Vec<Term>> {
    let query = query.trim_start_matches(' ').replace("\\ ", "\t");
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut joining = false;
    for token in query.split(' ').filter(|t| !t.is_empty()) {
        let open_group = groups.last().is_some_and(|_| !joining);
        if token == "|" && open_group {
            joining = true;
            continue;
        }
        let Some(term) = parse_term(token) else {
            continue;
        };
        match groups.last_mut() {
            Some(group) if joining => group.push(term),
            _ => groups.push(vec![term]),
        }
        joining = false;
    }
    groups
}
