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

use crate::model::{Dossier, EntityKind, Event, EventKind, EventStatus, Index};
use crate::search::{Query, SearchEngine};
use crate::text::sanitize_line;

/// How one fzf term matches a line.
#[derive(Debug, Clone, PartialEq, Eq)]
enum How {
    Fuzzy,
    /// `'word`: the substring.
    Exact,
    /// `^word`: the line starts with it.
    Prefix,
    /// `word$`: the line ends with it.
    Suffix,
}

#[derive(Debug, Clone)]
struct Term {
    negated: bool,
    how: How,
    /// Folded, and lower case unless the term respects case.
    text: String,
    /// Smart case: a term with an upper-case letter respects case.
    respect_case: bool,
}

/// Latin letters without their diacritics ("é" → "e"), case kept.
fn fold(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.nfd().filter(|c| !is_combining_mark(*c)).collect())
}

fn parse_term(token: &str) -> Option<Term> {
    let (negated, rest) = token
        .strip_prefix('!')
        .map_or((false, token), |rest| (true, rest));
    let (how, text) = if let Some(t) = rest.strip_prefix('\'') {
        (How::Exact, t)
    } else if let Some(t) = rest.strip_prefix('^') {
        (How::Prefix, t)
    } else if let Some(t) = rest.strip_suffix('$') {
        (How::Suffix, t)
    } else if negated {
        // As in fzf, a negated term is an exact one.
        (How::Exact, rest)
    } else {
        (How::Fuzzy, rest)
    };
    let respect_case = text.chars().any(char::is_uppercase);
    let folded = fold(text);
    (!text.is_empty()).then(|| Term {
        negated,
        how,
        respect_case,
        text: if respect_case {
            folded.into_owned()
        } else {
            folded.to_lowercase()
        },
    })
}

