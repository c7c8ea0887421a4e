//! Exports that go into a brief as they are (issue #15, items 1–5): the width, one
//! bibliography, the timeline's content, every listed entity, the wording.

use crate::common;
use crate::common::run;
use talks::app::{Action, App, Effect, Options, update};
use talks::model::{EntityKind, builtin};

const NOTE: &str =
    "The report this dossier is written from. It names no publisher, author or date.";
const SOURCE: &str = "US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks";

fn export(args: &[&str]) -> String {
    let mut all = vec!["export", "--no-timestamp"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// Item 1: `--width N` wraps at N columns, never inside a word; 0 leaves a paragraph a line.
#[test]
fn text_exports_take_a_width_and_zero_means_a_paragraph_a_line() {
    let wide = export(&["--all", "--width", "0"]);
    assert!(wide.lines().any(|l| l == format!("    {NOTE}")), "{wide}");
    let summary = "US and Ukrainian negotiators met in Florida for two days, with a third planned, and reported progress";
    assert!(
        wide.lines().any(|l| l.starts_with(summary)),
        "the summary on one line"
    );
    let narrow = export(&["--all", "--width", "40"]);
    let words = |text: &str| {
        text.split_whitespace()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(&narrow),
        words(&wide),
        "wrapping only moves line breaks"
    );
    let paragraph: Vec<&str> = narrow
        .lines()
        .skip(6)
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(paragraph.len() > 5, "{narrow}");
    for line in paragraph {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 40,
            "{line:?}"
        );
    }
    assert_eq!(export(&["--all"]), export(&["--all", "--width", "80"]));
    let (code, _, err) = run(&["export", "--all", "--width", "wide"]);
    assert_eq!(code, 2, "{err}");
}

/// Item 1: what `y` copies is a paragraph a line, whatever the screen's width.
#[test]
fn y_copies_unwrapped_text() {
    let mut app = App::new(builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::FocusList(EntityKind::Actor));
    update(&mut app, Action::CopySelected);
    let Some(Effect::Copy { text, .. }) = app.take_effects().pop() else {
        panic!("expected a copy")
    };
    let summary = "  Met Ukraine's negotiators in Florida through its special envoy, after the envoy's talks with Putin in Moscow on an initial US peace plan.";
    assert!(text.lines().any(|l| l == summary), "{text}");
}

/// Item 2: one numbered bibliography at the end; entries cite `[1]`; the note is there.
#[test]
fn sources_are_cited_by_number_and_listed_once_at_the_end() {
    for format in ["txt", "md"] {
        for view in [
            &["--all"][..],
            &["--view", "matrix"],
            &["--view", "timeline"],
        ] {
            let mut args = vec!["--format", format, "--width", "0"];
            args.extend_from_slice(view);
            let out = export(&args);
            assert_eq!(out.matches(SOURCE).count(), 1, "{format} {view:?}:\n{out}");
            assert!(out.contains(NOTE), "{format} {view:?}: the note");
            let tail = &out[out.rfind("Sources").unwrap()..];
            assert!(
                tail.contains(SOURCE),
                "{format} {view:?}: listed at the end"
            );
            assert!(out.contains("[1]"), "{format} {view:?}");
            assert!(!out.contains("(source:"), "{format} {view:?}");
            assert!(!out.contains("[^"), "{format} {view:?}: no footnotes");
        }
    }
}

const DATED: &str = "version: 1\ntitle: T\nsources:\n  - {id: s, title: The Source, kind: news-report, publisher: The Paper, published: 2025-12-03, url: 'https://example.org/a-b-c', note: Read with care.}\nactors:\n  - {id: a, name: Ana, kind: person, role: Envoy}\n  - {id: g, name: The Allies, kind: alliance}\nplaces:\n  - {id: p, name: Geneva, kind: city}\nsticking_points:\n  - id: x\n    title: Ceasefire\n    topic: security\n    status: disputed\n    positions:\n      - {actor: g, stance: supports, summary: Back it., source: s}\n      - {actor: a, stance: unclear, summary: Silent., source: s}\nevents:\n  - {id: e, title: Talks, kind: meeting, status: held, order: 1, date: 2025-12, place: p, participants: [a], summary: They met., outcomes: [A communique], sources: [s]}\n  - {id: f, title: Later, kind: meeting, status: planned, order: 2}\n";

/// Item 2: the bibliography gives the title, publisher, date, URL and note as written.
#[test]
fn the_bibliography_gives_what_the_source_gives() {
    let (_dir, path) = common::write_temp("dated.yaml", DATED.as_bytes());
    let path = path.to_str().unwrap();
    let text = export(&[path, "--all"]);
    let tail = &text[text.rfind("\nSources\n=======\n").unwrap()..];
    assert!(
        tail.contains(
            "[1] The Source\n    news-report · The Paper · 2025-12-03\n    https://example.org/a-b-c\n    Read with care.\n"
        ),
        "{tail}"
    );
    let md = export(&[path, "--all", "--format", "md"]);
    assert!(md.ends_with(
        "## Sources\n\n1. The Source — news-report · The Paper · 2025-12-03 <https://example.org/a-b-c>\n\n   Read with care.\n\n"
    ), "{md}");
}

/// Item 3: the timeline carries each event's content, in every format.
#[test]
fn the_timeline_export_carries_the_content() {
    let (_dir, path) = common::write_temp("dated.yaml", DATED.as_bytes());
    let path = path.to_str().unwrap();
    for format in ["txt", "md"] {
        let out = export(&[path, "--view", "timeline", "--format", format]);
        for content in [
            "2025-12",
            "held",
            "Talks",
            "Geneva",
            "Ana",
            "They met.",
            "A communique",
            "[1]",
        ] {
            assert!(out.contains(content), "{format}: {content}\n{out}");
        }
    }
    let md = export(&[path, "--view", "timeline", "--format", "md"]);
    assert!(md.contains("| Order and date | Status |"), "{md}");
    let undated = export(&["--view", "timeline", "--format", "md"]);
    assert!(undated.contains("| Order | Status |"), "{undated}");
    let json = export(&[path, "--view", "timeline", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let event = &value["events"][0];
    assert_eq!(event["date"], "2025-12");
    assert_eq!(event["date_precision"], "month");
    assert_eq!(event["summary"], "They met.");
    assert_eq!(event["outcomes"][0], "A communique");
    assert_eq!(event["sources"][0], "s");
    assert_eq!(event["place_name"], "Geneva");
    assert_eq!(event["participant_names"][0], "Ana");
}

/// Item 4: a list exports every entry in full, the selected one marked; `--brief` keeps
/// titles and the selected entity's detail.
#[test]
fn a_list_export_carries_every_entry_and_brief_only_titles() {
    let args = [
        "--view",
        "events",
        "--query",
        "pokrovsk",
        "--select",
        "pokrovsk-rejection",
    ];
    let full = export(&args);
    assert!(
        full.contains("Russia claimed control of Pokrovsk in Donetsk."),
        "{full}"
    );
    assert!(
        full.contains("Ukraine vehemently rejects Russia's claim"),
        "{full}"
    );
    assert!(
        full.contains(
            "2. Ukraine rejects Russia's claim to Pokrovsk  (held · order 11) ← selected"
        )
    );
    let mut brief_args = args.to_vec();
    brief_args.push("--brief");
    let brief = export(&brief_args);
    assert!(
        !brief.contains("Russia claimed control of Pokrovsk in Donetsk."),
        "{brief}"
    );
    assert!(
        brief.contains("Ukraine vehemently rejects Russia's claim"),
        "{brief}"
    );
    let md = export(&[&args[..], &["--format", "md"]].concat());
    assert!(
        md.contains(
            "2. **Ukraine rejects Russia's claim to Pokrovsk** — held · order 11 *← selected*"
        ),
        "{md}"
    );
    let json = export(&[&args[..], &["--format", "json"]].concat());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["entities"].as_array().unwrap().len(), 2);
    assert_eq!(value["entries"][1]["selected"], true);
    assert_eq!(value["entries"][0]["selected"], false);
    assert_eq!(value["selected"]["id"], "pokrovsk-rejection");
    let json = export(&[&args[..], &["--format", "json", "--brief"]].concat());
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(value.get("entities").is_none());
}

/// Item 5: English for a group, one run of text per item, headings by level, hedges.
#[test]
fn the_wording_reads_as_english_and_markdown_as_markdown() {
    let matrix = export(&["--view", "matrix", "--width", "0"]);
    assert!(!matrix.contains("allies supports"), "{matrix}");
    assert!(matrix.contains("Ukraine's European allies\n-------------------------\n  Security guarantees and deterrence — supports: "));
    assert!(
        matrix.contains("— ? unclear: "),
        "unclear is hedged as on screen"
    );
    let md = export(&["--all", "--format", "md"]);
    assert!(
        md.contains("- **Steve Witkoff** — US special envoy\n"),
        "{md}"
    );
    assert!(!md.contains("**  "), "no fact glued to its link");
    assert!(md.contains("| Russia | ? unclear |"), "{md}");
    assert!(md.contains("## Actors\n\n### United States\n"));
    let text = export(&["--all"]);
    assert!(
        text.contains("Actors (15)\n===========\n\nUnited States\n-------------\n"),
        "{text}"
    );
    assert!(
        text.contains("  Steve Witkoff — US special envoy\n"),
        "{text}"
    );
    // The brief's matrix hedges an unclear stance as the screen does, and says so.
    let russia = text.lines().find(|l| l.starts_with("Russia  "));
    assert!(russia.is_some_and(|l| l.ends_with(" ?")), "{text}");
    assert!(text.contains(" · ? unclear · "), "{text}");
}

/// Issue #15: `2025-12-` / `03` and a URL cut in two were textwrap's hyphen splitting.
#[test]
fn dates_urls_and_ids_are_never_cut() {
    let text = "The talks were held in Hallandale Beach on 2025-12-03, reported at \
                https://example.org/a-very-long-path/with-hyphens-in-it?x=1 by the envoy \
                witkoff-kushner-team";
    for width in [20, 30, 41, 57, 80] {
        let wrapped = talks::export::wrap(text, width, "  ");
        for token in [
            "2025-12-03,",
            "https://example.org/a-very-long-path/with-hyphens-in-it?x=1",
            "witkoff-kushner-team",
        ] {
            assert!(
                wrapped.lines().any(|line| line.contains(token)),
                "{token} cut at {width}:\n{wrapped}"
            );
        }
    }
}
