//! One file of a folder dossier: the lists of a dossier, each optional, and a top-level
//! `positions:` list by which a later report adds positions to a sticking point written
//! in an earlier one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::types::{Actor, Event, Place, Position, Quote, Source, StickingPoint};
use crate::model::vocab::{Basis, Stance};

/// One file of a folder dossier (`talks DIR`): `version` in every file, `title` (and
/// `summary`) in exactly one.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "talks dossier, version 1: one file of a folder dossier")]
pub struct Part {
    pub(crate) version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sticking_points: Vec<StickingPoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) places: Vec<Place>,
    /// Positions added to sticking points of any file of the folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) positions: Vec<AddedPosition>,
    /// Quotes added to events of any file of the folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) quotes: Vec<AddedQuote>,
}

/// A quote added to an event from another place than its `quotes:`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddedQuote {
    /// The event's id.
    pub(crate) event: String,
    /// One actor id, or a list of them.
    #[serde(with = "crate::model::speakers")]
    #[schemars(with = "crate::model::speakers::OneOrMoreIds")]
    pub(crate) by: Vec<String>,
    pub(crate) text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<String>,
    #[serde(default)]
    pub(crate) basis: Basis,
}

impl AddedQuote {
    pub fn into_quote(self) -> Quote {
        Quote {
            by: self.by,
            text: self.text,
            source: self.source,
            sources: self.sources,
            basis: self.basis,
        }
    }
}

/// A position added to a sticking point from another place than its `positions:`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddedPosition {
    /// The sticking point's id.
    pub(crate) sticking_point: String,
    pub(crate) actor: String,
    pub(crate) stance: Stance,
    pub(crate) summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) source: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) sources: Vec<String>,
    #[serde(default)]
    pub(crate) basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub(crate) as_of: Option<String>,
}

impl AddedPosition {
    pub fn into_position(self) -> Position {
        Position {
            actor: self.actor,
            stance: self.stance,
            summary: self.summary,
            source: self.source,
            sources: self.sources,
            basis: self.basis,
            as_of: self.as_of,
        }
    }
}
