//! Single-source claims (issue #29): a position's or quote's `sources:` beside `source`,
//! `sources:N` in the search, "one source" marks and the brief's appendix, on a fixture
//! whose claims rest on one source, two or none (`tests/fixtures/claims.yaml`).

use crate::common::{self, HEADER, run, validate_bytes};
use crate::pty::Session;
use talks::model::{EntityKind, Loaded, load_str};
use talks::search::{Query, SearchEngine};
use talks::views::StanceMatrix;

const FIXTURE: &str = "tests/fixtures/claims.yaml";

fn fixture() -> Loaded {
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    load_str(FIXTURE, &text).unwrap()
}

/// The ids `query` finds, kind by kind in dossier order.
fn found(loaded: &Loaded, query: &str) -> Vec<String> {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    let mut results = engine.search(&Query::parse(query).unwrap());
    results.rank_all();
    let mut ids = Vec::new();
    for kind in EntityKind::ALL {
        let mut hits: Vec<usize> = results.ranked(kind).iter().map(|h| h.index).collect();
        hits.sort_unstable();
        let d = &loaded.dossier;
        ids.extend(
            hits.into_iter()
                .map(|i| d.id_of(talks::model::EntityRef::new(kind, i)).to_string()),
        );
    }
    ids
}

/// The matrix's cells for `query`: "actor/sticking point" of each position shown.
fn cells(loaded: &Loaded, query: &str) -> Vec<String> {
    let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
    let results = engine.search(&Query::parse(query).unwrap());
    let matrix = StanceMatrix::build(&loaded.index, &results);
    let d = &loaded.dossier;
    let mut shown = Vec::new();
    for (actor, cell) in matrix.positions() {
        let position = cell.position(d);
        let point = d
            .sticking_points
            .iter()
            .find(|p| p.positions.iter().any(|q| std::ptr::eq(q, position)))
            .unwrap();
        shown.push(format!("{}/{}", d.actors[actor].id, point.id));
    }
    shown
}

#[test]
fn sources_1_finds_the_entities_with_a_single_source_claim_or_their_own_single_source() {
    let loaded = fixture();
    // Southland: its own one source; the Envoy: its quote; the first round: the Envoy's
    // quote; the ridge: Southland's position; the harbour: its own one source.
    assert_eq!(
        found(&loaded, "sources:1"),
        ["south", "envoy", "first-round", "ridge-control", "harbour"]
    );
    assert_eq!(
        found(&loaded, "sources:0"),
        ["south", "envoy", "second-round", "ceasefire"]
    );
    assert_eq!(
        found(&loaded, "sources:>1"),
        [
            "north",
            "south",
            "first-round",
            "second-round",
            "harbour-access",
            "ridge-control",
            "ridge"
        ]
    );
    assert_eq!(found(&loaded, "sources:1 kind:event"), ["first-round"]);
    assert_eq!(found(&loaded, "sources:>2"), Vec::<String>::new());
}

#[test]
fn on_the_matrix_the_filter_keeps_exactly_the_positions_with_that_many_sources() {
    let loaded = fixture();
    assert_eq!(cells(&loaded, "sources:1"), ["south/ridge-control"]);
    assert_eq!(cells(&loaded, "sources:0"), ["south/ceasefire"]);
    assert_eq!(
        cells(&loaded, "sources:2"),
        [
            "north/harbour-access",
            "north/ridge-control",
            "south/harbour-access"
        ]
    );
    // Negated, it leaves out the entities too (Southland has its own one source, the
    // ridge a position on one), then the cells.
    assert_eq!(cells(&loaded, "!sources:1"), ["north/harbour-access"]);
    assert_eq!(cells(&loaded, "").len(), 5, "no filter: every position");
}

