//! `talks`: a terminal explorer for negotiation dossiers.

#![forbid(unsafe_code)]

pub mod action;
pub mod app;
pub mod cache;
pub mod changes;
pub mod cli;
pub mod clipboard;
pub mod commands;
pub mod config;
pub mod detail;
pub mod editor;
pub mod export;
pub mod format;
pub mod fsio;
pub mod generate;
pub mod keymap;
pub mod matcher;
pub mod model;
pub mod notes;
pub mod open;
pub mod query_history;
pub mod resume;
pub mod search;
pub mod seen;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod views;
pub mod watch;

/// `eprintln!` that never panics: a message to a stderr whose reader has gone (`2>&1 |
/// head`) is dropped, and the command ends as it would have.
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
