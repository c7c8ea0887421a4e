//! The note editor (`a`): a box over the screen with the note being written, its cursor,
//! and the keys that keep or drop it; and the banner of a notes file that does not read.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::Fitted;
use super::theme::Theme;
use crate::app::{App, NoteEditor};
use crate::keymap::Keymap;
use crate::text::sanitize_line;

/// The notes file did not read: where and why, in place of the header.
pub(super) fn notes_banner(error: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let mut banner = Fitted::default();
    let label = if area.width >= 60 {
        " ⚠ Notes "
    } else {
        " ⚠ "
    };
    banner.push(label, |_| theme.error.add_modifier(Modifier::REVERSED));
    banner.push(&format!(" {}", sanitize_line(error)), |_| theme.error);
    let kept = " · notes read-only until the file is fixed";
    if banner.width + kept.chars().count() <= area.width as usize {
        banner.push(kept, |_| theme.muted);
    }
    banner.truncate(area.width as usize);
    buf.set_line(area.x, area.y, &Line::from(banner.into_spans()), area.width);
}

pub(crate) struct NoteEditorOverlay<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
    pub(crate) keymap: &'a Keymap,
}

/// The box: as wide as help's, up to 16 rows, in the middle of the screen.
fn editor_area(area: Rect) -> Rect {
    let inner = super::help::help_area(area);
    let height = inner.height.min(16);
    Rect::new(
        inner.x,
        area.y + (area.height.saturating_sub(height)) / 2,
        inner.width,
        height,
    )
}

/// One row of the note as shown: graphemes of one of its lines, each with the index of its
/// first character in that line (control characters made visible).
#[derive(Debug, Default)]
struct Row {
    line: usize,
    cells: Vec<(usize, String)>,
    /// The index of the character after the row's last.
    end: usize,
    /// The line's last row.
    last: bool,
}

/// The note's lines wrapped to `width` columns, at a space where the row has one, never
/// inside a grapheme; every character is on some row (the spaces at a break included).
fn rows_of(text: &str, width: usize) -> Vec<Row> {
    use unicode_segmentation::UnicodeSegmentation;
    let mut rows = Vec::new();
    for (line, line_text) in text.split('\n').enumerate() {
        let mut row = Row {
            line,
            ..Row::default()
        };
        let (mut used, mut at) = (0, 0);
        let mut after_space: Option<usize> = None;
        for grapheme in line_text.graphemes(true) {
            let shown = sanitize_line(grapheme).into_owned();
            let w = crate::text::width(&shown);
            if used + w > width && !row.cells.is_empty() {
                let split = after_space
                    .filter(|&k| k < row.cells.len())
                    .unwrap_or(row.cells.len());
                let carried = row.cells.split_off(split);
                row.end = carried.first().map_or(at, |(start, _)| *start);
                rows.push(std::mem::replace(
                    &mut row,
                    Row {
                        line,
                        ..Row::default()
                    },
                ));
                used = carried.iter().map(|(_, g)| crate::text::width(g)).sum();
                row.cells = carried;
                after_space = None;
            }
            row.cells.push((at, shown));
            used += w;
            at += grapheme.chars().count();
            if grapheme == " " {
                after_space = Some(row.cells.len());
            }
        }
        row.end = at;
        row.last = true;
        rows.push(row);
    }
    rows
}

/// A row drawn, the grapheme holding the cursor (or the space after the line's end)
/// reversed.
fn row_line(row: &Row, cursor: Option<usize>) -> Line<'static> {
    let reversed = Style::new().add_modifier(Modifier::REVERSED);
    let mut spans: Vec<Span<'static>> = Vec::new();
    for (n, (start, shown)) in row.cells.iter().enumerate() {
        let next = row.cells.get(n + 1).map_or(row.end, |(s, _)| *s);
        let lit = cursor.is_some_and(|c| *start <= c && c < next);
        spans.push(Span::styled(
            shown.clone(),
            if lit { reversed } else { Style::new() },
        ));
    }
    if row.last && cursor == Some(row.end) {
        spans.push(Span::styled(" ", reversed));
    }
    Line::from(spans)
}

impl NoteEditorOverlay<'_> {
    /// The rows in view: the note wrapped (a column kept for the cursor after a line's
    /// end), scrolled so that the cursor's row shows.
    fn body(&self, editor: &NoteEditor, width: usize, rows: usize) -> Vec<Line<'static>> {
        let (line, column) = editor.cursor_line_column();
        let wrapped = rows_of(&editor.input.text, width.saturating_sub(1).max(1));
        let on_cursor = |row: &Row| {
            row.line == line
                && row.cells.first().map_or(0, |(s, _)| *s) <= column
                && (column < row.end || row.last)
        };
        let at = wrapped.iter().position(on_cursor).unwrap_or(0);
        let first = at.saturating_sub(rows.saturating_sub(1));
        wrapped
            .iter()
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(n, row)| row_line(row, (n == at).then_some(column)))
            .collect()
    }
}

impl Widget for &NoteEditorOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(editor) = self.app.note_editor() else {
            return;
        };
        let theme = self.theme;
        let area = editor_area(area);
        if area.width < 12 || area.height < 5 {
            return;
        }
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(Span::styled(
                super::text::block_title(" ✎ Your note ", area),
                theme.title_focused,
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = inner.width as usize;
        let on = format!(
            "On “{}” · yours, kept apart from the dossier",
            sanitize_line(&editor.name)
        );
        let on = crate::text::cut(&on, width);
        buf.set_stringn(inner.x, inner.y, on.as_ref(), width, theme.muted);
        let rows = inner.height.saturating_sub(2) as usize;
        for (y, line) in self.body(editor, width, rows).iter().enumerate() {
            buf.set_line(inner.x, inner.y + 1 + y as u16, line, inner.width);
        }
        let hints = super::hints::hints(self.app, self.keymap, width);
        let mut spans = Vec::new();
        for (key, label) in hints {
            spans.push(Span::styled(key, theme.key));
            spans.push(Span::styled(format!(" {label}  "), theme.muted));
        }
        let bottom = inner.y + inner.height - 1;
        buf.set_line(inner.x, bottom, &Line::from(spans), inner.width);
    }
}
