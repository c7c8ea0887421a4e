//! The reference, vocabulary, date and cycle rules of the validation pass.

use std::collections::HashMap;

use super::{IdKind, Validator, closest};
use crate::model::types::{Dossier, EntityKind};
use crate::model::vocab::{ActorKind, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};

const ACTOR: IdKind = IdKind::Entity(EntityKind::Actor);
const EVENT_PLACE: IdKind = IdKind::Entity(EntityKind::Place);
const STICKING: IdKind = IdKind::Entity(EntityKind::StickingPoint);

impl Validator<'_> {
    /// Checks each id of a list; `path` names the list (worked out only for a problem).
    fn references_list(&mut self, path: impl Fn() -> String, ids: &[String], want: IdKind) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(|| format!("{}[{i}]", path()), id, want);
        }
    }

    pub(super) fn references(&mut self, dossier: &Dossier) {
        for (i, a) in dossier.actors.iter().enumerate() {
            if let Some(target) = &a.represents {
                if *target == a.id {
                    self.error(
                        format!("actors[{i}].represents"),
                        format!("actor \"{}\" cannot represent itself", a.id),
                    );
                } else {
                    self.reference(|| format!("actors[{i}].represents"), target, ACTOR);
                }
            }
            self.references_list(
                || format!("actors[{i}].sources"),
                &a.sources,
                IdKind::Source,
            );
        }
        for (i, p) in dossier.places.iter().enumerate() {
            if let Some(parent) = &p.part_of {
                if *parent == p.id {
                    self.error(
                        format!("places[{i}].part_of"),
                        format!("place \"{}\" cannot be part of itself", p.id),
                    );
                } else {
                    self.reference(|| format!("places[{i}].part_of"), parent, EVENT_PLACE);
                }
            }
            self.references_list(
                || format!("places[{i}].sources"),
                &p.sources,
                IdKind::Source,
            );
        }
        self.event_references(dossier);
        self.sticking_point_references(dossier);
    }

    fn event_references(&mut self, dossier: &Dossier) {
        for (i, e) in dossier.events.iter().enumerate() {
            let base = format!("events[{i}]");
            if let Some(place) = &e.place {
                self.reference(|| format!("{base}.place"), place, EVENT_PLACE);
            }
            self.references_list(|| format!("{base}.participants"), &e.participants, ACTOR);
            self.references_list(
                || format!("{base}.sticking_points"),
                &e.sticking_points,
                STICKING,
            );
            for (q, quote) in e.quotes.iter().enumerate() {
                if let Some(source) = &quote.source {
                    self.reference(
                        || format!("{base}.quotes[{q}].source"),
                        source,
                        IdKind::Source,
                    );
                }
            }
            self.references_list(|| format!("{base}.sources"), &e.sources, IdKind::Source);
        }
    }

    fn sticking_point_references(&mut self, dossier: &Dossier) {
        for (i, s) in dossier.sticking_points.iter().enumerate() {
            let base = format!("sticking_points[{i}]");
            self.references_list(|| format!("{base}.places"), &s.places, EVENT_PLACE);
            for (p, position) in s.positions.iter().enumerate() {
                self.reference(
                    || format!("{base}.positions[{p}].actor"),
                    &position.actor,
                    ACTOR,
                );
                if let Some(source) = &position.source {
                    let path = || format!("{base}.positions[{p}].source");
                    self.reference(path, source, IdKind::Source);
                }
            }
            self.references_list(|| format!("{base}.sources"), &s.sources, IdKind::Source);
        }
    }

    pub(super) fn vocabulary(&mut self, path: String, label: &str, value: &str, known: &[&str]) {
        let hint = match closest(value, known) {
            Some(best) => format!("did you mean \"{best}\"? "),
            None => String::new(),
        };
        self.error(
            path,
            format!(
                "unknown {label} \"{value}\"; {hint}expected one of: {}",
                known.join(", ")
            ),
        );
    }

    pub(super) fn vocabularies(&mut self, dossier: &Dossier) {
        for (i, a) in dossier.actors.iter().enumerate() {
            if !a.kind.is_known() {
                let path = format!("actors[{i}].kind");
                self.vocabulary(path, ActorKind::LABEL, a.kind.as_str(), ActorKind::VALUES);
            }
        }
        for (i, p) in dossier.places.iter().enumerate() {
            if let Some(kind) = p.kind.as_ref().filter(|k| !k.is_known()) {
                let path = format!("places[{i}].kind");
                self.vocabulary(path, PlaceKind::LABEL, kind.as_str(), PlaceKind::VALUES);
            }
        }
        for (i, e) in dossier.events.iter().enumerate() {
            if !e.kind.is_known() {
                let path = format!("events[{i}].kind");
                self.vocabulary(path, EventKind::LABEL, e.kind.as_str(), EventKind::VALUES);
            }
            if !e.status.is_known() {
                let path = format!("events[{i}].status");
                let value = e.status.as_str();
                self.vocabulary(path, EventStatus::LABEL, value, EventStatus::VALUES);
            }
        }
        for (i, s) in dossier.sticking_points.iter().enumerate() {
            if !s.status.is_known() {
                let path = format!("sticking_points[{i}].status");
                let value = s.status.as_str();
                self.vocabulary(path, StickingStatus::LABEL, value, StickingStatus::VALUES);
            }
            if s.topic.is_empty() || s.topic.chars().any(char::is_whitespace) {
                self.error(
                    format!("sticking_points[{i}].topic"),
                    format!("the topic \"{}\" must be one word", s.topic),
                );
            }
            for (p, position) in s.positions.iter().enumerate() {
                if !position.stance.is_known() {
                    let path = format!("sticking_points[{i}].positions[{p}].stance");
                    let value = position.stance.as_str();
                    self.vocabulary(path, Stance::LABEL, value, Stance::VALUES);
                }
            }
        }
    }

    pub(super) fn dates(&mut self, dossier: &Dossier) {
        for (i, s) in dossier.sources.iter().enumerate() {
            if let Some(date) = &s.published
                && let Err(why) = check_date(date)
            {
                self.error(format!("sources[{i}].published"), why);
            }
        }
        for (i, e) in dossier.events.iter().enumerate() {
            if let Some(date) = &e.date
                && let Err(why) = check_date(date)
            {
                self.error(format!("events[{i}].date"), why);
            }
        }
    }

    /// `represents` and `part_of` chains must end: a cycle would make "who speaks for
    /// whom" and "what lies in what" loop forever.
    pub(super) fn cycles(&mut self, dossier: &Dossier) {
        let represents: HashMap<&str, &str> = dossier
            .actors
            .iter()
            .filter_map(|a| a.represents.as_deref().map(|t| (a.id.as_str(), t)))
            .collect();
        let part_of: HashMap<&str, &str> = dossier
            .places
            .iter()
            .filter_map(|p| p.part_of.as_deref().map(|t| (p.id.as_str(), t)))
            .collect();
        let mut reported: Vec<String> = Vec::new();
        for (i, a) in dossier.actors.iter().enumerate() {
            if reported.contains(&a.id) {
                continue;
            }
            if let Some(cycle) = cycle_through(&a.id, &represents) {
                reported.extend(cycle.split(" → ").map(str::to_string));
                let path = format!("actors[{i}].represents");
                self.error(
                    path,
                    format!("`represents` goes round in a circle: {cycle}"),
                );
            }
        }
        for (i, p) in dossier.places.iter().enumerate() {
            if reported.contains(&p.id) {
                continue;
            }
            if let Some(cycle) = cycle_through(&p.id, &part_of) {
                reported.extend(cycle.split(" → ").map(str::to_string));
                let path = format!("places[{i}].part_of");
                self.error(path, format!("`part_of` goes round in a circle: {cycle}"));
            }
        }
    }
}

