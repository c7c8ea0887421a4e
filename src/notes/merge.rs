//! Two explorers on one dossier never lose each other's notes: before one writes the notes
//! file, what it changed since it read the file is applied, key by key, onto what the file
//! holds now (docs/notes-format.md, "Two explorers at once").

use std::collections::{BTreeMap, BTreeSet};

use super::Notes;

/// The line between this explorer's text of a note and another's, when both changed it.
pub const CONFLICT_MARKER: &str = "── also saved at the same time by another talks: ──";

/// What a saved search changed by both to different queries is called for the other's.
const OTHER_SEARCH: &str = "(other)";

/// `base`: the notes this explorer read (or last wrote); `mine`: what it holds now;
/// `theirs`: what the file holds now. This explorer's changes (base → mine) applied onto
/// theirs:
/// - a note set, changed or removed in mine is set, changed or removed; changed by both to
///   different texts, it keeps both: mine, then [`CONFLICT_MARKER`] on a line, then
///   theirs; removed in one and changed in the other, the changed text is kept;
/// - stars added or removed in mine are added or removed;
/// - saved searches as notes, except that a search changed by both to different queries
///   keeps mine under its name and theirs under `NAME (other)`.
pub fn merge(base: &Notes, mine: &Notes, theirs: &Notes) -> Notes {
    let mut merged = theirs.clone();
    for (key, change) in changes(&base.notes, &mine.notes) {
        apply(&mut merged.notes, key, change, |mine, theirs| {
            Some(both_texts(mine, theirs))
        });
    }
    for added in mine.stars.difference(&base.stars) {
        merged.stars.insert(added.clone());
    }
    for removed in base.stars.difference(&mine.stars) {
        merged.stars.remove(removed);
    }
    let mut kept_aside = Vec::new();
    for (name, change) in changes(&base.searches, &mine.searches) {
        apply(&mut merged.searches, name, change, |_, theirs| {
            kept_aside.push((name.to_string(), theirs.to_string()));
            None
        });
    }
    for (name, query) in kept_aside {
        let other = free_name(&merged.searches, &name);
        merged.searches.insert(other, query);
    }
    merged
}

/// What mine did to one key since base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Change<'a> {
    was: Option<&'a str>,
    now: Option<&'a str>,
}

/// Every key whose value base → mine changed.
fn changes<'a>(
    base: &'a BTreeMap<String, String>,
    mine: &'a BTreeMap<String, String>,
) -> Vec<(&'a str, Change<'a>)> {
    let keys: BTreeSet<&str> = base.keys().chain(mine.keys()).map(String::as_str).collect();
    keys.into_iter()
        .filter_map(|key| {
            let was = base.get(key).map(String::as_str);
            let now = mine.get(key).map(String::as_str);
            (was != now).then_some((key, Change { was, now }))
        })
        .collect()
}

/// Applies mine's `change` of `key` onto `merged` (theirs). When theirs changed it too, to
/// something else, `both(mine, theirs)` says what the key holds (`None`: mine).
fn apply(
    merged: &mut BTreeMap<String, String>,
    key: &str,
    change: Change,
    mut both: impl FnMut(&str, &str) -> Option<String>,
) {
    let theirs = merged.get(key).map(String::as_str);
    let theirs_changed = theirs != change.was;
    match (change.now, theirs) {
        // Removed here: kept if changed there.
        (None, _) if theirs_changed => {}
        (None, _) => {
            merged.remove(key);
        }
        (Some(mine), Some(theirs)) if theirs_changed && theirs != mine => {
            let value = both(mine, theirs).unwrap_or_else(|| mine.to_string());
            merged.insert(key.to_string(), value);
        }
        (Some(mine), _) => {
            merged.insert(key.to_string(), mine.to_string());
        }
    }
}

/// A note both explorers changed: mine, the marker on its own line, theirs.
fn both_texts(mine: &str, theirs: &str) -> String {
    let end = if mine.ends_with('\n') { "" } else { "\n" };
    format!("{mine}{end}{CONFLICT_MARKER}\n{theirs}")
}

/// `NAME (other)`, or `NAME (other 2)` and so on when that is taken.
fn free_name(searches: &BTreeMap<String, String>, name: &str) -> String {
    let first = format!("{name} {OTHER_SEARCH}");
    if !searches.contains_key(&first) {
        return first;
    }
    (2..)
        .map(|n| format!("{name} (other {n})"))
        .find(|candidate| !searches.contains_key(candidate))
        .unwrap_or(first)
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
