//! A corpus of hostile dossiers (`tests/hostile/`, plus large ones generated here): each
//! fails with its message and position, or loads and renders with every control character
//! visibly escaped, on screen and in text and Markdown exports.

use crate::common;
use crate::common::HEADER;

use std::sync::mpsc;
use std::time::Duration;

use talks::app::{App, Options};
use talks::export::{Format, Scope, ViewSpec, render};
use talks::model::{EntityKind, LoadError, Loaded, load_path, load_str};

/// Loads in a thread, failing the test if it takes over 20 s: a guard against hangs, not a
/// speed check (speed is measured in the benchmarks).
fn load_guarded(
    load: impl FnOnce() -> Result<Loaded, LoadError> + Send + 'static,
) -> Result<Loaded, LoadError> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(load());
    });
    receive
        .recv_timeout(Duration::from_secs(20))
        .expect("loading hung")
}

fn load_file(name: &str) -> Result<Loaded, LoadError> {
    let path = std::path::PathBuf::from("tests/hostile").join(name);
    load_guarded(move || load_path(&path))
}

fn load_text(text: String) -> Result<Loaded, LoadError> {
    load_guarded(move || load_str("generated.yaml", &text))
}

/// The files that must fail, with the start of their message (after the file name).
const FAILURES: &[(&str, &str)] = &[
    (
        "syntax-truncated.yaml",
        ":9:11: error: found unexpected end of stream, while scanning a quoted scalar",
    ),
    (
        "syntax-unclosed-quote.yaml",
        ":2:8: error: found unexpected end of stream, while scanning a quoted scalar",
    ),
    (
        "syntax-tab-indent.yaml",
        ":8:1: error: found character that cannot start any token",
    ),
    (
        "syntax-one-byte.yaml",
        ":1:1: error: this is not a dossier: the file is plain text, not a YAML mapping",
    ),
    ("syntax-zero-byte.yaml", ":1:1: error: the file is empty"),
    (
        "syntax-not-utf8.yaml",
        ":2:12: error: the file is not valid UTF-8 (byte 0xE9)",
    ),
    (
        "syntax-nul-bytes.yaml",
        ":2:10: error: the file contains a raw control character U+0000 (NUL)",
    ),
    (
        "syntax-binary.yaml",
        ":2:118: error: the file is not valid UTF-8 (byte 0x80)",
    ),
    (
        "shape-top-level-list.yaml",
        ":1:1: error: invalid type: a list, expected a dossier",
    ),
    (
        "shape-title-list.yaml",
        ":2:8: error: title: invalid type: a list, expected a string",
    ),
    (
        "shape-actor-string.yaml",
        ":8:5: error: actors[0]: invalid type: string \"just a string\", expected an actor",
    ),
    (
        "shape-participants-mapping.yaml",
        ":13:19: error: events[0].participants: invalid type: a mapping, expected a list",
    ),
    (
        "shape-position-summary-number.yaml",
        ":17:18: error: sticking_points[0].positions[0].summary: invalid type: a list",
    ),
    (
        "shape-unknown-key.yaml",
        ":11:5: error: places[0]: unknown field `population`",
    ),
    (
        "shape-null-list.yaml",
        ":7:9: error: actors: invalid type: null, expected a list",
    ),
    (
        "shape-null-in-list.yaml",
        ":8:5: error: actors[0]: invalid type: null, expected an actor",
    ),
    (
        "shape-huge-order.yaml",
        ":12:12: error: events[0].order: invalid type: integer `123456789012345678901234567890`",
    ),
    (
        "shape-negative-order.yaml",
        ":12:12: error: events[0].order: invalid type: integer `-1`",
    ),
    (
        "shape-impossible-date.yaml",
        ":13:11: error: invalid date \"2025-02-30\": month 2 of 2025 has 28 days",
    ),
    (
        "shape-missing-field.yaml",
        ":8:5: error: actors[0]: missing field `name`",
    ),
    (
        "shape-duplicate-key.yaml",
        ":1:1: error: duplicate field `version`",
    ),
    (
        "refs-dangling.yaml",
        ":11:17: error: unknown actor \"unitedstates\"; did you mean \"united-states\"?",
    ),
    (
        "refs-wrong-kind.yaml",
        ":17:12: error: \"a\" is an actor, but this field needs a place",
    ),
    (
        "refs-self.yaml",
        ":11:14: error: place \"p\" cannot be part of itself",
    ),
    (
        "refs-cycle.yaml",
        ":8:48: error: `represents` goes round in a circle: a → b → c → a",
    ),
];

#[test]
fn every_failing_file_says_what_and_where() {
    let listed: Vec<&str> = FAILURES.iter().map(|(name, _)| *name).collect();
    for (name, expected) in FAILURES {
        let err = match load_file(name) {
            Ok(_) => panic!("{name} loaded"),
            Err(err) => err.to_string(),
        };
        let want = format!("tests/hostile/{name}{expected}");
        assert!(
            err.lines().any(|line| line.starts_with(&want)),
            "{name}:\n{err}\nwanted a line starting with:\n{want}"
        );
    }
    // Every file of the corpus is covered by this test or the next.
    for entry in std::fs::read_dir("tests/hostile").unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let loads = [
            "syntax-bom.yaml",
            "syntax-mixed-line-endings.yaml",
            "content-escapes.yaml",
        ];
        assert!(
            listed.contains(&name.as_str()) || loads.contains(&name.as_str()),
            "{name} has no expectation"
        );
    }
}

