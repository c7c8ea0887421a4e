//! The overview of the dossier (`i`): its title, summary, file, counts and sources, in a
//! box over the screen.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::app::App;
use crate::text::sanitize_line;

pub(crate) struct OverviewOverlay<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
}

/// `text` wrapped to `width` under `indent` spaces, in `style`.
fn wrapped(text: &str, width: usize, indent: usize, style: Style) -> Vec<Line<'static>> {
    let clean = sanitize_line(text.trim());
    let pad = " ".repeat(indent);
    crate::text::wrap(&clean, width.saturating_sub(indent).max(10))
        .into_iter()
        .map(|piece| Line::from(Span::styled(format!("{pad}{piece}"), style)))
        .collect()
}

/// A line of the overview that is part of a web address: its line, first column, width
/// and the whole address (to draw it as a hyperlink).
struct UrlPiece {
    line: usize,
    column: u16,
    width: u16,
    url: String,
}

/// Columns a source's address is indented by, under its title.
const URL_INDENT: usize = 4;

impl OverviewOverlay<'_> {
    /// Every line of the overview at `width` columns.
    pub(crate) fn lines(&self, width: usize) -> Vec<Line<'static>> {
        self.content(width).0
    }

    /// The overview's lines at `width` columns, and where the sources' addresses are.
    fn content(&self, width: usize) -> (Vec<Line<'static>>, Vec<UrlPiece>) {
        let (app, theme) = (self.app, self.theme);
        let d = &app.loaded().dossier;
        let mut lines = wrapped(&d.title, width, 0, theme.header);
        lines.push(Line::default());
        match d.summary.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(summary) => lines.extend(wrapped(summary, width, 0, Style::new())),
            None => lines.push(Line::from(Span::styled("(no summary)", theme.muted))),
        }
        lines.push(Line::default());
        let loaded = app.loaded();
        let file = if loaded.is_builtin() {
            "Built into talks: o writes a copy of it to edit".to_string()
        } else {
            let what = if loaded.is_folder() { "Folder" } else { "File" };
            let watched = match (app.watched(), loaded.is_folder()) {
                (true, _) => "watched: talks reloads it when it changes (F stops)",
                (false, true) => {
                    "not watched (F, or talks --watch DIR, reloads it when it changes)"
                }
                (false, false) => {
                    "not watched (F, or talks --watch FILE, reloads it when it changes)"
                }
            };
            format!("{what}: {} · {watched}", loaded.name)
        };
        lines.extend(wrapped(&file, width, 0, theme.label));
        if let Some(said) = app.editor_said() {
            lines.extend(wrapped(said, width, 0, theme.label));
        }
        // The banner's line is cut on a narrow screen: here it is whole.
        if let Some(error) = app.reload_error() {
            let said =
                format!("The last reload failed (the dossier shown is the last good one): {error}");
            lines.extend(wrapped(&said, width, 0, theme.error));
        }
        let count = crate::text::count_of;
        let counts = format!(
            "{} · {} · {} · {} · {}",
            count(d.actors.len(), "actor", "actors"),
            count(d.events.len(), "event", "events"),
            count(d.sticking_points.len(), "sticking point", "sticking points"),
            count(d.places.len(), "place", "places"),
            count(d.sources.len(), "source", "sources")
        );
        lines.extend(wrapped(&counts, width, 0, theme.label));
        if let Some(said) = app.comparison_said() {
            lines.extend(wrapped(&said, width, 0, theme.label));
        }
        lines.extend(notes_lines(app, width, theme));
        lines.push(Line::default());
        let pieces = sources_lines(&d.sources, width, theme, &mut lines);
        if let Some(said) = claims_said(&loaded.dossier, &loaded.index) {
            lines.push(Line::default());
            lines.extend(wrapped(&said, width, 0, theme.label));
        }
        (lines, pieces)
    }
}

/// The sources, numbered, each with its address on lines of its own; where the address
/// lines are.
fn sources_lines(
    sources: &[crate::model::Source],
    width: usize,
    theme: &Theme,
    lines: &mut Vec<Line<'static>>,
) -> Vec<UrlPiece> {
    lines.push(Line::from(Span::styled("Sources", theme.label)));
    let mut pieces = Vec::new();
    for (n, source) in sources.iter().enumerate() {
        let mut text = format!("[{}] {} ({})", n + 1, source.title, source.kind);
        for extra in [&source.publisher, &source.published].into_iter().flatten() {
            text.push_str(&format!(" · {extra}"));
        }
        lines.extend(wrapped(&text, width, 2, Style::new()));
        if let Some(url) = &source.url {
            pieces.extend(url_lines(url, width, lines, theme.link));
        }
    }
    pieces
}

