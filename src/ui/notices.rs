//! The panel of problems found at the start (the config file's, a file not watched): one
//! a line, over the screen until the first key.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::text::Fitted;
use super::theme::Theme;
use crate::text::sanitize_line;

const FOOTER: &str = "Esc or Enter closes this; any other key closes it and does what it does.";
/// After [`FOOTER`] when the config file has problems.
const CONFIG_FOOTER: &str = " `talks config check` lists the config file's problems again.";
/// The footer where the problems and the whole footer do not fit.
const SHORT_FOOTER: &str = "Esc closes";
const SHORT_CONFIG_FOOTER: &str = " · `talks config check`";

pub(crate) struct NoticesPanel<'a> {
    pub(crate) notices: &'a [String],
    /// Some are the config file's problems: the footer says how to list them again.
    pub(crate) config: bool,
    pub(crate) theme: &'a Theme,
}

impl NoticesPanel<'_> {
    /// The problems wrapped to `width` (their lines after the first indented), then the
    /// footer.
    fn lines(&self, width: usize, rows: usize) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
        let mut body = Vec::new();
        let options = crate::text::Wrap::new(width.max(8)).hang("  ");
        for notice in self.notices {
            for piece in options.lines(&sanitize_line(notice)) {
                let mut fitted = Fitted::default();
                fitted.push(&piece, |_| self.theme.error);
                fitted.truncate(width);
                body.push(Line::from(fitted.into_spans()));
            }
        }
        let (long, short) = match self.config {
            true => (
                format!("{FOOTER}{CONFIG_FOOTER}"),
                format!("{SHORT_FOOTER}{SHORT_CONFIG_FOOTER}"),
            ),
            false => (FOOTER.to_string(), SHORT_FOOTER.to_string()),
        };
        let mut footer = crate::text::wrap(&long, width.max(8));
        if body.len() + footer.len() + 1 > rows {
            footer = crate::text::wrap(&short, width.max(8));
        }
        let footer = footer
            .into_iter()
            .map(|l| Line::from(Span::styled(l.into_owned(), self.theme.muted)))
            .collect();
        (body, footer)
    }
}

impl Widget for &NoticesPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(100);
        if width < 12 || area.height < 5 {
            return;
        }
        let inner_width = width as usize - 2;
        let (body, footer) = self.lines(inner_width, area.height.saturating_sub(4) as usize);
        let wanted = (body.len() + footer.len() + 3) as u16;
        let height = wanted.min(area.height.saturating_sub(2)).max(3);
        let panel = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        Clear.render(panel, buf);
        let title = format!(" Problems found at the start ({}) ", self.notices.len());
        let block = Block::bordered()
            .border_style(self.theme.error)
            .title(Span::styled(
                super::text::block_title(&title, panel),
                self.theme.title_focused,
            ));
        let inner = block.inner(panel);
        block.render(panel, buf);
        // The footer stays whole at the bottom; the problems take what is left.
        let rows = inner.height as usize;
        let footer_rows = footer.len().min(rows.saturating_sub(1));
        let body_rows = rows - footer_rows;
        let hidden = body.len().saturating_sub(body_rows);
        let mut lines: Vec<Line> = body.into_iter().take(body_rows).collect();
        // Lines that do not fit are said to be there, and where to read them all.
        if hidden > 0 && body_rows > 0 {
            lines.truncate(body_rows - 1);
            let more = match self.config {
                true => format!("… {} more: `talks config check`", hidden + 1),
                false => format!("… {} more", hidden + 1),
            };
            lines.push(Line::from(Span::styled(more, self.theme.muted)));
        }
        lines.resize(body_rows, Line::default());
        lines.extend(footer.into_iter().take(footer_rows));
        for (y, line) in lines.iter().enumerate() {
            buf.set_line(inner.x, inner.y + y as u16, line, inner.width);
        }
    }
}
