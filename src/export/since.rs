//! What changed since an older version, after an export of what changed (`--since`):
//! the changes of what the export holds only.

use super::{Format, Scope};
use crate::model::{EntityRef, Loaded};

/// `text` (an export of `scope`, whose indices are of the reading `holder`: `new`, or
/// `old` for the older version's own matrix) followed by what changed since `old` in what
/// it holds.
pub(super) fn with_changes(
    text: String,
    (old, new): (&Loaded, &Loaded),
    (scope, holder): (&Scope, &Loaded),
    format: Format,
) -> String {
    let kept = kept_of(holder, scope);
    let changes = crate::changes::compare(old, new).restricted(|kind, id| match &kept {
        None => true,
        Some(kept) => kept.contains(&(kind.to_string(), id.to_string())),
    });
    let sides = crate::changes::render::Sides {
        old: &old.name,
        new: &new.name,
    };
    let part = crate::changes::render::section(&changes, &sides, format);
    if format != Format::Json {
        return format!("{text}\n{part}");
    }
    match (
        serde_json::from_str::<serde_json::Value>(&text),
        serde_json::from_str(&part),
    ) {
        (Ok(serde_json::Value::Object(mut export)), Ok(changes)) => {
            export.insert("changes".into(), changes);
            crate::text::json_pretty(&export)
        }
        _ => text,
    }
}

/// The (kind, id) of everything `scope` holds; `None`: the whole dossier.
fn kept_of(loaded: &Loaded, scope: &Scope) -> Option<std::collections::HashSet<(String, String)>> {
    let d = &loaded.dossier;
    let entity = |e: EntityRef| (e.kind.slug().to_string(), d.id_of(e).to_string());
    let of = |kind: crate::model::EntityKind, list: &[usize]| {
        list.iter()
            .map(|&index| entity(EntityRef::new(kind, index)))
            .collect::<Vec<_>>()
    };
    use crate::model::EntityKind::{Actor, Event, StickingPoint};
    Some(match scope {
        Scope::Briefing => return None,
        Scope::View(view) => view.entries.iter().map(|&e| entity(e)).collect(),
        Scope::Marked(marked) => marked.iter().map(|&e| entity(e)).collect(),
        Scope::Matrix { matrix, .. } => {
            let mut kept = of(Actor, &matrix.rows);
            kept.extend(of(StickingPoint, &matrix.columns));
            kept.into_iter().collect()
        }
        Scope::Timeline { timeline, .. } => {
            let events: Vec<usize> = timeline.rows.iter().map(|r| r.event).collect();
            of(Event, &events).into_iter().collect()
        }
        Scope::Sources { sources, .. } => sources
            .rows
            .iter()
            .map(|row| ("source".to_string(), d.sources[row.source].id.clone()))
            .collect(),
    })
}
