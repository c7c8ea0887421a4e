//! `talks filter QUERY`: lines of standard input that match, best first, like
//! `fzf --filter`: fzf's query syntax, fuzzy-matcher's skim scorer, smart case (a term with
//! an upper-case letter respects case), and Latin diacritics folded. No typos unless
//! `--typos`, which reads each line as a title with the explorer's word rules instead.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::search::Query;
use crate::text::sanitize_line;

mod typos;

/// How one fzf term matches a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
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

#[derive(Debug, Clone)]
struct Term {
    negated: bool,
    how: How,
    /// Lower case unless the term respects case; folded when `normalize`.
    text: String,
    /// Smart case: a term with an upper-case letter respects case.
    respect_case: bool,
    /// Diacritics are folded in the term and the line, unless the term has some itself
    /// (`café` then matches only `café`), as fzf does.
    normalize: bool,
}

/// Latin letters without their diacritics ("é" → "e"), case kept.
fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.nfd().filter(|c| !is_combining_mark(*c)).collect())
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
fn parse(query: &str) -> Vec<Vec<Term>> {
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

struct Matchers {
    ignoring_case: SkimMatcherV2,
    respecting_case: SkimMatcherV2,
}

/// A line as the terms read it: as it is or folded, each in lower case when needed,
/// worked out once for all the terms.
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

impl Matchers {
    /// The term's score on the line, if it matches.
    fn score(&self, term: &Term, hay: &Hay) -> Option<i64> {
        let needle = term.text.as_str();
        let line = hay.for_term(term);
        let matcher = if term.respect_case {
            &self.respecting_case
        } else {
            &self.ignoring_case
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

    /// The line's score: every group matches by its best alternative.
    fn line(&self, groups: &[Vec<Term>], line: &str) -> Option<i64> {
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
                .filter_map(|term| match (self.score(term, &hay), term.negated) {
                    (Some(_), true) => None,
                    (None, true) => Some(0),
                    (found, false) => found,
                })
                .max();
            total += best?;
        }
        Some(total)
    }
}

/// fzf's anchored matches skip the line's spaces at the anchored end, unless the term
/// has some there itself.
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

/// What `talks filter` was asked.
#[derive(Debug, Clone, Default)]
pub struct FilterOptions {
    pub query: String,
    /// Forgive typos (the explorer's word rules) instead of fzf's matching.
    pub typos: bool,
    /// At most this many lines.
    pub limit: Option<usize>,
    /// Records end with NUL instead of a line feed, in and out.
    pub read0: bool,
    pub print0: bool,
    /// Standard output is a terminal: control characters are escaped. To a pipe the
    /// lines go unchanged, as they came (tabs, invalid UTF-8 and all).
    pub to_terminal: bool,
}

/// Prints the lines of `input` that match, best first (ties: shorter first, then in input
/// order).
pub fn run(
    out: &mut impl Write,
    input: impl BufRead,
    options: &FilterOptions,
) -> io::Result<ExitCode> {
    let query = options.query.as_str();
    // fzf's syntax reads any query; the explorer's (for --typos) may refuse one.
    if let Some(err) = options.typos.then(|| Query::parse(query).err()).flatten() {
        crate::say!("talks: cannot read the query: {err}");
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    let records = read_records(input, if options.read0 { 0 } else { b'\n' })?;
    // A line that is not UTF-8 is matched with U+FFFD for its bad bytes, as fzf shows it.
    let lines: Vec<String> = records
        .iter()
        .map(|record| String::from_utf8_lossy(record).into_owned())
        .collect();
    let mut order = if options.typos {
        typos::with_typos(&lines, query)
    } else {
        fzf_order(&lines, query)
    };
    order.truncate(options.limit.unwrap_or(usize::MAX));
    let found = !order.is_empty();
    let mut out = io::BufWriter::new(out);
    let end = if options.print0 { b"\0" } else { b"\n" };
    for i in order {
        if options.to_terminal {
            out.write_all(sanitize_line(&lines[i]).as_bytes())?;
        } else {
            out.write_all(&records[i])?;
        }
        out.write_all(end)?;
    }
    out.flush()?;
    // As fzf --filter: 1 when no line matches.
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_NOT_FOUND)
    })
}

/// The records of `input`, each without its terminator (and, for lines, a CR before it,
/// as fzf reads them).
fn read_records(input: impl BufRead, terminator: u8) -> io::Result<Vec<Vec<u8>>> {
    input
        .split(terminator)
        .map(|record| {
            record.map(|mut bytes| {
                if terminator == b'\n' && bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                bytes
            })
        })
        .collect()
}

/// The matching lines' numbers in fzf's order.
fn fzf_order(lines: &[String], query: &str) -> Vec<usize> {
    let matchers = Matchers {
        ignoring_case: SkimMatcherV2::default().ignore_case(),
        respecting_case: SkimMatcherV2::default().respect_case(),
    };
    let groups = parse(query);
    let mut scored: Vec<(i64, usize)> = on_both_cores(lines, |i, line| {
        matchers.line(&groups, line).map(|s| (s, i))
    });
    // As in fzf: equal scores put the shorter line first, then input order; lines only
    // kept (by negations) stay in input order.
    let mut ranked: Vec<(std::cmp::Reverse<i64>, usize, usize)> = scored
        .drain(..)
        .map(|(score, i)| {
            let length = if score > 0 { lines[i].len() } else { 0 };
            (std::cmp::Reverse(score), length, i)
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(_, _, i)| i).collect()
}

/// `score` of every line, on two threads (the order of the lines is kept).
fn on_both_cores(
    lines: &[String],
    score: impl Fn(usize, &str) -> Option<(i64, usize)> + Sync,
) -> Vec<(i64, usize)> {
    let half = lines.len() / 2;
    let score = &score;
    let run = move |from: usize, part: &[String]| -> Vec<(i64, usize)> {
        part.iter()
            .enumerate()
            .filter_map(|(i, line)| score(from + i, line))
            .collect()
    };
    std::thread::scope(|scope| {
        let second = scope.spawn(move || run(half, &lines[half..]));
        let mut all = run(0, &lines[..half]);
        // A thread that panicked has found a bug; its half then matches nothing.
        all.extend(second.join().unwrap_or_default());
        all
    })
}

#[cfg(test)]
mod tests;
