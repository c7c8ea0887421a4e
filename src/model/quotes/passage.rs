//! A source's text made ready for checking quotes: folded once for the verbatim test, and
//! cut into words with an index of where each word occurs, to find the passage closest to
//! a quote that is not there.
//!
//! The closest passage is found in two steps that stay fast on a long text: the quote's
//! rarest words (at most [`ANCHORS`] of them) vote, through each place they occur, for
//! where in the text the quote would start; then the best-voted places are compared with
//! the quote word by word (an edit distance whose passage may start and end anywhere in
//! the place's neighbourhood), and the passage with the fewest word edits wins.

use std::collections::HashMap;

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
    pub start: usize,
    pub end: usize,
    /// Word edits between the quote and the passage.
    pub edits: usize,
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
        let mut best: Option<Alignment> = None;
        for start in index.candidates(&quote, slack) {
            let from = start.saturating_sub(slack).min(words.len());
            let to = (start + quote.len() + slack).min(words.len());
            let Some(found) = align(&quote, &words[from..to], from) else {
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
        let mut votes: HashMap<usize, f64> = HashMap::new();
        for (id, places) in anchors.iter().take(ANCHORS) {
            let postings = &self.postings[*id as usize];
            let weight = 1.0 / postings.len() as f64;
            for &word in postings.iter().take(POSTINGS) {
                for &at in places.iter().take(16) {
                    let start = (word as usize).saturating_sub(at);
                    *votes.entry(start).or_default() += weight;
                }
            }
        }
        let mut ranked: Vec<(usize, f64)> = votes.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut chosen: Vec<usize> = Vec::new();
        for (start, _) in ranked {
            if chosen.len() == CANDIDATES {
                break;
            }
            if chosen.iter().all(|&c| c.abs_diff(start) > slack) {
                chosen.push(start);
            }
        }
        chosen
    }
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
    edits: usize,
    shared: usize,
    /// Where the passage ending here starts, within the stretch.
    first: usize,
}

/// The word edit distance between `quote` and the passage of `words` most like it (which
/// may start and end anywhere), with that passage; `offset` is where `words` starts.
fn align(quote: &[Option<u32>], words: &[Word], offset: usize) -> Option<Alignment> {
    let mut row: Vec<Cell> = (0..=words.len())
        .map(|j| Cell {
            edits: 0,
            shared: 0,
            first: j,
        })
        .collect();
    for (i, word) in quote.iter().enumerate() {
        let mut next = vec![Cell::default(); words.len() + 1];
        next[0] = Cell {
            edits: i + 1,
            shared: 0,
            first: 0,
        };
        for j in 1..=words.len() {
            let same = *word == Some(words[j - 1].id);
            let diagonal = Cell {
                edits: row[j - 1].edits + usize::from(!same),
                shared: row[j - 1].shared + usize::from(same),
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
            next[j] = [diagonal, skip_quote, skip_text]
                .into_iter()
                .min_by_key(|c| (c.edits, std::cmp::Reverse(c.shared)))
                .unwrap_or(diagonal);
        }
        row = next;
    }
    let (end, cell) = row
        .iter()
        .enumerate()
        .skip(1)
        .min_by_key(|(_, c)| (c.edits, std::cmp::Reverse(c.shared)))?;
    (cell.first < end).then_some(Alignment {
        edits: cell.edits,
        shared: cell.shared,
        first: offset + cell.first,
        last: offset + end - 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn closest<'t>(text: &'t SourceText, quote: &str) -> Option<&'t str> {
        text.closest(quote).map(|p| text.slice(p))
    }

    #[test]
    fn folded_variants_are_contained() {
        let text = SourceText::new(
            "r.txt",
            "He called it a \u{201C}serious commitment\nto long\u{2013}term peace\u{201D}.".into(),
        );
        assert!(text.contains("\"serious commitment to long-term peace\""));
        assert!(!text.contains("Serious commitment"));
    }

    #[test]
    fn a_changed_word_finds_the_passage_it_came_from() {
        let text = SourceText::new(
            "r.txt",
            "Talks began in Florida. The envoys said they question Moscow's sincerity about \
             a ceasefire. Later the delegation flew home."
                .into(),
        );
        assert_eq!(
            closest(&text, "doubt Moscow's sincerity about a ceasefire"),
            Some("question Moscow's sincerity about a ceasefire")
        );
        assert_eq!(
            closest(&text, "they question his sincerity about a ceasefire"),
            Some("they question Moscow's sincerity about a ceasefire")
        );
    }

    #[test]
    fn nothing_close_gives_no_passage() {
        let text = SourceText::new("r.txt", "Talks began in Florida.".into());
        assert_eq!(closest(&text, "an entirely different sentence"), None);
        assert_eq!(closest(&text, ""), None);
    }

    #[test]
    fn the_best_of_several_places_wins() {
        let text = SourceText::new(
            "r.txt",
            "the plan is good. the plan is too early to judge. the talks were long.".into(),
        );
        assert_eq!(
            closest(&text, "the plan was too early to judge"),
            Some("the plan is too early to judge")
        );
    }

    /// A 2 MB text and a hundred quotes that are not in it: bounded work, so this runs in
    /// well under a second even in a debug build (no timing asserted; a quadratic search
    /// would make the test suite crawl).
    #[test]
    fn a_long_text_is_searched_in_bounded_work() {
        let filler = "the talks went on and the parties met again in the city of geneva. ";
        let mut body = filler.repeat(2_000_000 / filler.len());
        body.push_str("In the end the envoys reached a framework of twenty points. ");
        body.push_str(&filler.repeat(100));
        let text = SourceText::new("big.txt", body);
        for i in 0..100 {
            let quote = format!("the envoys reached a framework of {i} points");
            let found = closest(&text, &quote);
            assert_eq!(
                found,
                Some("the envoys reached a framework of twenty points")
            );
        }
    }
}
