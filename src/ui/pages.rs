//! The matrix, timeline and sources pages.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::text::Fitted;
use super::theme::Theme;
use crate::app::{App, MATRIX_COLUMN_WIDTH, MATRIX_HEADER_ROWS, MATRIX_NAME_WIDTH, Page};
use crate::text::sanitize_line;
use crate::views::{citations, stance_symbol, status_marker};

pub struct PageView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &PageView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match self.app.page {
            Page::Matrix => matrix(self.app, self.theme, area, buf),
            Page::Timeline => timeline(self.app, self.theme, area, buf),
            Page::Sources => sources(self.app, self.theme, area, buf),
            Page::Browse => {}
        }
    }
}

fn block<'a>(theme: &Theme, title: String) -> Block<'a> {
    Block::bordered()
        .border_style(theme.border_focused)
        .title(Span::styled(title, theme.title_focused))
}

/// Writes `fitted` cut to `width` at (x, y).
fn put(buf: &mut Buffer, x: u16, y: u16, width: usize, mut fitted: Fitted) {
    fitted.truncate(width);
    buf.set_line(x, y, &Line::from(fitted.into_spans()), width as u16);
}

/// A column title on two lines of `width` columns: the first line wrapped at a space, the
/// rest cut with `…`.
fn column_title(title: &str, width: usize) -> [String; 2] {
    let lines = textwrap::wrap(title, width.max(4));
    let first = lines.first().map(|l| l.to_string()).unwrap_or_default();
    let rest = title[first.len().min(title.len())..].trim_start();
    let mut second = Fitted::default();
    second.push(rest, |_| Style::new());
    second.truncate(width);
    [first, second.text()]
}

fn matrix(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let m = &app.pages.matrix;
    let d = &app.loaded.dossier;
    let title = format!(
        " Stance matrix: {} parties × {} sticking points ",
        m.rows.len(),
        m.columns.len()
    );
    let block = block(theme, title);
    let inner = block.inner(area);
    block.render(area, buf);
    if m.is_empty() {
        let note = "No positions match the search. Esc clears it.";
        buf.set_stringn(inner.x, inner.y, note, inner.width as usize, theme.muted);
        return;
    }
    let (fit_rows, fit_columns) = app.matrix_fits();
    let (row0, column0) = app.pages.offset;
    let cell_width = MATRIX_COLUMN_WIDTH - 1;
    let visible_columns = (column0..m.columns.len()).take(fit_columns);
    for (n, column) in visible_columns.clone().enumerate() {
        let x = inner.x + (MATRIX_NAME_WIDTH + n * MATRIX_COLUMN_WIDTH) as u16;
        let selected = column == app.pages.cursor.1;
        let style = if selected {
            theme.title_focused
        } else {
            theme.label
        };
        let title = sanitize_line(&d.sticking_points[m.columns[column]].title).into_owned();
        for (line, text) in column_title(&title, cell_width).iter().enumerate() {
            let mut f = Fitted::default();
            f.push(text, |_| style);
            put(buf, x, inner.y + line as u16, cell_width, f);
        }
    }
    let top = inner.y + MATRIX_HEADER_ROWS as u16;
    for (n, row) in (row0..m.rows.len()).take(fit_rows).enumerate() {
        let y = top + n as u16;
        if y >= inner.bottom() {
            break;
        }
        let selected_row = row == app.pages.cursor.0;
        let mut name = Fitted::default();
        let marker = if selected_row { "> " } else { "  " };
        let style = if selected_row {
            theme.title_focused
        } else {
            Style::new()
        };
        name.push(
            &format!("{marker}{}", sanitize_line(&d.actors[m.rows[row]].name)),
            |_| style,
        );
        put(buf, inner.x, y, MATRIX_NAME_WIDTH - 1, name);
        for (c, column) in visible_columns.clone().enumerate() {
            let x = inner.x + (MATRIX_NAME_WIDTH + c * MATRIX_COLUMN_WIDTH) as u16;
            let cursor = selected_row && column == app.pages.cursor.1;
            let mut cell = Fitted::default();
            match m.cell(row, column) {
                Some(found) => {
                    let stance = &found.position(d).stance;
                    let (symbol, word) = stance_symbol(stance);
                    let mut style = theme.stance(stance);
                    if cursor {
                        style = style.add_modifier(Modifier::REVERSED);
                    }
                    cell.push(&format!("{symbol} {word}"), |_| style);
                }
                None => {
                    let style = if cursor { theme.selected } else { theme.muted };
                    cell.push("·", |_| style);
                }
            }
            put(buf, x, y, cell_width, cell);
        }
    }
    let more_columns = m.columns.len() > fit_columns;
    matrix_notes(app, theme, inner, buf, more_columns);
}

