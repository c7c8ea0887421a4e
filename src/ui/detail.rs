//! The detail pane: the shown entity's screen lines, links styled and the focused one
//! highlighted, with a scrollbar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::ops::Range;

use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::Fitted;
use super::theme::Theme;
use crate::action::Focus;
use crate::app::App;
use crate::detail::{Piece, ScreenLine, Style as Meaning};
use crate::text::sanitize_line;

pub(crate) struct DetailPane<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
}

impl DetailPane<'_> {
    fn style(&self, piece: &Piece, heading: bool) -> Style {
        let theme = self.theme;
        let focused_link = self.app.focus() == Focus::Detail
            && piece.link.is_some()
            && piece.link == self.app.detail().focused_link();
        if focused_link {
            theme.link_focused
        } else {
            piece_style(theme, piece, heading)
        }
    }
}

/// The style of a piece of a detail line, as it means (links not focused).
pub(super) fn piece_style(theme: &Theme, piece: &Piece, heading: bool) -> Style {
    match &piece.style {
        Meaning::Link(_) => theme.link,
        Meaning::Label if heading => theme.label,
        Meaning::Label => theme.label,
        Meaning::Stance(stance) => theme.stance(stance),
        Meaning::Quote => theme.quote,
        Meaning::Muted | Meaning::Hedge | Meaning::Sourcing => theme.muted,
        Meaning::Plain => Style::new(),
        Meaning::Note => theme.key.add_modifier(ratatui::style::Modifier::ITALIC),
    }
}

impl DetailPane<'_> {
    /// The line's pieces in their styles, the query's hits marked (the one `n`/`N` went
    /// to, starting at char `current`, more strongly).
    fn spans(
        &self,
        line: &ScreenLine,
        hits: &[Range<usize>],
        current: Option<usize>,
    ) -> Vec<Span<'static>> {
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut at = 0;
        for piece in &line.pieces {
            let base = self.style(piece, line.heading);
            for c in piece.text.chars() {
                let style = match hits.iter().find(|h| h.contains(&at)) {
                    Some(h) if Some(h.start) == current => base
                        .patch(self.theme.matched)
                        .add_modifier(Modifier::REVERSED),
                    Some(_) => base.patch(self.theme.matched),
                    None => base,
                };
                match spans.last_mut() {
                    Some(last) if last.style == style => last.content.to_mut().push(c),
                    _ => spans.push(Span::styled(c.to_string(), style)),
                }
                at += 1;
            }
        }
        spans
    }
}

/// " Name · kind ", the name cut to fit `width` columns.
fn title(detail: &crate::detail::Detail, width: usize) -> String {
    let kind = format!(" · {} ", detail.entity.kind.noun());
    let mut name = Fitted::default();
    name.push(&format!(" {}", sanitize_line(&detail.title)), |_| {
        Style::new()
    });
    name.truncate(width.saturating_sub(4 + kind.len()));
    format!("{}{kind}", name.text())
}

impl Widget for &DetailPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let focused = self.app.focus() == Focus::Detail;
        let theme = self.theme;
        let Some(detail) = self.app.detail().detail() else {
            return render_empty(self.app, theme, area, buf);
        };
        let lines = self
            .app
            .detail()
            .lines_at(area.width.saturating_sub(2) as usize);
        let rows = area.height.saturating_sub(2) as usize;
        let scroll = self.app.detail().first_shown(lines.len(), rows);
        let (border, title_style) = if focused {
            (theme.border_focused, theme.title_focused)
        } else {
            (theme.border, theme.title)
        };
        let mut block = Block::bordered().border_style(border);
        if lines.len() > rows {
            let last = (scroll + rows).min(lines.len());
            let position = format!(" {}–{last}/{} ", scroll + 1, lines.len());
            block =
                block.title_bottom(Line::from(Span::styled(position, theme.muted)).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        // Drawn here, not as the block's title: ratatui measures a title as one string,
        // and an Arabic lam-alef would then lose the title's last character.
        let title = Line::from(Span::styled(
            title(detail, area.width as usize),
            title_style,
        ));
        buf.set_line(inner.x, area.y, &title, inner.width);
        let query = self.app.query().parsed();
        let finder = (!query.is_empty()).then(|| self.app.engine().line_finder(query));
        for (y, line) in lines.iter().skip(scroll).take(rows).enumerate() {
            let hits = finder
                .as_ref()
                .map(|finder| finder.hits_in(&line.text()))
                .unwrap_or_default();
            let current = match self.app.detail().current_hit() {
                Some((at, start)) if at == scroll + y => Some(start),
                _ => None,
            };
            let spans = self.spans(line, &hits, current);
            buf.set_line(inner.x, inner.y + y as u16, &Line::from(spans), inner.width);
        }
        let shown = lines.iter().skip(scroll).take(rows).map(|l| l.text());
        if let Some(url) = self.url_shown(detail) {
            link_url_lines(buf, inner, shown, url);
        }
        super::scrollbar(area, buf, lines.len(), rows, scroll, border);
    }
}

impl DetailPane<'_> {
    /// The web address of the source shown, when hyperlinks are on.
    fn url_shown(&self, detail: &crate::detail::Detail) -> Option<&str> {
        let entity = detail.entity;
        let loaded = self.app.loaded();
        let source = (entity.kind == crate::model::EntityKind::Source)
            .then(|| &loaded.dossier.sources[entity.index])?;
        source.url.as_deref().filter(|_| self.app.hyperlinks())
    }
}

/// Draws as a hyperlink to `url` each line of the "URL:" field among the `shown` lines
/// (the field's first line, and those after it that are pieces of the address wrapped at
/// its slashes).
fn link_url_lines(buf: &mut Buffer, inner: Rect, shown: impl Iterator<Item = String>, url: &str) {
    let clean = crate::text::sanitize_line(url.trim()).into_owned();
    let mut in_field = false;
    for (y, text) in shown.enumerate() {
        // The label alone, the address on the lines below.
        if text.trim_end() == "URL:" {
            in_field = true;
            continue;
        }
        let (column, piece) = match text.strip_prefix("URL: ") {
            Some(rest) => (5, rest.trim_end()),
            None if in_field => {
                let piece = text.trim();
                (text.len() - text.trim_start().len(), piece)
            }
            None => continue,
        };
        in_field = !piece.is_empty() && clean.contains(piece);
        if in_field {
            let width = crate::text::width(piece) as u16;
            super::hyperlink::link(
                buf,
                (inner.x + column as u16, inner.y + y as u16),
                width,
                url,
            );
        }
    }
}

/// The pane when the list is empty: its frame and why it shows nothing.
fn render_empty(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let block = Block::bordered()
        .border_style(theme.border)
        .title(super::text::block_title(" Detail ", area));
    let inner = block.inner(area);
    block.render(area, buf);
    super::empty::put_note(buf, inner, &super::empty::detail_note(app), theme.muted);
}
