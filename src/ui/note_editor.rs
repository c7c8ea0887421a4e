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

/// A line of the note as shown (control characters made visible), `from` chars scrolled
/// past, `width` chars, the cursor at char `cursor` drawn reversed.
fn note_line(text: &str, from: usize, width: usize, cursor: Option<usize>) -> Line<'static> {
    let mut chars: Vec<String> = text
        .chars()
        .map(|c| sanitize_line(&c.to_string()).into_owned())
        .collect();
    if cursor.is_some() {
        chars.push(" ".into());
    }
    let spans: Vec<Span<'static>> = chars
        .into_iter()
        .enumerate()
        .skip(from)
        .take(width)
        .map(|(i, shown)| {
            let style = if Some(i) == cursor {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            };
            Span::styled(shown, style)
        })
        .collect();
    Line::from(spans)
}

impl NoteEditorOverlay<'_> {
    fn body(&self, editor: &NoteEditor, width: usize, rows: usize) -> Vec<Line<'static>> {
        let (line, column) = editor.cursor_line_column();
        let first = line.saturating_sub(rows.saturating_sub(1));
        let from = column.saturating_sub(width.saturating_sub(1));
        editor
            .input
            .text
            .split('\n')
            .enumerate()
            .skip(first)
            .take(rows)
            .map(|(n, text)| {
                let cursor = (n == line).then_some(column);
                let from = if n == line { from } else { 0 };
                note_line(text, from, width, cursor)
            })
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
            .title(Span::styled(" ✎ Your note ", theme.title_focused));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = inner.width as usize;
        let on = format!(
            "On “{}” · yours, kept apart from the dossier",
            sanitize_line(&editor.name)
        );
        buf.set_stringn(inner.x, inner.y, &on, width, theme.muted);
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