#[test]
fn an_unknown_id_in_sources_is_the_same_error_as_in_source_and_a_repeat_is_a_warning() {
    let body = "actors:\n  - {id: a, name: A, kind: state, sources: [s]}\nsticking_points:\n  - id: p\n    title: P\n    topic: land\n    status: disputed\n    sources: [s]\n    positions:\n      - actor: a\n        stance: opposes\n        summary: No.\n        source: s\n        sources: [s, x]\n";
    let (code, err) = validate_bytes(format!("{HEADER}{body}").as_bytes());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("FILE:20:22: error: unknown source \"x\""),
        "{err}"
    );
    assert!(
        err.contains("FILE:20:19: warning: \"s\" is already the position's `source`"),
        "{err}"
    );
    let body = "actors:\n  - {id: a, name: A, kind: state, sources: [s]}\nevents:\n  - id: e\n    title: E\n    kind: meeting\n    status: held\n    order: 1\n    sources: [s]\n    quotes:\n      - {by: a, text: hi, sources: [s, s, t]}\n";
    let (code, err) = validate_bytes(format!("{HEADER}{body}").as_bytes());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("error: unknown source \"t\"; did you mean \"s\"?"),
        "{err}"
    );
    assert!(
        err.contains("warning: \"s\" is named twice in the quote's `sources`"),
        "{err}"
    );
    assert!(
        !err.contains("cites no source"),
        "`sources` alone cites: {err}"
    );
}

#[test]
fn json_keeps_source_and_adds_every_source() {
    let (code, out, err) = run(&["show", "ridge-control", "-d", FIXTURE, "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    let positions = value["entity"]["positions"].as_array().unwrap();
    assert_eq!(positions[0]["source"], serde_json::Value::Null);
    assert_eq!(
        positions[0]["sources"],
        serde_json::json!(["paper", "radio"])
    );
    assert_eq!(positions[1]["source"], "paper");
    assert_eq!(positions[1]["sources"], serde_json::json!(["paper"]));
}

#[test]
fn the_brief_cites_every_source_and_lists_the_single_source_claims_when_asked() {
    let export = |format: &str, extra: &[&str]| {
        let mut args = vec![
            "export",
            "--all",
            "--no-timestamp",
            "-d",
            FIXTURE,
            "--format",
            format,
        ];
        args.extend(extra);
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{err}");
        out
    };
    let plain = export("txt", &[]);
    assert!(!plain.contains("Appendix"), "only when asked");
    assert!(
        plain.contains("— Northland, in First round of harbour talks (#1) [2] [3]"),
        "{plain}"
    );
    common::golden(
        "claims-single-source.txt",
        &export("txt", &["--single-source"]),
    );
    common::golden(
        "claims-single-source.md",
        &export("md", &["--single-source"]),
    );
    let json: serde_json::Value =
        serde_json::from_str(&export("json", &["--single-source"])).unwrap();
    let appendix = &json["single_source"];
    assert_eq!(appendix["every_claim"], serde_json::Value::Null);
    let claims = appendix["claims"].as_array().unwrap();
    assert_eq!(claims.len(), 2, "{appendix}");
    assert_eq!(claims[0]["kind"], "position");
    assert_eq!(claims[0]["sticking_point"], "ridge-control");
    assert_eq!(claims[0]["source"], "paper");
    assert_eq!(claims[1]["kind"], "quote");
    assert_eq!(claims[1]["event"], "first-round");
    let html = export("html", &["--single-source"]);
    assert!(
        html.contains("<h2>Appendix: claims on one source</h2>"),
        "{html}"
    );
    assert!(html.contains("Claims the ridge as its own."), "{html}");
}

#[test]
fn the_built_in_brief_says_once_that_every_claim_rests_on_one_source() {
    let (code, out, err) = run(&["export", "--all", "--single-source", "--no-timestamp"]);
    assert_eq!(code, 0, "{err}");
    let appendix = out.split("Appendix: claims on one source").nth(1).unwrap();
    assert!(
        appendix.contains(
            "Every position and quote of this dossier rests on one source: US & Ukraine Forge"
        ),
        "{appendix}"
    );
    assert!(
        !out.contains("· one source"),
        "no claim is marked one by one"
    );
}

#[test]
fn single_source_is_for_the_brief() {
    let (code, _, err) = run(&["export", "--view", "events", "--single-source"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "talks: --single-source adds an appendix to the brief: add --all, or leave it out"
    );
}

#[test]
fn typing_sources_1_lists_exactly_the_single_source_entities_and_positions() {
    let mut s = Session::start(&[FIXTURE], 120, 40, &[]);
    s.wait_for_text("1 Actors 3/3");
    s.send(b"/sources:1");
    s.wait_for_text("1 Actors 2/3");
    s.wait_for_text("2 Events 1/2");
    s.wait_for_text("3 Sticking points 1/3");
    s.wait_for_text("4 Places 1/2");
    let screen = s.screen_text();
    for shown in [
        "Southland",
        "The Envoy",
        "First round of harbour talks",
        "Control of the ridge",
        "Harbour",
    ] {
        assert!(screen.contains(shown), "{shown}:\n{screen}");
    }
    // On the matrix: the one position on a single source, marked so under the grid.
    s.send(b"\rm");
    s.wait_for_text("Stance matrix: 1 party × 1 sticking point");
    s.wait_for_text("Stance: demands [1] · one source");
    let status = s.quit();
    assert!(status.success(), "{status:?}");
}

/// The explorer on the fixture in a `width`×`height` terminal.
fn explorer(width: u16, height: u16) -> talks::app::App {
    talks::app::App::new(fixture(), talks::app::Options::sized(width, height))
}

/// "One source" where a claim rests on one: the matrix note (under the grid, or the
/// position's pane on a wide screen), and the overview's count; at each size.
#[test]
fn one_source_marks_screens() {
    use talks::app::{Action, Page, update};
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = explorer(width, height);
        update(&mut app, Action::OpenPage(Page::Matrix));
        update(&mut app, Action::Down);
        update(&mut app, Action::CursorRight);
        let name = format!("claims_matrix_one_source_{width}x{height}");
        insta::assert_snapshot!(name, common::screen(&app));
        update(&mut app, Action::ToggleOverview);
        update(&mut app, Action::Bottom);
        let name = format!("claims_overview_{width}x{height}");
        insta::assert_snapshot!(name, common::screen(&app));
    }
}

/// A position the filter leaves out of a shown row and column is drawn `–` ("filtered
/// out", in the legend), not `·`, which says the party holds none.
#[test]
fn a_cell_the_filter_leaves_out_is_not_drawn_as_no_position() {
    use talks::app::{Action, Page, update};
    let mut app = explorer(120, 30);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::StartSearch);
    for c in "sources:>1".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::FinishSearch);
    let shown = common::screen(&app);
    let southland = shown
        .lines()
        .find(|l| l.contains("Southland"))
        .unwrap_or("");
    assert!(
        southland.contains('–') && !southland.contains('·'),
        "{shown}"
    );
    assert!(shown.contains("– filtered out"), "{shown}");
}

