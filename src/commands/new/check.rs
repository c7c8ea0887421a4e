//! The last check before `--append` writes: the file with the new item loads, and holds
//! the dossier it held before plus that item, where it belongs, and nothing else changed.
//! Compared as typed values, list by list, without a copy of the dossier.

use super::append::Added;
use super::noun;
use super::template::Facts;
use crate::cli::NewKind;
use crate::model::yaml::{self, YamlError};
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
    compare(before, facts, template, &after, true)?;
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
    compare(before, facts, template, after, false)
}

fn compare(
    before: &Loaded,
    facts: &Facts,
    template: &[String],
    after: &Loaded,
    at_end: bool,
) -> Result<(), String> {
    let noun = noun(facts.kind);
    let item = Item::read(facts.kind, &template.join("\n"))
        .map_err(|err| format!("the template of a {noun} does not read: {err}"))?;
    let parent = before
        .index
        .get(&facts.parent)
        .map_or(usize::MAX, |e| e.index);
    let added = Addition {
        item: &item,
        parent,
        at_end,
    };
    if added.is_all_that_changed(&before.dossier, &after.dossier) {
        return Ok(());
    }
    Err(format!(
        "nothing was written: adding the {noun} as text would change more of {} than the \
         new {noun} (an unusual layout where it goes?); add it by hand",
        before.name
    ))
}

/// The template's item, read as its kind.
enum Item {
    Actor(model::Actor),
    Event(model::Event),
    StickingPoint(model::StickingPoint),
    Place(model::Place),
    Source(model::Source),
    Position(model::Position),
    Quote(model::Quote),
}

impl Item {
    fn read(kind: NewKind, text: &str) -> Result<Item, YamlError> {
        Ok(match kind {
            NewKind::Actor => Item::Actor(yaml::from_str(text)?),
            NewKind::Event => Item::Event(yaml::from_str(text)?),
            NewKind::StickingPoint => Item::StickingPoint(yaml::from_str(text)?),
            NewKind::Place => Item::Place(yaml::from_str(text)?),
            NewKind::Source | NewKind::Report => Item::Source(yaml::from_str(text)?),
            // A folder's position names its sticking point.
            NewKind::Position if text.starts_with("sticking_point:") => {
                let added: model::folder::part::AddedPosition = yaml::from_str(text)?;
                Item::Position(added.into_position())
            }
            NewKind::Position => Item::Position(yaml::from_str(text)?),
            NewKind::Quote => Item::Quote(yaml::from_str(text)?),
        })
    }
}

/// The item added, under the entity `parent` (a position's sticking point, a quote's
/// event); at the end of its list, or (a folder's merged lists) anywhere in it.
struct Addition<'a> {
    item: &'a Item,
    parent: usize,
    at_end: bool,
}

/// The dossier's lists, to say which one holds the item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum List {
    Sources,
    Actors,
    Events,
    Points,
    Places,
}

impl Addition<'_> {
    fn is_all_that_changed(&self, before: &Dossier, after: &Dossier) -> bool {
        let at_end = self.at_end;
        let (list, added) = match self.item {
            Item::Source(x) => (
                List::Sources,
                one_more(&before.sources, &after.sources, x, at_end),
            ),
            Item::Actor(x) => (
                List::Actors,
                one_more(&before.actors, &after.actors, x, at_end),
            ),
            Item::Place(x) => (
                List::Places,
                one_more(&before.places, &after.places, x, at_end),
            ),
            Item::Event(x) => (
                List::Events,
                one_more(&before.events, &after.events, x, at_end),
            ),
            Item::StickingPoint(x) => (
                List::Points,
                one_more(&before.sticking_points, &after.sticking_points, x, at_end),
            ),
            Item::Position(x) => (
                List::Points,
                self.under(
                    &before.sticking_points,
                    &after.sticking_points,
                    |point| &point.positions,
                    x,
                ),
            ),
            Item::Quote(x) => (
                List::Events,
                self.under(&before.events, &after.events, |event| &event.quotes, x),
            ),
        };
        added && others_equal(before, after, list)
    }

    /// `after` is `before` but for the entity `parent`, whose list `children` has `item`
    /// added and which is otherwise the same.
    fn under<P: Clone + PartialEq + Children<C>, C: PartialEq>(
        &self,
        before: &[P],
        after: &[P],
        children: impl Fn(&P) -> &Vec<C>,
        item: &C,
    ) -> bool {
        let p = self.parent;
        let (Some(old), Some(new)) = (before.get(p), after.get(p)) else {
            return false;
        };
        before.len() == after.len()
            && before[..p] == after[..p]
            && before[p + 1..] == after[p + 1..]
            && one_more(children(old), children(new), item, self.at_end)
            && old.without_children() == new.without_children()
    }
}

/// A sticking point's positions, an event's quotes.
trait Children<C> {
    /// A copy without them, to compare the rest.
    fn without_children(&self) -> Self;
}

impl Children<model::Position> for model::StickingPoint {
    fn without_children(&self) -> Self {
        model::StickingPoint {
            positions: Vec::new(),
            ..self.clone()
        }
    }
}

impl Children<model::Quote> for model::Event {
    fn without_children(&self) -> Self {
        model::Event {
            quotes: Vec::new(),
            ..self.clone()
        }
    }
}

/// `after` is `before` with `item` added: at its end, or (not `at_end`) anywhere.
fn one_more<T: PartialEq>(before: &[T], after: &[T], item: &T, at_end: bool) -> bool {
    if after.len() != before.len() + 1 {
        return false;
    }
    let at = before
        .iter()
        .zip(after)
        .position(|(old, new)| old != new)
        .unwrap_or(before.len());
    (!at_end || at == before.len())
        && after[at] == *item
        && before[..at] == after[..at]
        && before[at..] == after[at + 1..]
}

/// Everything but `list` is the same.
fn others_equal(before: &Dossier, after: &Dossier, list: List) -> bool {
    before.version == after.version
        && before.title == after.title
        && before.summary == after.summary
        && (list == List::Sources || before.sources == after.sources)
        && (list == List::Actors || before.actors == after.actors)
        && (list == List::Events || before.events == after.events)
        && (list == List::Points || before.sticking_points == after.sticking_points)
        && (list == List::Places || before.places == after.places)
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
            folder: None,
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
