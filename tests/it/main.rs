//! One integration-test binary for the tests added from the reliability issue on (the
//! architecture issue moves the older `tests/*.rs` here too): one link instead of one per
//! file. Each module is one subject.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(clippy::disallowed_methods)]

#[path = "../common/mod.rs"]
mod common;
#[path = "../pty/mod.rs"]
mod pty;

mod append_text;
mod bounded_reads;
mod explorers_at_once;
mod filter_bounds;
mod folder_append;
mod git_read;
mod json_escapes;
mod layering;
mod messages;
mod notes_git;
mod notes_reading;
mod ownership;
mod paste;
mod safe_write;
