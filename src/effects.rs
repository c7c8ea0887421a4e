//! Carries out the effects `update` asks for (writing an export, copying to the clipboard)
//! and reports each back as an action. This is the explorer's only I/O besides the screen.

use std::io::Write;

use crossterm::clipboard::CopyToClipboard;

use crate::app::{Action, App, Effect};
use crate::export::{render, timestamp_now, write_atomic};

/// Performs `effect` against the real file system and terminal.
pub fn perform(app: &App, effect: Effect, terminal: &mut impl Write) -> Action {
    match effect {
        Effect::Export {
            path,
            format,
            scope,
            overwrite,
        } => {
            let text = render(&app.loaded, &scope, Some(&timestamp_now()), format);
            Action::ExportFinished(write_atomic(&path, text.as_bytes(), overwrite))
        }
        Effect::Copy { text, name } => {
            let copied = crossterm::execute!(terminal, CopyToClipboard::to_clipboard_from(text));
            Action::Copied(copied.map(|()| name).map_err(|err| err.to_string()))
        }
        // The explorer hands searches to its worker thread; run here, one waits for it.
        Effect::Search(request) => Action::SearchFinished(Box::new(request.finish())),
    }
}
