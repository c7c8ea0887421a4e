//! A search engine kept in the index cache (issue #30): its documents' words, its
//! vocabulary (the `fst` map's own bytes) and its postings, as length-prefixed
//! little-endian arrays, and the filters' facets (`facets.rs`), LZ4-compressed. What is
//! quick to work out again from the dossier (the names of actors and places, where each
//! kind starts) is not kept. Read back, every part is checked (`check.rs`) before the engine is made: a file
//! that does not pass is refused with a reason, never used.

mod bytes;
mod check;
mod facets;

use bytes::{Reader, Writer};

use super::SearchEngine;
use super::document::Documents;
use super::postings::{Occurrence, Postings};
use super::vocab::Vocabulary;
use crate::model::{Dossier, EntityKind, Index};

/// The start of every kept engine, and the version of this layout.
const MAGIC: &[u8; 8] = b"TALKSENG";
const VERSION: u64 = 1;

/// A kept engine is at most this many times the dossier it was made from, unpacked (a
/// larger stated size is a damaged file, not a reason to allocate).
const MOST_PER_DOSSIER_BYTE: usize = 4;

fn le<T: Into<u64>>(n: T) -> [u8; 8] {
    n.into().to_le_bytes()
}

impl SearchEngine {
    /// The engine as the index cache keeps it; `None` for an engine with the analyst's
    /// notes, which is never kept.
    pub fn stored(&self) -> Option<Vec<u8>> {
        if self.has_notes() {
            return None;
        }
        let mut w = Writer::default();
        w.bytes.extend_from_slice(MAGIC);
        w.u64(VERSION);
        let docs = &self.docs;
        w.u64(docs.len() as u64);
        w.u64(docs.count as u64);
        w.bytes(&docs.tokens);
        w.array(&docs.starts, 8, le);
        facets::write(&mut w, &docs.facets, &docs.labels);
        let vocabulary = &self.vocabulary;
        w.bytes(vocabulary.map.as_fst().as_bytes());
        w.array(&vocabulary.short, 1, |s| le(u8::from(s)));
        w.array(&vocabulary.count, 4, le);
        let postings = &self.postings;
        w.array(&postings.gap_starts, 8, le);
        w.bytes(&postings.gaps);
        w.array(&postings.starts, 4, le);
        w.array(&postings.occurrences, 2, |o| le(o.0));
        Some(lz4_flex::compress_prepend_size(&w.bytes))
    }

    /// The engine [`SearchEngine::stored`] kept for `dossier` (whose file was
    /// `dossier_len` bytes), checked whole; else why it cannot be used.
    pub fn from_stored(
        payload: &[u8],
        dossier: &Dossier,
        index: &Index,
        dossier_len: usize,
    ) -> Result<SearchEngine, String> {
        let stated = payload
            .get(..4)
            .and_then(|len| <[u8; 4]>::try_from(len).ok())
            .map_or(usize::MAX, |len| u32::from_le_bytes(len) as usize);
        if stated > dossier_len.saturating_mul(MOST_PER_DOSSIER_BYTE) {
            return Err("its stated size is not one talks writes".into());
        }
        let raw = lz4_flex::decompress_size_prepended(payload)
            .map_err(|err| format!("it does not decompress: {err}"))?;
        let Some(rest) = raw.strip_prefix(&MAGIC[..]) else {
            return Err("it is not a search engine talks kept".into());
        };
        let mut r = Reader::new(rest);
        if r.u64("version")? != VERSION {
            return Err("it was kept in another layout".into());
        }
        let docs = read_documents(&mut r, dossier)?;
        let vocabulary = read_vocabulary(&mut r)?;
        let postings = read_postings(&mut r)?;
        if !r.is_done() {
            return Err("it has bytes past its end".into());
        }
        check::vocabulary(&vocabulary)?;
        check::documents(&docs, vocabulary.len())?;
        check::postings(&postings, vocabulary.len(), docs.len())?;
        Ok(SearchEngine::of_parts(
            dossier,
            index,
            (docs, vocabulary, postings),
        ))
    }
}

/// The documents' words and facets as kept, for `dossier`.
fn read_documents(r: &mut Reader, dossier: &Dossier) -> Result<Documents, String> {
    let len = r.u64("documents")?;
    let entities: usize = EntityKind::ALL.iter().map(|&k| dossier.count(k)).sum();
    if len != entities as u64 {
        return Err("it was made for another dossier".into());
    }
    let count = r.u64("word count")?;
    let tokens = r.bytes("words")?.to_vec();
    let starts = r.array(8, "document starts", |n| n)?;
    let (facets, labels) = facets::read(r, dossier, entities)?;
    Ok(Documents {
        tokens,
        starts,
        count: usize::try_from(count).map_err(|_| "its word count is too large".to_string())?,
        facets,
        labels,
    })
}

fn read_vocabulary(r: &mut Reader) -> Result<Vocabulary, String> {
    let map = r.bytes("vocabulary")?.to_vec();
    let map = fst::Map::new(map).map_err(|err| format!("its vocabulary does not read: {err}"))?;
    // `new` reads the map's header only; its own checksum covers the rest.
    map.as_fst()
        .verify()
        .map_err(|err| format!("its vocabulary is damaged: {err}"))?;
    let short = r.array(1, "short words", |n| n != 0)?;
    let count = r.array(4, "word counts", |n| n as u32)?;
    Ok(Vocabulary { map, short, count })
}

fn read_postings(r: &mut Reader) -> Result<Postings, String> {
    Ok(Postings {
        gap_starts: r.array(8, "posting starts", |n| n)?,
        gaps: r.bytes("postings")?.to_vec(),
        starts: r.array(4, "occurrence starts", |n| n as u32)?,
        occurrences: r.array(2, "occurrences", |n| Occurrence(n as u16))?,
    })
}

#[cfg(test)]
mod tests;
