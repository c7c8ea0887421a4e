//! The index cache (issue #30): what talks made of a dossier's content, kept in
//! `$XDG_CACHE_HOME/talks/` (else `~/.cache/talks/`) so that the next open of the same
//! content can skip the work. This is the store: files named and checked by the content
//! they were made from ([`ContentKey`]), read only when they are talks' own (see
//! `fsio::read_own`), checked whole before use ([`layout`]), written through `fsio`, and
//! kept under a total size, the oldest removed first. What goes in a payload is the
//! caller's.
//!
//! Never stale: a file is found by the hash of the content and read only if its header
//! names the same content, this version of talks and this layout, and its checksum holds.
//! Anything else is a miss that says why, never an error and never a wrong result.

pub mod layout;

use std::path::PathBuf;

use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::fsio::{self, Expect, Target};

/// Dossiers smaller than this are read faster than a cache file would be: not cached.
pub const SMALLEST_CACHED: u64 = 1_000_000;

/// The cache folder's default bound, all files together.
pub const DEFAULT_MAX_TOTAL: u64 = 2 << 30;

/// What a cache file is made from: the hash of the content's bytes, and their length.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContentKey {
    pub(crate) hash: u128,
    pub(crate) len: u64,
}

impl ContentKey {
    /// The key of one file's bytes.
    pub fn of(bytes: &[u8]) -> ContentKey {
        ContentKey {
            hash: xxh3_128(bytes),
            len: bytes.len() as u64,
        }
    }

    /// The key of several named parts (a folder dossier's files, or a dossier and the
    /// quote texts its validation read): any change of a name, of an order or of a part's
    /// bytes is another key. `len` is the parts' total, the cache file's bound.
    pub fn of_parts<'a>(parts: impl IntoIterator<Item = (&'a str, ContentKey)>) -> ContentKey {
        let mut hasher = Xxh3::new();
        let mut len: u64 = 0;
        for (name, key) in parts {
            hasher.update(&(name.len() as u64).to_le_bytes());
            hasher.update(name.as_bytes());
            hasher.update(&key.hash.to_le_bytes());
            hasher.update(&key.len.to_le_bytes());
            len = len.saturating_add(key.len);
        }
        ContentKey {
            hash: hasher.digest128(),
            len,
        }
    }

    /// The name of the cache file of this key and `kind` (what the payload holds).
    fn file_name(&self, kind: &str) -> String {
        format!("{:032x}.{kind}.cache", self.hash)
    }
}

/// Why there was nothing to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// No file for this content yet.
    Absent,
    /// A file was there and was passed over: its path and why, for a one-line notice.
    Ignored(PathBuf, String),
}

impl Miss {
    /// What happened to an ignored file, as a message goes on after "talks: "; `None`
    /// for an absent one.
    pub fn message(&self) -> Option<String> {
        match self {
            Miss::Absent => None,
            Miss::Ignored(path, why) => Some(format!(
                "the index cache {} was not used: {why}; it is made again.",
                crate::text::shown_path(path)
            )),
        }
    }

    /// [`Miss::message`] as a notice of its own (a line of the explorer's panel).
    pub fn notice(&self) -> Option<String> {
        self.message()
            .map(|message| crate::text::capitalised(&message))
    }
}

/// What the cache folder holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub folder: PathBuf,
    pub files: usize,
    pub bytes: u64,
    pub max_total: u64,
}

/// The cache folder, and the most all its files may take together.
#[derive(Debug, Clone)]
pub struct Store {
    folder: PathBuf,
    max_total: u64,
    version: String,
}

impl Store {
    /// The usual folder (`None` when neither `XDG_CACHE_HOME` nor `HOME` says where).
    pub fn usual(max_total: u64) -> Option<Store> {
        let folder = fsio::places::talks_dir(fsio::places::Base::Cache)?;
        Some(Store::at(folder, max_total))
    }

    /// A store in `folder`, for this version of talks.
    pub fn at(folder: PathBuf, max_total: u64) -> Store {
        Store {
            folder,
            max_total,
            version: env!("CARGO_PKG_VERSION").to_string(),
        }
    }

    #[cfg(test)]
    fn with_version(mut self, version: &str) -> Store {
        self.version = version.to_string();
        self
    }

    /// The cache folder.
    pub fn folder(&self) -> &std::path::Path {
        &self.folder
    }

