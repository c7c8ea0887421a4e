//! The explorer, `talks search` and `talks export --query` find the same entities, on the
//! built-in dossier and on the Chinese and Japanese fixture.

use std::collections::BTreeSet;

use crate::common;
use talks::app::{Action, App, Options, update};
use talks::model::{EntityKind, EntityRef, Loaded, builtin, load_str};

/// The Chinese and Japanese fixture, as the commands are given it.
const CJK_PATH: &str = "tests/fixtures/cjk.yaml";

/// The JSON name of a kind and the `--view` that lists it.
fn kind_names(kind: EntityKind) -> (&'static str, &'static str) {
    match kind {
        EntityKind::Actor => ("actor", "actors"),
        EntityKind::Event => ("event", "events"),
        EntityKind::StickingPoint => ("sticking-point", "sticking-points"),
        EntityKind::Place => ("place", "places"),
        EntityKind::Source => ("source", "sources"),
    }
}

/// `(kind, id)` of every entity the explorer lists after `query` is typed into its bar,
/// and of every source it finds (the sources page lists them, beside those cited).
fn explorer_finds(loaded: Loaded, query: &str) -> BTreeSet<(String, String)> {
    let mut app = App::new(loaded, Options::sized(120, 40));
    update(&mut app, Action::StartSearch);
    for c in query.chars() {
        update(&mut app, Action::Insert(c));
    }
    let mut found = BTreeSet::new();
    for kind in EntityKind::ALL {
        for index in app.results().matching(kind) {
            let id = app.loaded().dossier.id_of(EntityRef { kind, index });
            found.insert((kind_names(kind).0.to_string(), id.to_string()));
        }
    }
    found
}

/// `(kind, id)` of every object of a JSON array.
fn kinds_and_ids(items: &[serde_json::Value]) -> BTreeSet<(String, String)> {
    items
        .iter()
        .map(|item| {
            (
                item["kind"].as_str().unwrap_or("?").to_string(),
                item["id"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

/// `talks search QUERY --format json`, with `dossier` (`-d`) if any.
fn search_finds(dossier: &[&str], query: &str) -> BTreeSet<(String, String)> {
    let args = [&["search", query, "--format", "json"], dossier].concat();
    let (code, out, err) = common::run(&args);
    let value: serde_json::Value = serde_json::from_str(&out)
        .unwrap_or_else(|e| panic!("talks search {query:?} (exit {code}): {e}\n{out}\n{err}"));
    let items = value.as_array().cloned().unwrap_or_default();
    assert_eq!(
        code,
        if items.is_empty() { 1 } else { 0 },
        "talks search {query:?}: {err}"
    );
    kinds_and_ids(&items)
}

/// `talks export --view LIST --query QUERY --format json` for each list, merged.
fn export_finds(dossier: &[&str], query: &str) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for kind in EntityKind::LISTED {
        let view = kind_names(kind).1;
        let args = [
            "export",
            "--view",
            view,
            "--query",
            query,
            "--format",
            "json",
            "--no-timestamp",
        ];
        let (code, out, err) = common::run(&[&args[..], dossier].concat());
        assert_eq!(
            code, 0,
            "talks export --view {view} --query {query:?}: {err}"
        );
        let value: serde_json::Value = serde_json::from_str(&out).unwrap();
        let entries = value["entries"].as_array().cloned().unwrap_or_default();
        found.extend(kinds_and_ids(&entries));
    }
    found
}

/// The queries whose results differ between the explorer, `talks search` and `talks
/// export --query` on the dossier `open` reads (`dossier`: how the commands name it).
fn differences(open: impl Fn() -> Loaded, dossier: &[&str], queries: &[&str]) -> Vec<String> {
    let mut differ = Vec::new();
    for &query in queries {
        let explorer = explorer_finds(open(), query);
        let search = search_finds(dossier, query);
        let export = export_finds(dossier, query);
        println!(
            "{query}: explorer {}, search {}, export {}",
            explorer.len(),
            search.len(),
            export.len()
        );
        if explorer != search {
            differ.push(format!(
                "{query:?}: explorer {explorer:?}\n  talks search {search:?}"
            ));
        }
        // A list's export holds entities; the sources it finds are the sources page's.
        let listed: BTreeSet<_> = explorer
            .iter()
            .filter(|(kind, _)| kind != "source")
            .cloned()
            .collect();
        if listed != export {
            differ.push(format!(
                "{query:?}: explorer {explorer:?}\n  talks export --query {export:?}"
            ));
        }
    }
    differ
}

#[test]
fn the_explorer_search_and_export_find_the_same() {
    let queries = [
        "witkov",                   // a typo on the last word (prefix with a typo)
        "security guarentees",      // a typo after an exact word
        "\"two to tango\"",         // a phrase
        "us-ukraine",               // separators
        "nato",                     // a word that must not scatter
        "zelénsky",                 // diacritics
        "actor:ukraine kind:event", // filters
        "place:donetsk",
        "pokrovsk !rejects",
        "xylophone",              // nothing
        "cease fire",             // two words that spell one of the dossier's
        "zelenskyy transparency", // another spelling of a name
        "witkov moscow",          // a word typed with a typo, then the next
    ];
    let differ = differences(|| builtin().unwrap(), &[], &queries);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn the_explorer_search_and_export_find_the_same_chinese_and_japanese() {
    let open = || load_str("cjk.yaml", super::rows::CJK).unwrap();
    let queries = [
        "会谈",
        "協議",
        "北京会谈",
        "会",
        "停火",
        "ceasefire",
        "cease-fire",
    ];
    let differ = differences(open, &["-d", CJK_PATH], &queries);
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    for query in queries {
        assert!(
            !explorer_finds(open(), query).is_empty(),
            "{query} finds nothing"
        );
    }
}
