//! A paste (the terminal's bracketed paste): text put into whatever input is open, never
//! read as keys, so a line break in it submits nothing and a `q` in it quits nothing.

use super::{App, Overlay};

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

/// Puts `text` into the input the overlay has open; while browsing, opens the search bar
/// with it (a query there is remembered in the history first, so nothing is lost).
pub(super) fn paste(app: &mut App, text: &str) {
    let line = one_line(text);
    match &mut app.overlay {
        Overlay::Closed if text.is_empty() => {}
        Overlay::Closed => {
            if !app.query.text().is_empty() {
                app.remember_query();
            }
            app.query.input.set("");
            app.overlay = Overlay::Search;
            into_search(app, text);
        }
        Overlay::Search => into_search(app, text),
        Overlay::Help(help) => {
            help.filter.insert_str(&line);
            help.scroll = 0;
        }
        Overlay::Export {
            prompt,
            overwrite_question: false,
        } => prompt.input.insert_str(&line),
        Overlay::Init(prompt) => prompt.input.insert_str(&line),
        Overlay::SaveSearch(prompt) => prompt.input.insert_str(&line),
        Overlay::Searches(picker) => {
            picker.filter.insert_str(&line);
            picker.selected = 0;
        }
        Overlay::Note(editor) => editor.input.insert_str(&multi_line(text)),
        // Nothing to type into: a yes/no question, the overview.
        Overlay::Export {
            overwrite_question: true,
            ..
        }
        | Overlay::Overview { .. } => {}
    }
}

fn into_search(app: &mut App, text: &str) {
    app.query.input.insert_str(&one_line(text));
    app.query.history.stop_browsing();
    app.apply_query();
}
