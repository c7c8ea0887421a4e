//! The brief (`talks export --all`, `e` on the overview): what every format of it holds,
//! worked out once so that text, Markdown and JSON carry the same content. The title and
//! summary, what moved since the comparison (if any), the stance matrix, a compact
//! timeline, the key quotes, every entity (its notes under it when asked) and one
//! bibliography.

use super::{ExportOptions, Format};
use crate::changes::Changes;
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::notes::{Held, Noted, Notes};
use crate::search::{Hit, Ranked, Results};
use crate::views::{StanceMatrix, Timeline};

/// The parts of a brief besides its title, summary and entities.
pub(super) struct Brief {
    pub(super) matrix: StanceMatrix,
    pub(super) timeline: Timeline,
    pub(super) quotes: Vec<KeyQuote>,
}

/// One quote of an event, as the brief lists it.
pub(super) struct KeyQuote {
    pub(super) event: usize,
    /// Index into the event's quotes.
    pub(super) quote: usize,
    /// The speakers' names (an unknown id as it is written).
    pub(super) speakers: Vec<String>,
}

impl KeyQuote {
    pub(super) fn of<'d>(&self, loaded: &'d Loaded) -> &'d crate::model::Quote {
        &loaded.dossier.events[self.event].quotes[self.quote]
    }
}

/// Every entity of the dossier, as a search for nothing finds them.
fn everything(loaded: &Loaded) -> Results {
    let d = &loaded.dossier;
    let lists = EntityKind::ALL.map(|kind| {
        let listed = if kind == EntityKind::Source {
            0
        } else {
            d.count(kind)
        };
        let hits = (0..listed).map(|index| Hit { index, score: 0 });
        Ranked::in_order(hits.collect())
    });
    Results::new(lists, None)
}

impl Brief {
    pub(super) fn of(loaded: &Loaded) -> Brief {
        let results = everything(loaded);
        let timeline = Timeline::build(&loaded.dossier, &loaded.index, &results);
        let quotes = timeline
            .rows
            .iter()
            .flat_map(|row| {
                let event = &loaded.dossier.events[row.event];
                (0..event.quotes.len()).map(|quote| KeyQuote {
                    event: row.event,
                    quote,
                    speakers: (event.quotes[quote].by.iter())
                        .map(|id| super::describe::party_name(loaded, id))
                        .collect(),
                })
            })
            .collect();
        Brief {
            matrix: StanceMatrix::build(&loaded.index, &results),
            timeline,
            quotes,
        }
    }
}

/// An event's one line in the compact timeline: the first sentence of its summary, else
/// its first outcome.
pub(super) fn one_line(event: &crate::model::Event) -> Option<String> {
    let summary = event
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let Some(summary) = summary else {
        return event.outcomes.first().map(|o| o.trim().to_string());
    };
    let first = match summary.find(". ") {
        Some(at) => summary.get(..=at).unwrap_or(summary),
        None => summary,
    };
    Some(first.trim().to_string())
}

/// The brief's headings and what it says where a part is empty.
pub(super) const MATRIX_HEADING: &str = "Stance matrix";
pub(super) const TIMELINE_HEADING: &str = "Timeline";
pub(super) const QUOTES_HEADING: &str = "Key quotes";
pub(super) const NO_POSITIONS: &str = "No positions recorded.";
pub(super) const NO_EVENTS: &str = "No events recorded.";

/// The header's lines after the dossier: what the brief holds and, with a comparison, the
/// older version.
pub(super) fn fields(options: &ExportOptions) -> Vec<(&'static str, String)> {
    let mut fields = vec![("Briefing", "the whole dossier".to_string())];
    if let Some(old) = options.since {
        fields.push(("Compared with", old.name.clone()));
    }
    fields
}

/// What moved since `old`, as a section of the brief in `format`.
pub(super) fn changes_section(old: &Loaded, new: &Loaded, format: Format) -> String {
    let changes: Changes = crate::changes::compare(old, new);
    let sides = crate::changes::render::Sides {
        old: &old.name,
        new: &new.name,
    };
    crate::changes::render::section(&changes, &sides, format)
}

/// "Vladimir Putin, in Witkoff–Putin talks in Moscow (#1 2025-12-02)": who said a quote
/// and where, hedged "(inferred)" where the dossier reads who said it.
pub(super) fn attribution(loaded: &Loaded, key: &KeyQuote) -> String {
    let event = &loaded.dossier.events[key.event];
    let when = match &event.date {
        Some(date) => format!("#{} {date}", event.order),
        None => format!("#{}", event.order),
    };
    let mut out = format!(
        "{}, in {} ({when})",
        and_list(&key.speakers),
        event.title.trim()
    );
    if key.of(loaded).basis.is_inferred() {
        out.push_str(" (inferred)");
    }
    out
}

/// The notes and stars on `entity`; on a sticking point, on the positions held on it too.
pub(super) fn notes_on(loaded: &Loaded, notes: &Notes, entity: EntityRef) -> Vec<Noted> {
    let mut held = vec![Held::Entity(entity)];
    if entity.kind == EntityKind::StickingPoint {
        let point = &loaded.dossier.sticking_points[entity.index];
        held.extend((0..point.positions.len()).map(|position| Held::Position {
            point: entity.index,
            position,
        }));
    }
    notes.for_export(&loaded.dossier, &loaded.index, &held)
}

