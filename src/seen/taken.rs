//! When a snapshot was taken, and how the screen says it ("3 Dec", in UTC).

use std::time::SystemTime;

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A moment, as RFC 3339 in UTC to the second (`2026-12-03T09:14:05Z`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken(String);

impl Taken {
    pub fn at(now: SystemTime) -> Taken {
        Taken(humantime::format_rfc3339_seconds(now).to_string())
    }

    /// `text` if it is such a moment.
    pub fn parse(text: &str) -> Option<Taken> {
        let text = text.trim();
        humantime::parse_rfc3339(text).ok()?;
        Some(Taken(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn year(&self) -> &str {
        self.0.get(..4).unwrap_or("")
    }

    /// `3 Dec 2026`.
    fn day_month_year(&self) -> String {
        let day = self.0.get(8..10).unwrap_or("").trim_start_matches('0');
        let month = self
            .0
            .get(5..7)
            .and_then(|m| m.parse::<usize>().ok())
            .and_then(|m| MONTHS.get(m.wrapping_sub(1)))
            .unwrap_or(&"");
        format!("{day} {month} {}", self.year())
    }

    /// `3 Dec`, with the year when it is not `now`'s (`None`: never).
    pub fn short(&self, now: Option<SystemTime>) -> String {
        let full = self.day_month_year();
        if now.is_none_or(|now| Taken::at(now).year() == self.year()) {
            full.trim_end_matches(self.year()).trim_end().to_string()
        } else {
            full
        }
    }

    /// The header's words for when: `today at 09:14` (UTC) when taken on `now`'s day,
    /// else `on 3 Dec` as [`Taken::short`] says it.
    pub fn when(&self, now: Option<SystemTime>) -> String {
        let today = now.is_some_and(|now| Taken::at(now).0.get(..10) == self.0.get(..10));
        if today {
            format!("today at {}", self.0.get(11..16).unwrap_or(""))
        } else {
            format!("on {}", self.short(now))
        }
    }

    /// `3 Dec 2026, 09:14 UTC`.
    pub fn long(&self) -> String {
        let time = self.0.get(11..16).unwrap_or("");
        format!("{}, {time} UTC", self.day_month_year())
    }

    /// The name the snapshot's dossier goes by (in the detail and in exports):
    /// `your last look (3 Dec 2026)`.
    pub fn label(&self) -> String {
        format!("your last look ({})", self.day_month_year())
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn said_by_day_and_month_with_the_year_when_another() {
        let taken = Taken::parse("2026-12-03T09:14:05Z").unwrap();
        let same_year = UNIX_EPOCH + Duration::from_secs(1_796_000_000); // 2026-11
        let next_year = UNIX_EPOCH + Duration::from_secs(1_800_000_000); // 2027-01
        assert_eq!(taken.short(Some(same_year)), "3 Dec");
        assert_eq!(taken.short(Some(next_year)), "3 Dec 2026");
        assert_eq!(taken.short(None), "3 Dec");
    }

    #[test]
    fn a_look_earlier_the_same_day_is_said_by_its_time() {
        let taken = Taken::parse("2026-12-03T09:14:05Z").unwrap();
        let same_day = humantime::parse_rfc3339("2026-12-03T17:00:00Z").unwrap();
        let next_day = humantime::parse_rfc3339("2026-12-04T00:00:01Z").unwrap();
        assert_eq!(taken.when(Some(same_day)), "today at 09:14");
        assert_eq!(taken.when(Some(next_day)), "on 3 Dec");
        assert_eq!(taken.when(None), "on 3 Dec");
        assert_eq!(taken.long(), "3 Dec 2026, 09:14 UTC");
        assert_eq!(taken.label(), "your last look (3 Dec 2026)");
        assert_eq!(Taken::parse("yesterday"), None);
    }
}
