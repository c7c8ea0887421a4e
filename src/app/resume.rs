//! Where the reader was in a dossier, by ids, so that it opens there again (as editors
//! restore the cursor): the page, the lists' selections, what a page's cursor is on. The
//! binary keeps one per dossier (`crate::resume`); an id no longer there is passed over.

use serde::{Deserialize, Serialize};

use super::trail::PageVisit;
use super::{App, Page};
use crate::model::{EntityKind, EntityRef};

/// Where the reader was: ids only, so that edits of the dossier in between do not matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    /// The page shown: `matrix`, `timeline` or `sources`; none: the lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
    /// The lists' selected entities, the focused list's first.
    #[serde(default)]
    pub selected: Vec<String>,
    /// What the page's cursor is on: the matrix's party and sticking point, the timeline's
    /// event, the sources page's source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on: Vec<String>,
}

const PAGES: [(Page, &str); 3] = [
    (Page::Matrix, "matrix"),
    (Page::Timeline, "timeline"),
    (Page::Sources, "sources"),
];

impl App {
    /// Where the reader is now.
    pub fn place(&self) -> Place {
        let dossier = &self.loaded.dossier;
        let mut kinds = vec![self.last_list];
        kinds.extend(
            EntityKind::LISTED
                .into_iter()
                .filter(|k| *k != self.last_list),
        );
        let selected = kinds
            .into_iter()
            .filter_map(|kind| self.selected(kind))
            .map(|entity| dossier.id_of(entity).to_string())
            .collect();
        let page = PAGES.iter().find(|(p, _)| *p == self.page).map(|(_, n)| n);
        let on = self.page_visit().map_or_else(Vec::new, |visit| {
            let source = visit.source.and_then(|s| dossier.sources.get(s));
            let ids = visit.on.into_iter().flatten().map(|e| dossier.id_of(e));
            ids.chain(source.map(|s| s.id.as_str()))
                .map(str::to_string)
                .collect()
        });
        Place {
            page: page.map(|n| n.to_string()),
            selected,
            on,
        }
    }

    /// Opens where `place` says, as far as its ids are still in the dossier and listed.
    pub(crate) fn return_to(&mut self, place: &Place) {
        let index = &self.loaded.index;
        let found: Vec<EntityRef> = place
            .selected
            .iter()
            .filter_map(|id| index.get(id))
            .collect();
        for entity in found.iter().rev() {
            // Ranked only as far as shown until now: the whole list, to find it in.
            let count = self.results().count(entity.kind);
            self.query.results.rank_to(entity.kind, count);
            let ranked = self.results().ranked(entity.kind);
            if let Some(row) = ranked.iter().position(|hit| hit.index == entity.index) {
                self.select_row(entity.kind, row);
            }
        }
        if let Some(first) = found.first().filter(|e| self.selected(e.kind) == Some(**e)) {
            self.focus_list(first.kind);
        }
        self.record_here();
        let page = PAGES
            .iter()
            .find(|(_, n)| Some(*n) == place.page.as_deref());
        if let Some(&(page, _)) = page {
            self.open_page(page);
            self.return_to_page(page, &place.on);
        }
    }

    /// The page's cursor on what `on` names (else where it is).
    fn return_to_page(&mut self, page: Page, on: &[String]) {
        let Some(here) = self.page_visit() else {
            return;
        };
        let index = &self.loaded.index;
        let entities = |kind: EntityKind, id: Option<&String>| {
            id.and_then(|id| index.get(id)).filter(|e| e.kind == kind)
        };
        let visit = match page {
            Page::Matrix => PageVisit {
                on: [
                    entities(EntityKind::Actor, on.first()),
                    entities(EntityKind::StickingPoint, on.get(1)),
                ],
                ..here
            },
            Page::Timeline => PageVisit {
                on: [entities(EntityKind::Event, on.first()), None],
                ..here
            },
            Page::Sources => PageVisit {
                source: on.first().and_then(|id| index.source(id)),
                ..here
            },
            Page::Browse => return,
        };
        self.show_page_visit(visit);
        self.record_here();
    }
}
