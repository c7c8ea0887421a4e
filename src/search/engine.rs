//! The matching engine: prepares a query against the vocabulary, scores the documents on
//! every core, and ranks the hits. A search can be abandoned half-way
//! (see [`SearchEngine::run`]).

use std::sync::{Arc, Mutex};

use crate::matcher::Matcher;

use super::document::{Documents, documents, stance_with_basis};
use super::filters::Named;
use super::grade::{How, WordRule, fuzzy_applies, typo_budget};
use super::postings::Postings;
use super::query::{Query, Term, TermKind, TextMatch};
use super::query_filters::Filter;
use super::ranked::{Hit, Ranked, Results};
use super::score::{Anchor, Prepared, PreparedQuery, Resolved, Table};
use super::vocab::{Vocabulary, VocabularyBuilder};
use crate::model::{Dossier, EntityKind, EntityRef, Index};
use crate::notes::Notes;

/// Text the fuzzy scorer sees of one word: longer words are not scored past this many
/// bytes, so that one huge field cannot stall a keystroke.
pub const SCORED_BYTES: usize = 1024;

/// How many words' tables are kept for the next searches.
const KEPT_TABLES: usize = 16;

/// A dossier's entities made searchable. Built once; each search reuses it.
pub struct SearchEngine {
    pub(super) docs: Documents,
    pub(super) vocabulary: Vocabulary,
    pub(super) postings: Postings,
    /// Where each kind's documents start (documents are in kind order, then dossier order).
    kind_start: [usize; EntityKind::COUNT],
    pub(super) actors: Named,
    pub(super) places: Named,
    /// The tables of the last few query words, oldest first.
    kept_tables: Mutex<Vec<Arc<Table>>>,
    pub(super) matcher: Matcher,
    /// What changed since the dossier `--since` names, for `changed:`.
    changed: std::sync::RwLock<Option<Arc<super::Marked>>>,
    /// Built with notes or stars ([`SearchEngine::has_notes`]).
    noted: bool,
}

/// Counts only: the engine's tables are too large to print.
impl std::fmt::Debug for SearchEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchEngine")
            .field("documents", &self.docs.len())
            .field("words", &self.vocabulary.len())
            .field("tokens", &self.docs.token_count())
            .field("postings", &self.postings.len())
            .finish_non_exhaustive()
    }
}

fn to_u32(lists: &[Vec<usize>]) -> Vec<Vec<u32>> {
    lists
        .iter()
        .map(|l| l.iter().map(|&i| i as u32).collect())
        .collect()
}

impl SearchEngine {
    pub fn new(dossier: &Dossier, index: &Index) -> Self {
        Self::with_notes(dossier, index, None)
    }

    /// The engine of a dossier with the analyst's notes: their words searchable below the
    /// dossier's own text, their stars and notes for `is:` and `note:`.
    pub fn with_notes(dossier: &Dossier, index: &Index, notes: Option<&Notes>) -> Self {
        let mut vocabulary = VocabularyBuilder::default();
        let docs = documents(dossier, index, notes, &mut vocabulary);
        let vocabulary = vocabulary.finish();
        let postings = Postings::build(&docs, vocabulary.len());
        let mut engine = Self::of_parts(dossier, index, (docs, vocabulary, postings));
        engine.noted = notes.is_some_and(Notes::has_notes_or_stars);
        engine
    }

    /// The engine of these documents, words and postings, with what is quick to work out
    /// again from the dossier (where each kind starts, the names of actors and places).
    pub(super) fn of_parts(
        dossier: &Dossier,
        index: &Index,
        (docs, vocabulary, postings): (Documents, Vocabulary, Postings),
    ) -> Self {
        let mut kind_start = [0; EntityKind::COUNT];
        for slot in 1..EntityKind::COUNT {
            kind_start[slot] = kind_start[slot - 1] + dossier.count(EntityKind::ALL[slot - 1]);
        }
        let actor_names = dossier.actors.iter().map(|a| {
            let others =
                std::iter::once(a.name.as_str()).chain(a.aliases.iter().map(String::as_str));
            (a.id.as_str(), others.collect())
        });
        let place_names = dossier
            .places
            .iter()
            .map(|p| (p.id.as_str(), vec![p.name.as_str()]));
        SearchEngine {
            postings,
            vocabulary,
            actors: Named::new(actor_names, to_u32(&index.represented_by)),
            places: Named::new(place_names, to_u32(&index.place_parts)),
            kept_tables: Mutex::new(Vec::new()),
            docs,
            kind_start,
            matcher: Matcher::limited_to(SCORED_BYTES),
            changed: std::sync::RwLock::new(None),
            noted: false,
        }
    }

