//! Who said a quote, how sure each position and quote is (`basis`), and which places an
//! event concerns.

use super::{IdKind, Validator};
use crate::model::types::{Dossier, EntityKind};
use crate::model::vocab::Basis;

const ACTOR: IdKind = IdKind::Entity(EntityKind::Actor);
const PLACE: IdKind = IdKind::Entity(EntityKind::Place);

impl Validator<'_> {
    pub(super) fn attribution(&mut self, dossier: &Dossier) {
        for (i, e) in dossier.events.iter().enumerate() {
            let base = format!("events[{i}]");
            for (c, id) in e.concerns.iter().enumerate() {
                if e.concerns[..c].contains(id) {
                    let message = format!("\"{id}\" is named twice in `concerns`");
                    self.error(format!("{base}.concerns[{c}]"), message);
                } else {
                    self.reference(|| format!("{base}.concerns[{c}]"), id, PLACE);
                }
            }
            for (q, quote) in e.quotes.iter().enumerate() {
                let path = format!("{base}.quotes[{q}]");
                self.speakers(&path, &quote.by);
                self.basis(&path, &quote.basis);
                self.more_sources(&path, "quote", quote.source.as_ref(), &quote.sources);
            }
        }
        for (i, s) in dossier.sticking_points.iter().enumerate() {
            for (p, position) in s.positions.iter().enumerate() {
                let path = format!("sticking_points[{i}].positions[{p}]");
                self.basis(&path, &position.basis);
                let (source, sources) = (position.source.as_ref(), &position.sources);
                self.more_sources(&path, "position", source, sources);
            }
        }
    }

    fn speakers(&mut self, quote: &str, by: &[String]) {
        match by {
            [] => self.error(
                format!("{quote}.by"),
                "the quote's `by` lists no one: give an actor id, or a list of them".into(),
            ),
            [one] => self.reference(|| format!("{quote}.by"), one, ACTOR),
            many => {
                for (n, id) in many.iter().enumerate() {
                    if many[..n].contains(id) {
                        let message = format!("\"{id}\" is named twice in the quote's `by`");
                        self.error(format!("{quote}.by[{n}]"), message);
                    } else {
                        self.reference(|| format!("{quote}.by[{n}]"), id, ACTOR);
                    }
                }
            }
        }
    }

    /// A claim's `sources`: each a source of the dossier; one named twice, or naming its
    /// `source` again, is warned about (it counts once).
    fn more_sources(&mut self, claim: &str, noun: &str, source: Option<&String>, more: &[String]) {
        for (n, id) in more.iter().enumerate() {
            let path = format!("{claim}.sources[{n}]");
            if source == Some(id) {
                let message = format!("\"{id}\" is already the {noun}'s `source`");
                self.warn(path, message);
            } else if more[..n].contains(id) {
                let message = format!("\"{id}\" is named twice in the {noun}'s `sources`");
                self.warn(path, message);
            } else {
                self.reference(|| path, id, IdKind::Source);
            }
        }
    }

    fn basis(&mut self, item: &str, basis: &Basis) {
        if !basis.is_known() {
            let path = format!("{item}.basis");
            self.vocabulary(path, Basis::LABEL, basis.as_str(), Basis::VALUES);
        }
    }
}
