//! `o`: what the cursor is on, as the place in the dossier's file the editor opens at.

use std::path::PathBuf;

use super::input::TextInput;
use super::{Action, App, Effect, InitPrompt, Initialised, Overlay, Page};
use crate::model::{EntityKind, EntityRef};

/// The file name the copy of the built-in dossier is offered under.
pub(super) const DEFAULT_COPY: &str = "talks.yaml";

/// What `o` on the built-in dossier says; the command first, for narrow screens.
pub(super) const BUILTIN_READ_ONLY: &str =
    "Read-only: `talks init PATH` writes an editable copy of the built-in dossier";

impl App {
    /// Asks the event loop to open the editor at what the cursor is on, or says why not.
    pub(crate) fn open_in_editor(&mut self) {
        let path = match &self.file {
            None => return self.open_init_prompt(),
            Some(path) if path.as_os_str() == "-" => {
                let why = "The dossier was read from standard input: there is no file to edit";
                return self.status = Some(why.into());
            }
            Some(path) => path.clone(),
        };
        if let Some(effect) = self.new_position_at_cursor(&path) {
            return self.effects.push(effect);
        }
        match self.edit_target() {
            // A folder dossier: the file that holds it, at its path in that file.
            Ok(at) => match self.loaded.folder.as_deref() {
                Some(folder) => {
                    let (file, at) = folder.written_at(&at);
                    let edited = folder.files.get(file).cloned().unwrap_or(path.clone());
                    self.effects.push(Effect::Edit {
                        path: edited,
                        at,
                        dossier: path,
                    });
                }
                None => self.effects.push(Effect::Edit {
                    path: path.clone(),
                    at,
                    dossier: path,
                }),
            },
            Err(why) => self.status = Some(format!("Nothing to edit: {why}")),
        }
    }

    /// On an empty matrix cell: a new position of the row's party on the column's sticking
    /// point, in the newest report of a folder dossier (its last file), else in the file.
    fn new_position_at_cursor(&self, dossier: &std::path::Path) -> Option<Effect> {
        if self.page != Page::Matrix {
            return None;
        }
        let (row, column) = self.pages.matrix_cursor();
        if self.pages.matrix.cell(row, column).is_some() {
            return None;
        }
        let actor = *self.pages.matrix.rows.get(row)?;
        let point = *self.pages.matrix.columns.get(column)?;
        let file = match self.loaded.folder.as_deref() {
            Some(folder) => folder.files.last()?.clone(),
            None => dossier.to_path_buf(),
        };
        let d = &self.loaded.dossier;
        Some(Effect::AddPosition {
            file,
            dossier: dossier.to_path_buf(),
            sticking_point: d.sticking_points[point].id.clone(),
            actor: d.actors[actor].id.clone(),
        })
    }

    /// The path in the dossier of what the cursor is on: the entity shown, the position of
    /// a matrix cell, the event of a timeline row, the source of the sources page.
    fn edit_target(&self) -> Result<String, String> {
        let empty = || "the list is empty".to_string();
        match self.page {
            Page::Browse => self.shown().map(entity_path).ok_or_else(empty),
            Page::Matrix if self.pages.matrix_compared => {
                Err("the matrix shows the comparison, not the dossier: ] comes back to it".into())
            }
            Page::Matrix => {
                let (row, column) = self.pages.matrix_cursor();
                match self.pages.matrix.cell(row, column) {
                    Some(cell) => Ok(format!(
                        "sticking_points[{}].positions[{}]",
                        cell.sticking_point, cell.position
                    )),
                    None => Err(self.empty_cell_note().unwrap_or_else(empty)),
                }
            }
            Page::Timeline => self
                .pages
                .timeline
                .rows
                .get(self.pages.timeline_rows.selected)
                .map(|row| entity_path(EntityRef::new(EntityKind::Event, row.event)))
                .ok_or_else(empty),
            Page::Sources => self
                .pages
                .selected_source()
                .map(|row| format!("sources[{}]", row.source))
                .ok_or_else(empty),
        }
    }
}

impl App {
    /// `o` on the built-in dossier: asks where to write an editable copy.
    fn open_init_prompt(&mut self) {
        let mut input = TextInput::default();
        input.set(DEFAULT_COPY);
        self.overlay = Overlay::Init(InitPrompt { input, error: None });
    }

    /// Keys while the file name of the copy is typed.
    pub(crate) fn init_prompt_action(&mut self, action: Action) {
        let Overlay::Init(InitPrompt { input, error }) = &mut self.overlay else {
            return;
        };
        if input.edit(&action) {
            return;
        }
        match action {
            Action::ConfirmExport => match input.text.trim() {
                "" => *error = Some("type a file name".into()),
                name => {
                    let path = PathBuf::from(name);
                    self.effects.push(Effect::Init { path });
                }
            },
            Action::Escape => {
                self.overlay = Overlay::Closed;
                self.status = Some(BUILTIN_READ_ONLY.into());
            }
            _ => {}
        }
    }

    /// The copy written: the explorer switches to it and opens the editor; or why not, in
    /// the prompt.
    pub(crate) fn initialised(&mut self, result: Result<Box<Initialised>, String>) {
        let done = match result {
            Ok(done) => *done,
            Err(why) => {
                match &mut self.overlay {
                    Overlay::Init(prompt) => prompt.error = Some(why),
                    _ => self.status = Some(why),
                }
                return;
            }
        };
        self.overlay = Overlay::Closed;
        self.file = Some(done.path);
        self.watch.on = done.watched;
        self.notes_follow_the_copy(done.notes);
        self.reloaded(*done.reload.0, done.reload.1);
        self.reindex_notes();
        if self.reload_error.is_none() {
            self.open_in_editor();
        }
    }
}

impl App {
    /// After `o` on an empty matrix cell: what was added and where (unless the edit or the
    /// reload after it said something went wrong).
    pub(crate) fn position_added(&mut self, added: &crate::action::AddedPosition) {
        if self.reload_error.is_some() {
            return;
        }
        let (d, index) = (&self.loaded.dossier, &self.loaded.index);
        let actor = index
            .actor(&added.actor)
            .map_or(added.actor.as_str(), |a| &d.actors[a].name);
        let point = (index.sticking_point(&added.sticking_point))
            .map_or(added.sticking_point.as_str(), |p| {
                &d.sticking_points[p].title
            });
        let said = format!(
            "Added a position of {actor} on {point} at {}:{}",
            crate::text::shown_path(&added.file),
            added.line
        );
        self.status = Some(crate::text::sanitize_line(&said).into_owned());
    }
}

/// `actors[3]`: where an entity is in the dossier's lists.
fn entity_path(entity: EntityRef) -> String {
    let list = match entity.kind {
        EntityKind::Actor => "actors",
        EntityKind::Event => "events",
        EntityKind::StickingPoint => "sticking_points",
        EntityKind::Place => "places",
        EntityKind::Source => "sources",
    };
    format!("{list}[{}]", entity.index)
}
