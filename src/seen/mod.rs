//! "Since you last looked": per dossier, a snapshot of what it said when the user last
//! caught up (`C`), kept in `$XDG_STATE_HOME/talks/seen/` (else
//! `~/.local/state/talks/seen/`), one file per dossier key. A snapshot is the merged
//! dossier as JSON under a few comment lines (which dossier, when), so that the model's
//! own reader loads it back as a dossier and `--since` compares with it like any older
//! version. All snapshots together are bounded; the oldest are dropped first.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::fsio::{self, Expect, Target};
use crate::model::{Loaded, load_str};

mod taken;

pub use taken::Taken;

#[cfg(test)]
mod tests;

/// The largest snapshot of one dossier: a dossier whose snapshot would be larger is not
/// remembered (the overview says so).
pub const MAX_SNAPSHOT_BYTES: u64 = 32 << 20;
/// All snapshots together; past it the oldest are removed.
pub const MAX_TOTAL_BYTES: u64 = 128 << 20;
/// The first line of every snapshot talks writes.
const FIRST_LINE: &str = "# talks snapshot 1: what this dossier said when you last caught up";
const KEY_LINE: &str = "# key: ";
const TAKEN_LINE: &str = "# taken: ";
/// How long a write waits for another explorer's lock: a key press never hangs on it.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// Which dossier a snapshot is of: its canonical path, or the built-in dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeenKey(String);

impl SeenKey {
    /// The key of the dossier at `dossier` (`None`: the built-in one). Standard input has
    /// none, nor has a path that cannot be resolved.
    pub fn of(dossier: Option<&Path>) -> Option<SeenKey> {
        match dossier {
            None => Some(SeenKey("built-in:data/talks.yaml".into())),
            Some(path) if path.as_os_str() == "-" => None,
            Some(path) => std::fs::canonicalize(path)
                .ok()
                .map(|full| SeenKey(full.to_string_lossy().into_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A stable hash of the key (FNV-1a) in hex, for a file name that any path fits.
    pub fn stable_hash(&self) -> String {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in self.0.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{hash:016x}")
    }

    /// The snapshot's file name.
    fn file_name(&self) -> String {
        format!("{}.yaml", self.stable_hash())
    }
}

/// What the store holds for a dossier.
#[derive(Debug)]
pub enum Looked {
    /// No snapshot yet: the first look.
    Never,
    /// The dossier as it was when the user last caught up.
    Seen(Box<Snapshot>),
    /// A file that is not a snapshot of this dossier, or does not load: why (it names
    /// the file). It is replaced by the next snapshot.
    Unusable(String),
}

/// A snapshot read back: the dossier it holds, and when it was taken.
#[derive(Debug)]
pub struct Snapshot {
    pub loaded: Loaded,
    pub taken: Taken,
}

/// Why a snapshot was not written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotRecorded {
    /// The dossier's snapshot would be larger than this.
    TooBig(u64),
    /// The write failed: why.
    Failed(String),
}

impl std::fmt::Display for NotRecorded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotRecorded::TooBig(most) => write!(
                f,
                "the dossier is too big to remember (its snapshot would be over {})",
                fsio::human_bytes(*most)
            ),
            NotRecorded::Failed(why) => f.write_str(why),
        }
    }
}

/// The folder of snapshots and its bounds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    folder: PathBuf,
    max_each: u64,
    max_total: u64,
}

impl Store {
    /// The snapshots' usual place; `None` when neither `XDG_STATE_HOME` nor `HOME` says.
    pub fn default_place() -> Option<Store> {
        let talks = crate::fsio::places::talks_dir(crate::fsio::places::Base::State)?;
        Some(Store::at(
            talks.join("seen"),
            MAX_SNAPSHOT_BYTES,
            MAX_TOTAL_BYTES,
        ))
    }

    /// A store in `folder`: each snapshot at most `max_each` bytes, all at most `max_total`.
    pub fn at(folder: PathBuf, max_each: u64, max_total: u64) -> Store {
        Store {
            folder,
            max_each,
            max_total: max_total.max(max_each),
        }
    }

    /// Where the snapshot of `key` is kept.
    pub fn path_of(&self, key: &SeenKey) -> PathBuf {
        self.folder.join(key.file_name())
    }

    /// The snapshot of `key`, if there is one that talks can use.
    pub fn read(&self, key: &SeenKey) -> Looked {
        let path = self.path_of(key);
        let shown = crate::text::shown_path(&path);
        let unusable = |why: String| {
            Looked::Unusable(format!(
                "{shown}: {why}; it is ignored, and replaced when you next catch up"
            ))
        };
        let file = match fsio::read_if_exists(&path, self.max_each) {
            Ok(None) => return Looked::Never,
            Ok(Some(file)) => file,
            Err(err) => return unusable(format!("cannot read the snapshot: {err}")),
        };
        let Ok(text) = String::from_utf8(file.bytes) else {
            return unusable("not a snapshot talks wrote (not UTF-8 text)".into());
        };
        let (taken, body) = match header(&text, key) {
            Ok(parts) => parts,
            Err(why) => return unusable(why),
        };
        match load_str(&taken.label(), body) {
            Ok(loaded) => Looked::Seen(Box::new(Snapshot { loaded, taken })),
            Err(err) => unusable(format!(
                "the snapshot does not load as a dossier ({} problem{})",
                err.error_count(),
                if err.error_count() == 1 { "" } else { "s" }
            )),
        }
    }

