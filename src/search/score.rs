//! How one document scores against a prepared query. A term's score is its best match in
//! the document: the field's tier first (name > alias > id > role > quote > summary,
//! outcomes and positions > link), then the grade of the words (exact > prefix > fuzzy >
//! typo). The terms' scores add up.

use std::sync::Arc;

use super::dates::DateFilter;
use super::document::{Facets, MARK, marker};
use super::fields::Field;
use super::grade::{Grade, Grades, WordRule};
use super::postings::{MAX_FIELD_WORDS, Occurrence};
use super::query_filters::Is;
use crate::model::EntityKind;

/// Each tier is worth more than any grade, so a better field always wins.
const TIER_WEIGHT: i64 = 100_000;
const TIERS: i64 = 8;

/// The most a short field adds for being short (below the gap between two grades).
const SHORT_FIELD_BONUS: i64 = 999;

/// The score of a match of `grade` in `field`, which has `words` words: of two equal
/// matches, the one in the shorter field ranks first ("Putin" in "Vladimir Putin" above
/// "Putin" in "Putin says he is ready for further meetings").
pub(crate) fn match_score(field: Field, grade: Grade, words: usize) -> i64 {
    tier_score(field.tier(), grade, words)
}

/// [`match_score`] by the field's tier. Fields of over [`MAX_FIELD_WORDS`] words count as
/// that many.
pub(crate) fn tier_score(tier: u8, grade: Grade, words: usize) -> i64 {
    (TIERS - i64::from(tier)) * TIER_WEIGHT
        + i64::from(grade)
        + SHORT_FIELD_BONUS / words.clamp(1, MAX_FIELD_WORDS) as i64
}

/// The score of a word of `grades` standing at `occurrence` in a document (0: none): its
/// best short-field place when it matches there (short fields rank above long ones), else
/// its best long-field place.
pub(crate) fn occurrence_score(occurrence: Occurrence, grades: Grades) -> i64 {
    match (occurrence.short(), occurrence.long()) {
        (Some((tier, words)), _) if grades.short > 0 => tier_score(tier, grades.short, words),
        (_, Some((tier, words))) if grades.any > 0 => tier_score(tier, grades.any, words),
        _ => 0,
    }
}

/// How many words the field starting at token `start` has.
fn field_words(tokens: &[u32], start: usize) -> usize {
    tokens[start..]
        .iter()
        .position(|&t| marker(t).is_some())
        .unwrap_or(tokens.len() - start)
}

/// The words that match one query word, with their grades.
#[derive(Debug)]
pub(crate) struct Table {
    pub(crate) rule: WordRule,
    /// The numbers of the words that match at all, in order.
    pub(crate) words: Vec<u32>,
    /// Their grades, packed ([`Grades::packed`]), in the same order.
    pub(crate) grades: Vec<u32>,
    /// How many documents hold those words, counted once per word (to pick the most
    /// selective word of a phrase).
    pub(crate) postings: usize,
}

impl Table {
    /// The grades of word `token` (0: it does not match).
    fn packed(&self, token: u32) -> u32 {
        self.words
            .binary_search(&token)
            .map_or(0, |at| self.grades[at])
    }

    pub(crate) fn of(&self, token: u32, short: bool) -> Grade {
        Grades::unpack(self.packed(token)).in_field(short)
    }
}

/// Where in a field a text term must stand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    Anywhere,
    /// `^word`: at the start of a name, alias, id or role.
    Start,
    /// `word$`: at the end of one.
    End,
}

/// A filter with its values resolved against the dossier.
#[derive(Debug)]
pub(crate) enum Resolved {
    Kind(EntityKind),
    Status(Option<u32>),
    Topic(Option<u32>),
    Stance(Option<u32>),
    Basis(Option<u32>),
    /// What changed since the dossier `--since` names; `None`: nothing to compare with.
    Changed(super::ChangedWhat, Option<Arc<super::Marked>>),
    Actors(Vec<u32>),
    Places(Vec<u32>),
    Date(DateFilter),
    Is(Is),
    /// Folded words that must each start a word of the analyst's note.
    Note(Vec<String>),
    Sources(super::query_filters::SourceCount),
}

impl Resolved {
    pub(crate) fn matches(&self, kind: EntityKind, facets: &Facets) -> bool {
        let has = |label: &Option<u32>, among: &[u32]| label.is_some_and(|l| among.contains(&l));
        let meets =
            |wanted: &[u32], have: &[u32]| have.iter().any(|a| wanted.binary_search(a).is_ok());
        match self {
            Resolved::Kind(k) => kind == *k,
            Resolved::Status(label) => label.is_some() && facets.status == *label,
            Resolved::Topic(label) => has(label, &facets.topics),
            Resolved::Stance(label) => has(label, &facets.stances),
            Resolved::Basis(label) => has(label, &facets.bases),
            Resolved::Changed(what, marked) => marked.as_ref().is_some_and(|m| {
                m.has(
                    *what,
                    crate::model::EntityRef::new(kind, facets.index as usize),
                )
            }),
            Resolved::Actors(wanted) => meets(wanted, &facets.actors),
            Resolved::Places(wanted) => meets(wanted, &facets.places),
            Resolved::Date(filter) => filter.matches(facets.date),
            Resolved::Is(Is::Starred) => facets.starred,
            Resolved::Is(Is::Noted) => !facets.note_words.is_empty(),
            Resolved::Sources(count) => facets
                .source_counts
                .iter()
                .any(|&n| count.admits(n as usize)),
            Resolved::Note(words) => words
                .iter()
                .all(|w| facets.note_words.iter().any(|n| n.starts_with(w.as_str()))),
        }
    }
}

