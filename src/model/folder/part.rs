//! One file of a folder dossier: the lists of a dossier, each optional, and a top-level
//! `positions:` list by which a later report adds positions to a sticking point written
//! in an earlier one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::types::{Actor, Event, Place, Position, Source, StickingPoint};
use crate::model::vocab::{Basis, Stance};

/// One file of a folder dossier (`talks DIR`): `version` in every file, `title` (and
/// `summary`) in exactly one.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "talks dossier, version 1: one file of a folder dossier")]
pub struct Part {
    pub version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<Actor>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<Event>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sticking_points: Vec<StickingPoint>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// Positions added to sticking points of any file of the folder.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<AddedPosition>,
}

/// A position added to a sticking point from another place than its `positions:`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddedPosition {
    /// The sticking point's id.
    pub sticking_point: String,
    pub actor: String,
    pub stance: Stance,
    pub summary: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default)]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"))]
    pub as_of: Option<String>,
}

impl AddedPosition {
    pub fn into_position(self) -> Position {
        Position {
            actor: self.actor,
            stance: self.stance,
            summary: self.summary,
            source: self.source,
            basis: self.basis,
            as_of: self.as_of,
        }
    }
}
