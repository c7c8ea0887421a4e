//! Carries out the effects `update` asks for (writing an export or the query history,
//! copying to the clipboard, a search for the worker thread). Writes and copies report back at once with an action;
//! a search reports later, through the worker. This is the explorer's only I/O besides the
//! screen.

use std::io::Write;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::export::{render, timestamp_now, write_atomic};
use crate::search::SearchWorker;

/// Performs `effect` against the real file system and terminal; the action that reports
/// it, unless it reports later (a search).
pub fn perform(
    app: &App,
    effect: Effect,
    terminal: &mut impl Write,
    searcher: &SearchWorker,
    copy_command: Option<&[String]>,
) -> Option<Action> {
    Some(match effect {
        Effect::Export {
            path,
            format,
            scope,
            overwrite,
        } => {
            let text = render(app.loaded(), &scope, Some(&timestamp_now()), format);
            // `~/briefs/x.md` as a shell reads it: the prompt is where paths are typed.
            let path = crate::config::expand_home(&path, std::env::var_os("HOME"));
            Action::ExportFinished(write_atomic(&path, text.as_bytes(), overwrite))
        }
        Effect::Copy { text, name } => {
            let copied = crate::clipboard::copy(&text, terminal, copy_command);
            Action::Copied(copied.map(|by| (name, by)))
        }
        Effect::Search(request) => {
            searcher.submit(request);
            return None;
        }
        Effect::SaveHistory { path, entries } => {
            let saved = crate::history_file::write(&path, &entries);
            return saved.err().map(Action::HistoryNotSaved);
        }
        // The event loop suspends: it owns the terminal, which must be redrawn whole after.
        Effect::Suspend => return None,
    })
}
