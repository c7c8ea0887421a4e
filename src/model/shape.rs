//! Every problem of shape in one run. serde stops at the first field it cannot take; when
//! it does, the file is walked once more against the format's schema (generated from the
//! same serde types, so the two cannot drift) for every unknown field, missing field,
//! value of the wrong kind and word outside a vocabulary, each at its line and column.
//!
//! The walk is careful never to say more than serde would refuse: any scalar passes where
//! text is wanted (serde reads `title: 2025` as text), and what it cannot judge (aliases,
//! patterns, the checks that run after reading) it leaves to serde and to validation.

use serde_json::{Map, Value};

use super::diagnostic::Location;
use super::shape_tree::{Node, NodeKind, read_tree};
pub(crate) use super::shape_words::ShapeProblem;

/// The problems of shape of `text` against `schema` (a JSON Schema as schemars writes it);
/// none when the text does not parse (the syntax error is the one to fix first).
pub(crate) fn problems(text: &str, schema: &Value) -> Vec<ShapeProblem> {
    let Some(root) = read_tree(text) else {
        return Vec::new();
    };
    let empty = Map::new();
    let walk = Walk {
        defs: schema
            .get("$defs")
            .and_then(Value::as_object)
            .unwrap_or(&empty),
    };
    let mut found = Vec::new();
    walk.check(&root, schema, "", &mut found);
    found
}

struct Walk<'s> {
    defs: &'s Map<String, Value>,
}

impl<'s> Walk<'s> {
    /// `schema` with its `$ref` followed.
    fn resolve(&self, schema: &'s Value) -> &'s Value {
        let target = schema
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
            .and_then(|name| self.defs.get(name));
        target.unwrap_or(schema)
    }

    fn check(&self, node: &Node, schema: &'s Value, path: &str, out: &mut Vec<ShapeProblem>) {
        let schema = self.resolve(schema);
        if matches!(node.kind, NodeKind::Alias) {
            return;
        }
        if let Some(choices) = schema.get("oneOf").or_else(|| schema.get("anyOf")) {
            let choices = choices.as_array().map(Vec::as_slice).unwrap_or_default();
            return self.check_choice(node, choices, path, out);
        }
        if !takes(schema, node) {
            out.push(wrong_kind(node, schema, path));
            return;
        }
        match &node.kind {
            NodeKind::Map(entries) => self.check_map(node, entries, schema, path, out),
            NodeKind::List(items) => {
                if let Some(item) = schema.get("items") {
                    for (n, child) in items.iter().enumerate() {
                        self.check(child, item, &format!("{path}[{n}]"), out);
                    }
                }
            }
            NodeKind::Scalar { text, .. } => check_scalar(node, text, schema, path, out),
            NodeKind::Alias => {}
        }
    }

    /// One of several shapes (`by: id` or `by: [ids]`): the one of the node's kind.
    fn check_choice(
        &self,
        node: &Node,
        choices: &'s [Value],
        path: &str,
        out: &mut Vec<ShapeProblem>,
    ) {
        let fitting = choices
            .iter()
            .map(|c| self.resolve(c))
            .find(|c| takes(c, node));
        match fitting {
            Some(choice) => self.check(node, choice, path, out),
            None => {
                let any = serde_json::json!({ "type": choices.iter()
                    .filter_map(|c| self.resolve(c).get("type").cloned())
                    .collect::<Vec<_>>() });
                out.push(wrong_kind(node, &any, path));
            }
        }
    }

    fn check_map(
        &self,
        node: &Node,
        entries: &[(String, Location, Node)],
        schema: &'s Value,
        path: &str,
        out: &mut Vec<ShapeProblem>,
    ) {
        let empty = Map::new();
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let closed = schema.get("additionalProperties") == Some(&Value::Bool(false));
        for (key, key_at, value) in entries {
            match properties.get(key) {
                Some(field) => self.check(value, field, &join(path, key), out),
                None if closed => out.push(super::shape_words::unknown_field(
                    path, key, *key_at, properties,
                )),
                None => {}
            }
        }
        let required = schema.get("required").and_then(Value::as_array);
        for field in required.into_iter().flatten().filter_map(Value::as_str) {
            if !entries.iter().any(|(key, ..)| key == field) {
                let field_schema = properties.get(field).map(|f| self.resolve(f));
                out.push(super::shape_words::missing_field(
                    path,
                    field,
                    node.at,
                    field_schema,
                ));
            }
        }
    }
}

/// Whether `schema`'s `type` takes the node's kind (no `type`: anything).
fn takes(schema: &Value, node: &Node) -> bool {
    let Some(types) = schema.get("type") else {
        return true;
    };
    let types: Vec<&str> = match types {
        Value::String(one) => vec![one.as_str()],
        Value::Array(many) => many.iter().filter_map(Value::as_str).collect(),
        _ => return true,
    };
    types.iter().any(|&t| match (&node.kind, t) {
        (NodeKind::Map(_), "object") | (NodeKind::List(_), "array") => true,
        (NodeKind::Scalar { .. }, "null") => node.is_null(),
        // Text, a number or a date: serde reads any written scalar as text.
        (NodeKind::Scalar { .. }, "string") => !node.is_null(),
        (NodeKind::Scalar { .. }, "integer") => node.integer().is_some(),
        (NodeKind::Scalar { .. }, "boolean") => node.is_bool(),
        (NodeKind::Alias, _) => true,
        _ => false,
    })
}

fn check_scalar(node: &Node, text: &str, schema: &Value, path: &str, out: &mut Vec<ShapeProblem>) {
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        let words: Vec<&str> = allowed.iter().filter_map(Value::as_str).collect();
        if !node.is_null() && !words.contains(&text) {
            out.push(super::shape_words::not_a_word(path, text, node.at, &words));
        }
    }
    let unsigned_32 = schema.get("format").and_then(Value::as_str) == Some("uint32");
    if let (true, Some(n)) = (unsigned_32, node.integer())
        && !(0..=i128::from(u32::MAX)).contains(&n)
    {
        out.push(ShapeProblem {
            path: path.to_string(),
            at: node.at,
            message: format!("{path}: {n} is out of range: a whole number from 0 to 4294967295"),
            hint: None,
        });
    }
}

fn wrong_kind(node: &Node, schema: &Value, path: &str) -> ShapeProblem {
    super::shape_words::wrong_kind(path, node, schema)
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}
