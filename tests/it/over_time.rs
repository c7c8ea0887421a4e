//! Positions over time (issue 17), on a fictional negotiation followed over three weekly
//! reports (`tests/fixtures/over-time.yaml`): the stance history in the detail, the
//! matrix as of each date, and the checks on `as_of`.

use crate::common::{HEADER, run, screen, validate_bytes};
use talks::app::{Action, App, Options, Page, update};
use talks::model::load_path;

const FIXTURE: &str = "tests/fixtures/over-time.yaml";

fn app(width: u16, height: u16) -> App {
    let loaded = load_path(std::path::Path::new(FIXTURE)).unwrap();
    App::new(loaded, Options::sized(width, height))
}

fn row<'s>(shown: &'s str, name: &str) -> &'s str {
    shown.lines().find(|l| l.contains(name)).unwrap_or_default()
}

#[test]
fn the_detail_shows_who_holds_what_now_and_the_history_newest_first() {
    let (code, out, err) = run(&["show", "-d", FIXTURE, "river-border"]);
    assert_eq!(code, 0, "{err}");
    // One line a position: continuation lines joined.
    let out = out.replace("\n    ", " ");
    let now = out.split("Stance history").next().unwrap();
    assert!(now.contains("Brevik — supports (inferred): Its envoy signed the draft map without comment. (as of 2031-03-16) [2]"), "{out}");
    assert!(!now.contains("conditional"), "{out}");
    let history = out.split("Stance history, newest first\n").nth(1).unwrap();
    let lines: Vec<&str> = history.lines().take(3).collect();
    assert_eq!(
        lines,
        vec![
            "  Brevik — supports (inferred): Its envoy signed the draft map without comment. (as of 2031-03-16) [2]",
            "  Brevik — conditional: Would move the border for port access. (as of 2031-03-09) [3]",
            "  Brevik — opposes: Rejects any move of the border. (as of 2031-03-02) [1]",
        ]
    );
    // Aldoria said one thing: no history of it.
    assert!(!history.contains("Aldoria"), "{out}");
}

