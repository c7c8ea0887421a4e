//! The matrix, timeline and sources pages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::{Fitted, block_title};
use super::theme::Theme;
use crate::app::App;
use crate::app::page_layout::{MatrixAreas, TimelineAreas, wrap_title};
use crate::text::sanitize_line;
use crate::views::{stance_symbol, status_marker};

use super::legend::{legend_rows, matrix_title};

/// A page's bordered block for `area`, its title cut to fit.
pub(super) fn block<'a>(theme: &Theme, title: &str, area: Rect) -> Block<'a> {
    Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(block_title(title, area), theme.title_focused))
}

/// Writes `fitted` cut to `width` at (x, y).
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, width: usize, mut fitted: Fitted) {
    fitted.truncate(width);
    buf.set_line(x, y, &Line::from(fitted.into_spans()), width as u16);
}

/// Writes `fitted` cut to `width` at (x, y), and to what of `area` is right of x: nothing
/// outside `area`.
fn put_in(area: Rect, buf: &mut Buffer, (x, y): (u16, u16), width: usize, fitted: Fitted) {
    if y < area.y || y >= area.bottom() || x < area.x || x >= area.right() {
        return;
    }
    put(buf, x, y, width.min((area.right() - x) as usize), fitted);
}

/// Said in the matrix's block when not one party's row fits under the titles.
const MATRIX_TOO_SHORT: &str = "Too short to show the matrix: make the terminal taller.";

/// A column title on up to `rows` lines of `width` columns, wrapped at spaces, the last
/// cut with `…` if the title needs more.
fn column_title(title: &str, width: usize, rows: usize) -> Vec<String> {
    let lines = wrap_title(title, width);
    let kept = rows.max(1) - 1;
    if lines.len() <= kept + 1 {
        return lines.into_iter().map(String::from).collect();
    }
    let mut last = Fitted::default();
    last.push(&lines[kept..].join(" "), |_| Style::new());
    last.truncate(width);
    let mut shown: Vec<String> = lines[..kept].iter().map(|l| l.to_string()).collect();
    shown.push(last.text());
    shown
}

/// Draws the stance matrix.
pub(super) fn matrix(app: &App, theme: &Theme, m: &MatrixAreas, buf: &mut Buffer) {
    let matrix = app.pages().matrix();
    let title = matrix_title(app, m);
    block(theme, &title, m.block).render(m.block, buf);
    if matrix.is_empty() {
        let note = super::empty::matrix_note(app);
        super::empty::put_note(buf, m.inner, &note, theme.muted);
        return;
    }
    if !m.fits_a_row() {
        return super::empty::put_note(buf, m.inner, MATRIX_TOO_SHORT, theme.muted);
    }
    matrix_titles(app, theme, m, buf);
    let (row0, _) = app.pages().matrix_offset();
    for (n, row) in (row0..matrix.rows.len()).take(m.rows).enumerate() {
        if m.row_y(n) >= m.notes.y {
            break;
        }
        matrix_row(app, theme, m, (n, row), buf);
    }
    matrix_notes(app, theme, m, buf);
    if let Some(area) = m.detail {
        super::selection::matrix_cell(app, theme, area, buf);
    }
}

/// The columns shown: (screen column, matrix column).
fn visible_columns(app: &App, m: &MatrixAreas) -> impl Iterator<Item = (usize, usize)> {
    let (_, column0) = app.pages().matrix_offset();
    (column0..app.pages().matrix().columns.len())
        .take(m.columns)
        .enumerate()
}

/// The sticking points' titles over their columns, the cursor's lit.
fn matrix_titles(app: &App, theme: &Theme, m: &MatrixAreas, buf: &mut Buffer) {
    let d = &app.matrix_loaded().dossier;
    let matrix = app.pages().matrix();
    let cell_width = m.column_width as usize - 1;
    for (n, column) in visible_columns(app, m) {
        let style = if column == app.pages().matrix_cursor().1 {
            theme.title_focused
        } else {
            theme.label
        };
        let title = sanitize_line(&d.sticking_points[matrix.columns[column]].title).into_owned();
        let rows = m.header_rows as usize;
        for (line, text) in column_title(&title, cell_width, rows).iter().enumerate() {
            let mut f = Fitted::default();
            f.push(text, |_| style);
            let at = (m.column_x(n), m.inner.y + line as u16);
            put_in(m.inner, buf, at, cell_width, f);
        }
    }
}

