//! Dates as intervals by their precision: `2025` is the whole year, `2025-12` the month,
//! `2025-12-03` the day. The `date:` filter compares intervals.

/// A date's interval, as `yyyymmdd` numbers (only their order matters; a month ends on
/// its "31st").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub(crate) start: u32,
    pub(crate) end: u32,
}

impl Span {
    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (the calendar is not checked: see
    /// `model::check_date`).
    pub fn parse(text: &str) -> Result<Span, String> {
        let not_a_date = || format!("\"{text}\" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        Ok(
            match crate::model::over_time::date_parts(text).ok_or_else(not_a_date)? {
                (y, None, _) => Span {
                    start: y * 10_000 + 101,
                    end: y * 10_000 + 1231,
                },
                (y, Some(m), None) => Span {
                    start: y * 10_000 + m * 100 + 1,
                    end: y * 10_000 + m * 100 + 31,
                },
                (y, Some(m), Some(d)) => {
                    let day = y * 10_000 + m * 100 + d;
                    Span {
                        start: day,
                        end: day,
                    }
                }
            },
        )
    }
}

/// How a `date:` filter compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTest {
    /// `date:X`: the intervals overlap.
    Within,
    /// `date:>=X`: the date ends on or after X starts.
    From,
    /// `date:<=X`: the date starts on or before X ends.
    Until,
}

/// A `date:` filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateFilter {
    pub(crate) test: DateTest,
    pub(crate) span: Span,
}

impl DateFilter {
    pub fn parse(value: &str) -> Result<DateFilter, String> {
        let (test, date) = if let Some(rest) = value.strip_prefix(">=") {
            (DateTest::From, rest)
        } else if let Some(rest) = value.strip_prefix("<=") {
            (DateTest::Until, rest)
        } else {
            (DateTest::Within, value)
        };
        crate::model::check_date(date)?;
        let span = Span::parse(date)?;
        Ok(DateFilter { test, span })
    }

    /// Whether a date matches; an undated entity never does.
    pub fn matches(&self, date: Option<Span>) -> bool {
        let Some(date) = date else {
            return false;
        };
        match self.test {
            DateTest::Within => date.start <= self.span.end && date.end >= self.span.start,
            DateTest::From => date.end >= self.span.start,
            DateTest::Until => date.start <= self.span.end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str) -> Option<Span> {
        Span::parse(text).ok()
    }

    #[test]
    fn intervals_follow_precision() {
        let year = DateFilter::parse("2025").unwrap_or_else(|e| panic!("{e}"));
        assert!(year.matches(span("2025-11")));
        assert!(year.matches(span("2025-01-01")));
        assert!(!year.matches(span("2024-12-31")));
        assert!(!year.matches(None), "undated never matches");
        let month = DateFilter::parse("2025-11").unwrap_or_else(|e| panic!("{e}"));
        assert!(month.matches(span("2025")), "the year overlaps the month");
        let from = DateFilter::parse(">=2025-11").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            from.matches(span("2025")),
            "the year ends after November starts"
        );
        assert!(!from.matches(span("2025-10-31")));
        let until = DateFilter::parse("<=2025-10").unwrap_or_else(|e| panic!("{e}"));
        assert!(until.matches(span("2025-10-31")));
        assert!(!until.matches(span("2025-11-01")));
    }

    #[test]
    fn bad_dates_say_what_is_expected() {
        let err = DateFilter::parse(">=2025-13").unwrap_err();
        assert_eq!(err, "invalid date \"2025-13\": there is no month 13");
        assert!(DateFilter::parse("25").is_err());
        assert!(DateFilter::parse("2025-1-1").is_err());
        assert_eq!(
            DateFilter::parse("2025-02-30").unwrap_err(),
            "invalid date \"2025-02-30\": month 2 of 2025 has 28 days"
        );
        assert!(DateFilter::parse("<=2024-02-29").is_ok());
    }
}
