//! The one-line bars: header, search bar, tabs (narrow screens) and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::text::Fitted;
use super::theme::Theme;
use crate::action::{Focus, Mode};
use crate::app::App;
use crate::keymap::Keymap;
use crate::model::EntityKind;
use crate::text::sanitize_line;

pub(super) fn header(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(error) = app.reload_error() {
        // The point first (what failed and why); what is shown instead if there is room.
        let mut banner = Fitted::default();
        let label = if area.width >= 60 {
            " ⚠ Reload failed "
        } else {
            " ⚠ "
        };
        banner.push(label, |_| theme.error.add_modifier(Modifier::REVERSED));
        banner.push(&format!(" {}", sanitize_line(error)), |_| theme.error);
        let kept = " · showing the last good dossier";
        if banner.width + kept.chars().count() <= area.width as usize {
            banner.push(kept, |_| theme.muted);
        }
        banner.truncate(area.width as usize);
        buf.set_line(area.x, area.y, &Line::from(banner.into_spans()), area.width);
        return;
    }
    if let Some(error) = &app.notes().error {
        return super::note_editor::notes_banner(error, theme, area, buf);
    }
    let file = shown_file(&app.loaded().name, app.watched(), area.width as usize / 4);
    if super::seen::header(app, theme, (area, buf), &file) {
        return;
    }
    let d = &app.loaded().dossier;
    let count = crate::text::count_of;
    let counts = format!(
        " {} · {} · {} · {} ",
        count(d.actors.len(), "actor", "actors"),
        count(d.events.len(), "event", "events"),
        count(d.sticking_points.len(), "point", "points"),
        count(d.places.len(), "place", "places")
    );
    let width = area.width as usize;
    let mut left = Fitted::default();
    left.push(" talks ", |_| theme.header.add_modifier(Modifier::REVERSED));
    left.push(" ", |_| Style::new());
    let file = shown_file(&app.loaded().name, app.watched(), width * 2 / 5);
    left.push(&file, |_| theme.label);
    left.push(" · ", |_| theme.muted);
    left.push(&sanitize_line(&d.title), |_| theme.header);
    let counts_width = crate::text::width(counts.as_str());
    let room_for_counts = width >= left.width + counts_width + 2;
    left.truncate(if room_for_counts {
        width - counts_width
    } else {
        width
    });
    buf.set_line(area.x, area.y, &Line::from(left.into_spans()), area.width);
    if room_for_counts {
        let x = area.x + (width - counts_width) as u16;
        buf.set_stringn(x, area.y, &counts, counts_width, theme.muted);
    }
}

/// The dossier's file as the header names it: its last part (the folders are in the
/// overview), "(watched)" under `--watch`, cut in the middle to `most` columns.
fn shown_file(name: &str, watched: bool, most: usize) -> String {
    if name == crate::model::BUILTIN_NAME {
        return "built in".into();
    }
    let base = std::path::Path::new(name)
        .file_name()
        .map_or_else(|| name.into(), |n| n.to_string_lossy());
    let mut shown = sanitize_line(&base).into_owned();
    if watched {
        shown.push_str(" (watched)");
    }
    crate::text::cut_middle(&shown, most.max(8)).into_owned()
}

pub(crate) fn search_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let searching = app.mode() == Mode::Search;
    let query = app.query().input();
    let width = area.width as usize;
    let mut line = Fitted::default();
    let prompt_style = if searching {
        theme.title_focused
    } else {
        theme.key
    };
    line.push(" / ", |_| prompt_style);
    if query.text.is_empty() && !searching {
        line.push("search: words, \"phrases\", filters (? for help)", |_| {
            theme.muted
        });
    } else {
        let text = sanitize_line(&query.text).into_owned();
        // A query longer than the bar scrolls to keep the cursor in view.
        let room = width.saturating_sub(line.width + 1);
        let skip = if searching {
            super::text::scroll_to_cursor(&text, query.cursor, room)
        } else {
            0
        };
        if skip > 0 {
            line.push("…", |_| theme.muted);
        }
        let text: String = text.chars().skip(skip).collect();
        let cursor = query.cursor.saturating_sub(skip);
        line.push(&text, |i| {
            if searching && i == cursor {
                Style::new().add_modifier(Modifier::REVERSED)
            } else {
                Style::new()
            }
        });
        if searching && cursor >= query.text.chars().count() {
            line.push(" ", |_| Style::new().add_modifier(Modifier::REVERSED));
        }
    }
    let mut hint_fitted = search_hint(app, theme);
    line.truncate(width);
    hint_fitted.truncate(width.saturating_sub(line.width));
    let mut spans = line.into_spans();
    spans.extend(hint_fitted.into_spans());
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// What the search bar says after the query: why it cannot be read, that a search runs,
/// or that nothing matches (and the nearest word).
fn search_hint(app: &App, theme: &Theme) -> Fitted {
    let query = app.query().input();
    // While the query cannot be read, the lists keep the results of the last one that
    // could: the hint says which.
    let shown = app.query().answered();
    let hint = app.query().error().map(|e| {
        let lists = if shown.is_empty() {
            String::new()
        } else {
            format!(" (the lists show \"{}\")", sanitize_line(shown))
        };
        format!("  ⚠ {}{lists}", sanitize_line(e))
    });
    let mut hint_fitted = Fitted::default();
    if let Some(hint) = &hint {
        hint_fitted.push(hint, |_| theme.error);
    } else if app.query().pending() {
        hint_fitted.push("  searching…", |_| theme.muted);
    } else if let [first, ..] = app.results().suggestions() {
        hint_fitted.push("  nothing matches; did you mean ", |_| theme.muted);
        hint_fitted.push(&sanitize_line(first), |_| theme.matched);
        hint_fitted.push("?", |_| theme.muted);
    } else if app.results().total() == 0 && !query.text.is_empty() {
        hint_fitted.push("  nothing matches", |_| theme.muted);
    }
    hint_fitted
}

