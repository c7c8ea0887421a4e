//! Quotes checked against the full text of the source they cite (`talks validate`, when a
//! source has a `text:` or `--source-text` gives one). A quote must occur in that text
//! verbatim after [`fold`](fold::fold); one that does not is an error at the quote, with
//! the closest passage of the text. Who said it (`by`) cannot be checked by a program.

use std::collections::HashMap;

use super::diagnostic::{Diagnostic, Severity};
use super::types::Dossier;
use super::validate::Finding;
use crate::text::sanitize_line;

mod fold;
mod passage;
mod read;

pub use passage::SourceText;
pub use read::read_source_text;

/// A passage shown after "did you mean" is cut to about this many characters.
const PASSAGE_CHARS: usize = 160;

/// What checking the quotes found.
#[derive(Debug, Default)]
pub struct QuoteCheck {
    /// One error per quote not found in its source's text, in file order.
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Quotes compared with a source's text (found or not).
    pub(crate) checked: usize,
    /// Of those, the ones not found.
    pub(crate) not_found: usize,
    /// Quotes whose source has no text given, and those sources' ids.
    pub(crate) without_text: usize,
    pub(crate) sources_without_text: Vec<String>,
    /// Quotes that cite no source.
    pub(crate) without_source: usize,
}

/// Checks every quote of `dossier` whose source has a text in `texts` (by source id).
/// `name` and `dossier_text` are the dossier's, to place each problem at its line.
pub fn check_quotes(
    name: &str,
    dossier_text: &str,
    dossier: &Dossier,
    texts: &HashMap<String, SourceText>,
) -> QuoteCheck {
    let mut check = QuoteCheck::default();
    // The quotes to compare with a text: (event, quote, source, text).
    let mut compared = Vec::new();
    for (e, event) in dossier.events.iter().enumerate() {
        for (q, quote) in event.quotes.iter().enumerate() {
            // Checked against the first of its sources that has a text.
            let sources = quote.all_sources();
            let Some(&first) = sources.first() else {
                check.without_source += 1;
                continue;
            };
            let with_text = sources
                .iter()
                .find_map(|&id| texts.get(id).map(|t| (id, t)));
            let Some((source, text)) = with_text else {
                check.without_text += 1;
                if !check.sources_without_text.iter().any(|s| s == first) {
                    check.sources_without_text.push(first.to_string());
                }
                continue;
            };
            compared.push((e, q, source, quote.text.as_str(), text));
        }
    }
    check.checked = compared.len();
    let messages = on_both_cores(&compared, |&(_, _, source, quote, text)| {
        (!text.contains(quote)).then(|| not_found(source, text, quote))
    });
    let findings: Vec<Finding> = compared
        .iter()
        .zip(messages)
        .filter_map(|(&(e, q, ..), message)| {
            Some(Finding {
                severity: Severity::Error,
                path: format!("events[{e}].quotes[{q}].text"),
                message: message?,
                also: None,
            })
        })
        .collect();
    check.not_found = findings.len();
    check.diagnostics = super::locate::located(name, dossier_text, &findings);
    check
}

/// `work` done on every item, the two halves of `items` on two threads, in order.
fn on_both_cores<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let (first, second) = items.split_at(items.len() / 2);
    let work = &work;
    std::thread::scope(|scope| {
        let other = scope.spawn(move || second.iter().map(work).collect::<Vec<R>>());
        let mut all: Vec<R> = first.iter().map(work).collect();
        // A half whose thread panicked is done again here, where a bug shows as it would
        // without threads.
        match other.join() {
            Ok(rest) => all.extend(rest),
            Err(_) => all.extend(second.iter().map(work)),
        }
        all
    })
}

/// The message for a quote not in `text`, with the closest passage when there is one.
fn not_found(source: &str, text: &SourceText, quote: &str) -> String {
    let hint = match text.closest(quote) {
        Some(passage) => format!("; did you mean \"{}\"?", shown(text.slice(passage))),
        None => "; no passage of the text is close to it".to_string(),
    };
    format!(
        "the quote is not in the text of the source \"{source}\" ({}){hint}",
        sanitize_line(&text.name)
    )
}

/// A passage on one line: whitespace runs as one space, unsafe characters made visible,
/// cut after about [`PASSAGE_CHARS`] characters.
fn shown(passage: &str) -> String {
    let words: Vec<&str> = passage.split_whitespace().collect();
    let line = words.join(" ");
    let mut cut: String = line.chars().take(PASSAGE_CHARS).collect();
    if cut.len() < line.len() {
        cut.push('…');
    }
    sanitize_line(&cut).into_owned()
}

/// A problem at the value at `path` (`sources[0].text`) of the dossier `dossier_text`.
pub fn problem_at(name: &str, dossier_text: &str, path: &str, message: String) -> Diagnostic {
    let finding = Finding {
        severity: Severity::Error,
        path: path.to_string(),
        message,
        also: None,
    };
    super::locate::located(name, dossier_text, &[finding])
        .into_iter()
        .next()
        .unwrap_or_else(|| Diagnostic::new(Severity::Error, name, "cannot locate the problem"))
}

#[cfg(test)]
mod tests;
