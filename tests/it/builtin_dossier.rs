//! The built-in dossier holds what the report says, linked as the report links it.

use talks::model::{EntityKind, Loaded, Stance, builtin};

fn loaded() -> Loaded {
    builtin().unwrap_or_else(|err| panic!("{err}"))
}

fn actor<'a>(l: &'a Loaded, id: &str) -> &'a talks::model::Actor {
    &l.dossier.actors[l.index.actor(id).unwrap_or_else(|| panic!("no actor {id}"))]
}

fn event<'a>(l: &'a Loaded, id: &str) -> &'a talks::model::Event {
    let entity = l.index.get(id).unwrap_or_else(|| panic!("no event {id}"));
    assert_eq!(entity.kind, EntityKind::Event, "{id}");
    &l.dossier.events[entity.index]
}

fn stance(l: &Loaded, point: &str, actor: &str) -> Stance {
    let p = &l.dossier.sticking_points[l.index.sticking_point(point).unwrap()];
    p.positions
        .iter()
        .find(|p| p.actor == actor)
        .unwrap_or_else(|| panic!("{actor} on {point}"))
        .stance
        .clone()
}

#[test]
fn actors_with_roles_and_represents_links() {
    let l = loaded();
    let cases = [
        (
            "witkoff",
            "Steve Witkoff",
            Some("united-states"),
            "US special envoy",
        ),
        (
            "umerov",
            "Rustem Umerov",
            Some("ukraine"),
            "Secretary of Ukraine's national security council",
        ),
        // He "participated": the report does not say whom he spoke for.
        (
            "kushner",
            "Jared Kushner",
            None,
            "Son-in-law of US President Donald Trump",
        ),
        (
            "trump",
            "Donald Trump",
            Some("united-states"),
            "President of the United States",
        ),
        (
            "putin",
            "Vladimir Putin",
            Some("russia"),
            "President of Russia",
        ),
        (
            "zelensky",
            "Volodymyr Zelensky",
            Some("ukraine"),
            "President of Ukraine",
        ),
        ("kremlin", "The Kremlin", Some("russia"), ""),
        ("us-delegation", "US delegation", Some("united-states"), ""),
        (
            "ukrainian-delegation",
            "Ukrainian delegation",
            Some("ukraine"),
            "",
        ),
    ];
    for (id, name, represents, role) in cases {
        let a = actor(&l, id);
        assert_eq!(a.name, name);
        assert_eq!(a.represents.as_deref(), represents, "{id}");
        if !role.is_empty() {
            assert_eq!(a.role.as_deref(), Some(role), "{id}");
        }
    }
    for id in [
        "united-states",
        "ukraine",
        "russia",
        "european-allies",
        "nato",
    ] {
        actor(&l, id);
    }
    assert!(
        actor(&l, "zelensky")
            .aliases
            .iter()
            .any(|a| a == "Zelenskyy")
    );
}

#[test]
fn events_in_the_reports_order() {
    let l = loaded();
    let florida = event(&l, "florida-talks");
    assert_eq!(florida.status.as_str(), "ongoing");
    assert_eq!(florida.place.as_deref(), Some("florida"));
    for who in ["witkoff", "umerov", "kushner"] {
        assert!(florida.participants.iter().any(|p| p == who), "{who}");
    }
    assert!(
        florida
            .outcomes
            .iter()
            .any(|o| o.contains("Two days") && o.contains("third day planned"))
    );
    assert_eq!(event(&l, "florida-third-day").status.as_str(), "planned");
    let moscow = event(&l, "moscow-talks");
    assert_eq!(moscow.participants, vec!["witkoff", "putin"]);
    assert!(
        moscow
            .summary
            .as_deref()
            .unwrap_or_default()
            .contains("almost five hours")
    );
    assert!(moscow.order < florida.order, "Moscow came before Florida");
    assert_eq!(
        event(&l, "moscow-briefing").participants,
        vec!["ukrainian-delegation"]
    );
    let verdict = event(&l, "kremlin-verdict");
    assert_eq!(verdict.quotes[0].text, "no compromise");
    assert_eq!(verdict.quotes[0].by, vec!["kremlin"]);
    // The report names Witkoff and Umerov as the ones emphasising it (its first paragraph).
    let commitment = florida
        .quotes
        .iter()
        .find(|q| q.text.contains("serious commitment"));
    assert_eq!(commitment.unwrap().by, vec!["witkoff", "umerov"]);
    // The Pokrovsk claim and its rejection are about Pokrovsk; the report says not where
    // either was made.
    for id in ["pokrovsk-claim", "pokrovsk-rejection"] {
        assert_eq!(event(&l, id).place, None, "{id}");
        assert_eq!(event(&l, id).concerns, vec!["pokrovsk"], "{id}");
    }
    assert_eq!(
        event(&l, "putin-ready-for-meetings").participants,
        vec!["putin"]
    );
    assert_eq!(
        event(&l, "security-framework-agreement").kind.as_str(),
        "agreement"
    );
    let warning = event(&l, "putin-donbas-warning");
    assert_eq!(
        warning.quotes[0].text,
        "liberate these territories by force"
    );
    assert_eq!(event(&l, "pokrovsk-claim").status.as_str(), "disputed");
    assert_eq!(
        event(&l, "pokrovsk-rejection").participants,
        vec!["ukraine"]
    );
    assert_eq!(
        event(&l, "zelensky-transparency-call").participants,
        vec!["zelensky"]
    );
    let trump = event(&l, "trump-assessment");
    let quotes: Vec<&str> = trump.quotes.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(quotes, vec!["reasonably good", "it does take two to tango"]);
    // The report gives no dates: none are invented.
    assert!(l.dossier.events.iter().all(|e| e.date.is_none()));
}

