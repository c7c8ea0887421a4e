//! The export prompt, the overwrite question and the clipboard copy. Helpers of `update`;
//! the writing itself is an [`Effect`] carried out by the event loop.

use std::path::PathBuf;

use super::input::TextInput;
use super::{Action, App, Effect, ExportPrompt, Overlay, Page};
use crate::export::{Format, Scope, default_file_name, detail_copy, position_text};
use crate::fsio::WriteError;
use crate::model::EntityKind;
use crate::text::sanitize_line;

impl App {
    /// Columns of the text exports `e` writes (`export_width` in the config).
    pub fn export_width(&self) -> usize {
        self.export_width
    }

    /// What `e` writes for `scope`: the export (with the notes when asked, stamped with
    /// `stamp`), and with a comparison the changes of what it holds after it, the same bytes
    /// as `talks export --since OLD` for the same view.
    pub fn export_text(
        &self,
        scope: &Scope,
        (format, stamp): (Format, Option<&str>),
        notes: bool,
    ) -> String {
        self.export_text_at(scope, (format, stamp), notes, self.export_width())
    }

    /// [`App::export_text`] with text `width` columns wide (0: a paragraph a line).
    pub fn export_text_at(
        &self,
        scope: &Scope,
        (format, stamp): (Format, Option<&str>),
        notes: bool,
        width: usize,
    ) -> String {
        self.export_text_with(scope, (format, stamp), (notes, false), width)
    }

    /// [`App::export_text_at`] with the notes and the brief's single-source appendix each
    /// asked for or not.
    pub fn export_text_with(
        &self,
        scope: &Scope,
        (format, stamp): (Format, Option<&str>),
        (notes, single_source): (bool, bool),
        width: usize,
    ) -> String {
        // As `talks export --since` writes it.
        let options = crate::export::ExportOptions {
            width,
            single_source,
            notes: notes.then_some(&self.notes.notes),
            since: self.since_loaded(),
            now: Some(&self.loaded),
            bom: self.csv_bom && format.is_table(),
            ..crate::export::ExportOptions::new(format, stamp)
        };
        // The comparison's matrix is the older version's: its indices are that reading's.
        let loaded = match scope {
            Scope::Matrix { .. } => self.matrix_loaded(),
            _ => &self.loaded,
        };
        crate::export::render_with(loaded, scope, &options)
    }

    pub(crate) fn open_export(&mut self, scope: Scope) {
        let format = Format::Text;
        let mut input = TextInput::default();
        input.set(&default_file_name(&scope, format));
        let prompt = ExportPrompt {
            input,
            format,
            // `export_width = 0` in the config: a paragraph a line from the start.
            paragraphs: self.export_width == 0,
            scope,
            error: None,
            notes: false,
            single_source: false,
        };
        self.overlay = Overlay::Export {
            prompt,
            overwrite_question: false,
        };
    }

    /// Tab: the next format (wrapped text, then text a paragraph a line, Markdown, JSON,
    /// then CSV and TSV for a table, and HTML), and the file name's extension with it.
    pub(crate) fn cycle_format(&mut self) {
        let Overlay::Export { prompt, .. } = &mut self.overlay else {
            return;
        };
        if prompt.format == Format::Text && !prompt.paragraphs {
            prompt.paragraphs = true;
            return;
        }
        prompt.paragraphs = false;
        let next = prompt.format.next(prompt.scope.has_table());
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
        let Overlay::Export { prompt, .. } = &mut self.overlay else {
            return;
        };
        let name = prompt.input.text.trim();
        if name.is_empty() {
            prompt.error = Some("type a file name".into());
            return;
        }
        if prompt.notes
            && let Some(error) = &self.notes.error
        {
            let error = sanitize_line(error);
            prompt.error = Some(format!(
                "the notes cannot be read ({error}): fix the file, or Ctrl-N to leave them out"
            ));
            return;
        }
        let path = PathBuf::from(name);
        let format = prompt.format_written();
        if prompt.scope.refusal(format).is_some() {
            // Short, for the prompt's line; `talks export` says more.
            let what = match prompt.scope {
                Scope::Briefing => "the brief",
                _ => "entities in full",
            };
            prompt.error = Some(format!(
                "no {} of {what}: Tab for another format",
                format.describe()
            ));
            return;
        }
        if prompt.notes && format.is_table() {
            prompt.error = Some(format!(
                "notes do not fit in a {} table: Ctrl-N to leave them out, or Tab for another format",
                format.describe()
            ));
            return;
        }
        let width = match (prompt.paragraphs_written(), self.export_width) {
            (true, _) => 0,
            // Wrapped text chosen where the config says a paragraph a line.
            (false, 0) if format == Format::Text => crate::export::DEFAULT_WIDTH,
            (false, width) => width,
        };
        self.effects.push(Effect::Export {
            path,
            format,
            scope: prompt.scope.clone(),
            overwrite,
            notes: prompt.notes,
            single_source: prompt.single_source && prompt.scope == Scope::Briefing,
            width,
        });
    }

