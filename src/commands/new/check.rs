//! The last check before `--append` writes: the file with the new item loads, and holds
//! the dossier it held before plus that item, where it belongs, and nothing else changed.

use super::append::Added;
use super::noun;
use super::template::Facts;
use crate::cli::NewKind;
use crate::model::{self, Dossier, Loaded};

/// The new text's dossier, or why nothing may be written.
pub(super) fn check(
    before: &Loaded,
    facts: &Facts,
    template: &[String],
    added: Added,
) -> Result<(Added, Loaded), String> {
    let name = &before.name;
    let noun = noun(facts.kind);
    let after = model::load_str(name, &added.text).map_err(|err| {
        format!("nothing was written: with the new {noun}, {name} would not load:\n\n{err}")
    })?;
    let mut expected = before.dossier.clone();
    push(&mut expected, before, facts, &template.join("\n"))
        .map_err(|err| format!("the template of a {noun} does not read: {err}"))?;
    if serde_json::to_value(&expected).ok() != serde_json::to_value(&after.dossier).ok() {
        return Err(format!(
            "nothing was written: adding the {noun} as text would change more of {name} than \
             the new {noun} (an unusual layout where it goes?); add it by hand"
        ));
    }
    Ok((added, after))
}

/// The last check for a file of a folder dossier: the folder with the new item (`after`)
/// holds what it held before plus that item, somewhere in its list (the merged lists
/// follow file order), and nothing else changed.
pub(super) fn check_folder(
    before: &Loaded,
    facts: &Facts,
    template: &[String],
    after: &Loaded,
) -> Result<(), String> {
    let noun = noun(facts.kind);
    let item = item_value(facts.kind, &template.join("\n"))
        .map_err(|err| format!("the template of a {noun} does not read: {err}"))?;
    let mut after = serde_json::to_value(&after.dossier).unwrap_or_default();
    let index = before
        .index
        .get(&facts.parent)
        .map_or(usize::MAX, |e| e.index);
    let removed = list_of(&mut after, facts, index).is_some_and(|list| {
        let found = list.iter().position(|value| value == &item);
        found.map(|at| list.remove(at)).is_some()
    });
    if !removed || Some(after) != serde_json::to_value(&before.dossier).ok() {
        return Err(format!(
            "nothing was written: adding the {noun} as text would change more of {} than the \
             new {noun} (an unusual layout where it goes?); add it by hand",
            before.name
        ));
    }
    Ok(())
}

/// The template's item as JSON, read as its kind.
fn item_value(kind: NewKind, yaml: &str) -> Result<serde_json::Value, String> {
    fn read<T: serde::de::DeserializeOwned + serde::Serialize>(
        yaml: &str,
    ) -> Result<serde_json::Value, String> {
        let item: T = serde_yaml::from_str(yaml).map_err(|err| err.to_string())?;
        serde_json::to_value(item).map_err(|err| err.to_string())
    }
    match kind {
        NewKind::Actor => read::<model::Actor>(yaml),
        NewKind::Event => read::<model::Event>(yaml),
        NewKind::StickingPoint => read::<model::StickingPoint>(yaml),
        NewKind::Place => read::<model::Place>(yaml),
        NewKind::Source => read::<model::Source>(yaml),
        NewKind::Position => read::<model::Position>(yaml),
        NewKind::Quote => read::<model::Quote>(yaml),
    }
}

/// The list of the merged dossier `value` the item goes in.
fn list_of<'a>(
    value: &'a mut serde_json::Value,
    facts: &Facts,
    index: usize,
) -> Option<&'a mut Vec<serde_json::Value>> {
    let (key, nested) = key_of(facts.kind);
    let list = value.get_mut(key)?.as_array_mut()?;
    match nested {
        None => Some(list),
        Some(nested) => list.get_mut(index)?.get_mut(nested)?.as_array_mut(),
    }
}

fn key_of(kind: NewKind) -> (&'static str, Option<&'static str>) {
    match kind {
        NewKind::Actor => ("actors", None),
        NewKind::Event => ("events", None),
        NewKind::StickingPoint => ("sticking_points", None),
        NewKind::Place => ("places", None),
        NewKind::Source => ("sources", None),
        NewKind::Position => ("sticking_points", Some("positions")),
        NewKind::Quote => ("events", Some("quotes")),
    }
}

/// `dossier` with the template's item added where `--append` puts it.
fn push(
    dossier: &mut Dossier,
    loaded: &Loaded,
    facts: &Facts,
    yaml: &str,
) -> serde_yaml::Result<()> {
    let index = loaded
        .index
        .get(&facts.parent)
        .map_or(usize::MAX, |e| e.index);
    match facts.kind {
        NewKind::Actor => dossier.actors.push(serde_yaml::from_str(yaml)?),
        NewKind::Event => dossier.events.push(serde_yaml::from_str(yaml)?),
        NewKind::StickingPoint => dossier.sticking_points.push(serde_yaml::from_str(yaml)?),
        NewKind::Place => dossier.places.push(serde_yaml::from_str(yaml)?),
        NewKind::Source => dossier.sources.push(serde_yaml::from_str(yaml)?),
        NewKind::Position => {
            if let Some(point) = dossier.sticking_points.get_mut(index) {
                point.positions.push(serde_yaml::from_str(yaml)?);
            }
        }
        NewKind::Quote => {
            if let Some(event) = dossier.events.get_mut(index) {
                event.quotes.push(serde_yaml::from_str(yaml)?);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n\
                        actors:\n  - id: a\n    name: A\n    kind: state\n    sources: [s]\n";

    fn facts() -> Facts {
        Facts {
            kind: NewKind::Actor,
            id: "b".into(),
            parent: String::new(),
            source: "s".into(),
            actor: None,
            some_actor: None,
            some_place: None,
            last_order: None,
        }
    }

    fn checked(text: String) -> Result<(Added, Loaded), String> {
        let before = model::load_str("d.yaml", TEXT).unwrap_or_else(|e| panic!("{e}"));
        let template = ["id: b".to_string(), "name: B".into(), "kind: group".into()];
        let added = Added {
            text,
            line: 12,
            lines: 3,
        };
        check(&before, &facts(), &template, added)
    }

    #[test]
    fn the_result_must_load_and_hold_nothing_new_but_the_item() {
        let good = format!("{TEXT}  - id: b\n    name: B\n    kind: group\n");
        assert!(checked(good.clone()).is_ok());
        let err = checked(good.replace("kind: state", "kind: sate"))
            .err()
            .unwrap_or_default();
        assert!(
            err.starts_with("nothing was written: with the new actor, d.yaml would not load:")
                && err.contains("unknown actor kind \"sate\""),
            "{err}"
        );
        let err = checked(good.replace("name: A", "name: AA"))
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("would change more of d.yaml than the new actor"),
            "{err}"
        );
    }
}