impl Validator<'_> {
    pub(super) fn warn(&mut self, path: String, message: String) {
        self.findings.push(super::Finding {
            severity: crate::model::Severity::Warning,
            path,
            message,
            also: None,
        });
    }

    /// Every entity, position and quote should cite a source; those that do not are warned
    /// about (errors with `validate --strict`).
    pub(super) fn provenance(&mut self, dossier: &Dossier) {
        let uncited = |sources: &[String]| sources.is_empty();
        let actors = dossier.actors.iter().map(|a| (&a.id, uncited(&a.sources)));
        self.uncited_entities("actors", "actor", actors);
        let places = dossier.places.iter().map(|p| (&p.id, uncited(&p.sources)));
        self.uncited_entities("places", "place", places);
        let events = dossier.events.iter().map(|e| (&e.id, uncited(&e.sources)));
        self.uncited_entities("events", "event", events);
        let points = dossier.sticking_points.iter();
        let points = points.map(|s| (&s.id, uncited(&s.sources)));
        self.uncited_entities("sticking_points", "sticking point", points);
        for (i, point) in dossier.sticking_points.iter().enumerate() {
            for (p, position) in point.positions.iter().enumerate() {
                if position.all_sources().is_empty() {
                    let message = format!(
                        "the position of \"{}\" on \"{}\" cites no source",
                        position.actor, point.id
                    );
                    let path = format!("sticking_points[{i}].positions[{p}].actor");
                    self.warn(path, message);
                }
            }
        }
        for (i, event) in dossier.events.iter().enumerate() {
            for (q, quote) in event.quotes.iter().enumerate() {
                if quote.all_sources().is_empty() {
                    let message = format!(
                        "the quote \"{}\" in \"{}\" cites no source",
                        quote.text, event.id
                    );
                    self.warn(format!("events[{i}].quotes[{q}].text"), message);
                }
            }
        }
    }

    /// Warns about each entity of a list (`(id, cites nothing)` in order) that cites nothing.
    fn uncited_entities<'e>(
        &mut self,
        list: &str,
        noun: &str,
        entries: impl Iterator<Item = (&'e String, bool)>,
    ) {
        for (i, (id, uncited)) in entries.enumerate() {
            if uncited {
                let message = format!("the {noun} \"{id}\" cites no source");
                self.warn(format!("{list}[{i}].id"), message);
            }
        }
    }
}

