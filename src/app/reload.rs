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
            Err(err) => {
                let first = err
                    .diagnostics
                    .iter()
                    .find(|d| d.is_error())
                    .or(err.diagnostics.first());
                let line = first.map_or_else(String::new, |d| {
                    d.to_string().lines().next().unwrap_or_default().to_string()
                });
                self.reload_error = Some(line);
                return;
            }
        };
        let ids = |app: &App, entity: EntityRef| app.loaded.dossier.id_of(entity).to_string();
        let selected: Vec<Option<String>> = EntityKind::ALL
            .iter()
            .map(|&k| self.selected(k).map(|e| ids(self, e)))
            .collect();
        let shown = self.shown().map(|e| ids(self, e));
        let (scroll, link) = (self.detail_scroll, self.detail_link);
        let old = std::mem::replace(&mut self.loaded, loaded);
        self.engine = engine.unwrap_or_else(|| {
            Arc::new(SearchEngine::new(&self.loaded.dossier, &self.loaded.index))
        });
        let index = &self.loaded.index;
        let remap = |visit: Visit| {
            let id = old.dossier.id_of(visit.entity);
            index.get(id).map(|entity| Visit { entity, ..visit })
        };
        self.history.remap(remap);
        // The old results index the old dossier: search it afresh, here and now, so that
        // the selection can be found in the new results.
        self.forget_results();
        let background = std::mem::replace(&mut self.search.background, false);
        self.apply_query();
        self.search.background = background;
        for (kind, id) in EntityKind::ALL.into_iter().zip(selected) {
            let row = id.and_then(|id| self.loaded.index.get(&id)).and_then(|e| {
                (e.kind == kind)
                    .then(|| self.results.rank_of(kind, e.index))
                    .flatten()
            });
            if let Some(row) = row {
                self.list_view_mut(kind).selected = row;
                self.keep_selection_visible(kind);
            }
        }
        self.detail = None;
        match shown.and_then(|id| self.loaded.index.get(&id)) {
            Some(entity) => {
                self.set_shown(Some(entity));
                self.detail_scroll = scroll;
                self.detail_link = link.filter(|&n| n < self.link_count());
                self.keep_link_visible();
            }
            None => self.show_selected(),
        }
        self.reload_error = None;
        self.status = Some(format!(
            "Reloaded {}",
            crate::text::sanitize_line(&self.loaded.name)
        ));
    }
}
