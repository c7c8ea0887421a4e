//! The matrix's title (its size and, when not every column fits, the columns shown) and
//! its legend.

use crate::app::App;
use crate::app::page_layout::MatrixAreas;
use crate::text::count_of;

/// What the matrix's symbols mean, and the same in fewer columns.
const LEGEND: &str =
    "▲ demands  ✓ supports  ✗ opposes  ◐ conditional  ? unclear  · no position  ~ inferred";
const LEGEND_SHORT: &str =
    "▲ demands  ✓ supports  ✗ opposes  ◐ conditional  ? unclear  · none  ~ inferred";

/// The legend for a width: the long one where it fits on one line; with a comparison,
/// what `Δ` and `N` mark first (it is why the analyst looks), or which reading is shown.
pub(super) fn legend_text(app: &App, width: usize) -> String {
    let moved = if app.pages().matrix().as_of.is_some() {
        "  Δ moved on this date"
    } else {
        ""
    };
    let since = match app.since_short_name() {
        Some(name) if app.matrix_marks_changes() && app.any_cell_moved() => {
            format!("Δ moved, N new since {name}  ")
        }
        Some(name) if app.matrix_marks_changes() => format!("No stance moved since {name}  "),
        Some(name) if app.pages().matrix_compared() => format!("The comparison: {name}  "),
        _ => String::new(),
    };
    let long = format!("{since}{LEGEND}{moved}");
    if long.replace("  ", " ").chars().count() <= width {
        long
    } else {
        format!("{since}{LEGEND_SHORT}{moved}")
    }
}

/// The matrix's title: its size and, when not every sticking point fits, the columns shown
/// ("cols 1–4/7") and the keys that show the others.
pub(super) fn matrix_title(app: &App, m: &MatrixAreas) -> String {
    let matrix = app.pages().matrix();
    let (parties, points) = (matrix.rows.len(), matrix.columns.len());
    let more = points > m.columns;
    let room = m.block.width.saturating_sub(4) as usize;
    let position = columns_shown(app, m, points);
    let (party_count, point_count) = (
        count_of(parties, "party", "parties"),
        count_of(points, "sticking point", "sticking points"),
    );
    let date = app
        .pages()
        .matrix_date()
        .map(|d| format!(" · {d}, [/] dates"))
        .unwrap_or_default();
    let plain_date = app.pages().matrix_date().unwrap_or_default();
    let mut titles = vec![
        format!(" Stance matrix: {party_count} × {point_count}{date} "),
        format!(
            " Stance matrix: {party_count} × {point_count}{} ",
            date.replace(", [/] dates", "")
        ),
        format!(
            " Matrix: {party_count} × {} ",
            count_of(points, "point", "points")
        ),
    ];
    if more {
        titles = vec![
            format!(
                " Stance matrix: {party_count} × {point_count}{date} · {position}, h/l for more "
            ),
            format!(
                " Stance matrix{} · {position}, h/l for more ",
                date.replace(", [/] dates", "")
            ),
            format!(" Stance matrix: {parties} × {points} · {position}, h/l for more "),
            format!(" Matrix · {position} · h/l "),
        ];
    }
    if !plain_date.is_empty() {
        // Short of room, the date before anything else: it says what the grid shows.
        titles.insert(
            titles.len() - 1,
            short_dated(&plain_date, more.then_some(&position)),
        );
    }
    let fits = |t: &String| t.chars().count() <= room;
    titles
        .iter()
        .find(|t| fits(t))
        .unwrap_or(&titles[titles.len() - 1])
        .clone()
}

/// "cols 1–4/7" when not every sticking point fits, else nothing.
fn columns_shown(app: &App, m: &MatrixAreas, points: usize) -> String {
    let (_, first) = app.pages().matrix_offset();
    let last = (first + m.columns).min(points);
    if points <= m.columns {
        String::new()
    } else if last > first + 1 {
        format!("cols {}–{last}/{points}", first + 1)
    } else {
        format!("col {last}/{points}")
    }
}

/// The shortest title with the date: "As of 2031-03-16 · col 1/2", "Matrix · latest".
fn short_dated(date: &str, position: Option<&String>) -> String {
    match position {
        Some(position) => format!(" {} · {position} ", capitalised(date)),
        None => format!(" Matrix · {date} "),
    }
}

/// `text` with its first letter upper case ("As of 2031-03-16").
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