/// A tab's label on narrow screens, and a shorter one.
fn tab_label(focus: Focus) -> (&'static str, &'static str) {
    match focus {
        Focus::List(EntityKind::Actor) => ("Actors", "Act"),
        Focus::List(EntityKind::Event) => ("Events", "Ev"),
        Focus::List(EntityKind::StickingPoint) => ("Points", "Pts"),
        Focus::List(EntityKind::Place) => ("Places", "Pl"),
        Focus::List(EntityKind::Source) => ("Sources", "Src"),
        Focus::Detail => ("Detail", "Detail"),
    }
}

/// The tabs' texts: with the lists' counts when they fit ("Actors 15", else "Act 15"),
/// else the names alone.
fn tab_texts(app: &App, width: u16) -> Vec<(Focus, String)> {
    let count = |focus: Focus| match focus {
        Focus::List(kind) => format!(" {}", app.results().count(kind)),
        Focus::Detail => String::new(),
    };
    let forms: [&dyn Fn(Focus) -> String; 3] = [
        &|f| format!("{}{}", tab_label(f).0, count(f)),
        &|f| format!("{}{}", tab_label(f).1, count(f)),
        &|f| tab_label(f).0.to_string(),
    ];
    let texts = |form: &dyn Fn(Focus) -> String| -> Vec<(Focus, String)> {
        Focus::ORDER.iter().map(|&f| (f, form(f))).collect()
    };
    // Each tab takes its text, a space before it and a bar after it.
    let fits = |texts: &[(Focus, String)]| {
        texts
            .iter()
            .map(|(_, t)| t.chars().count() + 2)
            .sum::<usize>()
            <= width as usize
    };
    forms
        .iter()
        .map(|form| texts(*form))
        .find(|t| fits(t))
        .unwrap_or_else(|| texts(forms[2]))
}

/// The column span of each tab: (focus, first column, width), and its text.
pub(crate) fn tab_spans(app: &App, width: u16) -> Vec<(Focus, u16, u16, String)> {
    let mut x = 0u16;
    let mut spans = Vec::new();
    for (focus, text) in tab_texts(app, width) {
        let w = text.chars().count() as u16 + 1;
        if x + w > width {
            break;
        }
        spans.push((focus, x, w, text));
        x += w + 1;
    }
    spans
}

pub(super) fn tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (focus, x, w, label) in tab_spans(app, area.width) {
        let style = if app.focus() == focus {
            theme.title_focused.add_modifier(Modifier::REVERSED)
        } else {
            theme.title
        };
        buf.set_stringn(area.x + x, area.y, format!(" {label}"), w as usize, style);
        if x + w < area.width {
            buf.set_stringn(area.x + x + w, area.y, "│", 1, theme.border);
        }
    }
}

pub(crate) fn status_bar(app: &App, keymap: &Keymap, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let mut line = Fitted::default();
    let prompting = matches!(app.mode(), Mode::Export | Mode::ConfirmOverwrite);
    if prompting && super::prompts::export_prompt(app, theme, width, &mut line) {
        // The prompt takes the whole bar.
    } else if (app.mode() == Mode::SaveSearch
        && super::searches::name_prompt(app, theme, &mut line))
        || (app.mode() == Mode::Init && super::prompts::init_prompt(app, theme, width, &mut line))
    {
        // So do these prompts.
    } else if let Some(status) = app.status() {
        super::status_lines::draw_status(&sanitize_line(status), theme.title_focused, area, buf);
        return;
    } else {
        for (key, label) in super::hints::hints(app, keymap, width) {
            line.push(&format!(" {key}"), |_| theme.key);
            line.push(&format!(" {label} "), |_| theme.muted);
        }
    }
    line.truncate(width);
    buf.set_line(area.x, area.y, &Line::from(line.into_spans()), area.width);
}
