//! Standard input read in batches and scored on both cores, keeping only what the result
//! needs: a record that does not match is gone before the next batch is read, and with a
//! limit only the best `limit` records seen so far are kept.
//!
//! A batch is one buffer that the records are read into back to back (no allocation a
//! record); a record that matches is copied out of it. A record longer than a batch is
//! read whole, and the buffer gives its room back once the record is scored.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, BufRead};

use super::matcher::{Matcher, Scratch};

/// A batch ends once its records hold this many bytes (or with one longer record); small
/// in unit tests, so that their lines cross batches.
const BATCH_BYTES: usize = if cfg!(test) { 1 << 12 } else { 1 << 20 };

/// A record that matched, as read (without its terminator).
pub(super) struct Kept {
    pub(crate) record: Box<[u8]>,
    score: i64,
    /// The line's length where it scored (to rank equal scores, shorter first).
    length: usize,
    index: usize,
}

impl Kept {
    /// fzf's order: best score first, then the shorter line, then input order.
    fn rank(&self) -> (Reverse<i64>, usize, usize) {
        (Reverse(self.score), self.length, self.index)
    }
}

impl PartialEq for Kept {
    fn eq(&self, other: &Self) -> bool {
        self.rank() == other.rank()
    }
}

impl Eq for Kept {}

impl PartialOrd for Kept {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Greater is worse, so that a max-heap's top is the record to drop first.
impl Ord for Kept {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.rank().cmp(&other.rank())
    }
}

/// The records kept so far: every match, or with a limit the best `limit` in a heap.
enum Best {
    All(Vec<Kept>),
    Top {
        limit: usize,
        heap: BinaryHeap<Kept>,
    },
}

impl Best {
    fn new(limit: Option<usize>) -> Self {
        match limit {
            Some(limit) => Best::Top {
                limit,
                heap: BinaryHeap::with_capacity(limit.min(1 << 16) + 1),
            },
            None => Best::All(Vec::new()),
        }
    }

    /// The rank a record must beat to be kept, once there are `limit` of them.
    fn bar(&self) -> Option<(Reverse<i64>, usize, usize)> {
        match self {
            Best::Top { limit, heap } if heap.len() >= *limit => heap.peek().map(Kept::rank),
            _ => None,
        }
    }

    fn extend(&mut self, kept: Vec<Kept>) {
        match self {
            Best::All(all) => all.extend(kept),
            Best::Top { limit, heap } => {
                for record in kept {
                    heap.push(record);
                    if heap.len() > *limit {
                        heap.pop();
                    }
                }
            }
        }
    }

    /// Best first.
    fn into_sorted(self) -> Vec<Kept> {
        match self {
            Best::All(mut all) => {
                all.sort_unstable();
                all
            }
            Best::Top { heap, .. } => heap.into_sorted_vec(),
        }
    }
}

/// The records of `input` that match, in fzf's order (best score first; equal scores put
/// the shorter line first, then input order; lines only kept by negations stay in input
/// order); with `limit`, only the first `limit` of them.
pub(super) fn matching(
    mut input: impl BufRead,
    terminator: u8,
    matcher: &Matcher,
    limit: Option<usize>,
) -> io::Result<Vec<Kept>> {
    let mut best = Best::new(limit);
    let mut batch = Batch::default();
    let mut first = 0;
    loop {
        batch.read(&mut input, terminator)?;
        if batch.spans.is_empty() {
            break;
        }
        let bar = best.bar();
        best.extend(on_both_cores(&batch, first, matcher, bar));
        first += batch.spans.len();
    }
    Ok(best.into_sorted())
}

/// Records read back to back into one buffer, and where each is in it.
#[derive(Default)]
struct Batch {
    bytes: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

impl Batch {
    /// The next records, each without its terminator (and, for lines, a CR before it, as
    /// fzf reads them).
    fn read(&mut self, input: &mut impl BufRead, terminator: u8) -> io::Result<()> {
        if self.bytes.capacity() > 2 * BATCH_BYTES {
            // The room a long record took is given back before the next is read.
            self.bytes = Vec::with_capacity(BATCH_BYTES);
        }
        self.bytes.clear();
        self.spans.clear();
        while self.bytes.len() < BATCH_BYTES {
            let start = self.bytes.len();
            if input.read_until(terminator, &mut self.bytes)? == 0 {
                break;
            }
            let mut end = self.bytes.len();
            if self.bytes[end - 1] == terminator {
                end -= 1;
            }
            if terminator == b'\n' && end > start && self.bytes[end - 1] == b'\r' {
                end -= 1;
            }
            self.spans.push((start, end));
        }
        if self.bytes.len() > 2 * BATCH_BYTES {
            // A long record: its growth's spare room is given back before it is scored.
            self.bytes.shrink_to_fit();
        }
        Ok(())
    }
}

/// The batch's matching records (better than `bar`, when there is one), scored on two
/// threads; `first` is the number of its first record.
fn on_both_cores(
    batch: &Batch,
    first: usize,
    matcher: &Matcher,
    bar: Option<(Reverse<i64>, usize, usize)>,
) -> Vec<Kept> {
    let half = batch.spans.len() / 2;
    let score =
        |spans: &[(usize, usize)], first| score_all(&batch.bytes, spans, first, matcher, bar);
    if half == 0 {
        return score(&batch.spans, first);
    }
    let (one, two) = batch.spans.split_at(half);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| score(two, first + half));
        let mut kept = score(one, first);
        // A thread that panicked has found a bug; its half then matches nothing.
        kept.extend(other.join().unwrap_or_default());
        kept
    })
}

fn score_all(
    bytes: &[u8],
    spans: &[(usize, usize)],
    first: usize,
    matcher: &Matcher,
    bar: Option<(Reverse<i64>, usize, usize)>,
) -> Vec<Kept> {
    let mut scratch = Scratch::default();
    let mut kept = Vec::new();
    for (i, &(start, end)) in spans.iter().enumerate() {
        let record = &bytes[start..end];
        // A line that is not UTF-8 is matched with U+FFFD for its bad bytes, as fzf shows it.
        let line = String::from_utf8_lossy(record);
        let Some(score) = matcher.score(&line, &mut scratch) else {
            continue;
        };
        let length = if score > 0 { line.len() } else { 0 };
        let index = first + i;
        if bar.is_some_and(|bar| (Reverse(score), length, index) >= bar) {
            continue;
        }
        kept.push(Kept {
            record: record.into(),
            score,
            length,
            index,
        });
    }
    kept
}
