//! The query made ready for lines: each group's alternatives, by the form of the line they
//! read (as it is, in lower case, folded), tested together (`sets`) and scored
//! (`skim`). A line's score is the sum of its groups' best alternatives.

use std::cell::OnceCell;
use std::collections::HashSet;

use super::query::{How, Term, fold, runs, unmarked};
use super::sets::{AnchoredSet, ExactSet, FuzzySet, TermId, Waiting};
use super::skim;

/// Lines up to this long keep their lower-case and folded forms while every term is tested;
/// a longer one makes each form again when a group needs it, so that it holds one at a time.
const KEEP_FORMS: usize = 1 << 20;

/// The form of the line a term reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    AsIs,
    Lower,
    Folded,
    FoldedLower,
}

impl Form {
    fn of(term: &Term) -> Self {
        match (term.normalize, term.respect_case) {
            (false, true) => Form::AsIs,
            (false, false) => Form::Lower,
            (true, true) => Form::Folded,
            (true, false) => Form::FoldedLower,
        }
    }

    fn make(self, line: &str) -> String {
        match self {
            Form::AsIs => line.to_string(),
            Form::Lower => line.to_lowercase(),
            Form::Folded => fold(line).into_owned(),
            Form::FoldedLower => folded_lower(line),
        }
    }
}

/// `fold(line).to_lowercase()`, in one pass where no capital sigma asks for its context.
pub(super) fn folded_lower(line: &str) -> String {
    if line.is_ascii() {
        return line.to_ascii_lowercase();
    }
    if line.contains('\u{3a3}') {
        return fold(line).to_lowercase();
    }
    let mut lower = String::with_capacity(line.len());
    for (ascii, run) in runs(line) {
        if ascii {
            let at = lower.len();
            lower.push_str(run);
            lower[at..].make_ascii_lowercase();
        } else {
            lower.extend(unmarked(run).flat_map(char::to_lowercase));
        }
    }
    lower
}

/// A line and the forms of it the terms read.
struct Line<'a> {
    text: &'a str,
    keep: bool,
    forms: [OnceCell<String>; 3],
}

impl Line<'_> {
    fn with<R>(&self, form: Form, read: impl FnOnce(&str) -> R) -> R {
        let slot = match form {
            Form::AsIs => return read(self.text),
            Form::Lower => 0,
            Form::Folded => 1,
            Form::FoldedLower => 2,
        };
        if self.keep {
            read(self.forms[slot].get_or_init(|| form.make(self.text)))
        } else {
            read(&form.make(self.text))
        }
    }
}

/// What one thread reuses from line to line.
#[derive(Default)]
pub(super) struct Scratch {
    waiting: Waiting,
    seen: Vec<bool>,
    found: Vec<TermId>,
    positives: Vec<(usize, TermId)>,
}

/// One term as the scorer reads it.
struct Alternative {
    chars: Vec<char>,
    how: How,
    negated: bool,
    respect_case: bool,
}

/// A group's alternatives that read one form of the line.
struct Part {
    form: Form,
    terms: Vec<Alternative>,
    negated: usize,
    /// Two fuzzy terms or more; a lone one is tested by the scorer itself.
    fuzzy: Option<FuzzySet>,
    lone_fuzzy: Option<TermId>,
    exact: ExactSet,
    anchored: Vec<AnchoredSet>,
}