fn screen_text(loaded: Loaded, width: u16, height: u16) -> String {
    common::screen(&App::new(loaded, Options::sized(width, height)))
}

fn assert_no_raw_controls(what: &str, text: &str) {
    for c in text.chars() {
        let bad = (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}');
        assert!(!bad, "{what} holds U+{:04X} raw", c as u32);
    }
}

#[test]
fn legal_oddities_load() {
    for name in ["syntax-bom.yaml", "syntax-mixed-line-endings.yaml"] {
        let loaded = load_file(name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.dossier.sources[0].id, "s");
    }
}

#[test]
fn hostile_content_is_shown_and_exported_escaped() {
    let loaded = load_file("content-escapes.yaml").unwrap_or_else(|e| panic!("{e}"));
    // Three strings with control characters, and an actor that cites no source.
    assert_eq!(loaded.warnings.len(), 4);
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let screen = screen_text(loaded.clone(), width, height);
        assert_no_raw_controls("the screen", &screen);
        if width >= 80 {
            assert!(
                screen.contains("Escapes ^[[2J^[[H ^[]52;c;ZXZpbA==^G"),
                "{screen}"
            );
        }
        if width >= 120 {
            assert!(
                screen.contains("Bidi <U+202E>evil<U+202C> <U+2066>iso<U+2069>"),
                "{screen}"
            );
        }
    }
    let view = ViewSpec {
        list: EntityKind::Actor,
        query: String::new(),
        entries: vec![talks::model::EntityRef {
            kind: EntityKind::Actor,
            index: 0,
        }],
        selected: Some(talks::model::EntityRef {
            kind: EntityKind::Actor,
            index: 0,
        }),
    };
    for scope in [Scope::View(view), Scope::Briefing] {
        for format in [Format::Text, Format::Markdown] {
            let out = render(&loaded, &scope, None, format);
            assert_no_raw_controls(&format!("{format:?}"), &out);
            assert!(
                out.contains("<U+202E>evil") || out.contains("\\<U+202E\\>evil"),
                "{out}"
            );
            assert!(
                out.contains("基辅谈判") && out.contains("مفاوضات"),
                "wide and RTL text kept"
            );
        }
    }
}

#[test]
fn alias_bomb_and_deep_nesting_fail_with_a_position() {
    let err = load_text(talks::generate::billion_laughs())
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("generated.yaml:6:20: error: the aliases expand to more than"),
        "{err}"
    );
    let err = load_text(common::alias_bomb_in_actors(12, 8))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("error: the aliases expand to more than"),
        "{err}"
    );
    let deep = format!(
        "{HEADER}summary: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let err = load_text(deep).unwrap_err().to_string();
    assert!(
        err.starts_with("generated.yaml:7:74: error: the document nests deeper than 64 levels"),
        "{err}"
    );
    let deep_maps = format!(
        "{HEADER}summary: {}x{}\n",
        "{a: ".repeat(10_000),
        "}".repeat(10_000)
    );
    let err = load_text(deep_maps).unwrap_err().to_string();
    assert!(
        err.contains("error: the document nests deeper than 64 levels"),
        "{err}"
    );
    // 200 KB of `[`: refused at once, before libyaml (whose time grows with the square of
    // the depth) sees it.
    let err = load_text("[".repeat(200_000)).unwrap_err().to_string();
    assert!(
        err.starts_with("generated.yaml:1:65: error: the document nests"),
        "{err}"
    );
}

#[test]
fn very_large_values_load_and_render() {
    let huge = "word ".repeat(1_000_000);
    let text = format!(
        "{HEADER}actors:\n  - id: a\n    name: Big\n    kind: person\n    summary: \"{huge}\"\n"
    );
    let loaded = load_text(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        loaded.dossier.actors[0].summary.as_ref().unwrap().len(),
        5_000_000
    );
    let screen = screen_text(loaded, 80, 24);
    assert!(screen.contains("Big"));

    let mut many_positions = format!(
        "{HEADER}actors:\n  - {{id: a, name: A, kind: state, sources: [s]}}\nsticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: disputed\n    sources: [s]\n    positions:\n"
    );
    for i in 0..100_000 {
        many_positions.push_str(&format!(
            "      - {{actor: a, stance: unclear, summary: position {i}, source: s}}\n"
        ));
    }
    let loaded = load_text(many_positions).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.dossier.sticking_points[0].positions.len(), 100_000);
    let mut app = App::new(loaded, Options::sized(80, 24));
    talks::app::update(
        &mut app,
        talks::app::Action::FocusList(EntityKind::StickingPoint),
    );
    talks::app::update(&mut app, talks::app::Action::Bottom);

    let aliases: Vec<String> = (0..10_000).map(|i| format!("alias{i}")).collect();
    let text = format!(
        "{HEADER}actors:\n  - id: a\n    name: A\n    kind: person\n    aliases: [{}]\n",
        aliases.join(", ")
    );
    let loaded = load_text(text).unwrap_or_else(|e| panic!("{e}"));
    let engine = talks::search::SearchEngine::new(&loaded.dossier, &loaded.index);
    let hits = engine.search(&talks::search::Query::parse("alias9999").unwrap());
    assert_eq!(hits.count(talks::model::EntityKind::Actor), 1);
    assert!(screen_text(loaded, 120, 40).contains("Also known as: alias0, alias1"));
}
