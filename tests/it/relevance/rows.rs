//! The relevance table: what a reader expects for each query, on the built-in dossier
//! and on a small fixture. Run by `main.rs`.

use talks::model::EntityKind;

/// What a row expects of the results (ids, best first).
#[derive(Debug)]
pub(super) enum Expect {
    /// The results start with exactly these ids, in this order.
    Top(&'static [&'static str]),
    /// The first results are these ids, in any order (they tie, or their order is not
    /// the point).
    First(&'static [&'static str]),
    /// These ids match and nothing else does.
    Exactly(&'static [&'static str]),
    /// Every id of `must` matches; nothing outside `must` and `may` does.
    Within {
        must: &'static [&'static str],
        may: &'static [&'static str],
    },
    /// These ids are among the results (others may be too).
    Includes(&'static [&'static str]),
    /// None of these ids is among the results.
    Excludes(&'static [&'static str]),
    /// No result at all.
    Nothing,
}
pub(super) use Expect::{Exactly, Excludes, First, Includes, Nothing, Top, Within};

/// Which list a row looks at.
#[derive(Debug, Clone, Copy)]
pub(super) enum Scope {
    /// One kind's list, best first.
    Kind(EntityKind),
    /// Every kind merged by score; equal scores keep kind order (actors, events, sticking
    /// points, places), then dossier order.
    All,
}

pub(super) const ACTORS: Scope = Scope::Kind(EntityKind::Actor);
pub(super) const EVENTS: Scope = Scope::Kind(EntityKind::Event);
pub(super) const POINTS: Scope = Scope::Kind(EntityKind::StickingPoint);
pub(super) const PLACES: Scope = Scope::Kind(EntityKind::Place);
pub(super) const SOURCES: Scope = Scope::Kind(EntityKind::Source);
pub(super) const ALL: Scope = Scope::All;