impl Part {
    fn new(form: Form, terms: Vec<Term>) -> Self {
        let ids = || terms.iter().enumerate().map(|(i, t)| (i as TermId, t));
        let alternatives: Vec<Alternative> = terms
            .iter()
            .map(|t| Alternative {
                chars: t.text.chars().collect(),
                how: t.how,
                negated: t.negated,
                respect_case: t.respect_case,
            })
            .collect();
        let fuzzy: Vec<TermId> = ids()
            .filter(|(_, t)| t.how == How::Fuzzy)
            .map(|(i, _)| i)
            .collect();
        let lone_fuzzy = match fuzzy.as_slice() {
            [lone] => Some(*lone),
            _ => None,
        };
        let fuzzy = (fuzzy.len() > 1).then(|| {
            FuzzySet::new(
                fuzzy
                    .iter()
                    .map(|&i| (i, alternatives[i as usize].chars.as_slice())),
            )
        });
        Part {
            form,
            negated: terms.iter().filter(|t| t.negated).count(),
            fuzzy,
            lone_fuzzy,
            exact: ExactSet::new(
                ids()
                    .filter(|(_, t)| t.how == How::Exact)
                    .map(|(i, t)| (i, t.text.as_str())),
            ),
            anchored: AnchoredSet::group(
                ids()
                    .filter(|(_, t)| !matches!(t.how, How::Fuzzy | How::Exact))
                    .map(|(i, t)| (i, t.how, t.text.as_str())),
            ),
            terms: alternatives,
        }
    }

    /// The best of these alternatives on `line`: a positive term's score where it is found,
    /// 0 where a negated one is not.
    fn best(&self, line: &str, scratch: &mut Scratch) -> Option<i64> {
        let Scratch {
            waiting,
            seen,
            found,
            positives,
        } = scratch;
        found.clear();
        if let Some(set) = &self.fuzzy {
            set.find(line, waiting, found);
        }
        if seen.len() < self.terms.len() {
            seen.resize(self.terms.len(), false);
        }
        self.exact.find(line, seen, found);
        for set in &self.anchored {
            set.find(line, found);
        }
        positives.clear();
        let mut negated_found = 0;
        if let Some(id) = self.lone_fuzzy {
            let term = &self.terms[id as usize];
            if !term.negated {
                // Scored below, where it is found.
                positives.push((term.chars.len(), id));
            } else if skim::first_matches(line, &term.chars, term.respect_case).is_some() {
                negated_found += 1;
            }
        }
        for &id in found.iter() {
            let term = &self.terms[id as usize];
            if term.negated {
                negated_found += 1;
            } else {
                positives.push((term.chars.len(), id));
            }
        }
        let mut best = (negated_found < self.negated).then_some(0);
        // Longest first: a term's score cannot pass a bound that grows with its length.
        positives.sort_unstable_by(|a, b| b.cmp(a));
        for &(length, id) in positives.iter() {
            if best.is_some_and(|b| b >= skim::score_bound(length)) {
                break;
            }
            let term = &self.terms[id as usize];
            let score = skim::score(line, &term.chars, term.respect_case);
            let score = match term.how {
                How::Fuzzy => score,
                _ => Some(score.unwrap_or(0)),
            };
            best = best.max(score);
        }
        best
    }
}

/// The query, ready to score lines.
pub(super) struct Matcher {
    /// Every group's parts, one per form of the line its terms read.
    groups: Vec<Vec<Part>>,
}

impl Matcher {
    pub(super) fn new(groups: Vec<Vec<Term>>) -> Self {
        let groups = groups
            .into_iter()
            .map(|terms| {
                let mut unique = HashSet::new();
                let mut parts: Vec<(Form, Vec<Term>)> = Vec::new();
                for term in terms.into_iter().filter(|t| unique.insert(t.clone())) {
                    let form = Form::of(&term);
                    match parts.iter_mut().find(|(f, _)| *f == form) {
                        Some((_, same)) => same.push(term),
                        None => parts.push((form, vec![term])),
                    }
                }
                parts
                    .into_iter()
                    .map(|(form, terms)| Part::new(form, terms))
                    .collect()
            })
            .collect();
        Matcher { groups }
    }

    /// The line's score, if every group matches it (by its best alternative).
    pub(super) fn score(&self, text: &str, scratch: &mut Scratch) -> Option<i64> {
        let line = Line {
            text,
            keep: text.len() <= KEEP_FORMS,
            forms: Default::default(),
        };
        let mut total = 0;
        for parts in &self.groups {
            let best = parts
                .iter()
                .map(|part| line.with(part.form, |form| part.best(form, scratch)))
                .max()
                .flatten();
            total += best?;
        }
        Some(total)
    }
}
