//! Rendering only: from `&App` to a frame. No state changes here.

mod bars;
mod cut;
mod detail;
mod empty;
mod filtered;
mod help;
mod hints;
mod hit;
mod hyperlink;
mod legend;
mod lists;
mod loading;
mod note_editor;
mod notices;
mod overview;
mod pages;
mod prompts;
mod searches;
mod seen;
mod selection;
mod sources;
mod status_lines;
mod text;
mod theme;

pub use hit::hit_test;
pub use loading::{Loading, human_size};
pub use theme::Theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::action::Mode;
use crate::app::App;
use crate::app::layout::{Layout, MIN_HEIGHT, MIN_WIDTH};
use crate::app::page_layout::PageAreas;
use crate::keymap::Keymap;
use crate::model::EntityKind;

/// The whole screen of the explorer: the state, the colours and the keys in force (the
/// status bar and help name them).
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub keymap: &'a Keymap,
}

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, theme) = (self.app, self.theme);
        let layout = app.layout_at(area.width, area.height);
        if layout.too_small {
            return too_small(area, buf, theme, self.keymap);
        }
        bars::header(app, theme, layout.header, buf);
        bars::search_bar(app, theme, layout.search, buf);
        match layout.page {
            PageAreas::Browse => browse(app, theme, &layout, buf),
            PageAreas::Matrix(m) => pages::matrix(app, theme, &m, buf),
            PageAreas::Timeline(t) => pages::timeline(app, theme, &t, buf),
            PageAreas::Sources(s) => sources::sources(app, theme, &s, buf),
        }
        bars::status_bar(app, self.keymap, theme, layout.status, buf);
        if !app.notices().is_empty() {
            let panel = notices::NoticesPanel {
                notices: app.notices(),
                config: app.notices_name_the_config(),
                theme,
            };
            (&panel).render(area, buf);
        }
        if app.mode() == Mode::Help {
            let help = help::HelpOverlay {
                app,
                theme,
                keymap: self.keymap,
            };
            (&help).render(area, buf);
        }
        if app.mode() == Mode::Overview {
            (&overview::OverviewOverlay { app, theme }).render(area, buf);
        }
        if app.mode() == Mode::Searches {
            (&searches::PickerOverlay { app, theme }).render(area, buf);
        }
        if app.mode() == Mode::Note {
            let editor = note_editor::NoteEditorOverlay {
                app,
                theme,
                keymap: self.keymap,
            };
            (&editor).render(area, buf);
        }
    }
}

/// How far the open overlay (help or overview) can scroll on the app's screen; `None`
/// when none is open.
pub fn overlay_scroll_limit(app: &App, keymap: &Keymap) -> Option<usize> {
    let (width, height) = app.size();
    let area = Rect::new(0, 0, width, height);
    // Styles change no line's length.
    let theme = Theme::colour();
    match app.mode() {
        Mode::Help => Some(help::scroll_limit(
            &help::HelpOverlay {
                app,
                theme: &theme,
                keymap,
            },
            area,
        )),
        Mode::Overview => Some(overview::scroll_limit(
            &overview::OverviewOverlay { app, theme: &theme },
            area,
        )),
        _ => None,
    }
}

/// The lists and the detail.
fn browse(app: &App, theme: &Theme, layout: &Layout, buf: &mut Buffer) {
    let panes = &layout.panes;
    if let Some(tabs) = panes.tabs {
        bars::tabs(app, theme, tabs, buf);
    }
    for kind in EntityKind::LISTED {
        if let Some(rect) = panes.list(kind) {
            (&lists::ListPane { app, theme, kind }).render(rect, buf);
        }
    }
    if let Some(rect) = panes.detail {
        (&detail::DetailPane { app, theme }).render(rect, buf);
    }
}

/// A scrollbar over the right border of `area` when `total` rows overflow `rows`.
fn scrollbar(
    area: Rect,
    buf: &mut Buffer,
    total: usize,
    rows: usize,
    offset: usize,
    style: ratatui::style::Style,
) {
    use ratatui::layout::Margin;
    use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
    if total <= rows {
        return;
    }
    let mut state = ScrollbarState::new(total - rows)
        .position(offset)
        .viewport_content_length(rows);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_style(style)
        .render(
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            buf,
            &mut state,
        );
}

/// The note shown instead of the screen, each line within 20 columns; it names the keys
/// that quit in force (`keymap::when_too_small`: the only keys that work meanwhile).
fn too_small(area: Rect, buf: &mut Buffer, theme: &Theme, keymap: &Keymap) {
    use crate::keymap::{Context, key_name, keys_of};
    if area.width == 0 || area.height == 0 {
        return;
    }
    let quit: Vec<String> = keys_of(keymap, Context::Anywhere, &crate::action::Action::Quit)
        .into_iter()
        .take(2)
        .map(key_name)
        .collect();
    let mut lines = vec![
        "Terminal too small".to_string(),
        format!(
            "{}×{}; needs {MIN_WIDTH}×{MIN_HEIGHT}",
            area.width, area.height
        ),
    ];
    if !quit.is_empty() {
        lines.push(format!("{} quits", quit.join(" or ")));
    }
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.bottom() {
            break;
        }
        let width = line.chars().count() as u16;
        let x = area.x + area.width.saturating_sub(width) / 2;
        buf.set_stringn(x, y, line, area.width as usize, theme.label);
    }
}