/// "A", "A and B", "A, B and C".
fn and_list(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The brief's parts in JSON, beside the dossier's entities: the matrix (rows, columns and
/// cells by id, names added, and the legend), the compact timeline and the key quotes.
pub(super) fn json_parts(loaded: &Loaded) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    let d = &loaded.dossier;
    let parts = Brief::of(loaded);
    let matrix = matrix_json(loaded, &parts.matrix);
    let timeline: Vec<serde_json::Value> = (parts.timeline.rows.iter())
        .map(|row| {
            let e = &d.events[row.event];
            json!({
                "id": e.id, "title": e.title, "order": e.order, "date": e.date,
                "when": row.when, "line": one_line(e),
            })
        })
        .collect();
    let quotes: Vec<serde_json::Value> = (parts.quotes.iter())
        .map(|key| {
            let (e, q) = (&d.events[key.event], key.of(loaded));
            json!({
                "event": e.id, "event_title": e.title, "text": q.text, "by": q.by,
                "speaker_names": key.speakers, "basis": q.basis, "source": q.source,
                "sources": q.all_sources(),
                "attribution": attribution(loaded, key),
            })
        })
        .collect();
    vec![
        ("matrix", matrix),
        ("timeline", json!(timeline)),
        ("key_quotes", json!(quotes)),
        ("chronologies", chronologies(loaded)),
    ]
}

/// Each actor's chronology as the text and Markdown briefs show it (its detail's section):
/// a line's text and the entity it leads to.
fn chronologies(loaded: &Loaded) -> serde_json::Value {
    use crate::model::{EntityKind, EntityRef};
    use serde_json::json;
    let d = &loaded.dossier;
    let each = (0..d.actors.len()).filter_map(|a| {
        let actor = EntityRef::new(EntityKind::Actor, a);
        let shown = crate::detail::detail(d, &loaded.index, actor);
        let section = shown
            .sections
            .iter()
            .find(|s| s.heading == crate::detail::CHRONOLOGY)?;
        let lines: Vec<serde_json::Value> = (section.lines.iter())
            .map(|line| {
                let to = line.segments.iter().find_map(|s| match s.style {
                    crate::detail::Style::Link(to) => Some(to),
                    _ => None,
                });
                json!({
                    "text": without_note_numbers(&line.text()),
                    "to": to.map(|to| json!({
                        "kind": to.kind.slug(), "id": d.id_of(to), "name": d.name_of(to),
                    })),
                })
            })
            .collect();
        (!lines.is_empty()).then(|| json!({"actor": d.actors[a].id, "lines": lines}))
    });
    json!(each.collect::<Vec<_>>())
}

/// A detail line without its closing note numbers (" [1]"): they number the entity's own
/// sources, which JSON names by id elsewhere.
fn without_note_numbers(text: &str) -> String {
    let text = text.trim_end();
    let mut text = [
        crate::detail::ONE_SOURCE_MARK,
        crate::detail::NO_SOURCE_MARK,
    ]
    .iter()
    .find_map(|mark| text.strip_suffix(mark))
    .unwrap_or(text);
    while let Some(open) = text.rfind(" [") {
        let number = &text[open + 2..];
        match number.strip_suffix(']') {
            Some(digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                text = text[..open].trim_end();
            }
            _ => break,
        }
    }
    text.to_string()
}

/// The matrix's parties and sticking points by id and name, and its cells.
fn matrix_json(loaded: &Loaded, matrix: &StanceMatrix) -> serde_json::Value {
    use serde_json::json;
    let d = &loaded.dossier;
    let cells: Vec<serde_json::Value> = (matrix.positions())
        .map(|(actor, cell)| {
            let p = cell.position(d);
            json!({
                "actor": d.actors[actor].id, "actor_name": d.actors[actor].name,
                "sticking_point": d.sticking_points[cell.sticking_point].id,
                "sticking_point_title": d.sticking_points[cell.sticking_point].title,
                "stance": p.stance, "basis": p.basis, "as_of": p.as_of, "source": p.source,
                "sources": p.all_sources(),
            })
        })
        .collect();
    let named = |(id, name): (&String, &String)| json!({ "id": id, "name": name });
    let rows: Vec<serde_json::Value> = (matrix.rows.iter())
        .map(|&a| named((&d.actors[a].id, &d.actors[a].name)))
        .collect();
    let columns: Vec<serde_json::Value> = (matrix.columns.iter())
        .map(|&p| named((&d.sticking_points[p].id, &d.sticking_points[p].title)))
        .collect();
    json!({
        "rows": rows, "columns": columns, "cells": cells,
        "legend": MATRIX_LEGEND_JSON,
    })
}

/// What a matrix cell's stance and basis mean, for JSON readers.
const MATRIX_LEGEND_JSON: &str = "Each cell is a party's current position on a sticking point: \
its stance (demands, supports, opposes, conditional, unclear) and basis (stated: the \
source's words; inferred: the dossier's reading of the source). A party with no cell on a \
sticking point holds no recorded position on it.";

#[cfg(test)]
mod tests {
    #[test]
    fn note_numbers_are_left_out_of_json_lines() {
        use super::without_note_numbers as cut;
        assert_eq!(
            cut("Wants the border moved. [1]"),
            "Wants the border moved."
        );
        assert_eq!(cut("said it [2] [3]"), "said it");
        assert_eq!(cut("said it [2] · one source"), "said it");
        assert_eq!(cut("the [draft] map"), "the [draft] map");
        assert_eq!(cut("took part in Third round"), "took part in Third round");
    }
}
