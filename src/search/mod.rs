//! Query parsing and the matching engine. No terminal code lives here.

mod document;
mod engine;
mod parallel;
mod query;
mod ranked;
mod score;
mod worker;

pub use engine::{SCORED_BYTES, SearchEngine};
pub use query::{Filter, Query, QueryError, Term, TermKind, TextMatch};
pub use ranked::{FIRST_RANKED, Hit, Ranked, Results};
pub use worker::{SearchDone, SearchRequest, SearchWorker};

#[cfg(test)]
mod tests;
