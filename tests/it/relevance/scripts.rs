//! Emoji are words (docs/decisions.md "Emoji are words"), on `tests/fixtures/scripts.yaml`.

use super::rows::{ACTORS, ALL, Exactly, Row, Top};

pub(super) const SCRIPTS: &str = include_str!("../../fixtures/scripts.yaml");

#[rustfmt::skip]
pub(super) const SCRIPTS_ROWS: &[Row] = &[
    // The name that holds the emoji first, with or without its skin tone; then what holds
    // it in a position or a link.
    Row("👍🏽", ALL, Top(&["family"])),
    Row("👍", ALL, Top(&["family"])),
    Row("👍🏽", ACTORS, Exactly(&["family", "kyiv"])),
    // A flag and a ZWJ sequence whole, and a sequence by its first emoji.
    Row("🇺🇦", ALL, Exactly(&["family", "talks"])),
    Row("\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}", ALL, Top(&["family"])),
    Row("👩", ALL, Top(&["family"])),
    Row("families 👍", ALL, Top(&["family"])),
];
