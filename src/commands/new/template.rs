//! The templates: one item's fields as lines of YAML without indentation, the required
//! ones with values that validate, the optional ones commented out with what they take.
//! Allowed values come from the model's vocabularies, so they cannot drift from it.

use crate::cli::NewKind;
use crate::model::{ActorKind, Basis, EventKind, EventStatus, PlaceKind, Stance, StickingStatus};

/// An actor picked for a position or a quote, and why (said in the template's comment;
/// empty when `--actor` named it).
#[derive(Debug, Clone)]
pub(super) struct Chosen {
    pub(crate) id: String,
    pub(crate) why: &'static str,
}

/// What a template takes from the dossier it is for.
#[derive(Debug, Clone)]
pub(super) struct Facts {
    pub(crate) kind: NewKind,
    /// The new entity's id (empty for positions and quotes).
    pub(crate) id: String,
    /// The sticking point or event a position or quote goes under.
    pub(crate) parent: String,
    /// The source the new item cites.
    pub(crate) source: String,
    /// Whose position or quote it is.
    pub(crate) actor: Option<Chosen>,
    /// Ids shown in the commented references, so that uncommenting one gives a valid file.
    pub(crate) some_actor: Option<String>,
    pub(crate) some_place: Option<String>,
    /// The largest `order` of the events, if there are any.
    pub(crate) last_order: Option<u32>,
    /// A folder dossier's position: in a report's top-level `positions:`, naming its
    /// sticking point, held as of this date (the source's `published`) when known.
    pub(crate) folder: Option<FolderForm>,
}

/// How a position is written in a file of a folder dossier.
#[derive(Debug, Clone, Default)]
pub(super) struct FolderForm {
    pub(crate) as_of: Option<String>,
}

impl Facts {
    /// A new event's `order`: after the last event.
    pub(super) fn next_order(&self) -> u32 {
        self.last_order.map_or(1, |last| last.saturating_add(1))
    }
}

fn field(key: &str, value: &str, comment: &str) -> String {
    if comment.is_empty() {
        format!("{key}: {value}")
    } else {
        format!("{key}: {value}  # {comment}")
    }
}

fn optional(key: &str, value: &str, comment: &str) -> String {
    format!("# {}", field(key, value, comment))
}

fn one_of(values: &[&str]) -> String {
    format!("one of: {}", values.join(", "))
}

/// The template's lines, first field first.
pub(super) fn lines(facts: &Facts) -> Vec<String> {
    match facts.kind {
        NewKind::Actor => actor(facts),
        NewKind::Event => event(facts),
        NewKind::StickingPoint => sticking_point(facts),
        NewKind::Place => place(facts),
        NewKind::Source | NewKind::Report => source(facts),
        NewKind::Position => position(facts),
        NewKind::Quote => quote(facts),
    }
}

fn sources(facts: &Facts) -> String {
    field(
        "sources",
        &format!("[{}]", facts.source),
        "ids of the sources it comes from",
    )
}

fn example(id: Option<&String>, placeholder: &str) -> String {
    id.cloned().unwrap_or_else(|| placeholder.to_string())
}

fn actor(facts: &Facts) -> Vec<String> {
    vec![
        field("id", &facts.id, ""),
        field("name", "New actor", "the name shown in lists and links"),
        field(
            "kind",
            ActorKind::Person.as_str(),
            &one_of(ActorKind::VALUES),
        ),
        optional("role", "One line", "shown beside the name in lists"),
        optional(
            "represents",
            &example(facts.some_actor.as_ref(), "an-actor-id"),
            "the id of the actor it speaks for",
        ),
        optional("aliases", "[]", "other names that search finds it by"),
        optional("summary", "A paragraph about the actor.", ""),
        sources(facts),
    ]
}

