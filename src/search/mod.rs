//! Query parsing and the matching engine. No terminal code lives here.

mod document;
mod engine;
mod query;

pub use engine::{Hit, Results, SearchEngine};
pub use query::{Filter, Query, QueryError, Term, TermKind, TextMatch};

#[cfg(test)]
mod tests;
