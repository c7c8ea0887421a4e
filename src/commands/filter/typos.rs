//! `talks filter --typos`: each line read as the title of an event, matched with the
//! explorer's word rules.

use crate::model::{Dossier, EntityKind, Event, EventKind, EventStatus, Index};
use crate::search::{Query, SearchEngine};

/// The explorer's word rules, each line read as the title of an event.
pub(super) fn with_typos(lines: &[String], query: &str) -> Vec<usize> {
    let dossier = dossier_of(lines);
    let engine = SearchEngine::new(&dossier, &Index::build(&dossier));
    let mut results = engine.search(&Query::parse(query).unwrap_or_default());
    results
        .all_ranked(EntityKind::Event)
        .iter()
        .map(|hit| hit.index)
        .collect()
}

/// Each line becomes the title of an event of an otherwise empty dossier.
fn dossier_of(lines: &[String]) -> Dossier {
    let events = lines
        .iter()
        .enumerate()
        .map(|(i, title)| Event {
            id: format!("line-{i}"),
            title: title.clone(),
            kind: EventKind::Unknown(String::new()),
            status: EventStatus::Unknown(String::new()),
            order: i as u32,
            date: None,
            place: None,
            concerns: Vec::new(),
            participants: Vec::new(),
            sticking_points: Vec::new(),
            summary: None,
            outcomes: Vec::new(),
            quotes: Vec::new(),
            sources: Vec::new(),
        })
        .collect();
    Dossier {
        version: 1,
        title: "standard input".into(),
        summary: None,
        sources: Vec::new(),
        actors: Vec::new(),
        events,
        sticking_points: Vec::new(),
        places: Vec::new(),
    }
}
