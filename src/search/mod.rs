//! Query parsing and the matching engine. No terminal code lives here.
//!
//! Text is folded once (`normalise`), every entity's fields become numbered words in rank
//! order (`fields`, `document`), a query word is matched against the dossier's vocabulary
//! (`grade`, `vocab`), and documents are scored by their best match per term (`score`).

mod changed;
mod compounds;
mod dates;
mod document;
mod engine;
mod evaluate;
mod explain;
mod fields;
mod filters;
mod grade;
mod narrows;
mod normalise;
mod parallel;
mod postings;
mod query;
mod query_filters;
mod ranked;
mod score;
mod stored;
mod suggest;
mod varint;
mod vocab;
mod worker;

pub use changed::{ChangedWhat, Marked, no_comparison};
pub use dates::{DateFilter, DateTest, Span};
pub use engine::{SCORED_BYTES, SearchEngine};
pub use explain::{LineFinder, Matched};
pub use fields::Field;
pub use query::{Query, Term, TermKind, TextMatch};
pub use query_filters::{Filter, QueryError, SourceCount};
pub use ranked::{FIRST_RANKED, Hit, Ranked, Results};
pub use worker::{SearchDone, SearchRequest, SearchWorker};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_notes;
#[cfg(test)]
mod tests_scripts;
