use super::*;
use crate::model::{EntityKind, builtin};
use crate::search::Query;

/// Typos, phrases, prefixes, filters, fuzzy names, negation and a query that finds nothing
/// (its suggestions come from the vocabulary's counts).
const QUERIES: &[&str] = &[
    "",
    "kherson sec",
    "kerson",
    "\"security guarantees\"",
    "zelensky",
    "zelenskyy",
    "kind:point status:disputed",
    "topic:territory",
    "actor:russia ceasefire",
    "cease fire",
    "stance:opposes basis:inferred",
    "place:kherson",
    "sources:0",
    "^pok",
    "nuclear$",
    "!russia energy",
    "donbazzz",
    "date:2025",
];

fn every_answer(engine: &SearchEngine) -> Vec<String> {
    let mut answers = Vec::new();
    for text in QUERIES {
        let query = Query::parse(text).unwrap_or_else(|err| panic!("{text}: {err}"));
        let results = engine.search(&query);
        for kind in EntityKind::ALL {
            answers.push(format!("{text} {kind:?} {:?}", results.sorted(kind)));
        }
        answers.push(format!("{text} {:?}", results.suggestions()));
    }
    answers
}

fn kept_and_read_back((dossier, index): &(Dossier, Index)) -> (SearchEngine, SearchEngine) {
    let fresh = SearchEngine::new(dossier, index);
    let payload = fresh.stored().unwrap_or_else(|| panic!("not kept"));
    let again = SearchEngine::from_stored(&payload, dossier, index, usize::MAX / 8)
        .unwrap_or_else(|err| panic!("{err}"));
    (fresh, again)
}

fn built_in() -> (Dossier, Index) {
    let loaded = builtin().unwrap_or_else(|e| panic!("{e}"));
    (loaded.dossier, loaded.index)
}

fn generated() -> (Dossier, Index) {
    let dossier = crate::generate::dossier(1_500, 11);
    let index = Index::build(&dossier);
    (dossier, index)
}

#[test]
fn a_kept_engine_reads_back_the_same_as_a_fresh_one() {
    for loaded in [built_in(), generated()] {
        let (fresh, again) = kept_and_read_back(&loaded);
        assert_eq!(format!("{fresh:?}"), format!("{again:?}"), "counts");
        assert!(again.vocabulary.len() > 100 && again.postings.len() > 100);
        assert_eq!(every_answer(&fresh), every_answer(&again));
        assert_eq!(fresh.docs.labels, again.docs.labels);
        let facets = |e: &SearchEngine| format!("{:?}", e.docs.facets);
        assert_eq!(facets(&fresh), facets(&again));
    }
}

#[test]
fn an_engine_with_notes_is_not_kept() {
    let loaded = builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut notes = crate::notes::Notes::default();
    notes.notes.insert("russia".into(), "watch this".into());
    let engine = SearchEngine::with_notes(&loaded.dossier, &loaded.index, Some(&notes));
    assert!(engine.stored().is_none());
    let empty = crate::notes::Notes::default();
    let plain = SearchEngine::with_notes(&loaded.dossier, &loaded.index, Some(&empty));
    assert!(plain.stored().is_some());
}

/// The raw layout of the engine of `dossier`.
fn raw_of((dossier, index): &(Dossier, Index)) -> Vec<u8> {
    let payload = SearchEngine::new(dossier, index).stored();
    let payload = payload.unwrap_or_else(|| panic!("not kept"));
    lz4_flex::decompress_size_prepended(&payload).unwrap_or_else(|e| panic!("{e}"))
}

/// `raw` changed by `change`, packed again and read.
fn read_changed(
    (dossier, index): &(Dossier, Index),
    raw: &[u8],
    change: impl Fn(&mut Vec<u8>),
) -> Result<SearchEngine, String> {
    let mut raw = raw.to_vec();
    change(&mut raw);
    let payload = lz4_flex::compress_prepend_size(&raw);
    SearchEngine::from_stored(&payload, dossier, index, usize::MAX / 8)
}

#[test]
fn any_changed_byte_is_refused_or_reads_an_engine_that_searches_without_panicking() {
    let loaded = built_in();
    let raw = raw_of(&loaded);
    let mut refused = 0;
    // Every byte of the first 200 (the lengths and the first offsets), then every 53rd.
    let places = (0..200).chain((200..raw.len()).step_by(53));
    for at in places {
        for flip in [0x01, 0x80] {
            match read_changed(&loaded, &raw, |raw| raw[at] ^= flip) {
                Ok(engine) => drop(every_answer(&engine)),
                Err(_) => refused += 1,
            }
        }
    }
    assert!(refused > 100, "{refused}");
}

#[test]
fn hostile_layouts_are_refused_with_their_reason() {
    let loaded = built_in();
    let raw = raw_of(&loaded);
    let refused = |change: &dyn Fn(&mut Vec<u8>)| match read_changed(&loaded, &raw, change) {
        Ok(_) => panic!("read"),
        Err(why) => why,
    };
    assert_eq!(
        refused(&|raw| raw[0] = b'X'),
        "it is not a search engine talks kept"
    );
    assert_eq!(refused(&|raw| raw[8] = 2), "it was kept in another layout");
    assert_eq!(
        refused(&|raw| raw[16] ^= 1),
        "it was made for another dossier"
    );
    // The length of the words: past the end of the file.
    assert_eq!(
        refused(&|raw| raw[32..40].copy_from_slice(&u64::MAX.to_le_bytes())),
        "the length of its words is larger than the file"
    );
    assert_eq!(
        refused(&|raw| raw.truncate(raw.len() - 3)),
        "the length of its occurrences is larger than the file"
    );
    assert_eq!(refused(&|raw| raw.push(0)), "it has bytes past its end");
    let lying_size = [0xff, 0xff, 0xff, 0x7f, 0, 0];
    let Err(why) = SearchEngine::from_stored(&lying_size, &loaded.0, &loaded.1, 10) else {
        panic!("read")
    };
    assert_eq!(why, "its stated size is not one talks writes");
}
