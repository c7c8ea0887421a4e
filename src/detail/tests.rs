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
