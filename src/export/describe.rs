//! What every format says about a scope besides its rows: the labelled lines of a header,
//! a party's name and the source a position cites.

use super::ViewSpec;
use crate::model::{EntityKind, EntityRef, Loaded, Position};
use crate::text::sanitize_line;
use crate::views::{SourceList, StanceMatrix, Timeline};

/// "Events, all 13", "Events, 2 of 13 matching \"pokrovsk\"": a view's list in headers.
pub(super) fn list(loaded: &Loaded, view: &ViewSpec) -> String {
    let total = loaded.dossier.count(view.list);
    let name = view.list.plural_title();
    if view.query.is_empty() {
        format!("{name}, all {total}")
    } else {
        format!(
            "{name}, {} of {total} matching \"{}\"",
            view.entries.len(),
            view.query
        )
    }
}

/// The header line after the dossier in an export of marked entities: "3 marked: 2
/// actors, 1 event".
pub(super) fn marked_fields(entities: &[EntityRef]) -> Vec<(&'static str, String)> {
    let what = format!("{} marked: {}", entities.len(), kinds_counted(entities));
    vec![("Marked", what)]
}

/// "2 actors, 1 event": how many of each kind `entities` holds.
fn kinds_counted(entities: &[EntityRef]) -> String {
    let kinds: Vec<String> = EntityKind::ALL
        .iter()
        .filter_map(|&kind| {
            let n = entities.iter().filter(|e| e.kind == kind).count();
            let noun = if n == 1 {
                kind.noun().to_string()
            } else {
                kind.plural_title().to_lowercase()
            };
            (n > 0).then(|| format!("{n} {noun}"))
        })
        .collect();
    kinds.join(", ")
}

/// The header line after the dossier in an export of search hits: "\"donbas\": 3 found
/// (1 actor, 2 events)", or "\"donbas\": nothing found".
pub(super) fn found_fields(query: &str, entries: &[EntityRef]) -> Vec<(&'static str, String)> {
    let what = if entries.is_empty() {
        format!("\"{query}\": nothing found")
    } else {
        let n = entries.len();
        format!("\"{query}\": {n} found ({})", kinds_counted(entries))
    };
    vec![("Search", what)]
}

/// The header line after the dossier in an export of one entity's or source's detail:
/// "Detail: Steve Witkoff (actor)".
pub(super) fn detail_fields(loaded: &Loaded, entity: EntityRef) -> Vec<(&'static str, String)> {
    let name = loaded.dossier.name_of(entity);
    vec![("Detail", format!("{name} ({})", entity.kind.noun()))]
}

/// The header lines after the dossier in a matrix export.
pub(super) fn matrix_fields(matrix: &StanceMatrix, query: &str) -> Vec<(&'static str, String)> {
    let what = format!(
        "stance matrix, {} × {}",
        crate::text::count_of(matrix.rows.len(), "party", "parties"),
        crate::text::count_of(matrix.columns.len(), "sticking point", "sticking points")
    );
    let mut fields = page_fields(what, query);
    if let Some(date) = &matrix.as_of {
        fields.push((
            "As of",
            format!("{date} (each party's position on that date)"),
        ));
    }
    fields
}

/// The header lines after the dossier in a timeline export.
pub(super) fn timeline_fields(timeline: &Timeline, query: &str) -> Vec<(&'static str, String)> {
    page_fields(format!("timeline, {} events", timeline.rows.len()), query)
}

/// The header lines after the dossier in a sources export.
pub(super) fn sources_fields(
    loaded: &Loaded,
    sources: &SourceList,
    query: &str,
) -> Vec<(&'static str, String)> {
    let total = loaded.dossier.sources.len();
    let what = if sources.filtered {
        format!(
            "sources cited by what the query finds, {} of {total}",
            sources.rows.len()
        )
    } else {
        format!("sources, all {total}")
    };
    page_fields(what, query)
}