/// The stances the report does not state in so many words are marked inferred, and only
/// those.
#[test]
fn stances_the_report_does_not_state_are_marked_inferred() {
    let l = loaded();
    let mut inferred: Vec<(&str, &str)> = Vec::new();
    for point in &l.dossier.sticking_points {
        for p in point.positions.iter().filter(|p| p.basis.is_inferred()) {
            inferred.push((point.id.as_str(), p.actor.as_str()));
        }
    }
    assert_eq!(
        inferred,
        vec![
            ("donbas-territory", "ukraine"),
            ("security-guarantees", "united-states"),
            ("nato-membership", "trump"),
            ("moscow-sincerity", "russia"),
            ("us-peace-plan", "united-states"),
        ]
    );
    let quotes = l.dossier.events.iter().flat_map(|e| &e.quotes);
    assert!(quotes.clone().all(|q| !q.basis.is_inferred()));
}

#[test]
fn sticking_points_with_every_partys_position() {
    let l = loaded();
    assert_eq!(stance(&l, "donbas-territory", "russia"), Stance::Demands);
    assert_eq!(stance(&l, "donbas-territory", "ukraine"), Stance::Opposes);
    assert_eq!(stance(&l, "nato-membership", "russia"), Stance::Opposes);
    assert_eq!(stance(&l, "nato-membership", "ukraine"), Stance::Supports);
    assert_eq!(stance(&l, "nato-membership", "trump"), Stance::Opposes);
    assert_eq!(
        stance(&l, "nato-membership", "european-allies"),
        Stance::Supports
    );
    assert_eq!(
        stance(&l, "security-guarantees", "ukraine"),
        Stance::Supports
    );
    assert_eq!(stance(&l, "pokrovsk-control", "ukraine"), Stance::Opposes);
    assert_eq!(stance(&l, "moscow-sincerity", "russia"), Stance::Supports);
    assert_eq!(
        stance(&l, "de-escalation", "united-states"),
        Stance::Demands
    );
    let donbas = &l.dossier.sticking_points[l.index.sticking_point("donbas-territory").unwrap()];
    assert_eq!(donbas.places, vec!["donbas", "donetsk", "luhansk"]);
    assert!(
        donbas
            .summary
            .as_deref()
            .unwrap_or_default()
            .contains("one-fifth")
    );
    assert_eq!(
        l.dossier.sticking_points[l.index.sticking_point("security-guarantees").unwrap()]
            .status
            .as_str(),
        "framework-agreed"
    );
}

#[test]
fn places_nest_as_the_report_says() {
    let l = loaded();
    let part_of = |id: &str| l.dossier.places[l.index.place(id).unwrap()].part_of.clone();
    assert_eq!(part_of("pokrovsk").as_deref(), Some("donetsk"));
    assert_eq!(part_of("donetsk").as_deref(), Some("donbas"));
    assert_eq!(part_of("luhansk").as_deref(), Some("donbas"));
    assert_eq!(part_of("donbas").as_deref(), Some("ukraine-country"));
    for id in ["florida", "moscow"] {
        assert!(l.index.place(id).is_some(), "{id}");
    }
}

#[test]
fn backlinks_from_the_index() {
    let l = loaded();
    let putin = l.index.actor("putin").unwrap();
    let events: Vec<&str> = l.index.actor_events[putin]
        .iter()
        .map(|&e| l.dossier.events[e].id.as_str())
        .collect();
    assert_eq!(
        events,
        vec![
            "moscow-talks",
            "putin-ready-for-meetings",
            "putin-donbas-warning"
        ]
    );
    let russia = l.index.actor("russia").unwrap();
    let represented: Vec<&str> = l.index.represented_by[russia]
        .iter()
        .map(|&a| l.dossier.actors[a].id.as_str())
        .collect();
    assert_eq!(represented, vec!["kremlin", "putin"]);
    let florida = l.index.place("florida").unwrap();
    assert_eq!(l.index.place_events[florida].len(), 4);
    assert!(l.index.source_citations[0].len() > 40);
}

#[test]
fn every_entity_cites_the_report() {
    let l = loaded();
    for kind in EntityKind::LISTED {
        for index in 0..l.dossier.count(kind) {
            let entity = talks::model::EntityRef { kind, index };
            assert_eq!(
                l.dossier.sources_of(entity),
                ["seed-report"],
                "{}",
                l.dossier.id_of(entity)
            );
        }
    }
    for point in &l.dossier.sticking_points {
        assert!(
            point
                .positions
                .iter()
                .all(|p| p.source.as_deref() == Some("seed-report"))
        );
    }
}

/// Issue #16: a place's kind is given only where the report gives one; without it the
/// place reads as "place", and a kind outside the vocabulary is still refused.
#[test]
fn a_place_kind_is_optional_and_checked_when_given() {
    let l = loaded();
    let pokrovsk = l
        .dossier
        .places
        .iter()
        .find(|p| p.id == "pokrovsk")
        .unwrap();
    assert!(pokrovsk.kind.is_none());
    assert_eq!(pokrovsk.kind_name(), "place");
    let base = "version: 1\ntitle: T\nsources: [{id: s, title: S, kind: k}]\nplaces:\n  - id: p\n    name: P\n    sources: [s]\n";
    assert!(talks::model::load_str("p.yaml", base).is_ok());
    let wrong = format!("{base}    kind: planet\n");
    let err = talks::model::load_str("p.yaml", &wrong)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("p.yaml:8:11") && err.contains("planet"),
        "{err}"
    );
}