/// Under the grid: the legend, then the position under the cursor and its source.
fn matrix_notes(app: &App, theme: &Theme, inner: Rect, buf: &mut Buffer, more_columns: bool) {
    let d = &app.loaded.dossier;
    let m = &app.pages.matrix;
    let notes_top = inner
        .bottom()
        .saturating_sub(crate::app::matrix_note_rows(app.height) as u16);
    if notes_top <= inner.y {
        return;
    }
    let mut legend = Fitted::default();
    legend.push(
        "▲ demands  ✓ supports  ✗ opposes  ◐ conditional  ? unclear  · none",
        |_| theme.muted,
    );
    if more_columns {
        legend.push("   h/l scroll", |_| theme.key);
    }
    put(buf, inner.x, notes_top, inner.width as usize, legend);
    let (row, column) = app.pages.cursor;
    let (Some(&actor), Some(&point)) = (m.rows.get(row), m.columns.get(column)) else {
        return;
    };
    let point_title = sanitize_line(&d.sticking_points[point].title).into_owned();
    let actor_name = sanitize_line(&d.actors[actor].name).into_owned();
    let text = match m.cell(row, column) {
        Some(cell) => {
            let position = cell.position(d);
            let source = position
                .source
                .as_deref()
                .and_then(|id| app.loaded.index.source(id))
                .map_or_else(
                    || "cites no source".to_string(),
                    |s| format!("source: {}", d.sources[s].title),
                );
            format!(
                "{actor_name} {} on {point_title}: {} ({source})",
                position.stance,
                position.summary.trim()
            )
        }
        None => format!("{actor_name} holds no recorded position on {point_title}."),
    };
    let clean = sanitize_line(&text);
    let wrapped = textwrap::wrap(&clean, (inner.width as usize).max(10));
    for (n, line) in wrapped
        .iter()
        .take(crate::app::matrix_note_rows(app.height) - 1)
        .enumerate()
    {
        let mut f = Fitted::default();
        f.push(line, |_| Style::new());
        put(
            buf,
            inner.x,
            notes_top + 1 + n as u16,
            inner.width as usize,
            f,
        );
    }
}

fn timeline(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let t = &app.pages.timeline;
    let d = &app.loaded.dossier;
    let block = block(theme, format!(" Timeline: {} events ", t.rows.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    if t.rows.is_empty() {
        buf.set_stringn(
            inner.x,
            inner.y,
            "No events match the search.",
            inner.width as usize,
            theme.muted,
        );
        return;
    }
    let when_width = t.when_width();
    let offset = app.pages.timeline_offset;
    for (n, row) in t
        .rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(inner.height as usize)
    {
        let event = &d.events[row.event];
        let selected = n == app.pages.timeline_selected;
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let mut f = Fitted::default();
        f.push(if selected { "> " } else { "  " }, |_| base);
        f.push(&format!("{:when_width$}  ", row.when), |_| {
            base.patch(theme.label)
        });
        f.push(
            &format!(
                "{} {:9} ",
                status_marker(&event.status),
                event.status.as_str()
            ),
            |_| base,
        );
        f.push(&sanitize_line(&event.title), |_| {
            base.add_modifier(Modifier::BOLD)
        });
        let mut facts: Vec<String> = row.place.iter().cloned().collect();
        if !row.participants.is_empty() {
            facts.push(row.participants.join(", "));
        }
        if !facts.is_empty() {
            f.push(
                &format!(" — {}", sanitize_line(&facts.join(" · "))),
                |_| base.patch(theme.muted),
            );
        }
        put(
            buf,
            inner.x,
            inner.y + (n - offset) as u16,
            inner.width as usize,
            f,
        );
    }
    super::scrollbar(
        area,
        buf,
        t.rows.len(),
        inner.height as usize,
        offset,
        theme.border_focused,
    );
}

fn sources(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let d = &app.loaded.dossier;
    let block = block(theme, format!(" Sources: {} ", d.sources.len()));
    let inner = block.inner(area);
    block.render(area, buf);
    let list_rows = crate::app::source_list_rows(d.sources.len(), inner.height as usize + 2) as u16;
    let offset = app.pages.source_offset;
    for (n, source) in d
        .sources
        .iter()
        .enumerate()
        .skip(offset)
        .take(list_rows as usize)
    {
        let selected = n == app.pages.source_selected;
        let base = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let cited = app.loaded.index.source_citations[n].len();
        let mut f = Fitted::default();
        f.push(if selected { "> " } else { "  " }, |_| base);
        f.push(&sanitize_line(&source.title), |_| {
            base.add_modifier(Modifier::BOLD)
        });
        f.push(
            &format!("  {} · cited {cited} times", sanitize_line(&source.kind)),
            |_| base.patch(theme.muted),
        );
        put(
            buf,
            inner.x,
            inner.y + (n - offset) as u16,
            inner.width as usize,
            f,
        );
    }
    if d.sources.get(app.pages.source_selected).is_none() {
        return;
    }
    let top = inner.y + list_rows + 1;
    let count = app.loaded.index.source_citations[app.pages.source_selected].len();
    let mut heading = Fitted::default();
    let text = format!("Cited by {count} (j/k move, ←/→ another source, Enter opens):");
    heading.push(&text, |_| theme.label);
    put(
        buf,
        inner.x,
        top.min(inner.bottom().saturating_sub(1)),
        inner.width as usize,
        heading,
    );
    let citing = citations(d, &app.loaded.index, app.pages.source_selected);
    let offset = app.pages.citation_offset;
    for (n, citing) in citing.iter().enumerate().skip(offset) {
        let y = top + 1 + (n - offset) as u16;
        if y >= inner.bottom() {
            break;
        }
        let selected = n == app.pages.citation_selected;
        let style = if selected {
            theme.selected
        } else {
            Style::new()
        };
        let marker = if selected { "> " } else { "  " };
        let mut f = Fitted::default();
        f.push(&format!("{marker}{}", sanitize_line(&citing.label)), |_| {
            style
        });
        put(buf, inner.x, y, inner.width as usize, f);
    }
    super::scrollbar(
        area,
        buf,
        citing.len() + list_rows as usize + 2,
        inner.height as usize,
        offset,
        theme.border_focused,
    );
}
