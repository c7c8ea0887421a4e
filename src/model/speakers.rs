//! A quote's `by`: one actor id, or a list when several people said the words together.
//!
//! In memory it is always a list; it is written back as the dossier would write it (a
//! single id stays a string), so version 1 files read and write as before.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use serde::{Serialize, Serializer};

/// The schema of `by`, for `#[schemars(with = …)]`.
pub(super) struct OneOrMoreIds;

impl JsonSchema for OneOrMoreIds {
    fn schema_name() -> Cow<'static, str> {
        "OneOrMoreIds".into()
    }

    fn json_schema(_generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An actor id, or a list of actor ids when several said it.",
            "oneOf": [
                { "type": "string" },
                { "type": "array", "items": { "type": "string" }, "minItems": 1 }
            ]
        })
    }
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Vec<String>, D::Error> {
    deserializer.deserialize_any(IdsVisitor)
}

pub(super) fn serialize<S: Serializer>(ids: &[String], serializer: S) -> Result<S::Ok, S::Error> {
    match ids {
        [one] => serializer.serialize_str(one),
        many => many.serialize(serializer),
    }
}

struct IdsVisitor;

impl<'de> Visitor<'de> for IdsVisitor {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an actor id or a list of actor ids")
    }

    fn visit_str<E: de::Error>(self, id: &str) -> Result<Self::Value, E> {
        Ok(vec![id.to_string()])
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut items: A) -> Result<Self::Value, A::Error> {
        let mut ids = Vec::with_capacity(items.size_hint().unwrap_or(2).min(16));
        while let Some(id) = items.next_element::<String>()? {
            ids.push(id);
        }
        Ok(ids)
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Deserialize, serde::Serialize)]
    struct Quote {
        #[serde(with = "super")]
        by: Vec<String>,
    }

    fn read(yaml: &str) -> Result<Vec<String>, String> {
        serde_yaml::from_str::<Quote>(yaml)
            .map(|q| q.by)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn one_id_or_a_list_reads_as_a_list() {
        assert_eq!(
            read("by: umerov").as_deref(),
            Ok(&["umerov".to_string()][..])
        );
        assert_eq!(
            read("by: [witkoff, umerov]"),
            Ok(vec!["witkoff".to_string(), "umerov".to_string()])
        );
    }

    #[test]
    fn a_number_or_a_mapping_is_refused_with_what_was_expected() {
        let message = read("by: 12").err().unwrap_or_default();
        assert!(
            message.contains("an actor id or a list of actor ids"),
            "{message}"
        );
        let message = read("by: {a: b}").err().unwrap_or_default();
        assert!(
            message.contains("an actor id or a list of actor ids"),
            "{message}"
        );
    }

    #[test]
    fn one_speaker_is_written_back_as_a_string() {
        let one = Quote {
            by: vec!["a".into()],
        };
        let two = Quote {
            by: vec!["a".into(), "b".into()],
        };
        let one = serde_json::to_string(&one).unwrap_or_default();
        let two = serde_json::to_string(&two).unwrap_or_default();
        assert_eq!(
            (one.as_str(), two.as_str()),
            (r#"{"by":"a"}"#, r#"{"by":["a","b"]}"#)
        );
    }
}
