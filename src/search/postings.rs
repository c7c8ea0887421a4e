//! Which documents hold each word: a search scores only the documents that hold a word
//! matching every term (a query word nobody wrote costs nothing).

use super::document::{Documents, marker};
use super::fields::Field;
use super::varint;

/// Where a word stands in one document at best: its best occurrence in a short field and
/// in a long one, each as (tier, words of the field) in a byte. Enough to score a one-word
/// term without reading the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Occurrence(pub(super) u16);

/// No occurrence of that sort.
pub(super) const NONE: u16 = 0xFF;

/// The words of a field are counted up to this (see `score::tier_score`).
pub(crate) const MAX_FIELD_WORDS: usize = 31;

/// (tier, words) in a byte, lower is better: tier first, then fewer words.
fn place(field: Field, words: usize) -> u16 {
    // The last tier's longest fields would read as NONE.
    ((u16::from(field.tier()) << 5) | words.clamp(1, MAX_FIELD_WORDS) as u16).min(NONE - 1)
}

impl Occurrence {
    const EMPTY: Occurrence = Occurrence(NONE | (NONE << 8));

    fn add(&mut self, field: Field, words: usize) {
        let shift = if field.is_short() { 0 } else { 8 };
        let at = place(field, words);
        if at < (self.0 >> shift) & 0xFF {
            self.0 = (self.0 & !(0xFF << shift)) | (at << shift);
        }
    }

    fn part(self, shift: u16) -> Option<(u8, usize)> {
        let p = (self.0 >> shift) & 0xFF;
        (p != NONE).then_some(((p >> 5) as u8, usize::from(p & 0x1F)))
    }

    /// The best short-field occurrence: (tier, words of the field).
    pub(super) fn short(self) -> Option<(u8, usize)> {
        self.part(0)
    }

    /// The best long-field occurrence.
    pub(super) fn long(self) -> Option<(u8, usize)> {
        self.part(8)
    }
}

/// For each word, the documents that hold it, in order (as [`varint`] gaps), with where it
/// stands in each.
#[derive(Debug, Default)]
pub(crate) struct Postings {
    /// Where each word's documents start in `gaps`; one more entry for the end.
    pub(super) gap_starts: Vec<u64>,
    pub(super) gaps: Vec<u8>,
    /// Where each word's occurrences start in `occurrences`; one more for the end.
    pub(super) starts: Vec<u32>,
    pub(super) occurrences: Vec<Occurrence>,
}

/// Calls `visit` with each document's distinct words and where each stands best.
fn each_word_of_each_doc(
    documents: &Documents,
    words: usize,
    visit: &mut dyn FnMut(u32, u32, Occurrence),
) {
    let mut slot = vec![u32::MAX; words];
    let mut local: Vec<(u32, Occurrence)> = Vec::new();
    let mut tokens = Vec::new();
    for doc in 0..documents.len() {
        documents.read_tokens(doc, &mut tokens);
        let mut field = Field::Name;
        let mut field_words = 0;
        for (i, &token) in tokens.iter().enumerate() {
            if let Some(next) = marker(token) {
                field = next;
                field_words = tokens[i + 1..]
                    .iter()
                    .position(|&t| marker(t).is_some())
                    .unwrap_or(tokens.len() - i - 1);
                continue;
            }
            let at = slot[token as usize] as usize;
            if local.get(at).is_none_or(|entry| entry.0 != token) {
                slot[token as usize] = local.len() as u32;
                local.push((token, Occurrence::EMPTY));
            }
            if let Some(entry) = local.get_mut(slot[token as usize] as usize) {
                entry.1.add(field, field_words);
            }
        }
        for (word, occurrence) in local.drain(..) {
            slot[word as usize] = u32::MAX;
            visit(word, doc as u32, occurrence);
        }
    }
}

