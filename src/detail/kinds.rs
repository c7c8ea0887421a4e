//! What the detail of each kind of entity holds.

use super::{Builder, Line, SectionKind, Style};
use crate::model::{EntityKind, EntityRef};

fn actor_ref(index: usize) -> EntityRef {
    EntityRef {
        kind: EntityKind::Actor,
        index,
    }
}

pub(super) fn actor(b: &mut Builder<'_>, i: usize) {
    let a = &b.dossier.actors[i];
    b.cite_all(&a.sources);
    let fields = actor_fields(b, i);
    b.section(SectionKind::Fields, "", fields);
    b.summary(a.summary.as_deref());
    actor_links(b, i);
    super::chronology::of_actor(b, i);
    b.sources();
}

fn actor_fields(b: &Builder<'_>, i: usize) -> Vec<Line> {
    let a = &b.dossier.actors[i];
    let mut fields = vec![Builder::field("Kind", a.kind.as_str())];
    if let Some(role) = &a.role {
        fields.push(Builder::field("Role", role));
    }
    if let Some(target) = &a.represents {
        let link = b.link_by_id(target);
        let mut line = Line::default().push("Represents: ", Style::Label);
        line.segments.extend(link.segments);
        fields.push(line);
    }
    if !a.aliases.is_empty() {
        fields.push(Builder::field("Also known as", a.aliases.join(", ")));
    }
    fields
}

/// Who represents the actor, its events, its positions and its quotes.
fn actor_links(b: &mut Builder<'_>, i: usize) {
    let represented: Vec<Line> = b.index.represented_by[i]
        .iter()
        .map(|&r| {
            let line = b.link(actor_ref(r));
            match &b.dossier.actors[r].role {
                Some(role) => line.push(format!("  {role}"), Style::Muted),
                None => line,
            }
        })
        .collect();
    b.section(SectionKind::Links, "Represented by", represented);
    let events = b.index.actor_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section(SectionKind::Links, "Events", events);
    super::positions::of_actor(b, i);
    let (dossier, index) = (b.dossier, b.index);
    let mut quotes = Vec::new();
    for &e in &index.actor_events[i] {
        let entity = EntityRef {
            kind: EntityKind::Event,
            index: e,
        };
        for quote in dossier.events[e]
            .quotes
            .iter()
            .filter(|q| q.by.iter().any(|id| index.actor(id) == Some(i)))
        {
            let mut line = Line::default()
                .push(format!("“{}”", quote.text), Style::Quote)
                .plain(" — ");
            if quote.by.len() > 1 {
                line.segments.extend(b.links_by_id(&quote.by).segments);
                line = line.plain(", ");
            }
            line = line.plain("in ");
            line.segments.extend(b.link(entity).segments);
            let line = Builder::hedge(line, &quote.basis);
            quotes.push(b.note_marker(line, &quote.all_sources()));
        }
    }
    b.section(SectionKind::Quotes, "Quotes", quotes);
}

pub(super) fn event(b: &mut Builder<'_>, i: usize) {
    let e = &b.dossier.events[i];
    b.cite_all(&e.sources);
    let mut fields = vec![Builder::field("Order", e.order.to_string())];
    if let Some(date) = &e.date {
        fields.push(Builder::field("Date", date));
    }
    fields.push(Builder::field("Kind", e.kind.as_str()));
    fields.push(Builder::field("Status", e.status.as_str()));
    // Where it happened, and apart from it the places it is about.
    for (label, places) in [("Place: ", e.place.as_slice()), ("Concerns: ", &e.concerns)] {
        if !places.is_empty() {
            let mut line = Line::default().push(label, Style::Label);
            line.segments.extend(b.links_by_id(places).segments);
            fields.push(line);
        }
    }
    b.section(SectionKind::Fields, "", fields);
    b.summary(e.summary.as_deref());
    let participants = e
        .participants
        .iter()
        .map(|id| {
            let line = b.link_by_id(id);
            match b
                .index
                .actor(id)
                .and_then(|a| b.dossier.actors[a].role.as_ref())
            {
                Some(role) => line.push(format!("  {role}"), Style::Muted),
                None => line,
            }
        })
        .collect();
    b.section(SectionKind::Links, "Participants", participants);
    let points = e
        .sticking_points
        .iter()
        .map(|id| b.link_by_id(id))
        .collect();
    b.section(SectionKind::Links, "Sticking points", points);
    let outcomes = e
        .outcomes
        .iter()
        .map(|o| Line::default().plain(format!("• {o}")))
        .collect();
    b.section(SectionKind::Items, "Outcomes", outcomes);
    let mut quotes = Vec::new();
    for quote in &e.quotes {
        let mut line = Line::default()
            .push(format!("“{}”", quote.text), Style::Quote)
            .plain(" — ");
        line.segments.extend(b.links_by_id(&quote.by).segments);
        let line = Builder::hedge(line, &quote.basis);
        quotes.push(b.note_marker(line, &quote.all_sources()));
    }
    b.section(SectionKind::Quotes, "Quotes", quotes);
    b.sources();
}

pub(super) fn sticking_point(b: &mut Builder<'_>, i: usize) {
    let s = &b.dossier.sticking_points[i];
    b.cite_all(&s.sources);
    let mut fields = vec![
        Builder::field("Topic", &s.topic),
        Builder::field("Status", s.status.as_str()),
    ];
    if !s.places.is_empty() {
        let mut line = Line::default().push("Places: ", Style::Label);
        for (n, id) in s.places.iter().enumerate() {
            if n > 0 {
                line = line.plain(", ");
            }
            line.segments.extend(b.link_by_id(id).segments);
        }
        fields.push(line);
    }
    b.section(SectionKind::Fields, "", fields);
    b.summary(s.summary.as_deref());
    super::positions::of_point(b, i);
    let events = b.index.sticking_point_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section(SectionKind::Links, "Events", events);
    b.sources();
}

pub(super) fn place(b: &mut Builder<'_>, i: usize) {
    let p = &b.dossier.places[i];
    b.cite_all(&p.sources);
    let mut fields = vec![Builder::field("Kind", p.kind_name())];
    if let Some(parent) = &p.part_of {
        let mut line = Line::default().push("Part of: ", Style::Label);
        line.segments.extend(b.link_by_id(parent).segments);
        fields.push(line);
    }
    b.section(SectionKind::Fields, "", fields);
    b.summary(p.summary.as_deref());
    let place_ref = |index| EntityRef {
        kind: EntityKind::Place,
        index,
    };
    let parts = b.index.place_parts[i]
        .iter()
        .map(|&c| b.link(place_ref(c)))
        .collect();
    b.section(SectionKind::Links, "Includes", parts);
    let events = b.index.place_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section(SectionKind::Links, "Events here", events);
    let about = b.index.place_concerns[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section(SectionKind::Links, "Events about it", about);
    let points = b.index.place_sticking_points[i]
        .iter()
        .map(|&s| {
            b.link(EntityRef {
                kind: EntityKind::StickingPoint,
                index: s,
            })
        })
        .collect();
    b.section(SectionKind::Links, "Sticking points", points);
    b.sources();
}
