//! The kinds of entity and a reference to one: what lists, the detail, marks and
//! exports are addressed by.

/// The kinds of entity: the four that have a list, and sources, which the sources page
/// lists (`docs/decisions.md`, "Sources": a fifth kind for the detail, the trail, marks,
/// notes, `show` and JSON, not a fifth numbered list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Actor,
    Event,
    StickingPoint,
    Place,
    Source,
}

impl EntityKind {
    /// How many kinds there are: the length of every per-kind array.
    pub(crate) const COUNT: usize = 5;

    pub const ALL: [EntityKind; Self::COUNT] = [
        EntityKind::Actor,
        EntityKind::Event,
        EntityKind::StickingPoint,
        EntityKind::Place,
        EntityKind::Source,
    ];

    /// How many kinds have a numbered list of their own.
    pub(crate) const LISTED_COUNT: usize = 4;

    /// The kinds with a numbered list (and a search document): all but sources.
    pub const LISTED: [EntityKind; Self::LISTED_COUNT] = [
        EntityKind::Actor,
        EntityKind::Event,
        EntityKind::StickingPoint,
        EntityKind::Place,
    ];

    /// The singular noun used in messages and in `kind:` queries.
    pub(crate) fn noun(self) -> &'static str {
        match self {
            EntityKind::Actor => "actor",
            EntityKind::Event => "event",
            EntityKind::StickingPoint => "sticking point",
            EntityKind::Place => "place",
            EntityKind::Source => "source",
        }
    }

    /// The position of this kind in [`EntityKind::LISTED`].
    pub(crate) fn slot(self) -> usize {
        match self {
            EntityKind::Actor => 0,
            EntityKind::Event => 1,
            EntityKind::StickingPoint => 2,
            EntityKind::Place => 3,
            EntityKind::Source => 4,
        }
    }

    /// The singular used in `kind:` queries and JSON (`sticking-point`).
    pub(crate) fn slug(self) -> &'static str {
        match self {
            EntityKind::Actor => "actor",
            EntityKind::Event => "event",
            EntityKind::StickingPoint => "sticking-point",
            EntityKind::Place => "place",
            EntityKind::Source => "source",
        }
    }

    /// The plural used on the command line (`talks list sticking-points`).
    pub(crate) fn plural_slug(self) -> &'static str {
        match self {
            EntityKind::Actor => "actors",
            EntityKind::Event => "events",
            EntityKind::StickingPoint => "sticking-points",
            EntityKind::Place => "places",
            EntityKind::Source => "sources",
        }
    }

    /// The heading of the list of this kind.
    pub(crate) fn plural_title(self) -> &'static str {
        match self {
            EntityKind::Actor => "Actors",
            EntityKind::Event => "Events",
            EntityKind::StickingPoint => "Sticking points",
            EntityKind::Place => "Places",
            EntityKind::Source => "Sources",
        }
    }
}

/// A typed pointer to one entity of a dossier: its kind and its index in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityRef {
    pub kind: EntityKind,
    pub index: usize,
}

impl EntityRef {
    pub const fn new(kind: EntityKind, index: usize) -> Self {
        EntityRef { kind, index }
    }
}
