//! The validator tested on small dossiers.

use super::*;

const HEAD: &str = "version: 1\ntitle: T\nsources:\n  - {id: s, title: S, kind: k}\n";

fn findings(body: &str) -> Vec<(String, String)> {
    let text = format!("{HEAD}{body}");
    let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    validate(&dossier)
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.path, f.message))
        .collect()
}

fn one(body: &str) -> (String, String) {
    let all = findings(body);
    assert_eq!(all.len(), 1, "{all:#?}");
    all.into_iter().next().unwrap_or_default()
}

#[test]
fn a_valid_dossier_has_no_findings() {
    let body = "actors:\n  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: person, represents: a, sources: [s]}\n";
    assert!(findings(body).is_empty());
}

#[test]
fn version_title_and_sources() {
    let dossier: Dossier = serde_yaml::from_str("version: 3\ntitle: ' '\nsources: []\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let messages: Vec<String> = validate(&dossier).into_iter().map(|f| f.message).collect();
    assert_eq!(
        messages,
        vec![
            "unsupported dossier version 3; this talks reads version 1",
            "the title is empty",
            "a dossier needs at least one source",
        ]
    );
}

#[test]
fn id_syntax() {
    assert_eq!(
        one("places:\n  - {id: Kyiv City, name: K, kind: city}\n"),
        (
            "places[0].id".into(),
            "invalid id \"Kyiv City\": use lowercase letters, digits and '-' only".into()
        )
    );
    assert!(!is_valid_id(""));
    assert!(is_valid_id("donbas-2"));
}

#[test]
fn ids_unique_across_kinds() {
    let body =
        "actors:\n  - {id: x, name: X, kind: state}\nplaces:\n  - {id: x, name: X, kind: city}\n";
    assert_eq!(
        one(body),
        (
            "places[0].id".into(),
            "duplicate id \"x\": already used by the actor".into()
        )
    );
}

#[test]
fn references_exist_and_have_the_right_kind() {
    let body = "actors:\n  - {id: witkoff, name: W, kind: person}\nplaces:\n  - {id: florida, name: F, kind: state}\nevents:\n  - {id: e, title: E, kind: meeting, status: held, order: 1, participants: [witkof, florida], place: witkoff}\n";
    let all = findings(body);
    assert_eq!(
        all,
        vec![
            (
                "events[0].place".into(),
                "\"witkoff\" is an actor, but this field needs a place".into()
            ),
            (
                "events[0].participants[0]".into(),
                "unknown actor \"witkof\"; did you mean \"witkoff\"?".into()
            ),
            (
                "events[0].participants[1]".into(),
                "\"florida\" is a place, but this field needs an actor".into()
            ),
        ]
    );
}

#[test]
fn vocabularies() {
    let (path, message) =
        one("sticking_points:\n  - {id: p, title: P, topic: two words, status: resolved}\n");
    assert_eq!(
        (path.as_str(), message.as_str()),
        (
            "sticking_points[0].topic",
            "the topic \"two words\" must be one word"
        )
    );
    let (_, message) =
        one("sticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: settled\n");
    assert!(
        message.starts_with("unknown sticking point status \"settled\""),
        "{message}"
    );
    let body = "actors:\n  - {id: a, name: A, kind: state}\nsticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: resolved\n    positions: [{actor: a, stance: oposes, summary: S}]\n";
    let (path, message) = one(body);
    assert_eq!(path, "sticking_points[0].positions[0].stance");
    assert!(
        message.starts_with("unknown stance \"oposes\"; did you mean \"opposes\"?"),
        "{message}"
    );
}

#[test]
fn what_cites_nothing_is_a_warning() {
    let text = format!(
        "{HEAD}actors:\n  - {{id: a, name: A, kind: state}}\nevents:\n  - id: e\n    title: E\n    kind: statement\n    status: held\n    order: 1\n    sources: [s]\n    quotes: [{{by: a, text: hi}}]\n"
    );
    let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let warnings: Vec<(String, String)> = validate(&dossier)
        .into_iter()
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            (f.path, f.message)
        })
        .collect();
    assert_eq!(
        warnings,
        vec![
            (
                "actors[0].id".to_string(),
                "the actor \"a\" cites no source".to_string()
            ),
            (
                "events[0].quotes[0].text".to_string(),
                "the quote \"hi\" in \"e\" cites no source".to_string()
            ),
        ]
    );
}

