//! The closed vocabularies of the format (kinds, statuses, stances).
//!
//! Each is a string enum that also keeps an unknown value as written, so that one bad value
//! does not stop deserialisation: validation reports every unknown value with its position.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $label:literal { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)+
            /// A value outside the vocabulary, kept as written; validation reports it.
            Unknown(String),
        }

        impl $name {
            /// Every value of the vocabulary, in documentation order.
            pub(crate) const VALUES: &'static [&'static str] = &[$($text),+];
            /// What validation calls this field in messages.
            pub(crate) const LABEL: &'static str = $label;

            pub fn parse(text: &str) -> Self {
                match text {
                    $($text => Self::$variant,)+
                    other => Self::Unknown(other.to_string()),
                }
            }

            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $text,)+
                    Self::Unknown(other) => other,
                }
            }

            pub(crate) fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                Ok(Self::parse(&text))
            }
        }

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "enum": [$($text),+] })
            }
        }
    };
}

vocabulary!(
    /// What sort of party an actor is.
    ActorKind, "actor kind" {
        Person => "person",
        State => "state",
        Government => "government",
        Delegation => "delegation",
        Organization => "organization",
        Alliance => "alliance",
        Group => "group",
    }
);

vocabulary!(
    /// What sort of place a place is.
    PlaceKind, "place kind" {
        Country => "country",
        Region => "region",
        State => "state",
        City => "city",
        Town => "town",
    }
);

vocabulary!(
    /// What sort of thing happened.
    EventKind, "event kind" {
        Meeting => "meeting",
        Briefing => "briefing",
        Statement => "statement",
        Claim => "claim",
        Warning => "warning",
        Agreement => "agreement",
    }
);

vocabulary!(
    /// Whether an event happened, is happening, or is only claimed or planned.
    EventStatus, "event status" {
        Held => "held",
        Ongoing => "ongoing",
        Planned => "planned",
        Claimed => "claimed",
        Disputed => "disputed",
    }
);

vocabulary!(
    /// How far a sticking point is from being settled.
    StickingStatus, "sticking point status" {
        Unresolved => "unresolved",
        FrameworkAgreed => "framework-agreed",
        Disputed => "disputed",
        Resolved => "resolved",
    }
);

vocabulary!(
    /// A party's stance on a sticking point.
    Stance, "stance" {
        Demands => "demands",
        Supports => "supports",
        Opposes => "opposes",
        Conditional => "conditional",
        Unclear => "unclear",
    }
);

vocabulary!(
    /// Whether the source says a position or quote in so many words, or the dossier reads
    /// it from what the source says.
    Basis, "basis" {
        Stated => "stated",
        Inferred => "inferred",
    }
);

// The macro's enums have no `#[default]` variant to derive from.
#[allow(clippy::derivable_impls)]
impl Default for Basis {
    fn default() -> Self {
        Self::Stated
    }
}

impl Basis {
    /// True for the dossier's own reading, which every view hedges.
    pub fn is_inferred(&self) -> bool {
        *self == Self::Inferred
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_and_unknown_values_are_kept() {
        assert_eq!(Stance::parse("opposes"), Stance::Opposes);
        assert_eq!(Stance::parse("opposes").as_str(), "opposes");
        let odd = Stance::parse("Opposes");
        assert!(!odd.is_known());
        assert_eq!(odd.as_str(), "Opposes");
        assert_eq!(
            StickingStatus::parse("framework-agreed"),
            StickingStatus::FrameworkAgreed
        );
    }
}
