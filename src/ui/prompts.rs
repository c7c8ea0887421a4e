//! The prompts that take the status bar's place: the export prompt (and its overwrite
//! question) and the prompt for a copy of the built-in dossier.

use ratatui::style::{Modifier, Style};

use super::text::Fitted;
use super::theme::Theme;
use crate::action::Mode;
use crate::app::App;
use crate::app::input::TextInput;
use crate::text::sanitize_line;

/// The export prompt, or the overwrite question, in the status bar's place.
pub(super) fn export_prompt(app: &App, theme: &Theme, width: usize, line: &mut Fitted) -> bool {
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
        crate::export::Scope::Briefing => " Export the brief to: ",
        crate::export::Scope::View(_) => " Export this view to: ",
        crate::export::Scope::Matrix { .. } => " Export the matrix to: ",
        crate::export::Scope::Timeline { .. } => " Export the timeline to: ",
        crate::export::Scope::Sources { .. } => " Export the sources to: ",
        crate::export::Scope::Marked(_) => " Export the marked entities to: ",
        crate::export::Scope::Detail(_) => " Export this detail to: ",
        crate::export::Scope::Found { .. } => " Export what was found to: ",
    };
    // Under 100 columns the name and the keys need the room more than the sentence does.
    let what = if width < 100 { " Export to: " } else { what };
    line.push(what, |_| theme.label);
    push_file_name(line, &prompt.input, theme, width);
    match &prompt.error {
        Some(error) => line.push(&format!("  ⚠ {}", sanitize_line(error)), |_| theme.error),
        None => {
            line.push(&format!("  → {}", written_as(app, prompt)), |_| {
                theme.label
            });
            if prompt.notes {
                line.push(" with your notes", |_| theme.label);
            }
            let brief = prompt.scope == crate::export::Scope::Briefing;
            if brief && prompt.single_source {
                line.push(" + appendix", |_| theme.label);
            }
            if !app.notes().notes.is_empty() {
                line.push("  Ctrl-n", |_| theme.key);
                line.push(" notes", |_| theme.muted);
            }
            line.push("  Tab", |_| theme.key);
            line.push(" format  ", |_| theme.muted);
            line.push("Enter", |_| theme.key);
            line.push(" write  ", |_| theme.muted);
            line.push("Esc", |_| theme.key);
            line.push(" cancel", |_| theme.muted);
            if brief {
                line.push("  Ctrl-o", |_| theme.key);
                line.push(" appendix", |_| theme.muted);
            }
        }
    }
    true
}

/// The format Enter writes, and for plain text how its lines are cut.
fn written_as(app: &App, prompt: &crate::app::ExportPrompt) -> String {
    match prompt.format_written() {
        _ if prompt.paragraphs_written() => "plain text, a paragraph a line".into(),
        crate::export::Format::Text => {
            let width = Some(app.export_width()).filter(|w| *w > 0);
            let width = width.unwrap_or(crate::export::DEFAULT_WIDTH);
            format!("plain text at {width} columns")
        }
        format => format.describe().into(),
    }
}

/// A file name being typed, with its cursor; one longer than the bar scrolls to keep the
/// cursor in view.
fn push_file_name(line: &mut Fitted, input: &TextInput, theme: &Theme, width: usize) {
    let name = sanitize_line(&input.text).into_owned();
    let room = width.saturating_sub(line.width + 1);
    let skip = super::text::scroll_to_cursor(&name, input.cursor, room);
    if skip > 0 {
        line.push("…", |_| theme.muted);
    }
    let shown: String = name.chars().skip(skip).collect();
    let cursor = input.cursor.saturating_sub(skip);
    line.push(&shown, |i| {
        if i == cursor {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new()
        }
    });
    if input.cursor >= input.text.chars().count() {
        line.push(" ", |_| Style::new().add_modifier(Modifier::REVERSED));
    }
}

/// `o` on the built-in dossier: where to write an editable copy.
pub(super) fn init_prompt(app: &App, theme: &Theme, width: usize, line: &mut Fitted) -> bool {
    let Some((input, error)) = app.init_prompt() else {
        return false;
    };
    // The keys keep their room: the words give way first.
    let what = match width {
        0..50 => " To: ",
        50..60 => " Copy to: ",
        60..100 => " Editable copy to: ",
        _ => " Read-only: write an editable copy to: ",
    };
    let enter = if width < 60 {
        " write "
    } else {
        " write and edit  "
    };
    line.push(what, |_| theme.label);
    push_file_name(line, input, theme, width);
    match error {
        Some(error) => line.push(&format!("  ⚠ {}", sanitize_line(error)), |_| theme.error),
        None => {
            line.push("  Enter", |_| theme.key);
            line.push(enter, |_| theme.muted);
            line.push("Esc", |_| theme.key);
            line.push(" cancel", |_| theme.muted);
        }
    }
    true
}
