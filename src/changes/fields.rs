//! Field-by-field comparison of one item's two readings, as JSON values: a scalar that
//! changed says before → after, a list says what it gained and lost (its order does not
//! count).

use serde_json::Value;

/// One field that is not the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldChange {
    /// `status: planned → held`; `None` where the field is not written.
    Value {
        field: String,
        before: Option<String>,
        after: Option<String>,
    },
    /// `participants: + kushner − witkoff`.
    List {
        field: String,
        added: Vec<String>,
        removed: Vec<String>,
    },
}

/// The fields of `before` and `after` (two objects) that differ, in field order.
pub(super) fn compare(before: &Value, after: &Value) -> Vec<FieldChange> {
    let empty = serde_json::Map::new();
    let old = before.as_object().unwrap_or(&empty);
    let new = after.as_object().unwrap_or(&empty);
    let mut names: Vec<&String> = new.keys().chain(old.keys()).collect();
    names.dedup();
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for name in names {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        let (was, now) = (old.get(name), new.get(name));
        if let Some(change) = field(name, was, now) {
            out.push(change);
        }
    }
    out
}

fn field(name: &str, was: Option<&Value>, now: Option<&Value>) -> Option<FieldChange> {
    let list = |v: Option<&Value>| match v {
        Some(Value::Array(items)) => Some(items.iter().map(shown).collect::<Vec<_>>()),
        None | Some(Value::Null) => Some(Vec::new()),
        _ => None,
    };
    let is_list = matches!(was, Some(Value::Array(_))) || matches!(now, Some(Value::Array(_)));
    if is_list && let (Some(mut old), Some(mut new)) = (list(was), list(now)) {
        old.sort();
        new.sort();
        let added: Vec<String> = new.iter().filter(|i| !old.contains(i)).cloned().collect();
        let removed: Vec<String> = old.iter().filter(|i| !new.contains(i)).cloned().collect();
        return (!added.is_empty() || !removed.is_empty()).then(|| FieldChange::List {
            field: name.to_string(),
            added,
            removed,
        });
    }
    let (before, after) = (was.map(shown), now.map(shown));
    (before != after).then(|| FieldChange::Value {
        field: name.to_string(),
        before,
        after,
    })
}

/// A value as one line: text as it is, a quote as its words and speakers, a position as
/// its party, stance and date, anything else as compact JSON.
fn shown(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Object(fields) if fields.contains_key("stance") => {
            let get = |k: &str| fields.get(k).map(shown).unwrap_or_default();
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
            let by = fields.get("by").map(shown).unwrap_or_default();
            let text = fields.get("text").map(shown).unwrap_or_default();
            format!("“{text}” — {by}")
        }
        Value::Array(items) => items.iter().map(shown).collect::<Vec<_>>().join(", "),
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
            compare(&before, &after),
            vec![
                FieldChange::Value {
                    field: "status".into(),
                    before: Some("planned".into()),
                    after: Some("held".into())
                },
                FieldChange::List {
                    field: "participants".into(),
                    added: vec!["c".into()],
                    removed: vec!["b".into()]
                },
                FieldChange::Value {
                    field: "place".into(),
                    before: None,
                    after: Some("x".into())
                },
                FieldChange::Value {
                    field: "date".into(),
                    before: Some("2031".into()),
                    after: None
                },
            ]
        );
    }

    #[test]
    fn list_order_does_not_count() {
        let before = json!({"sources": ["a", "b"], "quotes": [{"by": "x", "text": "t"}, {"by": "y", "text": "u"}]});
        let after = json!({"sources": ["b", "a"], "quotes": [{"by": "y", "text": "u"}, {"by": "x", "text": "t"}]});
        assert!(compare(&before, &after).is_empty());
    }
}
