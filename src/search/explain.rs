//! Why an entity matched: the field that holds its best match and where the query's words
//! are in it, worked out for the rows shown only. Reads the entity through the same
//! `fields_of` the index was built from, and grades words by the same rules.

use std::ops::Range;

use super::engine::SearchEngine;
use super::fields::{Field, fields_of};
use super::grade::WordRule;
use super::normalise::{Word, words};
use super::query::{Query, TermKind};
use super::score::match_score;
use crate::model::{Dossier, EntityRef, Index};

/// Where an entity's best match is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    pub(crate) field: Field,
    /// The field's text as written in the dossier.
    pub(crate) text: String,
    /// The query's hits in `text`, as char ranges, in order.
    pub(crate) hits: Vec<Range<usize>>,
}

/// The hits of a term's words in one field's words: (score, char range) of each.
fn term_hits(
    field: Field,
    found: &[Word],
    rules: &[WordRule],
    engine: &SearchEngine,
) -> Vec<(i64, Range<usize>)> {
    if rules.is_empty() || found.len() < rules.len() {
        return Vec::new();
    }
    let short = field.is_short();
    let mut hits = Vec::new();
    for (at, window) in found.windows(rules.len()).enumerate() {
        let grade = window
            .iter()
            .zip(rules)
            .map(|(word, rule)| rule.grades(&word.text, &engine.matcher).in_field(short))
            .min()
            .unwrap_or(0);
        if grade > 0 {
            let range = found[at].start..found[at + rules.len() - 1].end;
            hits.push((match_score(field, grade, found.len()), range));
        }
    }
    hits
}

/// The hits of a term in one field's words, by each of its ways to match.
fn term_ways_hits(
    field: Field,
    found: &[Word],
    ways: &[Vec<WordRule>],
    engine: &SearchEngine,
) -> Vec<(i64, Range<usize>)> {
    ways.iter()
        .flat_map(|rules| term_hits(field, found, rules, engine))
        .collect()
}

impl SearchEngine {
    /// The ways the query's positive text terms match, one list per term: its own words'
    /// rules first, then its compounds'.
    fn positive_rules(&self, query: &Query) -> Vec<Vec<Vec<WordRule>>> {
        let compounds = self.compounds(query);
        query
            .groups
            .iter()
            .flatten()
            .zip(compounds)
            .filter_map(|(term, others)| match &term.kind {
                TermKind::Text(_) if !term.negated => {
                    Some(std::iter::once(self.rules(term)).chain(others).collect())
                }
                _ => None,
            })
            .collect()
    }

    /// Where `entity` matches `query` best, or `None` when no text term finds anything (a
    /// query of filters only). The name when every term is found best there; else, outside
    /// the name, the field where the most terms match (a compound counting for each of its
    /// words), then the best match, with every term's hits in it.
    pub fn explain(
        &self,
        dossier: &Dossier,
        index: &Index,
        query: &Query,
        entity: EntityRef,
    ) -> Option<Matched> {
        let rules = self.positive_rules(query);
        if rules.is_empty() || self.doc_of(entity).is_none() {
            return None;
        }
        let mut fields: Vec<(Field, String, Vec<Word>)> = Vec::new();
        fields_of(dossier, index, entity, &mut |field, text| {
            fields.push((field, text.to_string(), words(text)));
        });
        // Per field, per term: the term's best score there.
        let scores: Vec<Vec<Option<i64>>> = fields
            .iter()
            .map(|(field, _, found)| {
                rules
                    .iter()
                    .map(|term| {
                        term_ways_hits(*field, found, term, self)
                            .into_iter()
                            .map(|h| h.0)
                            .max()
                    })
                    .collect()
            })
            .collect();
        let kinds: Vec<Field> = fields.iter().map(|f| f.0).collect();
        let chosen = chosen_field(&kinds, &scores, rules.len())?;
        let (field, text, found) = fields.swap_remove(chosen);
        let hits: Vec<Range<usize>> = rules
            .iter()
            .flat_map(|term| term_ways_hits(field, &found, term, self))
            .map(|(_, range)| range)
            .collect();
        let hits = merged(hits);
        Some(Matched { field, text, hits })
    }

    /// The characters of `entity`'s name or title that the query's terms match (char
    /// indices, for highlighting). Worked out for the rows on screen only.
    pub fn highlight(&self, dossier: &Dossier, query: &Query, entity: EntityRef) -> Vec<usize> {
        let name = dossier.name_of(entity);
        let mut lit: Vec<usize> = self
            .hits_in_field(query, Field::Name, name)
            .into_iter()
            .flatten()
            .collect();
        lit.sort_unstable();
        lit.dedup();
        lit
    }

