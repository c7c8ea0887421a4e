//! The brief (`talks export --all`, issue #26): goldens in each format with what moved and
//! the analyst's notes, Markdown read by a Markdown parser (one H1, no doubled bullets),
//! notes under their entity, and change text that names entities.

use crate::common::{golden, run};
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use talks::export::{ExportOptions, Format, Scope, render_with};
use talks::model::{Loaded, load_path};
use talks::notes::Notes;

const STAMP: &str = "2026-01-01T00:00:00Z";
const WEEK2: &str = "tests/fixtures/over-time-week2.yaml";
const WEEK3: &str = "tests/fixtures/over-time.yaml";

fn load(path: &str) -> Loaded {
    load_path(std::path::Path::new(path)).unwrap()
}

/// A star on Brevik, a note on its stance on the river border and one on the third round.
fn notes() -> Notes {
    let mut notes = Notes::new();
    notes.toggle_star("brevik");
    notes.set_note(
        "river-border/brevik@2031-03-16",
        "Signed without comment: ask why.",
    );
    notes.set_note("third-round", "Ostra joined at last.");
    notes
}

fn brief(format: Format, notes: Option<&Notes>, old: Option<&Loaded>) -> String {
    let options = ExportOptions {
        notes,
        since: old,
        ..ExportOptions::new(format, Some(STAMP))
    };
    render_with(&load(WEEK3), &Scope::Briefing, &options)
}

#[test]
fn golden_briefs_with_what_moved_and_notes_in_each_format() {
    let (old, notes) = (load(WEEK2), notes());
    for format in Format::DOCUMENTS {
        let text = brief(format, Some(&notes), Some(&old));
        golden(&format!("brief-since.{}", format.extension()), &text);
    }
}

/// Every format carries the same parts.
#[test]
fn every_format_carries_the_same_content() {
    let (old, notes) = (load(WEEK2), notes());
    for format in [Format::Text, Format::Markdown] {
        let text = brief(format, Some(&notes), Some(&old));
        for part in [
            "What moved since tests/fixtures/over-time-week2.yaml",
            "Stance matrix",
            "Timeline",
            "Key quotes",
            "“a river that joins us”",
            "Aldoria and Brevik, in Second round (#2 2031-03-08)",
            "Signed without comment: ask why.",
            "Third weekly report",
            "said “a river that joins us” in",
        ] {
            assert!(text.contains(part), "{format:?} lacks {part:?}:\n{text}");
        }
    }
    let json: serde_json::Value =
        serde_json::from_str(&brief(Format::Json, Some(&notes), Some(&old))).unwrap();
    assert_eq!(json["changes"]["stance_shifts"][0]["actor"], "brevik");
    assert_eq!(json["matrix"]["rows"][1]["name"], "Brevik");
    assert_eq!(json["timeline"].as_array().map(Vec::len), Some(3));
    assert_eq!(
        json["key_quotes"][0]["speaker_names"],
        serde_json::json!(["Aldoria", "Brevik"])
    );
    assert!(json["notes"].as_array().is_some_and(|n| n.len() == 3));
    // The actors' chronologies, as text and Markdown show them under each actor.
    let brevik = &json["chronologies"][1];
    assert_eq!(brevik["actor"], "brevik");
    let lines = brevik["lines"].as_array().unwrap();
    let said = lines
        .iter()
        .find(|l| l["text"] == "2031-03-08: said “a river that joins us” in Second round")
        .unwrap_or_else(|| panic!("{lines:#?}"));
    assert_eq!(said["to"]["id"], "second-round");
    let schema = std::fs::read_to_string("assets/export.schema.json").unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

/// Text and Markdown put each note under its entity (a position's under its sticking
/// point), not in a section at the end.
#[test]
fn notes_come_under_their_entity() {
    let notes = notes();
    let text = brief(Format::Text, Some(&notes), None);
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle}:\n{text}"))
    };
    let brevik = at("Brevik\n------");
    assert!(
        brevik < at("★ Brevik (brevik)") && at("★ Brevik (brevik)") < at("Ostra Concord\n-----")
    );
    let river = at("Where the river border runs\n---");
    let note = at("Signed without comment: ask why.");
    assert!(
        river < note && note < at("Access to Port Sel\n---"),
        "{text}"
    );
    let round = at("Third round\n---");
    assert!(round < at("Ostra joined at last."));
    let markdown = brief(Format::Markdown, Some(&notes), None);
    assert!(!markdown.contains("\n## Analyst notes"), "{markdown}");
    assert!(markdown.contains("#### Analyst notes"), "{markdown}");
}

/// The H1 headings of `markdown`, and the text each list item starts with.
fn h1_and_items(markdown: &str) -> (usize, Vec<String>) {
    let mut h1 = 0;
    let mut items = Vec::new();
    let mut item_open = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) => h1 += 1,
            Event::Start(Tag::Item) => item_open = true,
            // An item that starts with a list is a doubled bullet.
            Event::Start(Tag::List(_)) if item_open => {
                items.push("(a list)".to_string());
                item_open = false;
            }
            Event::Text(text) if item_open => {
                items.push(text.to_string());
                item_open = false;
            }
            Event::End(TagEnd::Item) => item_open = false,
            _ => {}
        }
    }
    (h1, items)
}