    pub(crate) fn export_finished(&mut self, result: Result<crate::fsio::Written, WriteError>) {
        match result {
            Ok(written) => {
                self.status = Some(format!(
                    "Exported to {} ({})",
                    sanitize_line(&written.path.display().to_string()),
                    written.size()
                ));
                self.overlay = Overlay::Closed;
            }
            Err(err) => {
                if let Overlay::Export {
                    prompt,
                    overwrite_question,
                } = &mut self.overlay
                {
                    match err {
                        WriteError::Exists(_) => *overwrite_question = true,
                        err => {
                            prompt.error = Some(err.to_string());
                            *overwrite_question = false;
                        }
                    }
                }
            }
        }
    }

    /// `y`: copies the marked entities when there are marks, else what the cursor is on:
    /// the entity shown, or on a page the matrix cell's position, the timeline's event, the
    /// source's citation (in the config's `citation_style`). As text for a document: titles
    /// plain lines, no rules under them.
    pub(crate) fn copy_selected(&mut self) {
        if !self.marks.is_empty() {
            return self.copy_marked();
        }
        let copy = match self.page {
            // A source's detail, as its row on the sources page: its citation.
            Page::Browse => self.detail.detail().map(|d| match d.entity.kind {
                EntityKind::Source => self.citation_copy(d.entity.index),
                _ => (detail_copy(d, 0), d.title.clone()),
            }),
            Page::Matrix => self.matrix_copy(),
            Page::Timeline => self.timeline_copy(),
            Page::Sources => {
                (self.pages.selected_source()).map(|row| self.citation_copy(row.source))
            }
        };
        match copy {
            Some((text, name)) => self.effects.push(Effect::Copy { text, name }),
            None => {
                let why = match self.page {
                    Page::Matrix => self.empty_cell_note(),
                    _ => None,
                };
                let why = why.unwrap_or_else(|| "the list is empty".into());
                self.status = Some(format!("Nothing to copy: {why}"));
            }
        }
    }

    /// Source `source`'s citation in the config's style or styles, and its name.
    fn citation_copy(&self, source: usize) -> (String, String) {
        let source = &self.loaded.dossier.sources[source];
        let text = crate::export::citations(source, &self.citation_styles);
        let styles = match self.citation_styles.as_slice() {
            [] => "Chicago".to_string(),
            styles => styles
                .iter()
                .map(|s| s.name())
                .collect::<Vec<_>>()
                .join(", "),
        };
        let name = format!("{styles} citation of {}", source.title);
        (format!("{text}\n"), name)
    }

    /// The position under the matrix cursor, as text, and its name.
    fn matrix_copy(&self) -> Option<(String, String)> {
        let (row, column) = self.pages.matrix_cursor();
        let cell = self.pages.matrix.cell(row, column)?;
        let actor = *self.pages.matrix.rows.get(row)?;
        let loaded = self.matrix_loaded();
        let d = &loaded.dossier;
        let name = format!(
            "{} on {}",
            d.actors[actor].name, d.sticking_points[cell.sticking_point].title
        );
        Some((position_text(loaded, actor, cell, 0), name))
    }

    /// The event under the timeline cursor, as its detail's text, and its title.
    fn timeline_copy(&self) -> Option<(String, String)> {
        let row = self
            .pages
            .timeline
            .rows
            .get(self.pages.timeline_rows.selected)?;
        let event = crate::model::EntityRef::new(crate::model::EntityKind::Event, row.event);
        let shown = crate::detail::detail(&self.loaded.dossier, &self.loaded.index, event);
        Some((detail_copy(&shown, 0), shown.title.clone()))
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
                detail_copy(&view, 0)
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
    let Overlay::Export {
        prompt,
        overwrite_question,
    } = &mut app.overlay
    else {
        return;
    };
    if *overwrite_question {
        match action {
            Action::Answer(true) => app.confirm_export(true),
            Action::Answer(false) | Action::Escape => *overwrite_question = false,
            _ => {}
        }
        return;
    }
    if prompt.input.edit(&action) {
        return;
    }
    match action {
        Action::CycleFormat => app.cycle_format(),
        Action::ToggleExportNotes => prompt.notes = !prompt.notes,
        Action::ToggleExportSingleSource if prompt.scope == Scope::Briefing => {
            prompt.single_source = !prompt.single_source;
        }
        Action::ConfirmExport => app.confirm_export(false),
        Action::Escape => {
            app.overlay = Overlay::Closed;
            app.status = Some("Export cancelled".into());
        }
        _ => {}
    }
}