fn event(facts: &Facts) -> Vec<String> {
    let after = match facts.last_order {
        Some(last) => format!("its place on the timeline: after the last event ({last})"),
        None => "its place on the timeline".to_string(),
    };
    vec![
        field("id", &facts.id, ""),
        field("title", "New event", ""),
        field(
            "kind",
            EventKind::Meeting.as_str(),
            &one_of(EventKind::VALUES),
        ),
        field(
            "status",
            EventStatus::Held.as_str(),
            &one_of(EventStatus::VALUES),
        ),
        field("order", &facts.next_order().to_string(), &after),
        optional(
            "date",
            "2025-12-01",
            "YYYY, YYYY-MM or YYYY-MM-DD, no more precise than the source",
        ),
        optional(
            "place",
            &example(facts.some_place.as_ref(), "a-place-id"),
            "the id of the place where it happened",
        ),
        optional("concerns", "[]", "ids of the places it is about"),
        optional("participants", "[]", "ids of the actors who took part"),
        optional(
            "sticking_points",
            "[]",
            "ids of the sticking points it was about",
        ),
        optional("summary", "What happened, in the dossier's own words.", ""),
        optional("outcomes", "[]", "one-line results"),
        optional(
            "quotes",
            "[]",
            &format!("add one with: talks new quote --event {}", facts.id),
        ),
        sources(facts),
    ]
}

fn sticking_point(facts: &Facts) -> Vec<String> {
    vec![
        field("id", &facts.id, ""),
        field("title", "New sticking point", ""),
        field(
            "topic",
            "process",
            "one word: territory, security, alliance, process, or another",
        ),
        field(
            "status",
            StickingStatus::Unresolved.as_str(),
            &one_of(StickingStatus::VALUES),
        ),
        optional("summary", "What the parties disagree on.", ""),
        optional("places", "[]", "ids of the places at stake"),
        optional(
            "positions",
            "[]",
            &format!(
                "add one with: talks new position --sticking-point {}",
                facts.id
            ),
        ),
        sources(facts),
    ]
}

fn place(facts: &Facts) -> Vec<String> {
    let kinds = format!("{}; only where the source says", one_of(PlaceKind::VALUES));
    vec![
        field("id", &facts.id, ""),
        field("name", "New place", ""),
        optional("kind", PlaceKind::City.as_str(), &kinds),
        optional(
            "part_of",
            &example(facts.some_place.as_ref(), "a-place-id"),
            "the id of the place it lies in",
        ),
        optional("summary", "A paragraph about the place.", ""),
        sources(facts),
    ]
}

fn source(facts: &Facts) -> Vec<String> {
    vec![
        field("id", &facts.id, ""),
        field(
            "title",
            "The title of the report, statement or document",
            "",
        ),
        field(
            "kind",
            "news-report",
            "what sort of source: news-report, statement, transcript, or another word",
        ),
        optional("published", "2025-12-01", "YYYY, YYYY-MM or YYYY-MM-DD"),
        optional("author", "Jane Roe", "one line; several as A, B and C"),
        optional("publisher", "Example Wire", ""),
        optional("url", "https://example.org/report", ""),
        optional(
            "note",
            "Anything a reader should know about the source.",
            "",
        ),
        optional(
            "text",
            &format!("{}.txt", facts.id),
            "its text, to check quotes against (a path from the dossier's folder)",
        ),
    ]
}

/// The actor, and a comment saying why it was picked when `--actor` did not name it.
fn chosen(facts: &Facts) -> (String, String) {
    match &facts.actor {
        Some(actor) if !actor.why.is_empty() => (
            actor.id.clone(),
            format!("{} (--actor ID picks another)", actor.why),
        ),
        Some(actor) => (actor.id.clone(), String::new()),
        None => ("an-actor-id".into(), String::new()),
    }
}