#[test]
fn markdown_exports_have_one_h1_and_no_doubled_bullets() {
    let (old, notes) = (load(WEEK2), notes());
    let builtin = talks::export::render(
        &talks::model::builtin().unwrap(),
        &Scope::Briefing,
        None,
        Format::Markdown,
    );
    let since = |args: &[&str]| {
        let mut all = vec!["export", WEEK3, "--since", WEEK2, "--format", "md"];
        all.extend_from_slice(args);
        let (code, out, err) = run(&all);
        assert_eq!(code, 0, "{err}");
        out
    };
    let documents = [
        builtin,
        brief(Format::Markdown, Some(&notes), Some(&old)),
        since(&["--view", "events"]),
        since(&["--view", "matrix"]),
        since(&["--view", "timeline"]),
        since(&["--all", "--notes"]),
    ];
    for markdown in documents {
        let (h1, items) = h1_and_items(&markdown);
        assert_eq!(h1, 1, "{markdown}");
        assert!(!items.is_empty());
        for item in items {
            assert!(
                item != "(a list)" && !item.starts_with(['•', '·', '◦', '‣']),
                "a doubled bullet: {item:?} in\n{markdown}"
            );
        }
    }
}

/// Change text names entities (`talks diff`, exports), ids only in JSON, which adds the
/// names beside them.
#[test]
fn change_text_names_entities_and_json_keeps_ids() {
    let (code, out, err) = run(&["diff", WEEK2, WEEK3]);
    assert_eq!(code, 1, "{err}");
    for named in [
        "participants: + Ostra Concord",
        "quotes: + “a river that joins us” — Aldoria, Brevik",
        "sources: + Third weekly report; − Second weekly report",
        "+ Brevik: supports (inferred)",
        "event: Third round",
    ] {
        assert!(out.contains(named), "{named:?} in\n{out}");
    }
    for id in ["+ ostra", "aldoria, brevik", "+ brevik:", "report-3", "`"] {
        assert!(!out.contains(id), "{id:?} in\n{out}");
    }
    let (_, json, _) = run(&["diff", WEEK2, WEEK3, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let participants = &json["entities"][1]["fields"][2];
    assert_eq!(participants["added"], serde_json::json!(["ostra"]));
    assert_eq!(
        participants["added_names"],
        serde_json::json!(["Ostra Concord"])
    );
}

/// Where two names of one kind are alike, change text adds the id to tell them apart; a
/// name shared with another kind (a place) needs none.
#[test]
fn alike_names_keep_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    let dossier = |participants: &str| {
        format!(
            "version: 1\ntitle: Alike\nsources:\n  - {{id: r, title: R, kind: note}}\nactors:\n  \
             - {{id: envoy-a, name: The Envoy, kind: person}}\n  \
             - {{id: envoy-b, name: The envoy, kind: person}}\n  \
             - {{id: host, name: Host, kind: state}}\nplaces:\n  \
             - {{id: host-city, name: Host, kind: city}}\nevents:\n  \
             - {{id: talks, title: Talks, kind: meeting, status: held, order: 1, \
             place: host-city, participants: [{participants}]}}\n"
        )
    };
    let (old, new) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&old, dossier("envoy-a")).unwrap();
    std::fs::write(&new, dossier("envoy-a, envoy-b, host")).unwrap();
    let (code, out, err) = run(&["diff", old.to_str().unwrap(), new.to_str().unwrap()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        out.contains("participants: + The envoy (envoy-b); + Host\n"),
        "{out}"
    );
}

/// `e` on the overview (`i`) opens the export prompt on the brief, as `E` does anywhere.
#[test]
fn e_on_the_overview_exports_the_brief() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use talks::app::{Action, App, Mode, Options, update};
    use talks::keymap::{Keymap, dispatch};
    let mut app = App::new(talks::model::builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::ToggleOverview);
    assert_eq!(app.mode(), Mode::Overview);
    let context = |app: &App| (app.mode(), app.focus(), app.page());
    let key = KeyEvent::new(KeyCode::Char('e'), KeyModifiers::NONE);
    assert!(dispatch(
        &Keymap::default(),
        &mut app,
        &key,
        context,
        update
    ));
    assert_eq!(app.mode(), Mode::Export);
    update(&mut app, Action::ConfirmExport);
    match app.take_effects().pop() {
        Some(talks::app::Effect::Export { scope, path, .. }) => {
            assert_eq!(scope, Scope::Briefing);
            assert_eq!(path, std::path::Path::new("talks-briefing.txt"));
        }
        other => panic!("expected an export, got {other:?}"),
    }
}

/// An actor's chronology on screen, at three sizes: the end of Brevik's detail. Its lines
/// are links, and Enter follows the one focused.
#[test]
fn an_actor_s_chronology_on_screen_and_followed() {
    use talks::app::{Action, App, Options, update};
    use talks::model::EntityKind;
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = App::new(load(WEEK3), Options::sized(width, height));
        update(&mut app, Action::FocusList(EntityKind::Actor));
        update(&mut app, Action::Down);
        update(&mut app, Action::Activate);
        update(&mut app, Action::Bottom);
        let shown = crate::common::screen(&app);
        insta::assert_snapshot!(format!("chronology_{width}x{height}"), shown);
        if width == 120 {
            assert!(shown.contains("Chronology"), "{shown}");
            assert!(
                shown.contains("2031-03-15: took part in Third round"),
                "{shown}"
            );
        }
        // Tab to the last link: the chronology's last line.
        let last = app.detail().link_count() - 1;
        for _ in 0..=last {
            if app.detail().focused_link() == Some(last) {
                break;
            }
            update(&mut app, Action::NextLink);
        }
        assert_eq!(app.detail().focused_link(), Some(last));
        update(&mut app, Action::Activate);
        let river = app.loaded().index.get("river-border");
        assert_eq!(app.shown(), river, "the last line's sticking point");
    }
}
