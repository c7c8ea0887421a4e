//! JSON through serde_json: ids kept so another tool can join on them, the query and view
//! recorded, fields in a stable order.

use serde_json::{Value, json};

use super::{ExportOptions, Scope, ViewSpec};
use crate::detail::detail;
use crate::model::{Citation, EntityKind, EntityRef, Loaded};
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// An entity as the dossier has it, with `kind` its entity type (`actor`…) first; the
/// dossier's own sub-kind (`person`, `meeting`…) is `type`.
pub fn entity_value(loaded: &Loaded, entity: EntityRef) -> Value {
    let d = &loaded.dossier;
    let value = match entity.kind {
        EntityKind::Actor => serde_json::to_value(&d.actors[entity.index]),
        EntityKind::Event => serde_json::to_value(&d.events[entity.index]),
        EntityKind::StickingPoint => serde_json::to_value(&d.sticking_points[entity.index]),
        EntityKind::Place => serde_json::to_value(&d.places[entity.index]),
        EntityKind::Source => serde_json::to_value(&d.sources[entity.index]),
    };
    let mut out = serde_json::Map::new();
    out.insert("kind".into(), json!(entity.kind.slug()));
    kind_as_type(&mut out, value);
    if let (EntityKind::Event, Some(Value::Array(quotes))) = (entity.kind, out.get_mut("quotes")) {
        for (value, quote) in quotes.iter_mut().zip(&d.events[entity.index].quotes) {
            value["by"] = json!(quote.by.first());
            value["speakers"] = json!(quote.by);
            value["sources"] = json!(quote.all_sources());
        }
    }
    let positions = out.get_mut("positions");
    if let (EntityKind::StickingPoint, Some(Value::Array(positions))) = (entity.kind, positions) {
        let held = &d.sticking_points[entity.index].positions;
        for (value, position) in positions.iter_mut().zip(held) {
            value["sources"] = json!(position.all_sources());
        }
    }
    Value::Object(out)
}

/// Adds the fields of `value` to `out`, its `kind` named `type`. (Plain data structs with
/// string keys always serialise to an object.)
fn kind_as_type(out: &mut serde_json::Map<String, Value>, value: serde_json::Result<Value>) {
    if let Ok(Value::Object(fields)) = value {
        for (key, field) in fields {
            let key = if key == "kind" {
                "type".to_string()
            } else {
                key
            };
            out.insert(key, field);
        }
    }
}

/// A source, its kind (`news-report`…) as `type` like an entity's sub-kind.
fn source_value(source: &crate::model::Source) -> Value {
    let mut out = serde_json::Map::new();
    kind_as_type(&mut out, serde_json::to_value(source));
    Value::Object(out)
}

/// One entity whole, as the detail pane and `talks show` show it: its fields, every link
/// once (with its fact) and the sources it cites.
pub fn entity_with_links(loaded: &Loaded, entity: EntityRef) -> Value {
    let d = &loaded.dossier;
    let shown = detail(d, &loaded.index, entity);
    let mut seen = std::collections::HashSet::new();
    let links: Vec<Value> = shown
        .links()
        .iter()
        .filter(|&&l| seen.insert(l))
        .map(|&l| {
            let mut link = reference(loaded, l);
            link["fact"] = json!(d.fact_of(l));
            link
        })
        .collect();
    let sources: Vec<Value> = shown
        .notes
        .iter()
        .filter_map(|id| loaded.index.source(id))
        .map(|s| source_value(&d.sources[s]))
        .collect();
    let mut value = json!({
        "kind": entity.kind.slug(),
        "id": d.id_of(entity),
        "name": d.name_of(entity),
        "entity": entity_value(loaded, entity),
        "links": links,
        "sources": sources,
    });
    if entity.kind == EntityKind::Source {
        value["backs"] = backs(loaded, entity.index);
    }
    value
}

/// What source `source` backs, by ids, grouped as its detail groups them.
fn backs(loaded: &Loaded, source: usize) -> Value {
    let d = &loaded.dossier;
    let (mut events, mut positions, mut quotes, mut entities) = (vec![], vec![], vec![], vec![]);
    for citation in &loaded.index.source_citations[source] {
        match *citation {
            Citation::Entity(e) if e.kind == EntityKind::Event => events.push(json!(d.id_of(e))),
            Citation::Entity(e) => entities.push(json!({"kind": e.kind.slug(), "id": d.id_of(e)})),
            Citation::Position {
                sticking_point,
                position,
            } => {
                let point = &d.sticking_points[sticking_point];
                let held = &point.positions[position];
                positions.push(json!({
                    "sticking_point": point.id,
                    "actor": held.actor,
                    "stance": held.stance,
                    "basis": held.basis,
                    "as_of": held.as_of,
                }));
            }
            Citation::Quote { event, quote } => {
                let said = &d.events[event].quotes[quote];
                quotes.push(json!({
                    "event": d.events[event].id,
                    "speakers": said.by,
                    "text": said.text,
                }));
            }
        }
    }
    json!({"events": events, "positions": positions, "quotes": quotes, "entities": entities})
}

