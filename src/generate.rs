//! Large, valid dossiers for benchmarks (`examples/gen_dossier.rs`, `benches/`): about 10%
//! actors, 75% events, 10% sticking points with positions and 5% places, with references
//! between them and text of realistic length. The same seed always gives the same dossier.
//! Also the alias bomb that the loader's tests feed it.

use crate::model::{
    Actor, ActorKind, Basis, Dossier, Event, EventKind, EventStatus, Place, PlaceKind, Position,
    Quote, Source, Stance, StickingPoint, StickingStatus,
};

/// splitmix64: small and deterministic.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn sentence(&mut self, words: usize) -> String {
        let mut text: Vec<&str> = (0..words).map(|_| self.pick(WORDS)).collect();
        let at = self.below(words);
        text.insert(at, self.pick(PLACES));
        crate::text::capitalised(&text.join(" "))
    }

    fn summary(&mut self) -> String {
        let sentences = 1 + self.below(3);
        (0..sentences)
            .map(|_| {
                let words = 8 + self.below(10);
                self.sentence(words) + "."
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

const WORDS: &[&str] = &[
    "talks",
    "ceasefire",
    "delegation",
    "border",
    "security",
    "guarantees",
    "envoy",
    "withdrawal",
    "framework",
    "sanctions",
    "prisoners",
    "exchange",
    "corridor",
    "monitoring",
    "observers",
    "negotiators",
    "proposal",
    "territory",
    "region",
    "agreement",
    "statement",
    "claims",
    "control",
    "offensive",
    "humanitarian",
    "aid",
    "deterrence",
    "alliance",
    "membership",
    "referendum",
    "elections",
    "reconstruction",
    "energy",
    "grain",
];
const PLACES: &[&str] = &[
    "Donetsk",
    "Luhansk",
    "Kherson",
    "Zaporizhzhia",
    "Kharkiv",
    "Odesa",
    "Geneva",
    "Istanbul",
];
const FIRST: &[&str] = &[
    "Anna", "Oleh", "Maria", "Ivan", "Sofia", "Dmytro", "Elena", "Pavlo", "Irina", "Taras",
];
const LAST: &[&str] = &[
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Melnyk",
    "Kravets",
    "Petrenko",
];

fn cites() -> Vec<String> {
    vec!["src".to_string()]
}

/// How many entities of each kind a dossier of about `entities` entities has.
struct Counts {
    actors: usize,
    events: usize,
    points: usize,
    places: usize,
}

/// A dossier of about `entities` entities.
pub fn dossier(entities: usize, seed: u64) -> Dossier {
    let mut r = Random(seed);
    let (actors, points, places) = (
        (entities / 10).max(2),
        (entities / 10).max(1),
        (entities / 20).max(1),
    );
    let events = entities.saturating_sub(actors + points + places).max(1);
    let n = Counts {
        actors,
        events,
        points,
        places,
    };
    // Generated in this order, so that a seed always gives the same dossier.
    let places = places_of(&mut r, &n);
    let actors = actors_of(&mut r, &n);
    let sticking_points = sticking_points_of(&mut r, &n);
    let events = events_of(&mut r, &n);
    Dossier {
        version: 1,
        title: format!("Generated dossier of {entities} entities (seed {seed})"),
        summary: None,
        sources: vec![Source {
            id: "src".into(),
            title: "Generated source".into(),
            kind: "dataset".into(),
            author: None,
            published: None,
            publisher: None,
            url: None,
            note: None,
            text: None,
        }],
        actors,
        events,
        sticking_points,
        places,
    }
}

fn places_of(r: &mut Random, n: &Counts) -> Vec<Place> {
    (0..n.places)
        .map(|i| Place {
            id: format!("place-{i}"),
            name: format!("{} {i}", r.pick(PLACES)),
            kind: Some(PlaceKind::Region),
            part_of: (i > 0).then(|| format!("place-{}", r.below(i))),
            summary: None,
            sources: cites(),
        })
        .collect()
}

fn actors_of(r: &mut Random, n: &Counts) -> Vec<Actor> {
    (0..n.actors)
        .map(|i| Actor {
            id: format!("actor-{i}"),
            name: format!("{} {} {i}", r.pick(FIRST), r.pick(LAST)),
            kind: ActorKind::Person,
            role: Some(r.sentence(4)),
            represents: (i > 0 && r.below(2) == 0).then(|| format!("actor-{}", r.below(i))),
            aliases: vec![format!("{}{i}", r.pick(LAST))],
            summary: Some(r.summary()),
            sources: cites(),
        })
        .collect()
}

fn sticking_points_of(r: &mut Random, n: &Counts) -> Vec<StickingPoint> {
    let stances = [
        Stance::Demands,
        Stance::Supports,
        Stance::Opposes,
        Stance::Conditional,
        Stance::Unclear,
    ];
    let topics = ["territory", "security", "alliance", "process"];
    (0..n.points)
        .map(|i| StickingPoint {
            id: format!("point-{i}"),
            title: r.sentence(3),
            topic: r.pick(&topics).to_string(),
            status: StickingStatus::Disputed,
            summary: Some(r.summary()),
            places: vec![format!("place-{}", r.below(n.places))],
            positions: (0..1 + r.below(3))
                .map(|_| Position {
                    actor: format!("actor-{}", r.below(n.actors)),
                    stance: stances[r.below(stances.len())].clone(),
                    summary: r.sentence(10) + ".",
                    source: Some("src".into()),
                    basis: Basis::Stated,
                    as_of: None,
                })
                .collect(),
            sources: cites(),
        })
        .collect()
}

fn events_of(r: &mut Random, n: &Counts) -> Vec<Event> {
    let statuses = [
        EventStatus::Held,
        EventStatus::Ongoing,
        EventStatus::Planned,
        EventStatus::Claimed,
        EventStatus::Disputed,
    ];
    (0..n.events)
        .map(|i| {
            let status = statuses[r.below(statuses.len())].clone();
            // What is still planned comes after what has happened (validate warns otherwise).
            let order = if status == EventStatus::Planned {
                n.events + i
            } else {
                i
            };
            event_of(r, n, i, status, order as u32)
        })
        .collect()
}

fn event_of(r: &mut Random, n: &Counts, i: usize, status: EventStatus, order: u32) -> Event {
    Event {
        id: format!("event-{i}"),
        title: r.sentence(5),
        kind: EventKind::Meeting,
        status,
        order,
        date: None,
        place: Some(format!("place-{}", r.below(n.places))),
        concerns: Vec::new(),
        participants: vec![
            format!("actor-{}", r.below(n.actors)),
            format!("actor-{}", r.below(n.actors)),
        ],
        sticking_points: vec![format!("point-{}", r.below(n.points))],
        summary: Some(r.summary()),
        outcomes: Vec::new(),
        quotes: vec![Quote {
            by: vec![format!("actor-{}", r.below(n.actors))],
            text: r.sentence(4),
            source: Some("src".into()),
            basis: Basis::Stated,
        }],
        sources: cites(),
    }
}

/// An alias bomb ("billion laughs"): ten anchored lists of nine items, each item an alias
/// to the list before, so that expanding the last one would make 9^10 strings.
pub fn billion_laughs() -> String {
    let mut text = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..10u8 {
        let (name, prev) = ((b'a' + i) as char, (b'a' + i - 1) as char);
        text.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    #[test]
    fn generated_dossiers_are_valid_and_repeatable() {
        let yaml = serde_yaml::to_string(&super::dossier(500, 7)).unwrap_or_default();
        let loaded = crate::model::load_str("gen.yaml", &yaml).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings.is_empty());
        assert_eq!(loaded.dossier.actors.len(), 50);
        assert_eq!(loaded.dossier.events.len(), 375);
        let again = serde_yaml::to_string(&super::dossier(500, 7)).unwrap_or_default();
        assert_eq!(yaml, again);
    }
}
