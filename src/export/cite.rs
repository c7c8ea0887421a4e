//! A source as one formatted citation, for `y` on the sources page: Chicago (notes and
//! bibliography, the bibliography's entry), APA (7th edition) or MLA (9th edition). Only
//! the fields the dossier gives are used; a style that wants a date says "n.d." where
//! there is none, and nothing is invented.

use crate::model::Source;
use crate::text::sanitize_line;

/// A citation style the config may choose (`citation_style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationStyle {
    Chicago,
    Apa,
    Mla,
}

impl CitationStyle {
    pub const ALL: [CitationStyle; 3] = [Self::Chicago, Self::Apa, Self::Mla];

    /// The config's word for it.
    pub fn key(self) -> &'static str {
        match self {
            Self::Chicago => "chicago",
            Self::Apa => "apa",
            Self::Mla => "mla",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::Chicago => "Chicago",
            Self::Apa => "APA",
            Self::Mla => "MLA",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|s| s.key().eq_ignore_ascii_case(key.trim()))
    }
}

/// `source` cited in each of `styles`: one citation alone, several one a line after the
/// style's name ("APA: …").
pub fn citations(source: &Source, styles: &[CitationStyle]) -> String {
    match styles {
        [] => citation(source, CitationStyle::Chicago),
        [one] => citation(source, *one),
        many => many
            .iter()
            .map(|&style| format!("{}: {}", style.name(), citation(source, style)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// `source` cited in `style`, on one line.
pub fn citation(source: &Source, style: CitationStyle) -> String {
    let title = one_line(&source.title);
    let kind = described(&source.kind);
    let publisher = source.publisher.as_deref().map(one_line);
    let url = source.url.as_deref().map(one_line);
    let date = source.published.as_deref().map(|d| Date::of(d.trim()));
    // The author first, in every style: as the dossier writes it ("A, B and C").
    let author = source.author.as_deref().map(one_line);
    let by = author
        .as_deref()
        .map_or(String::new(), |a| format!("{} ", ended(a)));
    let text = match style {
        CitationStyle::Chicago => {
            let mut after = vec![kind];
            after.extend(publisher);
            after.push(date.map_or("n.d.".into(), |d| d.chicago()));
            let mut text = format!("{by}“{}” {}", ended(&title), ended(&after.join(", ")));
            if let Some(url) = url {
                text.push_str(&format!(" {url}."));
            }
            text
        }
        CitationStyle::Apa => {
            let date = date.map_or("n.d.".into(), |d| d.apa());
            let title = title.trim_end_matches('.');
            let mut text = match author {
                Some(_) => format!("{by}({date}). {title} [{kind}]."),
                None => format!("{title} [{kind}]. ({date})."),
            };
            if let Some(publisher) = publisher {
                text.push_str(&format!(" {}", ended(&publisher)));
            }
            if let Some(url) = url {
                text.push_str(&format!(" {url}"));
            }
            text
        }
        CitationStyle::Mla => {
            let mut after: Vec<String> = publisher.into_iter().collect();
            after.extend(date.map(|d| d.mla()));
            after.extend(url.map(|u| u.split_once("://").map_or(u.clone(), |(_, r)| r.into())));
            let mut text = format!("{by}“{}”", ended(&title));
            if !after.is_empty() {
                text.push_str(&format!(" {}.", after.join(", ")));
            }
            text.push_str(&format!(" {kind}."));
            text
        }
    };
    sanitize_line(&text).into_owned()
}

/// Text on one line, its runs of white space one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` ending with a full stop, unless it ends with one or with `?` or `!`.
fn ended(text: &str) -> String {
    if text.ends_with(['.', '?', '!']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// A source's kind as words: `news-report` → "News report".
fn described(kind: &str) -> String {
    crate::text::capitalised(&one_line(&kind.replace(['-', '_'], " ")))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// MLA's short months: those over four letters cut after three (four for September).
const MLA_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.",
];

/// `published`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else is said as written.
enum Date {
    Parts {
        year: String,
        month: Option<usize>,
        day: Option<u32>,
    },
    Written(String),
}

impl Date {
    fn of(text: &str) -> Date {
        let mut parts = text.split('-');
        let year = parts.next().unwrap_or_default();
        let month = parts.next().map(|m| m.parse::<usize>().ok());
        let day = parts.next().map(|d| d.parse::<u32>().ok());
        let good_year = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        match (good_year, month, day, parts.next()) {
            (true, None, None, None) => Date::Parts {
                year: year.into(),
                month: None,
                day: None,
            },
            (true, Some(Some(m @ 1..=12)), day, None) if day.is_none_or(|d| d.is_some()) => {
                Date::Parts {
                    year: year.into(),
                    month: Some(m - 1),
                    day: day.flatten(),
                }
            }
            _ => Date::Written(text.to_string()),
        }
    }

    /// "December 3, 2025", "December 2025", "2025".
    fn chicago(&self) -> String {
        match self {
            Date::Parts { year, month, day } => match (month, day) {
                (Some(m), Some(d)) => format!("{} {d}, {year}", MONTHS[*m]),
                (Some(m), None) => format!("{} {year}", MONTHS[*m]),
                _ => year.clone(),
            },
            Date::Written(text) => text.clone(),
        }
    }

    /// "2025, December 3", "2025, December", "2025".
    fn apa(&self) -> String {
        match self {
            Date::Parts { year, month, day } => match (month, day) {
                (Some(m), Some(d)) => format!("{year}, {} {d}", MONTHS[*m]),
                (Some(m), None) => format!("{year}, {}", MONTHS[*m]),
                _ => year.clone(),
            },
            Date::Written(text) => text.clone(),
        }
    }

    /// "3 Dec. 2025", "Dec. 2025", "2025".
    fn mla(&self) -> String {
        match self {
            Date::Parts { year, month, day } => match (month, day) {
                (Some(m), Some(d)) => format!("{d} {} {year}", MLA_MONTHS[*m]),
                (Some(m), None) => format!("{} {year}", MLA_MONTHS[*m]),
                _ => year.clone(),
            },
            Date::Written(text) => text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(title: &str) -> Source {
        Source {
            id: "s".into(),
            title: title.into(),
            kind: "news-report".into(),
            published: None,
            publisher: None,
            url: None,
            note: None,
            text: None,
            author: None,
        }
    }

    #[test]
    fn a_source_with_a_title_only_is_cited_without_inventions() {
        let s = source("US & Ukraine Forge Peace Framework");
        assert_eq!(
            citation(&s, CitationStyle::Chicago),
            "“US & Ukraine Forge Peace Framework.” News report, n.d."
        );
        assert_eq!(
            citation(&s, CitationStyle::Apa),
            "US & Ukraine Forge Peace Framework [News report]. (n.d.)."
        );
        assert_eq!(
            citation(&s, CitationStyle::Mla),
            "“US & Ukraine Forge Peace Framework.” News report."
        );
    }

    #[test]
    fn every_field_given_is_used_in_its_place() {
        let mut s = source("Talks end?");
        s.publisher = Some("Example Wire".into());
        s.published = Some("2025-12-03".into());
        s.url = Some("https://example.org/talks-end".into());
        assert_eq!(
            citation(&s, CitationStyle::Chicago),
            "“Talks end?” News report, Example Wire, December 3, 2025. https://example.org/talks-end."
        );
        assert_eq!(
            citation(&s, CitationStyle::Apa),
            "Talks end? [News report]. (2025, December 3). Example Wire. https://example.org/talks-end"
        );
        assert_eq!(
            citation(&s, CitationStyle::Mla),
            "“Talks end?” Example Wire, 3 Dec. 2025, example.org/talks-end. News report."
        );
        s.author = Some("Ana Example and Bo Writer".into());
        assert_eq!(
            citation(&s, CitationStyle::Chicago),
            "Ana Example and Bo Writer. “Talks end?” News report, Example Wire, December 3, \
             2025. https://example.org/talks-end."
        );
        assert_eq!(
            citation(&s, CitationStyle::Apa),
            "Ana Example and Bo Writer. (2025, December 3). Talks end? [News report]. Example \
             Wire. https://example.org/talks-end"
        );
        assert!(
            citation(&s, CitationStyle::Mla).starts_with("Ana Example and Bo Writer. “Talks end?”")
        );
        s.author = None;
        s.published = Some("2025-09".into());
        assert!(citation(&s, CitationStyle::Mla).contains(", Sept. 2025,"));
        assert!(citation(&s, CitationStyle::Chicago).contains(", September 2025."));
        s.published = Some("2025".into());
        assert!(citation(&s, CitationStyle::Apa).contains("(2025)."));
    }

    #[test]
    fn several_styles_are_one_a_line_and_text_is_made_safe() {
        let mut s = source("Line\u{1b}[31m one\n two");
        s.kind = "statement".into();
        let both = citations(&s, &[CitationStyle::Apa, CitationStyle::Mla]);
        let lines: Vec<&str> = both.lines().collect();
        assert_eq!(lines.len(), 2, "{both}");
        assert!(lines[0].starts_with("APA: Line"), "{both}");
        assert!(lines[1].starts_with("MLA: “Line"), "{both}");
        assert!(!both.contains('\u{1b}'), "{both}");
        assert!(both.contains("[Statement]"), "{both}");
        assert_eq!(CitationStyle::from_key(" APA "), Some(CitationStyle::Apa));
        assert_eq!(CitationStyle::from_key("harvard"), None);
    }
}
