//! A source's text made ready for checking quotes: folded once for the verbatim test, and
//! cut into words with an index of where each word occurs, to find the passage closest to
//! a quote that is not there.
//!
//! The closest passage is found in two steps that stay fast on a long text: the quote's
//! rarest words (at most [`ANCHORS`] of them) vote, through each place they occur, for
//! where in the text the quote would start; then the best-voted places are compared with
//! the quote word by word (an edit distance whose passage may start and end anywhere in
//! the place's neighbourhood), and the passage with the fewest word edits wins. A place
//! whose neighbourhood lacks more of the quote's words than the best passage so far has
//! edits is not compared at all.
//!
//! A quote's cost depends on the quote and the capped number of places its words vote
//! for, not on the length of the text; [`SourceText::contains`] is one SIMD search of the
//! text folded once.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::fold::{fold, occurs};

/// How many of a quote's rarest words vote for where it may be.
const ANCHORS: usize = 8;
/// A word's occurrences past this many are not used to vote (a word that common says
/// little about where the quote is).
const POSTINGS: usize = 4096;
/// How many places are compared word by word.
const CANDIDATES: usize = 8;
/// A quote's words past this many are left out of the comparison.
const QUOTE_WORDS: usize = 200;

/// The text of one source, ready for [`SourceText::contains`] and [`SourceText::closest`].
#[derive(Debug)]
pub struct SourceText {
    /// The file it was read from, as shown in messages.
    pub(crate) name: String,
    text: String,
    folded: String,
    /// Made when a quote is first not found: most checks never need it.
    words: std::sync::OnceLock<Words>,
}

/// The words of a text, numbered, and where each occurs.
#[derive(Debug)]
struct Words {
    words: Vec<Word>,
    vocabulary: HashMap<String, u32>,
    /// Word id → where it occurs, as indices into `words`.
    postings: Vec<Vec<u32>>,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    id: u32,
}

/// The passage of a text closest to a quote: bytes `start..end` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Passage {
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Word edits between the quote and the passage.
    pub(crate) edits: usize,
}

impl SourceText {
    /// Folds `text`; `name` names it in messages.
    pub fn new(name: impl Into<String>, text: String) -> Self {
        SourceText {
            name: name.into(),
            folded: fold(&text),
            text,
            words: std::sync::OnceLock::new(),
        }
    }

    /// Whether `quote` occurs in the text, both folded.
    pub(crate) fn contains(&self, quote: &str) -> bool {
        occurs(&self.folded, &fold(quote))
    }

    /// The text of `passage`, as written.
    pub(crate) fn slice(&self, passage: Passage) -> &str {
        &self.text[passage.start..passage.end]
    }

    /// The passage most like `quote`, if one shares at least a third of its words.
    pub(crate) fn closest(&self, quote: &str) -> Option<Passage> {
        let index = self.words.get_or_init(|| Words::of(&self.text));
        let quote: Vec<Option<u32>> = word_spans(quote)
            .take(QUOTE_WORDS)
            .map(|(start, end)| {
                index
                    .vocabulary
                    .get(&quote[start..end].to_lowercase())
                    .copied()
            })
            .collect();
        let slack = quote.len() / 4 + 3;
        let words = &index.words;
        let in_quote = counts(quote.iter().flatten().copied());
        let mut rows = Rows::default();
        let mut best: Option<Alignment> = None;
        for start in index.candidates(&quote, slack) {
            let from = start.saturating_sub(slack).min(words.len());
            let to = (start + quote.len() + slack).min(words.len());
            // Each quote word not in the stretch costs an edit: a stretch that cannot do
            // better than the best so far is not aligned (it would not win a tie either).
            let at_least = quote.len() - shared_at_most(&in_quote, &words[from..to]);
            if best.is_some_and(|b| at_least >= b.edits) {
                continue;
            }
            let Some(found) = align(&quote, &words[from..to], from, &mut rows) else {
                continue;
            };
            if best.is_none_or(|b| found.edits < b.edits) {
                best = Some(found);
            }
        }
        let best = best?;
        (best.shared * 3 >= quote.len() && best.shared > 0).then(|| Passage {
            start: words[best.first].start,
            end: words[best.last].end,
            edits: best.edits,
        })
    }
}

