//! Screen defects found by the QA pass of issue 27 ("Every script, every size"): whole
//! names in search rows, the matrix inside its borders on tiny screens, the detail's
//! wrapping keeping its spaces, the legend explaining every symbol shown, block titles
//! cut with `…`, and the party column as wide as its names need.

#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use crate::common::screen;
use talks::app::{Action, App, Looking, Options, Page, Seen, update};
use talks::model::{builtin, load_str};
use talks::seen::Taken;

/// The built-in dossier compared with itself, as on a second open ("your last look").
fn compared(width: u16, height: u16) -> App {
    let options = Options {
        since: Some(Arc::new(builtin().unwrap())),
        seen: Seen {
            place: None,
            looking: Looking::Snapshot(Taken::parse("2026-12-08T09:14:05Z").unwrap()),
            opened: None,
        },
        ..Options::sized(width, height)
    };
    App::new(builtin().unwrap(), options)
}

fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
}

/// The screen's rows, without the quotes the test backend puts around them.
fn lines(shown: &str) -> Vec<&str> {
    shown.lines().map(|l| l.trim_matches('"')).collect()
}

/// The screen's rows between the top and bottom border of the body's block.
fn boxed_rows(shown: &str) -> Vec<&str> {
    let lines = lines(shown);
    let top = lines.iter().position(|l| l.starts_with('┌')).unwrap();
    let bottom = lines.iter().rposition(|l| l.starts_with('└')).unwrap();
    lines[top + 1..bottom].to_vec()
}

/// QA 1: the why-snippet gave way to nothing; names were cut to "Rus…".
#[test]
fn search_rows_keep_whole_names_and_shorten_the_snippet() {
    for (query, names) in [
        ("cease fire", &["Russia  position: "][..]),
        (
            "witkov moscow",
            &["Steve Witkoff  summary: ", "Vladimir Putin  summary: "][..],
        ),
        ("zelenskyy transparency", &["Ukraine  position: "][..]),
    ] {
        let mut app = compared(120, 40);
        search(&mut app, query);
        let shown = screen(&app);
        for name in names {
            assert!(shown.contains(name), "{query}: {name}\n{shown}");
        }
        assert!(!shown.contains("Ste…Witkoff"), "{shown}");
    }
}

/// QA 2: at 30×8 the matrix ran over its right border and showed no party yet hinted `j`.
#[test]
fn a_matrix_too_short_for_a_row_says_so_inside_its_borders() {
    for (width, height) in [(30, 8), (34, 9)] {
        let mut app = compared(width, height);
        update(&mut app, Action::OpenPage(Page::Matrix));
        let shown = screen(&app);
        for row in boxed_rows(&shown) {
            assert!(
                row.starts_with('│') && row.ends_with('│'),
                "{row:?}\n{shown}"
            );
        }
        assert!(shown.contains("Too short"), "{shown}");
        assert!(!shown.contains("j move"), "{shown}");
        insta::assert_snapshot!(format!("matrix_too_short_{width}x{height}"), shown);
    }
}

/// QA 2: on small screens that fit a few rows, with a comparison's legend and without,
/// every cell, title and legend row stays inside the block.
#[test]
fn a_small_matrix_stays_inside_its_borders() {
    for (width, height) in [(30, 10), (34, 11), (30, 8)] {
        for with_comparison in [true, false] {
            let mut app = match with_comparison {
                true => compared(width, height),
                false => crate::common::app(width, height),
            };
            update(&mut app, Action::OpenPage(Page::Matrix));
            let shown = screen(&app);
            for row in boxed_rows(&shown) {
                assert!(
                    row.starts_with('│') && row.ends_with('│'),
                    "{row:?}\n{shown}"
                );
            }
            if with_comparison && height > 8 {
                insta::assert_snapshot!(format!("matrix_compared_{width}x{height}"), shown);
            }
        }
    }
}

/// QA 3: a word broken at the line's end took the space after it with it.
#[test]
fn the_detail_keeps_the_space_after_a_broken_word() {
    let text = std::fs::read_to_string("tests/fixtures/minimal.yaml").unwrap();
    let text = text.replace(
        "    name: Alpha\n",
        "    name: Alpha\n    summary: Starts here verylongwordwithoutanyspacesatalltotestbreaking end\n",
    );
    let loaded = load_str("minimal.yaml", &text).unwrap();
    for (width, height) in [(40, 12), (80, 24)] {
        let mut app = App::new(loaded.clone(), Options::sized(width, height));
        update(&mut app, Action::Activate);
        let shown = screen(&app);
        assert!(!shown.contains("breakingend"), "{shown}");
        assert!(
            shown.contains("breaking end") || shown.contains("end "),
            "{shown}"
        );
    }
}

/// QA 4: at 40×12 with a comparison the legend lost `~ inferred` while a cell showed `~`.
#[test]
fn the_legend_explains_every_symbol_on_a_short_screen() {
    let mut app = compared(40, 12);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(
        shown.contains("✓~ supports") || shown.contains("✗~ opposes"),
        "{shown}"
    );
    assert!(shown.contains("~ inferred"), "{shown}");
}

/// QA 5: block titles longer than their room were cut without `…`.
#[test]
fn a_timeline_title_too_long_is_cut_with_an_ellipsis() {
    let mut app = compared(40, 12);
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    let top = lines(&shown)
        .into_iter()
        .find(|l| l.starts_with('┌'))
        .unwrap();
    assert!(
        top.contains('…') || top.ends_with("─┐"),
        "a title runs into the corner: {top:?}"
    );
}

/// QA 6: at 120×40 the party column cut "Ukraine's European allies" with room to spare.
#[test]
fn the_party_column_takes_the_width_its_names_need() {
    let mut app = crate::common::app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(shown.contains("  Ukraine's European allies "), "{shown}");
}

/// QA 2: short of room, a page's title says the filter before the comparison, and the
/// list last in focus says it while the detail has the focus.
#[test]
fn the_filter_is_said_before_the_comparison() {
    let mut app = compared(80, 24);
    search(&mut app, "trump");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::Activate);
    let shown = screen(&app);
    assert!(shown.contains("3/15 · filtered: \"trump\""), "{shown}");
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    let title = shown
        .lines()
        .find(|l| l.contains("Timeline:"))
        .unwrap_or_default();
    assert!(title.contains("filtered: \"trump\""), "{shown}");
}
