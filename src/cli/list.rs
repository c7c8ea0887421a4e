//! `talks list`'s argument: what to list.

use clap::ValueEnum;
use clap::builder::PossibleValue;

use crate::model::EntityKind;

/// What `talks list` lists: a kind of entity, sources included (the explorer's sources
/// page is their list; `--kind` of `search` takes the listed kinds only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed(pub EntityKind);

impl ValueEnum for Listed {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            Listed(EntityKind::Actor),
            Listed(EntityKind::Event),
            Listed(EntityKind::StickingPoint),
            Listed(EntityKind::Place),
            Listed(EntityKind::Source),
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        self.0.to_possible_value()
    }
}
