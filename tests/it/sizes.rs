//! Sizes (issue 27): the matrix and the timeline use the room they have (the selected
//! cell's or event's detail beside or below, column titles on the lines they need), and
//! the matrix's symbols stay in one column whatever marks a cell.

use crate::common::screen;
use std::sync::Arc;
use talks::app::{Action, App, Options, Page, Target, update};
use talks::model::load_path;
use talks::ui::hit_test;

fn marsh_since_week2(width: u16, height: u16) -> App {
    let old = load_path(std::path::Path::new("tests/fixtures/over-time-week2.yaml")).unwrap();
    let new = load_path(std::path::Path::new("tests/fixtures/over-time.yaml")).unwrap();
    let options = Options {
        since: Some(Arc::new(old)),
        ..Options::sized(width, height)
    };
    App::new(new, options)
}

/// The columns of the stance symbols on a row of the grid.
fn symbol_columns(row: &str) -> Vec<usize> {
    row.chars()
        .enumerate()
        .filter(|(_, c)| "▲✓✗◐?·".contains(*c))
        .map(|(at, _)| at)
        .collect()
}

/// From #26's QA: a changed cell read `Δ✓ …` and pushed its symbol out of line.
#[test]
fn a_change_marker_keeps_the_symbols_in_line() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = marsh_since_week2(width, height);
        update(&mut app, Action::OpenPage(Page::Matrix));
        let shown = screen(&app);
        assert!(shown.contains('Δ'), "{shown}");
        let rows: Vec<Vec<usize>> = ["Aldoria", "Brevik", "Ostra Concord"]
            .iter()
            .filter_map(|name| shown.lines().find(|l| l.contains(&format!("  {name}"))))
            .map(symbol_columns)
            .collect();
        assert!(rows.len() >= 2, "{shown}");
        assert!(rows.iter().all(|r| r == &rows[0]), "{shown}");
        // Stepped to a date, too.
        update(&mut app, Action::EarlierDate);
        let shown = screen(&app);
        let rows: Vec<Vec<usize>> = ["Aldoria", "Brevik", "Ostra Concord"]
            .iter()
            .filter_map(|name| shown.lines().find(|l| l.contains(&format!("  {name}"))))
            .map(symbol_columns)
            .collect();
        assert!(rows.iter().all(|r| r == &rows[0]), "{shown}");
    }
}

/// The rows of the screen between the matrix's top border and its first party: the titles.
fn title_rows(shown: &str) -> Vec<&str> {
    shown
        .lines()
        .skip(3)
        .take_while(|l| !l.contains("United States "))
        .collect()
}

/// Issue 27 item 8: at 120×40 the matrix used 8 of its 30 body rows and cut its titles.
#[test]
fn at_120_by_40_the_matrix_shows_the_selected_position_below_and_whole_titles() {
    let mut app = crate::common::app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::CursorRight);
    let shown = screen(&app);
    assert!(
        shown.contains("┌ United States on Security guarantees and deterrence · position "),
        "{shown}"
    );
    assert!(shown.contains("│Stance: supports"), "{shown}");
    assert!(
        shown.contains("│  The report says the negotiators in Florida, US and Ukrainian"),
        "{shown}"
    );
    let titles = title_rows(&shown);
    assert!(titles.iter().all(|l| !l.contains('…')), "{shown}");
    // The party column as wide as its names need (QA of #27): titles on more lines, whole.
    for word in ["lasting", "peace", "hostilities", "deterrence"] {
        assert!(titles.iter().any(|l| l.contains(word)), "{word}: {shown}");
    }
    // An empty cell says so in the same place.
    update(&mut app, Action::CursorLeft);
    let shown = screen(&app);
    assert!(
        shown.contains("│United States holds no recorded position on Territory in Donbas."),
        "{shown}"
    );
}

#[test]
fn at_120_by_40_the_timeline_shows_the_selected_event_below() {
    let mut app = crate::common::app(120, 40);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::Down);
    let shown = screen(&app);
    assert!(
        shown.contains("┌ US–Ukraine talks in Florida · event "),
        "{shown}"
    );
    assert!(shown.contains("│Summary"), "{shown}");
}

/// Short of rows but wide, the detail goes beside; at 80×24 and 40×12 the pages are as
/// they were (the position under the cursor in the note under the grid).
#[test]
fn beside_when_wide_and_nowhere_when_small() {
    let mut app = crate::common::app(120, 24);
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(
        shown.contains("┐┌ Witkoff–Putin talks in M… · event "),
        "{shown}"
    );
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = crate::common::app(width, height);
        update(&mut app, Action::OpenPage(Page::Timeline));
        let shown = screen(&app);
        assert!(!shown.contains(" · event "), "{shown}");
        update(&mut app, Action::OpenPage(Page::Matrix));
        let shown = screen(&app);
        assert!(!shown.contains(" · position "), "{shown}");
        assert!(
            shown.contains("│United States holds no recorded"),
            "{shown}"
        );
    }
}

/// The screen position of the first `needle` at or after row `from`.
fn find(shown: &str, needle: &str) -> (u16, u16) {
    shown
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let line = line.trim_matches('"');
            let at = line.find(needle)?;
            Some((line[..at].chars().count() as u16, y as u16))
        })
        .unwrap_or_else(|| panic!("{needle} not on\n{shown}"))
}

/// Clicks land on what is drawn there, with titles on more rows and the detail below.
#[test]
fn clicks_follow_the_new_layout() {
    let area = ratatui::layout::Rect::new(0, 0, 120, 40);
    let mut app = crate::common::app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    let (_, y) = find(&shown, "│  Russia ");
    let (x, _) = find(&shown, "NATO ");
    assert_eq!(
        hit_test(&app, area, x + 1, y),
        Some(Target::MatrixCell(2, Some(2)))
    );
    let (x, y) = find(&shown, "│United States holds no recorded");
    assert_eq!(hit_test(&app, area, x + 3, y), Some(Target::Page));
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    let (x, y) = find(&shown, "#5 ");
    assert_eq!(hit_test(&app, area, x, y), Some(Target::TimelineRow(4)));
    let (x, y) = find(&shown, "│Order: 1");
    assert_eq!(hit_test(&app, area, x + 3, y), Some(Target::Page));
}
