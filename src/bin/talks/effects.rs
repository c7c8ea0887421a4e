//! Carries out every effect `update` asks for: writing an export, the query history or the
//! notes, copying to the clipboard, a search for the worker thread, and what needs the
//! terminal (a suspend, the hand-over to the editor, the copy of the built-in dossier
//! that is then edited), the snapshot of "since you last looked" (`C`), watching switched on or off (`F`). Each outcome comes back as an action, at once or, for a search,
//! later through the worker. This is the explorer's only I/O besides the screen.

use std::io;
use std::path::Path;

use talks::action::{Action, AddedPosition};
use talks::app::{App, Effect, update};
use talks::export::{Format, Scope, timestamp_now};
use talks::fsio::write_out;
use talks::terminal::{TerminalGuard, suspend};

use crate::watching::{self, watch_file};
use crate::{Loop, handover};

/// Carries out the effects `update` asked for, and those their outcomes ask for; `true`
/// after a suspend or an editor (the screen must be drawn whole again).
pub(crate) fn carry_out(
    guard: &mut TerminalGuard,
    app: &mut App,
    context: &Loop,
) -> io::Result<bool> {
    let mut handed_over = false;
    while !app.effects().is_empty() {
        for effect in app.take_effects() {
            handed_over |= matches!(
                effect,
                Effect::Suspend
                    | Effect::Edit { .. }
                    | Effect::EditNote { .. }
                    | Effect::AddPosition { .. }
            );
            if let Some(outcome) = perform(guard, app, effect, context)? {
                update(app, outcome);
            }
        }
    }
    if handed_over {
        // The terminal may have been resized meanwhile.
        let size = guard.terminal.size()?;
        update(app, Action::Resize(size.width, size.height));
    }
    Ok(handed_over)
}

/// Performs `effect`; the action that reports it, unless it reports later (a search) or
/// has nothing to report (a suspend).
fn perform(
    guard: &mut TerminalGuard,
    app: &App,
    effect: Effect,
    context: &Loop,
) -> io::Result<Option<Action>> {
    Ok(Some(match effect {
        Effect::Export {
            path,
            format,
            scope,
            overwrite,
            notes,
            width,
        } => export(app, &path, (format, width), &scope, overwrite, notes),
        Effect::Copy { text, name } => {
            let terminal = guard.terminal.backend_mut();
            let command = context.settings.copy_command.as_deref();
            // Inside tmux its paste buffer gets the text too.
            let tmux = std::env::var_os("TMUX").is_some_and(|t| !t.is_empty());
            let copied = talks::clipboard::copy(&text, terminal, command, tmux.then_some("tmux"));
            Action::Copied(copied.map(|by| (name, text.lines().count(), by)))
        }
        Effect::Search(request) => {
            context.searcher.submit(request);
            return Ok(None);
        }
        Effect::SaveQueryHistory { file, entries } => {
            match talks::query_history::save(&file, &entries) {
                Ok(file) => Action::QueryHistorySaved(file),
                Err(why) => Action::QueryHistoryNotSaved(why),
            }
        }
        Effect::SaveNotes {
            path,
            base,
            notes,
            read,
        } => Action::NotesSaved(talks::notes::file::save(&path, &base, &notes, read)),
        Effect::Suspend => {
            // Quietly: quitting tries again, and says so if it cannot.
            let _ = crate::keep_place(app, context);
            suspend(guard)?;
            return Ok(None);
        }
        effect @ (Effect::Edit { .. } | Effect::AddPosition { .. }) => {
            let dossier = match &effect {
                Effect::Edit { dossier, .. } | Effect::AddPosition { dossier, .. } => {
                    Some(dossier.clone())
                }
                _ => None,
            };
            let done = edit(guard, effect, context)?;
            watching::read_again(dossier.as_deref(), context);
            done
        }
        Effect::EditNote { text } => handover::edit_note(guard, context.reader, &text)?,
        Effect::Init { path } => {
            let (done, watcher) = handover::init(&path, |file| {
                watch_file(file, context.wake.clone(), app.watch_generation())
            });
            if watcher.is_some() {
                *context.watcher.borrow_mut() = watcher;
            }
            done
        }
        Effect::Watch {
            path,
            on,
            generation,
        } => watching::switch(&path, on, generation, context),
        Effect::CatchUp { store, key } => Action::CaughtUp(
            store
                .record(&key, app.loaded(), std::time::SystemTime::now())
                .map_err(|why| why.to_string()),
        ),
    }))
}

