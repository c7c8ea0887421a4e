//! "Since you last looked": where this dossier's snapshot is kept, what this run compares
//! with (the overview says it), the header's line of what changed, and `C` (caught up),
//! which moves the snapshot to now.

use std::sync::Arc;
use std::time::SystemTime;

use super::{App, Effect};
use crate::changes::{Change, Changes};
use crate::seen::{SeenKey, Store, Taken};

/// Where the snapshot is kept, and what this run compares with.
#[derive(Debug, Clone, Default)]
pub struct Seen {
    /// The store and this dossier's key in it; `None`: no snapshot is kept (`looking`
    /// says why).
    pub place: Option<(Store, SeenKey)>,
    pub looking: Looking,
    /// When the explorer started: a date of another year is said with its year.
    pub opened: Option<SystemTime>,
}

/// What this run compares the dossier with, and why.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Looking {
    /// Nothing was asked (tools and tests).
    #[default]
    NotAsked,
    /// No comparison: why (`--since none`, the config, standard input).
    Off(String),
    /// The first look at this dossier: its snapshot was taken now; nothing to compare.
    FirstLook,
    /// Compared with the snapshot taken then.
    Snapshot(Taken),
    /// Compared with the older version `--since` named.
    Given,
    /// Not compared: the snapshot could not be kept or used (why).
    NotKept(String),
}

impl App {
    /// `C`: asks for what the dossier says now to be written as its snapshot.
    pub(crate) fn catch_up(&mut self) {
        match &self.seen.place {
            Some((store, key)) => self.effects.push(Effect::CatchUp {
                store: store.clone(),
                key: key.clone(),
            }),
            None => {
                let why = match &self.seen.looking {
                    Looking::Off(why) => why.clone(),
                    _ => "talks keeps no snapshot of this dossier".into(),
                };
                self.status = Some(format!("Nothing to catch up with: {why}"));
            }
        }
    }

    /// The snapshot was written (`C`): the comparison moves to it, so the markers clear;
    /// or it was not, and nothing changed.
    pub(crate) fn caught_up(&mut self, result: Result<Taken, String>) {
        let taken = match result {
            Ok(taken) => taken,
            Err(why) => {
                self.status = Some(format!(
                    "Could not remember what you have seen: {why} (nothing changed; C tries again)"
                ));
                return;
            }
        };
        self.status = Some(match &self.seen.looking {
            Looking::Given => format!(
                "Caught up: the next open compares with what the dossier says now (this run \
                 still compares with {})",
                self.since_name().unwrap_or("the version --since named")
            ),
            Looking::Off(_) => {
                "Caught up: talks remembers what the dossier says now (this run compares with \
                 nothing)"
                    .into()
            }
            _ => {
                let mut now = self.loaded.clone();
                now.name = taken.label();
                self.compare_with(Arc::new(now));
                // `changed:` answers from the new snapshot: earlier answers are stale.
                self.query.search_again_now();
                self.results_changed();
                self.seen.looking = Looking::Snapshot(taken);
                "Caught up: the markers are cleared until the dossier changes again".into()
            }
        });
    }

    /// Whether the dossier changed since the snapshot it is compared with (`C` is hinted).
    pub fn has_unseen_changes(&self) -> bool {
        matches!(self.seen.looking, Looking::Snapshot(_))
            && self.since.as_ref().is_some_and(|s| !s.changes.is_empty())
    }

    /// The header's word on what changed since the snapshot, in at most `room` columns
    /// (shorter forms when the long one does not fit); `None` when nothing changed or the
    /// comparison is not with the snapshot.
    pub fn seen_line(&self, room: usize) -> Option<String> {
        self.seen_forms()?
            .into_iter()
            .find(|line| crate::text::width(line) <= room)
    }

    /// Every form of [`App::seen_line`], the longest first.
    pub(crate) fn seen_forms(&self) -> Option<[String; 4]> {
        let Looking::Snapshot(taken) = &self.seen.looking else {
            return None;
        };
        let parts = &self.since.as_ref()?.counted;
        let total: usize = parts.iter().map(|(n, _)| n).sum();
        if total == 0 {
            return None;
        }
        let when = taken.when(self.seen.opened);
        let date = match when.strip_prefix("today at ") {
            Some(time) => format!("{time} today"),
            None => when.trim_start_matches("on ").to_string(),
        };
        let listed: Vec<String> = parts.iter().map(|(_, said)| said.clone()).collect();
        let listed = listed.join(", ");
        let all = crate::text::count_of(total, "change", "changes");
        Some([
            format!("since you looked {when}: {listed}"),
            format!("since {date}: {listed}"),
            format!("since {date}: {all}"),
            all,
        ])
    }

    /// The overview's line: what the dossier is compared with, and why (`None` when
    /// nothing was asked and nothing is compared).
    pub fn comparison_said(&self) -> Option<String> {
        let unchanged = self.since.as_ref().is_some_and(|s| s.changes.is_empty());
        let nothing_since = if unchanged {
            "; nothing changed since"
        } else {
            ""
        };
        Some(match &self.seen.looking {
            Looking::Snapshot(taken) => format!(
                "Changes: compared with what the dossier said when you last caught up, {}{}. \
                 C (caught up) moves that to now.",
                taken.long(),
                nothing_since
            ),
            Looking::Given | Looking::NotAsked if self.since.is_some() => format!(
                "Changes: compared with {} (--since){nothing_since}.",
                self.since_name().unwrap_or("an older version")
            ),
            Looking::FirstLook => "Changes: none shown, as this is the first time talks opened \
                 this dossier. It remembered what the dossier says now; the next open shows \
                 what changed since."
                .into(),
            Looking::Off(why) => format!("Changes: not compared ({why})."),
            Looking::NotKept(why) => format!("Changes: not compared: {why}."),
            Looking::Given | Looking::NotAsked => return None,
        })
    }
}

/// "2 new events", "3 stance shifts", "1 entry changed", "1 entry removed": each count with what it
/// counts, in that order.
pub(super) fn counted_changes(changes: &Changes) -> Vec<(usize, String)> {
    const KINDS: [(&str, &str, &str); 5] = [
        ("actor", "new actor", "new actors"),
        ("event", "new event", "new events"),
        (
            "sticking-point",
            "new sticking point",
            "new sticking points",
        ),
        ("place", "new place", "new places"),
        ("source", "new source", "new sources"),
    ];
    let count = |keep: &dyn Fn(&crate::changes::EntityChange) -> bool| {
        changes.entities.iter().filter(|c| keep(c)).count()
    };
    let mut parts = Vec::new();
    for (kind, one, many) in KINDS {
        let n = count(&|c| c.kind == kind && c.change == Change::Added);
        parts.push((n, crate::text::count_of(n, one, many)));
    }
    let shifts = changes.stances.len();
    parts.push((
        shifts,
        crate::text::count_of(shifts, "stance shift", "stance shifts"),
    ));
    let changed = count(&|c| matches!(c.change, Change::Changed(_)));
    parts.push((
        changed,
        crate::text::count_of(changed, "entry changed", "entries changed"),
    ));
    let removed = count(&|c| c.change == Change::Removed);
    parts.push((
        removed,
        crate::text::count_of(removed, "entry removed", "entries removed"),
    ));
    parts.retain(|(n, _)| *n > 0);
    parts
}
