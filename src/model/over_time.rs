//! Positions over time: a party may hold several positions on one sticking point, each
//! `as_of` a date; the current one is the latest dated, and undated positions count as
//! older than dated ones, in written order (so version 1 files read as before).

use super::types::StickingPoint;

/// A date's year, and its month and day where written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`
/// with a month of 1 to 12 and a day of 1 to 31 (the calendar is `check_date`'s). `None`
/// for anything else.
pub fn date_parts(text: &str) -> Option<(u32, Option<u32>, Option<u32>)> {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, digits: usize| {
        (part.len() == digits && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let year = number(parts.first()?, 4)?;
    let month = parts
        .get(1)
        .map(|m| number(m, 2).filter(|m| (1..=12).contains(m)));
    let day = parts
        .get(2)
        .map(|d| number(d, 2).filter(|d| (1..=31).contains(d)));
    match (month, day, parts.len()) {
        (None, None, 1) => Some((year, None, None)),
        (Some(Some(m)), None, 2) => Some((year, Some(m), None)),
        (Some(Some(m)), Some(Some(d)), 3) => Some((year, Some(m), Some(d))),
        _ => None,
    }
}

/// Where a date sorts: by its start, then the coarser precision first (`2025-12` before
/// `2025-12-01`). `None` for text that is not a date (validation reports it).
pub fn date_key(text: &str) -> Option<(u32, u8)> {
    Some(match date_parts(text)? {
        (year, None, _) => (year * 10_000 + 101, 0),
        (year, Some(m), None) => (year * 10_000 + m * 100 + 1, 1),
        (year, Some(m), Some(d)) => (year * 10_000 + m * 100 + d, 2),
    })
}

/// Where a position sorts among one party's positions on one point: undated (and
/// unreadable dates) first.
pub fn as_of_key(as_of: Option<&str>) -> Option<(u32, u8)> {
    as_of.and_then(date_key)
}

/// One party's positions on one sticking point, oldest first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PositionsOverTime {
    pub(crate) actor: usize,
    /// Indices into the sticking point's `positions`; the last is the current one.
    pub(crate) positions: Vec<usize>,
}

impl PositionsOverTime {
    pub fn current(&self) -> usize {
        self.positions.last().copied().unwrap_or_default()
    }

    /// The position held at `step` (a date key): the latest dated on or before it, else
    /// the latest undated; `None` when every position is dated after it.
    pub fn at(&self, point: &StickingPoint, step: (u32, u8)) -> Option<usize> {
        self.positions
            .iter()
            .rev()
            .copied()
            .find(|&p| as_of_key(point.positions[p].as_of.as_deref()).is_none_or(|k| k <= step))
    }
}

/// Each party's positions over time on `point`, parties in the order they first appear; positions
/// whose actor is unknown (`actor_of` gives `None`) are left out.
pub fn positions_over_time(
    point: &StickingPoint,
    actor_of: impl Fn(&str) -> Option<usize>,
) -> Vec<PositionsOverTime> {
    let mut out: Vec<PositionsOverTime> = Vec::new();
    for (p, position) in point.positions.iter().enumerate() {
        let Some(actor) = actor_of(&position.actor) else {
            continue;
        };
        match out.iter_mut().find(|h| h.actor == actor) {
            Some(held) => held.positions.push(p),
            None => out.push(PositionsOverTime {
                actor,
                positions: vec![p],
            }),
        }
    }
    for held in &mut out {
        // Stable: undated positions keep their written order, before every dated one.
        held.positions
            .sort_by_key(|&p| as_of_key(point.positions[p].as_of.as_deref()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sort_by_start_then_coarser_first() {
        let mut dates = vec!["2025-12-03", "2025-12", "2025", "2024-12-31", "2025-12-01"];
        dates.sort_by_key(|d| date_key(d));
        assert_eq!(
            dates,
            vec!["2024-12-31", "2025", "2025-12", "2025-12-01", "2025-12-03"]
        );
        assert_eq!(date_key("2025-13"), None);
        assert_eq!(date_key("25-01"), None);
    }

    fn point(positions: &[(&str, Option<&str>)]) -> StickingPoint {
        let yaml: String = positions
            .iter()
            .map(|(actor, as_of)| {
                let as_of = as_of.map(|d| format!(", as_of: '{d}'")).unwrap_or_default();
                format!("  - {{actor: {actor}, stance: supports, summary: s{as_of}}}\n")
            })
            .collect();
        let text = format!("id: p\ntitle: P\ntopic: t\nstatus: disputed\npositions:\n{yaml}");
        serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_latest_dated_is_current_and_undated_count_as_older() {
        let p = point(&[
            ("a", Some("2025-12-03")),
            ("a", None),
            ("b", None),
            ("a", Some("2025-11")),
            ("a", None),
            ("b", None),
        ]);
        let ids = |id: &str| Some(usize::from(id == "b"));
        let h = positions_over_time(&p, ids);
        assert_eq!(h[0].positions, vec![1, 4, 3, 0]);
        assert_eq!(h[0].current(), 0);
        // Two undated positions: the one written last is current.
        assert_eq!(h[1].current(), 5);
        assert_eq!(
            h[0].at(&p, date_key("2025-11-20").unwrap_or_default()),
            Some(3)
        );
        assert_eq!(
            h[0].at(&p, date_key("2025-10").unwrap_or_default()),
            Some(4)
        );
    }

    #[test]
    fn before_its_first_dated_position_a_party_with_no_undated_one_holds_none() {
        let p = point(&[("a", Some("2025-12"))]);
        let h = positions_over_time(&p, |_| Some(0));
        assert_eq!(h[0].at(&p, date_key("2025-11").unwrap_or_default()), None);
        assert_eq!(
            h[0].at(&p, date_key("2025-12").unwrap_or_default()),
            Some(0)
        );
    }
}
