//! What a template takes from the dossier: a fresh id, the next order, the source to cite,
//! whose position or quote it is; and the messages when an id given does not fit.

use super::noun;
use super::template::{Chosen, Facts, FolderForm};
use crate::cli::{NewArgs, NewKind};
use crate::model::{self, EntityKind, Loaded};
use crate::text::sanitize_line;

/// The facts of `args`' template in `loaded`, or why there can be none.
pub(super) fn facts(loaded: &Loaded, args: &NewArgs) -> Result<Facts, String> {
    let d = &loaded.dossier;
    let first_source = d.sources.first().map(|s| s.id.clone()).unwrap_or_default();
    let mut facts = Facts {
        kind: args.kind,
        id: String::new(),
        parent: String::new(),
        source: first_source.clone(),
        actor: None,
        some_actor: d.actors.first().map(|a| a.id.clone()),
        some_place: d.places.first().map(|p| p.id.clone()),
        last_order: d.events.iter().map(|e| e.order).max(),
        folder: None,
    };
    match args.kind {
        NewKind::Position => {
            let id = args.sticking_point.as_deref().unwrap_or_default();
            let point = &d.sticking_points[index_of(loaded, id, EntityKind::StickingPoint)?];
            facts.parent = point.id.clone();
            facts.source = point.sources.first().cloned().unwrap_or(first_source);
            // A folder's new position comes with its newest report.
            if loaded.folder.is_some()
                && let Some(newest) = newest_source(d)
            {
                facts.source = newest.id.clone();
                facts.folder = Some(FolderForm {
                    as_of: newest.published.clone(),
                });
            }
            facts.actor = Some(actor(loaded, args.actor.as_deref(), &[])?);
        }
        NewKind::Quote => {
            let id = args.event.as_deref().unwrap_or_default();
            let event = &d.events[index_of(loaded, id, EntityKind::Event)?];
            facts.parent = event.id.clone();
            facts.source = event.sources.first().cloned().unwrap_or(first_source);
            facts.actor = Some(actor(loaded, args.actor.as_deref(), &event.participants)?);
        }
        kind => facts.id = new_id(loaded, kind, args.id.as_deref())?,
    }
    Ok(facts)
}

/// The source published last (the later written of two alike); where none says when, the
/// last written.
pub(super) fn newest_source(d: &model::Dossier) -> Option<&model::Source> {
    let dated = d
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some(((model::over_time::date_key(s.published.as_deref()?)?, i), s)))
        .max_by_key(|(key, _)| *key)
        .map(|(_, s)| s);
    dated.or(d.sources.last())
}

/// Whether `id` is taken: ids are unique across the dossier, sources included.
fn taken(loaded: &Loaded, id: &str) -> bool {
    loaded.index.get(id).is_some() || loaded.index.source(id).is_some()
}

/// `--id`, checked, or `new-KIND` numbered until it is free.
pub(super) fn new_id(
    loaded: &Loaded,
    kind: NewKind,
    given: Option<&str>,
) -> Result<String, String> {
    let name = &loaded.name;
    match given {
        Some(id) if !model::is_valid_id(id) => Err(format!(
            "invalid id \"{}\": use lowercase letters, digits and '-' only",
            sanitize_line(id)
        )),
        Some(id) if taken(loaded, id) => Err(format!(
            "the id \"{id}\" is already used in {name}: ids are unique across the dossier, \
             sources included; give another with --id"
        )),
        Some(id) => Ok(id.to_string()),
        None => {
            let base = format!("new-{}", noun(kind).replace(' ', "-"));
            let fresh = (2..)
                .map(|n| format!("{base}-{n}"))
                .find(|id| !taken(loaded, id))
                .unwrap_or_default();
            Ok(if taken(loaded, &base) { fresh } else { base })
        }
    }
}

/// The index of the entity `id` of `kind`, or a message naming it (and the closest id).
fn index_of(loaded: &Loaded, id: &str, kind: EntityKind) -> Result<usize, String> {
    let name = &loaded.name;
    let noun = kind.noun();
    match loaded.index.get(id) {
        Some(entity) if entity.kind == kind => Ok(entity.index),
        Some(entity) => Err(format!(
            "\"{id}\" is {} {} in {name}, not {} {noun}",
            article(entity.kind.noun()),
            entity.kind.noun(),
            article(noun)
        )),
        None => {
            let ids: Vec<&str> = (0..loaded.dossier.count(kind))
                .map(|index| loaded.dossier.id_of(model::EntityRef { kind, index }))
                .collect();
            let hint = match model::closest(id, &ids) {
                Some(best) => format!("; did you mean \"{best}\"?"),
                None => String::new(),
            };
            Err(format!(
                "there is no {noun} \"{}\" in {name}{hint}",
                sanitize_line(id)
            ))
        }
    }
}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// `--actor`, checked; else the first of `preferred` (an event's participants), else the
/// dossier's first actor.
fn actor(loaded: &Loaded, given: Option<&str>, preferred: &[String]) -> Result<Chosen, String> {
    let d = &loaded.dossier;
    if let Some(id) = given {
        let index = index_of(loaded, id, EntityKind::Actor)?;
        return Ok(Chosen {
            id: d.actors[index].id.clone(),
            why: "",
        });
    }
    if let Some(id) = preferred.iter().find(|id| loaded.index.actor(id).is_some()) {
        return Ok(Chosen {
            id: id.clone(),
            why: "the event's first participant",
        });
    }
    match d.actors.first() {
        Some(first) => Ok(Chosen {
            id: first.id.clone(),
            why: "the dossier's first actor",
        }),
        None => Err(format!(
            "{} has no actor yet: add one first (talks new actor --append FILE)",
            loaded.name
        )),
    }
}
