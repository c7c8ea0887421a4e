//! Saved searches on screen: the name prompt in the status bar (`S`) and the picker over
//! the screen (`@`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::text::sanitize_line;

/// The status bar while a search is named: `false` when no name is asked for.
pub(super) fn name_prompt(app: &App, theme: &Theme, line: &mut Fitted) -> bool {
    let Some(prompt) = app.name_prompt() else {
        return false;
    };
    line.push(" Save the search as @", |_| theme.label);
    let name = sanitize_line(&prompt.input.text).into_owned();
    let cursor = prompt.input.cursor;
    line.push(&name, |i| {
        if i == cursor {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        }
    });
    if cursor >= prompt.input.text.chars().count() {
        line.push(" ", |_| Style::new().add_modifier(Modifier::REVERSED));
    }
    match &prompt.error {
        Some(error) => line.push(&format!("  ⚠ {}", sanitize_line(error)), |_| theme.error),
        None => {
            line.push("  Enter", |_| theme.key);
            line.push(" save  ", |_| theme.muted);
            line.push("Esc", |_| theme.key);
            line.push(" cancel  ", |_| theme.muted);
            line.push(&format!("({})", sanitize_line(&prompt.query)), |_| {
                theme.muted
            });
        }
    }
    true
}

pub(crate) struct PickerOverlay<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
}

impl PickerOverlay<'_> {
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let (app, theme) = (self.app, self.theme);
        let Some(picker) = app.search_picker() else {
            return Vec::new();
        };
        let mut lines = vec![Line::from(vec![
            Span::styled("Filter: ", theme.label),
            Span::raw(sanitize_line(&picker.filter.text).into_owned()),
            Span::styled(" ", Style::new().add_modifier(Modifier::REVERSED)),
        ])];
        lines.push(Line::default());
        let picked = app.picked_searches();
        if picked.is_empty() {
            lines.push(Line::from(Span::styled(
                "  No saved search matches.",
                theme.muted,
            )));
        }
        for (n, (name, query)) in picked.into_iter().enumerate() {
            let selected = n == picker.selected;
            let base = if selected {
                theme.selected
            } else {
                Style::new()
            };
            let mut row = Fitted::default();
            row.push(if selected { "> " } else { "  " }, |_| base);
            row.push(&format!("@{}", sanitize_line(name)), |_| {
                base.patch(theme.key)
            });
            row.push(&format!("  {}", sanitize_line(query)), |_| base);
            row.truncate(width);
            lines.push(Line::from(row.into_spans()));
        }
        lines
    }
}

impl Widget for &PickerOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let scroll = self.app.search_picker().map_or(0, |p| {
            p.selected
                .saturating_sub(area.height.saturating_sub(8) as usize)
        });
        super::help::render_overlay(
            super::help::OverlayFrame {
                title: " Saved searches (Enter runs, Del forgets, Esc closes) ",
                theme: self.theme,
                scroll,
            },
            |width| self.lines(width),
            area,
            buf,
        );
    }
}