/// How many times each word occurs.
fn counts(ids: impl Iterator<Item = u32>) -> FxHashMap<u32, usize> {
    let mut counts = FxHashMap::default();
    for id in ids {
        *counts.entry(id).or_default() += 1;
    }
    counts
}

/// The most words a passage of `words` can share with a quote whose words are counted in
/// `in_quote`.
fn shared_at_most(in_quote: &FxHashMap<u32, usize>, words: &[Word]) -> usize {
    let in_words = counts(words.iter().map(|w| w.id));
    in_quote
        .iter()
        .map(|(id, &n)| n.min(in_words.get(id).copied().unwrap_or(0)))
        .sum()
}

impl Words {
    fn of(text: &str) -> Self {
        let mut vocabulary: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut words = Vec::new();
        let mut lower = String::new();
        for (start, end) in word_spans(text) {
            lower.clear();
            lower.extend(text[start..end].chars().flat_map(char::to_lowercase));
            let id = match vocabulary.get(&lower) {
                Some(&id) => id,
                None => {
                    let id = postings.len() as u32;
                    vocabulary.insert(lower.clone(), id);
                    postings.push(Vec::new());
                    id
                }
            };
            postings[id as usize].push(words.len() as u32);
            words.push(Word { start, end, id });
        }
        Words {
            words,
            vocabulary,
            postings,
        }
    }

    /// Word indices where the quote may start, best first: votes of its rarest words.
    fn candidates(&self, quote: &[Option<u32>], slack: usize) -> Vec<usize> {
        let mut anchors: Vec<(u32, Vec<usize>)> = Vec::new();
        for (at, id) in quote.iter().enumerate() {
            let Some(id) = *id else { continue };
            match anchors.iter_mut().find(|(known, _)| *known == id) {
                Some((_, places)) => places.push(at),
                None => anchors.push((id, vec![at])),
            }
        }
        anchors.sort_by_key(|(id, _)| self.postings[*id as usize].len());
        VOTES.with_borrow_mut(|votes| {
            votes.start(self.words.len());
            for (id, places) in anchors.iter().take(ANCHORS) {
                let postings = &self.postings[*id as usize];
                let weight = 1.0 / postings.len() as f64;
                for &word in postings.iter().take(POSTINGS) {
                    for &at in places.iter().take(16) {
                        votes.add((word as usize).saturating_sub(at), weight);
                    }
                }
            }
            best_voted(votes.ranked(), slack)
        })
    }
}

/// A text of up to this many words counts its votes in an array (one a word, kept by each
/// thread from quote to quote); a longer one in a map.
const DENSE_VOTES: usize = 1 << 22;

thread_local! {
    static VOTES: std::cell::RefCell<Votes> = std::cell::RefCell::default();
}

/// The votes for where a quote starts, each place's in the order they were cast.
#[derive(Default)]
struct Votes {
    dense: Vec<f64>,
    /// The places voted for in `dense`, each once.
    places: Vec<usize>,
    sparse: FxHashMap<usize, f64>,
    use_dense: bool,
}

impl Votes {
    /// Ready for a quote in a text of `words` words.
    fn start(&mut self, words: usize) {
        self.use_dense = words <= DENSE_VOTES;
        if self.use_dense && self.dense.len() < words + 1 {
            self.dense.resize(words + 1, 0.0);
        }
    }

    fn add(&mut self, place: usize, weight: f64) {
        if !self.use_dense {
            *self.sparse.entry(place).or_default() += weight;
            return;
        }
        if self.dense[place] == 0.0 {
            self.places.push(place);
        }
        self.dense[place] += weight;
    }

    /// Every place voted for and its votes, the counts cleared for the next quote.
    fn ranked(&mut self) -> Vec<(usize, f64)> {
        if !self.use_dense {
            return self.sparse.drain().collect();
        }
        self.places
            .drain(..)
            .map(|place| (place, std::mem::take(&mut self.dense[place])))
            .collect()
    }
}