    /// Whether the analyst's notes or stars went into this engine (it is then never kept
    /// in the index cache, which holds the dossier's own words only).
    pub fn has_notes(&self) -> bool {
        self.noted
    }

    /// What `changed:` finds from now on (`None`: nothing, there is no older version).
    pub fn set_changed(&self, marked: Option<Arc<super::Marked>>) {
        if let Ok(mut changed) = self.changed.write() {
            *changed = marked;
        }
    }

    /// Whether `changed:` has a comparison to filter by ([`Self::set_changed`]).
    pub fn compares(&self) -> bool {
        self.changed.read().is_ok_and(|c| c.is_some())
    }

    /// Every entity that matches `query`, ranked.
    pub fn search(&self, query: &Query) -> Results {
        self.run(query, None, &|| false).unwrap_or_default()
    }

    /// Like [`SearchEngine::search`], scoring only what `previous` found: for a query that
    /// [`SearchEngine::narrows`] the one `previous` answered.
    pub fn search_within(&self, query: &Query, previous: &Results) -> Results {
        self.run(query, previous.docs().map(|d| &d[..]), &|| false)
            .unwrap_or_default()
    }

    /// Scores the documents numbered in `within` (all when `None`) on every core. Gives
    /// `None` as soon as `cancelled` says so (it is asked every few thousand items).
    pub fn run(
        &self,
        query: &Query,
        within: Option<&[u32]>,
        cancelled: &(dyn Fn() -> bool + Sync),
    ) -> Option<Results> {
        if query.is_empty() && within.is_none() {
            return Some(self.everything());
        }
        let prepared = self.prepare(query);
        if cancelled() {
            return None;
        }
        let scored = self.evaluate(&prepared, within, cancelled)?;
        let mut lists: [Vec<Hit>; EntityKind::COUNT] = Default::default();
        for &(doc, score) in &scored {
            let entity = self.entity(doc);
            lists[entity.kind.slot()].push(Hit {
                index: entity.index,
                score,
            });
        }
        let suggestions = if scored.is_empty() {
            self.suggest(query)
        } else {
            Vec::new()
        };
        let docs = scored.iter().map(|&(doc, _)| doc as u32).collect();
        let results = Results::new(lists.map(Ranked::new), Some(docs));
        let results = results.with_claim_sources(query.claim_sources());
        Some(results.with_suggestions(suggestions))
    }

    /// The entity of document `doc`.
    pub(super) fn entity(&self, doc: usize) -> EntityRef {
        let slot = self.kind_start.iter().rposition(|&s| s <= doc).unwrap_or(0);
        EntityRef::new(EntityKind::ALL[slot], doc - self.kind_start[slot])
    }

    /// The document of `entity`, if the engine has it.
    pub(super) fn doc_of(&self, entity: EntityRef) -> Option<usize> {
        let doc = self.kind_start[entity.kind.slot()] + entity.index;
        (doc < self.docs.len() && self.entity(doc) == entity).then_some(doc)
    }

    /// Every entity, in dossier order (the empty query).
    fn everything(&self) -> Results {
        let mut lists: [Vec<Hit>; EntityKind::COUNT] = Default::default();
        for doc in 0..self.docs.len() {
            let entity = self.entity(doc);
            lists[entity.kind.slot()].push(Hit {
                index: entity.index,
                score: 0,
            });
        }
        Results::new(lists.map(Ranked::in_order), None)
    }

    /// The query's terms with their words' tables and their filters' values resolved.
    /// A term's compounds ([`SearchEngine::compounds`]) are alternatives in its group.
    pub(crate) fn prepare(&self, query: &Query) -> PreparedQuery {
        let basis = required_basis(query);
        let mut compounds = self.compounds(query).into_iter();
        query
            .groups
            .iter()
            .map(|group| {
                let mut prepared: Vec<(bool, Prepared)> = Vec::new();
                let mut others = Vec::new();
                for term in group {
                    prepared.push((term.negated, self.prepare_term(term, basis)));
                    others.extend(compounds.next().unwrap_or_default());
                }
                prepared.extend(others.iter().map(|rules| {
                    let tables = rules.iter().map(|r| self.table(r)).collect();
                    let anchor = Anchor::Anywhere;
                    (false, Prepared::Text { tables, anchor })
                }));
                prepared
            })
            .collect()
    }

