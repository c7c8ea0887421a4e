//! Beside or below the matrix and the timeline where there is room: the detail of the
//! selected cell's position or of the selected event, from its top (Enter opens it whole).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::detail::piece_style;
use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::detail::{Detail, position_detail, screen_lines};
use crate::model::{Dossier, EntityKind, EntityRef, Index, Position};
use crate::text::sanitize_line;

/// The detail of the position under the matrix cursor, or why there is none.
pub(super) fn matrix_cell(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let loaded = app.matrix_loaded();
    let (d, index) = (&loaded.dossier, &loaded.index);
    let matrix = app.pages().matrix();
    let (row, column) = app.pages().matrix_cursor();
    let (Some(&actor), Some(&point)) = (matrix.rows.get(row), matrix.columns.get(column)) else {
        return pane(theme, area, " Position ", Err("No cell is selected."), buf);
    };
    let Some(cell) = matrix.cell(row, column) else {
        let why = format!(
            "{} holds no recorded position on {}.",
            sanitize_line(&d.actors[actor].name),
            sanitize_line(&d.sticking_points[point].title)
        );
        return pane(theme, area, " No position ", Err(&why), buf);
    };
    let mut detail = position_detail(d, index, cell.sticking_point, cell.position);
    let position = cell.position(d);
    let moved = match cell.changed_from {
        Some(Some(before)) => Some(format!(
            "{} → {}",
            d.sticking_points[point].positions[before].stance, position.stance
        )),
        Some(None) => Some(format!("(no position) → {}", position.stance)),
        None => None,
    };
    if let Some(moved) = moved {
        detail.prepend_items("Moved on this date", vec![moved]);
    }
    let key = crate::notes::key_of_position(&d.sticking_points[point].id, position);
    if let Some(note) = app.notes().notes.note(&key) {
        detail.sections.push(crate::detail::note_section(note));
    }
    pane(theme, area, "position", Ok(&detail), buf);
}

/// The detail of the event under the timeline's cursor.
pub(super) fn timeline_event(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let pages = app.pages();
    let Some(row) = pages.timeline().rows.get(pages.timeline_view().selected) else {
        return pane(theme, area, " Event ", Err("No event is selected."), buf);
    };
    let entity = EntityRef::new(EntityKind::Event, row.event);
    let loaded = app.loaded();
    let mut detail = crate::detail::detail(&loaded.dossier, &loaded.index, entity);
    if let Some((heading, items)) = app.change_lines(entity) {
        detail.prepend_items(&heading, items);
    }
    if let Some(note) = app.notes_shown(entity) {
        detail.sections.push(crate::detail::note_section(&note));
    }
    pane(theme, area, "event", Ok(&detail), buf);
}

/// A bordered pane: `detail`'s lines from the top, titled by its name and `kind`; or a
/// title and a note on why there is nothing to show.
fn pane(theme: &Theme, area: Rect, kind: &str, shown: Result<&Detail, &str>, buf: &mut Buffer) {
    let inner_width = area.width.saturating_sub(2) as usize;
    let (title, lines) = match shown {
        Ok(detail) => (
            title(&detail.title, kind, area.width as usize),
            screen_lines(detail, inner_width),
        ),
        Err(why) => {
            let block = Block::bordered()
                .border_style(theme.border)
                .title(Span::styled(
                    super::text::block_title(kind, area),
                    theme.title,
                ));
            let inner = block.inner(area);
            block.render(area, buf);
            return super::empty::put_note(buf, inner, why, theme.muted);
        }
    };
    let rows = area.height.saturating_sub(2) as usize;
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            super::text::block_title(&title, area),
            theme.title,
        ));
    if lines.len() > rows {
        let more = Span::styled(" more… ", theme.muted);
        block = block.title_bottom(Line::from(more).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    for (y, line) in lines.iter().take(rows).enumerate() {
        let spans: Vec<Span> = line
            .pieces
            .iter()
            .map(|p| Span::styled(p.text.clone(), piece_style(theme, p, line.heading)))
            .collect();
        buf.set_line(inner.x, inner.y + y as u16, &Line::from(spans), inner.width);
    }
}

/// " Name · kind ", the name cut to fit `width` columns.
fn title(name: &str, kind: &str, width: usize) -> String {
    let kind = format!(" · {kind} ");
    let mut fitted = Fitted::default();
    fitted.push(&format!(" {}", sanitize_line(name)), |_| {
        ratatui::style::Style::new()
    });
    fitted.truncate(width.saturating_sub(4 + kind.len()));
    format!("{}{kind}", fitted.text())
}

/// A position's sources as the matrix note says them: "one source: T" where some claim
/// has more (else "source: T"), "2 sources: T; U", "cites no source".
fn sources_said(d: &Dossier, index: &Index, position: &Position) -> String {
    let titles: Vec<&str> = position
        .all_sources()
        .into_iter()
        .map(|id| index.source(id).map_or(id, |s| d.sources[s].title.as_str()))
        .collect();
    match titles.as_slice() {
        [] => "cites no source".to_string(),
        [one] if index.marks_one_source() => format!("one source: {one}"),
        [one] => format!("source: {one}"),
        many => format!("{} sources: {}", many.len(), many.join("; ")),
    }
}

/// What the cell under the matrix cursor says: the party's stance, summary and source.
pub(super) fn cursor_note(app: &App) -> Option<String> {
    let loaded = app.matrix_loaded();
    let (d, index) = (&loaded.dossier, &loaded.index);
    let matrix = app.pages().matrix();
    let (row, column) = app.pages().matrix_cursor();
    let (&actor, &point) = (matrix.rows.get(row)?, matrix.columns.get(column)?);
    let point_title = sanitize_line(&d.sticking_points[point].title).into_owned();
    let actor_name = sanitize_line(&d.actors[actor].name).into_owned();
    Some(match matrix.cell(row, column) {
        Some(cell) => {
            let position = cell.position(d);
            let source = sources_said(d, index, position);
            let hedge = if position.basis.is_inferred() {
                " (inferred)"
            } else {
                ""
            };
            let stance = match cell.changed_from {
                Some(Some(before)) => format!(
                    "{} → {}",
                    d.sticking_points[cell.sticking_point].positions[before].stance,
                    position.stance
                ),
                Some(None) => format!("(no position) → {}", position.stance),
                None => position.stance.to_string(),
            };
            let since = position
                .as_of
                .as_deref()
                .map(|d| format!(" as of {d}"))
                .unwrap_or_default();
            let key = crate::notes::key_of_position(&d.sticking_points[point].id, position);
            let note = app
                .notes()
                .notes
                .note(&key)
                .map(|n| format!(" · ✎ your note: {n}"));
            format!(
                "{actor_name} {stance}{hedge} on {point_title}{since}: {} ({source}){}",
                position.summary.trim(),
                note.unwrap_or_default()
            )
        }
        None => format!("{actor_name} holds no recorded position on {point_title}."),
    })
}
