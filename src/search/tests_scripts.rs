//! Issue #27's search: Han and Kana as bigrams, compounds, a title that holds every term
//! through another spelling of a name, and what matched while typing.

use super::*;
use crate::model::{EntityKind, EntityRef, Loaded, builtin, load_str};

fn cjk() -> Loaded {
    let text = include_str!("../../tests/fixtures/cjk.yaml");
    load_str("cjk.yaml", text).unwrap_or_else(|err| panic!("{err}"))
}

/// The ids `query` finds among `kind`, best first.
fn ids(loaded: &Loaded, query: &str, kind: EntityKind) -> Vec<String> {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    let query = Query::parse(query).unwrap_or_else(|err| panic!("{err}"));
    let results = engine.search(&query);
    let ranked = results.sorted(kind);
    ranked
        .iter()
        .map(|hit| {
            let entity = EntityRef::new(kind, hit.index);
            loaded.dossier.id_of(entity).to_string()
        })
        .collect()
}

fn event(loaded: &Loaded, id: &str) -> EntityRef {
    let index = loaded.dossier.events.iter().position(|e| e.id == id);
    EntityRef::new(
        EntityKind::Event,
        index.unwrap_or_else(|| panic!("no {id}")),
    )
}

/// The text of each of `ranges` in `text`.
fn lit(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    ranges
        .iter()
        .map(|r| chars[r.clone()].iter().collect())
        .collect()
}

#[test]
fn a_run_of_han_or_kana_is_found_by_any_part_of_it() {
    let l = cjk();
    assert_eq!(ids(&l, "会谈", EntityKind::Event), ["beijing-talks"]);
    assert_eq!(ids(&l, "協議", EntityKind::Event), ["tokyo-consultation"]);
    assert_eq!(ids(&l, "北京会谈", EntityKind::Event), ["beijing-talks"]);
    assert_eq!(ids(&l, "会", EntityKind::Event), ["beijing-talks"]);
    assert_eq!(
        ids(&l, "谈", EntityKind::Event),
        ["beijing-talks"],
        "a run's last"
    );
    assert!(
        ids(&l, "谈会", EntityKind::Event).is_empty(),
        "in order only"
    );
}

#[test]
fn the_explanation_lights_the_run_that_matched() {
    let l = cjk();
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let talks = event(&l, "beijing-talks");
    let query = Query::parse("北京会谈").unwrap_or_default();
    assert_eq!(engine.highlight(&l.dossier, &query, talks), [0, 1, 2, 3]);
    let query = Query::parse("会谈").unwrap_or_default();
    assert_eq!(engine.highlight(&l.dossier, &query, talks), [2, 3]);
    let summary = "双方举行会谈，讨论停火。";
    assert_eq!(lit(summary, &engine.hits_in(&query, summary)), ["会谈"]);
    let query = Query::parse("東京での協議").unwrap_or_default();
    let tokyo = event(&l, "tokyo-consultation");
    assert_eq!(
        engine.highlight(&l.dossier, &query, tokyo),
        [0, 1, 2, 3, 4, 5]
    );
    let query = Query::parse("協議").unwrap_or_default();
    let matched = engine.explain(&l.dossier, &l.index, &query, tokyo);
    let matched = matched.unwrap_or_else(|| panic!("no explanation"));
    assert_eq!(lit(&matched.text, &matched.hits), ["協議"]);
}

#[test]
fn compounds_find_each_other() {
    let l = builtin().unwrap_or_else(|err| panic!("{err}"));
    let points = |q: &str| ids(&l, q, EntityKind::StickingPoint);
    // The dossier writes "ceasefire" (in the de-escalation point's positions).
    for q in ["ceasefire", "cease fire", "cease-fire", "cease fi"] {
        assert_eq!(points(q), ["de-escalation"], "{q}");
    }
    // And "de-escalation".
    for q in ["deescalation", "de-escalation", "de escalation"] {
        assert_eq!(points(q)[0], "de-escalation", "{q}");
    }
    let f = cjk();
    // The fixture writes "cease-fire".
    for q in ["ceasefire", "cease fire", "cease-fire", "cease f"] {
        assert_eq!(ids(&f, q, EntityKind::Event), ["line-talks"], "{q}");
    }
    let engine = SearchEngine::new(&f.dossier, &f.index);
    let query = Query::parse("ceasefire").unwrap_or_default();
    let line = engine.explain(&f.dossier, &f.index, &query, event(&f, "line-talks"));
    let line = line.unwrap_or_else(|| panic!("no explanation"));
    assert_eq!(lit(&line.text, &line.hits), ["Cease-fire"]);
}

#[test]
fn a_word_cut_in_two_narrows_no_more_than_a_full_search() {
    let l = builtin().unwrap_or_else(|err| panic!("{err}"));
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let old = Query::parse("deescalatio").unwrap_or_default();
    let new = Query::parse("deescalation").unwrap_or_default();
    assert!(!engine.narrows(&old, &new));
    let old = Query::parse("cease").unwrap_or_default();
    let new = Query::parse("cease fire").unwrap_or_default();
    assert!(engine.narrows(&old, &new));
    let typed = ["北京会谈", "東京での協議", "ceasefire", "cease-fire talks"];
    super::tests::assert_narrowing_equals_full(&cjk(), &typed);
}

#[test]
fn a_title_with_every_term_by_another_spelling_ranks_first() {
    let l = builtin().unwrap_or_else(|err| panic!("{err}"));
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let query = Query::parse("zelenskyy transparency").unwrap_or_default();
    let results = engine.search(&query);
    let best = |kind| results.sorted(kind).first().map(|h| h.score);
    let call = best(EntityKind::Event).unwrap_or_default();
    let actor = best(EntityKind::Actor).unwrap_or_default();
    assert!(
        call > actor,
        "the call {call} ranks before the person {actor}"
    );
    assert_eq!(
        ids(&l, "zelenskyy transparency", EntityKind::Event)[0],
        "zelensky-transparency-call"
    );
    // "Zelensky" in the title is another spelling of the alias typed: lit as a typo is.
    let lit_title = engine.highlight(&l.dossier, &query, event(&l, "zelensky-transparency-call"));
    assert_eq!(lit_title[..8], [0, 1, 2, 3, 4, 5, 6, 7]);
    // A dossier word still takes no typos beyond the names it spells.
    assert!(ids(&l, "sincere", EntityKind::StickingPoint).is_empty());
}

#[test]
fn a_word_typed_with_a_typo_keeps_its_matches_when_the_next_is_typed() {
    let l = builtin().unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(ids(&l, "witkov", EntityKind::Actor)[0], "witkoff");
    assert_eq!(
        ids(&l, "witkov moscow", EntityKind::Event)[0],
        "moscow-talks"
    );
    assert!(ids(&l, "witkov moscow", EntityKind::Actor).contains(&"witkoff".to_string()));
    // Ranked as a typo: below the same match spelt right.
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let score = |q: &str| {
        let results = engine.search(&Query::parse(q).unwrap_or_default());
        results.sorted(EntityKind::Event).first().map(|h| h.score)
    };
    assert!(score("witkov moscow") < score("witkoff moscow"));
    assert!(score("witkov moscow") < score("witk moscow"));
}
