use super::*;
use crate::model::{EntityKind, Loaded, builtin};

fn loaded() -> Loaded {
    builtin().unwrap_or_else(|err| panic!("{err}"))
}

fn ids(loaded: &Loaded, query: &str, kind: EntityKind) -> Vec<String> {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    let query = Query::parse(query).unwrap_or_else(|err| panic!("{err}"));
    engine
        .search(&query)
        .sorted(kind)
        .iter()
        .map(|hit| {
            let entity = crate::model::EntityRef {
                kind,
                index: hit.index,
            };
            loaded.dossier.id_of(entity).to_string()
        })
        .collect()
}

#[test]
fn empty_query_lists_everything_in_dossier_order() {
    let l = loaded();
    let all = ids(&l, "", EntityKind::Event);
    let expected: Vec<String> = l.dossier.events.iter().map(|e| e.id.clone()).collect();
    assert_eq!(all, expected);
}

#[test]
fn title_hits_rank_first_and_are_highlighted() {
    let l = loaded();
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let query = Query::parse("pokrovsk").unwrap_or_default();
    let results = engine.search(&query);
    let first = results.ranked(EntityKind::Event)[0];
    assert_eq!(l.dossier.events[first.index].id, "pokrovsk-claim");
    // "Russia claims control of Pokrovsk": the highlighted characters spell the query.
    let title: Vec<char> = l.dossier.events[first.index].title.chars().collect();
    let entity = crate::model::EntityRef {
        kind: EntityKind::Event,
        index: first.index,
    };
    let lit: String = engine
        .highlight(&l.dossier, &query, entity)
        .iter()
        .map(|&i| title[i])
        .collect();
    assert_eq!(lit.to_lowercase(), "pokrovsk");
    assert_eq!(ids(&l, "pokrovsk", EntityKind::Place)[0], "pokrovsk");
}

#[test]
fn terms_are_anded_and_alternatives_ored() {
    let l = loaded();
    assert_eq!(
        ids(&l, "pokrovsk 'rejects", EntityKind::Event),
        vec!["pokrovsk-rejection"]
    );
    let either = ids(&l, "^putin | ^trump", EntityKind::Actor);
    assert_eq!(either, vec!["trump", "putin"]);
}

#[test]
fn negation_removes_matches() {
    let l = loaded();
    let events = ids(&l, "pokrovsk !rejects", EntityKind::Event);
    assert!(events.contains(&"pokrovsk-claim".to_string()));
    assert!(!events.contains(&"pokrovsk-rejection".to_string()));
}

#[test]
fn field_filters() {
    let l = loaded();
    assert_eq!(
        ids(&l, "status:planned", EntityKind::Event),
        vec!["florida-third-day"]
    );
    assert!(ids(&l, "kind:event", EntityKind::Actor).is_empty());
    assert_eq!(
        ids(&l, "topic:alliance", EntityKind::StickingPoint),
        vec!["nato-membership"]
    );
    let opposers = ids(&l, "stance:opposes", EntityKind::Actor);
    assert_eq!(opposers, vec!["ukraine", "russia", "trump"]);
    let putin_events = ids(&l, "actor:putin", EntityKind::Event);
    assert_eq!(
        putin_events,
        vec![
            "moscow-talks",
            "putin-ready-for-meetings",
            "putin-donbas-warning"
        ]
    );
}

#[test]
fn aliases_and_linked_actors_are_searched() {
    let l = loaded();
    assert_eq!(ids(&l, "zelenskyy", EntityKind::Actor)[0], "zelensky");
    // "Russian Federation" is an alias of Russia, so Russia's positions are found by it.
    let points = ids(&l, "federation", EntityKind::StickingPoint);
    assert!(
        points.contains(&"pokrovsk-control".to_string()),
        "{points:?}"
    );
    // actor: names one actor by id, and lists what is linked to it.
    let actors = ids(&l, "actor:russia", EntityKind::Actor);
    assert_eq!(actors, vec!["russia", "kremlin", "putin"]);
}

#[test]
fn long_text_matches_by_word() {
    let l = loaded();
    // "tango" only appears in a quote of Trump's assessment.
    assert_eq!(
        ids(&l, "tango", EntityKind::Event),
        vec!["trump-assessment"]
    );
}

