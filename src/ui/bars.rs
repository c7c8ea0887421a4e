//! The one-line bars: header, search bar, tabs (narrow screens) and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::text::Fitted;
use super::theme::Theme;
use crate::action::{Action, Focus, Mode};
use crate::app::App;
use crate::keymap::{Context, Keymap, contexts, key_name};
use crate::model::EntityKind;
use crate::text::sanitize_line;

pub fn header(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if let Some(error) = app.reload_error() {
        let mut banner = Fitted::default();
        banner.push(
            " ⚠ Reload failed, showing the last good dossier: ",
            |_| theme.error.add_modifier(Modifier::REVERSED),
        );
        banner.push(&format!(" {}", sanitize_line(error)), |_| theme.error);
        banner.truncate(area.width as usize);
        buf.set_line(area.x, area.y, &Line::from(banner.into_spans()), area.width);
        return;
    }
    let d = &app.loaded().dossier;
    let counts = format!(
        " {} actors · {} events · {} points · {} places ",
        d.actors.len(),
        d.events.len(),
        d.sticking_points.len(),
        d.places.len()
    );
    let width = area.width as usize;
    let mut left = Fitted::default();
    left.push(" talks ", |_| theme.header.add_modifier(Modifier::REVERSED));
    left.push(" ", |_| Style::new());
    left.push(&sanitize_line(&d.title), |_| theme.header);
    let counts_width = unicode_width::UnicodeWidthStr::width(counts.as_str());
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
        let cursor = query.cursor;
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
    line.truncate(width);
    hint_fitted.truncate(width.saturating_sub(line.width));
    let mut spans = line.into_spans();
    spans.extend(hint_fitted.into_spans());
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// A tab's label on narrow screens.
fn tab_label(focus: Focus) -> &'static str {
    match focus {
        Focus::List(EntityKind::Actor) => "Actors",
        Focus::List(EntityKind::Event) => "Events",
        Focus::List(EntityKind::StickingPoint) => "Points",
        Focus::List(EntityKind::Place) => "Places",
        Focus::Detail => "Detail",
    }
}

/// The column span of each tab: (focus, first column, width).
pub(crate) fn tab_spans(width: u16) -> Vec<(Focus, u16, u16)> {
    let mut x = 0u16;
    let mut spans = Vec::new();
    for focus in Focus::ORDER {
        let w = tab_label(focus).len() as u16 + 1;
        if x + w > width {
            break;
        }
        spans.push((focus, x, w));
        x += w + 1;
    }
    spans
}

pub fn tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    for (focus, x, w) in tab_spans(area.width) {
        let label = tab_label(focus);
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

/// The actions the status bar names in a context, with their short labels.
fn wanted_hints(context: Context) -> &'static [(Action, &'static str)] {
    match context {
        Context::Search => &[
            (Action::FinishSearch, "keep filter"),
            (Action::Escape, "clear"),
            (Action::HistoryPrevious, "history"),
        ],
        Context::Help => &[(Action::Escape, "close"), (Action::Down, "scroll")],
        Context::Pages => &[
            (Action::Down, "move"),
            (Action::Activate, "open"),
            (Action::Escape, "lists"),
        ],
        Context::Detail => &[
            (Action::NextLink, "next link"),
            (Action::Activate, "follow"),
            (Action::SwitchPane, "list"),
        ],
        Context::Lists => &[
            (Action::Down, "move"),
            (Action::Activate, "links"),
            (Action::NextPane, "pane"),
        ],
        Context::Anywhere => &[
            (Action::Back, "back"),
            (Action::StartSearch, "search"),
            (Action::ToggleHelp, "help"),
            (Action::Quit, "quit"),
        ],
        Context::Export | Context::Overwrite => &[],
    }
}

/// The key hints that matter in the current mode, taken from the keymap: the most specific
/// context's, then those that work anywhere.
fn hints(app: &App, keymap: &Keymap) -> Vec<(String, &'static str)> {
    let mut hints = Vec::new();
    for &context in contexts(app.mode(), app.focus(), app.page()) {
        for (action, label) in wanted_hints(context) {
            let key = keymap
                .entries
                .iter()
                .find(|b| b.context == context && b.action == *action)
                .and_then(|b| b.keys.first());
            if let Some(&key) = key {
                hints.push((key_name(key), *label));
            }
        }
    }
    hints
}

/// The export prompt, or the overwrite question, in the status bar's place.
fn export_prompt(app: &App, theme: &Theme, line: &mut Fitted) -> bool {
    let Some(prompt) = app.export_prompt() else {
        return false;
    };
    let name = sanitize_line(&prompt.input.text).into_owned();
    if app.mode() == Mode::ConfirmOverwrite {
        line.push(&format!(" {name} already exists. Overwrite it? "), |_| {
            theme.error
        });
        line.push("y", |_| theme.key);
        line.push(" yes  ", |_| theme.muted);
        line.push("n", |_| theme.key);
        line.push(" no", |_| theme.muted);
        return true;
    }
    let what = match prompt.scope {
        crate::export::Scope::Briefing => " Export the briefing to: ",
        crate::export::Scope::View(_) => " Export this view to: ",
        crate::export::Scope::Matrix { .. } => " Export the matrix to: ",
        crate::export::Scope::Timeline { .. } => " Export the timeline to: ",
        crate::export::Scope::Sources { .. } => " Export the sources to: ",
        crate::export::Scope::Marked(_) => " Export the marked entities to: ",
    };
    line.push(what, |_| theme.label);
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
            line.push("  Tab", |_| theme.key);
            line.push(" format  ", |_| theme.muted);
            line.push("Enter", |_| theme.key);
            line.push(" write  ", |_| theme.muted);
            line.push("Esc", |_| theme.key);
            line.push(" cancel", |_| theme.muted);
        }
    }
    true
}

pub(crate) fn status_bar(app: &App, keymap: &Keymap, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let width = area.width as usize;
    let mut line = Fitted::default();
    let prompting = matches!(app.mode(), Mode::Export | Mode::ConfirmOverwrite);
    if prompting && export_prompt(app, theme, &mut line) {
        // The prompt takes the whole bar.
    } else if let Some(status) = app.status() {
        line.push(&format!(" {}", sanitize_line(status)), |_| {
            theme.title_focused
        });
    } else {
        for (key, label) in hints(app, keymap) {
            line.push(&format!(" {key}"), |_| theme.key);
            line.push(&format!(" {label} "), |_| theme.muted);
        }
    }
    line.truncate(width);
    buf.set_line(area.x, area.y, &Line::from(line.into_spans()), area.width);
}
