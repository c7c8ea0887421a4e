//! Search quality judged as a reader would (issue #12, docs/decisions.md "Search semantics").
//!
//! - A table of queries an analyst types, each with what a reader expects, on the built-in
//!   dossier and on a small fixture with dates, places inside places, diacritics and a
//!   delegation that represents its country. Every row runs; the test prints
//!   `relevance: H/T hits` and each miss with what came back, then fails once if any row
//!   missed.
//! - Noise: for plain words of the dossier, no more results than 1.5 × the entities that
//!   hold the word.
//! - The explorer, `talks search` and `talks export --query` find the same entities
//!   (`agree.rs`).
//!
//! The expectations were written from `data/talks.yaml` and the stated semantics, not from
//! what any engine returns.

mod agree;
mod rows;
mod scripts;

use rows::*;
use scripts::{SCRIPTS, SCRIPTS_ROWS};

use std::cmp::Reverse;
use std::collections::BTreeSet;

use talks::model::{EntityKind, EntityRef, Loaded, builtin, load_str};
use talks::search::{Query, SearchEngine};
use unicode_normalization::UnicodeNormalization;

/// The ids `query` finds in `scope`, best first. Ranking is by score, then kind order,
/// then dossier order (`Results::sorted` is crate-private: `unranked` sorted here).
fn ranked_ids(
    engine: &SearchEngine,
    loaded: &Loaded,
    query: &str,
    scope: Scope,
) -> Result<Vec<String>, String> {
    let parsed = Query::parse(query).map_err(|e| format!("does not parse: {e:?}"))?;
    let results = engine.search(&parsed);
    let mut hits: Vec<(Reverse<i64>, usize, usize)> = EntityKind::ALL
        .iter()
        .enumerate()
        .filter(|&(_, &kind)| match scope {
            Scope::All => EntityKind::LISTED.contains(&kind),
            Scope::Kind(want) => want == kind,
        })
        .flat_map(|(slot, &kind)| {
            results
                .unranked(kind)
                .iter()
                .map(move |hit| (Reverse(hit.score), slot, hit.index))
        })
        .collect();
    hits.sort_unstable();
    Ok(hits
        .into_iter()
        .map(|(_, slot, index)| {
            let kind = EntityKind::ALL[slot];
            loaded.dossier.id_of(EntityRef { kind, index }).to_string()
        })
        .collect())
}

/// Whether `got` (best first) meets `expect`.
fn meets(expect: &Expect, got: &[String]) -> bool {
    let set = |ids: &[&str]| {
        ids.iter()
            .map(|s| (*s).to_string())
            .collect::<BTreeSet<_>>()
    };
    let have: BTreeSet<String> = got.iter().cloned().collect();
    match expect {
        Top(ids) => got.len() >= ids.len() && got.iter().zip(ids.iter()).all(|(g, i)| g == i),
        First(ids) => {
            let first: BTreeSet<String> = got.iter().take(ids.len()).cloned().collect();
            got.len() >= ids.len() && first == set(ids)
        }
        Exactly(ids) => have == set(ids),
        Within { must, may } => {
            let allowed: BTreeSet<String> = set(must).union(&set(may)).cloned().collect();
            set(must).is_subset(&have) && have.is_subset(&allowed)
        }
        Includes(ids) => set(ids).is_subset(&have),
        Excludes(ids) => set(ids).is_disjoint(&have),
        Nothing => got.is_empty(),
    }
}

/// Runs every row on `loaded`; returns how many rows ran and adds a line per miss.
fn check(name: &str, loaded: &Loaded, rows: &[Row], misses: &mut Vec<String>) -> usize {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    for Row(query, scope, expect) in rows {
        let outcome = ranked_ids(&engine, loaded, query, *scope);
        let ok = outcome.as_ref().is_ok_and(|got| meets(expect, got));
        if !ok {
            let got = match outcome {
                Ok(got) if got.len() > 15 => {
                    format!("{} results: {:?} …", got.len(), &got[..15])
                }
                Ok(got) => format!("{} results: {got:?}", got.len()),
                Err(e) => e,
            };
            misses.push(format!(
                "[{name}] {query:?} in {scope:?}: expected {expect:?}\n      got {got}"
            ));
        }
    }
    rows.len()
}

#[test]
fn the_relevance_table_holds() {
    let mut misses = Vec::new();
    let builtin_rows = check("built-in", &builtin().unwrap(), BUILTIN, &mut misses);
    let fixture = load_str("fixture.yaml", FIXTURE).unwrap();
    let fixture_rows = check("fixture", &fixture, FIXTURE_ROWS, &mut misses);
    let cjk = load_str("cjk.yaml", CJK).unwrap();
    let cjk_rows = check("cjk", &cjk, CJK_ROWS, &mut misses);
    let scripts = load_str("scripts.yaml", SCRIPTS).unwrap();
    let scripts_rows = check("scripts", &scripts, SCRIPTS_ROWS, &mut misses);
    let total = builtin_rows + fixture_rows + cjk_rows + scripts_rows;
    println!(
        "relevance: {}/{total} hits ({builtin_rows} rows on the built-in dossier, \
         {fixture_rows} on the fixture, {cjk_rows} on the Chinese and Japanese one, \
         {scripts_rows} on the one in every script)",
        total - misses.len()
    );
    for m in &misses {
        println!("  miss {m}");
    }
    assert!(
        builtin_rows >= 45 && fixture_rows >= 8,
        "the table is too small"
    );
    assert!(
        misses.is_empty(),
        "{} of {total} relevance rows missed (see the output above)",
        misses.len()
    );
}

