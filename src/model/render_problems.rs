//! A list of problems as a person reads it: errors first, in file order, then warnings;
//! a warning repeated many times (eight entities that cite no source) is said once, with
//! how many, where each is, and what to write.

use std::collections::BTreeMap;

use super::diagnostic::{Diagnostic, Location, Severity};
use crate::text::sanitize_line;

/// From this many warnings of one kind on, they are said in one block.
const GROUPED_FROM: usize = 3;
/// The places listed in a grouped warning; the rest are counted.
const LISTED_PLACES: usize = 12;

/// Renders a list of diagnostics, one block each, separated by blank lines.
pub fn render_all(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diagnostics.iter().partition(|d| d.is_error());
    let mut kinds: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for warning in &warnings {
        kinds
            .entry(kind_of(&warning.message))
            .or_default()
            .push(warning);
    }
    let mut blocks: Vec<String> = errors.iter().map(ToString::to_string).collect();
    let mut grouped_done: Vec<&str> = Vec::new();
    for warning in &warnings {
        let kind = kind_of(&warning.message);
        let alike = &kinds[kind];
        if alike.len() < GROUPED_FROM {
            blocks.push(warning.to_string());
        } else if !grouped_done.contains(&kind) {
            grouped_done.push(kind);
            blocks.push(grouped(kind, alike));
        }
    }
    blocks.join("\n\n")
}

/// What a warning says without its names and place: `cites no source` for `the actor "a"
/// cites no source (at actors[0].id)`.
fn kind_of(message: &str) -> &str {
    let without_place = message.split(" (at ").next().unwrap_or(message);
    without_place
        .rsplit('"')
        .next()
        .unwrap_or(without_place)
        .trim()
}

/// One block for many warnings of a kind: how many, where, and what to write.
fn grouped(kind: &str, alike: &[&Diagnostic]) -> String {
    let file = sanitize_line(&alike[0].file);
    let places: Vec<String> = alike
        .iter()
        .take(LISTED_PLACES)
        .map(|d| {
            let what = d.message.split(" (at ").next().unwrap_or(&d.message);
            let what = what.strip_suffix(kind).unwrap_or(what).trim();
            match d.location {
                Some(Location { line, column }) => {
                    format!("{} ({line}:{column})", sanitize_line(what))
                }
                None => sanitize_line(what).into_owned(),
            }
        })
        .collect();
    let more = alike.len().saturating_sub(LISTED_PLACES);
    let more = if more > 0 {
        format!(", and {more} more")
    } else {
        String::new()
    };
    let fix = match kind {
        "cites no source" => {
            ". To cite one, add `sources: [SOURCE-ID]` to an entity, or `source: SOURCE-ID` to \
             a position or a quote"
        }
        _ => "",
    };
    let label = match alike[0].severity {
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    format!(
        "{file}: {label} ({} alike): {}: {}{more}{fix}.",
        alike.len(),
        sanitize_line(kind),
        places.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load_str;

    /// Three errors among eight warnings: the errors first, the warnings in one block.
    #[test]
    fn errors_come_first_and_alike_warnings_are_said_once() {
        let mut text = String::from(
            "version: 1\ntitle: T\nsources:\n  - {id: r, title: R, kind: note}\nactors:\n",
        );
        for n in 0..7 {
            text.push_str(&format!("  - {{id: a{n}, name: A{n}, kind: state}}\n"));
        }
        text.push_str("  - {id: x, name: X, kind: state, represents: nobody, aliases: [1]}\n");
        text.push_str("events:\n  - {id: e, title: E, kind: meeting, status: held, order: 1, ");
        text.push_str("participants: [ghost], place: nowhere, sources: [r]}\n");
        let said = load_str("d.yaml", &text).err().unwrap().to_string();
        let first_warning = said.find("warning").unwrap();
        assert_eq!(
            said[..first_warning].matches(": error: ").count(),
            3,
            "{said}"
        );
        assert_eq!(said.matches("warning").count(), 1, "{said}");
        assert!(
            said.contains(
                "d.yaml: warning (8 alike): cites no source: the actor \"a0\" (6:10), the actor \
                 \"a1\" (7:10)"
            ),
            "{said}"
        );
        assert!(
            said.contains(
                "To cite one, add `sources: [SOURCE-ID]` to an entity, or `source: SOURCE-ID` \
                 to a position or a quote."
            ),
            "{said}"
        );
    }

    #[test]
    fn two_alike_warnings_are_said_each() {
        let text = "version: 1\ntitle: T\nsources:\n  - {id: r, title: R, kind: note}\nactors:\n  \
                    - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\n";
        let loaded = load_str("d.yaml", text).unwrap();
        let said = render_all(&loaded.warnings);
        assert_eq!(said.matches(": warning: ").count(), 2, "{said}");
    }
}
