//! The one integration-test binary (`autotests = false` in Cargo.toml): one link instead of
//! one per file. Each module is one subject; `cargo test --test it NAME` runs the tests
//! whose path contains NAME (`cargo test --test it screens::`). Snapshots are in
//! `tests/it/snapshots/`, named `it__MODULE__NAME.snap`; proptest's saved failures in
//! `tests/proptest-regressions/MODULE.txt` (a folder holding `main.rs` is a source root to
//! it).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::disallowed_methods)]

#[path = "../common/mod.rs"]
mod common;
#[path = "../pty/mod.rs"]
mod pty;

mod append_text;
mod bad_input;
mod bounded_reads;
mod brief;
mod builtin_claims;
mod builtin_dossier;
mod builtin_report;
mod cache_reuse;
mod claims;
mod cli;
mod cli_formats;
mod cli_new;
mod cli_output;
mod cli_vocabulary;
mod config;
mod diff;
mod doc_links;
mod e2e;
mod editor;
mod empty_states;
mod engine_cache;
mod explorers_at_once;
mod export;
mod export_brief;
mod export_notes;
mod export_paste;
mod filter_bounds;
mod filter_fzf;
mod first_minute;
mod fitting;
mod folder;
mod folder_append;
mod format_spec;
mod formats;
mod formats_html;
mod git_read;
mod habits;
mod help_width;
mod history;
mod hostile;
mod init_empty;
mod init_notes;
mod json_escapes;
mod keys;
mod layering;
mod loading;
mod marks;
mod messages;
mod new_report;
mod notes;
mod notes_cli;
mod notes_git;
mod notes_reading;
mod output_schemas;
mod over_time;
mod ownership;
mod pages;
mod paste;
mod properties;
mod quotes;
mod relevance;
mod reload;
mod resume;
mod safe_write;
mod schema;
mod screen_fit;
mod screens;
mod scripts;
mod session_screens;
mod since;
mod since_everywhere;
mod since_pages;
mod since_seen;
mod sizes;
mod source_detail;
mod sources_page;
mod terminal;
mod text_properties;
mod weekly_cycle;
