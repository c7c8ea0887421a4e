use proptest::prelude::*;

use super::*;

fn notes(entries: &[(&str, &str)]) -> Notes {
    let mut notes = Notes::new();
    for (key, text) in entries {
        notes.notes.insert(key.to_string(), text.to_string());
    }
    notes
}

fn note<'a>(notes: &'a Notes, key: &str) -> Option<&'a str> {
    notes.note(key)
}

#[test]
fn notes_written_on_different_keys_are_all_kept() {
    let base = notes(&[("kyiv", "holds")]);
    let mine = notes(&[("kyiv", "holds"), ("putin", "mine")]);
    let theirs = notes(&[("kyiv", "holds"), ("donbas", "theirs")]);
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(
        merged,
        notes(&[("kyiv", "holds"), ("putin", "mine"), ("donbas", "theirs")])
    );
}

#[test]
fn a_note_changed_on_one_side_takes_that_change() {
    let base = notes(&[("kyiv", "old"), ("putin", "old")]);
    let mine = notes(&[("kyiv", "mine"), ("putin", "old")]);
    let theirs = notes(&[("kyiv", "old"), ("putin", "theirs")]);
    let merged = merge(&base, &mine, &theirs);
    assert_eq!(merged, notes(&[("kyiv", "mine"), ("putin", "theirs")]));
}

#[test]
fn a_note_changed_by_both_keeps_both_mine_first() {
    let base = notes(&[("kyiv", "old")]);
    let mine = notes(&[("kyiv", "mine")]);
    let theirs = notes(&[("kyiv", "theirs\nsecond line")]);
    assert_eq!(
        note(&merge(&base, &mine, &theirs), "kyiv"),
        Some("mine\n── also saved at the same time by another talks: ──\ntheirs\nsecond line")
    );
    // Written on both sides at once, where there was none.
    let merged = merge(
        &Notes::new(),
        &notes(&[("kyiv", "a\n")]),
        &notes(&[("kyiv", "b")]),
    );
    assert_eq!(
        note(&merged, "kyiv"),
        Some("a\n── also saved at the same time by another talks: ──\nb")
    );
    // The same text on both sides is no conflict.
    let same = notes(&[("kyiv", "same")]);
    assert_eq!(merge(&base, &same, &same), same);
}

#[test]
fn a_removal_keeps_a_note_the_other_side_changed() {
    let base = notes(&[("kyiv", "old"), ("putin", "old")]);
    // Removed here, changed there: theirs kept. Removed here, untouched there: removed.
    let mine = Notes::new();
    let theirs = notes(&[("kyiv", "theirs"), ("putin", "old")]);
    assert_eq!(merge(&base, &mine, &theirs), notes(&[("kyiv", "theirs")]));
    // Changed here, removed there: mine kept. Untouched here, removed there: removed.
    let mine = notes(&[("kyiv", "mine"), ("putin", "old")]);
    assert_eq!(
        merge(&base, &mine, &Notes::new()),
        notes(&[("kyiv", "mine")])
    );
}

#[test]
fn stars_added_or_removed_here_are_applied_onto_theirs() {
    let star = |keys: &[&str]| {
        let mut notes = Notes::new();
        for key in keys {
            notes.toggle_star(key);
        }
        notes
    };
    let base = star(&["kyiv", "putin"]);
    let mine = star(&["kyiv", "zelensky"]);
    let theirs = star(&["kyiv", "putin", "donbas"]);
    assert_eq!(
        merge(&base, &mine, &theirs),
        star(&["kyiv", "zelensky", "donbas"])
    );
    // Unstarred there, untouched here: stays unstarred.
    assert_eq!(merge(&base, &base, &star(&["putin"])), star(&["putin"]));
}