#[test]
fn the_matrix_steps_through_the_dates_and_marks_what_moved() {
    let mut app = app(100, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let latest = screen(&app);
    assert!(latest.contains("· latest, [/] dates"), "{latest}");
    assert!(
        row(&latest, "│  Brevik").contains("✓~ supports"),
        "{latest}"
    );
    assert!(!latest.contains('Δ'), "{latest}");
    let mut shown = Vec::new();
    for _ in 0..3 {
        update(&mut app, Action::EarlierDate);
        shown.push(screen(&app));
    }
    assert!(shown[0].contains("as of 2031-03-16"), "{}", shown[0]);
    assert!(
        row(&shown[0], "│  Brevik").contains("Δ✓~ supports"),
        "{}",
        shown[0]
    );
    assert!(
        row(&shown[0], "│> Aldoria").contains("▲ demands  "),
        "{}",
        shown[0]
    );
    assert!(shown[1].contains("as of 2031-03-09"), "{}", shown[1]);
    assert!(
        row(&shown[1], "│  Brevik").contains("Δ◐ conditional"),
        "{}",
        shown[1]
    );
    // Aldoria took its first position on the port on the 9th.
    assert!(
        row(&shown[1], "│> Aldoria").contains("Δ✗ opposes"),
        "{}",
        shown[1]
    );
    assert!(shown[2].contains("as of 2031-03-02"), "{}", shown[2]);
    assert!(
        row(&shown[2], "│  Brevik").contains("Δ✗ opposes"),
        "{}",
        shown[2]
    );
    // Before the 9th Aldoria held no position on the port: an empty cell.
    assert!(
        !row(&shown[2], "│> Aldoria").contains("opposes"),
        "{}",
        shown[2]
    );
    // Undated: Ostra's support counts from before the first date, and never moved.
    assert!(
        row(&shown[2], "│  Ostra").contains("✓ supports"),
        "{}",
        shown[2]
    );
    assert!(shown[2].contains("Δ moved on this date"), "{}", shown[2]);
    update(&mut app, Action::EarlierDate);
    assert_eq!(
        app.status(),
        Some("2031-03-02 is the first date a position was taken")
    );
    for _ in 0..3 {
        update(&mut app, Action::LaterDate);
    }
    assert!(screen(&app).contains("· latest, [/] dates"));
    update(&mut app, Action::LaterDate);
    assert_eq!(app.status(), Some("Already the latest positions"));
}

#[test]
fn the_note_under_the_cursor_says_before_and_after() {
    let mut app = app(100, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    update(&mut app, Action::EarlierDate);
    update(&mut app, Action::Down);
    let shown = screen(&app);
    assert!(
        shown.contains(
            "Brevik opposes → conditional on Where the river border runs as of 2031-03-09"
        ),
        "{shown}"
    );
}

#[test]
fn matrix_as_of_each_date_screens() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    insta::assert_snapshot!("over_time_matrix_latest", screen(&app));
    for date in ["2031-03-16", "2031-03-09", "2031-03-02"] {
        update(&mut app, Action::EarlierDate);
        insta::assert_snapshot!(format!("over_time_matrix_{date}"), screen(&app));
    }
}

#[test]
fn a_dossier_without_dates_says_so_and_keeps_its_matrix() {
    let mut app = App::new(talks::model::builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::OpenPage(Page::Matrix));
    let before = screen(&app);
    assert!(!before.contains("latest"), "{before}");
    update(&mut app, Action::EarlierDate);
    assert_eq!(
        app.status(),
        Some("No position has a date (as_of): the dossier records one state of the matrix")
    );
}

#[test]
fn the_same_date_twice_for_one_party_names_both_places() {
    let text = format!(
        "{HEADER}actors:\n  - {{id: a, name: A, kind: state, sources: [s]}}\nsticking_points:\n  - id: p\n    title: P\n    topic: t\n    status: disputed\n    sources: [s]\n    positions:\n      - {{actor: a, stance: supports, summary: S, source: s, as_of: 2031-03}}\n      - {{actor: a, stance: opposes, summary: O, source: s, as_of: 2031-3-9}}\n      - {{actor: a, stance: opposes, summary: O, source: s, as_of: 2031-03}}\n"
    );
    let (code, err) = validate_bytes(text.as_bytes());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "FILE:17:67: error: invalid date \"2031-3-9\": write YYYY, YYYY-MM or YYYY-MM-DD"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "FILE:18:67: error: \"a\" already has a position on \"p\" as of 2031-03: give each \
             position of a party on a point its own date; the other is at line 16, column 68"
        ),
        "{err}"
    );
}

/// At 40×12 the title is short, but it still says which date the grid shows.
#[test]
fn a_narrow_matrix_still_says_its_date() {
    let mut app = app(40, 12);
    update(&mut app, Action::OpenPage(Page::Matrix));
    assert!(
        screen(&app).contains("┌ Latest · col 1/2 "),
        "{}",
        screen(&app)
    );
    update(&mut app, Action::EarlierDate);
    let shown = screen(&app);
    assert!(shown.contains("┌ As of 2031-03-16 · col 1/2 "), "{shown}");
    assert!(shown.contains("Δ✓~ supports"), "{shown}");
}

/// `e` on the matrix as of a date exports that matrix, and says the date.
#[test]
fn a_matrix_exported_as_of_a_date_says_so() {
    use talks::export::{Format, render};
    let mut app = app(100, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::EarlierDate);
    update(&mut app, Action::EarlierDate);
    let scope = app.export_scope();
    let text = render(app.loaded(), &scope, None, Format::Text);
    assert!(
        text.contains("As of: 2031-03-09 (each party's position on that date)"),
        "{text}"
    );
    assert!(text.contains("con"), "{text}");
    let json = render(app.loaded(), &scope, None, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["as_of"], "2031-03-09");
}
