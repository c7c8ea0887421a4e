//! What an empty list, page or pane says: what is empty and why (the dossier has none
//! yet, or the search finds none).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::model::EntityKind;
use crate::text::sanitize_line;

/// Why nothing of `plural` (lower case, e.g. "events") is shown: the dossier has none, or
/// the search applied finds none.
pub(super) fn why_none(app: &App, plural: &str, in_dossier: usize) -> String {
    let query = app.query().answered().trim();
    if in_dossier == 0 || query.is_empty() {
        format!("This dossier has no {plural} yet.")
    } else {
        // On a page the first Esc goes back to the lists; the second clears.
        let clear = match app.page() {
            crate::action::Page::Browse => "Esc",
            _ => "Esc Esc",
        };
        format!(
            "No {plural} match \"{}\". {clear} clears the search.",
            sanitize_line(query)
        )
    }
}

/// The plural of a kind in lower case, as a sentence says it ("sticking points").
pub(super) fn plural(kind: EntityKind) -> String {
    kind.plural_title().to_lowercase()
}

/// Why a list of `kind` is empty.
pub(super) fn list_note(app: &App, kind: EntityKind) -> String {
    why_none(app, &plural(kind), app.loaded().dossier.count(kind))
}

/// Why the detail pane shows nothing: the list it follows is empty, and why.
pub(super) fn detail_note(app: &App) -> String {
    let why = list_note(app, app.last_list());
    let mut chars = why.chars();
    let first = chars.next().map(|c| c.to_lowercase().collect::<String>());
    format!(
        "Nothing selected: {}{}",
        first.unwrap_or_default(),
        chars.as_str()
    )
}

/// Why the matrix is empty: no positions in the dossier, none at the date stepped to, or
/// none that the search leaves.
pub(super) fn matrix_note(app: &App) -> String {
    let d = &app.matrix_loaded().dossier;
    let positions: usize = d.sticking_points.iter().map(|p| p.positions.len()).sum();
    if app.pages().matrix_compared() && positions == 0 {
        return "The comparison's version has no positions.".to_string();
    }
    if let Some(date) = app
        .pages()
        .matrix()
        .as_of
        .as_deref()
        .filter(|_| positions > 0)
        && app.query().answered().trim().is_empty()
    {
        return format!("No party held a position as of {date}.");
    }
    why_none(app, "positions", positions)
}

/// Why the timeline is empty.
pub(super) fn timeline_note(app: &App) -> String {
    why_none(app, "events", app.loaded().dossier.events.len())
}

/// Writes `note` wrapped to `area`, muted.
pub(super) fn put_note(buf: &mut Buffer, area: Rect, note: &str, style: Style) {
    let width = (area.width as usize).max(1);
    let lines = crate::text::wrap(note, width);
    for (y, line) in lines.iter().take(area.height as usize).enumerate() {
        buf.set_stringn(area.x, area.y + y as u16, line, width, style);
    }
}
