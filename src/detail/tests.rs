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