#[test]
fn a_search_changed_by_both_keeps_theirs_under_another_name() {
    let searches = |entries: &[(&str, &str)]| {
        let mut notes = Notes::new();
        for (name, query) in entries {
            notes.searches.insert(name.to_string(), query.to_string());
        }
        notes
    };
    let base = searches(&[("front", "donbas"), ("gone", "x")]);
    let mine = searches(&[("front", "donbas front"), ("new", "nato")]);
    let theirs = searches(&[
        ("front", "donbas line"),
        ("front (other)", "taken"),
        ("gone", "x"),
    ]);
    assert_eq!(
        merge(&base, &mine, &theirs),
        searches(&[
            ("front", "donbas front"),
            ("front (other)", "taken"),
            ("front (other 2)", "donbas line"),
            ("new", "nato"),
        ])
    );
}

/// Each key's value on one side: its base value kept, another text, or removed.
fn edits() -> impl Strategy<Value = Vec<Option<Option<&'static str>>>> {
    let edit = prop_oneof![
        Just(None),
        Just(Some(None)),
        Just(Some(Some("x"))),
        Just(Some(Some("y"))),
    ];
    proptest::collection::vec(edit, 6)
}

const KEYS: [&str; 6] = ["a", "b", "c", "d", "e", "f"];

fn edited(base: &Notes, edits: &[Option<Option<&str>>]) -> Notes {
    let mut notes = base.clone();
    for (key, edit) in KEYS.iter().zip(edits) {
        let Some(edit) = edit else { continue };
        notes.notes.remove(*key);
        notes.searches.remove(*key);
        notes.stars.remove(*key);
        if let Some(text) = edit {
            notes.notes.insert(key.to_string(), text.to_string());
            notes.searches.insert(key.to_string(), text.to_string());
            notes.stars.insert(key.to_string());
        }
    }
    notes
}

fn base_notes() -> impl Strategy<Value = Notes> {
    proptest::collection::vec(proptest::option::of(prop_oneof![Just("x"), Just("b")]), 6).prop_map(
        |values| {
            let entries: Vec<(&str, &str)> = KEYS
                .iter()
                .zip(values)
                .filter_map(|(key, value)| value.map(|v| (*key, v)))
                .collect();
            let mut notes = notes(&entries);
            for (key, text) in &entries {
                notes.searches.insert(key.to_string(), text.to_string());
                notes.stars.insert(key.to_string());
            }
            notes
        },
    )
}

proptest! {
    #[test]
    fn nothing_either_side_wrote_is_lost(
        base in base_notes(),
        mine in edits(),
        theirs in edits(),
    ) {
        let (mine, theirs) = (edited(&base, &mine), edited(&base, &theirs));
        let merged = merge(&base, &mine, &theirs);
        for key in KEYS {
            let (b, m, t) = (note(&base, key), note(&mine, key), note(&theirs, key));
            let got = note(&merged, key);
            // What each side wrote is there (a note, a search by its name or another).
            if m != b && let Some(m) = m {
                prop_assert!(got.is_some_and(|g| g.starts_with(m)), "{key}: mine {m:?} in {got:?}");
                prop_assert_eq!(merged.searches.get(key).map(String::as_str), Some(m));
            }
            if t != b && let Some(t) = t {
                prop_assert!(got.is_some_and(|g| g.contains(t)), "{key}: theirs {t:?} in {got:?}");
                prop_assert!(merged.searches.values().any(|q| q == t), "{key}: search {t:?}");
            }
            // What one side left alone is what the other made it (a removal included).
            if m == b {
                prop_assert_eq!(got, t);
            }
            if t == b {
                prop_assert_eq!(got, m);
            }
            let starred = if mine.is_starred(key) != base.is_starred(key) {
                mine.is_starred(key)
            } else {
                theirs.is_starred(key)
            };
            prop_assert_eq!(merged.is_starred(key), starred, "{}", key);
        }
    }
}

#[test]
fn the_marker_is_the_one_the_docs_show() {
    let docs = include_str!("../../docs/notes-format.md");
    assert!(docs.contains(&format!("```text\n{CONFLICT_MARKER}\n```")));
}