/// A source's address under it, wrapped only after a `/`, each line pushed to `lines`.
fn url_lines(
    url: &str,
    width: usize,
    lines: &mut Vec<Line<'static>>,
    style: Style,
) -> Vec<UrlPiece> {
    let clean = sanitize_line(url.trim());
    let room = width.saturating_sub(URL_INDENT).max(10);
    let pad = " ".repeat(URL_INDENT);
    let mut pieces = Vec::new();
    for piece in crate::text::wrap_url(&clean, room) {
        pieces.push(UrlPiece {
            line: lines.len(),
            column: URL_INDENT as u16,
            width: crate::text::width(&piece) as u16,
            url: url.trim().to_string(),
        });
        lines.push(Line::from(Span::styled(format!("{pad}{piece}"), style)));
    }
    pieces
}

/// How many sources the positions and quotes rest on, said once: the whole dossier on
/// one source, every claim on a single one, or how many claims have one, more, none.
fn claims_said(d: &crate::model::Dossier, index: &crate::model::Index) -> Option<String> {
    let positions = d.sticking_points.iter().flat_map(|p| &p.positions);
    let quotes = d.events.iter().flat_map(|e| &e.quotes);
    let counts: Vec<usize> = positions
        .map(|p| p.all_sources().len())
        .chain(quotes.map(|q| q.all_sources().len()))
        .collect();
    let unsourced = counts.iter().filter(|&&n| n == 0).count();
    let none = match unsourced {
        0 => String::new(),
        n => format!(" ({} no source)", crate::text::count_of(n, "cites", "cite")),
    };
    if let Some(s) = index.claims_source() {
        let title = &d.sources[s].title;
        return Some(format!(
            "Every position and quote here rests on one source: {title}{none}."
        ));
    }
    let one = counts.iter().filter(|&&n| n == 1).count();
    let more = counts.iter().filter(|&&n| n > 1).count();
    if more == 0 && one > 0 {
        return Some(format!(
            "Every position and quote here rests on a single source; none is backed by a \
             second{none}."
        ));
    }
    (!counts.is_empty()).then(|| {
        format!(
            "Positions and quotes: {one} on one source, {more} on more than one, {unsourced} on \
             none (sources:1 finds those on one)"
        )
    })
}

/// Your notes: how many, where they are kept, and those on entities gone from the dossier.
fn notes_lines(app: &App, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let state = app.notes();
    let notes = &state.notes;
    if notes.is_empty() && state.error.is_none() {
        return Vec::new();
    }
    let where_ = state.path.as_deref().map_or_else(
        || "for this session only".to_string(),
        |p| format!("in {}", crate::text::shown_path(p)),
    );
    let text = format!(
        "Your notes: {} · {} starred · {} saved search{} · {where_}",
        crate::text::count_of(notes.notes.len(), "note", "notes"),
        notes.stars.len(),
        notes.searches.len(),
        if notes.searches.len() == 1 { "" } else { "es" }
    );
    let mut lines = wrapped(&text, width, 0, theme.label);
    let (dossier, index) = (&app.loaded().dossier, &app.loaded().index);
    let orphans = notes.orphaned_notes(dossier, index).len();
    if orphans > 0 {
        let text = format!(
            "{} on entities no longer in the dossier (kept; talks notes --orphans lists them)",
            crate::text::count_of(orphans, "note", "notes")
        );
        lines.extend(wrapped(&text, width, 2, theme.error));
    }
    lines
}

/// How far the overview can scroll in `area` (the whole screen).
pub(crate) fn scroll_limit(overlay: &OverviewOverlay, area: Rect) -> usize {
    super::help::overlay_scroll_limit(area, |width| overlay.lines(width).len())
}

impl Widget for &OverviewOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let mut pieces = Vec::new();
        let shown = super::help::render_overlay(
            super::help::OverlayFrame {
                title: " Overview (i or Esc closes) ",
                theme: self.theme,
                scroll: self.app.overview_scroll(),
            },
            |width| {
                let (lines, urls) = self.content(width);
                pieces = urls;
                lines
            },
            area,
            buf,
        );
        let Some((inner, scroll)) = shown.filter(|_| self.app.hyperlinks()) else {
            return;
        };
        for piece in pieces {
            let Some(row) = piece.line.checked_sub(scroll) else {
                continue;
            };
            if row < inner.height as usize {
                let at = (inner.x + piece.column, inner.y + row as u16);
                let width = piece.width.min(inner.width.saturating_sub(piece.column));
                super::hyperlink::link(buf, at, width, &piece.url);
            }
        }
    }
}
