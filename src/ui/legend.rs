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

/// How much of the comparison the legend says: all of it ("No stance moved since
/// week2.yaml"), what the markers mean without the name ("No stance moved"), or nothing
/// but the markers on screen ("Δ moved, N new").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Since {
    Named,
    Unnamed,
    Markers,
}

/// A legend: what it says of the comparison (words that may part at spaces), then its
/// symbols, each a pair never parted from its word.
struct Legend {
    since: String,
    pairs: String,
}

/// The legend for a width: the long one where it fits on one line; with a comparison,
/// what `Δ` and `N` mark first (it is why the analyst looks), or which reading is shown.
fn legend_text(app: &App, width: usize) -> Legend {
    let (since, moved) = legend_ends(app, Since::Named);
    let long = format!("{since} {LEGEND}{moved}").replace("  ", " ");
    let symbols = if long.trim_start().chars().count() <= width {
        LEGEND
    } else {
        LEGEND_SHORT
    };
    Legend {
        since,
        pairs: format!("{symbols}{moved}"),
    }
}

/// What goes before the symbols (the comparison, said as `said` asks) and after them
/// (moved on the date shown; the cells a `sources:` filter left out).
fn legend_ends(app: &App, said: Since) -> (String, String) {
    let mut moved = String::new();
    if app.pages().matrix().as_of.is_some() {
        moved.push_str("  Δ moved on this date");
    }
    if !app.pages().matrix().left_out.is_empty() {
        moved.push_str("  – filtered out");
    }
    let marks = app.matrix_marks_changes();
    let since = match (app.since_short_name(), said) {
        (Some(name), Since::Named) if marks && app.any_cell_moved() => {
            format!("Δ moved, N new since {name}")
        }
        (Some(_), _) if marks && app.any_cell_moved() => "Δ moved, N new".to_string(),
        (Some(name), Since::Named) if marks => format!("No stance moved since {name}"),
        (Some(_), Since::Unnamed) if marks => "No stance moved".to_string(),
        (Some(name), Since::Named) if app.pages().matrix_compared() => {
            format!("The comparison: {name}")
        }
        (Some(_), Since::Unnamed) if app.pages().matrix_compared() => "The comparison".to_string(),
        _ => String::new(),
    };
    (since, moved)
}

/// The legend's symbols that the grid on screen shows: its stances, `·` where a party
/// holds no position, `~` where one is inferred.
fn legend_in_use(app: &App, m: &MatrixAreas, said: Since) -> Legend {
    let d = &app.matrix_loaded().dossier;
    let matrix = app.pages().matrix();
    let (row0, column0) = app.pages().matrix_offset();
    let rows = row0..(row0 + m.rows).min(matrix.rows.len());
    let columns = column0..(column0 + m.columns).min(matrix.columns.len());
    let mut used = std::collections::BTreeSet::new();
    let mut inferred = false;
    let mut blank = false;
    for row in rows {
        for column in columns.clone() {
            let Some(cell) = matrix.cell(row, column) else {
                blank = true;
                continue;
            };
            let position = cell.position(d);
            inferred |= position.basis.is_inferred();
            used.insert(crate::views::stance_symbol(&position.stance).0);
        }
    }
    let parts: Vec<&str> = LEGEND_SHORT
        .split("  ")
        .filter(|part| match part.split(' ').next() {
            Some("·") => blank,
            Some("~") => inferred,
            Some(symbol) => used.contains(symbol),
            None => false,
        })
        .collect();
    let (since, moved) = legend_ends(app, said);
    Legend {
        since,
        pairs: format!("{}{moved}", parts.join("  ")),
    }
}

/// `legend` wrapped to `width`: the comparison's words part at spaces, a symbol never
/// from its word.
fn wrapped(legend: &Legend, width: usize) -> Vec<String> {
    let pairs = legend
        .pairs
        .replace("  ", "\n")
        .replace(' ', "\u{a0}")
        .replace('\n', " ");
    let text = format!("{} {pairs}", legend.since);
    crate::text::wrap(text.trim_start(), width.max(10))
        .iter()
        .map(|row| row.replace('\u{a0}', " "))
        .collect()
}

/// The legend as rows of `m.notes`' width: the whole legend in `rows` rows if it fits,
/// else only the symbols on screen, in `rows` or up to `most` rows, the comparison said
/// shorter (then only by its markers) before a symbol is lost.
pub(super) fn legend_rows(app: &App, m: &MatrixAreas, rows: usize, most: usize) -> Vec<String> {
    let width = m.notes.width as usize;
    let whole = wrapped(&legend_text(app, width), width);
    if whole.len() <= rows {
        return whole;
    }
    let mut in_use = Vec::new();
    for said in [Since::Named, Since::Unnamed, Since::Markers] {
        in_use = wrapped(&legend_in_use(app, m, said), width);
        if in_use.len() <= most.max(rows) {
            break;
        }
    }
    in_use.truncate(most.max(rows));
    in_use
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
    super::filtered::fit(app, &titles, room, "Esc Esc")
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
        Some(position) => format!(" {} · {position} ", crate::text::capitalised(date)),
        None => format!(" Matrix · {date} "),
    }
}