fn reference(loaded: &Loaded, entity: EntityRef) -> Value {
    json!({
        "kind": entity.kind.slug(),
        "id": loaded.dossier.id_of(entity),
        "name": loaded.dossier.name_of(entity),
    })
}

/// What every JSON export starts with: what it is, when it was made, from which dossier.
fn header(loaded: &Loaded, exported_at: Option<&str>) -> serde_json::Map<String, Value> {
    let mut out = serde_json::Map::new();
    out.insert("format".into(), json!("talks-export"));
    out.insert("version".into(), json!(1));
    if let Some(at) = exported_at {
        out.insert("exported_at".into(), json!(at));
    }
    out.insert(
        "dossier".into(),
        json!({ "name": loaded.name, "title": loaded.dossier.title }),
    );
    out
}

fn pretty(value: Value) -> String {
    let mut text = crate::text::json_pretty(&value);
    text.push('\n');
    text
}

/// `scope` as JSON.
pub(super) fn render(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let exported_at = options.exported_at;
    match scope {
        Scope::View(spec) => view(loaded, spec, options),
        Scope::Briefing => briefing(loaded, options),
        Scope::Matrix { query, matrix } => self::matrix(loaded, query, matrix, exported_at),
        Scope::Timeline { query, timeline } => self::timeline(loaded, query, timeline, exported_at),
        Scope::Sources { query, sources } => self::sources(loaded, query, sources, exported_at),
        Scope::Marked(entities) => {
            let about = ("marked", json!({ "count": entities.len() }));
            in_full(loaded, about, entities, exported_at)
        }
        Scope::Detail(entity) => {
            let about = ("detail", reference(loaded, *entity));
            in_full(loaded, about, &[*entity], exported_at)
        }
        Scope::Found { query, entries } => {
            let about = ("search", json!({ "query": query, "count": entries.len() }));
            in_full(loaded, about, entries, exported_at)
        }
    }
}

/// Entities (marked, shown or found), each whole with its links and sources, after what
/// they are (`about`: its key and value).
fn in_full(
    loaded: &Loaded,
    (key, value): (&str, Value),
    entities: &[EntityRef],
    exported_at: Option<&str>,
) -> String {
    let mut out = header(loaded, exported_at);
    out.insert(key.into(), value);
    let entities: Vec<Value> = entities
        .iter()
        .map(|&e| entity_with_links(loaded, e))
        .collect();
    out.insert("entities".into(), Value::Array(entities));
    pretty(Value::Object(out))
}

/// A view: the list's entries as references with their fact (the selected one says so),
/// every entry whole (unless brief), and the selected entity whole.
fn view(loaded: &Loaded, view: &ViewSpec, options: &ExportOptions) -> String {
    let d = &loaded.dossier;
    let mut out = header(loaded, options.exported_at);
    out.insert(
        "view".into(),
        json!({
            "list": view.list.plural_slug(),
            "query": view.query,
            "count": view.entries.len(),
            "total": d.count(view.list),
        }),
    );
    let entries: Vec<Value> = view
        .entries
        .iter()
        .map(|&e| {
            let mut entry = reference(loaded, e);
            entry["fact"] = json!(d.fact_of(e));
            entry["selected"] = json!(view.selected == Some(e));
            entry
        })
        .collect();
    out.insert("entries".into(), Value::Array(entries));
    if !options.brief {
        let entities = view.entries.iter();
        let entities = entities.map(|&e| entity_with_links(loaded, e)).collect();
        out.insert("entities".into(), Value::Array(entities));
    }
    let selected = view
        .selected
        .map_or(Value::Null, |entity| entity_with_links(loaded, entity));
    out.insert("selected".into(), selected);
    pretty(Value::Object(out))
}

