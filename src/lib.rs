//! `talks`: a terminal explorer for negotiation dossiers.

#![forbid(unsafe_code)]

pub mod model;
pub mod text;
