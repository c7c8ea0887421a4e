//! The text of a new report of a folder dossier: `version`, no `title` (the folder has
//! one), a source stub, and commented templates of a position, an event and a quote that
//! cite it, made by the same templates as `talks new`.

use super::append::{Spot, render_default};
use super::template::{Chosen, Facts, FolderForm, lines};
use crate::cli::NewKind;
use crate::model::Loaded;

/// The new report's source.
pub(super) struct Stub<'a> {
    pub(crate) id: &'a str,
    pub(crate) title: Option<&'a str>,
    pub(crate) date: &'a str,
}

/// The report's text, for the folder dossier `before`.
pub(super) fn text(before: &Loaded, stub: &Stub) -> String {
    let mut out = vec![
        format!(
            "# A report of the folder dossier \"{}\" (written by talks new report).",
            one_line(&before.dossier.title)
        ),
        "# Fill in its source; uncomment and fill what the report says: each template cites it."
            .to_string(),
        "version: 1".to_string(),
        "sources:".to_string(),
    ];
    out.extend(source(stub));
    let facts = facts(before, stub);
    let d = &before.dossier;
    let event = d.events.last().map_or("an-event-id", |e| e.id.as_str());
    let commented = |kind, key: &'static str, about: &str, out: &mut Vec<String>| {
        let mut template: Vec<String> = lines(&Facts {
            kind,
            ..facts.clone()
        })
        .into_iter()
        .filter(|line| !line.starts_with('#'))
        .collect();
        if kind == NewKind::Quote {
            template.insert(0, format!("event: {event}  # the event's id"));
        }
        out.push(format!("# {about}"));
        out.push(format!("# {key}:"));
        if kind == NewKind::Event {
            let at = template.iter().position(|l| l.starts_with("order:"));
            let at = at.map_or(template.len(), |at| at + 1);
            template.insert(at, format!("date: {}", stub.date));
        }
        let item = render_default(&template, Spot::Top(key));
        out.extend(item.into_iter().map(|line| format!("# {line}")));
    };
    commented(
        NewKind::Position,
        "positions",
        "Positions it reports, on a sticking point of any file of the folder:",
        &mut out,
    );
    commented(NewKind::Event, "events", "Events it tells of:", &mut out);
    commented(
        NewKind::Quote,
        "quotes",
        "Words it quotes, said at an event of any file of the folder:",
        &mut out,
    );
    let mut text = out.join("\n");
    text.push('\n');
    text
}

/// The source stub: its id, title, kind and date, and a url to replace.
fn source(stub: &Stub) -> Vec<String> {
    let title = match stub.title {
        Some(title) => yaml_string(title),
        None => "The title of the report  # replace with the report's own".to_string(),
    };
    vec![
        format!("  - id: {}", stub.id),
        format!("    title: {title}"),
        "    kind: news-report  # what sort of source: news-report, statement, transcript, \
         or another word"
            .to_string(),
        format!("    published: {}", stub.date),
        "    url: https://example.org/report  # replace with where the report is".to_string(),
        "    # publisher: Example Wire".to_string(),
        format!(
            "    # text: {}.txt  # its text, to check quotes against (a path from the \
             dossier's folder)",
            stub.id
        ),
    ]
}

/// What the commented templates take from the folder: its first sticking point and actor,
/// and the next event order.
fn facts(before: &Loaded, stub: &Stub) -> Facts {
    let d = &before.dossier;
    let first_id = |id: Option<&String>, placeholder: &str| {
        id.cloned().unwrap_or_else(|| placeholder.to_string())
    };
    let actor = d.actors.first().map(|a| Chosen {
        id: a.id.clone(),
        why: "",
    });
    Facts {
        kind: NewKind::Position,
        id: fresh_event_id(before),
        parent: first_id(
            d.sticking_points.first().map(|p| &p.id),
            "a-sticking-point-id",
        ),
        source: stub.id.to_string(),
        actor,
        some_actor: d.actors.first().map(|a| a.id.clone()),
        some_place: d.places.first().map(|p| p.id.clone()),
        last_order: d.events.iter().map(|e| e.order).max(),
        folder: Some(FolderForm {
            as_of: Some(stub.date.to_string()),
        }),
    }
}

/// `new-event`, numbered on when taken.
fn fresh_event_id(before: &Loaded) -> String {
    let taken = |id: &str| before.index.get(id).is_some() || before.index.source(id).is_some();
    std::iter::once("new-event".to_string())
        .chain((2..).map(|k| format!("new-event-{k}")))
        .find(|id| !taken(id))
        .unwrap_or_default()
}

/// Text from the command line as one line of a comment.
fn one_line(text: &str) -> String {
    crate::text::sanitize_line(text).replace('\n', " ")
}

/// A title as a YAML scalar: JSON's double-quoted form, which YAML reads the same.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}
