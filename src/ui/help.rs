//! The help overlay, generated from the keymap table and filtered as the user types.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::keymap::{Context, HelpRow, Keymap, help_rows};
use crate::text::sanitize_line;

pub(crate) struct HelpOverlay<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
    pub(crate) keymap: &'a Keymap,
}

/// The widest an overlay gets: wider lines are harder to read.
const MOST_WIDTH: u16 = 120;

/// The overlay's box: most of the screen, centred.
pub(crate) fn help_area(area: Rect) -> Rect {
    let width = area.width.saturating_sub(4).min(MOST_WIDTH);
    let height = area.height.saturating_sub(2);
    Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    )
}

const MOUSE_NOTE: &str = "Mouse: a click selects a row, focuses a pane or follows a link; the wheel scrolls the pane under the pointer. On the matrix, timeline and sources a click moves the cursor and a second click opens what it is on. The names in parentheses are the actions' names for remapping keys in [keys] of config.toml.";

impl HelpOverlay<'_> {
    /// Every line of the help: the filter, the bindings by context, the mouse note.
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let filter = self.app.help().map_or("", |h| h.filter.text.as_str());
        let mut lines: Vec<Line> = vec![Line::from(vec![
            Span::styled("Filter: ", theme.label),
            Span::raw(sanitize_line(filter).into_owned()),
            Span::styled("▏", theme.key),
        ])];
        let rows = help_rows(self.keymap, filter);
        let key_width = rows
            .iter()
            .map(|r| r.keys.chars().count())
            .max()
            .unwrap_or(0)
            // Wider keys (Back's four) take a line of their own rather than widen all.
            .min(15)
            .min(width / 3);
        let mut context = None;
        for row in &rows {
            if context != Some(row.context) {
                context = Some(row.context);
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(row.context.title(), theme.label)));
            }
            lines.extend(self.row_lines(row, key_width, width));
        }
        if rows.is_empty() {
            let none = Span::styled("  No key matches the filter.", theme.muted);
            lines.push(Line::from(none));
        }
        lines.push(Line::default());
        for line in crate::text::wrap(MOUSE_NOTE, width.max(10)) {
            lines.push(Line::from(Span::styled(line.into_owned(), theme.muted)));
        }
        lines
    }

    /// A binding: its keys, what it does and, where it can be remapped, its name; a long
    /// description goes on over more lines, under itself.
    fn row_lines(&self, row: &HelpRow, key_width: usize, width: usize) -> Vec<Line<'static>> {
        let theme = self.theme;
        let keys = format!("  {:key_width$}  ", row.keys);
        let indent = key_width + 4;
        let mut lines = Vec::new();
        // Keys wider than their column get a line of their own.
        let keys = if keys.chars().count() > indent {
            let mut fitted = Fitted::default();
            fitted.push(keys.trim_end(), |_| theme.key);
            fitted.truncate(width);
            lines.push(Line::from(fitted.into_spans()));
            " ".repeat(indent)
        } else {
            keys
        };
        let remappable = !matches!(
            row.context,
            Context::Search
                | Context::Export
                | Context::Help
                | Context::Overwrite
                | Context::Overview
        );
        let name = if remappable {
            format!("  ({})", row.name)
        } else {
            String::new()
        };
        let text = format!("{}{name}", row.description);
        let room = width.saturating_sub(indent).max(10);
        let description_chars = row.description.chars().count();
        let mut at = 0;
        for (n, piece) in crate::text::wrap(&text, room).iter().enumerate() {
            let mut fitted = Fitted::default();
            let lead = if n == 0 {
                keys.clone()
            } else {
                " ".repeat(indent)
            };
            fitted.push(&lead, |_| theme.key);
            // The remap name, at the end, is muted.
            let start = at;
            fitted.push(piece, |i| {
                if start + i >= description_chars {
                    theme.muted
                } else {
                    ratatui::style::Style::new()
                }
            });
            at += piece.chars().count() + 1;
            fitted.truncate(width);
            lines.push(Line::from(fitted.into_spans()));
        }
        lines
    }
}

/// How far the help can scroll in `area` (the whole screen).
pub(crate) fn scroll_limit(overlay: &HelpOverlay, area: Rect) -> usize {
    overlay_scroll_limit(area, |width| overlay.lines(width).len())
}

/// How far an overlay box over `area` scrolls: its lines at the box's inner width (given
/// by `count`) past the rows it shows.
pub(super) fn overlay_scroll_limit(area: Rect, count: impl FnOnce(usize) -> usize) -> usize {
    let inner = help_area(area).inner(ratatui::layout::Margin::new(1, 1));
    count(inner.width as usize).saturating_sub(inner.height as usize)
}

impl Widget for &HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = if help_area(area).width >= 48 {
            " Help: keys (type to filter, Esc to close) "
        } else {
            " Help (type to filter) "
        };
        render_overlay(
            OverlayFrame {
                title,
                theme: self.theme,
                scroll: self.app.help().map_or(0, |h| h.scroll),
            },
            |width| self.lines(width),
            area,
            buf,
        );
    }
}

/// What an overlay box (help, the overview) shows around its lines.
pub(super) struct OverlayFrame<'a> {
    pub(crate) title: &'a str,
    pub(crate) theme: &'a Theme,
    /// Lines scrolled past (clamped to the end here).
    pub(crate) scroll: usize,
}

/// Draws an overlay box over `area` with the lines `lines(width)` gives, scrolled; where
/// the lines went (the box's inside and the lines scrolled past), if it was drawn.
pub(super) fn render_overlay<'a>(
    frame: OverlayFrame,
    lines: impl FnOnce(usize) -> Vec<Line<'a>>,
    area: Rect,
    buf: &mut Buffer,
) -> Option<(Rect, usize)> {
    let screen = area;
    let area = help_area(area);
    if area.width < 10 || area.height < 4 {
        return None;
    }
    // A blank column each side, so that no half-covered word shows against the border.
    let left = area.x.saturating_sub(1).max(screen.x);
    let right = (area.right() + 1).min(screen.right());
    Clear.render(Rect::new(left, area.y, right - left, area.height), buf);
    let block = Block::bordered()
        .border_style(frame.theme.border_focused)
        .title(Span::styled(
            super::text::block_title(frame.title, area),
            frame.theme.title_focused,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let lines = lines(inner.width as usize);
    let visible = inner.height as usize;
    let scroll = frame.scroll.min(lines.len().saturating_sub(visible));
    for (y, line) in lines.iter().skip(scroll).take(visible).enumerate() {
        buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
    }
    Some((inner, scroll))
}
