//! `--since OLD` on the commands (`search`, `list`, `export`): the older version read as
//! the explorer reads it, what changed since it marked, and `changed:` answered from it as
//! the explorer's search engine answers it.

use std::process::ExitCode;
use std::sync::Arc;

use crate::model::{EntityRef, Loaded};
use crate::notes::Notes;
use crate::search::{Marked, Query, SearchEngine, no_comparison};

/// How to give `changed:` an older version to compare with, on the command line.
const HOW: &str = "add --since OLD (a file, a folder, git:REV:PATH or seen)";

/// The older version and what changed since it.
pub(crate) struct Comparison {
    pub(super) old: Loaded,
    pub(super) marked: Arc<Marked>,
}

impl Comparison {
    /// `N` new, `Δ` changed or its stance moved, else a space (as the explorer's lists).
    pub(super) fn marker(&self, entity: EntityRef) -> char {
        self.marked.marker(entity)
    }

    /// What the JSON of a row says: `new`, `changed`, `stance`, or nothing.
    pub(super) fn change_word(&self, entity: EntityRef) -> Option<&'static str> {
        let m = &self.marked;
        if m.new.contains(&entity) {
            Some("new")
        } else if m.changed.contains(&entity) {
            Some("changed")
        } else if m.stance.contains(&entity) {
            Some("stance")
        } else {
            None
        }
    }
}

/// The older version `--since` names (`None` without it; `seen`: the snapshot of the
/// dossier at `of`), or the exit code when it cannot be read (its problems said).
pub(super) fn read(
    spec: Option<&str>,
    of: Option<&std::path::Path>,
    loaded: &Loaded,
) -> Result<Option<Comparison>, ExitCode> {
    let Some(spec) = spec.filter(|spec| *spec != crate::open::NONE) else {
        return Ok(None);
    };
    let old = crate::open::read_version_of(spec, of).inspect_err(|_| {
        // `seen` says what is wrong in its own line, naming --since seen.
        if spec != crate::open::SEEN {
            crate::say!("talks: --since: the older version could not be read (above)");
        }
    })?;
    let marked = Arc::new(crate::changes::compare(&old, loaded).marked(loaded));
    Ok(Some(Comparison { old, marked }))
}

/// The search engine of `loaded`, its `changed:` answered from `since`: the one the index
/// cache keeps when there is no note or star to search.
pub(super) fn engine(
    loaded: &Loaded,
    notes: Option<&Notes>,
    since: Option<&Comparison>,
) -> Arc<SearchEngine> {
    let engine = match notes.filter(|n| n.has_notes_or_stars()) {
        Some(notes) => Arc::new(SearchEngine::with_notes(
            &loaded.dossier,
            &loaded.index,
            Some(notes),
        )),
        None => crate::open::engine(loaded),
    };
    engine.set_changed(since.map(|s| Arc::clone(&s.marked)));
    engine
}

/// A query that asks `changed:` with nothing to compare with: the message saying so.
pub(super) fn refused(query: &Query, since: Option<&Comparison>) -> Option<String> {
    (query.uses_changed() && since.is_none()).then(|| no_comparison(HOW))
}