#[test]
fn control_characters_are_warnings() {
    let text = format!("{HEAD}summary: \"bell\\a\"\n");
    let dossier: Dossier = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let found = validate(&dossier);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, Severity::Warning);
    assert_eq!(found[0].path, "summary");
}

#[test]
fn closest_prefers_fuzzy_then_edit_distance() {
    assert_eq!(closest("witkof", &["witkoff", "putin"]), Some("witkoff"));
    assert_eq!(closest("ptuin", &["witkoff", "putin"]), Some("putin"));
    assert_eq!(closest("zzzzzz", &["witkoff", "putin"]), None);
}

#[test]
fn a_quote_s_speakers_must_be_actors_named_once() {
    let event = |by: &str| {
        format!(
            "actors:\n  - {{id: a, name: A, kind: state, sources: [s]}}\n  - {{id: b, name: B, kind: person, sources: [s]}}\nplaces:\n  - {{id: p, name: P, sources: [s]}}\nevents:\n  - id: e\n    title: E\n    kind: statement\n    status: held\n    order: 1\n    sources: [s]\n    quotes: [{{by: {by}, text: hi, source: s}}]\n"
        )
    };
    assert!(findings(&event("a")).is_empty());
    assert!(findings(&event("[a, b]")).is_empty());
    assert_eq!(
        one(&event("[]")),
        (
            "events[0].quotes[0].by".into(),
            "the quote's `by` lists no one: give an actor id, or a list of them".into()
        )
    );
    assert_eq!(
        one(&event("[a, b, a]")),
        (
            "events[0].quotes[0].by[2]".into(),
            "\"a\" is named twice in the quote's `by`".into()
        )
    );
    assert_eq!(
        one(&event("[a, p]")),
        (
            "events[0].quotes[0].by[1]".into(),
            "\"p\" is a place, but this field needs an actor; did you mean \"a\"?".into()
        )
    );
}

#[test]
fn basis_is_stated_or_inferred_and_concerns_are_places() {
    let body = "actors:\n  - {id: a, name: A, kind: state}\nsticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: resolved\n    positions: [{actor: a, stance: opposes, summary: S, basis: infered}]\n";
    let (path, message) = one(body);
    assert_eq!(path, "sticking_points[0].positions[0].basis");
    assert_eq!(
        message,
        "unknown basis \"infered\"; did you mean \"inferred\"? expected one of: stated, inferred"
    );
    let body = "actors:\n  - {id: a, name: A, kind: state}\nevents:\n  - {id: e, title: E, kind: claim, status: claimed, order: 1, concerns: [a, nowhere], quotes: [{by: a, text: t, basis: guessed}]}\n";
    let all = findings(body);
    assert_eq!(
        all,
        vec![
            (
                "events[0].concerns[0]".into(),
                "\"a\" is an actor, but this field needs a place".into()
            ),
            (
                "events[0].concerns[1]".into(),
                "unknown place \"nowhere\"".into()
            ),
            (
                "events[0].quotes[0].basis".into(),
                "unknown basis \"guessed\"; expected one of: stated, inferred".into()
            ),
        ]
    );
}

#[test]
fn a_place_named_twice_in_concerns_is_an_error() {
    let body = "places:\n  - {id: p, name: P}\nevents:\n  - {id: e, title: E, kind: claim, status: claimed, order: 1, concerns: [p, p]}\n";
    assert_eq!(
        one(body),
        (
            "events[0].concerns[1]".into(),
            "\"p\" is named twice in `concerns`".into()
        )
    );
}

#[test]
fn a_source_author_is_one_line_and_not_empty() {
    let dossier = |author: &str| -> Dossier {
        let text = format!(
            "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n    author: {author}\n"
        );
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
    };
    let said = |author: &str| -> Vec<(String, String)> {
        validate(&dossier(author))
            .into_iter()
            .map(|f| (f.path, f.message))
            .collect()
    };
    assert_eq!(said("Jane Roe"), vec![]);
    assert_eq!(
        said("' '"),
        vec![(
            "sources[0].author".into(),
            "the author is empty: name who wrote the source, or leave `author` out".into()
        )]
    );
    assert_eq!(
        said("|\n      Jane Roe\n      John Doe"),
        vec![(
            "sources[0].author".into(),
            "the author is more than one line: write it on one line (several authors as \"A, B and C\")".into()
        )]
    );
}