    /// The query's hits in one line of text (char ranges, in order), graded as long text
    /// (no letters left out: the detail pane is mostly summaries and quotes): what `n` and
    /// `N` step through in the detail pane.
    pub fn hits_in(&self, query: &Query, line: &str) -> Vec<Range<usize>> {
        self.line_finder(query).hits_in(line)
    }

    /// The query's rules worked out once, for finding its hits in many lines (a frame's, or
    /// an entity's for `n`).
    pub fn line_finder(&self, query: &Query) -> LineFinder<'_> {
        LineFinder {
            engine: self,
            rules: self.positive_rules(query),
        }
    }

    fn hits_in_field(&self, query: &Query, field: Field, text: &str) -> Vec<Range<usize>> {
        self.line_finder(query).hits_in_field(field, text)
    }
}

/// Finds a query's hits in lines of text, its rules worked out once.
pub struct LineFinder<'e> {
    engine: &'e SearchEngine,
    rules: Vec<Vec<Vec<WordRule>>>,
}

impl LineFinder<'_> {
    /// The hits in one line (char ranges, in order), graded as long text.
    pub fn hits_in(&self, line: &str) -> Vec<Range<usize>> {
        self.hits_in_field(Field::Summary, line)
    }

    fn hits_in_field(&self, field: Field, text: &str) -> Vec<Range<usize>> {
        if self.rules.is_empty() {
            return Vec::new();
        }
        let found = words(text);
        let hits: Vec<Range<usize>> = self
            .rules
            .iter()
            .flat_map(|term| term_ways_hits(field, &found, term, self.engine))
            .map(|(_, range)| range)
            .collect();
        merged(hits)
    }
}

/// The field that explains a match (see `SearchEngine::explain`), by number, from each
/// field's kind and its terms' scores; `None` when no term matches anywhere.
fn chosen_field(kinds: &[Field], scores: &[Vec<Option<i64>>], terms: usize) -> Option<usize> {
    // Per term: its best (score, field number); the first field wins a tie, as in the index.
    let best: Vec<Option<(i64, usize)>> = (0..terms)
        .map(|t| {
            let scored = scores
                .iter()
                .enumerate()
                .filter_map(|(n, row)| row.get(t).copied().flatten().map(|s| (s, n)));
            scored.fold(None, |acc: Option<(i64, usize)>, (s, n)| match acc {
                Some((top, _)) if top >= s => acc,
                _ => Some((s, n)),
            })
        })
        .collect();
    let first = best.iter().flatten().next()?.1;
    if best.iter().flatten().all(|&(_, n)| kinds[n] == Field::Name) {
        return Some(first);
    }
    // The terms found best outside the name: their scores break a tie in the count (a
    // term the name explains does not make another field the better explanation).
    let outside: Vec<bool> = best
        .iter()
        .map(|b| b.is_some_and(|(_, n)| kinds[n] != Field::Name))
        .collect();
    let outside_name = scores
        .iter()
        .enumerate()
        .filter(|&(n, _)| kinds[n] != Field::Name)
        .filter_map(|(n, row)| {
            let count = row.iter().flatten().count();
            let top = row
                .iter()
                .zip(&outside)
                .filter_map(|(score, &out)| score.filter(|_| out))
                .max();
            (count > 0).then_some((count, top, std::cmp::Reverse(n)))
        })
        .max()?;
    Some(outside_name.2.0)
}

/// Hits in order, each once: a span found by several terms or ways (`cease fire` by
/// both words and their compound), or spans that overlap (bigrams), made one.
fn merged(mut hits: Vec<Range<usize>>) -> Vec<Range<usize>> {
    hits.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for hit in hits {
        match out.last_mut() {
            Some(last) if hit.start < last.end => last.end = last.end.max(hit.end),
            _ => out.push(hit),
        }
    }
    out
}

