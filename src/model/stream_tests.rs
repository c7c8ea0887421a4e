//! The fast reader against serde_yaml.
#![allow(clippy::disallowed_methods)]

use super::from_str;
use crate::model::Dossier;

/// What each path made of `text`, as JSON (the types have no `PartialEq`).
fn both(text: &str) -> (Option<String>, Option<String>) {
    let json = |d: Dossier| serde_json::to_string(&d).unwrap_or_default();
    (
        from_str(text).map(json),
        serde_yaml::from_str(text).ok().map(json),
    )
}

/// Line separators are line breaks to libyaml (YAML 1.1) and not to saphyr; tabs in
/// indentation and directives are read differently too: the fast path leaves all of
/// them to serde_yaml, so both readings are serde_yaml's.
#[test]
fn what_the_parsers_read_differently_goes_to_serde_yaml() {
    let header = "version: 1\ntitle: T\nsources: [{id: s, title: S, kind: k}]\n";
    let cases = [
        format!("{header}actors:\n  - id: a\n    name: A\u{2028}represents: b\n    kind: person\n"),
        format!("{header}actors:\n  - {{id: a, name: \"A\u{2029}B\", kind: person}}\n"),
        format!("{header}summary: x\u{85}y\n"),
        format!("{header}actors:\n-\tid: a\n  name: A\n  kind: person\n"),
        format!("%YAML 1.1\n---\n{header}"),
        format!("{header}summary: |\n\tindented with a tab\n"),
    ];
    for text in cases {
        assert!(from_str::<Dossier>(&text).is_none(), "{text:?}");
    }
}

#[test]
fn reads_the_builtin_dossier_as_serde_yaml_does() {
    let (fast, slow) = both(crate::model::BUILTIN_TEXT);
    assert!(fast.is_some());
    assert_eq!(fast, slow);
}

#[test]
fn every_fixture_reads_as_in_serde_yaml_or_is_left_to_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut taken = 0;
    for folder in ["tests/fixtures", "tests/hostile", "data"] {
        let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
            continue;
        };
        for entry in entries.flatten() {
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let (fast, slow) = both(text);
            if fast.is_some() {
                taken += 1;
                assert_eq!(fast, slow, "{}", entry.path().display());
            }
        }
    }
    assert!(taken > 10, "only {taken} fixtures took the fast path");
}

#[test]
fn generated_dossiers_read_as_in_serde_yaml() {
    for seed in 0..4 {
        let yaml = serde_yaml::to_string(&crate::generate::dossier(300, seed)).unwrap_or_default();
        let (fast, slow) = both(&yaml);
        assert!(fast.is_some());
        assert_eq!(fast, slow);
    }
}

#[test]
fn gives_up_on_what_it_does_not_take() {
    let base = "version: 1\ntitle: T\nsources: [{id: s, title: S, kind: report}]\n";
    assert!(from_str::<Dossier>(base).is_some());
    for unusual in [
        "version: 0x1\ntitle: T\nsources: []\n",
        "version: '1'\ntitle: T\nsources: []\n",
        "version: 01\ntitle: T\nsources: []\n",
        "version: 1\ntitle: &a T\nsummary: *a\nsources: []\n",
        "version: 1\ntitle: !!str T\nsources: []\n",
        "version: 1\ntitle: T\nsources: []\n---\nversion: 1\n",
        "version: 1\ntitle: \"T\u{7}\"\nsources: []\n",
        "version: 1\ntitle: T\nsources: []\nextra: 1\n",
        "version: 1\ntitle: [T]\nsources: []\n",
        "version: 1\ntitle: T\nsources:\n",
        "version: 1\ntitle: T\nsources: [\n",
        "",
    ] {
        assert!(from_str::<Dossier>(unusual).is_none(), "{unusual:?}");
    }
}

#[test]
fn nulls_strings_and_block_scalars_read_as_in_serde_yaml() {
    let text = "version: 1\ntitle: '123'\nsummary: ~\nsources:\n  - id: s\n    title: >\n      folded\n      text\n    kind: \"a\\tb\"\n    note: |\n      kept\n      lines\n    url: null\n    publisher:\n";
    let (fast, slow) = both(text);
    assert!(fast.is_some());
    assert_eq!(fast, slow);
}

/// A quote's `by` is an id or a list of ids: the fast path reads both as serde_yaml does,
/// and leaves to it what serde_yaml types otherwise (`12`, `true`, `Witkoff`).
#[test]
fn one_speaker_or_a_list_reads_as_in_serde_yaml() {
    let head = "version: 1\ntitle: T\nsources: []\nevents:\n  - {id: e, title: E, kind: meeting, status: held, order: 1, quotes: [";
    for by in ["a", "'A b'", "[a, b-2]", "[\"x\", y]", "[]"] {
        let text = format!("{head}{{by: {by}, text: hi}}]}}\n");
        let (fast, slow) = both(&text);
        assert!(fast.is_some(), "{text}");
        assert_eq!(fast, slow, "{text}");
    }
    for by in ["12", "true", "null", "Witkoff", "{a: b}", "a b"] {
        let text = format!("{head}{{by: {by}, text: hi}}]}}\n");
        assert!(from_str::<Dossier>(&text).is_none(), "{text}");
    }
}
