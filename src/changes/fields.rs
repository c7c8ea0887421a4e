//! Field-by-field comparison of one item's two readings, as JSON values: a scalar that
//! changed says before → after, a list says what it gained and lost (its order does not
//! count).

use serde_json::Value;

use super::names::{Names, REFERENCES};

/// One field that is not the same. Where the field holds ids, `named` says the same with
/// names (see `names.rs`); the ids stay for JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChange {
    /// `status: planned → held`; `None` where the field is not written.
    Value {
        field: String,
        before: Option<String>,
        after: Option<String>,
        named: Option<(Option<String>, Option<String>)>,
    },
    /// `participants: + kushner − witkoff`.
    List {
        field: String,
        added: Vec<String>,
        removed: Vec<String>,
        named: Option<(Vec<String>, Vec<String>)>,
    },
}

/// The fields of `before` and `after` (two objects) that differ, in field order.
pub(super) fn compare(before: &Value, after: &Value, names: &Names) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let old = before.as_object().unwrap_or(&empty);
    let new = after.as_object().unwrap_or(&empty);
    let mut names_of_fields: Vec<&String> = new.keys().chain(old.keys()).collect();
    names_of_fields.dedup();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for name in names_of_fields {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let (was, now) = (old.get(name), new.get(name));
        if let Some(change) = field(name, (was, now), names) {
            out.push(change);
        }
    }
    out
}

/// Whether a field's values (or its items' speakers and parties) are ids.
fn refers(name: &str) -> bool {
    REFERENCES.contains(&name) || name == "quotes" || name == "positions"
}

fn field(
    name: &str,
    (was, now): (Option<&Value>, Option<&Value>),
    names: &Names,
) -> Option<FieldChange> {
    let ids = REFERENCES.contains(&name);
    let list = |v: Option<&Value>| match v {
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .map(|i| (shown(i, None, ids), shown(i, Some(names), ids)))
                .collect::<Vec<_>>(),
        ),
        None | Some(Value::Null) => Some(Vec::new()),
        _ => None,
    };
    let is_list = matches!(was, Some(Value::Array(_))) || matches!(now, Some(Value::Array(_)));
    if is_list && let (Some(mut old), Some(mut new)) = (list(was), list(now)) {
        old.sort();
        new.sort();
        let raw =
            |items: &[(String, String)]| items.iter().map(|i| i.0.clone()).collect::<Vec<_>>();
        let (old_raw, new_raw) = (raw(&old), raw(&new));
        let added: Vec<&(String, String)> =
            new.iter().filter(|i| !old_raw.contains(&i.0)).collect();
        let removed: Vec<&(String, String)> =
            old.iter().filter(|i| !new_raw.contains(&i.0)).collect();
        let of = |items: &[&(String, String)], named: bool| -> Vec<String> {
            items
                .iter()
                .map(|i| if named { i.1.clone() } else { i.0.clone() })
                .collect()
        };
        return (!added.is_empty() || !removed.is_empty()).then(|| FieldChange::List {
            field: name.to_string(),
            added: of(&added, false),
            removed: of(&removed, false),
            named: refers(name).then(|| (of(&added, true), of(&removed, true))),
        });
    }
    let (before, after) = (
        was.map(|v| shown(v, None, ids)),
        now.map(|v| shown(v, None, ids)),
    );
    let named = |v: Option<&Value>| v.map(|v| shown(v, Some(names), ids));
    (before != after).then(|| FieldChange::Value {
        field: name.to_string(),
        before,
        after,
        named: refers(name).then(|| (named(was), named(now))),
    })
}

/// A value as one line: text as it is, a quote as its words and speakers, a position as
/// its party, stance and date, anything else as compact JSON. With `names`, the ids in it
/// (`ids`: the value is one or a list of them) as names.
fn shown(value: &Value, names: Option<&Names>, ids: bool) -> String {
    let named = |id: &str| match names {
        Some(names) => names.name(id),
        None => id.to_string(),
    };
    match value {
        Value::String(text) if ids => named(text),
        Value::String(text) => text.clone(),
        Value::Object(fields) if fields.contains_key("stance") => {
            let get = |k: &str| {
                fields
                    .get(k)
                    .map(|v| shown(v, names, k == "actor"))
                    .unwrap_or_default()
            };
            let mut out = format!("{}: {}", get("actor"), get("stance"));
            if get("basis") == "inferred" {
                out.push_str(" (inferred)");
            }
            if fields.contains_key("as_of") {
                out.push_str(&format!(" as of {}", get("as_of")));
            }
            format!("{out} — {}", get("summary"))
        }
        Value::Object(fields) if fields.contains_key("text") => {
            let by = fields
                .get("by")
                .map(|v| shown(v, names, true))
                .unwrap_or_default();
            let text = fields
                .get("text")
                .map(|v| shown(v, None, false))
                .unwrap_or_default();
            format!("“{text}” — {by}")
        }
        Value::Array(items) => items
            .iter()
            .map(|i| shown(i, names, ids))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scalars_say_before_and_after_and_lists_what_they_gained_and_lost() {
        let before =
            json!({"id": "e", "status": "planned", "participants": ["a", "b"], "date": "2031"});
        let after = json!({"id": "e", "status": "held", "participants": ["c", "a"], "place": "x"});
        assert_eq!(
            compare(&before, &after, &Names::default()),
            vec![
                FieldChange::Value {
                    field: "status".into(),
                    before: Some("planned".into()),
                    after: Some("held".into()),
                    named: None,
                },
                FieldChange::List {
                    field: "participants".into(),
                    added: vec!["c".into()],
                    removed: vec!["b".into()],
                    named: Some((vec!["c".into()], vec!["b".into()])),
                },
                FieldChange::Value {
                    field: "place".into(),
                    before: None,
                    after: Some("x".into()),
                    named: Some((None, Some("x".into()))),
                },
                FieldChange::Value {
                    field: "date".into(),
                    before: Some("2031".into()),
                    after: None,
                    named: None,
                },
            ]
        );
    }

    #[test]
    fn list_order_does_not_count() {
        let before = json!({"sources": ["a", "b"], "quotes": [{"by": "x", "text": "t"}, {"by": "y", "text": "u"}]});
        let after = json!({"sources": ["b", "a"], "quotes": [{"by": "y", "text": "u"}, {"by": "x", "text": "t"}]});
        assert!(compare(&before, &after, &Names::default()).is_empty());
    }
}
