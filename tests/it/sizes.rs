//! Sizes (issue 27): the matrix and the timeline use the room they have (the selected
//! cell's or event's detail beside or below, column titles on the lines they need), and
//! the matrix's symbols stay in one column whatever marks a cell.

use crate::common::screen;
use std::sync::Arc;
use talks::app::{Action, App, Options, Page, update};
use talks::model::load_path;

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
