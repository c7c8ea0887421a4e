//! The full YAML reader (serde_yaml, archived upstream) behind one file: replacing it is a
//! change to this file only. Nothing else in the library names the crate, and its error
//! stays here, wrapped in [`YamlError`].

use std::fmt;

use serde::de::{DeserializeOwned, IgnoredAny};

use super::diagnostic::Location;

/// What the full reader could not read: its message, and where.
#[derive(Debug)]
pub struct YamlError(serde_yaml::Error);

impl YamlError {
    /// Where the reader stopped (line and column as its message says them), if it says.
    pub(crate) fn location(&self) -> Option<Location> {
        self.0.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        })
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for YamlError {}

/// `text` read as a `T` by the full reader, the reading the format is defined by (YAML 1.1).
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(YamlError)
}

/// The syntax error in `text`, read as YAML of any shape (none when it is well formed).
pub(crate) fn syntax_error(text: &str) -> Option<YamlError> {
    from_str::<IgnoredAny>(text).err()
}
