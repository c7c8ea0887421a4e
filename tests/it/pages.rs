//! The stance matrix and the timeline: screens, cells, navigation and exports.

use crate::common::{app, golden, run, screen};
use talks::app::{Action, App, Focus, Options, Page, update};
use talks::export::{Format, Scope, render};
use talks::model::{EntityKind, builtin};

#[test]
fn matrix_and_timeline_screens() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app(width, height);
        update(&mut app, Action::OpenPage(Page::Matrix));
        insta::assert_snapshot!(format!("matrix_{width}x{height}"), screen(&app));
        update(&mut app, Action::OpenPage(Page::Timeline));
        insta::assert_snapshot!(format!("timeline_{width}x{height}"), screen(&app));
    }
}

#[test]
fn one_screen_shows_who_stands_where() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    let row = |name: &str| {
        shown
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_default()
            .to_string()
    };
    // Columns: Territory in Donbas, Security guarantees, NATO membership, sincerity.
    assert!(
        row("│  Russia ").contains("▲ demands     ·             ✗ opposes     ✓~ supports"),
        "{shown}"
    );
    assert!(
        row("│  Ukraine ").contains("✗~ opposes    ✓ supports    ✓ supports"),
        "{shown}"
    );
}

#[test]
fn the_query_filters_the_matrix_and_the_timeline() {
    let mut app = app(120, 40);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::StartSearch);
    for c in "actor:putin".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::FinishSearch);
    let events: Vec<&str> = app
        .pages()
        .timeline()
        .rows
        .iter()
        .map(|r| app.loaded().dossier.events[r.event].id.as_str())
        .collect();
    assert_eq!(
        events,
        vec![
            "moscow-talks",
            "putin-ready-for-meetings",
            "putin-donbas-warning"
        ]
    );
    let rows: Vec<&str> = app
        .pages()
        .matrix()
        .rows
        .iter()
        .map(|&a| app.loaded().dossier.actors[a].id.as_str())
        .collect();
    // Putin represents Russia, so Russia is linked to him too.
    assert_eq!(rows, vec!["russia", "putin"]);
}

#[test]
fn enter_on_a_cell_opens_the_sticking_point_with_that_position_focused() {
    let mut app = app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    // Row 3 is Russia, column 3 is Ukraine's NATO membership.
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::CursorRight);
    update(&mut app, Action::CursorRight);
    // At 120×40 the position's detail has a pane of its own under the matrix.
    let shown = screen(&app);
    assert!(
        shown.contains("┌ Russia on Ukraine's NATO membership · position "),
        "{shown}"
    );
    assert!(shown.contains("│Stance: opposes"), "{shown}");
    assert!(shown.contains("│  Vehemently opposes"), "{shown}");
    update(&mut app, Action::Activate);
    assert_eq!(app.page(), Page::Browse);
    assert_eq!(app.focus(), Focus::Detail);
    let shown = app.shown().unwrap();
    assert_eq!(app.loaded().dossier.id_of(shown), "nato-membership");
    let focused = app.detail().links()[app.detail().focused_link().unwrap()];
    assert_eq!(app.loaded().dossier.id_of(focused), "russia");
    // Back returns to the matrix, its cursor on that cell; Forward to the position again.
    update(&mut app, Action::Back);
    assert_eq!(app.page(), Page::Matrix);
    assert_eq!(app.pages().matrix_cursor(), (2, 2));
    update(&mut app, Action::Forward);
    assert_eq!(app.page(), Page::Browse);
    assert_eq!(app.shown(), Some(shown));
    assert_eq!(
        app.detail().focused_link().map(|n| app.detail().links()[n]),
        Some(focused)
    );
}

#[test]
fn enter_on_the_timeline_opens_the_event() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::Bottom);
    update(&mut app, Action::Activate);
    assert_eq!(app.page(), Page::Browse);
    // What is still planned comes last.
    assert_eq!(
        app.loaded().dossier.id_of(app.shown().unwrap()),
        "florida-third-day"
    );
    assert_eq!(app.last_list(), EntityKind::Event);
}

#[test]
fn matrix_and_timeline_exports_golden_and_equal_to_the_cli() {
    let loaded = builtin().unwrap();
    for (page, name) in [(Page::Matrix, "matrix"), (Page::Timeline, "timeline")] {
        for (format, flag) in [
            (Format::Text, "txt"),
            (Format::Markdown, "md"),
            (Format::Json, "json"),
            (Format::Csv, "csv"),
            (Format::Tsv, "tsv"),
            (Format::Html, "html"),
        ] {
            let mut app = app(80, 24);
            update(&mut app, Action::OpenPage(page));
            let scope = app.export_scope();
            assert!(matches!(
                scope,
                Scope::Matrix { .. } | Scope::Timeline { .. }
            ));
            let golden_text = render(&loaded, &scope, Some("2026-01-01T00:00:00Z"), format);
            golden(&format!("{name}.{flag}"), &golden_text);
            let (code, cli, err) =
                run(&["export", "--view", name, "--format", flag, "--no-timestamp"]);
            assert_eq!(code, 0, "{err}");
            assert_eq!(cli, render(&loaded, &scope, None, format));
        }
    }
}

