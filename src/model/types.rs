//! Serde types that mirror the dossier format, version 1 (`docs/dossier-format.md`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::vocab::{ActorKind, Basis, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};

/// A whole dossier: who takes part in a negotiation, what happened and what is disputed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "talks dossier, version 1")]
pub struct Dossier {
    /// The format version; must be 1.
    #[schemars(range(min = 1, max = 1))]
    pub version: u32,
    /// One line naming the dossier.
    pub title: String,
    /// A paragraph: what these talks are about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Where the facts come from (at least one).
    #[schemars(length(min = 1))]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticking_points: Vec<StickingPoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
}

/// Where facts come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    pub title: String,
    /// e.g. `news-report`, `statement`, `transcript`.
    pub kind: String,
    /// Who wrote it: one line, as the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub published: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The source's full text, a UTF-8 file: a path relative to the dossier file's folder.
    /// `talks validate` checks the quotes that cite this source against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A party to the talks: a person, a state, a delegation…
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// One line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The actor id of the party this person or delegation speaks for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Source ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// A place named in the talks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    pub name: String,
    /// Optional: a dossier says what kind of place only where its source does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<PlaceKind>,
    /// The place id this place lies in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Source {
    /// What the source says of itself, joined: its kind, publisher and date where given
    /// ("news-report · Example Wire · 2025-12-03").
    pub fn facts(&self) -> String {
        let mut facts = vec![self.kind.as_str()];
        facts.extend(self.publisher.as_deref());
        facts.extend(self.published.as_deref());
        facts.join(" · ")
    }
}

impl Place {
    /// The place's kind, or "place" where the dossier gives none.
    pub fn kind_name(&self) -> &str {
        self.kind.as_ref().map_or("place", PlaceKind::as_str)
    }
}

/// Something that happened, is happening, or is planned or claimed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Event {
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    pub title: String,
    pub kind: EventKind,
    pub status: EventStatus,
    /// Position on the timeline (sources often give no dates).
    pub order: u32,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the precision is what is written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub date: Option<String>,
    /// A place id: where it happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Place ids: the places it is about (a claim about a town made elsewhere).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<String>,
    /// Actor ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Sticking point ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticking_points: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// One-line results.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quotes: Vec<Quote>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// Words attributed to an actor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    /// The actor ids of who said it: one id, or a list when several said it together.
    #[serde(with = "super::speakers")]
    #[schemars(with = "super::speakers::OneOrMoreIds")]
    pub by: Vec<String>,
    pub text: String,
    /// A source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// More source ids that report the same words: the quote's sources are `source` and
    /// these, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// `stated` (the default): the source gives these words to these speakers; `inferred`:
    /// the dossier's reading of who said them.
    #[serde(default)]
    pub basis: Basis,
}

/// What the parties disagree on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StickingPoint {
    #[schemars(regex(pattern = r"^[a-z0-9-]+$"))]
    pub id: String,
    pub title: String,
    /// `territory`, `security`, `alliance`, `process`, or another one word.
    pub topic: String,
    pub status: StickingStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Place ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

/// One party's stance on a sticking point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Position {
    /// An actor id.
    pub actor: String,
    pub stance: Stance,
    /// One or two sentences in the dossier's own words.
    pub summary: String,
    /// A source id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// More source ids that back the same stance: the position's sources are `source` and
    /// these, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// `stated` (the default): the source says it in so many words; `inferred`: the
    /// dossier's reading of what the source says.
    #[serde(default)]
    pub basis: Basis,
    /// When the party held it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. A party's latest dated
    /// position on a point is its current one; undated ones count as older.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub as_of: Option<String>,
}

pub use super::kinds::{EntityKind, EntityRef};

impl Dossier {
    /// The number of entities of one kind.
    pub fn count(&self, kind: EntityKind) -> usize {
        match kind {
            EntityKind::Actor => self.actors.len(),
            EntityKind::Event => self.events.len(),
            EntityKind::StickingPoint => self.sticking_points.len(),
            EntityKind::Place => self.places.len(),
            EntityKind::Source => self.sources.len(),
        }
    }

    /// The id of an entity.
    pub fn id_of(&self, entity: EntityRef) -> &str {
        match entity.kind {
            EntityKind::Actor => &self.actors[entity.index].id,
            EntityKind::Event => &self.events[entity.index].id,
            EntityKind::StickingPoint => &self.sticking_points[entity.index].id,
            EntityKind::Place => &self.places[entity.index].id,
            EntityKind::Source => &self.sources[entity.index].id,
        }
    }

    /// The display name (name or title) of an entity.
    pub fn name_of(&self, entity: EntityRef) -> &str {
        match entity.kind {
            EntityKind::Actor => &self.actors[entity.index].name,
            EntityKind::Event => &self.events[entity.index].title,
            EntityKind::StickingPoint => &self.sticking_points[entity.index].title,
            EntityKind::Place => &self.places[entity.index].name,
            EntityKind::Source => &self.sources[entity.index].title,
        }
    }

    /// The summary of an entity, if it has one.
    pub fn summary_of(&self, entity: EntityRef) -> Option<&str> {
        match entity.kind {
            EntityKind::Actor => self.actors[entity.index].summary.as_deref(),
            EntityKind::Event => self.events[entity.index].summary.as_deref(),
            EntityKind::StickingPoint => self.sticking_points[entity.index].summary.as_deref(),
            EntityKind::Place => self.places[entity.index].summary.as_deref(),
            EntityKind::Source => self.sources[entity.index].note.as_deref(),
        }
    }

    /// The source ids an entity cites directly.
    pub fn sources_of(&self, entity: EntityRef) -> &[String] {
        match entity.kind {
            EntityKind::Actor => &self.actors[entity.index].sources,
            EntityKind::Event => &self.events[entity.index].sources,
            EntityKind::StickingPoint => &self.sticking_points[entity.index].sources,
            EntityKind::Place => &self.places[entity.index].sources,
            // A source cites nothing: what it backs is in the index.
            EntityKind::Source => &[],
        }
    }

    /// The one useful fact shown beside an entity's name in a list.
    pub(crate) fn fact_of(&self, entity: EntityRef) -> String {
        match entity.kind {
            EntityKind::Actor => {
                let actor = &self.actors[entity.index];
                actor.role.clone().unwrap_or_else(|| actor.kind.to_string())
            }
            EntityKind::Event => {
                let event = &self.events[entity.index];
                // The order is labelled as one: a bare `#11` reads as a count or an id.
                match &event.date {
                    Some(date) => format!("{date} · {} · order {}", event.status, event.order),
                    None => format!("{} · order {}", event.status, event.order),
                }
            }
            EntityKind::StickingPoint => {
                let point = &self.sticking_points[entity.index];
                format!("{} · {}", point.status, point.topic)
            }
            EntityKind::Place => self.places[entity.index].kind_name().to_string(),
            EntityKind::Source => self.sources[entity.index].facts(),
        }
    }
}
