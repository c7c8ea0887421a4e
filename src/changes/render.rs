//! A diff as text, Markdown or JSON. Text and Markdown show data sanitised (no control or
//! bidi character reaches the terminal raw).

use serde_json::{Value, json};

use super::{Change, Changes, EntityChange, FieldChange, Held, StanceShift};
use crate::format::Format;
use crate::text::sanitize_line;

/// The two readings' names, as the header gives them.
pub struct Sides<'a> {
    pub(crate) old: &'a str,
    pub(crate) new: &'a str,
}

/// What changed, as a document of its own (`talks diff`).
pub fn render(changes: &Changes, sides: &Sides, format: Format) -> String {
    let title = format!("Changes from {} to {}", clean(sides.old), clean(sides.new));
    match format {
        Format::Json => json_of(changes, sides),
        Format::Markdown => lines(changes, &title, &Style::MARKDOWN),
        // `talks diff` writes txt, md or json; the HTML export marks up the text.
        Format::Text | Format::Csv | Format::Tsv | Format::Html => {
            lines(changes, &title, &Style::TEXT)
        }
    }
}

/// What changed, as a section of an export under "What moved since OLD" (in Markdown a
/// level below the export's title, which is its one `#` heading).
pub fn section(changes: &Changes, sides: &Sides, format: Format) -> String {
    let title = format!("What moved since {}", clean(sides.old));
    match format {
        Format::Json => json_of(changes, sides),
        Format::Markdown => lines(changes, &title, &Style::MARKDOWN_SECTION),
        Format::Text | Format::Csv | Format::Tsv | Format::Html => {
            lines(changes, &title, &Style::TEXT)
        }
    }
}

/// How headings and items are written.
struct Style {
    title: fn(&str) -> String,
    heading: fn(&str) -> String,
    item: &'static str,
    detail: &'static str,
    /// What stands for "added" at the start of an item (in Markdown, `+` would start a
    /// list inside the item).
    plus: &'static str,
}

impl Style {
    const TEXT: Style = Style {
        title: |t| format!("{t}\n{}\n", "=".repeat(crate::text::width(t))),
        heading: |t| format!("\n{t}\n{}\n", "-".repeat(crate::text::width(t))),
        item: "  ",
        detail: "    ",
        plus: "+",
    };
    const MARKDOWN: Style = Style {
        title: |t| format!("# {t}\n"),
        heading: |t| format!("\n## {t}\n\n"),
        item: "- ",
        detail: "  - ",
        plus: "\\+",
    };
    const MARKDOWN_SECTION: Style = Style {
        title: |t| format!("## {t}\n"),
        heading: |t| format!("\n### {t}\n\n"),
        item: "- ",
        detail: "  - ",
        plus: "\\+",
    };
}

fn clean(text: &str) -> String {
    sanitize_line(text).into_owned()
}

fn summary_line(changes: &Changes) -> String {
    let count = |wanted: fn(&Change) -> bool| {
        changes
            .entities
            .iter()
            .filter(|e| wanted(&e.change))
            .count()
    };
    let added = count(|c| *c == Change::Added);
    let removed = count(|c| *c == Change::Removed);
    let changed = count(|c| matches!(c, Change::Changed(_)));
    format!(
        "{added} added, {removed} removed, {changed} changed; {}",
        crate::text::count_of(changes.stances.len(), "stance shift", "stance shifts")
    )
}

fn lines(changes: &Changes, title: &str, style: &Style) -> String {
    let mut out = (style.title)(title);
    if changes.is_empty() {
        out.push_str("\nNo differences: the two dossiers say the same.\n");
        return out;
    }
    out.push_str(&format!("\n{}\n", summary_line(changes)));
    if !changes.stances.is_empty() {
        out.push_str(&(style.heading)("Stance shifts"));
        for shift in &changes.stances {
            out.push_str(&stance_lines(shift, style));
        }
    }
    for (heading, wanted) in [
        ("Added", Change::Added),
        ("Removed", Change::Removed),
        ("Changed", Change::Changed(Vec::new())),
    ] {
        let of_this: Vec<&EntityChange> = changes
            .entities
            .iter()
            .filter(|e| std::mem::discriminant(&e.change) == std::mem::discriminant(&wanted))
            .collect();
        if of_this.is_empty() {
            continue;
        }
        out.push_str(&(style.heading)(heading));
        for entity in of_this {
            out.push_str(&entity_lines(entity, style));
        }
    }
    out
}

fn stance_word(held: Option<&Held>) -> String {
    match held {
        Some(h) if h.inferred => format!("{} (inferred)", h.stance),
        Some(h) => h.stance.clone(),
        None => "(no position)".to_string(),
    }
}

/// "Brevik on Where the river border runs: conditional → supports (inferred)".
pub fn shift_line(shift: &StanceShift) -> String {
    format!(
        "{} on {}: {} → {}",
        clean(&shift.actor_name),
        clean(&shift.sticking_point_title),
        stance_word(shift.before.as_ref()),
        stance_word(shift.after.as_ref()),
    )
}

