//! The built-in dossier covers its report claim by claim (issue #29): each of the report's
//! 37 claims, in the dossier's own words, is held by the entity, position, quote or event
//! named here, and the dossier's quotes are the report's 7, with their speakers.
//!
//! The claims are paraphrased (the report itself is kept beside the repository, not in
//! it); `builtin_report.rs` checks the quotes against its text where it is at hand.

use talks::model::{EntityKind, Loaded, builtin};

/// Where a claim is held.
enum Held {
    /// The entity with this id says all these words (case-insensitive) in its fields.
    Says(&'static str, &'static [&'static str]),
    /// Sticking point, actor, stance, and whether the dossier marks it inferred.
    Position(&'static str, &'static str, &'static str, bool),
    /// Event, speakers, words.
    Quote(&'static str, &'static [&'static str], &'static str),
    /// Event, status, participants it must have.
    Event(&'static str, &'static str, &'static [&'static str]),
}

use Held::{Event, Position, Quote, Says};

/// The report's claims in order, paraphrased, each with where the dossier holds it.
const CLAIMS: [(&str, &[Held]); 37] = [
    (
        "US and Ukrainian negotiators talked in Florida",
        &[Event(
            "florida-talks",
            "ongoing",
            &["us-delegation", "ukrainian-delegation"],
        )],
    ),
    (
        "the Florida talks were called constructive",
        &[Says("florida-talks", &["constructive discussions"])],
    ),
    (
        "progress towards a possible peace framework was reported",
        &[Says("florida-talks", &["progress", "framework for peace"])],
    ),
    (
        "the earlier Moscow talks with Russia reached a deadlock",
        &[
            Event("moscow-talks", "held", &["witkoff", "putin"]),
            Says("kremlin-verdict", &["no compromise"]),
        ],
    ),
    (
        "Witkoff is the US special envoy",
        &[Says("witkoff", &["us special envoy", "united-states"])],
    ),
    (
        "Umerov is secretary of Ukraine's national security council",
        &[Says(
            "umerov",
            &["secretary of ukraine's national security council"],
        )],
    ),
    (
        "Witkoff and Umerov met for two days",
        &[
            Event("florida-talks", "ongoing", &["witkoff", "umerov"]),
            Says("florida-talks", &["two days"]),
        ],
    ),
    (
        "a third day was planned",
        &[Event("florida-third-day", "planned", &[])],
    ),
    (
        "they stressed Russia must commit seriously to long-term peace",
        &[
            Quote(
                "florida-talks",
                &["witkoff", "umerov"],
                "serious commitment to long-term peace",
            ),
            Position("moscow-sincerity", "united-states", "demands", false),
        ],
    ),
    (
        "by de-escalation and an end to hostilities",
        &[
            Position("de-escalation", "united-states", "demands", false),
            Position("de-escalation", "ukraine", "demands", false),
        ],
    ),
    (
        "Kushner is Trump's son-in-law",
        &[Says("kushner", &["son-in-law", "donald trump"])],
    ),
    (
        "Kushner took part in the Florida talks",
        &[Event("florida-talks", "ongoing", &["kushner"])],
    ),
    (
        "the Ukrainian side was briefed on Witkoff's Moscow meetings with Putin",
        &[
            Event("moscow-briefing", "held", &["ukrainian-delegation"]),
            Says("moscow-briefing", &["briefed", "putin"]),
        ],
    ),
    (
        "Putin is Russia's president",
        &[Says("putin", &["president of russia"])],
    ),
    (
        "the Moscow talks lasted almost five hours",
        &[Says("moscow-talks", &["almost five hours"])],
    ),
    (
        "the Kremlin reported no compromise on the initial US plan",
        &[
            Quote("kremlin-verdict", &["kremlin"], "no compromise"),
            Position("us-peace-plan", "russia", "unclear", false),
        ],
    ),
    (
        "Putin said he is ready to meet again",
        &[
            Event("putin-ready-for-meetings", "held", &["putin"]),
            Position("moscow-sincerity", "russia", "supports", true),
        ],
    ),
    (
        "Ukraine and its European allies doubt Moscow's sincerity",
        &[
            Event("sincerity-doubts", "held", &["ukraine", "european-allies"]),
            Says("european-allies", &["sincerity"]),
        ],
    ),
    (
        "Zelensky is Ukraine's president",
        &[Says("zelensky", &["president of ukraine"])],
    ),
    (
        "Zelensky wants full transparency on the Moscow talks",
        &[
            Event("zelensky-transparency-call", "held", &["zelensky"]),
            Position("moscow-sincerity", "ukraine", "demands", false),
        ],
    ),
    (
        "and on any new pretexts to prolong the war",
        &[Says(
            "zelensky-transparency-call",
            &["pretexts", "prolong the war"],
        )],
    ),
    (
        "points of contention still stand in the way",
        &[Says("security-guarantees", &["continue to hinder"])],
    ),
    (
        "the Florida negotiators agreed a framework of security arrangements",
        &[
            Quote(
                "security-framework-agreement",
                &["florida-negotiators"],
                "agreed on the framework of security arrangements",
            ),
            Says("security-guarantees", &["framework-agreed"]),
        ],
    ),
    (
        "and discussed deterrence for a lasting peace",
        &[Quote(
            "security-framework-agreement",
            &["florida-negotiators"],
            "necessary deterrence capabilities to sustain a lasting peace",
        )],
    ),
    (
        "Russia demands territory in Donbas: Donetsk and Luhansk",
        &[
            Position("donbas-territory", "russia", "demands", false),
            Says("donbas-territory", &["donbas", "donetsk", "luhansk"]),
        ],
    ),
    (
        "which is a major hurdle",
        &[Says("donbas-territory", &["major hurdle"])],
    ),
    (
        "Russia holds about a fifth of Ukraine's territory",
        &[
            Says("russia", &["one-fifth"]),
            Says("ukraine-country", &["one-fifth"]),
        ],
    ),
    (
        "Putin warned Ukraine to leave the region entirely",
        &[
            Event("putin-donbas-warning", "held", &["putin"]),
            Position("donbas-territory", "putin", "demands", false),
        ],
    ),
    (
        "threatening to take it by force",
        &[Quote(
            "putin-donbas-warning",
            &["putin"],
            "liberate these territories by force",
        )],
    ),
    (
        "Russia claimed Pokrovsk, in Donetsk",
        &[
            Event("pokrovsk-claim", "disputed", &["russia"]),
            Position("pokrovsk-control", "russia", "supports", false),
            Says("pokrovsk", &["donetsk"]),
        ],
    ),
    (
        "Ukraine rejects that claim strongly",
        &[
            Event("pokrovsk-rejection", "held", &["ukraine"]),
            Position("pokrovsk-control", "ukraine", "opposes", false),
        ],
    ),
    (
        "Ukraine's future security is another key issue",
        &[Says("security-guarantees", &["ukraine's future security"])],
    ),
    (
        "Kyiv and its European partners seek NATO membership or strong guarantees",
        &[
            Position("nato-membership", "ukraine", "supports", false),
            Position("nato-membership", "european-allies", "supports", false),
            Position("security-guarantees", "ukraine", "supports", false),
            Position("security-guarantees", "european-allies", "supports", false),
        ],
    ),
    (
        "Russia strongly opposes Ukraine joining NATO",
        &[Position("nato-membership", "russia", "opposes", false)],
    ),
    (
        "Trump has repeatedly shown no interest in Ukraine joining NATO",
        &[
            Position("nato-membership", "trump", "opposes", true),
            Says("trump", &["repeatedly"]),
        ],
    ),
    (
        "NATO membership was a key question in the Moscow talks",
        &[Says("moscow-talks", &["key question", "nato-membership"])],
    ),
    (
        "Trump found the Moscow talks reasonably good but too early to judge",
        &[
            Quote("trump-assessment", &["trump"], "reasonably good"),
            Quote("trump-assessment", &["trump"], "it does take two to tango"),
            Says("trump-assessment", &["too early"]),
        ],
    ),
];

fn loaded() -> Loaded {
    builtin().unwrap_or_else(|err| panic!("{err}"))
}

/// Every field of the entity with this id, as JSON, lower-cased.
fn fields_of(l: &Loaded, id: &str) -> String {
    let entity = l.index.get(id).unwrap_or_else(|| panic!("no entity {id}"));
    let d = &l.dossier;
    let json = match entity.kind {
        EntityKind::Actor => serde_json::to_string(&d.actors[entity.index]),
        EntityKind::Event => serde_json::to_string(&d.events[entity.index]),
        EntityKind::StickingPoint => serde_json::to_string(&d.sticking_points[entity.index]),
        EntityKind::Place => serde_json::to_string(&d.places[entity.index]),
        EntityKind::Source => serde_json::to_string(&d.sources[entity.index]),
    };
    json.unwrap_or_else(|e| panic!("{e}"))
        .replace('\u{2019}', "'")
        .to_lowercase()
}

fn event<'a>(l: &'a Loaded, id: &str) -> &'a talks::model::Event {
    let entity = l.index.get(id).unwrap_or_else(|| panic!("no event {id}"));
    assert_eq!(entity.kind, EntityKind::Event, "{id}");
    &l.dossier.events[entity.index]
}

fn word(value: impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Why the dossier does not hold it, or `None` when it does.
fn missing(l: &Loaded, held: &Held) -> Option<String> {
    match *held {
        Says(id, words) => {
            let fields = fields_of(l, id);
            let absent: Vec<&str> = words
                .iter()
                .copied()
                .filter(|w| !fields.contains(&w.to_lowercase()))
                .collect();
            (!absent.is_empty()).then(|| format!("{id} does not say {absent:?}"))
        }
        Position(point, actor, stance, inferred) => {
            let Some(at) = l.index.sticking_point(point) else {
                return Some(format!("no sticking point {point}"));
            };
            let found = l.dossier.sticking_points[at]
                .positions
                .iter()
                .find(|p| p.actor == actor);
            let Some(p) = found else {
                return Some(format!("{actor} has no position on {point}"));
            };
            let got = (word(&p.stance), word(&p.basis) == "inferred");
            (got != (stance.to_owned(), inferred))
                .then(|| format!("{actor} on {point}: {got:?}, not ({stance}, {inferred})"))
        }
        Quote(id, speakers, text) => {
            let found = event(l, id)
                .quotes
                .iter()
                .any(|q| q.text == text && q.by == speakers && word(&q.basis) != "inferred");
            (!found).then(|| format!("{id} has no quote “{text}” by {speakers:?}"))
        }
        Event(id, status, participants) => {
            let e = event(l, id);
            let absent: Vec<&str> = participants
                .iter()
                .copied()
                .filter(|p| !e.participants.iter().any(|q| q == p))
                .collect();
            let wrong = word(&e.status) != status;
            (wrong || !absent.is_empty())
                .then(|| format!("{id}: status {}, missing {absent:?}", word(&e.status)))
        }
    }
}

#[test]
fn every_claim_of_the_report_is_in_the_built_in_dossier() {
    let l = loaded();
    let gaps: Vec<String> = CLAIMS
        .iter()
        .enumerate()
        .flat_map(|(n, (claim, held))| {
            held.iter()
                .filter_map(|h| missing(&l, h))
                .map(move |why| format!("claim {} ({claim}): {why}", n + 1))
        })
        .collect();
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

/// The dossier quotes exactly the report's seven quoted statements, with their speakers:
/// no more (nothing invented), no fewer (each claim's quote is checked above).
#[test]
fn the_seven_quotes_and_their_speakers() {
    let l = loaded();
    let mut quotes: Vec<(String, Vec<String>)> = l
        .dossier
        .events
        .iter()
        .flat_map(|e| e.quotes.iter().map(|q| (q.text.clone(), q.by.clone())))
        .collect();
    quotes.sort();
    let mut expected: Vec<(String, Vec<String>)> = CLAIMS
        .iter()
        .flat_map(|(_, held)| held.iter())
        .filter_map(|h| match *h {
            Quote(_, by, text) => Some((
                text.to_owned(),
                by.iter().map(|s| (*s).to_owned()).collect(),
            )),
            _ => None,
        })
        .collect();
    expected.sort();
    assert_eq!(quotes.len(), 7);
    assert_eq!(quotes, expected);
}

/// A claim check that fails: the table would catch a claim the dossier dropped.
#[test]
fn a_dropped_claim_is_caught() {
    let mut l = loaded();
    let at = l.index.sticking_point("nato-membership").unwrap();
    l.dossier.sticking_points[at]
        .positions
        .retain(|p| p.actor != "trump");
    let why = missing(&l, &Position("nato-membership", "trump", "opposes", true));
    assert_eq!(
        why.as_deref(),
        Some("trump has no position on nato-membership")
    );
    let why = missing(&l, &Says("trump", &["two to tango"]));
    assert_eq!(
        why.as_deref(),
        Some("trump does not say [\"two to tango\"]")
    );
}