impl Matched {
    /// The text on one line of at most `width` characters around the first hit, cut with
    /// `…` where text is left out, and the hits in it (char ranges of the snippet).
    pub fn snippet(&self, width: usize) -> (String, Vec<Range<usize>>) {
        let chars: Vec<char> = self
            .text
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let width = width.max(8);
        let (first, first_end) = self.hits.first().map_or((0, 0), |h| (h.start, h.end));
        let mut start = if chars.len() <= width {
            0
        } else {
            // Some words before the hit, the whole hit (room left for two `…`).
            // (A hit wider than the room starts the snippet and is cut at its end.)
            let before = first.saturating_sub(width / 3);
            let fits = first_end.saturating_sub(width - 2);
            before.max(fits).min(first).min(chars.len() - (width - 1))
        };
        // Start at a word when cutting: back to its start if the hit still fits, else on
        // to the next one (never past the hit).
        let earliest = first_end.saturating_sub(width - 2);
        let mut back = start;
        while back > earliest && back > 0 && chars[back - 1] != ' ' {
            back -= 1;
        }
        if back == 0 || chars[back - 1] == ' ' {
            start = back;
        } else {
            while start > 0 && start < first && chars[start - 1] != ' ' {
                start += 1;
            }
        }
        let cut_front = start > 0;
        let room = width - usize::from(cut_front);
        let end = (start + room).min(chars.len());
        let cut_back = end < chars.len();
        let end = if cut_back { end - 1 } else { end };
        let mut text = String::new();
        if cut_front {
            text.push('…');
        }
        text.extend(&chars[start..end]);
        if cut_back {
            text.truncate(text.trim_end().len());
            text.push('…');
        }
        let shift = usize::from(cut_front);
        let hits = self
            .hits
            .iter()
            .filter(|h| h.end > start && h.start < end)
            .map(|h| (h.start.max(start) - start + shift)..(h.end.min(end) - start + shift))
            .collect();
        (text, hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn snippet(text: &str, hit: Range<usize>, width: usize) -> (String, Vec<Range<usize>>) {
        let matched = Matched {
            field: Field::Summary,
            text: text.into(),
            hits: vec![hit],
        };
        matched.snippet(width)
    }

    #[test]
    fn hits_are_each_said_once_in_order_and_overlaps_are_one() {
        let once: Vec<Range<usize>> = std::iter::once(21..30).collect();
        assert_eq!(merged(vec![21..30, 21..30, 21..30]), once);
        assert_eq!(merged(vec![8..12, 0..3, 2..5, 4..6]), [0..6, 8..12]);
        // Side by side is not an overlap: two words stay two hits.
        assert_eq!(merged(vec![5..9, 0..5]), [0..5, 5..9]);
        assert!(merged(Vec::new()).is_empty());
    }

    #[test]
    fn cease_fire_is_explained_with_each_span_once() {
        let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e:?}"));
        let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
        let query = Query::parse("cease fire").unwrap_or_default();
        let russia = loaded
            .index
            .get("russia")
            .unwrap_or_else(|| panic!("no russia"));
        let matched = engine
            .explain(&loaded.dossier, &loaded.index, &query, russia)
            .unwrap_or_else(|| panic!("no explanation"));
        let mut unique = matched.hits.clone();
        unique.dedup();
        assert_eq!(matched.hits, unique, "{matched:?}");
        assert!(matched.hits.windows(2).all(|w| w[0].end <= w[1].start));
    }

    /// QA of issue #27: `cease fire` explained De-escalation by "…and cease hostilities"
    /// (one term), though Russia's position there says "ceasefire" (both).
    #[test]
    fn the_field_where_most_terms_match_explains_the_match() {
        let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e:?}"));
        let engine = SearchEngine::new(&loaded.dossier, &loaded.index);
        let query = Query::parse("cease fire").unwrap_or_default();
        let point = loaded.index.get("de-escalation");
        let point = point.unwrap_or_else(|| panic!("no de-escalation"));
        let matched = engine
            .explain(&loaded.dossier, &loaded.index, &query, point)
            .unwrap_or_else(|| panic!("no explanation"));
        let lit: Vec<String> = (matched.hits.iter())
            .map(|h| matched.text.chars().skip(h.start).take(h.len()).collect())
            .collect();
        assert_eq!(lit, ["ceasefire"], "{matched:?}");
    }

    #[test]
    fn a_snippet_shows_the_whole_hit_with_words_before_it() {
        let text = "Russia's claim to control Pokrovsk, a town in Donetsk";
        let (line, hits) = snippet(text, 26..34, 20);
        assert_eq!(line, "…control Pokrovsk,…");
        let shown: String = line.chars().skip(hits[0].start).take(8).collect();
        assert_eq!(shown, "Pokrovsk");
        assert_eq!(snippet("short text", 0..5, 20).0, "short text");
        let (line, _) = snippet(text, 0..6, 12);
        assert_eq!(line, "Russia's cl…");
        // A hit wider than the snippet starts it, cut at its end, still lit.
        let (line, hits) = snippet("the transparency of it", 4..16, 10);
        assert_eq!(line, "…transpar…");
        assert_eq!(hits.len(), 1);
        assert_eq!((hits[0].start, hits[0].end), (1, 9));
    }
}
