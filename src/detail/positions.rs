//! Positions in a detail: each party's current one, then, where a party's stance moved,
//! its history newest first.

use super::{Builder, Line, SectionKind};
use crate::model::{EntityKind, EntityRef, Position};

/// `head` (the party or the sticking point), the stance (hedged if inferred), the
/// summary, the date it holds from and the note number of its source.
fn position_line(b: &mut Builder<'_>, head: Line, position: &Position) -> Line {
    let line = Builder::stance(head.plain(" — "), &position.stance, &position.basis);
    let mut line = line.plain(format!(": {}", position.summary.trim()));
    if let Some(as_of) = &position.as_of {
        line = line.plain(format!(" (as of {as_of})"));
    }
    b.note_marker(line, &position.all_sources())
}

/// One party's or one point's positions: who holds what now, and the history of each
/// pair whose stance was recorded more than once. `pairs` are (sticking point, party).
fn sections(
    b: &mut Builder<'_>,
    pairs: &[(usize, usize)],
    head: impl Fn(&Builder, usize, usize) -> Line,
) {
    let (dossier, index) = (b.dossier, b.index);
    let mut now = Vec::new();
    let mut history = Vec::new();
    for &(point, actor) in pairs {
        let held = index.held_over_time(point, actor);
        let positions = &dossier.sticking_points[point].positions;
        if let Some(&current) = held.last() {
            let line = head(b, point, actor);
            now.push(position_line(b, line, &positions[current]));
        }
        if held.len() > 1 {
            for &p in held.iter().rev() {
                let line = head(b, point, actor);
                history.push(position_line(b, line, &positions[p]));
            }
        }
    }
    b.section(SectionKind::Positions, "Positions", now);
    b.section(
        SectionKind::Positions,
        "Stance history, newest first",
        history,
    );
}

/// An actor's positions, sticking point by sticking point.
pub(super) fn of_actor(b: &mut Builder<'_>, actor: usize) {
    let pairs: Vec<(usize, usize)> = b.index.actor_positions[actor]
        .iter()
        .map(|&(point, _)| (point, actor))
        .collect();
    sections(b, &pairs, |b, point, _| {
        b.link(EntityRef::new(EntityKind::StickingPoint, point))
    });
}

/// A sticking point's positions, party by party.
pub(super) fn of_point(b: &mut Builder<'_>, point: usize) {
    let pairs: Vec<(usize, usize)> = b.index.over_time[point]
        .iter()
        .map(|h| (point, h.actor))
        .collect();
    sections(b, &pairs, |b, _, actor| {
        b.link(EntityRef::new(EntityKind::Actor, actor))
    });
}
