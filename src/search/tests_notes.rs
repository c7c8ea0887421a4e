//! The analyst's notes in search: their words below the dossier's own text, `is:` and
//! `note:`.

use super::*;
use crate::model::{EntityKind, Loaded, builtin};
use crate::notes::Notes;

fn ids(loaded: &Loaded, notes: &Notes, query: &str) -> Vec<String> {
    let engine = SearchEngine::with_notes(&loaded.dossier, &loaded.index, Some(notes));
    let query = Query::parse(query).unwrap_or_else(|err| panic!("{err}"));
    engine
        .search(&query)
        .sorted(EntityKind::Actor)
        .iter()
        .map(|hit| loaded.dossier.actors[hit.index].id.clone())
        .collect()
}

fn setup() -> (Loaded, Notes) {
    let loaded = builtin().unwrap_or_else(|err| panic!("{err}"));
    let mut notes = Notes::new();
    let first = loaded.dossier.actors[0].id.clone();
    notes.set_note(&first, "Watch this: zzyzx negotiators\nsecond line");
    notes.toggle_star(&loaded.dossier.actors[1].id);
    (loaded, notes)
}

#[test]
fn a_note_s_words_are_found_and_rank_below_summaries() {
    let (loaded, mut notes) = setup();
    let first = loaded.dossier.actors[0].id.clone();
    assert_eq!(ids(&loaded, &notes, "zzyzx"), vec![first.clone()]);
    // A word of another actor's summary, in the first actor's note: the summary ranks first.
    let summary = loaded.dossier.actors[1].summary.clone().unwrap_or_default();
    let word = summary
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| w.len() > 6)
        .unwrap_or_else(|| panic!("a long word in {summary}"))
        .to_string();
    notes.set_note(&first, &word);
    let found = ids(&loaded, &notes, &format!("'{word}"));
    let at = |id: &str| found.iter().position(|f| f == id);
    assert!(at(&loaded.dossier.actors[1].id) < at(&first), "{found:?}");
    assert!(at(&first).is_some(), "{found:?}");
}

#[test]
fn note_words_match_no_subsequence() {
    let (loaded, notes) = setup();
    assert!(ids(&loaded, &notes, "note:nato").is_empty());
    assert_eq!(ids(&loaded, &notes, "note:negot").len(), 1);
}

#[test]
fn is_starred_and_is_noted_filter() {
    let (loaded, notes) = setup();
    assert_eq!(
        ids(&loaded, &notes, "is:starred"),
        vec![loaded.dossier.actors[1].id.clone()]
    );
    assert_eq!(
        ids(&loaded, &notes, "is:noted"),
        vec![loaded.dossier.actors[0].id.clone()]
    );
    let err = Query::parse("is:stared").unwrap_err().to_string();
    assert!(err.contains("did you mean starred?"), "{err}");
}

/// A note on a position is found on its party and on its sticking point, by its words,
/// `note:` and `is:noted`.
#[test]
fn a_position_s_note_is_found_on_its_party_and_its_sticking_point() {
    let loaded = builtin().unwrap_or_else(|err| panic!("{err}"));
    let mut notes = Notes::new();
    notes.set_note("nato-membership/trump", "qwertz signal to watch");
    let engine = SearchEngine::with_notes(&loaded.dossier, &loaded.index, Some(&notes));
    for query in ["qwertz", "note:qwertz", "is:noted"] {
        let found = engine.search(&Query::parse(query).unwrap_or_default());
        let actors: Vec<&str> = found
            .sorted(EntityKind::Actor)
            .iter()
            .map(|h| loaded.dossier.actors[h.index].id.as_str())
            .collect();
        let points: Vec<&str> = found
            .sorted(EntityKind::StickingPoint)
            .iter()
            .map(|h| loaded.dossier.sticking_points[h.index].id.as_str())
            .collect();
        assert_eq!(
            (actors, points),
            (vec!["trump"], vec!["nato-membership"]),
            "{query}"
        );
    }
}
