//! The export prompt, the overwrite question and the clipboard copy. Helpers of `update`;
//! the writing itself is an [`Effect`] carried out by the event loop.

use std::path::PathBuf;

use super::input::TextInput;
use super::{Action, App, Effect, ExportPrompt, Mode};
use crate::export::{Format, Scope, WriteError, default_file_name, detail_text};
use crate::text::sanitize_line;

impl App {
    pub(crate) fn open_export(&mut self, scope: Scope) {
        let format = Format::Text;
        let mut input = TextInput::default();
        input.set(&default_file_name(&scope, format));
        self.export = Some(ExportPrompt {
            input,
            format,
            scope,
            error: None,
        });
        self.mode = Mode::Export;
    }

    /// Tab: the next format, and the file name's extension with it.
    pub(crate) fn cycle_format(&mut self) {
        let Some(prompt) = &mut self.export else {
            return;
        };
        let next = prompt.format.next();
        let name = prompt.input.text.clone();
        let stem = Format::ALL
            .iter()
            .find_map(|f| name.strip_suffix(&format!(".{}", f.extension())))
            .unwrap_or(&name);
        prompt.input.set(&format!("{stem}.{}", next.extension()));
        prompt.format = next;
    }

    /// Enter: ask the event loop to write the file (never over an existing one).
    pub(crate) fn confirm_export(&mut self, overwrite: bool) {
        let Some(prompt) = &mut self.export else {
            return;
        };
        let name = prompt.input.text.trim();
        if name.is_empty() {
            prompt.error = Some("type a file name".into());
            return;
        }
        let path = PathBuf::from(name);
        let format = Format::from_path(&path).unwrap_or(prompt.format);
        self.effects.push(Effect::Export {
            path,
            format,
            scope: prompt.scope.clone(),
            overwrite,
        });
    }

    pub(crate) fn export_finished(&mut self, result: Result<crate::export::Written, WriteError>) {
        match result {
            Ok(written) => {
                self.status = Some(format!(
                    "Exported to {} ({})",
                    sanitize_line(&written.path.display().to_string()),
                    written.size()
                ));
                self.export = None;
                self.mode = Mode::Browse;
            }
            Err(WriteError::Exists(_)) => self.mode = Mode::ConfirmOverwrite,
            Err(err) => {
                if let Some(prompt) = &mut self.export {
                    prompt.error = Some(err.to_string());
                }
                self.mode = Mode::Export;
            }
        }
    }

    /// `y`: the marked entities' text when there are marks, else the shown entity's.
    pub(crate) fn copy_selected(&mut self) {
        if !self.marks.is_empty() {
            return self.copy_marked();
        }
        let Some(detail) = self.detail.detail() else {
            self.status = Some("Nothing to copy: the list is empty".into());
            return;
        };
        self.effects.push(Effect::Copy {
            text: detail_text(detail, 80),
            name: detail.title.clone(),
        });
    }
}

impl App {
    /// Copies the full text of every marked entity, one after the other.
    fn copy_marked(&mut self) {
        let loaded = &self.loaded;
        let texts: Vec<String> = self
            .marks
            .iter()
            .map(|entity| {
                let view = crate::detail::detail(&loaded.dossier, &loaded.index, entity);
                detail_text(&view, 80)
            })
            .collect();
        let count = texts.len();
        let name = if count == 1 {
            "1 marked entity".to_string()
        } else {
            format!("{count} marked entities")
        };
        self.effects.push(Effect::Copy {
            text: texts.join("\n"),
            name,
        });
    }
}

/// Keys in the export prompt and the overwrite question.
pub(super) fn prompt_action(app: &mut App, action: Action) {
    let overwrite_question = app.mode == Mode::ConfirmOverwrite;
    let Some(prompt) = &mut app.export else {
        app.mode = Mode::Browse;
        return;
    };
    if overwrite_question {
        match action {
            Action::Answer(true) => app.confirm_export(true),
            Action::Answer(false) | Action::Escape => app.mode = Mode::Export,
            _ => {}
        }
        return;
    }
    let input = &mut prompt.input;
    match action {
        Action::Insert(c) => input.insert(c),
        Action::DeleteBack => input.delete_back(),
        Action::DeleteForward => input.delete_forward(),
        Action::DeleteWord => input.delete_word(),
        Action::ClearInput => input.set(""),
        Action::CursorLeft => input.left(),
        Action::CursorRight => input.right(),
        Action::CursorHome => input.home(),
        Action::CursorEnd => input.end(),
        Action::CycleFormat => app.cycle_format(),
        Action::ConfirmExport => app.confirm_export(false),
        Action::Escape => {
            app.export = None;
            app.mode = Mode::Browse;
            app.status = Some("Export cancelled".into());
        }
        _ => {}
    }
}
