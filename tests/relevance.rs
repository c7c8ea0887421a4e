//! Search quality as a table: queries an analyst types, and what a reader expects first.
//! On the built-in dossier and on a small fixture with dates, places inside places,
//! diacritics and representatives. Prints `relevance: hits/total` and every miss, and fails
//! on any miss. Also the noise bound, and the explorer, `talks search` and
//! `talks export --query` agreeing on the same queries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeSet;

use talks::app::{Action, App, Options, update};
use talks::model::{EntityKind, EntityRef, Loaded, builtin, load_str};
use talks::search::{Query, SearchEngine};

/// What a row expects of the results.
enum Expect {
    /// These ids, in this order, are the first results.
    Top(&'static [&'static str]),
    /// Exactly these ids match, in any order.
    Exactly(&'static [&'static str]),
    /// These ids are among the results.
    Includes(&'static [&'static str]),
    /// These ids are not among the results.
    Excludes(&'static [&'static str]),
    Nothing,
}
use Expect::{Exactly, Excludes, Includes, Nothing, Top};

/// One query, in one kind's list (`None`: every kind merged as `talks search` does).
struct Row(&'static str, Option<EntityKind>, Expect);

const ACTORS: Option<EntityKind> = Some(EntityKind::Actor);
const EVENTS: Option<EntityKind> = Some(EntityKind::Event);
const POINTS: Option<EntityKind> = Some(EntityKind::StickingPoint);
const PLACES: Option<EntityKind> = Some(EntityKind::Place);
const ALL: Option<EntityKind> = None;

#[rustfmt::skip]
const BUILTIN: &[Row] = &[
    // The table.
    Row("donbass", ALL, Top(&["donbas", "donbas-territory"])),
    Row("donbass", PLACES, Top(&["donbas"])),
    Row("witkov", ALL, Top(&["witkoff"])),
    Row("umarov", ALL, Top(&["umerov"])),
    Row("moskow", PLACES, Top(&["moscow"])),
    Row("moskow", EVENTS, Includes(&["moscow-talks", "moscow-briefing", "trump-assessment"])),
    Row("security guarentees", ALL, Top(&["security-guarantees"])),
    Row("us-ukraine", EVENTS, Top(&["florida-talks"])),
    Row("witkoff-putin", EVENTS, Exactly(&["moscow-talks"])),
    Row("one-fifth", ALL, Exactly(&["russia", "donbas-territory", "ukraine-country"])),
    // Every entity that says NATO (or discusses its sticking point), and nothing scattered.
    Row("nato", ALL, Exactly(&[
        "nato", "nato-membership", "ukraine", "russia", "trump", "european-allies",
        "moscow-talks", "security-guarantees", "trump-assessment",
    ])),
    Row("nato", ALL, Top(&["nato", "nato-membership"])),
    Row("nato", ACTORS, Excludes(&["florida-negotiators"])),
    Row("putin", ALL, Top(&["putin"])),
    Row("zelensky", ALL, Top(&["zelensky"])),
    Row("trump", ALL, Top(&["trump"])),
    Row("tango", EVENTS, Top(&["trump-assessment"])),
    Row("tango", ALL, Top(&["trump-assessment"])),
    Row("actor:ukraine kind:event", ALL, Includes(&["florida-talks", "moscow-briefing", "zelensky-transparency-call"])),
    Row("dnbs", ALL, Nothing),
    // Partial names, as typed.
    Row("zelen", ACTORS, Top(&["zelensky"])),
    Row("witk", ACTORS, Top(&["witkoff"])),
    Row("kush", ALL, Top(&["kushner"])),
    Row("pokr", PLACES, Top(&["pokrovsk"])),
    // Misspellings and transliterations.
    Row("zelenksy", ALL, Top(&["zelensky"])),
    Row("kushnir", ALL, Top(&["kushner"])),
    Row("pokrovk", PLACES, Top(&["pokrovsk"])),
    Row("lugansk", PLACES, Top(&["luhansk"])),
    Row("zelenskyy", ACTORS, Top(&["zelensky"])),
    Row("zelenskiy", ACTORS, Top(&["zelensky"])),
    Row("zlnsky", ACTORS, Top(&["zelensky"])),
    Row("kremlin", ACTORS, Top(&["kremlin", "russia"])),
    Row("florda talks", EVENTS, Top(&["florida-talks"])),
    // Quoted phrases and separators.
    Row("\"two to tango\"", ALL, Exactly(&["trump-assessment"])),
    Row("\"security guarantees\"", POINTS, Top(&["security-guarantees"])),
    Row("\"tango to two\"", ALL, Nothing),
    Row("us/ukraine", EVENTS, Top(&["florida-talks"])),
    Row("us_ukraine", EVENTS, Top(&["florida-talks"])),
    Row("us — ukraine", EVENTS, Top(&["florida-talks"])),
    Row("de escalation", POINTS, Top(&["de-escalation"])),
    // Case and diacritics.
    Row("kyïv", ACTORS, Top(&["ukraine"])),
    Row("zelénsky", ALL, Top(&["zelensky"])),
    Row("NATO", ALL, Top(&["nato", "nato-membership"])),
    Row("Nato", ACTORS, Top(&["nato"])),
    // Filters.
    Row("place:donetsk kind:event", ALL, Exactly(&["pokrovsk-claim", "pokrovsk-rejection"])),
    Row("place:donbas", PLACES, Exactly(&["donbas", "donetsk", "luhansk", "pokrovsk"])),
    Row("place:pokrovsk", POINTS, Exactly(&["pokrovsk-control"])),
    Row("actor:putin", EVENTS, Exactly(&["moscow-talks", "putin-ready-for-meetings", "putin-donbas-warning"])),
    Row("actor:puti kind:event", ALL, Exactly(&["moscow-talks", "putin-ready-for-meetings", "putin-donbas-warning"])),
    Row("actor:putn kind:event", ALL, Exactly(&["moscow-talks", "putin-ready-for-meetings", "putin-donbas-warning"])),
    Row("actor:ukraine", POINTS, Includes(&["donbas-territory", "nato-membership"])),
    Row("status:planned", ALL, Exactly(&["florida-third-day"])),
    Row("topic:alliance", POINTS, Exactly(&["nato-membership"])),
    Row("topic:alliance", ACTORS, Includes(&["ukraine", "russia"])),
    Row("stance:opposes", ACTORS, Exactly(&["ukraine", "russia", "trump"])),
    Row("date:2025", ALL, Nothing),
    // Operators.
    Row("pokrovsk !rejects", EVENTS, Exactly(&["pokrovsk-claim"])),
    Row("^putin | ^trump", ACTORS, Exactly(&["putin", "trump"])),
    Row("'donbass", ALL, Nothing),
    Row("'donbas", PLACES, Top(&["donbas"])),
    Row("kind:place moscow", ALL, Exactly(&["moscow"])),
    Row("florida talks", EVENTS, Top(&["florida-talks", "florida-third-day"])),
    Row("sincerity moscow", POINTS, Top(&["moscow-sincerity"])),
];

/// Dated events (year, month, day, none), places inside places, a name with diacritics,
/// a delegation that represents its country.
const FIXTURE: &str = "\
version: 1
title: Relevance fixture
sources:
  - {id: s, title: Notes, kind: note}
actors:
  - {id: freedonia, name: Freedonia, kind: state, sources: [s]}
  - {id: mueller, name: Zoë Müller, kind: person, role: Chief negotiator, represents: freedonia, sources: [s]}
  - {id: freedonian-delegation, name: Freedonian delegation, kind: delegation, represents: freedonia, sources: [s]}
  - {id: sylvania, name: Sylvania, kind: state, sources: [s]}
places:
  - {id: north, name: Northern Province, kind: region, sources: [s]}
  - {id: harbour, name: Harbour City, kind: city, part_of: north, sources: [s]}
  - {id: pier, name: Old Pier, kind: town, part_of: harbour, sources: [s]}
  - {id: capital, name: Capital, kind: city, sources: [s]}
events:
  - {id: year-talks, title: Talks sometime that year, kind: meeting, status: held, order: 1, date: '2025', place: capital, participants: [sylvania], sources: [s]}
  - {id: october-talks, title: October round, kind: meeting, status: held, order: 2, date: 2025-10, place: capital, participants: [freedonian-delegation], sources: [s]}
  - {id: november-talks, title: November round at the pier, kind: meeting, status: held, order: 3, date: 2025-11-20, place: pier, participants: [mueller, sylvania], sources: [s]}
  - {id: undated-talks, title: Talks of unknown date, kind: meeting, status: planned, order: 4, place: harbour, participants: [sylvania], sources: [s]}
";

#[rustfmt::skip]
const FIXTURE_ROWS: &[Row] = &[
    Row("date:2025", EVENTS, Exactly(&["year-talks", "october-talks", "november-talks"])),
    Row("date:2025-11", EVENTS, Exactly(&["year-talks", "november-talks"])),
    Row("date:>=2025-11", EVENTS, Exactly(&["year-talks", "november-talks"])),
    Row("date:<=2025-10", EVENTS, Exactly(&["year-talks", "october-talks"])),
    Row("date:2025-11-20", EVENTS, Exactly(&["year-talks", "november-talks"])),
    Row("date:2024", EVENTS, Nothing),
    Row("place:north", EVENTS, Exactly(&["november-talks", "undated-talks"])),
    Row("place:harbour", PLACES, Exactly(&["harbour", "pier"])),
    Row("zoe muller", ALL, Top(&["mueller"])),
    Row("müller", ALL, Top(&["mueller"])),
    Row("MULLER", ACTORS, Top(&["mueller"])),
    Row("actor:freedonia", EVENTS, Exactly(&["october-talks", "november-talks"])),
    Row("actor:zoe", EVENTS, Exactly(&["november-talks"])),
    Row("negotiatr", ACTORS, Top(&["mueller"])),
];

/// The ids of every hit of `query`, best first: one kind's list, or every kind merged by
/// score (ties keep kind order, then dossier order), as `talks search` prints them.
fn ranked_ids(
    engine: &SearchEngine,
    loaded: &Loaded,
    query: &str,
    kind: Option<EntityKind>,
) -> Vec<String> {
    let parsed = Query::parse(query).unwrap_or_else(|e| panic!("{query}: {e}"));
    let mut results = engine.search(&parsed);
    results.rank_all();
    let mut hits: Vec<(i64, EntityRef)> = EntityKind::ALL
        .iter()
        .filter(|&&k| kind.is_none_or(|want| want == k))
        .flat_map(|&k| {
            results
                .ranked(k)
                .iter()
                .map(move |h| {
                    (
                        h.score,
                        EntityRef {
                            kind: k,
                            index: h.index,
                        },
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect();
    hits.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    hits.iter()
        .map(|&(_, e)| loaded.dossier.id_of(e).to_string())
        .collect()
}

/// A description of how `got` misses `expect`, if it does.
fn miss(expect: &Expect, got: &[String]) -> Option<String> {
    let has = |id: &&str| got.iter().any(|g| g == id);
    let ok = match expect {
        Top(ids) => got.len() >= ids.len() && got.iter().zip(ids.iter()).all(|(g, i)| g == i),
        Exactly(ids) => {
            let want: BTreeSet<&str> = ids.iter().copied().collect();
            let have: BTreeSet<&str> = got.iter().map(String::as_str).collect();
            want == have
        }
        Includes(ids) => ids.iter().all(has),
        Excludes(ids) => !ids.iter().any(has),
        Nothing => got.is_empty(),
    };
    (!ok).then(|| format!("got {got:?}"))
}

fn check(loaded: &Loaded, rows: &[Row], misses: &mut Vec<String>) -> usize {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    for Row(query, kind, expect) in rows {
        let got = ranked_ids(&engine, loaded, query, *kind);
        if let Some(why) = miss(expect, &got) {
            misses.push(format!("{query:?} ({kind:?}): {why}"));
        }
    }
    rows.len()
}

#[test]
fn the_relevance_table_holds() {
    let mut misses = Vec::new();
    let total = check(&builtin().unwrap(), BUILTIN, &mut misses)
        + check(
            &load_str("fixture.yaml", FIXTURE).unwrap(),
            FIXTURE_ROWS,
            &mut misses,
        );
    println!("relevance: {}/{total} hits", total - misses.len());
    for m in &misses {
        println!("  miss: {m}");
    }
    assert!(total >= 40, "the table has {total} rows");
    assert!(
        misses.is_empty(),
        "{} of {total} rows missed:\n{}",
        misses.len(),
        misses.join("\n")
    );
}

/// The entities that hold `word` as a whole word in what the detail pane shows of them
/// (leaving out the titles of the sources they cite) or in the aliases of the actors they
/// link to (which the search says: `link: Kremlin`).
fn containing(loaded: &Loaded, word: &str) -> usize {
    let d = &loaded.dossier;
    let aliases = |ids: Vec<&String>| -> String {
        ids.iter()
            .filter_map(|id| d.actors.iter().find(|a| &&a.id == id))
            .flat_map(|a| a.aliases.iter().cloned())
            .collect::<Vec<_>>()
            .join(" ")
    };
    EntityKind::ALL
        .iter()
        .flat_map(|&kind| (0..d.count(kind)).map(move |index| EntityRef { kind, index }))
        .filter(|&e| {
            let detail = talks::detail::detail(d, &loaded.index, e);
            let text = talks::export::detail_text(&detail, 1000);
            let shown = text.split("\nSources\n").next().unwrap_or_default();
            let linked = match e.kind {
                EntityKind::Actor => {
                    let actor = &d.actors[e.index];
                    let mut ids: Vec<&String> = actor.represents.iter().collect();
                    ids.extend(
                        d.actors
                            .iter()
                            .filter(|a| a.represents.as_ref() == Some(&actor.id))
                            .map(|a| &a.id),
                    );
                    aliases(ids)
                }
                EntityKind::Event => {
                    let event = &d.events[e.index];
                    aliases(
                        event
                            .participants
                            .iter()
                            .chain(event.quotes.iter().map(|q| &q.by))
                            .collect(),
                    )
                }
                EntityKind::StickingPoint => aliases(
                    d.sticking_points[e.index]
                        .positions
                        .iter()
                        .map(|p| &p.actor)
                        .collect(),
                ),
                EntityKind::Place => String::new(),
            };
            format!("{shown} {linked}")
                .to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == word)
        })
        .count()
}

#[test]
fn plain_words_find_no_more_than_the_entities_that_hold_them() {
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
        "guarantees",
        "delegation",
        "peace",
        "plan",
        "talks",
    ];
    let mut over = Vec::new();
    for word in words {
        let found = engine.search(&Query::parse(word).unwrap()).total();
        let holding = containing(&loaded, word);
        println!("{word}: {found}/{holding}");
        assert!(holding > 0, "{word} is in the dossier");
        if found * 2 > holding * 3 {
            over.push(format!(
                "{word}: {found} results, {holding} entities hold it"
            ));
        }
    }
    assert!(over.is_empty(), "{over:#?}");
}

/// The ids of every entity the explorer lists for `query`, as sets by kind.
fn explorer_ids(query: &str) -> BTreeSet<String> {
    let mut app = App::new(builtin().unwrap(), Options::sized(100, 30));
    update(&mut app, Action::StartSearch);
    query
        .chars()
        .for_each(|c| update(&mut app, Action::Insert(c)));
    let loaded = app.loaded();
    EntityKind::ALL
        .iter()
        .flat_map(|&kind| {
            app.results().matching(kind).into_iter().map(move |index| {
                format!(
                    "{}/{}",
                    slug(kind),
                    loaded.dossier.id_of(EntityRef { kind, index })
                )
            })
        })
        .collect()
}

/// The JSON name of a kind.
fn slug(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Actor => "actor",
        EntityKind::Event => "event",
        EntityKind::StickingPoint => "sticking-point",
        EntityKind::Place => "place",
    }
}

fn json_ids(args: &[&str]) -> BTreeSet<String> {
    let (_, out, _) = common::run(args);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap_or(serde_json::Value::Null);
    let items = value.as_array().cloned().unwrap_or_default();
    items
        .iter()
        .map(|item| {
            format!(
                "{}/{}",
                item["kind"].as_str().unwrap_or(""),
                item["id"].as_str().unwrap_or("")
            )
        })
        .collect()
}

#[test]
fn the_explorer_search_and_export_find_the_same() {
    for query in [
        "witkov",
        "\"two to tango\"",
        "us-ukraine talks",
        "place:donetsk",
        "nato !russia",
        "zlnsky",
    ] {
        let explorer = explorer_ids(query);
        let search = json_ids(&["search", query, "--format", "json"]);
        assert_eq!(explorer, search, "talks search {query:?}");
        assert!(!explorer.is_empty(), "{query:?} finds something");
        for (view, kind) in [
            ("actors", "actor"),
            ("events", "event"),
            ("sticking-points", "sticking-point"),
            ("places", "place"),
        ] {
            let (code, out, err) = common::run(&[
                "export",
                "--view",
                view,
                "--query",
                query,
                "--format",
                "json",
                "--no-timestamp",
            ]);
            assert_eq!(code, 0, "{err}");
            let value: serde_json::Value = serde_json::from_str(&out).unwrap();
            let exported: BTreeSet<String> = value["entries"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .iter()
                .map(|e| format!("{kind}/{}", e["id"].as_str().unwrap_or("")))
                .collect();
            let listed: BTreeSet<String> = explorer
                .iter()
                .filter(|id| id.starts_with(&format!("{kind}/")))
                .cloned()
                .collect();
            assert_eq!(
                exported, listed,
                "talks export --view {view} --query {query:?}"
            );
        }
    }
}
