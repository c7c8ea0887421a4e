//! An actor's chronology: the events they took part in, their quotes and their positions,
//! in date order, each line a link. An undated event (and its quotes) is placed by its
//! `order` after the dated events that come before it; undated positions count as older
//! than dated ones (docs/decisions.md), so they come first. Undated lines say so.

use super::{Builder, Line, SectionKind, Style};
use crate::model::over_time::date_key;
use crate::model::{EntityKind, EntityRef};

/// Where a line sorts: the date's key (an undated event's: that of the last dated event
/// before it in `order`), the event's `order`, then events before quotes before positions.
type Key = ((u32, u8), u32, u8);

/// The section's heading.
pub const HEADING: &str = "Chronology";

/// The actor's chronology, after its other sections.
pub(super) fn of_actor(b: &mut Builder<'_>, actor: usize) {
    let mut dated: Vec<(Key, Line)> = Vec::new();
    events_and_quotes(b, actor, &mut dated);
    positions(b, actor, &mut dated);
    dated.sort_by_key(|(key, _)| *key);
    let lines = dated.into_iter().map(|(_, line)| line).collect();
    b.section(SectionKind::Links, HEADING, lines);
}

/// An event's sort key and the label its lines start with ("2031-03-01", "undated, #4").
fn event_key(b: &Builder<'_>, event: usize) -> ((u32, u8), String) {
    let e = &b.dossier.events[event];
    if let Some(key) = e.date.as_deref().and_then(date_key) {
        return (key, e.date.clone().unwrap_or_default());
    }
    let before = (b.dossier.events.iter())
        .filter(|other| other.order <= e.order)
        .filter_map(|other| other.date.as_deref().and_then(date_key))
        .max()
        .unwrap_or((0, 0));
    (before, format!("undated, #{}", e.order))
}

fn labelled(label: &str) -> Line {
    Line::default().push(format!("{label}: "), Style::Label)
}

fn events_and_quotes(b: &mut Builder<'_>, actor: usize, out: &mut Vec<(Key, Line)>) {
    let (dossier, index) = (b.dossier, b.index);
    let is_actor = |id: &String| index.actor(id) == Some(actor);
    for &e in &index.actor_events[actor] {
        let event = &dossier.events[e];
        let entity = EntityRef::new(EntityKind::Event, e);
        let (date, label) = event_key(b, e);
        if event.participants.iter().any(is_actor) {
            let mut line = labelled(&label).plain("took part in ");
            line.segments.extend(b.link(entity).segments);
            out.push(((date, event.order, 0), line));
        }
        for quote in event.quotes.iter().filter(|q| q.by.iter().any(is_actor)) {
            let mut line = labelled(&label)
                .plain("said ")
                .push(format!("“{}”", quote.text), Style::Quote)
                .plain(" in ");
            line.segments.extend(b.link(entity).segments);
            let line = Builder::hedge(line, &quote.basis);
            let line = b.note_marker(line, &quote.all_sources());
            out.push(((date, event.order, 1), line));
        }
    }
}

fn positions(b: &mut Builder<'_>, actor: usize, out: &mut Vec<(Key, Line)>) {
    let (dossier, index) = (b.dossier, b.index);
    for &(point, _) in &index.actor_positions[actor] {
        for &p in index.held_over_time(point, actor) {
            let position = &dossier.sticking_points[point].positions[p];
            let (key, label) = match position.as_of.as_deref() {
                Some(as_of) => ((date_key(as_of).unwrap_or((0, 0)), u32::MAX, 2), as_of),
                None => (((0, 0), 0, 2), "undated"),
            };
            let mut line = labelled(label);
            let link = b.link(EntityRef::new(EntityKind::StickingPoint, point));
            line.segments.extend(link.segments);
            let line = Builder::stance(line.plain(" — "), &position.stance, &position.basis);
            let line = line.plain(format!(": {}", position.summary.trim()));
            let line = b.note_marker(line, &position.all_sources());
            out.push((key, line));
        }
    }
}