/// The harness itself: each expectation accepts and refuses what its comment says.
#[test]
fn the_expectations_judge_as_documented() {
    let got: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
    let cases: &[(Expect, bool)] = &[
        (Top(&["a", "b"]), true),
        (Top(&["b", "a"]), false),
        (Top(&["a", "b", "c", "d"]), false),
        (First(&["b", "a"]), true),
        (First(&["a", "c"]), false),
        (Exactly(&["c", "a", "b"]), true),
        (Exactly(&["a", "b"]), false),
        (
            Within {
                must: &["a", "b"],
                may: &["c", "d"],
            },
            true,
        ),
        (
            Within {
                must: &["a", "b"],
                may: &[],
            },
            false,
        ),
        (
            Within {
                must: &["a", "d"],
                may: &["b", "c"],
            },
            false,
        ),
        (Includes(&["c", "a"]), true),
        (Includes(&["d"]), false),
        (Excludes(&["d", "e"]), true),
        (Excludes(&["d", "b"]), false),
        (Nothing, false),
    ];
    for (expect, ok) in cases {
        assert_eq!(meets(expect, &got), *ok, "{expect:?} on {got:?}");
    }
    assert!(meets(&Nothing, &[]));
    assert!(!meets(&Top(&["a"]), &[]));
}

// ---- Noise --------------------------------------------------------------------------

/// Lowercase, without diacritics.
fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// The aliases of the actors an entity links to: an event's participants and the authors
/// of its quotes, a sticking point's positions, an actor's party and those who represent
/// it. (Their names are in the detail already.)
fn linked_aliases(loaded: &Loaded, entity: EntityRef) -> String {
    let d = &loaded.dossier;
    let ids: Vec<&str> = match entity.kind {
        EntityKind::Actor => {
            let actor = &d.actors[entity.index];
            actor
                .represents
                .iter()
                .map(String::as_str)
                .chain(
                    d.actors
                        .iter()
                        .filter(|a| a.represents.as_deref() == Some(actor.id.as_str()))
                        .map(|a| a.id.as_str()),
                )
                .collect()
        }
        EntityKind::Event => {
            let event = &d.events[entity.index];
            event
                .participants
                .iter()
                .chain(event.quotes.iter().flat_map(|q| &q.by))
                .map(String::as_str)
                .collect()
        }
        EntityKind::StickingPoint => d.sticking_points[entity.index]
            .positions
            .iter()
            .map(|p| p.actor.as_str())
            .collect(),
        EntityKind::Place | EntityKind::Source => Vec::new(),
    };
    d.actors
        .iter()
        .filter(|a| ids.contains(&a.id.as_str()))
        .flat_map(|a| a.aliases.iter().map(String::as_str))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many entities "contain" `word`: it is a whole word (case and diacritics aside) of
/// the entity's detail as the text export shows it, without the Sources section (the one
/// source's title, "…Peace Framework Amid Stalled Moscow Talks", is under every entity),
/// or of its id, or of an alias of an actor it links to.
fn containing(loaded: &Loaded, word: &str) -> usize {
    let d = &loaded.dossier;
    EntityKind::LISTED
        .iter()
        .flat_map(|&kind| (0..d.count(kind)).map(move |index| EntityRef { kind, index }))
        .filter(|&entity| {
            let detail = talks::detail::detail(d, &loaded.index, entity);
            let text = talks::export::detail_text(&detail, 10_000);
            let shown = text.split("\nSources\n").next().unwrap_or_default();
            let all = format!(
                "{shown} {} {}",
                d.id_of(entity),
                linked_aliases(loaded, entity)
            );
            fold(&all)
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        })
        .count()
}

#[test]
fn plain_words_find_at_most_half_again_the_entities_that_hold_them() {
    let loaded = builtin().unwrap();
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    let words = [
        "nato",
        "donbas",
        "territory",
        "security",
        "moscow",
        "florida",
        "sincerity",
        "pokrovsk",
        "framework",
        "ceasefire",
        "kremlin",
        "witkoff",
        "umerov",
        "kushner",
        "guarantees",
        "deterrence",
        "transparency",
        "compromise",
        "donetsk",
        "luhansk",
        "tango",
        "delegation",
    ];
    let mut over = Vec::new();
    for word in words {
        let found = engine.search(&Query::parse(word).unwrap()).total();
        let holding = containing(&loaded, word);
        println!("{word}: {found}/{holding}");
        assert!(holding > 0, "{word:?} is not in the dossier: fix the list");
        if 2 * found > 3 * holding {
            over.push(format!(
                "{word}: {found} results, {holding} entities contain it"
            ));
        }
    }
    assert!(
        over.is_empty(),
        "more than 1.5× the entities that hold the word: {over:#?}"
    );
}
