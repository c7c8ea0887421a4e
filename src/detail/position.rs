//! The detail of one position (a matrix cell): the party's stance on the sticking point,
//! what it says and since when, its stance history, and the party's quotes in the events
//! about that point.

use super::{Builder, Detail, Line, SectionKind, Style};
use crate::model::{Dossier, EntityKind, EntityRef, Index, Position};

/// The detail of position `position` of sticking point `point`.
pub fn position(dossier: &Dossier, index: &Index, point: usize, position: usize) -> Detail {
    let mut b = Builder {
        dossier,
        index,
        sections: Vec::new(),
        notes: Vec::new(),
    };
    let held = &dossier.sticking_points[point].positions[position];
    let point_ref = EntityRef::new(EntityKind::StickingPoint, point);
    let actor = index.actor(&held.actor);
    fields(&mut b, point_ref, held);
    b.summary(Some(&held.summary));
    if let Some(actor) = actor {
        history(&mut b, point, actor);
        quotes(&mut b, point, actor);
    }
    b.sources();
    let party = actor.map_or(held.actor.as_str(), |a| dossier.actors[a].name.as_str());
    Detail {
        entity: point_ref,
        title: format!("{party} on {}", dossier.sticking_points[point].title),
        sections: b.sections,
        notes: b.notes,
    }
}

/// Who, on what, which stance (and its source's note number) and since when.
fn fields(b: &mut Builder<'_>, point: EntityRef, held: &Position) {
    let mut party = Line::default().push("Party: ", Style::Label);
    party.segments.extend(b.link_by_id(&held.actor).segments);
    let mut on = Line::default().push("On: ", Style::Label);
    on.segments.extend(b.link(point).segments);
    let stance = Line::default().push("Stance: ", Style::Label);
    let stance = Builder::stance(stance, &held.stance, &held.basis);
    let stance = b.note_marker(stance, &held.all_sources());
    let mut lines = vec![party, on, stance];
    if let Some(as_of) = &held.as_of {
        lines.push(Builder::field("As of", as_of));
    }
    b.section(SectionKind::Fields, "", lines);
}

/// The party's positions on the point, newest first, when it took more than one.
fn history(b: &mut Builder<'_>, point: usize, actor: usize) {
    let held = b.index.held_over_time(point, actor);
    if held.len() < 2 {
        return;
    }
    let positions = &b.dossier.sticking_points[point].positions;
    let mut lines = Vec::new();
    for &p in held.iter().rev() {
        let position = &positions[p];
        let line = Builder::stance(Line::default(), &position.stance, &position.basis);
        let mut line = line.plain(format!(": {}", position.summary.trim()));
        if let Some(as_of) = &position.as_of {
            line = line.plain(format!(" (as of {as_of})"));
        }
        lines.push(b.note_marker(line, &position.all_sources()));
    }
    b.section(
        SectionKind::Positions,
        "Stance history, newest first",
        lines,
    );
}

/// What the party said in the events about the point.
fn quotes(b: &mut Builder<'_>, point: usize, actor: usize) {
    let (dossier, index) = (b.dossier, b.index);
    let point_id = &dossier.sticking_points[point].id;
    let mut lines = Vec::new();
    for &e in &index.actor_events[actor] {
        let event = &dossier.events[e];
        if !event.sticking_points.contains(point_id) {
            continue;
        }
        for quote in event
            .quotes
            .iter()
            .filter(|q| q.by.iter().any(|id| index.actor(id) == Some(actor)))
        {
            let mut line = Line::default()
                .push(format!("“{}”", quote.text), Style::Quote)
                .plain(" — in ");
            line.segments
                .extend(b.link(EntityRef::new(EntityKind::Event, e)).segments);
            let line = Builder::hedge(line, &quote.basis);
            lines.push(b.note_marker(line, &quote.all_sources()));
        }
    }
    b.section(SectionKind::Quotes, "Quotes", lines);
}