/// The query's groups of alternatives (`a | b`), every group to match.
fn parse(query: &str) -> Vec<Vec<Term>> {
    let mut groups: Vec<Vec<Term>> = Vec::new();
    let mut joining = false;
    for token in query.split_whitespace() {
        if token == "|" {
            joining = !groups.is_empty();
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

impl Matchers {
    /// The term's score on `line` (folded), if it matches.
    /// The term's score on `line` (folded; `lower`, the line in lower case, worked out
    /// once when a term needs it), if it matches.
    fn score(&self, term: &Term, line: &str, lower: &OnceCell<String>) -> Option<i64> {
        let needle = term.text.as_str();
        if term.how == How::Fuzzy {
            let matcher = if term.respect_case {
                &self.respecting_case
            } else {
                &self.ignoring_case
            };
            return matcher.fuzzy_match(line, needle);
        }
        let (matcher, hay) = if term.respect_case {
            (&self.respecting_case, line)
        } else {
            (
                &self.ignoring_case,
                lower.get_or_init(|| line.to_lowercase()).as_str(),
            )
        };
        let found = match term.how {
            How::Exact | How::Fuzzy => hay.contains(needle),
            How::Prefix => hay.starts_with(needle),
            How::Suffix => hay.ends_with(needle),
        };
        found.then(|| matcher.fuzzy_match(hay, needle).unwrap_or(0))
    }

    /// The line's score: every group matches by its best alternative.
    fn line(&self, groups: &[Vec<Term>], line: &str) -> Option<i64> {
        let folded = fold(line);
        let lower = OnceCell::new();
        let mut total = 0;
        for group in groups {
            let best = group
                .iter()
                .filter_map(
                    |term| match (self.score(term, &folded, &lower), term.negated) {
                        (Some(_), true) => None,
                        (None, true) => Some(0),
                        (found, false) => found,
                    },
                )
                .max();
            total += best?;
        }
        Some(total)
    }
}

/// Prints the lines of `input` that match `query`, best first (ties: shorter first, then
/// in input order).
pub fn run(
    out: &mut impl Write,
    input: impl BufRead,
    query: &str,
    typos: bool,
) -> io::Result<ExitCode> {
    if let Err(err) = Query::parse(query) {
        eprintln!("talks: cannot read the query: {err}");
        return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
    }
    // A line that is not UTF-8 is read with U+FFFD for its bad bytes, as fzf shows it.
    let lines = input
        .split(b'\n')
        .map(|line| {
            line.map(|mut bytes| {
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                String::from_utf8_lossy(&bytes).into_owned()
            })
        })
        .collect::<io::Result<Vec<String>>>()?;
    let order = if typos {
        with_typos(&lines, query)
    } else {
        let matchers = Matchers {
            ignoring_case: SkimMatcherV2::default().ignore_case(),
            respecting_case: SkimMatcherV2::default().respect_case(),
        };
        let groups = parse(query);
        let mut scored: Vec<(i64, usize)> = on_both_cores(&lines, |i, line| {
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
    };
    let found = !order.is_empty();
    let mut out = io::BufWriter::new(out);
    for i in order {
        writeln!(out, "{}", sanitize_line(&lines[i]))?;
    }
    out.flush()?;
    // As fzf --filter: 1 when no line matches.
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_NOT_FOUND)
    })
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

/// The explorer's word rules, each line read as the title of an event.
fn with_typos(lines: &[String], query: &str) -> Vec<usize> {
    let dossier = dossier_of(lines);
    let engine = SearchEngine::new(&dossier, &Index::build(&dossier));
    let mut results = engine.search(&Query::parse(query).unwrap_or_default());
    results
        .all_ranked(EntityKind::Event)
        .iter()
        .map(|hit| hit.index)
        .collect()
}

/// Each line becomes the title of an event of an otherwise empty dossier.
fn dossier_of(lines: &[String]) -> Dossier {
    let events = lines
        .iter()
        .enumerate()
        .map(|(i, title)| Event {
            id: format!("line-{i}"),
            title: title.clone(),
            kind: EventKind::Unknown(String::new()),
            status: EventStatus::Unknown(String::new()),
            order: i as u32,
            date: None,
            place: None,
            participants: Vec::new(),
            sticking_points: Vec::new(),
            summary: None,
            outcomes: Vec::new(),
            quotes: Vec::new(),
            sources: Vec::new(),
        })
        .collect();
    Dossier {
        version: 1,
        title: "standard input".into(),
        summary: None,
        sources: Vec::new(),
        actors: Vec::new(),
        events,
        sticking_points: Vec::new(),
        places: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    fn filter(input: &str, query: &str, typos: bool) -> String {
        let mut out = Vec::new();
        super::run(&mut out, input.as_bytes(), query, typos).unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8(out).unwrap_or_default()
    }

    #[test]
    fn prints_matching_lines_best_first() {
        let input = "Geneva talks\nceasefire in Kherson\ntalks in Geneva resumed\nnothing\n";
        assert_eq!(
            filter(input, "geneva", false),
            "Geneva talks\ntalks in Geneva resumed\n"
        );
        let out = filter("a\u{1b}]52;c;x\u{7}b\n", "ab", false);
        assert!(!out.contains('\u{1b}'), "control characters are escaped");
    }

    #[test]
    fn follows_fzf_subsequences_smart_case_and_diacritics() {
        let input = "Negotiators in Florida\nNATO\nZoë Müller\nnato summit\n";
        assert_eq!(
            filter(input, "nato", false),
            "nato summit\nNATO\nNegotiators in Florida\n"
        );
        assert_eq!(
            filter(input, "NATO", false),
            "NATO\n",
            "upper case respects case"
        );
        assert_eq!(filter(input, "zoe muller", false), "Zoë Müller\n");
        assert_eq!(
            filter(input, "!nato", false),
            "Negotiators in Florida\nZoë Müller\n"
        );
        assert_eq!(
            filter(input, "^zo | summit$", false),
            "nato summit\nZoë Müller\n"
        );
    }

    #[test]
    fn bad_bytes_do_not_stop_the_other_lines() {
        let mut out = Vec::new();
        let input: &[u8] = b"a\xffb nato\r\nnato ok\n";
        let code = super::run(&mut out, input, "nato", false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(code, std::process::ExitCode::SUCCESS);
        assert_eq!(String::from_utf8_lossy(&out), "nato ok\na\u{fffd}b nato\n");
        let code =
            super::run(&mut Vec::new(), input, "xyz", false).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(code, std::process::ExitCode::from(1));
    }

    #[test]
    fn typos_only_when_asked() {
        let input = "Witkoff meets Putin\nUmerov in Florida\n";
        assert_eq!(filter(input, "umarov", false), "");
        assert_eq!(filter(input, "umarov", true), "Umerov in Florida\n");
    }
}
