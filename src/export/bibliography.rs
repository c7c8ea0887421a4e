//! One numbered list of the sources an export cites, at its end, as a brief has it: the
//! entries cite `[1]`, the list says once what `[1]` is.

use crate::detail::Detail;
use crate::model::Loaded;

/// The sources cited so far, numbered in the order of their first citation.
#[derive(Debug, Default)]
pub(super) struct Bibliography {
    ids: Vec<String>,
}

impl Bibliography {
    /// The number of source `id`, numbering it on first use.
    pub(super) fn number(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|known| known == id) {
            Some(at) => at + 1,
            None => {
                self.ids.push(id.to_string());
                self.ids.len()
            }
        }
    }

    /// The numbers of every source of a claim (`Position::all_sources`), in its order.
    pub(super) fn numbers(&mut self, ids: &[&str]) -> Vec<usize> {
        ids.iter().map(|id| self.number(id)).collect()
    }

    /// " [1] [3]": a claim's sources cited in text and Markdown; empty for none.
    pub(super) fn cited(&mut self, ids: &[&str]) -> String {
        let marks = self.numbers(ids).into_iter().map(|n| format!(" [{n}]"));
        marks.collect()
    }

    /// The export's number of each of `detail`'s notes, note 1 first.
    pub(super) fn renumber(&mut self, detail: &Detail) -> Vec<usize> {
        detail.notes.iter().map(|id| self.number(id)).collect()
    }

    /// Each source cited, with its number: title, then the facts, address and note the
    /// source gives (`None` for an id the dossier does not list).
    pub(super) fn entries<'a>(
        &'a self,
        loaded: &'a Loaded,
    ) -> impl Iterator<Item = (usize, Entry<'a>)> + 'a {
        self.ids.iter().enumerate().map(|(n, id)| {
            let entry = match loaded.index.source(id) {
                Some(s) => {
                    let source = &loaded.dossier.sources[s];
                    Entry {
                        title: &source.title,
                        facts: source.facts(),
                        url: source.url.as_deref(),
                        note: source.note.as_deref().map(str::trim),
                    }
                }
                None => Entry {
                    title: id,
                    facts: "not among the dossier's sources".to_string(),
                    url: None,
                    note: None,
                },
            };
            (n + 1, entry)
        })
    }

    pub(super) fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// What the bibliography says about one source.
pub(super) struct Entry<'a> {
    pub(crate) title: &'a str,
    /// "news-report · Publisher · 2025-12-03".
    pub(crate) facts: String,
    pub(crate) url: Option<&'a str>,
    pub(crate) note: Option<&'a str>,
}

/// The number in a note marker such as " [2]".
pub(super) fn note_number(text: &str) -> Option<usize> {
    let inner = text.trim().strip_prefix('[')?.strip_suffix(']')?;
    inner.parse().ok()
}

/// " [2]" with the export's number for the detail's note marker `text`, or `None` if
/// `text` is no note marker.
pub(super) fn renumbered(text: &str, numbers: &[usize]) -> Option<String> {
    let n = note_number(text)?;
    let global = numbers.get(n.checked_sub(1)?)?;
    Some(format!(" [{global}]"))
}

/// "[1], [3]": the numbers an entity cites, in order.
pub(super) fn marks(numbers: &[usize]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let marks: Vec<String> = sorted.iter().map(|n| format!("[{n}]")).collect();
    marks.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_first_citation_and_notes_are_renumbered() {
        let mut bib = Bibliography::default();
        assert_eq!(bib.number("b"), 1);
        assert_eq!(bib.number("a"), 2);
        assert_eq!(bib.number("b"), 1);
        assert_eq!(note_number(" [2]"), Some(2));
        assert_eq!(note_number("[x]"), None);
        assert_eq!(renumbered(" [1]", &[7, 3]).as_deref(), Some(" [7]"));
        assert_eq!(renumbered(" [3]", &[7, 3]), None);
        assert_eq!(marks(&[3, 1, 3]), "[1], [3]");
    }
}