/// One party's row: its name, then a cell a sticking point shown.
fn matrix_row(
    app: &App,
    theme: &Theme,
    m: &MatrixAreas,
    (n, row): (usize, usize),
    buf: &mut Buffer,
) {
    let d = &app.matrix_loaded().dossier;
    let matrix = app.pages().matrix();
    let (cursor_row, cursor_column) = app.pages().matrix_cursor();
    let selected_row = row == cursor_row;
    let y = m.row_y(n);
    let mut name = Fitted::default();
    let marker = if selected_row { "> " } else { "  " };
    let style = if selected_row {
        theme.title_focused
    } else {
        Style::new()
    };
    // With change markers about, every cell keeps a column for one, so that the
    // symbols stay in line.
    let slot = matrix.as_of.is_some() || (app.matrix_marks_changes() && app.any_cell_moved());
    let party = sanitize_line(&d.actors[matrix.rows[row]].name);
    name.push(&format!("{marker}{party}"), |_| style);
    put_in(
        m.inner,
        buf,
        (m.inner.x, y),
        m.name_width as usize - 1,
        name,
    );
    for (c, column) in visible_columns(app, m) {
        let cursor = selected_row && column == cursor_column;
        let mut cell = Fitted::default();
        match matrix.cell(row, column) {
            Some(found) => {
                let actor = matrix.rows[row];
                cell = position_cell(app, theme, found, actor, (cursor, slot));
            }
            None => {
                let style = if cursor { theme.selected } else { theme.muted };
                let symbol = if matrix.left_out(row, column) {
                    "–"
                } else {
                    "·"
                };
                cell.push(&format!("{}{symbol}", if slot { " " } else { "" }), |_| {
                    style
                });
            }
        }
        let width = m.column_width as usize - 1;
        put_in(m.inner, buf, (m.column_x(c), y), width, cell);
    }
}

/// A cell holding a position: its change marker (or the blank kept for one when `slot`),
/// its stance's symbol and word, `~` when inferred; reversed under the `cursor`.
fn position_cell(
    app: &App,
    theme: &Theme,
    found: crate::views::Cell,
    actor: usize,
    (cursor, slot): (bool, bool),
) -> Fitted {
    let position = found.position(&app.matrix_loaded().dossier);
    let (symbol, word) = stance_symbol(&position.stance);
    let mut style = theme.stance(&position.stance);
    // The dossier's reading, not the source's words: `~` says so without colour.
    let hedge = if position.basis.is_inferred() {
        style = style.add_modifier(Modifier::DIM);
        "~"
    } else {
        ""
    };
    if cursor {
        style = style.add_modifier(Modifier::REVERSED);
    }
    // Moved on the date stepped to, or since the comparison (`N` new there): `Δ` says so
    // without colour.
    let change = app.cell_change(found.sticking_point, actor);
    let moved = match (found.changed_from, change) {
        (Some(_), _) => "Δ".to_string(),
        (None, Some(marker)) => marker.to_string(),
        (None, None) if slot => " ".to_string(),
        (None, None) => String::new(),
    };
    if !moved.trim().is_empty() {
        style = style.add_modifier(Modifier::BOLD);
    }
    let mut cell = Fitted::default();
    cell.push(&format!("{moved}{symbol}{hedge} {word}"), |_| style);
    cell
}

/// Under the grid: the legend, then the position under the cursor and its source.
fn matrix_notes(app: &App, theme: &Theme, m: &MatrixAreas, buf: &mut Buffer) {
    let notes = m.notes;
    if notes.y <= m.inner.y || notes.height == 0 {
        return;
    }
    let width = notes.width as usize;
    // The legend first; the cursor's note keeps the last row when the legend fits without
    // it (on a short screen the whole legend comes before the note).
    let most = if notes.height > 2 { 2 } else { 1 };
    let rows = legend_rows(app, m, most, notes.height as usize);
    let legend_rows = rows.len().clamp(1, notes.height as usize);
    for (n, row) in rows.iter().take(legend_rows).enumerate() {
        let mut legend = Fitted::default();
        legend.push(row, |_| theme.muted);
        put_in(notes, buf, (notes.x, notes.y + n as u16), width, legend);
    }
    // With a pane of its own, the position is shown there.
    let Some(text) = super::selection::cursor_note(app).filter(|_| m.detail.is_none()) else {
        return;
    };
    let clean = sanitize_line(&text);
    let wrapped = crate::text::wrap(&clean, (notes.width as usize).max(10));
    let left = (notes.height as usize).saturating_sub(legend_rows);
    for (n, line) in wrapped.iter().take(left).enumerate() {
        let mut f = Fitted::default();
        f.push(line, |_| Style::new());
        let at = (notes.x, notes.y + (legend_rows + n) as u16);
        put_in(notes, buf, at, notes.width as usize, f);
    }
}

