//! Taking in a reloaded dossier: selection, query and history survive where their entities
//! still exist; a bad file keeps the last good dossier and shows why.

use super::App;
use super::history::Visit;
use crate::model::{EntityKind, EntityRef, LoadError, Loaded};
use std::sync::Arc;

use crate::search::SearchEngine;

impl App {
    pub(crate) fn reloaded(
        &mut self,
        result: Result<Loaded, LoadError>,
        engine: Option<Arc<SearchEngine>>,
    ) {
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(err) => return self.reload_failed(&err),
        };
        let id = |app: &App, entity: EntityRef| app.loaded.dossier.id_of(entity).to_string();
        let selected: Vec<Option<String>> = EntityKind::ALL
            .iter()
            .map(|&k| self.selected(k).map(|e| id(self, e)))
            .collect();
        let shown = self.shown().map(|e| id(self, e));
        let (scroll, link) = (self.detail.scroll, self.detail.link);
        let engine =
            engine.unwrap_or_else(|| Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index)));
        let old = self.replace_loaded(loaded, engine);
        let index = &self.loaded.index;
        let remap = |visit: Visit| {
            let id = old.dossier.id_of(visit.entity);
            index.get(id).map(|entity| Visit { entity, ..visit })
        };
        self.history.remap(remap);
        self.marks.remap(&old.dossier, &self.loaded.index);
        // The detail shown indexes the old dossier: nothing of it may be kept.
        self.detail.clear();
        self.results_changed();
        self.reselect(selected);
        match shown.and_then(|id| self.loaded.index.get(&id)) {
            Some(entity) => {
                self.set_shown(Some(entity));
                self.detail.scroll = scroll;
                self.detail.focus_link(link);
                self.keep_link_visible();
            }
            None => self.show_selected(),
        }
        self.reload_error = None;
        let name = crate::text::sanitize_line(&self.loaded.name).into_owned();
        self.status = Some(format!("Reloaded {name}"));
    }

    /// The first error of a failed reload, for the banner; the last good dossier stays.
    fn reload_failed(&mut self, err: &LoadError) {
        let first = err
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .or(err.diagnostics.first());
        let line = first.map_or_else(String::new, |d| {
            d.to_string().lines().next().unwrap_or_default().to_string()
        });
        self.reload_error = Some(line);
    }

    /// Selects again, in each list, the entity with the id it had selected, if the new
    /// results hold it.
    fn reselect(&mut self, selected: Vec<Option<String>>) {
        for (kind, id) in EntityKind::ALL.into_iter().zip(selected) {
            let row = id.and_then(|id| self.loaded.index.get(&id)).and_then(|e| {
                (e.kind == kind)
                    .then(|| self.query.results.rank_of(kind, e.index))
                    .flatten()
            });
            if let Some(row) = row {
                self.list_view_mut(kind).selected = row;
                self.keep_selection_visible(kind);
            }
        }
    }
}
