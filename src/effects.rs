//! Carries out the effects `update` asks for (writing an export or the query history,
//! copying to the clipboard, a search for the worker thread). Writes and copies report back at once with an action;
//! a search reports later, through the worker. This is the explorer's only I/O besides the
//! screen.

use std::io::Write;

use crate::action::Action;
use crate::app::{App, Effect};
use crate::export::{ExportOptions, render_with, timestamp_now};
use crate::fsio::write_out;
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
            notes,
        } => {
            let stamp = timestamp_now();
            let options = ExportOptions {
                width: app.export_width(),
                notes: notes.then_some(&app.notes().notes),
                ..ExportOptions::new(format, Some(&stamp))
            };
            let mut text = render_with(app.loaded(), &scope, &options);
            // With --since, as `talks export --since` writes it.
            if let Some(old) = app.since_loaded() {
                text = crate::export::with_changes(text, (old, app.loaded()), &scope, format);
            }
            // `~/briefs/x.md` as a shell reads it: the prompt is where paths are typed.
            let path = crate::config::expand_home(&path, std::env::var_os("HOME"));
            Action::ExportFinished(write_out(&path, text.as_bytes(), overwrite))
        }
        Effect::Copy { text, name } => {
            let copied = crate::clipboard::copy(&text, terminal, copy_command);
            Action::Copied(copied.map(|by| (name, by)))
        }
        Effect::Search(request) => {
            searcher.submit(request);
            return None;
        }
        Effect::SaveHistory { file, entries } => match crate::history_file::save(&file, &entries) {
            Ok(file) => Action::HistorySaved(file),
            Err(why) => Action::HistoryNotSaved(why),
        },
        Effect::SaveNotes {
            path,
            base,
            notes,
            read,
        } => Action::NotesSaved(crate::notes::file::save(&path, &base, &notes, read)),
        // The event loop suspends or hands the terminal to the editor: it owns the
        // terminal, which must be redrawn whole after.
        Effect::Suspend | Effect::Edit { .. } | Effect::EditNote { .. } | Effect::Init { .. } => {
            return None;
        }
    })
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use crate::app::Options;
    use crate::export::{Format, Scope};

    /// `e` writes text at the config's `export_width`: 0 leaves a paragraph a line.
    #[test]
    fn the_explorer_s_text_export_takes_the_configured_width() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let searcher = SearchWorker::start(|_| {});
        let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
        let longest = |export_width| {
            let options = Options {
                export_width,
                ..Options::sized(80, 24)
            };
            let app = App::new(loaded.clone(), options);
            let path = dir.path().join(format!("{export_width:?}.txt"));
            let effect = Effect::Export {
                path: path.clone(),
                format: Format::Text,
                scope: Scope::Briefing,
                overwrite: true,
                notes: false,
            };
            perform(&app, effect, &mut Vec::new(), &searcher, None);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
        };
        assert!(longest(None) <= 80);
        assert!(longest(Some(100)) > 80);
        assert!(longest(Some(0)) > 200, "a paragraph a line");
    }

    /// With `--since`, `e` writes the changes of what it exports after it, as
    /// `talks export --since` does.
    #[test]
    fn the_explorer_s_export_carries_the_changes_since() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let searcher = SearchWorker::start(|_| {});
        let load = |path: &str| {
            crate::model::load_path(std::path::Path::new(path)).unwrap_or_else(|e| panic!("{e}"))
        };
        let options = Options {
            since: Some(std::sync::Arc::new(load(
                "tests/fixtures/over-time-week2.yaml",
            ))),
            ..Options::sized(80, 24)
        };
        let app = App::new(load("tests/fixtures/over-time.yaml"), options);
        let path = dir.path().join("brief.txt");
        let effect = Effect::Export {
            path: path.clone(),
            format: Format::Text,
            scope: Scope::Briefing,
            overwrite: true,
            notes: false,
        };
        perform(&app, effect, &mut Vec::new(), &searcher, None);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            text.contains("Changes from tests/fixtures/over-time-week2.yaml"),
            "{text}"
        );
        assert!(text.contains("Brevik on Where the river border runs: conditional → supports"));
    }
}
