//! The checks a kept engine passes before it is used: every offset within its array and
//! never going back, every number whole, every word a word of the vocabulary, every
//! document one of the dossier's. The cache file's checksum already caught a damaged file;
//! these make sure that no file, however made, can index out of bounds or loop.

use fst::Streamer;

use super::super::document::{Documents, FIELDS};
use super::super::fields::Field;
use super::super::postings::{NONE, Postings};
use super::super::vocab::Vocabulary;

/// `count + 1` offsets from 0 to `end`, none before the one before it.
pub(super) fn offsets<T: Copy + Into<u64>>(
    offsets: &[T],
    count: usize,
    end: usize,
    what: &str,
) -> Result<(), String> {
    let bad = || Err(format!("its {what} do not fit what they index"));
    if offsets.len() != count.saturating_add(1) || offsets.first().map(|&o| o.into()) != Some(0) {
        return bad();
    }
    if offsets.windows(2).any(|w| w[0].into() > w[1].into())
        || offsets.last().map(|&o| o.into()) != Some(end as u64)
    {
        return bad();
    }
    Ok(())
}

/// Each number of a run of varints, strictly: five bytes at most, no bit past 32, and the
/// run ends with a whole number.
fn each_number(
    bytes: &[u8],
    mut each: impl FnMut(u32) -> Result<(), String>,
) -> Result<(), String> {
    let mut value: u64 = 0;
    let mut shift = 0;
    for &byte in bytes {
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            let number = u32::try_from(value).map_err(|_| "a number is too large".to_string())?;
            each(number)?;
            (value, shift) = (0, 0);
        } else if shift == 28 {
            return Err("a number is too long".into());
        } else {
            shift += 7;
        }
    }
    if shift == 0 {
        Ok(())
    } else {
        Err("a number is cut short".into())
    }
}

/// Tokens: field markers of known fields, words of the vocabulary, as many as counted.
pub(super) fn documents(docs: &Documents, words: usize) -> Result<(), String> {
    offsets(
        &docs.starts,
        docs.len(),
        docs.tokens.len(),
        "document starts",
    )?;
    let mut count = 0usize;
    for doc in 0..docs.len() {
        let run = &docs.tokens[docs.starts[doc] as usize..docs.starts[doc + 1] as usize];
        each_number(run, |n| {
            count += 1;
            let known = if n < FIELDS {
                (n as usize) < Field::ALL.len()
            } else {
                ((n - FIELDS) as usize) < words
            };
            known
                .then_some(())
                .ok_or_else(|| format!("document {doc} has a word or field that is not there"))
        })?;
    }
    if count != docs.count {
        return Err("its documents hold another number of words than it says".into());
    }
    Ok(())
}

/// Each word's documents: in increasing order, each one of the `docs`, as many as its
/// occurrences; each occurrence a place [`Postings`] can make.
pub(super) fn postings(postings: &Postings, words: usize, docs: usize) -> Result<(), String> {
    offsets(
        &postings.gap_starts,
        words,
        postings.gaps.len(),
        "posting starts",
    )?;
    offsets(
        &postings.starts,
        words,
        postings.occurrences.len(),
        "occurrence starts",
    )?;
    for w in 0..words {
        let run =
            &postings.gaps[postings.gap_starts[w] as usize..postings.gap_starts[w + 1] as usize];
        let mut last: Option<u32> = None;
        let mut held = 0usize;
        each_number(run, |gap| {
            let doc = match last {
                None => Some(gap),
                Some(before) if gap > 0 => before.checked_add(gap),
                Some(_) => None,
            };
            let doc = doc.filter(|&d| (d as usize) < docs);
            last = Some(doc.ok_or_else(|| format!("word {w} is in a document not there"))?);
            held += 1;
            Ok(())
        })?;
        if held as u64 != u64::from(postings.starts[w + 1] - postings.starts[w]) {
            return Err(format!(
                "word {w} has another number of occurrences than documents"
            ));
        }
    }
    let place = |p: u16| p == NONE || p & 0x1F != 0;
    if !postings
        .occurrences
        .iter()
        .all(|o| place(o.0 & 0xFF) && place(o.0 >> 8))
    {
        return Err("an occurrence is not one talks makes".into());
    }
    Ok(())
}

/// The map's words numbered once each, from 0 to the last word.
pub(super) fn vocabulary(vocabulary: &Vocabulary) -> Result<(), String> {
    let words = vocabulary.short.len();
    if vocabulary.count.len() != words || vocabulary.map.len() != words {
        return Err("its vocabulary's parts do not agree".into());
    }
    let mut seen = vec![false; words];
    let mut stream = vocabulary.map.stream();
    while let Some((_, n)) = stream.next() {
        let n = usize::try_from(n).unwrap_or(usize::MAX);
        match seen.get_mut(n) {
            Some(seen) if !*seen => *seen = true,
            _ => return Err("its vocabulary numbers a word twice or past its end".into()),
        }
    }
    Ok(())
}