/// The best-voted starts, at most [`CANDIDATES`], each more than `slack` words from the
/// ones before. Only the first few places are sorted, unless those do not give enough.
fn best_voted(mut ranked: Vec<(usize, f64)>, slack: usize) -> Vec<usize> {
    let order = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    let mut chosen: Vec<usize> = Vec::new();
    let mut sorted = 0;
    while chosen.len() < CANDIDATES && sorted < ranked.len() {
        let next = if sorted == 0 {
            (CANDIDATES * 8).min(ranked.len())
        } else {
            ranked.len()
        };
        let rest = &mut ranked[sorted..];
        if next - sorted < rest.len() {
            rest.select_nth_unstable_by(next - sorted, order);
        }
        rest[..next - sorted].sort_unstable_by(order);
        for &(start, _) in &ranked[sorted..next] {
            if chosen.len() == CANDIDATES {
                break;
            }
            if chosen.iter().all(|&c| c.abs_diff(start) > slack) {
                chosen.push(start);
            }
        }
        sorted = next;
    }
    chosen
}

/// The byte spans of the words of `text`: runs of letters and digits.
fn word_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.find(|(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(at, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = at;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// The best match of a quote inside a stretch of words.
#[derive(Debug, Clone, Copy)]
struct Alignment {
    edits: usize,
    shared: usize,
    /// Indices into the whole text's words.
    first: usize,
    last: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    edits: u32,
    shared: u32,
    /// Where the passage ending here starts, within the stretch.
    first: u32,
}

impl Cell {
    /// Fewer edits first, then more words shared.
    fn better_than(self, other: Cell) -> bool {
        (self.edits, std::cmp::Reverse(self.shared))
            < (other.edits, std::cmp::Reverse(other.shared))
    }
}

/// The two rows of cells [`align`] works in, kept from one stretch to the next.
#[derive(Default)]
struct Rows {
    row: Vec<Cell>,
    next: Vec<Cell>,
}

/// The word edit distance between `quote` and the passage of `words` most like it (which
/// may start and end anywhere), with that passage; `offset` is where `words` starts.
fn align(
    quote: &[Option<u32>],
    words: &[Word],
    offset: usize,
    rows: &mut Rows,
) -> Option<Alignment> {
    let Rows { row, next } = rows;
    row.clear();
    row.extend((0..=words.len() as u32).map(|j| Cell {
        edits: 0,
        shared: 0,
        first: j,
    }));
    next.clear();
    next.resize(words.len() + 1, Cell::default());
    for (i, word) in quote.iter().enumerate() {
        next[0] = Cell {
            edits: i as u32 + 1,
            shared: 0,
            first: 0,
        };
        for j in 1..=words.len() {
            let same = *word == Some(words[j - 1].id);
            let diagonal = Cell {
                edits: row[j - 1].edits + u32::from(!same),
                shared: row[j - 1].shared + u32::from(same),
                first: row[j - 1].first,
            };
            let skip_quote = Cell {
                edits: row[j].edits + 1,
                ..row[j]
            };
            let skip_text = Cell {
                edits: next[j - 1].edits + 1,
                ..next[j - 1]
            };
            // The first of the three that is best, as `min_by_key` picks.
            let mut cell = diagonal;
            for other in [skip_quote, skip_text] {
                if other.better_than(cell) {
                    cell = other;
                }
            }
            next[j] = cell;
        }
        std::mem::swap(row, next);
    }
    let mut best: Option<(usize, Cell)> = None;
    for (end, &cell) in row.iter().enumerate().skip(1) {
        if best.is_none_or(|(_, b)| cell.better_than(b)) {
            best = Some((end, cell));
        }
    }
    let (end, cell) = best?;
    let first = cell.first as usize;
    (first < end).then_some(Alignment {
        edits: cell.edits as usize,
        shared: cell.shared as usize,
        first: offset + first,
        last: offset + end - 1,
    })
}

#[cfg(test)]
#[path = "passage_tests.rs"]
mod tests;
