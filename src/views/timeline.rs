//! The timeline: events in the order the dossier gives them.

use crate::model::{Dossier, EntityKind, EventStatus, Index};
use crate::search::Results;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineRow {
    pub event: usize,
    /// "#4", with the date as written where there is one ("#4 2025-03").
    pub(crate) when: String,
    /// The place's name, if any.
    pub(crate) place: Option<String>,
    /// The names of the places it is about (its `concerns`).
    pub(crate) concerns: Vec<String>,
    /// The participants' names.
    pub(crate) participants: Vec<String>,
}

/// The events the query lets through, by `order` (then dossier order).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Timeline {
    pub rows: Vec<TimelineRow>,
}

impl TimelineRow {
    /// Where it happened and what places it is about: "Florida", "about Pokrovsk".
    pub fn places(&self) -> Option<String> {
        let about =
            (!self.concerns.is_empty()).then(|| format!("about {}", self.concerns.join(", ")));
        let both: Vec<String> = self.place.iter().cloned().chain(about).collect();
        (!both.is_empty()).then(|| both.join(", "))
    }
}

impl Timeline {
    /// The width of the widest `when`, so that the titles line up.
    pub(crate) fn when_width(&self) -> usize {
        self.rows
            .iter()
            .map(|r| r.when.chars().count())
            .max()
            .unwrap_or(0)
    }

    pub fn build(dossier: &Dossier, index: &Index, results: &Results) -> Self {
        let mut events = results.matching(EntityKind::Event);
        events.sort_by_key(|&e| (dossier.events[e].order, e));
        let rows = events
            .into_iter()
            .map(|e| {
                let event = &dossier.events[e];
                let when = match &event.date {
                    // The date as written: a month stays a month, never a made-up day.
                    Some(date) => format!("#{} {date}", event.order),
                    None => format!("#{}", event.order),
                };
                let place = event
                    .place
                    .as_deref()
                    .and_then(|id| index.place(id))
                    .map(|p| dossier.places[p].name.clone());
                let concerns = event
                    .concerns
                    .iter()
                    .filter_map(|id| index.place(id))
                    .map(|p| dossier.places[p].name.clone())
                    .collect();
                let participants = event
                    .participants
                    .iter()
                    .filter_map(|id| index.actor(id))
                    .map(|a| dossier.actors[a].name.clone())
                    .collect();
                TimelineRow {
                    event: e,
                    when,
                    place,
                    concerns,
                    participants,
                }
            })
            .collect();
        Timeline { rows }
    }
}

/// An event status as a marker that reads without colour.
pub fn status_marker(status: &EventStatus) -> &'static str {
    match status {
        EventStatus::Held => "●",
        EventStatus::Ongoing => "◐",
        EventStatus::Planned => "○",
        EventStatus::Claimed => "◇",
        EventStatus::Disputed | EventStatus::Unknown(_) => "✗",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{builtin, load_str};
    use crate::search::{Query, SearchEngine};

    #[test]
    fn events_in_order_with_place_and_participants() {
        let l = builtin().unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&l.dossier, &l.index)
            .search(&Query::parse("pokrovsk").unwrap_or_default());
        let t = Timeline::build(&l.dossier, &l.index, &results);
        let ids: Vec<&str> = t
            .rows
            .iter()
            .map(|r| l.dossier.events[r.event].id.as_str())
            .collect();
        assert_eq!(ids, vec!["pokrovsk-claim", "pokrovsk-rejection"]);
        assert_eq!(t.rows[0].when, "#10");
        // Claimed about Pokrovsk, not at it: the report says not where.
        assert_eq!(t.rows[0].place, None);
        assert_eq!(t.rows[0].places().as_deref(), Some("about Pokrovsk"));
        assert_eq!(t.rows[0].participants, vec!["Russia"]);
    }

    #[test]
    fn a_month_stays_a_month() {
        let text = "version: 1\ntitle: T\nsources: [{id: s, title: S, kind: k}]\nevents:\n  - {id: b, title: B, kind: meeting, status: held, order: 2, date: 2025-03}\n  - {id: a, title: A, kind: meeting, status: planned, order: 1, date: '2025'}\n";
        let l = load_str("t.yaml", text).unwrap_or_else(|e| panic!("{e}"));
        let results = SearchEngine::new(&l.dossier, &l.index).search(&Query::default());
        let t = Timeline::build(&l.dossier, &l.index, &results);
        let when: Vec<&str> = t.rows.iter().map(|r| r.when.as_str()).collect();
        assert_eq!(when, vec!["#1 2025", "#2 2025-03"]);
    }
}
