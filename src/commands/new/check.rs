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
