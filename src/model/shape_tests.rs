//! The walk of every problem of shape: what it finds, and what it must not say.

use super::load::load_str;

fn said(text: &str) -> String {
    match load_str("d.yaml", text) {
        Ok(_) => panic!("loaded:\n{text}"),
        Err(err) => err.to_string(),
    }
}

const GOOD: &str = "version: 1\ntitle: T\nsources:\n  - {id: r, title: R, kind: note}\n";

#[test]
fn five_mistakes_in_one_run_each_with_what_to_write() {
    let text = "title: T\nsources:\n  - {id: r, title: R, kind: note}\nactors:\n  - id: a\n    \
                name: A\n    kind: State\n    colour: blue\nevents:\n  - {id: e, title: E, \
                kind: meeting, status: held}\nsticking_points:\n  - id: p\n    title: P\n    \
                topic: land\n    status: unresolved\n    positions:\n      - {actor: a, \
                stance: demands, summary: s, sorce: r}\nplace:\n  - {id: x, name: X}\n";
    let said = said(text);
    for expected in [
        "d.yaml:1:1: error: missing field `version`; write `version: 1` as the file's first line",
        "d.yaml:7:11: error: unknown actor kind \"State\"; did you mean \"state\"? expected one \
         of: person, state",
        "d.yaml:8:5: error: actors[0]: unknown field `colour`, expected one of `id`",
        "d.yaml:10:5: error: events[0]: missing field `order`; `order` is the event's place on \
         the timeline, a whole number (`order: 1`)",
        "sticking_points[0].positions[0]: unknown field `sorce`",
        "did you mean `source`?",
        "d.yaml:18:1: error: unknown field `place`",
        "did you mean `places`?",
        "Fix these and run again: ids, references, dates and the rest are checked once the \
         file reads as a dossier.",
    ] {
        assert!(said.contains(expected), "{expected}\n---\n{said}");
    }
    assert_eq!(said.matches(": error: ").count(), 6, "{said}");
}

#[test]
fn a_quoted_number_says_to_write_it_without_quotes() {
    let text = format!(
        "{GOOD}events:\n  - {{id: e, title: E, kind: meeting, status: held, order: \"3\"}}\n"
    );
    let said = said(&text);
    assert!(
        said.contains("write it without quotes: `order: 3`"),
        "{said}"
    );
    assert!(said.contains("Fix this and run again"), "{said}");
}

/// What serde reads must not be called wrong: numbers and dates as text, one id or a list
/// for `by`, null where a field may be left out.
#[test]
fn what_serde_takes_the_walk_takes() {
    let text = format!(
        "{GOOD}actors:\n  - {{id: a, name: 2025, kind: state, role: ~}}\nevents:\n  - id: e\n    \
         title: E\n    kind: meeting\n    status: held\n    order: 0x10\n    date: 2025-12-01\n    \
         quotes:\n      - {{by: a, text: t}}\n      - {{by: [a], text: u}}\n    nonsense: 1\n"
    );
    let said = said(&text);
    assert_eq!(said.matches(": error: ").count(), 1, "{said}");
    assert!(
        said.contains("events[0]: unknown field `nonsense`"),
        "{said}"
    );
}

#[test]
fn a_syntax_error_is_said_alone() {
    let said = said("version: 1\ntitle: [unclosed\ncolour: x\n");
    assert_eq!(said.matches(": error: ").count(), 1, "{said}");
    assert!(!said.contains("Fix th"), "{said}");
}

#[test]
fn fields_meant_by_a_near_spelling() {
    use super::shape_words::field_meant;
    let top = ["version", "title", "sources", "sticking_points", "places"];
    assert_eq!(
        field_meant("sticking-points", &top),
        Some("sticking_points")
    );
    assert_eq!(field_meant("Title", &top), Some("title"));
    assert_eq!(field_meant("colour", &top), None);
    let position = ["actor", "stance", "summary", "source", "basis", "as_of"];
    assert_eq!(field_meant("sources", &position), Some("source"));
    assert_eq!(field_meant("as-of", &position), Some("as_of"));
}
