//! The pages show change (issue 26): with a comparison the matrix marks a stance that
//! moved (`Δ`) and a new position (`N`), the legend says so, the timeline marks new and
//! changed events, and `[`/`]` step to the comparison's own matrix (last week's) and back,
//! also when no position has a date. The fictional Marsh River talks, third week against
//! the second (and against the second without Aldoria's position on the port).

#![allow(clippy::disallowed_methods)]

use std::sync::Arc;

use crate::common::screen;
use talks::app::{Action, App, Options, Page, update};
use talks::model::{Loaded, load_path, load_str};

const NEW: &str = "tests/fixtures/over-time.yaml";
const OLD: &str = "tests/fixtures/over-time-week2.yaml";

/// The second week without Aldoria's position on the port: a new position by the third.
fn old_without_aldoria_on_the_port() -> Loaded {
    let text = std::fs::read_to_string(OLD).unwrap();
    let position = "      - actor: aldoria\n        stance: opposes\n        summary: Refuses free use; offers a fee.\n        source: report-2\n        as_of: 2031-03-09\n";
    assert!(text.contains(position));
    load_str("week2.yaml", &text.replace(position, "")).unwrap()
}

fn app_since(old: Loaded, new: Loaded, (width, height): (u16, u16)) -> App {
    let options = Options {
        since: Some(Arc::new(old)),
        ..Options::sized(width, height)
    };
    App::new(new, options)
}

fn marsh(width: u16, height: u16) -> App {
    let new = load_path(std::path::Path::new(NEW)).unwrap();
    app_since(old_without_aldoria_on_the_port(), new, (width, height))
}

fn row<'s>(shown: &'s str, name: &str) -> &'s str {
    shown.lines().find(|l| l.contains(name)).unwrap_or_default()
}

/// The row "…on the matrix": no Δ or N under `--since` before.
#[test]
fn the_matrix_marks_what_moved_since_the_comparison() {
    let mut app = marsh(120, 30);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    // Columns: the river border, then the port.
    assert!(row(&shown, "Brevik").contains("Δ✓~ supports"), "{shown}");
    assert!(row(&shown, "Aldoria").contains("N✗ opposes"), "{shown}");
    assert!(!row(&shown, "Ostra").contains('Δ'), "{shown}");
    assert!(
        shown.contains("Δ moved, N new since week2.yaml ▲ demands"),
        "{shown}"
    );
}

/// The timeline marks the events new or changed since the comparison, as the lists do.
#[test]
fn the_timeline_marks_new_and_changed_events() {
    let mut app = marsh(120, 30);
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(row(&shown, "First round").contains(">   #1"), "{shown}");
    assert!(row(&shown, "Second round").contains("  Δ #2"), "{shown}");
    assert!(row(&shown, "Third round").contains("  Δ #3"), "{shown}");
    assert!(shown.contains("N/Δ since week2.yaml"), "{shown}");
}