/// Types each of `typed` a key at a time, narrowing with `narrowing` from its previous
/// results, and checks each key's results equal a full search by `fresh` (a second engine,
/// so that the full searches' kept tables do not serve the narrowed ones).
pub(super) fn assert_narrowing_equals_full(loaded: &Loaded, typed: &[&str]) {
    let narrowing = SearchEngine::new(&loaded.dossier, &loaded.index);
    let fresh = SearchEngine::new(&loaded.dossier, &loaded.index);
    let mut narrowed_keys = 0;
    for typed in typed {
        let mut previous = narrowing.search(&Query::default());
        let mut previous_query = Query::default();
        for end in (1..=typed.len()).filter(|&end| typed.is_char_boundary(end)) {
            let Ok(query) = Query::parse(&typed[..end]) else {
                continue;
            };
            let narrowed = if narrowing.narrows(&previous_query, &query) {
                narrowed_keys += 1;
                narrowing.search_within(&query, &previous)
            } else {
                narrowing.search(&query)
            };
            let full = fresh.search(&query);
            assert!(narrowed.same_as(&full), "{}", &typed[..end]);
            previous = narrowed;
            previous_query = query;
        }
    }
    assert!(narrowed_keys * 2 > typed.len(), "most keys narrow");
}

#[test]
fn narrowing_within_previous_results_equals_a_full_search() {
    let typed = [
        "pokrovsk",
        "putin talks",
        "'ukr ^nat",
        "donbas sec",
        "kremlin",
        "witkov moskow",
        "zlnsky",
        "security guarentees",
        "\"two to tango\"",
        "us-ukraine talks",
        "nato | donbas",
        "cease fire",
        "deescalation",
        "zelenskyy transparency",
    ];
    assert_narrowing_equals_full(&loaded(), &typed);
}

#[test]
fn narrowing_a_large_dossier_equals_a_full_search() {
    let yaml = serde_yaml::to_string(&crate::generate::dossier(3000, 11)).unwrap_or_default();
    let l = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
    assert_narrowing_equals_full(
        &l,
        &[
            "kherson ta",
            "envoy mon",
            "security g",
            "taras 12",
            "securty gaurantees",
        ],
    );
}

#[test]
fn a_huge_word_costs_no_more_than_its_length() {
    let mut dossier = crate::generate::dossier(20, 1);
    dossier.events[0].title = format!("Kherson {}", "a".repeat(2_000_000));
    dossier.events[1].title = format!("{} zebra", "b".repeat(2_000_000));
    let index = crate::model::Index::build(&dossier);
    let engine = SearchEngine::new(&dossier, &index);
    let first = crate::model::EntityRef {
        kind: EntityKind::Event,
        index: 0,
    };
    let fuzzy = Query::parse("kherson").unwrap_or_default();
    assert!(
        engine
            .search(&fuzzy)
            .sorted(EntityKind::Event)
            .iter()
            .any(|h| h.index == 0)
    );
    assert_eq!(
        engine.highlight(&dossier, &fuzzy, first),
        (0..7).collect::<Vec<_>>()
    );
    // Words after a huge one are words like any other.
    let found = |q: &str| {
        let query = Query::parse(q).unwrap_or_default();
        engine
            .search(&query)
            .sorted(EntityKind::Event)
            .iter()
            .any(|h| h.index == 1)
    };
    assert!(found("zebra"));
    assert!(found("'zebra"));
    assert!(found("bbbb"), "a prefix of the huge word");
}

