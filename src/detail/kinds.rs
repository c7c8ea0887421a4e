//! What the detail of each kind of entity holds.

use super::{Builder, Line, Style};
use crate::model::{EntityKind, EntityRef};

fn actor_ref(index: usize) -> EntityRef {
    EntityRef {
        kind: EntityKind::Actor,
        index,
    }
}

pub(super) fn actor(b: &mut Builder<'_>, i: usize) {
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
    b.section("", fields);
    b.summary(a.summary.as_deref());
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
    b.section("Represented by", represented);
    let events = b.index.actor_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section("Events", events);
    let positions = b.index.actor_positions[i]
        .iter()
        .map(|&(p, n)| {
            let position = &b.dossier.sticking_points[p].positions[n];
            let entity = EntityRef {
                kind: EntityKind::StickingPoint,
                index: p,
            };
            b.link(entity)
                .plain(" — ")
                .push(
                    position.stance.as_str(),
                    Style::Stance(position.stance.clone()),
                )
                .plain(format!(": {}", position.summary.trim()))
        })
        .collect();
    b.section("Positions", positions);
    let quotes = b.index.actor_events[i]
        .iter()
        .flat_map(|&e| {
            let event = &b.dossier.events[e];
            let entity = EntityRef {
                kind: EntityKind::Event,
                index: e,
            };
            event
                .quotes
                .iter()
                .filter(|q| b.index.actor(&q.by) == Some(i))
                .map(move |q| (entity, q.text.clone()))
        })
        .map(|(entity, text)| {
            let quote = Line::default()
                .push(format!("“{text}”"), Style::Quote)
                .plain(" — in ");
            let mut line = quote;
            line.segments.extend(b.link(entity).segments);
            line
        })
        .collect();
    b.section("Quotes", quotes);
    b.sources(&a.sources);
}

pub(super) fn event(b: &mut Builder<'_>, i: usize) {
    let e = &b.dossier.events[i];
    let mut fields = vec![Builder::field("Order", format!("#{}", e.order))];
    if let Some(date) = &e.date {
        fields.push(Builder::field("Date", date));
    }
    fields.push(Builder::field("Kind", e.kind.as_str()));
    fields.push(Builder::field("Status", e.status.as_str()));
    if let Some(place) = &e.place {
        let mut line = Line::default().push("Place: ", Style::Label);
        line.segments.extend(b.link_by_id(place).segments);
        fields.push(line);
    }
    b.section("", fields);
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
    b.section("Participants", participants);
    let points = e
        .sticking_points
        .iter()
        .map(|id| b.link_by_id(id))
        .collect();
    b.section("Sticking points", points);
    let outcomes = e
        .outcomes
        .iter()
        .map(|o| Line::default().plain(format!("• {o}")))
        .collect();
    b.section("Outcomes", outcomes);
    let quotes = e
        .quotes
        .iter()
        .map(|q| {
            let mut line = Line::default()
                .push(format!("“{}”", q.text), Style::Quote)
                .plain(" — ");
            line.segments.extend(b.link_by_id(&q.by).segments);
            line
        })
        .collect();
    b.section("Quotes", quotes);
    b.sources(&e.sources);
}

pub(super) fn sticking_point(b: &mut Builder<'_>, i: usize) {
    let s = &b.dossier.sticking_points[i];
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
    b.section("", fields);
    b.summary(s.summary.as_deref());
    let positions = s
        .positions
        .iter()
        .map(|p| {
            b.link_by_id(&p.actor)
                .plain(" — ")
                .push(p.stance.as_str(), Style::Stance(p.stance.clone()))
                .plain(format!(": {}", p.summary.trim()))
        })
        .collect();
    b.section("Positions", positions);
    let events = b.index.sticking_point_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section("Events", events);
    b.sources(&s.sources);
}

pub(super) fn place(b: &mut Builder<'_>, i: usize) {
    let p = &b.dossier.places[i];
    let mut fields = vec![Builder::field("Kind", p.kind.as_str())];
    if let Some(parent) = &p.part_of {
        let mut line = Line::default().push("Part of: ", Style::Label);
        line.segments.extend(b.link_by_id(parent).segments);
        fields.push(line);
    }
    b.section("", fields);
    b.summary(p.summary.as_deref());
    let place_ref = |index| EntityRef {
        kind: EntityKind::Place,
        index,
    };
    let parts = b.index.place_parts[i]
        .iter()
        .map(|&c| b.link(place_ref(c)))
        .collect();
    b.section("Includes", parts);
    let events = b.index.place_events[i]
        .iter()
        .map(|&e| b.event_line(e))
        .collect();
    b.section("Events here", events);
    let points = b.index.place_sticking_points[i]
        .iter()
        .map(|&s| {
            b.link(EntityRef {
                kind: EntityKind::StickingPoint,
                index: s,
            })
        })
        .collect();
    b.section("Sticking points", points);
    b.sources(&p.sources);
}
