//! Details of the built-in dossier: what the lines say, and how.

use super::*;
use crate::model::builtin;

/// Every line of a section, as text.
fn section(loaded: &crate::model::Loaded, id: &str, heading: &str) -> Vec<String> {
    let entity = loaded.index.get(id).unwrap_or_else(|| panic!("{id}"));
    let shown = detail(&loaded.dossier, &loaded.index, entity);
    shown
        .sections
        .iter()
        .filter(|s| s.heading == heading)
        .flat_map(|s| s.lines.iter().map(Line::text))
        .collect()
}

#[test]
fn an_inferred_stance_is_hedged_and_a_stated_one_is_not() {
    let l = builtin().unwrap_or_else(|e| panic!("{e}"));
    let positions = section(&l, "nato-membership", "Positions");
    assert!(
        positions
            .iter()
            .any(|p| p.starts_with("Donald Trump — opposes (inferred): "))
    );
    assert!(
        positions
            .iter()
            .any(|p| p.starts_with("Russia — opposes: "))
    );
    let trump = section(&l, "trump", "Positions");
    assert!(trump[0].starts_with("Ukraine's NATO membership — opposes (inferred): "));
}

#[test]
fn a_quote_said_by_two_names_both_and_shows_on_each() {
    let l = builtin().unwrap_or_else(|e| panic!("{e}"));
    let quotes = section(&l, "florida-talks", "Quotes");
    assert_eq!(
        quotes,
        vec!["“serious commitment to long-term peace” — Steve Witkoff and Rustem Umerov [1]"]
    );
    for speaker in ["witkoff", "umerov"] {
        let quotes = section(&l, speaker, "Quotes");
        assert_eq!(
            quotes,
            vec![
                "“serious commitment to long-term peace” — Steve Witkoff and Rustem Umerov, \
                 in US–Ukraine talks in Florida [1]"
            ],
            "{speaker}"
        );
    }
    // A quote of one speaker names no one on that speaker's own page.
    let putin = section(&l, "putin", "Quotes");
    assert!(putin[0].ends_with("— in Putin warns Ukraine to withdraw from Donbas [1]"));
}

#[test]
fn where_an_event_happened_and_what_it_concerns_are_apart() {
    let l = builtin().unwrap_or_else(|e| panic!("{e}"));
    let fields = section(&l, "pokrovsk-claim", "");
    assert!(
        fields.contains(&"Concerns: Pokrovsk".to_string()),
        "{fields:?}"
    );
    assert!(
        !fields.iter().any(|f| f.starts_with("Place:")),
        "{fields:?}"
    );
    assert!(section(&l, "pokrovsk", "Events here").is_empty());
    let about = section(&l, "pokrovsk", "Events about it");
    assert_eq!(about.len(), 2, "{about:?}");
    assert!(about[0].starts_with("Russia claims control of Pokrovsk"));
}

/// A field that holds text but is not shown fails here: every piece of an entity's free
/// text in the docs' complete example (which uses every field) is somewhere in its detail.
#[test]
fn every_text_of_an_entity_is_in_its_detail() {
    let loaded = crate::model::complete_example();
    let mut texts: Vec<(String, String)> = Vec::new();
    crate::model::each_text(&loaded.dossier, &mut |path, text| {
        texts.push((path(), text.to_string()));
    });
    let lists = [
        ("actors", EntityKind::Actor),
        ("events", EntityKind::Event),
        ("sticking_points", EntityKind::StickingPoint),
        ("places", EntityKind::Place),
    ];
    let mut checked = 0;
    for (path, text) in &texts {
        let Some((list, rest)) = path.split_once('[') else {
            continue;
        };
        let Some(&(_, kind)) = lists.iter().find(|(name, _)| *name == list) else {
            continue;
        };
        let index: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let shown = detail(&loaded.dossier, &loaded.index, EntityRef::new(kind, index));
        let mut all = shown.title.clone();
        for line in shown.sections.iter().flat_map(|s| &s.lines) {
            all.push('\n');
            all.push_str(&line.text());
        }
        checked += 1;
        assert!(
            all.contains(text.as_str()),
            "{path} ({text:?}) is not shown in its detail: add it in src/detail/kinds.rs"
        );
    }
    assert!(checked >= 19, "only {checked} texts were checked");
}

/// The chronology: undated positions first (older than any dated one), then by date; an
/// undated event placed by its `order` after the dated events before it, labelled so; each
/// line a link.
#[test]
fn an_actor_s_chronology_is_in_date_order_with_undated_ones_placed_by_order() {
    let text = r#"version: 1
title: Chronology
sources:
  - {id: s, title: Report, kind: note}
actors:
  - {id: a, name: Aldoria, kind: state}
events:
  - {id: late, title: Late talks, kind: meeting, status: held, order: 3, date: 2031-03-20, participants: [a]}
  - {id: early, title: Early talks, kind: meeting, status: held, order: 1, date: 2031-03-01, participants: [a],
     quotes: [{by: a, text: "we shall see", source: s}]}
  - {id: between, title: Talks in between, kind: meeting, status: held, order: 2, participants: [a]}
sticking_points:
  - id: border
    title: The border
    topic: territory
    status: disputed
    positions:
      - {actor: a, stance: supports, summary: Agrees now., as_of: 2031-03-10, source: s}
      - {actor: a, stance: opposes, summary: Refused at first.}
"#;
    let l = crate::model::load_str("chronology.yaml", text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        section(&l, "a", chronology::HEADING),
        [
            // It cites no source, where the dossier has one: said.
            "undated: The border — opposes: Refused at first. · no source",
            "2031-03-01: took part in Early talks",
            "2031-03-01: said “we shall see” in Early talks [1]",
            "undated, #2: took part in Talks in between",
            "2031-03-10: The border — supports: Agrees now. [1]",
            "2031-03-20: took part in Late talks",
        ]
    );
    let entity = l.index.get("a").unwrap_or_else(|| panic!("a"));
    let shown = detail(&l.dossier, &l.index, entity);
    let chronology = shown
        .sections
        .iter()
        .find(|s| s.heading == chronology::HEADING);
    for line in chronology.map_or(&[][..], |s| &s.lines) {
        let links = line
            .segments
            .iter()
            .filter(|s| matches!(s.style, Style::Link(_)));
        assert_eq!(links.count(), 1, "{}", line.text());
    }
}