    /// Where the cache file of `key` and `kind` is.
    pub fn path_of(&self, key: &ContentKey, kind: &str) -> PathBuf {
        self.folder.join(key.file_name(kind))
    }

    /// The payload kept for `key` and `kind`, if a whole, checked file is there.
    pub fn get(&self, key: &ContentKey, kind: &str) -> Result<Vec<u8>, Miss> {
        let path = self.path_of(key, kind);
        let max = layout::MAX_HEADER.saturating_add(key.len);
        let bytes = match fsio::read_own(&path, max) {
            Ok(bytes) => bytes,
            Err(fsio::OwnFileError::Read(fsio::ReadError::NotFound)) => return Err(Miss::Absent),
            Err(err) => return Err(Miss::Ignored(path, err.to_string())),
        };
        layout::decode(&bytes, key, &self.version)
            .map(<[u8]>::to_vec)
            .map_err(|why| Miss::Ignored(path, why))
    }

    /// Keeps `payload` for `key` and `kind`, then removes the oldest files past the bound.
    /// A payload that would make the files of this content larger than the content is not
    /// kept (the cache of a dossier, its dossier and its search engine together, is never
    /// larger than the dossier); nor is anything over a link or a file that is not talks'
    /// own.
    pub fn put(&self, key: &ContentKey, kind: &str, payload: &[u8]) -> Result<PathBuf, String> {
        let others = self.others_of(key, kind);
        if (payload.len() as u64).saturating_add(others) > key.len {
            let kept = if others == 0 {
                String::new()
            } else {
                format!(", with the {} kept already", fsio::human_bytes(others))
            };
            return Err(format!(
                "the index ({}{kept}) would be larger than the dossier ({}): not kept",
                fsio::human_bytes(payload.len() as u64),
                fsio::human_bytes(key.len)
            ));
        }
        let path = self.path_of(key, kind);
        if fsio::is_link_or_other(&path) {
            return Err(format!(
                "{} is not a file talks wrote: left alone",
                crate::text::shown_path(&path)
            ));
        }
        // Made anew, not replaced in place: a replacement keeps the old file's mode and
        // owner, and a file others could write is one the next read passes over.
        if fsio::shared_or_foreign(&path) {
            let _ = fsio::remove_own(&path);
        }
        let bytes = layout::encode(key, &self.version, payload);
        let max = layout::MAX_HEADER.saturating_add(key.len);
        let target = Target {
            create_folder: true,
            ..Target::new(&path, Expect::Anything, max)
        };
        fsio::write_with(&target, |_| Ok(bytes.clone())).map_err(|err| err.to_string())?;
        let bound = fsio::Bound {
            total_bytes: self.max_total,
            files: usize::MAX,
        };
        fsio::drop_oldest(&self.folder, is_cache_name, bound, &path);
        Ok(path)
    }

    /// The bytes of the other kinds' files of `key`.
    fn others_of(&self, key: &ContentKey, kind: &str) -> u64 {
        let own = key.file_name(kind);
        let prefix = format!("{:032x}.", key.hash);
        let sibling = |name: &str| name != own && name.starts_with(&prefix) && is_cache_name(name);
        fsio::files_named(&self.folder, sibling)
            .iter()
            .map(|(_, len)| len)
            .sum()
    }

    /// How many cache files there are, and their size.
    pub fn info(&self) -> Info {
        let (files, bytes) = fsio::files_named(&self.folder, is_cache_name)
            .iter()
            .fold((0, 0), |(n, total), (_, len)| (n + 1, total + len));
        Info {
            folder: self.folder.clone(),
            files,
            bytes,
            max_total: self.max_total,
        }
    }

    /// Removes every cache file (nothing else in the folder); how many were removed.
    pub fn clear(&self) -> Result<usize, String> {
        let mut removed = 0;
        for (path, _) in fsio::files_named(&self.folder, is_cache_name) {
            fsio::remove_own(&path).map_err(|err| {
                format!("cannot remove {}: {err}", crate::text::shown_path(&path))
            })?;
            removed += 1;
        }
        Ok(removed)
    }
}

/// `<32 hex digits>.<kind>.cache`: the names the store gives.
fn is_cache_name(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".cache") else {
        return false;
    };
    let (hash, kind) = stem.split_once('.').unwrap_or((stem, ""));
    hash.len() == 32
        && hash.bytes().all(|b| b.is_ascii_hexdigit())
        && !kind.is_empty()
        && kind.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
}

#[cfg(all(test, unix))]
mod tests;