/// A claim that cites no source is said to, in the detail, as a single-source one is: it
/// is less backed than one on a single source, not more.
#[test]
fn a_claim_with_no_source_is_said_so_in_the_detail() {
    let loaded = fixture();
    let at = loaded.index.actor("south").unwrap();
    let entity = talks::model::EntityRef::new(talks::model::EntityKind::Actor, at);
    let detail = talks::detail::detail(&loaded.dossier, &loaded.index, entity);
    let text = talks::export::detail_copy(&detail, 0);
    assert!(
        text.contains("Would sign a ceasefire now. · no source"),
        "{text}"
    );
    assert!(text.contains(" · one source"), "{text}");
}

/// Exports of a filtered matrix draw a left-out position as the explorer does, and say so.
#[test]
fn an_exported_filtered_matrix_marks_what_the_filter_left_out() {
    for format in ["txt", "md", "html"] {
        let (code, out, err) = common::run(&[
            "export",
            "tests/fixtures/claims.yaml",
            "--view",
            "matrix",
            "--query",
            "sources:>1",
            "--format",
            format,
            "--no-timestamp",
        ]);
        assert_eq!(code, 0, "{err}");
        assert!(out.contains('–'), "{format}: {out}");
        assert!(
            out.contains("a position the sources: filter leaves out"),
            "{format}: {out}"
        );
    }
}