/// "Cited 70 times", "Cited 3 of 70 times by what matches".
pub(super) fn cited(sources: &SourceList, row: &crate::views::SourceRow) -> String {
    if sources.filtered {
        format!(
            "Cited {} of {} times by what matches",
            row.citing.len(),
            row.cited
        )
    } else {
        format!("Cited {} times", row.cited)
    }
}

fn page_fields(what: String, query: &str) -> Vec<(&'static str, String)> {
    let mut fields = vec![("View", what)];
    if !query.is_empty() {
        fields.push(("Query", query.to_string()));
    }
    fields
}

/// An actor's name by id, control characters made visible; the id itself if unknown.
pub(super) fn party_name(loaded: &Loaded, id: &str) -> String {
    let name = loaded
        .index
        .actor(id)
        .map_or(id, |a| loaded.dossier.actors[a].name.as_str());
    sanitize_line(name).into_owned()
}

/// " (source: TITLE)" after a position, " (sources: TITLE; TITLE)", or " (cites no
/// source)".
pub(super) fn citation(loaded: &Loaded, position: &Position) -> String {
    let titles: Vec<&str> = (position.all_sources().into_iter())
        .filter_map(|id| loaded.index.source(id))
        .map(|s| loaded.dossier.sources[s].title.as_str())
        .collect();
    match titles.as_slice() {
        [] => " (cites no source)".to_string(),
        [one] => format!(" (source: {one})"),
        many => format!(" (sources: {})", many.join("; ")),
    }
}

/// A stance as a brief writes it: an unclear one (or one the dossier names otherwise) is
/// hedged with `?`, as on screen: "? unclear".
pub(super) fn stance(stance: &crate::model::Stance) -> String {
    use crate::model::Stance;
    match stance {
        Stance::Unclear | Stance::Unknown(_) => format!("? {}", stance.as_str()),
        _ => stance.as_str().to_string(),
    }
}

/// A position's stance, hedged "(inferred)" where it is the dossier's reading rather than
/// the source's words: "opposes (inferred)".
pub(super) fn position_stance(position: &crate::model::Position) -> String {
    let stance = stance(&position.stance);
    if position.basis.is_inferred() {
        format!("{stance} (inferred)")
    } else {
        stance
    }
}

/// After the selected entry of a list.
pub(super) const SELECTED: &str = " ← selected";

/// A matrix cell in four letters or fewer: `dem`, `sup`; an unclear stance `?`, as on
/// screen; `~` after an inferred one (`opp~`).
pub(super) fn stance_cell(position: &crate::model::Position) -> String {
    use crate::model::Stance;
    let stance = &position.stance;
    let word = match stance {
        Stance::Unclear | Stance::Unknown(_) => "?",
        _ => stance.as_str().get(..3).unwrap_or(stance.as_str()),
    };
    let hedge = if position.basis.is_inferred() {
        "~"
    } else {
        ""
    };
    format!("{word}{hedge}")
}

/// The heading of the analyst's notes in an export.
pub(super) const NOTES_HEADING: &str = "Analyst notes";

/// What the analyst's notes are, where an export gives them.
pub(super) const NOT_SOURCED: &str =
    "The analyst's own notes and stars, kept beside the dossier: not from its sources.";

/// "★ Name (key)": what a note or star is on.
pub(super) fn noted_title(item: &crate::notes::Noted) -> String {
    let star = if item.starred { "★ " } else { "" };
    format!(
        "{star}{} ({})",
        sanitize_line(&item.name),
        sanitize_line(&item.key)
    )
}

/// After a matrix a `sources:` filter hid some positions of: what `–` stands for.
pub(super) const LEFT_OUT_LEGEND: &str = "– a position the sources: filter leaves out";

/// An empty cell of the matrix: `–` where a `sources:` filter left its position out, `·`
/// where the party holds none.
pub(super) fn empty_cell(matrix: &StanceMatrix, row: usize, column: usize) -> String {
    if matrix.left_out(row, column) {
        "–"
    } else {
        "·"
    }
    .to_string()
}