/// `o`: the editor on what the cursor is on, or on the position added to an empty matrix
/// cell; then the dossier read again.
fn edit(guard: &mut TerminalGuard, effect: Effect, context: &Loop) -> io::Result<Action> {
    let (path, at, added, dossier) = match effect {
        Effect::Edit { path, at, dossier } => (path, at, None, dossier),
        Effect::AddPosition {
            file,
            dossier,
            sticking_point,
            actor,
        } => match talks::commands::add_position(&dossier, &file, &sticking_point, &actor) {
            Ok(line) => {
                let added = AddedPosition {
                    file: file.clone(),
                    line,
                    actor,
                    sticking_point,
                };
                (file, String::new(), Some(added), dossier)
            }
            Err(why) => return Ok(Action::EditFailed(why)),
        },
        _ => return Ok(Action::EditFailed("Nothing to edit".into())),
    };
    let edited = handover::Edited {
        path: &path,
        at: &at,
        line: added.as_ref().map(|a| a.line),
        dossier: &dossier,
    };
    let then = handover::edit(guard, context.reader, &edited)?;
    Ok(match added {
        Some(added) => Action::PositionAdded(Box::new(then), Box::new(added)),
        None => then,
    })
}

/// Writes the export `e` asked for, text `width` columns wide (0: a paragraph a line),
/// never over a file unless `overwrite`.
fn export(
    app: &App,
    path: &Path,
    (format, width): (Format, usize),
    scope: &Scope,
    overwrite: bool,
    notes: bool,
) -> Action {
    let stamp = timestamp_now();
    let text = app.export_text_at(scope, (format, Some(&stamp)), notes, width);
    // `~/briefs/x.md` as a shell reads it: the prompt is where paths are typed.
    let path = talks::config::expand_home(path, std::env::var_os("HOME"));
    Action::ExportFinished(write_out(&path, text.as_bytes(), overwrite))
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;
    use talks::app::Options;

    /// `e` writes text at the config's `export_width`: 0 leaves a paragraph a line.
    #[test]
    fn the_explorer_s_text_export_takes_the_configured_width() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let loaded = talks::model::builtin().unwrap_or_else(|e| panic!("{e}"));
        let longest = |export_width| {
            let options = Options {
                export_width,
                ..Options::sized(80, 24)
            };
            let app = App::new(loaded.clone(), options);
            let path = dir.path().join(format!("{export_width:?}.txt"));
            export(
                &app,
                &path,
                (Format::Text, app.export_width()),
                &Scope::Briefing,
                true,
                false,
            );
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
        let load = |path: &str| {
            talks::model::load_path(std::path::Path::new(path)).unwrap_or_else(|e| panic!("{e}"))
        };
        let options = Options {
            since: Some(std::sync::Arc::new(load(
                "tests/fixtures/over-time-week2.yaml",
            ))),
            ..Options::sized(80, 24)
        };
        let app = App::new(load("tests/fixtures/over-time.yaml"), options);
        let path = dir.path().join("brief.txt");
        export(
            &app,
            &path,
            (Format::Text, app.export_width()),
            &Scope::Briefing,
            true,
            false,
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            text.contains("What moved since tests/fixtures/over-time-week2.yaml"),
            "{text}"
        );
        assert!(text.contains("Brevik on Where the river border runs: conditional → supports"));
    }
}