/// If following `next` from `start` comes back to `start` (not through a self-link, which
/// is reported on its own), the circle as `a → b → a`.
fn cycle_through(start: &str, next: &HashMap<&str, &str>) -> Option<String> {
    let mut chain = vec![start];
    let mut current = start;
    while let Some(&following) = next.get(current) {
        if following == current {
            return None;
        }
        if following == start {
            chain.push(start);
            return Some(chain.join(" → "));
        }
        if chain.contains(&following) {
            return None;
        }
        chain.push(following);
        current = following;
    }
    None
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date.
pub fn check_date(text: &str) -> Result<(), String> {
    let bad_form = || format!("invalid date \"{text}\": write YYYY, YYYY-MM or YYYY-MM-DD");
    let parts: Vec<&str> = text.split('-').collect();
    let widths = [4, 2, 2];
    if parts.is_empty()
        || parts.len() > 3
        || parts
            .iter()
            .zip(widths)
            .any(|(p, w)| p.len() != w || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad_form());
    }
    let numbers: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    let year = numbers[0];
    if let Some(&month) = numbers.get(1)
        && !(1..=12).contains(&month)
    {
        return Err(format!(
            "invalid date \"{text}\": there is no month {month}"
        ));
    }
    if let (Some(&month), Some(&day)) = (numbers.get(1), numbers.get(2)) {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        if day == 0 || day > days {
            return Err(format!(
                "invalid date \"{text}\": month {month} of {year} has {days} days"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_respect_precision_and_the_calendar() {
        assert!(check_date("2025").is_ok());
        assert!(check_date("2025-02").is_ok());
        assert!(check_date("2024-02-29").is_ok());
        assert_eq!(
            check_date("2025-02-30").unwrap_err(),
            "invalid date \"2025-02-30\": month 2 of 2025 has 28 days"
        );
        assert_eq!(
            check_date("2025-13").unwrap_err(),
            "invalid date \"2025-13\": there is no month 13"
        );
        assert!(check_date("25-1-1").unwrap_err().contains("write YYYY"));
        assert!(check_date("").is_err());
        assert!(check_date("2025-01-01-01").is_err());
    }

    #[test]
    fn cycles_are_found_but_not_self_links() {
        let next: HashMap<&str, &str> = [("a", "b"), ("b", "a"), ("c", "c")].into();
        assert_eq!(cycle_through("a", &next).as_deref(), Some("a → b → a"));
        assert_eq!(cycle_through("c", &next), None);
    }
}
