//! How [`super::shape`] words each problem, in serde's words where serde says the same
//! (`unknown field`, `missing field`, `invalid type`) so that one problem reads alike
//! whichever found it, plus what to write instead.

use serde_json::{Map, Value};

use super::diagnostic::Location;
use super::shape_tree::{Node, NodeKind};
use super::validate::closest;
use super::vocab::{ActorKind, Basis, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};

/// One problem of shape: where (its path and position) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShapeProblem {
    pub(crate) path: String,
    pub(crate) at: Location,
    pub(crate) message: String,
    /// What to write instead, when the walk can say (added to serde's own message when
    /// both found the same problem).
    pub(crate) hint: Option<String>,
}

fn prefix(path: &str) -> String {
    if path.is_empty() {
        String::new()
    } else {
        format!("{path}: ")
    }
}

/// `colour` where no such field is: the fields there are, and the closest one.
pub(super) fn unknown_field(
    path: &str,
    key: &str,
    at: Location,
    fields: &Map<String, Value>,
) -> ShapeProblem {
    let names: Vec<&str> = fields.keys().map(String::as_str).collect();
    let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    let hint = field_meant(key, &names).map(|best| format!("did you mean `{best}`?"));
    ShapeProblem {
        path: path.to_string(),
        at,
        message: format!(
            "{}unknown field `{key}`, expected one of {}",
            prefix(path),
            listed.join(", ")
        ),
        hint,
    }
}

/// The field a mistyped key was meant to be: the same with `_` for `-`, one letter more or
/// less (`sources` for `source`), else the closest by spelling.
pub(crate) fn field_meant<'n>(key: &str, names: &[&'n str]) -> Option<&'n str> {
    let underscored = key.replace('-', "_").to_lowercase();
    let same = names
        .iter()
        .find(|n| **n == underscored || strsim::levenshtein(n, &underscored) <= 1 && n.len() > 3);
    same.copied().or_else(|| {
        let limit = (key.chars().count() / 3).max(1);
        names
            .iter()
            .map(|n| (strsim::levenshtein(n, &underscored), *n))
            .filter(|(distance, _)| *distance <= limit)
            .min()
            .map(|(_, n)| n)
    })
}

/// A required field not written: what it takes.
pub(super) fn missing_field(
    path: &str,
    field: &str,
    at: Location,
    schema: Option<&Value>,
) -> ShapeProblem {
    let hint = match field {
        "version" => Some("write `version: 1` as the file's first line".to_string()),
        "order" => {
            Some("`order` is the event's place on the timeline, a whole number (`order: 1`)".into())
        }
        _ => schema.and_then(|s| {
            let words = enum_words(s);
            if words.is_empty() {
                description(s).map(|d| format!("`{field}`: {d}"))
            } else {
                Some(format!("`{field}` is one of: {}", words.join(", ")))
            }
        }),
    };
    ShapeProblem {
        path: path.to_string(),
        at,
        message: format!("{}missing field `{field}`", prefix(path)),
        hint,
    }
}

/// A word outside its vocabulary, said as validation says it.
pub(super) fn not_a_word(path: &str, value: &str, at: Location, words: &[&str]) -> ShapeProblem {
    let label = label_of(words);
    let hint = match closest(value, words) {
        Some(best) => format!("did you mean \"{best}\"? "),
        None => String::new(),
    };
    ShapeProblem {
        path: path.to_string(),
        at,
        message: format!(
            "unknown {label} \"{value}\"; {hint}expected one of: {} (at {path})",
            words.join(", ")
        ),
        hint: None,
    }
}

/// A value of another kind than the field takes.
pub(super) fn wrong_kind(path: &str, node: &Node, schema: &Value) -> ShapeProblem {
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    let wanted: Vec<&str> = types
        .iter()
        .filter(|t| **t != "null")
        .map(|t| match *t {
            "integer" => "a whole number",
            "array" => "a list",
            "object" => "a mapping",
            "boolean" => "true or false",
            _ => "text",
        })
        .collect();
    let quoted_number = matches!(&node.kind, NodeKind::Scalar { text, plain: false }
        if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()));
    let hint = (types.contains(&"integer") && quoted_number).then(|| {
        let field = path.rsplit('.').next().unwrap_or(path);
        let NodeKind::Scalar { text, .. } = &node.kind else {
            return String::new();
        };
        format!("write it without quotes: `{field}: {text}`")
    });
    ShapeProblem {
        path: path.to_string(),
        at: node.at,
        message: format!(
            "{}invalid type: {}, expected {}",
            prefix(path),
            node.described(),
            wanted.join(" or ")
        ),
        hint,
    }
}

fn enum_words(schema: &Value) -> Vec<&str> {
    schema
        .get("enum")
        .and_then(Value::as_array)
        .map(|words| words.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

/// The schema's description of a field, its first sentence.
fn description(schema: &Value) -> Option<String> {
    let text = schema.get("description")?.as_str()?;
    let first = text.split(". ").next().unwrap_or(text).replace('\n', " ");
    Some(first.trim_end_matches('.').to_string() + ".")
}

/// The vocabulary a list of words is, by the words (the schema names it only by type).
fn label_of(words: &[&str]) -> &'static str {
    let vocabularies: [(&[&str], &str); 7] = [
        (ActorKind::VALUES, ActorKind::LABEL),
        (PlaceKind::VALUES, PlaceKind::LABEL),
        (EventKind::VALUES, EventKind::LABEL),
        (EventStatus::VALUES, EventStatus::LABEL),
        (StickingStatus::VALUES, StickingStatus::LABEL),
        (Stance::VALUES, Stance::LABEL),
        (Basis::VALUES, Basis::LABEL),
    ];
    vocabularies
        .iter()
        .find(|(values, _)| *values == words)
        .map_or("value", |(_, label)| label)
}