/// The engine grades its whole vocabulary at once (fst ranges, Levenshtein automata); the
/// explanations grade words one by one. Both must agree on every word.
#[test]
fn vocabulary_tables_agree_with_the_rules_word_by_word() {
    use super::grade::{How, WordRule, fuzzy_applies, typo_budget};
    let yaml = serde_yaml::to_string(&crate::generate::dossier(400, 5)).unwrap_or_default();
    let generated = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
    let builtin = loaded();
    for l in [&builtin, &generated] {
        let engine = SearchEngine::new(&l.dossier, &l.index);
        let mut words: Vec<(String, u32)> = Vec::new();
        let mut stream = fst::IntoStreamer::into_stream(engine.vocabulary.map_for_tests());
        while let Some((w, n)) = fst::Streamer::next(&mut stream) {
            words.push((String::from_utf8_lossy(w).into_owned(), n as u32));
        }
        for q in [
            "witkov",
            "donbass",
            "nato",
            "zlnsky",
            "guarentees",
            "se",
            "kherzon",
            "1",
            "securty",
            "talsk",
        ] {
            let chars = q.chars().count();
            let hows = [
                How::Any {
                    prefix_typos: true,
                    max_typos: typo_budget(chars),
                    fuzzy: fuzzy_applies(q),
                },
                How::Any {
                    prefix_typos: false,
                    max_typos: typo_budget(chars),
                    fuzzy: fuzzy_applies(q),
                },
                How::Exact,
                How::StartsWith,
                How::EndsWith,
            ];
            for how in hows {
                let mut rule = WordRule::new(q, how);
                rule.alike = vec!["kherson".into(), "witkoff".into(), "nato".into()];
                let table: std::collections::HashMap<u32, u32> = engine
                    .vocabulary
                    .table(&rule, &engine.matcher)
                    .into_iter()
                    .collect();
                for (word, n) in &words {
                    let direct = rule.grades(word, &engine.matcher).packed();
                    let from_table = table.get(n).copied().unwrap_or(0);
                    assert_eq!(from_table, direct, "{rule:?} on {word:?}");
                }
            }
        }
    }
}

/// The postings give a one-word term's score without reading the document; reading it
/// must give the same documents and scores.
#[test]
fn postings_score_as_reading_the_documents_does() {
    let yaml = serde_yaml::to_string(&crate::generate::dossier(1500, 3)).unwrap_or_default();
    let generated = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
    let builtin = loaded();
    let queries = [
        "d",
        "kherson",
        "kherzon ta",
        "securty gaurantees",
        "nato",
        "putin",
        "witkov",
        "zlnsky",
        "ukr | rus",
        "tango",
        "de",
        "1",
        "ta envoy",
        "moskow talks",
    ];
    for l in [&builtin, &generated] {
        let engine = SearchEngine::new(&l.dossier, &l.index);
        for q in queries {
            let prepared = engine.prepare(&Query::parse(q).unwrap_or_default());
            let fast = engine
                .evaluate(&prepared, None, &|| false)
                .unwrap_or_default();
            assert_eq!(fast, engine.evaluate_by_scan(&prepared), "{q}");
        }
    }
}

/// A pasted huge word takes no typos and gets no suggestion: its automaton would grow with
/// it (seconds and a gigabyte for 30,000 letters).
#[test]
fn a_huge_query_word_is_matched_as_typed_only() {
    let l = loaded();
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let huge = format!("pokrovsk{}", "x".repeat(50_000));
    let results = engine.search(&Query::parse(&huge).unwrap_or_default());
    assert_eq!(results.total(), 0);
    assert!(results.suggestions().is_empty());
    let rules = engine.rules(&Query::parse(&huge).unwrap_or_default().groups[0][0]);
    assert!(matches!(
        rules[0].how,
        super::grade::How::Any { max_typos: 0, .. }
    ));
}

#[test]
fn a_query_that_finds_nothing_gets_the_nearest_words() {
    let l = loaded();
    let engine = SearchEngine::new(&l.dossier, &l.index);
    let suggest = |q: &str| {
        engine
            .search(&Query::parse(q).unwrap_or_default())
            .suggestions()
            .to_vec()
    };
    assert_eq!(
        suggest("dnbs"),
        ["donbas", "does", "days"],
        "two edits at most"
    );
    assert_eq!(suggest("donbazzz"), ["donbas"], "the longest shared start");
    assert_eq!(
        suggest("witkoffflorida")[0],
        "witkoff florida",
        "two words run together (not a phrase of the dossier's: \"witkoffputin\" finds its Witkoff–Putin talks)"
    );
    assert_eq!(suggest("actor:poutine"), ["actor:putin"]);
    assert!(
        suggest("moscow florida").is_empty(),
        "each word is found: the pair is not"
    );
}
