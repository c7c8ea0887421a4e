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
    (format, width): (Format, usize),
) -> String {
    let part = section((old, new), (scope, holder), format);
    if format == Format::Text {
        return format!("{text}\n{}", wrap_text(&part, width));
    }
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

/// What changed since `old` in what `scope` holds (its indices of the reading `holder`),
/// as a section in `format` (HTML: as text, which the HTML export marks up).
pub(super) fn section(
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
    crate::changes::render::section(&changes, &sides, format)
}

/// The change text of a text export at `width` columns (0: not wrapped), as its other
/// paragraphs are: a long line wraps at spaces, its continuation two columns further in.
pub(super) fn wrap_text(part: &str, width: usize) -> String {
    let mut out = String::new();
    for line in part.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if width == 0 || crate::text::width(line) <= width {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let first = " ".repeat(indent);
        let rest = " ".repeat(indent + 2);
        let options = crate::text::Wrap::new(width.max(indent + 12))
            .indent(&first)
            .hang(&rest);
        for piece in options.lines(line.trim_start_matches(' ')) {
            out.push_str(&piece);
            out.push('\n');
        }
    }
    out
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
        Scope::Marked(marked)
        | Scope::Found {
            entries: marked, ..
        } => marked.iter().map(|&e| entity(e)).collect(),
        Scope::Detail(shown) => [entity(*shown)].into_iter().collect(),
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

#[cfg(test)]
mod tests {
    use super::wrap_text;

    #[test]
    fn long_change_lines_wrap_under_their_indent() {
        let part = "What moved\n      + Brevik: supports (inferred) as of 2031-03-16 — Its envoy signed the draft map without comment.\n";
        let wrapped = wrap_text(part, 60);
        assert!(
            wrapped.lines().all(|l| l.chars().count() <= 60),
            "{wrapped}"
        );
        assert!(wrapped.contains("\n      + Brevik: supports"), "{wrapped}");
        assert!(wrapped.contains("\n        "), "{wrapped}");
        assert_eq!(wrap_text(part, 0), part);
    }
}