/// One term, ready to score documents.
#[derive(Debug)]
pub(crate) enum Prepared {
    Filter(Resolved),
    /// One table per word (several: a phrase, matched adjacent and in order).
    Text {
        tables: Vec<Arc<Table>>,
        anchor: Anchor,
    },
}

/// A group of alternatives ready to score documents: each term with whether it is negated.
pub(crate) type PreparedGroup = [(bool, Prepared)];

/// A query ready to score documents: its groups.
pub(crate) type PreparedQuery = Vec<Vec<(bool, Prepared)>>;

/// A term's best match in one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Best {
    pub(crate) score: i64,
    pub(crate) field: Field,
}

/// The grade of the phrase starting at token `at` (0: no match).
fn phrase_grade(tokens: &[u32], at: usize, tables: &[Arc<Table>], short: bool) -> Grade {
    let mut grade = Grade::MAX;
    for (k, table) in tables.iter().enumerate() {
        match tokens.get(at + k) {
            Some(&token) if marker(token).is_none() => grade = grade.min(table.of(token, short)),
            _ => return 0,
        }
        if grade == 0 {
            return 0;
        }
    }
    grade
}

/// The best match of one word anywhere among `tokens`: the common case, kept to a load
/// and a test per word.
fn best_word(tokens: &[u32], table: &Table) -> Option<Best> {
    let mut best: Option<Best> = None;
    let mut field = Field::Name;
    let mut field_start = 0;
    for (i, &token) in tokens.iter().enumerate() {
        if token >= MARK {
            let next = Field::from_number(token - MARK);
            if best.is_some_and(|b| next.tier() > b.field.tier()) {
                break;
            }
            field = next;
            field_start = i + 1;
            continue;
        }
        let packed = table.packed(token);
        if packed == 0 {
            continue;
        }
        let grade = Grades::unpack(packed).in_field(field.is_short());
        if grade > 0 {
            let score = match_score(field, grade, field_words(tokens, field_start));
            if best.is_none_or(|b| score > b.score) {
                best = Some(Best { score, field });
            }
        }
    }
    best
}

/// The best match of a text term among `tokens` (a document's). Fields come in rank order,
/// so the scan stops at the first field of a lower tier than a match found.
pub(crate) fn best_match(tokens: &[u32], tables: &[Arc<Table>], anchor: Anchor) -> Option<Best> {
    if let ([table], Anchor::Anywhere) = (tables, anchor) {
        return best_word(tokens, table);
    }
    let mut best: Option<Best> = None;
    let mut field = Field::Name;
    let mut field_start = 0;
    for (i, &token) in tokens.iter().enumerate() {
        if let Some(next) = marker(token) {
            if best.is_some_and(|b| next.tier() > b.field.tier()) {
                break;
            }
            field = next;
            field_start = i + 1;
            continue;
        }
        let anchored = match anchor {
            Anchor::Anywhere => true,
            Anchor::Start => i == field_start && field.is_short(),
            Anchor::End => {
                let after = tokens.get(i + tables.len()).copied();
                field.is_short() && after.is_none_or(|t| marker(t).is_some())
            }
        };
        if !anchored {
            continue;
        }
        let grade = phrase_grade(tokens, i, tables, field.is_short());
        if grade > 0 {
            let score = match_score(field, grade, field_words(tokens, field_start));
            if best.is_none_or(|b| score > b.score) {
                best = Some(Best { score, field });
            }
        }
    }
    best
}

/// The document's score, or `None` if it does not match: every group must match, by its
/// best alternative; a negated term matches where its words are not found.
pub(crate) fn score(
    tokens: &[u32],
    kind: EntityKind,
    facets: &Facets,
    groups: &[&PreparedGroup],
) -> Option<i64> {
    let mut total = 0;
    for group in groups {
        let mut best: Option<i64> = None;
        for (negated, term) in group.iter() {
            let found = match term {
                Prepared::Filter(filter) => filter.matches(kind, facets).then_some(0),
                Prepared::Text { tables, anchor } => {
                    best_match(tokens, tables, *anchor).map(|b| b.score)
                }
            };
            let outcome = match (found, negated) {
                (Some(_), true) => None,
                (None, true) => Some(0),
                (found, false) => found,
            };
            best = best.max(outcome);
        }
        total += best?;
    }
    Some(total)
}
