//! One integration-test binary for the tests added from the reliability issue on (the
//! architecture issue moves the older `tests/*.rs` here too): one link instead of one per
//! file. Each module is one subject.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;
mod filter_bounds;
#[path = "../pty/mod.rs"]
mod pty;
