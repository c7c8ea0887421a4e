//! The settings of what talks hands on: `citation_style` (what `y` copies of a source) and
//! `hyperlinks` (web addresses as terminal hyperlinks).

use toml::Spanned;

use super::{File, Found};
use crate::export::CitationStyle;

/// Whether web addresses are drawn as terminal hyperlinks (OSC 8).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Hyperlinks {
    /// On, unless `TERM` names a terminal known to show the sequence as text or to have
    /// no pointer to click with: unset, `dumb`, `linux` (the console), `vt…`, `cons25`.
    #[default]
    Auto,
    Always,
    Never,
}

impl Hyperlinks {
    /// Whether links are drawn in a terminal of type `term` (`$TERM`).
    pub fn on(self, term: Option<&str>) -> bool {
        match self {
            Hyperlinks::Always => true,
            Hyperlinks::Never => false,
            Hyperlinks::Auto => match term.map(str::trim) {
                None | Some("" | "dumb" | "linux" | "cons25") => false,
                Some(term) => !term.starts_with("vt"),
            },
        }
    }
}

/// `hyperlinks = "auto" | "always" | "never"`; a problem and `auto` otherwise.
pub(super) fn hyperlinks(
    value: &Spanned<toml::Value>,
    file: &File,
    problems: &mut Found,
) -> Hyperlinks {
    let word = value.as_ref().as_str().map(str::trim);
    match word {
        Some("auto") => Hyperlinks::Auto,
        Some("always") => Hyperlinks::Always,
        Some("never") => Hyperlinks::Never,
        _ => {
            let what = match word {
                Some(word) => format!("\"{word}\""),
                None => format!("a {}", value.as_ref().type_str()),
            };
            let message = format!(
                "hyperlinks: {what} is not a choice: use \"auto\", \"always\" or \"never\"; \
                 using auto"
            );
            problems.push(file.at(value.span(), &message));
            Hyperlinks::Auto
        }
    }
}

/// `citation_style = "chicago"`, or a list of up to three styles (`y` copies one citation a
/// line, in that order); a problem and Chicago otherwise.
pub(super) fn citation_styles(
    value: &Spanned<toml::Value>,
    file: &File,
    problems: &mut Found,
) -> Vec<CitationStyle> {
    let words: Option<Vec<&str>> = match value.as_ref() {
        toml::Value::String(word) => Some(vec![word.as_str()]),
        toml::Value::Array(words) => words.iter().map(toml::Value::as_str).collect(),
        _ => None,
    };
    let styles: Option<Vec<CitationStyle>> = words
        .as_deref()
        .filter(|w| !w.is_empty())
        .and_then(|words| words.iter().map(|w| CitationStyle::from_key(w)).collect());
    match styles {
        Some(mut styles) => {
            let mut seen = Vec::new();
            styles.retain(|s| {
                !seen.contains(s) && {
                    seen.push(*s);
                    true
                }
            });
            styles
        }
        None => {
            let unknown = words
                .unwrap_or_default()
                .into_iter()
                .find(|w| CitationStyle::from_key(w).is_none())
                .map(|w| format!("\"{}\" is not a style we know: ", w.trim()))
                .unwrap_or_default();
            let message = format!(
                "citation_style: {unknown}use \"chicago\", \"apa\" or \"mla\", or a list of \
                 them ([\"chicago\", \"apa\"]); using chicago"
            );
            problems.push(file.at(value.span(), &message));
            vec![CitationStyle::Chicago]
        }
    }
}

/// `cache_max = "2G"`: the index cache's bound, all its files together.
pub(super) fn cache_max(value: &Spanned<toml::Value>, file: &File, problems: &mut Found) -> u64 {
    let parsed = match value.as_ref().as_str() {
        Some(text) => crate::model::parse_size(text),
        None => {
            let kind = value.as_ref().type_str();
            let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            Err(format!(
                "a size is written in quotes, e.g. \"2G\" or \"500M\", not as {article} {kind}"
            ))
        }
    };
    parsed.unwrap_or_else(|why| {
        let default = crate::model::human_bytes(crate::cache::DEFAULT_MAX_TOTAL);
        let message = format!("cache_max: {why}; using {default}");
        problems.push(file.at(value.span(), &message));
        crate::cache::DEFAULT_MAX_TOTAL
    })
}