    /// Writes what `loaded` says now as the snapshot of `key`, taken at `now`, then drops
    /// the oldest snapshots past the store's bound. Another explorer writing the same
    /// snapshot meanwhile waits for the lock; the later write wins whole.
    pub fn record(
        &self,
        key: &SeenKey,
        loaded: &Loaded,
        now: SystemTime,
    ) -> Result<Taken, NotRecorded> {
        let taken = Taken::at(now);
        let text = render(key, &taken, loaded, self.max_each)?;
        let path = self.path_of(key);
        let target = Target {
            create_folder: true,
            lock_wait: LOCK_WAIT,
            ..Target::new(&path, Expect::Anything, self.max_each)
        };
        fsio::write_with(&target, |_| Ok(text.clone().into_bytes()))
            .map_err(|err| NotRecorded::Failed(err.to_string()))?;
        self.drop_oldest(&path);
        Ok(taken)
    }

    /// Removes the oldest snapshots (never `keep`) until all together fit the bound. A
    /// file that cannot be removed is left; the next snapshot tries again.
    fn drop_oldest(&self, keep: &Path) {
        let bound = fsio::Bound {
            total_bytes: self.max_total,
            files: usize::MAX,
        };
        fsio::drop_oldest(&self.folder, is_snapshot_name, bound, keep);
    }
}

/// The format number of a first line that says "talks snapshot N" of another N.
fn other_format(first: &str) -> Option<u32> {
    let rest = first.strip_prefix("# talks snapshot ")?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|&n| n != 1)
}

/// `0123456789abcdef.yaml`: a name the store gives (nothing else in the folder is touched).
fn is_snapshot_name(name: &str) -> bool {
    name.strip_suffix(".yaml")
        .is_some_and(|hex| hex.len() == 16 && hex.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// When the snapshot in `text` was taken and its dossier, if `text` is a snapshot of `key`.
fn header<'a>(text: &'a str, key: &SeenKey) -> Result<(Taken, &'a str), String> {
    let foreign = || "not a snapshot talks wrote".to_string();
    let mut lines = text.splitn(4, '\n');
    let first = lines.next().unwrap_or("");
    if first != FIRST_LINE {
        return Err(match other_format(first) {
            Some(format) => format!(
                "written by another version of talks (snapshot format {format}; this talks \
                 reads format 1)"
            ),
            None => foreign(),
        });
    }
    let written_key = lines
        .next()
        .and_then(|l| l.strip_prefix(KEY_LINE))
        .and_then(|quoted| serde_json::from_str::<String>(quoted).ok())
        .ok_or_else(foreign)?;
    if written_key != key.0 {
        return Err("the snapshot of another dossier (its name's hash is the same)".into());
    }
    let taken = lines
        .next()
        .and_then(|l| l.strip_prefix(TAKEN_LINE))
        .and_then(Taken::parse)
        .ok_or_else(foreign)?;
    Ok((taken, lines.next().unwrap_or("")))
}

/// The snapshot's text, or [`NotRecorded::TooBig`] as soon as it would pass `max` bytes.
fn render(key: &SeenKey, taken: &Taken, loaded: &Loaded, max: u64) -> Result<String, NotRecorded> {
    let key_json = serde_json::to_string(&key.0).map_err(|e| NotRecorded::Failed(e.to_string()))?;
    let head = format!(
        "{FIRST_LINE}\n{KEY_LINE}{key_json}\n{TAKEN_LINE}{}\n",
        taken.as_str()
    );
    let mut out = Bounded {
        bytes: head.into_bytes(),
        max: usize::try_from(max).unwrap_or(usize::MAX),
    };
    if let Err(err) = serde_json::to_writer(&mut out, &loaded.dossier) {
        return Err(if out.bytes.len() >= out.max {
            NotRecorded::TooBig(max)
        } else {
            NotRecorded::Failed(err.to_string())
        });
    }
    out.bytes.push(b'\n');
    if out.bytes.len() > out.max {
        return Err(NotRecorded::TooBig(max));
    }
    String::from_utf8(out.bytes).map_err(|e| NotRecorded::Failed(e.to_string()))
}

/// A buffer that refuses to grow past `max`.
struct Bounded {
    bytes: Vec<u8>,
    max: usize,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.max {
            self.bytes.resize(self.max, 0);
            return Err(std::io::Error::other("too big"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