impl Postings {
    /// Two passes over the documents' words: count, then fill.
    pub(super) fn build(documents: &Documents, words: usize) -> Self {
        let mut starts = vec![0u32; words + 1];
        let mut gap_starts = vec![0u64; words + 1];
        let mut last = vec![0u32; words];
        each_word_of_each_doc(documents, words, &mut |word, doc, _| {
            let w = word as usize;
            starts[w + 1] += 1;
            gap_starts[w + 1] += varint::len(doc - last[w]) as u64;
            last[w] = doc;
        });
        for w in 1..=words {
            starts[w] += starts[w - 1];
            gap_starts[w] += gap_starts[w - 1];
        }
        let mut occurrences = vec![Occurrence::EMPTY; starts[words] as usize];
        let mut gaps = vec![0u8; gap_starts[words] as usize];
        let mut next_gap: Vec<u64> = gap_starts[..words].to_vec();
        let mut next: Vec<u32> = starts[..words].to_vec();
        last.iter_mut().for_each(|l| *l = 0);
        let mut encoded = Vec::with_capacity(5);
        each_word_of_each_doc(documents, words, &mut |word, doc, occurrence| {
            let w = word as usize;
            encoded.clear();
            varint::push(&mut encoded, doc - last[w]);
            let at = next_gap[w] as usize;
            gaps[at..at + encoded.len()].copy_from_slice(&encoded);
            next_gap[w] += encoded.len() as u64;
            last[w] = doc;
            occurrences[next[w] as usize] = occurrence;
            next[w] += 1;
        });
        Postings {
            gap_starts,
            gaps,
            starts,
            occurrences,
        }
    }

    /// How many (word, document) pairs there are.
    pub(super) fn len(&self) -> usize {
        self.occurrences.len()
    }

    /// The documents that hold `word`, in order.
    pub(super) fn of(&self, word: u32) -> impl Iterator<Item = u32> + '_ {
        let w = word as usize;
        let range = match (self.gap_starts.get(w), self.gap_starts.get(w + 1)) {
            (Some(&start), Some(&end)) => start as usize..end as usize,
            _ => 0..0,
        };
        varint::Numbers::new(&self.gaps[range]).scan(0u32, |doc, gap| {
            *doc += gap;
            Some(*doc)
        })
    }

    /// How many documents hold `word`.
    pub(super) fn count(&self, word: u32) -> usize {
        let w = word as usize;
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&start), Some(&end)) => (end - start) as usize,
            _ => 0,
        }
    }

    /// The documents that hold `word`, with where it stands in each.
    pub(super) fn with_occurrences(
        &self,
        word: u32,
    ) -> impl Iterator<Item = (u32, Occurrence)> + '_ {
        let w = word as usize;
        let start = self.starts.get(w).map_or(0, |&s| s as usize);
        self.of(word).zip(self.occurrences[start..].iter().copied())
    }
}

/// A set of documents, one bit each.
#[derive(Debug, Clone)]
pub(crate) struct DocSet {
    bits: Vec<u64>,
}

impl DocSet {
    pub(super) fn empty(docs: usize) -> Self {
        DocSet {
            bits: vec![0; docs.div_ceil(64)],
        }
    }

    pub(super) fn insert(&mut self, doc: u32) {
        let (word, bit) = (doc as usize / 64, doc % 64);
        if let Some(w) = self.bits.get_mut(word) {
            *w |= 1 << bit;
        }
    }

    pub(super) fn contains(&self, doc: u32) -> bool {
        let (word, bit) = (doc as usize / 64, doc % 64);
        self.bits.get(word).is_some_and(|w| w & (1 << bit) != 0)
    }

    pub(super) fn intersect(&mut self, other: &DocSet) {
        self.bits
            .iter_mut()
            .zip(&other.bits)
            .for_each(|(a, b)| *a &= b);
    }

    /// The documents in the set, in order.
    pub(super) fn to_vec(&self) -> Vec<u32> {
        let mut docs = Vec::new();
        for (i, &w) in self.bits.iter().enumerate() {
            let mut w = w;
            while w != 0 {
                docs.push(i as u32 * 64 + w.trailing_zeros());
                w &= w - 1;
            }
        }
        docs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_keep_their_documents_in_order() {
        let mut a = DocSet::empty(200);
        [3, 64, 199, 7].iter().for_each(|&d| a.insert(d));
        let mut b = DocSet::empty(200);
        [7, 199, 100].iter().for_each(|&d| b.insert(d));
        let mut both = a.clone();
        both.intersect(&b);
        assert_eq!(both.to_vec(), [7, 199]);
        assert_eq!(a.to_vec(), [3, 7, 64, 199]);
        assert!(a.contains(64) && !a.contains(65) && !a.contains(5000));
    }
}
