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
        .highlight(&query, entity)
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
    // "Kremlin" is an alias of Russia, so Russia's positions are found by it.
    let points = ids(&l, "kremlin", EntityKind::StickingPoint);
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
fn assert_narrowing_equals_full(loaded: &Loaded, typed: &[&str]) {
    let narrowing = SearchEngine::new(&loaded.dossier, &loaded.index);
    let fresh = SearchEngine::new(&loaded.dossier, &loaded.index);
    for typed in typed {
        let mut previous = narrowing.search(&Query::default());
        for end in 1..=typed.len() {
            let Ok(query) = Query::parse(&typed[..end]) else {
                continue;
            };
            let narrowed = narrowing.search_within(&query, &previous);
            let full = fresh.search(&query);
            assert!(narrowed.same_as(&full), "{}", &typed[..end]);
            previous = narrowed;
        }
    }
}

#[test]
fn narrowing_within_previous_results_equals_a_full_search() {
    let typed = [
        "pokrovsk",
        "putin talks",
        "'ukr ^nat",
        "donbas sec",
        "kremlin",
    ];
    assert_narrowing_equals_full(&loaded(), &typed);
}

#[test]
fn the_scorer_gives_the_same_score_on_the_match_window_as_on_the_whole_text() {
    use fuzzy_matcher::FuzzyMatcher;
    let matcher = fuzzy_matcher::skim::SkimMatcherV2::default()
        .respect_case()
        .element_limit(super::SCORED_BYTES);
    let texts = [
        "talks in geneva resumed after the ceasefire — kherson, zaporizhzhia",
        "delegation: envoy monitoring_border-security guarantees",
        "a",
        "ééé dö nëts kß — donetsk région",
        "xkherson",
    ];
    for text in texts {
        for word in [
            "d", "do", "don", "k", "kherson", "ta", "env mon", "é", "ön", "a", "zz",
        ] {
            let (window, skipped) = super::engine::match_window(text, word);
            assert_eq!(
                matcher.fuzzy_match(text, word),
                matcher.fuzzy_match(window, word),
                "{word:?} in {text:?}"
            );
            let whole = matcher.fuzzy_indices(text, word).map(|(_, i)| i);
            let part = matcher
                .fuzzy_indices(window, word)
                .map(|(_, i)| i.into_iter().map(|i| i + skipped).collect());
            assert_eq!(whole, part, "{word:?} in {text:?}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
    #[test]
    fn match_windows_keep_every_score(
        text in "[ab_ -é.kXd]{0,40}",
        word in "[abé.kd]{1,4}",
    ) {
        use fuzzy_matcher::FuzzyMatcher;
        let matcher = fuzzy_matcher::skim::SkimMatcherV2::default()
            .respect_case()
            .element_limit(super::SCORED_BYTES);
        let (window, skipped) = super::engine::match_window(&text, &word);
        proptest::prop_assert_eq!(matcher.fuzzy_match(&text, &word), matcher.fuzzy_match(window, &word));
        let whole = matcher.fuzzy_indices(&text, &word).map(|(_, i)| i);
        let part = matcher
            .fuzzy_indices(window, &word)
            .map(|(_, i)| i.into_iter().map(|i| i + skipped).collect());
        proptest::prop_assert_eq!(whole, part);
    }
}

#[test]
fn narrowing_a_large_dossier_equals_a_full_search() {
    let yaml = serde_yaml::to_string(&crate::generate::dossier(3000, 11)).unwrap_or_default();
    let l = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
    assert_narrowing_equals_full(&l, &["kherson ta", "envoy mon", "security g", "taras 12"]);
}

#[test]
fn a_huge_name_is_scored_on_its_start_and_still_found_exactly() {
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
    assert_eq!(engine.highlight(&fuzzy, first), (0..7).collect::<Vec<_>>());
    // Past the scored start, a fuzzy term does not reach; an exact one does.
    let found = |q: &str| {
        let query = Query::parse(q).unwrap_or_default();
        engine
            .search(&query)
            .sorted(EntityKind::Event)
            .iter()
            .any(|h| h.index == 1)
    };
    assert!(!found("zebra"));
    assert!(found("'zebra"));
}