/// The whole dossier: its entities as written, and who stands where.
fn briefing(loaded: &Loaded, options: &ExportOptions) -> String {
    let d = &loaded.dossier;
    let mut out = header(loaded, options.exported_at);
    out.insert("summary".into(), json!(d.summary));
    out.insert(
        "sources".into(),
        Value::Array(d.sources.iter().map(source_value).collect()),
    );
    for kind in EntityKind::LISTED {
        let items: Vec<Value> = (0..d.count(kind))
            .map(|index| entity_value(loaded, EntityRef { kind, index }))
            .collect();
        out.insert(kind.plural_slug().replace('-', "_"), Value::Array(items));
    }
    let stances: Vec<Value> = d
        .sticking_points
        .iter()
        .enumerate()
        .flat_map(|(i, point)| {
            point.positions.iter().enumerate().map(move |(n, p)| {
                json!({
                    "sticking_point": point.id, "actor": p.actor, "stance": p.stance,
                    "basis": p.basis, "as_of": p.as_of,
                    "current": loaded.index.is_current(i, n),
                })
            })
        })
        .collect();
    out.insert("stances".into(), Value::Array(stances));
    for (key, part) in super::brief::json_parts(loaded) {
        out.insert(key.into(), part);
    }
    if options.single_source {
        let appendix = super::single_source::json_value(loaded);
        out.insert("single_source".into(), appendix);
    }
    pretty(Value::Object(out))
}

/// The header, and the page shown with its query.
fn page_header(
    loaded: &Loaded,
    exported_at: Option<&str>,
    page: &str,
    query: &str,
) -> serde_json::Map<String, Value> {
    let mut out = header(loaded, exported_at);
    out.insert("view".into(), json!({ "page": page, "query": query }));
    out
}

/// The rows and columns by id, and every position as a flat record.
fn matrix(
    loaded: &Loaded,
    query: &str,
    matrix: &StanceMatrix,
    exported_at: Option<&str>,
) -> String {
    let d = &loaded.dossier;
    let positions: Vec<Value> = matrix
        .positions()
        .map(|(actor, cell)| {
            let (actor, point) = (&d.actors[actor], &d.sticking_points[cell.sticking_point]);
            let p = cell.position(d);
            json!({
                "actor": actor.id, "actor_name": actor.name,
                "sticking_point": point.id, "sticking_point_title": point.title,
                "stance": p.stance, "basis": p.basis, "summary": p.summary,
                "source": p.source, "sources": p.all_sources(),
            })
        })
        .collect();
    let rows: Vec<&String> = matrix.rows.iter().map(|&a| &d.actors[a].id).collect();
    let columns: Vec<&String> = matrix
        .columns
        .iter()
        .map(|&p| &d.sticking_points[p].id)
        .collect();
    let mut out = page_header(loaded, exported_at, "matrix", query);
    if let Some(date) = &matrix.as_of {
        out.insert("as_of".into(), json!(date));
    }
    out.insert("rows".into(), json!(rows));
    out.insert("columns".into(), json!(columns));
    out.insert("positions".into(), Value::Array(positions));
    pretty(Value::Object(out))
}

/// The events in order, each with the fields the page shows and its content: summary,
/// outcomes, the sources its detail cites, the precision of its date.
fn timeline(
    loaded: &Loaded,
    query: &str,
    timeline: &Timeline,
    exported_at: Option<&str>,
) -> String {
    let events: Vec<Value> = timeline
        .rows
        .iter()
        .map(|row| {
            let e = &loaded.dossier.events[row.event];
            let event = EntityRef::new(EntityKind::Event, row.event);
            let cited = detail(&loaded.dossier, &loaded.index, event).notes;
            json!({
                "order": e.order, "date": e.date, "status": e.status, "id": e.id,
                "title": e.title, "place": e.place, "participants": e.participants,
                "date_precision": e.date.as_deref().map(date_precision),
                "kind": "event", "type": e.kind, "when": row.when,
                "place_name": row.place, "participant_names": row.participants,
                "concerns": e.concerns, "concern_names": row.concerns,
                "summary": e.summary, "outcomes": e.outcomes, "sources": cited,
            })
        })
        .collect();
    let mut out = page_header(loaded, exported_at, "timeline", query);
    out.insert("events".into(), Value::Array(events));
    pretty(Value::Object(out))
}

/// `year`, `month` or `day`: what a date as written (`2025`, `2025-12`, `2025-12-03`) says.
fn date_precision(date: &str) -> &'static str {
    match date.matches('-').count() {
        0 => "year",
        1 => "month",
        _ => "day",
    }
}

/// The sources as the dossier has them, each with what cites it among the results.
fn sources(loaded: &Loaded, query: &str, list: &SourceList, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let sources: Vec<Value> = list
        .rows
        .iter()
        .map(|row: &SourceRow| {
            let citing: Vec<Value> = row
                .citing
                .iter()
                .map(|c| {
                    let mut value = reference(loaded, c.entity);
                    value["label"] = json!(c.label);
                    value
                })
                .collect();
            json!({
                "source": source_value(&d.sources[row.source]),
                "cited": row.cited,
                "citing": citing,
            })
        })
        .collect();
    let mut out = page_header(loaded, exported_at, "sources", query);
    out.insert("sources".into(), Value::Array(sources));
    pretty(Value::Object(out))
}
