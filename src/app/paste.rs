//! A paste (the terminal's bracketed paste): text put into whatever input is open, never
//! read as keys, so a line break in it submits nothing and a `q` in it quits nothing.

use super::{App, Mode};

/// Pasted text for a one-line input: each line break (CR LF counts as one), tab or other
/// control character becomes a space.
pub(crate) fn one_line(text: &str) -> String {
    line_feeds(text)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Pasted text for the note editor: line breaks stay (CR LF and CR become LF), any other
/// control character becomes a space.
pub(crate) fn multi_line(text: &str) -> String {
    line_feeds(text)
        .chars()
        .map(|c| if c.is_control() && c != '\n' { ' ' } else { c })
        .collect()
}

fn line_feeds(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Puts `text` into the input the mode has open; while browsing, opens the search bar
/// with it (a query there is remembered in the history first, so nothing is lost).
pub(super) fn paste(app: &mut App, text: &str) {
    match app.mode {
        Mode::Browse if text.is_empty() => {}
        Mode::Browse => {
            if !app.query.text().is_empty() {
                app.remember_query();
            }
            app.query.input.set("");
            app.mode = Mode::Search;
            into_search(app, text);
        }
        Mode::Search => into_search(app, text),
        Mode::Help => {
            app.help.filter.insert_str(&one_line(text));
            app.help.scroll = 0;
        }
        Mode::Export => {
            if let Some(prompt) = &mut app.export {
                prompt.input.insert_str(&one_line(text));
            }
        }
        Mode::Init => {
            if let Some((input, _)) = &mut app.init {
                input.insert_str(&one_line(text));
            }
        }
        Mode::SaveSearch => {
            if let Some(prompt) = &mut app.name_prompt {
                prompt.input.insert_str(&one_line(text));
            }
        }
        Mode::Searches => {
            if let Some(picker) = &mut app.search_picker {
                picker.filter.insert_str(&one_line(text));
                picker.selected = 0;
            }
        }
        Mode::Note => {
            if let Some(editor) = &mut app.note_editor {
                editor.input.insert_str(&multi_line(text));
            }
        }
        // Nothing to type into: a yes/no question, the overview.
        Mode::ConfirmOverwrite | Mode::Overview => {}
    }
}

fn into_search(app: &mut App, text: &str) {
    app.query.input.insert_str(&one_line(text));
    app.query.history.stop_browsing();
    app.apply_query();
}