#[test]
fn the_sources_export_is_the_page_shown_golden_and_equal_to_the_cli() {
    let loaded = builtin().unwrap();
    for query in ["", "pokrovsk"] {
        for (format, flag) in [
            (Format::Text, "txt"),
            (Format::Markdown, "md"),
            (Format::Json, "json"),
            (Format::Csv, "csv"),
            (Format::Tsv, "tsv"),
            (Format::Html, "html"),
        ] {
            let mut app = app(80, 24);
            update(&mut app, Action::OpenPage(Page::Sources));
            if !query.is_empty() {
                update(&mut app, Action::StartSearch);
                for c in query.chars() {
                    update(&mut app, Action::Insert(c));
                }
                update(&mut app, Action::FinishSearch);
            }
            let scope = app.export_scope();
            assert!(matches!(scope, Scope::Sources { .. }));
            let name = if query.is_empty() {
                "sources".to_string()
            } else {
                format!("sources-{query}")
            };
            let golden_text = render(&loaded, &scope, Some("2026-01-01T00:00:00Z"), format);
            golden(&format!("{name}.{flag}"), &golden_text);
            let mut args = vec![
                "export",
                "--view",
                "sources",
                "--format",
                flag,
                "--no-timestamp",
            ];
            if !query.is_empty() {
                args.extend(["--query", query]);
            }
            let (code, cli, err) = run(&args);
            assert_eq!(code, 0, "{err}");
            assert_eq!(cli, render(&loaded, &scope, None, format));
        }
    }
}

#[test]
fn the_sources_page_says_what_a_source_backs_and_enter_opens_it() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Sources));
    let shown = screen(&app);
    assert!(
        shown.contains("backs 13 events · 21 positions · 7 quotes · 29 other entities"),
        "{shown}"
    );
    assert!(
        shown.contains("    Event: Witkoff–Putin talks in Moscow"),
        "{shown}"
    );
    assert!(!shown.contains("Actor: United States"), "{shown}");
    // Enter opens the source itself, whose detail links to what it backs.
    update(&mut app, Action::Activate);
    assert_eq!(app.page(), Page::Browse);
    let source = app.shown().unwrap();
    assert_eq!(source.kind, EntityKind::Source);
    let point = app.loaded().index.get("us-peace-plan").unwrap();
    assert!(app.detail().links().contains(&point));
    update(&mut app, Action::Back);
    assert_eq!(app.page(), Page::Sources);
}

/// The sources page shows what a source gives of itself: publisher, date and address
/// (issue #15 item 2).
#[test]
fn the_sources_page_shows_publisher_date_and_url() {
    let text = "version: 1\ntitle: T\nsources:\n  - id: wire\n    title: Talks end\n    kind: news-report\n    publisher: Example Wire\n    published: 2025-12-03\n    url: https://example.org/talks-end\nactors:\n  - {id: a, name: A, kind: person, sources: [wire]}\n";
    let loaded = talks::model::load_str("s.yaml", text).unwrap();
    let mut app = App::new(loaded, Options::sized(120, 30));
    update(&mut app, Action::OpenPage(Page::Sources));
    let shown = screen(&app);
    assert!(shown.contains("> Talks end "), "{shown}");
    assert!(
        shown.contains("  news-report · Example Wire · 2025-12-03 · https://example.org/talks-end"),
        "{shown}"
    );
}

/// "1 sticking points" read wrong: a count of one takes the singular (screen and export).
#[test]
fn a_count_of_one_takes_the_singular() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    for c in "pokrovsk".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(shown.contains("2 parties × 1 sticking point "), "{shown}");
    let (_, out, _) = run(&["export", "--view", "matrix", "--query", "pokrovsk"]);
    assert!(out.contains("2 parties × 1 sticking point\n"), "{out}");
}

/// A note written on a matrix cell shows with the position's summary (at 120×40 in the
/// position's pane, under the grid at 100×24).
#[test]
fn a_position_s_note_shows_under_the_matrix() {
    let mut app = app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    // United States, Security guarantees: a position.
    update(&mut app, Action::CursorRight);
    update(&mut app, Action::EditNote);
    for c in "watch the deterrence talk".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::SaveNote);
    let shown = screen(&app);
    assert!(
        shown.contains("│✎ Your note (not in the dossier)"),
        "{shown}"
    );
    assert!(shown.contains("│  watch the deterrence talk"), "{shown}");
    update(&mut app, Action::Resize(100, 24));
    let shown = screen(&app);
    assert!(
        shown.contains("· ✎ your note: watch the deterrence talk"),
        "{shown}"
    );
}
