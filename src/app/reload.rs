//! Taking in a reloaded dossier: selection, query and history survive where their entities
//! still exist; a bad file keeps the last good dossier and shows why.

use super::App;
use super::trail::{PageVisit, Stop, Visit};
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
        let selected: Vec<Option<String>> = EntityKind::LISTED
            .iter()
            .map(|&k| self.selected(k).map(|e| id(self, e)))
            .collect();
        let shown = self.shown().map(|e| id(self, e));
        let (scroll, link) = (self.detail.scroll, self.detail.link);
        let page = self.page_visit();
        let engine =
            engine.unwrap_or_else(|| Arc::new(SearchEngine::new(&loaded.dossier, &loaded.index)));
        let old = self.replace_loaded(loaded, engine);
        self.compare_since();
        let (new, old) = (&self.loaded, &old);
        self.trail.remap(|stop| remap(stop, old, new));
        let page = page.map(|page| remap_page(page, old, &self.loaded));
        self.marks.remap(&old.dossier, &self.loaded.index);
        // The detail shown indexes the old dossier: nothing of it may be kept.
        self.detail.clear();
        self.results_changed();
        self.reselect(selected);
        match shown.and_then(|id| self.loaded.index.get(&id)) {
            Some(entity) => {
                // The same lines, at the width of now: where the reader was stays on screen.
                self.set_shown(Some(entity));
                self.detail.scroll = scroll;
                self.detail.focus_link(link);
                self.settle_detail();
            }
            None => self.show_selected(),
        }
        if let Some(page) = page {
            self.show_page_visit(page);
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
        // The file is in the header: the banner's room goes to where and what. In a
        // folder dossier, which of its files.
        let file = match &self.loaded.folder {
            Some(_) => first.map(|d| {
                let name = d.file.rsplit('/').next().unwrap_or(&d.file);
                format!("{name} ")
            }),
            None => None,
        }
        .unwrap_or_default();
        let line = first.map_or_else(String::new, |d| match d.location {
            Some(at) => format!("{file}line {}:{}: {}", at.line, at.column, d.message),
            None => d.message.clone(),
        });
        self.reload_error = Some(line);
    }

    /// Selects again, in each list, the entity with the id it had selected, if the new
    /// results hold it.
    fn reselect(&mut self, selected: Vec<Option<String>>) {
        for (kind, id) in EntityKind::LISTED.into_iter().zip(selected) {
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

/// A stop of the history in the reloaded dossier, found by the ids of what it was on; an
/// entity gone drops its stop, a page stays.
fn remap(stop: Stop, old: &Loaded, new: &Loaded) -> Option<Stop> {
    match stop {
        Stop::Entity(visit) => {
            let entity = new.index.get(old.dossier.id_of(visit.entity))?;
            Some(Stop::Entity(Visit { entity, ..visit }))
        }
        Stop::Page(page) => Some(Stop::Page(remap_page(page, old, new))),
    }
}

fn remap_page(page: PageVisit, old: &Loaded, new: &Loaded) -> PageVisit {
    let entity = |e: Option<EntityRef>| e.and_then(|e| new.index.get(old.dossier.id_of(e)));
    let source = page
        .source
        .and_then(|s| old.dossier.sources.get(s))
        .and_then(|s| new.index.source(&s.id));
    PageVisit {
        on: page.on.map(entity),
        source,
        ..page
    }
}
