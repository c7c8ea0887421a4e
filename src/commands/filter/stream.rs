//! Standard input read in batches and scored on both cores, keeping only the records that
//! match: a record that does not match is gone before the next batch is read.

use std::cmp::Reverse;
use std::io::{self, BufRead};

use super::matcher::{Matcher, Scratch};

/// A batch ends once its records hold this many bytes (or with one longer record).
const BATCH_BYTES: usize = 1 << 20;

/// A record that matched, as read (without its terminator).
pub(super) struct Kept {
    pub(crate) record: Vec<u8>,
    score: i64,
    /// The line's length where it scored (to rank equal scores, shorter first).
    length: usize,
    index: usize,
}

/// The records of `input` that match, in fzf's order: best score first; equal scores put
/// the shorter line first, then input order; lines only kept (by negations) stay in input
/// order.
pub(super) fn matching(
    mut input: impl BufRead,
    terminator: u8,
    matcher: &Matcher,
) -> io::Result<Vec<Kept>> {
    let mut kept = Vec::new();
    let mut first = 0;
    loop {
        let batch = read_batch(&mut input, terminator)?;
        if batch.is_empty() {
            break;
        }
        let count = batch.len();
        kept.extend(on_both_cores(batch, first, matcher));
        first += count;
    }
    kept.sort_unstable_by_key(|k| (Reverse(k.score), k.length, k.index));
    Ok(kept)
}

/// The next records, each without its terminator (and, for lines, a CR before it, as fzf
/// reads them).
fn read_batch(input: &mut impl BufRead, terminator: u8) -> io::Result<Vec<Vec<u8>>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while bytes < BATCH_BYTES {
        let mut record = Vec::new();
        if input.read_until(terminator, &mut record)? == 0 {
            break;
        }
        if record.last() == Some(&terminator) {
            record.pop();
        }
        if terminator == b'\n' && record.last() == Some(&b'\r') {
            record.pop();
        }
        // A long record gives back the room its growth left, before it is read further.
        if record.len() >= BATCH_BYTES {
            record.shrink_to_fit();
        }
        bytes += record.len() + 1;
        batch.push(record);
    }
    Ok(batch)
}

/// The batch's matching records, scored on two threads; `first` is the number of its
/// first record.
fn on_both_cores(mut batch: Vec<Vec<u8>>, first: usize, matcher: &Matcher) -> Vec<Kept> {
    let half = batch.len() / 2;
    if half == 0 {
        return score_all(batch, first, matcher);
    }
    let second = batch.split_off(half);
    std::thread::scope(|scope| {
        let other = scope.spawn(move || score_all(second, first + half, matcher));
        let mut kept = score_all(batch, first, matcher);
        // A thread that panicked has found a bug; its half then matches nothing.
        kept.extend(other.join().unwrap_or_default());
        kept
    })
}

fn score_all(records: Vec<Vec<u8>>, first: usize, matcher: &Matcher) -> Vec<Kept> {
    let mut scratch = Scratch::default();
    let mut kept = Vec::new();
    for (i, record) in records.into_iter().enumerate() {
        // A line that is not UTF-8 is matched with U+FFFD for its bad bytes, as fzf shows it.
        let line = String::from_utf8_lossy(&record);
        let Some(score) = matcher.score(&line, &mut scratch) else {
            continue;
        };
        let length = if score > 0 { line.len() } else { 0 };
        drop(line);
        kept.push(Kept {
            record,
            score,
            length,
            index: first + i,
        });
    }
    kept
}
