//! An id that names nothing (`talks show rustem-umerov`, `export --select`): said with the
//! id meant, found by spelling (`witkof` → `witkoff`) or by the words of a name
//! (`rustem-umerov` → `umerov`, the id of Rustem Umerov).

use crate::model::{self, EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;

/// `no entity with the id "X" in FILE; did you mean "Y"?`.
pub(super) fn said(loaded: &Loaded, id: &str) -> String {
    let hint = match meant(loaded, id) {
        Some(best) => format!("; did you mean \"{best}\"?"),
        None => String::new(),
    };
    format!(
        "no entity with the id \"{}\" in {}{hint}",
        sanitize_line(id),
        loaded.name
    )
}

fn meant<'l>(loaded: &'l Loaded, id: &str) -> Option<&'l str> {
    let dossier = &loaded.dossier;
    // Sources too: `talks show` shows them.
    let entities: Vec<EntityRef> = EntityKind::ALL
        .iter()
        .flat_map(|&kind| (0..dossier.count(kind)).map(move |index| EntityRef { kind, index }))
        .collect();
    let ids: Vec<&str> = entities.iter().map(|&e| dossier.id_of(e)).collect();
    if let Some(best) = model::closest(id, &ids) {
        return Some(best);
    }
    // The words of the id, each a word of the entity's name.
    let words: Vec<String> = id
        .split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let named = |e: &EntityRef| {
        let name = dossier.name_of(*e).to_lowercase();
        let name_words: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).collect();
        words.len() > 1 && words.iter().all(|w| name_words.contains(&w.as_str()))
    };
    entities
        .iter()
        .find(|e| named(e))
        .map(|&e| dossier.id_of(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_by_spelling_or_by_the_words_of_a_name() {
        let loaded = model::builtin().unwrap();
        let said = |id: &str| said(&loaded, id);
        assert!(said("witkof").ends_with("; did you mean \"witkoff\"?"));
        assert!(said("rustem-umerov").ends_with("; did you mean \"umerov\"?"));
        assert!(said("Steve Witkoff").ends_with("; did you mean \"witkoff\"?"));
        assert_eq!(
            said("zzzz"),
            "no entity with the id \"zzzz\" in data/talks.yaml (built in)"
        );
    }
}
