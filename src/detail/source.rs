//! A source's own detail: what it says of itself, and what it backs, grouped.

use super::{Builder, Line, SectionKind, Style};
use crate::model::{Citation, EntityKind, EntityRef};

/// The heading of each group of what a source backs starts with this.
const BACKS: &str = "Backs";

pub(super) fn source(b: &mut Builder<'_>, i: usize) {
    let fields = fields(b, i);
    b.section(SectionKind::Fields, "", fields);
    if let Some(note) = b.dossier.sources[i].note.as_deref()
        && !note.trim().is_empty()
    {
        let paragraph = vec![Line::default().plain(note.trim())];
        b.section(SectionKind::Summary, "Note", paragraph);
    }
    backs(b, i);
}

fn fields(b: &Builder<'_>, i: usize) -> Vec<Line> {
    let s = &b.dossier.sources[i];
    // Titles of reports run long: the pane's border cuts them, this line wraps.
    let mut fields = vec![
        Builder::field("Title", &s.title),
        Builder::field("Kind", &s.kind),
    ];
    for (label, value) in [
        ("Author", &s.author),
        ("Publisher", &s.publisher),
        ("Published", &s.published),
        ("URL", &s.url),
    ] {
        if let Some(value) = value {
            fields.push(Builder::field(label, value));
        }
    }
    // Whether the file can be read is `talks validate`'s to say: the detail does no I/O.
    let text = match &s.text {
        Some(path) => format!("{path} (attached: `talks validate` checks quotes against it)"),
        None => "none attached".to_string(),
    };
    fields.push(Builder::field("Text for quote checking", text));
    fields
}

/// "party · sticking point · stance", the point a link: what a position is about.
fn position_line(b: &Builder<'_>, point: usize, position: usize) -> Line {
    let (dossier, index) = (b.dossier, b.index);
    let held = &dossier.sticking_points[point].positions[position];
    let party = index
        .actor(&held.actor)
        .map_or(held.actor.as_str(), |a| dossier.actors[a].name.as_str());
    let mut line = Line::default().plain(format!("{party} · "));
    line.segments.extend(
        b.link(EntityRef::new(EntityKind::StickingPoint, point))
            .segments,
    );
    let line = Builder::stance(line.plain(" · "), &held.stance, &held.basis);
    match &held.as_of {
        Some(as_of) => line.push(format!("  as of {as_of}"), Style::Muted),
        None => line,
    }
}

/// What the source backs, a group a kind: events, positions, quotes, then the actors,
/// places and sticking points that cite it; each line links to what it is about.
fn backs(b: &mut Builder<'_>, i: usize) {
    let (dossier, index) = (b.dossier, b.index);
    let mut events = Vec::new();
    let mut positions = Vec::new();
    let mut quotes = Vec::new();
    let mut others = Vec::new();
    for citation in &index.source_citations[i] {
        match *citation {
            Citation::Entity(entity) if entity.kind == EntityKind::Event => {
                events.push(b.event_line(entity.index));
            }
            Citation::Entity(entity) => {
                let kind = format!("  {}", entity.kind.noun());
                others.push(b.link(entity).push(kind, Style::Muted));
            }
            Citation::Position {
                sticking_point,
                position,
            } => positions.push(position_line(b, sticking_point, position)),
            Citation::Quote { event, quote } => {
                let quote = &dossier.events[event].quotes[quote];
                let mut line = Line::default()
                    .push(format!("“{}”", quote.text), Style::Quote)
                    .plain(" — ");
                line.segments.extend(b.links_by_id(&quote.by).segments);
                line = line.plain(", in ");
                line.segments
                    .extend(b.link(EntityRef::new(EntityKind::Event, event)).segments);
                quotes.push(Builder::hedge(line, &quote.basis));
            }
        }
    }
    let total = events.len() + positions.len() + quotes.len() + others.len();
    if total == 0 {
        let nothing = vec![Line::default().push("Nothing in the dossier cites it.", Style::Muted)];
        b.section(SectionKind::Items, BACKS, nothing);
    }
    for (lines, one, many, kind) in [
        (events, "event", "events", SectionKind::Links),
        // Not `Positions`: the exports lay those out as a party's or a point's table.
        (positions, "position", "positions", SectionKind::Links),
        (quotes, "quote", "quotes", SectionKind::Quotes),
        (others, "other entity", "other entities", SectionKind::Links),
    ] {
        let noun = if lines.len() == 1 { one } else { many };
        let heading = format!("{BACKS} {} {noun}", lines.len());
        b.section(kind, &heading, lines);
    }
}
