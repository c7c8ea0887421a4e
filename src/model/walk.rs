//! Visits every piece of free text in a dossier with its path, for checks that apply to all
//! text alike (control characters). The path is built only when asked for.

use super::types::Dossier;

type Visit<'a> = dyn FnMut(&dyn Fn() -> String, &str) + 'a;

fn opt(visit: &mut Visit<'_>, path: &dyn Fn() -> String, text: &Option<String>) {
    if let Some(text) = text {
        visit(path, text);
    }
}

fn list(visit: &mut Visit<'_>, base: &str, field: &str, items: &[String]) {
    for (i, text) in items.iter().enumerate() {
        visit(&|| format!("{base}.{field}[{i}]"), text);
    }
}

pub(crate) fn each_text(dossier: &Dossier, visit: &mut Visit<'_>) {
    visit(&|| "title".into(), &dossier.title);
    opt(visit, &|| "summary".into(), &dossier.summary);
    for (i, s) in dossier.sources.iter().enumerate() {
        let base = format!("sources[{i}]");
        visit(&|| format!("{base}.title"), &s.title);
        visit(&|| format!("{base}.kind"), &s.kind);
        opt(visit, &|| format!("{base}.author"), &s.author);
        opt(visit, &|| format!("{base}.publisher"), &s.publisher);
        opt(visit, &|| format!("{base}.url"), &s.url);
        opt(visit, &|| format!("{base}.note"), &s.note);
        opt(visit, &|| format!("{base}.text"), &s.text);
    }
    for (i, a) in dossier.actors.iter().enumerate() {
        let base = format!("actors[{i}]");
        visit(&|| format!("{base}.name"), &a.name);
        opt(visit, &|| format!("{base}.role"), &a.role);
        list(visit, &base, "aliases", &a.aliases);
        opt(visit, &|| format!("{base}.summary"), &a.summary);
    }
    for (i, p) in dossier.places.iter().enumerate() {
        let base = format!("places[{i}]");
        visit(&|| format!("{base}.name"), &p.name);
        opt(visit, &|| format!("{base}.summary"), &p.summary);
    }
    for (i, e) in dossier.events.iter().enumerate() {
        let base = format!("events[{i}]");
        visit(&|| format!("{base}.title"), &e.title);
        opt(visit, &|| format!("{base}.summary"), &e.summary);
        list(visit, &base, "outcomes", &e.outcomes);
        for (q, quote) in e.quotes.iter().enumerate() {
            visit(&|| format!("{base}.quotes[{q}].text"), &quote.text);
        }
    }
    for (i, s) in dossier.sticking_points.iter().enumerate() {
        let base = format!("sticking_points[{i}]");
        visit(&|| format!("{base}.title"), &s.title);
        visit(&|| format!("{base}.topic"), &s.topic);
        opt(visit, &|| format!("{base}.summary"), &s.summary);
        for (p, position) in s.positions.iter().enumerate() {
            visit(
                &|| format!("{base}.positions[{p}].summary"),
                &position.summary,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde_json::Value;

    use super::each_text;

    /// Strings whose form validation checks, so that a control character in one is refused
    /// as a bad id, reference, vocabulary word or date: they need no walk.
    const FORM_CHECKED: &[&str] = &[
        "sources[].id",
        "sources[].published",
        "actors[].id",
        "actors[].kind",
        "actors[].represents",
        "actors[].sources[]",
        "places[].id",
        "places[].kind",
        "places[].part_of",
        "places[].sources[]",
        "events[].id",
        "events[].kind",
        "events[].status",
        "events[].date",
        "events[].place",
        "events[].concerns[]",
        "events[].participants[]",
        "events[].sticking_points[]",
        "events[].sources[]",
        "events[].quotes[].by",
        "events[].quotes[].by[]",
        "events[].quotes[].source",
        "events[].quotes[].basis",
        "sticking_points[].id",
        "sticking_points[].status",
        "sticking_points[].places[]",
        "sticking_points[].sources[]",
        "sticking_points[].positions[].actor",
        "sticking_points[].positions[].stance",
        "sticking_points[].positions[].basis",
        "sticking_points[].positions[].source",
        "sticking_points[].positions[].as_of",
    ];

    /// Every path in `value` that holds a string, with list positions as `[]`.
    fn string_paths(value: &Value, path: &str, out: &mut BTreeSet<String>) {
        match value {
            Value::String(_) => {
                out.insert(path.to_string());
            }
            Value::Array(items) => items
                .iter()
                .for_each(|item| string_paths(item, &format!("{path}[]"), out)),
            Value::Object(map) => {
                for (key, item) in map {
                    let inner = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    string_paths(item, &inner, out);
                }
            }
            _ => {}
        }
    }

    fn without_positions(path: &str) -> String {
        let mut shown = String::new();
        let mut in_brackets = false;
        for c in path.chars() {
            match c {
                '[' => {
                    in_brackets = true;
                    shown.push('[');
                }
                ']' => {
                    in_brackets = false;
                    shown.push(']');
                }
                _ if in_brackets => {}
                _ => shown.push(c),
            }
        }
        shown
    }

    /// A new field that holds text but is neither walked nor of a checked form fails here,
    /// so that control characters in it cannot reach a screen unreported.
    #[test]
    fn every_string_of_the_format_is_walked_or_has_a_checked_form() {
        let dossier = crate::model::complete_example().dossier;
        let value = serde_json::to_value(&dossier).unwrap_or(Value::Null);
        let mut strings = BTreeSet::new();
        string_paths(&value, "", &mut strings);
        let mut walked = BTreeSet::new();
        each_text(&dossier, &mut |path, _| {
            walked.insert(without_positions(&path()));
        });
        for path in &strings {
            assert!(
                walked.contains(path) || FORM_CHECKED.contains(&path.as_str()),
                "{path} holds text, but src/model/walk.rs does not visit it: add it there \
                 (or to FORM_CHECKED if validation checks its form)"
            );
        }
        for path in FORM_CHECKED
            .iter()
            .copied()
            .chain(walked.iter().map(|p| p.as_str()))
        {
            assert!(
                strings.contains(path),
                "{path} is not a string field of the complete example"
            );
        }
    }

    #[test]
    fn list_positions_are_left_out_of_paths() {
        assert_eq!(
            without_positions("events[3].quotes[12].text"),
            "events[].quotes[].text"
        );
    }
}