/// `[` from the latest shows the comparison's matrix first (Brevik conditional, no
/// position of Aldoria's on the port, no marks), then the dates, newest first; `]` walks
/// the dates forward to the latest without the comparison, and from the comparison comes
/// back to the latest.
#[test]
fn brackets_step_to_the_comparison_first_and_back() {
    let mut app = marsh(120, 30);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    let shown = screen(&app);
    assert!(shown.contains("as of the comparison"), "{shown}");
    assert!(row(&shown, "Brevik").contains("◐ conditional"), "{shown}");
    assert!(!row(&shown, "Brevik").contains('Δ'), "{shown}");
    assert!(!row(&shown, "Aldoria").contains("opposes"), "{shown}");
    assert!(shown.contains("The comparison: week2.yaml"), "{shown}");
    // Enter on the comparison's cell opens the sticking point of the dossier shown.
    update(&mut app, Action::Activate);
    assert_eq!(app.page(), Page::Browse);
    update(&mut app, Action::OpenPage(Page::Matrix));
    // `]` from the comparison: the latest again.
    update(&mut app, Action::LaterDate);
    assert!(screen(&app).contains("latest"), "{}", screen(&app));
    update(&mut app, Action::EarlierDate);
    // Further back: the dates, the newest first.
    update(&mut app, Action::EarlierDate);
    assert!(
        screen(&app).contains("as of 2031-03-16"),
        "{}",
        screen(&app)
    );
    update(&mut app, Action::EarlierDate);
    assert!(
        screen(&app).contains("as of 2031-03-09"),
        "{}",
        screen(&app)
    );
    // Forward through the dates to the latest, not through the comparison.
    update(&mut app, Action::LaterDate);
    assert!(screen(&app).contains("as of 2031-03-16"));
    update(&mut app, Action::LaterDate);
    let shown = screen(&app);
    assert!(shown.contains("latest"), "{shown}");
    assert!(row(&shown, "Brevik").contains("supports"), "{shown}");
    update(&mut app, Action::LaterDate);
    assert_eq!(app.status(), Some("Already the latest positions"));
}

/// Without a dated position, `[` still reaches the comparison, and no further.
#[test]
fn the_comparison_is_reachable_without_dates() {
    let strip = |text: &str| -> String {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("as_of:"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let new = std::fs::read_to_string(NEW).unwrap();
    let old = std::fs::read_to_string(OLD).unwrap();
    // Brevik's undated positions: the last written is the current one.
    let new = load_str("week3.yaml", &strip(&new)).unwrap();
    let old = load_str("week2.yaml", &strip(&old)).unwrap();
    let mut app = app_since(old, new, (120, 30));
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    let shown = screen(&app);
    assert!(shown.contains("as of the comparison"), "{shown}");
    assert!(row(&shown, "Brevik").contains("◐ conditional"), "{shown}");
    update(&mut app, Action::EarlierDate);
    assert_eq!(
        app.status(),
        Some("The comparison is as far back as the matrix goes: the dossier dates no position")
    );
    update(&mut app, Action::LaterDate);
    assert!(row(&screen(&app), "Brevik").contains("Δ✓~ supports"));
}

/// `o` on the comparison's matrix edits nothing: its positions are the older version's.
#[test]
fn the_comparison_s_matrix_is_not_edited() {
    let new = load_path(std::path::Path::new(NEW)).unwrap();
    let options = Options {
        since: Some(Arc::new(old_without_aldoria_on_the_port())),
        file: Some(NEW.into()),
        ..Options::sized(120, 30)
    };
    let mut app = App::new(new, options);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    update(&mut app, Action::OpenInEditor);
    assert_eq!(
        app.status(),
        Some(
            "Nothing to edit: the matrix shows the comparison, not the dossier: ] comes back to it"
        )
    );
}

#[test]
fn pages_with_change_markers_screens() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = marsh(width, height);
        update(&mut app, Action::OpenPage(Page::Matrix));
        insta::assert_snapshot!(format!("since_matrix_{width}x{height}"), screen(&app));
        update(&mut app, Action::EarlierDate);
        insta::assert_snapshot!(
            format!("since_matrix_comparison_{width}x{height}"),
            screen(&app)
        );
        update(&mut app, Action::OpenPage(Page::Timeline));
        insta::assert_snapshot!(format!("since_timeline_{width}x{height}"), screen(&app));
    }
}

/// `e` on the comparison's matrix exports that matrix, from the older version.
#[test]
fn the_comparison_s_matrix_exports_as_shown() {
    let mut app = marsh(120, 30);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    let scope = app.export_scope();
    let text = app.export_text(&scope, (talks::export::Format::Text, None), false);
    assert!(text.contains("Dossier: week2.yaml"), "{text}");
    assert!(text.contains("Brevik         con  dem"), "{text}");
    assert!(text.contains("Aldoria        dem    ·"), "{text}");
}