/// Over the timeline when some event has no date: how those are placed (and shorter).
const UNDATED_NOTE: &str =
    "Undated events are placed by the dossier's order field (#); dates as written.";
const UNDATED_NOTE_SHORT: &str = "Undated: placed by order (#)";

/// Draws the timeline.
pub(super) fn timeline(app: &App, theme: &Theme, areas: &TimelineAreas, buf: &mut Buffer) {
    let t = app.pages().timeline();
    let inner = areas.inner;
    let marked = match app.marks().count(crate::model::EntityKind::Event) {
        0 => String::new(),
        n => format!("· {n} marked "),
    };
    // The rows' third column, explained where the matrix has its legend.
    let since = app
        .marks_since(app.any_event_changed())
        .map(|said| format!("· {said} "))
        .unwrap_or_default();
    let events = crate::text::count_of(t.rows.len(), "event", "events");
    // Short of room, the filter is said before the comparison (without one, the title is
    // cut with `…` as any title).
    let mut titles = vec![format!(" Timeline: {events} {marked}{since}")];
    if !app.query().text().trim().is_empty() {
        titles.push(format!(" Timeline: {events} {marked}"));
    }
    let room = areas.block.width.saturating_sub(4) as usize;
    let title = super::filtered::fit(app, &titles, room, "Esc Esc");
    block(theme, &title, areas.block).render(areas.block, buf);
    if t.rows.is_empty() {
        let note = super::empty::timeline_note(app);
        super::empty::put_note(buf, inner, &note, theme.muted);
        return;
    }
    if let Some(note) = areas.note {
        let mut f = Fitted::default();
        let fits = UNDATED_NOTE.chars().count() <= note.width as usize;
        f.push(
            if fits {
                UNDATED_NOTE
            } else {
                UNDATED_NOTE_SHORT
            },
            |_| theme.muted,
        );
        put(buf, note.x, note.y, note.width as usize, f);
    }
    let inner = areas.list;
    let view = app.pages().timeline_view();
    for (n, row) in t
        .rows
        .iter()
        .enumerate()
        .skip(view.offset)
        .take(areas.rows())
    {
        let line = timeline_row(app, theme, row, n == view.selected, t.when_width());
        let y = inner.y + (n - view.offset) as u16;
        put(buf, inner.x, y, inner.width as usize, line);
    }
    if let Some(area) = areas.detail {
        super::selection::timeline_event(app, theme, area, buf);
    }
    let rows = areas.rows();
    super::scrollbar(
        areas.block,
        buf,
        t.rows.len(),
        rows,
        view.offset,
        theme.border_focused,
    );
}

/// An event of the timeline: when, status, title, place and participants.
fn timeline_row(
    app: &App,
    theme: &Theme,
    row: &crate::views::TimelineRow,
    selected: bool,
    when_width: usize,
) -> Fitted {
    let event = &app.loaded().dossier.events[row.event];
    let base = if selected {
        theme.selected
    } else {
        Style::new()
    };
    let mut f = Fitted::default();
    let marked = app.marks().contains(crate::model::EntityRef::new(
        crate::model::EntityKind::Event,
        row.event,
    ));
    // As in the lists: `>`, `+`, with a comparison N new or Δ changed.
    let change = app.change_marker(crate::model::EntityRef::new(
        crate::model::EntityKind::Event,
        row.event,
    ));
    let marker = super::lists::row_prefix(selected, marked, change, "");
    f.push(&marker, |_| base);
    f.push(&format!("{:when_width$}  ", row.when), |_| {
        base.patch(theme.label)
    });
    let status = format!(
        "{} {:9} ",
        status_marker(&event.status),
        event.status.as_str()
    );
    f.push(&status, |_| base);
    f.push(&sanitize_line(&event.title), |_| {
        base.add_modifier(Modifier::BOLD)
    });
    let mut facts: Vec<String> = row.places().into_iter().collect();
    if !row.participants.is_empty() {
        facts.push(row.participants.join(", "));
    }
    if !facts.is_empty() {
        f.push(
            &format!(" — {}", sanitize_line(&facts.join(" · "))),
            |_| base.patch(theme.muted),
        );
    }
    f
}