fn position(facts: &Facts) -> Vec<String> {
    let (actor, why) = chosen(facts);
    let when = "when the party held it: YYYY, YYYY-MM or YYYY-MM-DD";
    let mut lines = vec![field("actor", &actor, &why)];
    if let Some(folder) = &facts.folder {
        lines.insert(
            0,
            field("sticking_point", &facts.parent, "the sticking point's id"),
        );
        let as_of = match &folder.as_of {
            Some(date) => field("as_of", date, &format!("{when}; the source's date")),
            None => optional("as_of", "2025-12-03", when),
        };
        lines.extend(position_fields(facts));
        lines.push(as_of);
        lines.push(optional("basis", "inferred", &basis_values()));
        return lines;
    }
    lines.extend(position_fields(facts));
    lines.push(optional("basis", "inferred", &basis_values()));
    lines.push(optional("as_of", "2025-12-03", when));
    lines
}

/// A position's stance, summary and source.
fn position_fields(facts: &Facts) -> Vec<String> {
    vec![
        field("stance", Stance::Unclear.as_str(), &one_of(Stance::VALUES)),
        field(
            "summary",
            "The stance in one or two sentences, in the dossier's own words.",
            "",
        ),
        field(
            "source",
            &facts.source,
            "the id of the source that reports it",
        ),
    ]
}

/// What `basis` takes, the default first.
fn basis_values() -> String {
    format!(
        "{} (default {})",
        one_of(Basis::VALUES),
        Basis::default().as_str()
    )
}

fn quote(facts: &Facts) -> Vec<String> {
    let (actor, why) = chosen(facts);
    vec![
        field(
            "by",
            &actor,
            &[why.as_str(), "or a list [a, b]"]
                .iter()
                .filter(|part| !part.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("; "),
        ),
        field(
            "text",
            "the words quoted, exactly as the source gives them",
            "",
        ),
        field(
            "source",
            &facts.source,
            "the id of the source that reports it",
        ),
        optional("basis", "inferred", &basis_values()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn facts(kind: NewKind) -> Facts {
        Facts {
            kind,
            id: "new-thing".into(),
            parent: String::new(),
            source: "notes".into(),
            actor: Some(Chosen {
                id: "alpha".into(),
                why: "the first actor",
            }),
            some_actor: Some("alpha".into()),
            some_place: Some("capital".into()),
            last_order: Some(3),
            folder: None,
        }
    }

    /// Every field the format defines for the kind (from the generated JSON Schema) is in
    /// its template; the required ones are not commented out.
    #[test]
    fn each_template_names_every_field_and_fills_the_required_ones() {
        let schema: Value = serde_json::from_str(&crate::model::dossier_schema_json())
            .unwrap_or_else(|e| panic!("{e}"));
        let kinds = [
            (NewKind::Actor, "Actor"),
            (NewKind::Event, "Event"),
            (NewKind::StickingPoint, "StickingPoint"),
            (NewKind::Place, "Place"),
            (NewKind::Source, "Source"),
            (NewKind::Position, "Position"),
            (NewKind::Quote, "Quote"),
        ];
        for (kind, name) in kinds {
            let lines = lines(&facts(kind));
            let definition = &schema["$defs"][name];
            let properties = definition["properties"]
                .as_object()
                .unwrap_or_else(|| panic!("{name}"));
            for property in properties.keys() {
                let required = definition["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|p| p == property.as_str()));
                let active = lines.iter().any(|l| l.starts_with(&format!("{property}:")));
                let commented = lines
                    .iter()
                    .any(|l| l.starts_with(&format!("# {property}:")));
                assert!(
                    active || commented,
                    "{name}.{property} is not in {lines:#?}"
                );
                assert!(!required || active, "{name}.{property} is required");
            }
        }
    }

    #[test]
    fn allowed_values_come_from_the_vocabularies() {
        let lines = lines(&facts(NewKind::Event));
        assert!(lines.contains(
            &"status: held  # one of: held, ongoing, planned, claimed, disputed".to_string()
        ));
        assert!(lines.contains(
            &"order: 4  # its place on the timeline: after the last event (3)".to_string()
        ));
    }
}