/// One query, where to look, and what a reader expects there.
pub(super) struct Row(pub &'static str, pub Scope, pub Expect);

/// Every entity whose own text says "NATO" (grep data/talks.yaml): the alliance, the
/// sticking point, the four actors whose summaries name it, the Moscow talks (summary) and
/// the security guarantees (Ukraine's position).
pub(super) const SAYS_NATO: &[&str] = &[
    "nato",
    "nato-membership",
    "ukraine",
    "russia",
    "trump",
    "european-allies",
    "moscow-talks",
    "security-guarantees",
];

/// The events Ukraine took part in, itself or through those who represent it (its
/// delegation, Umerov, Zelensky).
pub(super) const UKRAINE_EVENTS: &[&str] = &[
    "florida-talks",
    "moscow-briefing",
    "security-framework-agreement",
    "zelensky-transparency-call",
    "sincerity-doubts",
    "pokrovsk-rejection",
];

/// The events Putin took part in (participant or quoted).
pub(super) const PUTIN_EVENTS: &[&str] = &[
    "moscow-talks",
    "putin-ready-for-meetings",
    "putin-donbas-warning",
];

#[rustfmt::skip]
pub(super) const BUILTIN: &[Row] = &[
    // ---- The table ----------------------------------------------------------
    // Transliterations and misspellings that found nothing.
    Row("donbass", ALL, Top(&["donbas"])),
    Row("donbass", POINTS, Top(&["donbas-territory"])),
    // The warning also has Donbas in its title: whether it or the sticking point comes
    // second is a tie between title tiers, so only membership is asked.
    Row("donbass", ALL, Includes(&["donbas", "donbas-territory", "putin-donbas-warning"])),
    Row("witkov", ALL, Top(&["witkoff"])),
    Row("umarov", ALL, Top(&["umerov"])),
    Row("moskow", ALL, Top(&["moscow"])),
    Row("moskow", EVENTS, Includes(&["moscow-talks", "kremlin-verdict", "trump-assessment"])),
    Row("security guarentees", ALL, Top(&["security-guarantees"])),
    // Separators: the titles use an en dash, the text says "one-fifth".
    Row("us-ukraine", EVENTS, Top(&["florida-talks"])),
    Row("witkoff-putin", ALL, Exactly(&["moscow-talks"])),
    Row("one-fifth", ALL, Exactly(&["russia", "ukraine-country", "donbas-territory"])),
    // NATO: every entity that says NATO, and no scattered letters. Decision: the entities
    // linked to the NATO *actor* would count too, but none is (no participant, position,
    // quote or `represents` names it). `trump-assessment` shows NATO only through the
    // title of a sticking point it discusses; docs/decisions.md's link tier names linked actors
    // and places, not sticking points, so it is allowed but not required.
    Row("nato", ALL, Within { must: SAYS_NATO, may: &["trump-assessment"] }),
    Row("nato", ALL, Top(&["nato", "nato-membership"])),
    // "Negotiators" and Umerov's "national" hold n-a-t-o scattered, not NATO.
    Row("nato", ACTORS, Excludes(&["florida-negotiators", "umerov"])),
    // The person first, in their kind and across all kinds.
    Row("putin", ACTORS, Top(&["putin"])),
    Row("putin", ALL, Top(&["putin"])),
    Row("zelensky", ACTORS, Top(&["zelensky"])),
    Row("zelensky", ALL, Top(&["zelensky"])),
    Row("trump", ACTORS, Top(&["trump"])),
    Row("trump", ALL, Top(&["trump"])),
    // The event that quotes "it does take two to tango".
    Row("tango", EVENTS, Top(&["trump-assessment"])),
    Row("tango", ALL, Top(&["trump-assessment"])),
    // actor: follows `represents` (the Ukrainian delegation and Umerov were in Florida).
    Row("actor:ukraine kind:event", ALL, Includes(&["florida-talks"])),
    Row("actor:ukraine kind:event", ALL, Exactly(UKRAINE_EVENTS)),
    // Zero results (the suggestion is tested elsewhere).
    Row("xylophone", ALL, Nothing),
    Row("crimea", ALL, Nothing),

    // ---- Partial names, as typed -----------------------------------------------------
    Row("zelen", ACTORS, Top(&["zelensky"])),
    Row("witk", ACTORS, Top(&["witkoff"])),
    Row("kush", ALL, Top(&["kushner"])),
    Row("^pokr", PLACES, Top(&["pokrovsk"])),
    // Letters left out of a name (fuzzy subsequence in a short field, two letters missing).
    Row("zlnsky", ACTORS, Top(&["zelensky"])),
    Row("pkrvsk", PLACES, Top(&["pokrovsk"])),

    // ---- Misspellings and transliterations --------------------------------------------
    Row("zelenksy", ALL, Top(&["zelensky"])),
    Row("kushnir", ALL, Top(&["kushner"])),
    Row("pokrovk", PLACES, Top(&["pokrovsk"])),
    Row("pokrovk", ALL, Top(&["pokrovsk"])),
    Row("lugansk", PLACES, Top(&["luhansk"])),
    Row("lugansk", ALL, Top(&["luhansk"])),
    Row("zelenskyy", ACTORS, Top(&["zelensky"])),
    Row("zelenskiy", ACTORS, Top(&["zelensky"])),
    Row("zelenskyi", ACTORS, Top(&["zelensky"])),
    // An alias: The Kremlin by its name, Russia by its alias.
    Row("kremlin", ACTORS, Top(&["kremlin", "russia"])),
    Row("kremlin", ALL, Top(&["kremlin"])),
    // A dossier word takes no typos: "sincere" and "sincerely", not "sincerity".
    Row("sincere", ALL, Exactly(&["putin-ready-for-meetings", "sincerity-doubts"])),

    // ---- Quoted phrases ----------------------------------------------------------------
    Row("\"two to tango\"", EVENTS, Exactly(&["trump-assessment"])),
    // Trump's own detail lists his quotes: allowed, not required.
    Row("\"two to tango\"", ALL, Within { must: &["trump-assessment"], may: &["trump"] }),
    Row("\"tango to two\"", ALL, Nothing),
    Row("\"security guarantees\"", POINTS, Top(&["security-guarantees"])),
    Row("\"security guarantees\"", ALL, Top(&["security-guarantees"])),

    // ---- Separators ---------------------------------------------------------------------
    Row("us/ukraine", EVENTS, Top(&["florida-talks"])),
    Row("us_ukraine", EVENTS, Top(&["florida-talks"])),
    Row("us — ukraine", EVENTS, Top(&["florida-talks"])),
    Row("us–ukraine", EVENTS, Top(&["florida-talks"])),
    Row("one fifth", ALL, Exactly(&["russia", "ukraine-country", "donbas-territory"])),

    // ---- Case and diacritics ---------------------------------------------------------
    Row("kyïv", ACTORS, Top(&["ukraine"])),
    Row("zelénsky", ALL, Top(&["zelensky"])),
    Row("NATO", ALL, Top(&["nato", "nato-membership"])),
    Row("Nato", ACTORS, Top(&["nato"])),

    // ---- place: follows part_of ------------------------------------------------------
    Row("place:donetsk kind:event", ALL, Exactly(&[
        "putin-donbas-warning", "pokrovsk-claim", "pokrovsk-rejection",
    ])),
    Row("place:donetsk", POINTS, Exactly(&["donbas-territory", "pokrovsk-control"])),
    // Putin's Donbas warning concerns Donbas, Donetsk and Luhansk; it was made nowhere named.
    Row("place:donbas kind:event", ALL, Exactly(&[
        "putin-donbas-warning", "pokrovsk-claim", "pokrovsk-rejection",
    ])),
    Row("place:luhansk kind:event", ALL, Exactly(&["putin-donbas-warning"])),
    // Three levels: Pokrovsk < Donetsk < Donbas < Ukraine.
    Row("place:ukraine kind:event", ALL, Exactly(&[
        "putin-donbas-warning", "pokrovsk-claim", "pokrovsk-rejection",
    ])),
    Row("place:florida", EVENTS, Exactly(&[
        "florida-talks", "moscow-briefing", "security-framework-agreement", "florida-third-day",
    ])),

    // ---- actor: by id, name or alias, prefix and typo; follows represents ------------
    Row("actor:putin", EVENTS, Exactly(PUTIN_EVENTS)),
    Row("actor:puti kind:event", ALL, Exactly(PUTIN_EVENTS)),
    Row("actor:putn kind:event", ALL, Exactly(PUTIN_EVENTS)),
    // Sticking points through positions' actors: only Putin's own position.
    Row("actor:putin", POINTS, Exactly(&["donbas-territory"])),
    // Russia, The Kremlin and Putin (who represent it).
    Row("actor:russia kind:event", ALL, Exactly(&[
        "moscow-talks", "kremlin-verdict", "putin-ready-for-meetings", "putin-donbas-warning",
        "pokrovsk-claim",
    ])),
    // Ukraine holds a position on every sticking point but the US peace plan.
    Row("actor:ukraine", POINTS, Exactly(&[
        "donbas-territory", "security-guarantees", "nato-membership", "moscow-sincerity",
        "de-escalation", "pokrovsk-control",
    ])),

    // ---- status:, topic:, stance: --------------------------------------------------
    Row("status:planned", ALL, Exactly(&["florida-third-day"])),
    Row("status:ongoing", EVENTS, Exactly(&["florida-talks"])),
    Row("status:disputed", ALL, Exactly(&[
        "pokrovsk-claim", "nato-membership", "moscow-sincerity", "pokrovsk-control",
    ])),
    Row("topic:territory", POINTS, Exactly(&["donbas-territory", "pokrovsk-control"])),
    Row("topic:security", POINTS, Exactly(&["security-guarantees", "de-escalation"])),
    // The built-in dossier has no dates, and undated events never match a date filter.
    Row("date:2025", ALL, Nothing),
    Row("stance:opposes", POINTS, Exactly(&[
        "donbas-territory", "nato-membership", "pokrovsk-control",
    ])),

    // ---- basis: (how sure a position or quote is); with stance:, one position has both --
    Row("basis:inferred", POINTS, Exactly(&[
        "donbas-territory", "security-guarantees", "nato-membership", "moscow-sincerity",
        "us-peace-plan",
    ])),
    Row("basis:inferred", ACTORS, Exactly(&["united-states", "ukraine", "russia", "trump"])),
    Row("basis:inferred kind:event", ALL, Nothing),
    // ---- the sources themselves: search documents (title, publisher, author, note), not
    // listed among the entities (`ALL` merges the four lists) but on the sources page ----
    Row("forge peace", SOURCES, Exactly(&["seed-report"])),
    Row("stalld moscow", SOURCES, Exactly(&["seed-report"])), // a typo
    Row("names no publisher", SOURCES, Exactly(&["seed-report"])), // its note
    Row("nato", SOURCES, Nothing),
    Row("stance:demands", SOURCES, Nothing), // filters are about entities and claims
    Row("forge peace", ALL, Nothing),
    // ---- sources: (how many sources); the built-in dossier is one report: every entity
    // and claim rests on it alone, none on two, none on nothing --------------------------
    Row("sources:0", ALL, Nothing),
    Row("sources:>1", ALL, Nothing),
    Row("sources:1 kind:sticking-point", POINTS, Exactly(&[
        "donbas-territory", "security-guarantees", "nato-membership", "moscow-sincerity",
        "de-escalation", "pokrovsk-control", "us-peace-plan",
    ])),
    Row("stance:opposes basis:inferred", POINTS, Exactly(&["donbas-territory", "nato-membership"])),
    Row("stance:opposes basis:stated", POINTS, Exactly(&["nato-membership", "pokrovsk-control"])),
    Row("stance:supports basis:inferred", ALL, Exactly(&[
        "united-states", "russia", "security-guarantees", "moscow-sincerity", "us-peace-plan",
    ])),
    // Two bases: no one position has both, so each stands alone, whatever the order.
    Row("stance:opposes basis:inferred basis:stated", POINTS, Exactly(&["donbas-territory", "nato-membership"])),
    Row("stance:opposes basis:stated basis:inferred", POINTS, Exactly(&["donbas-territory", "nato-membership"])),
    // The claim and its rejection are about Pokrovsk (`concerns`), not made there.
    Row("place:pokrovsk kind:event", ALL, Exactly(&["pokrovsk-claim", "pokrovsk-rejection"])),

    // ---- Operators -------------------------------------------------------------------
    Row("pokrovsk !rejects", EVENTS, Exactly(&["pokrovsk-claim"])),
    // Putin's events that say nothing of Moscow.
    Row("putin !moscow", EVENTS, Exactly(&["putin-donbas-warning"])),
    Row("zelensky | kushner", ACTORS, First(&["kushner", "zelensky"])),
    Row("\"two to tango\" | \"no compromise\"", EVENTS, Exactly(&[
        "moscow-talks", "kremlin-verdict", "trump-assessment",
    ])),
    Row("'donbass", ALL, Nothing),
    Row("'witkov", ALL, Nothing),
    Row("'donbas", PLACES, Top(&["donbas"])),
    Row("kind:place moscow", ALL, Exactly(&["moscow"])),
    Row("kind:place donbas", ALL, Top(&["donbas"])),

    // ---- Several words, roles, topics ------------------------------------------------
    Row("florida talks", EVENTS, Top(&["florida-talks"])),
    Row("moscow talks", EVENTS, Top(&["moscow-talks"])),
    Row("sincerity moscow", POINTS, Top(&["moscow-sincerity"])),
    Row("umerov florida", EVENTS, Exactly(&["florida-talks"])),
    Row("special envoy", ACTORS, Top(&["witkoff"])),
    Row("president of ukraine", ACTORS, Top(&["zelensky"])),
    Row("european allies", ACTORS, Top(&["european-allies"])),
    // Both names are in the US delegation's summary; the United States only links to them.
    Row("witkoff kushner", ACTORS, Top(&["us-delegation"])),
    Row("framework", EVENTS, Top(&["security-framework-agreement"])),
    Row("deterrence", POINTS, Top(&["security-guarantees"])),
    Row("ceasefire", POINTS, Exactly(&["de-escalation"])),

    // ---- Every script, every habit (#27) ---------------------------------------------
    // Compounds: the dossier's "ceasefire" by its parts, apart or joined by a hyphen (Russia
    // holds the position that says it); its "de-escalation" written joined.
    Row("cease fire", ALL, Exactly(&["russia", "de-escalation"])),
    Row("cease-fire", ALL, Exactly(&["russia", "de-escalation"])),
    Row("ceasefire", ALL, Exactly(&["russia", "de-escalation"])),
    Row("deescalation", POINTS, Top(&["de-escalation"])),
    Row("de escalation", POINTS, Top(&["de-escalation"])),
    // Two terms, one entity: the call's title holds both ("Zelensky" is another spelling
    // of the alias typed); the person holds "transparency" only in his summary.
    Row("zelenskyy transparency", ALL, Top(&["zelensky-transparency-call", "zelensky"])),
    Row("zelenskiy transparency", ALL, Top(&["zelensky-transparency-call", "zelensky"])),
    // What matched while typing keeps matching when the next word comes.
    Row("witkov moscow", EVENTS, Top(&["moscow-talks"])),
    Row("witkov moscow", ACTORS, Includes(&["witkoff"])),
    Row("witkov putin", EVENTS, Top(&["moscow-talks"])),
];

/// Chinese and Japanese without spaces, and a "cease-fire" with a hyphen
/// (`tests/fixtures/cjk.yaml`).
pub(super) const CJK: &str = include_str!("../../fixtures/cjk.yaml");

#[rustfmt::skip]
pub(super) const CJK_ROWS: &[Row] = &[
    // A part of a run finds it: two characters, more, one (inside a run, or its last).
    Row("会谈", ALL, Exactly(&["beijing-talks"])),
    Row("北京会谈", ALL, Exactly(&["beijing-talks"])),
    Row("協議", ALL, Exactly(&["tokyo-consultation"])),
    Row("東京での協議", ALL, Exactly(&["tokyo-consultation"])),
    Row("での", ALL, Exactly(&["tokyo-consultation"])),
    Row("会", ALL, Exactly(&["beijing-talks"])),
    Row("谈", ALL, Exactly(&["beijing-talks"])),
    Row("コーヒー", ALL, Exactly(&["tokyo-consultation"])),
    // In order only.
    Row("谈会", ALL, Nothing),
    // The sticking point by its title first; then who holds it, the talks that discuss it
    // and the place it is at.
    Row("停火", ALL, Top(&["truce"])),
    Row("停火", ALL, Exactly(&["truce", "china", "beijing-talks", "beijing"])),
    Row("北京 会谈", EVENTS, Top(&["beijing-talks"])),
    Row("中国", ACTORS, Top(&["china"])),
    // The fixture writes "cease-fire": joined, apart and hyphenated find it.
    Row("ceasefire", ALL, Exactly(&["line-talks"])),
    Row("cease fire", ALL, Exactly(&["line-talks"])),
    Row("cease-fire", ALL, Exactly(&["line-talks"])),
];

/// Dated events (a year, months, days, one undated and one of 2024), places three deep, a
/// mediator with diacritics in her name, a delegation and a minister who represent their
/// countries.
pub(super) const FIXTURE: &str = "\
version: 1
title: Relevance fixture
sources:
  - {id: memo, title: Internal memo, kind: note}
actors:
  - {id: arcadia, name: Arcadia, kind: state, aliases: [Arcadian Republic], sources: [memo]}
  - {id: borduria, name: Borduria, kind: state, sources: [memo]}
  - {id: arcadian-delegation, name: Arcadian delegation, kind: delegation, represents: arcadia, sources: [memo]}
  - {id: mueller, name: Zoë Müller, kind: person, role: Mediator, sources: [memo]}
  - {id: novak, name: Ivan Novák, kind: person, role: Foreign minister, represents: borduria, sources: [memo]}
places:
  - {id: arcadia-country, name: Arcadia, kind: country, sources: [memo]}
  - {id: eastern-march, name: Eastern March, kind: region, part_of: arcadia-country, sources: [memo]}
  - {id: harbourtown, name: Harbourtown, kind: city, part_of: eastern-march, sources: [memo]}
  - {id: old-port, name: Old Port, kind: town, part_of: harbourtown, sources: [memo]}
  - {id: lakeside, name: Lakeside, kind: town, part_of: eastern-march, sources: [memo]}
  - {id: geneva, name: Geneva, kind: city, sources: [memo]}
events:
  - {id: earlier-contacts, title: Earlier contacts, kind: meeting, status: held, order: 1, date: 2024-12-15, place: geneva, participants: [arcadia, borduria], sources: [memo]}
  - {id: year-review, title: Review of the year, kind: briefing, status: held, order: 2, date: '2025', place: geneva, participants: [mueller], sources: [memo]}
  - {id: march-meeting, title: Meeting in March, kind: meeting, status: held, order: 3, date: 2025-03, participants: [borduria], sources: [memo]}
  - {id: october-talks, title: Talks in October, kind: meeting, status: held, order: 4, date: 2025-10-03, place: geneva, participants: [arcadia], sources: [memo]}
  - {id: november-round, title: November round, kind: meeting, status: held, order: 5, date: 2025-11, place: harbourtown, participants: [arcadian-delegation, novak], sources: [memo]}
  - {id: port-summit, title: Summit at the old port, kind: meeting, status: held, order: 6, date: 2025-11-20, place: old-port, participants: [mueller, borduria], sources: [memo]}
  - {id: undated-round, title: A round of unknown date, kind: meeting, status: planned, order: 7, place: lakeside, participants: [arcadian-delegation], sources: [memo]}
";

/// The events whose date overlaps November 2025: the year 2025 covers it (docs/decisions.md
/// "Dates": a date is an interval by its precision, `date:X` matches an overlap).
pub(super) const IN_NOVEMBER: &[&str] = &["year-review", "november-round", "port-summit"];

#[rustfmt::skip]
pub(super) const FIXTURE_ROWS: &[Row] = &[
    // Dates: only dated events, by overlap of intervals; nothing else has a date.
    Row("date:2025", ALL, Exactly(&[
        "year-review", "march-meeting", "october-talks", "november-round", "port-summit",
    ])),
    Row("date:2025-11", EVENTS, Exactly(IN_NOVEMBER)),
    Row("date:2025-11-20", EVENTS, Exactly(IN_NOVEMBER)),
    // Ends on or after 1 November 2025 (the year does; 3 October does not).
    Row("date:>=2025-11", EVENTS, Exactly(IN_NOVEMBER)),
    // Starts on or before 31 October 2025.
    Row("date:<=2025-10", EVENTS, Exactly(&[
        "earlier-contacts", "year-review", "march-meeting", "october-talks",
    ])),
    Row("date:<=2025-03", EVENTS, Exactly(&["earlier-contacts", "year-review", "march-meeting"])),
    Row("date:2024", EVENTS, Exactly(&["earlier-contacts"])),
    Row("date:2026", ALL, Nothing),
    // place: follows part_of, down any number of levels, with prefix and typo.
    Row("place:eastern-march", EVENTS, Exactly(&["november-round", "port-summit", "undated-round"])),
    Row("place:arcadia kind:event", ALL, Exactly(&["november-round", "port-summit", "undated-round"])),
    Row("place:harbourtown", EVENTS, Exactly(&["november-round", "port-summit"])),
    Row("place:harbour", EVENTS, Exactly(&["november-round", "port-summit"])),
    Row("place:harbortown", EVENTS, Exactly(&["november-round", "port-summit"])),
    Row("place:geneva date:2025-10", EVENTS, Exactly(&["year-review", "october-talks"])),
    // Diacritics in the dossier and in the query.
    Row("zoe muller", ALL, Top(&["mueller"])),
    Row("müller", ALL, Top(&["mueller"])),
    Row("MÜLLER", ACTORS, Top(&["mueller"])),
    Row("zoë", ALL, Top(&["mueller"])),
    Row("novak", ACTORS, Top(&["novak"])),
    // actor: follows represents (the delegation for Arcadia, Novák for Borduria).
    Row("actor:arcadia kind:event", ALL, Exactly(&[
        "earlier-contacts", "october-talks", "november-round", "undated-round",
    ])),
    Row("actor:borduria kind:event", ALL, Exactly(&[
        "earlier-contacts", "march-meeting", "november-round", "port-summit",
    ])),
    Row("actor:müller", EVENTS, Exactly(&["year-review", "port-summit"])),
    Row("actor:zoe", EVENTS, Exactly(&["year-review", "port-summit"])),
    Row("actor:novak", EVENTS, Exactly(&["november-round"])),
    Row("actor:borduria date:>=2025-11", EVENTS, Exactly(&["november-round", "port-summit"])),
    Row("kind:place harbour", ALL, Top(&["harbourtown"])),
];