fn stance_lines(shift: &StanceShift, style: &Style) -> String {
    let mut out = format!("{}{}\n", style.item, shift_line(shift));
    for (label, held) in [("before", &shift.before), ("after", &shift.after)] {
        if let Some(held) = held {
            let mut facts: Vec<String> = held.as_of.iter().map(|d| format!("as of {d}")).collect();
            facts.extend(held.source.as_deref().map(clean));
            let facts = if facts.is_empty() {
                "cites no source".to_string()
            } else {
                facts.join("; ")
            };
            out.push_str(&format!(
                "{}{label}: {} ({facts})\n",
                style.detail,
                clean(&held.summary)
            ));
        }
    }
    out
}

fn entity_lines(entity: &EntityChange, style: &Style) -> String {
    let noun = match entity.kind {
        "sticking-point" => "sticking point",
        kind => kind,
    };
    let mut out = format!("{}{noun}: {}\n", style.item, clean(&entity.label));
    if let Change::Changed(fields) = &entity.change {
        for field in fields {
            out.push_str(&field_lines(field, style));
        }
    }
    out
}

/// One line for a short change; a long list's items a line each under the field's name.
fn field_lines(field: &FieldChange, style: &Style) -> String {
    let line = field_line(field);
    let FieldChange::List {
        field,
        added,
        removed,
        named,
    } = field
    else {
        return format!("{}{line}\n", style.detail);
    };
    if crate::text::width(&line) <= 72 {
        return format!("{}{line}\n", style.detail);
    }
    let (added, removed) = named.as_ref().map_or((added, removed), |(a, r)| (a, r));
    let mut out = format!("{}{field}:\n", style.detail);
    let deeper = format!("  {}", style.detail);
    let items = added
        .iter()
        .map(|a| (style.plus, a))
        .chain(removed.iter().map(|r| ("−", r)));
    for (sign, item) in items {
        out.push_str(&format!("{deeper}{sign} {}\n", clean(item)));
    }
    out
}

/// A field's change in one line, ids as names.
pub fn field_line(field: &FieldChange) -> String {
    let shown = |v: &Option<String>| v.as_deref().map_or("(none)".to_string(), clean);
    match field {
        FieldChange::Value {
            field,
            before,
            after,
            named,
        } => {
            let (before, after) = named.as_ref().map_or((before, after), |(b, a)| (b, a));
            format!("{field}: {} → {}", shown(before), shown(after))
        }
        FieldChange::List {
            field,
            added,
            removed,
            named,
        } => {
            let (added, removed) = named.as_ref().map_or((added, removed), |(a, r)| (a, r));
            let mut parts: Vec<String> = added.iter().map(|a| format!("+ {}", clean(a))).collect();
            parts.extend(removed.iter().map(|r| format!("− {}", clean(r))));
            format!("{field}: {}", parts.join("; "))
        }
    }
}

fn held_json(held: &Option<Held>) -> Value {
    match held {
        Some(h) => json!({
            "stance": h.stance, "basis": if h.inferred { "inferred" } else { "stated" },
            "summary": h.summary, "as_of": h.as_of, "source": h.source,
        }),
        None => Value::Null,
    }
}

fn json_of(changes: &Changes, sides: &Sides) -> String {
    let entities: Vec<Value> = changes
        .entities
        .iter()
        .map(|e| {
            let (change, fields) = match &e.change {
                Change::Added => ("added", Vec::new()),
                Change::Removed => ("removed", Vec::new()),
                Change::Changed(fields) => ("changed", fields.iter().map(field_json).collect()),
            };
            json!({ "kind": e.kind, "id": e.id, "name": e.name, "change": change, "fields": fields })
        })
        .collect();
    let stances: Vec<Value> = changes
        .stances
        .iter()
        .map(|s| {
            json!({
                "sticking_point": s.sticking_point, "sticking_point_title": s.sticking_point_title,
                "actor": s.actor, "actor_name": s.actor_name,
                "before": held_json(&s.before), "after": held_json(&s.after),
            })
        })
        .collect();
    crate::text::json_pretty(&json!({
        "old": sides.old, "new": sides.new, "equal": changes.is_empty(),
        "entities": entities, "stance_shifts": stances,
    }))
}

/// A field's change with ids as the dossier writes them, and (added beside them) their
/// names where the field holds ids.
fn field_json(field: &FieldChange) -> Value {
    match field {
        FieldChange::Value {
            field,
            before,
            after,
            named,
        } => {
            let mut out = json!({ "field": field, "before": before, "after": after });
            if let Some((before, after)) = named {
                out["before_name"] = json!(before);
                out["after_name"] = json!(after);
            }
            out
        }
        FieldChange::List {
            field,
            added,
            removed,
            named,
        } => {
            let mut out = json!({ "field": field, "added": added, "removed": removed });
            if let Some((added, removed)) = named {
                out["added_names"] = json!(added);
                out["removed_names"] = json!(removed);
            }
            out
        }
    }
}