    /// `basis` is the basis the whole query requires, if any: a stance filter then asks
    /// for a position held with that stance on that basis.
    fn prepare_term(&self, term: &Term, basis: Option<&str>) -> Prepared {
        let filter = match &term.kind {
            TermKind::Text(text) => {
                let anchor = match text {
                    TextMatch::Prefix(_) => Anchor::Start,
                    TextMatch::Suffix(_) => Anchor::End,
                    _ => Anchor::Anywhere,
                };
                let tables = self.rules(term).iter().map(|r| self.table(r)).collect();
                return Prepared::Text { tables, anchor };
            }
            TermKind::Filter(filter) => filter,
        };
        let label = |text: &str| self.docs.label(text);
        Prepared::Filter(match filter {
            Filter::Kind(kind) => Resolved::Kind(*kind),
            Filter::Status(s) => Resolved::Status(label(s)),
            Filter::Topic(t) => Resolved::Topic(label(t)),
            Filter::Stance(s) => match basis {
                Some(basis) => Resolved::Stance(label(&stance_with_basis(s, basis))),
                None => Resolved::Stance(label(s)),
            },
            Filter::Basis(b) => Resolved::Basis(label(b)),
            Filter::Changed(what) => {
                let marked = self.changed.read().ok().and_then(|c| c.clone());
                Resolved::Changed(*what, marked)
            }
            Filter::Actor(words) => Resolved::Actors(self.actors.resolve(words, &self.matcher)),
            Filter::Place(words) => Resolved::Places(self.places.resolve(words, &self.matcher)),
            Filter::Date(date) => Resolved::Date(*date),
            Filter::Is(what) => Resolved::Is(*what),
            Filter::Note(words) => Resolved::Note(words.clone()),
            Filter::Sources(count) => Resolved::Sources(*count),
        })
    }

    /// How each word of a text term may match. Typos (from four letters) and fuzzy matches
    /// are allowed for a word that is not a dossier word and starts none: a word spelt as
    /// the dossier spells it means that word ("nato" never finds "national"), or another
    /// spelling of the name it is a word of ([`WordRule::alike`]). Every word takes typos
    /// in a prefix, as the last one does while it is typed, so that what a word matched
    /// while it was typed it keeps when the next is typed (docs/decisions.md "Search
    /// semantics").
    pub(crate) fn rules(&self, term: &Term) -> Vec<WordRule> {
        let TermKind::Text(text) = &term.kind else {
            return Vec::new();
        };
        let words = text.words();
        let last = words.len().saturating_sub(1);
        let rule = |(i, word): (usize, &String)| {
            let how = match text {
                TextMatch::Words(_) if term.negated => How::StartsWith,
                TextMatch::Words(_) => {
                    let known = self.vocabulary.starts_a_word(word);
                    let budget = typo_budget(word.chars().count());
                    let how = How::Any {
                        prefix_typos: true,
                        max_typos: if known { 0 } else { budget },
                        fuzzy: !known && fuzzy_applies(word),
                    };
                    let mut rule = WordRule::new(word, how);
                    if known {
                        rule.alike = self.actors.alike(word, budget);
                        rule.alike.extend(self.places.alike(word, budget));
                    }
                    return rule;
                }
                TextMatch::Exact(_) => How::Exact,
                TextMatch::Prefix(_) if i == last => How::StartsWith,
                TextMatch::Suffix(_) if i == 0 => How::EndsWith,
                TextMatch::Prefix(_) | TextMatch::Suffix(_) => How::Exact,
            };
            WordRule::new(word, how)
        };
        words.iter().enumerate().map(rule).collect()
    }

    /// The table of a word's rule: a kept one, or worked out now and kept.
    fn table(&self, rule: &WordRule) -> Arc<Table> {
        if let Ok(kept) = self.kept_tables.lock()
            && let Some(table) = kept.iter().find(|t| t.rule == *rule)
        {
            return Arc::clone(table);
        }
        let (words, grades): (Vec<u32>, Vec<u32>) = self
            .vocabulary
            .table(rule, &self.matcher)
            .into_iter()
            .unzip();
        let postings = words.iter().map(|&w| self.postings.count(w)).sum();
        let table = Arc::new(Table {
            rule: rule.clone(),
            words,
            grades,
            postings,
        });
        if let Ok(mut kept) = self.kept_tables.lock() {
            kept.retain(|t| t.rule != *rule);
            kept.push(Arc::clone(&table));
            if kept.len() > KEPT_TABLES {
                kept.remove(0);
            }
        }
        table
    }
}

/// The basis every result must have: a `basis:` filter that is a group of its own and not
/// negated (`stance:opposes basis:inferred` then means one position, inferred, opposing).
fn required_basis(query: &Query) -> Option<&str> {
    let mut required = query
        .groups
        .iter()
        .filter_map(|group| match group.as_slice() {
            [term] if !term.negated => match &term.kind {
                TermKind::Filter(Filter::Basis(b)) => Some(b.as_str()),
                _ => None,
            },
            _ => None,
        });
    let first = required.next()?;
    // Two different bases (`basis:stated basis:inferred`): no one position has both, so
    // each filter stands alone, whatever their order.
    required.all(|b| b == first).then_some(first)
}
