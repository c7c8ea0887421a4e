//! A source's own detail (issue #29): on screen, in the real binary, through `talks show`
//! and `talks list sources`, exported alone, and its `author` checked.

use crate::common::{self, app, golden, run, screen};
use crate::pty::Session;
use serde_json::Value;
use talks::app::{Action, Page, update};
use talks::export::{Format, Scope, render};
use talks::model::{EntityKind, EntityRef, builtin};

fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn a_source_detail_on_screen() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app(width, height);
        update(&mut app, Action::OpenPage(Page::Sources));
        update(&mut app, Action::Activate);
        insta::assert_snapshot!(format!("source_{width}x{height}"), screen(&app));
    }
}

#[test]
fn show_a_source_in_text_and_json() {
    let (code, out, err) = run(&["show", "seed-report"]);
    assert_eq!(code, 0, "{err}");
    golden("show-source.txt", &out);
    for heading in ["Backs 13 events", "Backs 21 positions", "Backs 7 quotes"] {
        assert!(out.contains(&format!("\n{heading}\n")), "{heading}: {out}");
    }
    let shown = json(&["show", "seed-report", "--format", "json"]);
    assert_eq!(shown["kind"], "source");
    assert_eq!(shown["entity"]["kind"], "source");
    assert_eq!(shown["entity"]["type"], "news-report");
    let backs = &shown["backs"];
    assert_eq!(backs["events"].as_array().unwrap().len(), 13);
    assert_eq!(backs["positions"].as_array().unwrap().len(), 21);
    assert_eq!(backs["quotes"].as_array().unwrap().len(), 7);
    assert_eq!(backs["entities"].as_array().unwrap().len(), 29);
    assert_eq!(backs["positions"][0]["sticking_point"], "donbas-territory");
    assert_eq!(backs["positions"][0]["actor"], "russia");
    assert_eq!(backs["positions"][0]["stance"], "demands");
    let linked: Vec<&str> = shown["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert!(linked.contains(&"florida-talks"), "{linked:?}");
}

#[test]
fn list_sources_like_the_other_kinds() {
    let (code, out, err) = run(&["list", "sources"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "seed-report  US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks  news-report\n"
    );
    let listed = json(&["list", "source", "--format", "json"]);
    assert_eq!(listed[0]["kind"], "source");
    assert_eq!(listed[0]["id"], "seed-report");
    assert_eq!(listed[0]["type"], "news-report");
    // `search --kind` takes the kinds the search finds, which sources are not yet.
    let (code, _, err) = run(&["search", "peace", "--kind", "sources"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'sources'"), "{err}");
}

#[test]
fn an_unknown_source_id_suggests_the_closest() {
    let (code, out, err) = run(&["show", "seed-reprt"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "talks: no entity with the id \"seed-reprt\" in data/talks.yaml (built in); did you mean \"seed-report\"?\n"
    );
}

#[test]
fn a_source_detail_exports_alone_in_every_document_format() {
    let loaded = builtin().unwrap();
    let source = EntityRef::new(EntityKind::Source, 0);
    let scope = Scope::Detail(source);
    let text = render(&loaded, &scope, None, Format::Text);
    assert!(
        text.contains(
            "Detail: US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks (source)"
        ),
        "{text}"
    );
    assert!(text.contains("Backs 7 quotes"), "{text}");
    let markdown = render(&loaded, &scope, None, Format::Markdown);
    assert!(markdown.contains("## US & Ukraine Forge"), "{markdown}");
    let html = render(&loaded, &scope, None, Format::Html);
    assert!(html.contains("Backs 21 positions"), "{html}");
    let value: Value = serde_json::from_str(&render(&loaded, &scope, None, Format::Json)).unwrap();
    assert_eq!(value["detail"]["kind"], "source");
    assert_eq!(value["entities"][0]["kind"], "source");
    assert_eq!(
        value["entities"][0]["backs"]["quotes"]
            .as_array()
            .unwrap()
            .len(),
        7
    );
    assert_eq!(
        scope.refusal(Format::Csv).unwrap(),
        "CSV holds one table, and a detail is a document: export it as txt, md, json or html (CSV and TSV are for a list, the matrix, the timeline and the sources)"
    );
}

#[test]
fn a_bad_author_is_said_where_it_is() {
    let text = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n    author: ''\n  - id: t\n    title: T\n    kind: k\n    author: \"Jane Roe\\nJohn Doe\"\nactors:\n  - {id: a, name: A, kind: person, sources: [s, t]}\n";
    let (_dir, path) = common::write_temp("authors.yaml", text.as_bytes());
    let (code, _, err) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, i32::from(talks::open::EXIT_BAD_INPUT), "{err}");
    assert!(
        err.contains(":7:13: error: the author is empty: name who wrote the source, or leave `author` out (at sources[0].author)"),
        "{err}"
    );
    assert!(
        err.contains(":11:13: error: the author is more than one line: write it on one line (several authors as \"A, B and C\") (at sources[1].author)"),
        "{err}"
    );
}

#[test]
fn enter_on_a_source_in_the_real_binary_and_back() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text("Actors");
    s.send(b"s");
    s.wait_for_text("backs 13 events");
    s.send(b"\r");
    s.wait_for_text("Backs 13 events");
    s.wait_for_text("US & Ukraine Forge Peac… · source");
    s.send(b"\x7f");
    s.wait_for_text("backs 13 events");
    s.quit();
    s.assert_restored();
}

#[test]
fn list_sources_since_an_older_version_marks_new_and_changed_ones() {
    let old = "version: 1\ntitle: T\nsources:\n  - {id: s, title: S, kind: k}\nactors:\n  - {id: a, name: A, kind: person, sources: [s]}\n";
    let new = "version: 1\ntitle: T\nsources:\n  - {id: s, title: S2, kind: k}\n  - {id: t, title: T, kind: k, author: Jane Roe}\nactors:\n  - {id: a, name: A, kind: person, sources: [s, t]}\n";
    let (dir, old_path) = common::write_temp("old.yaml", old.as_bytes());
    let new_path = dir.path().join("new.yaml");
    std::fs::write(&new_path, new).unwrap();
    let (new_path, old_path) = (new_path.to_str().unwrap(), old_path.to_str().unwrap());
    let (code, out, err) = run(&["list", "sources", "-d", new_path, "--since", old_path]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "Δ s  S2  k\nN t  T   k\n");
    let (code, out, err) = run(&["show", "t", "-d", new_path]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\nAuthor: Jane Roe\n"), "{out}");
}
