//! Where each dossier was left ([`Place`]), so that it opens there again: one file,
//! `$XDG_STATE_HOME/talks/places.json` (else `~/.local/state/talks/places.json`), keyed as
//! "since you last looked" keys dossiers (the full path; the built-in one has its own
//! key; standard input has none). Read through the bounded open at the start; written
//! through `fsio` on quit and on Ctrl-Z only, merged with what another talks wrote, the
//! last [`KEEP`] dossiers kept. A file that cannot be read or understood is passed over
//! quietly (the dossier opens at the top) and written anew: it only saves a few keys.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::app::resume::Place;
use crate::fsio::{self, Expect, Now, Stamp, Target};
use crate::seen::SeenKey;

/// The file's name in talks' state folder.
pub const FILE: &str = "places.json";

/// The largest file read: [`KEEP`] places fit many times over.
pub const MAX_BYTES: u64 = 1 << 20;

/// How many dossiers' places are kept: the most recently left.
pub const KEEP: usize = 200;

/// One dossier's place in the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    key: String,
    #[serde(flatten)]
    place: Place,
}

/// The file: the places, the least recently left first.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Places {
    version: u32,
    dossiers: Vec<Entry>,
}

/// Where this dossier's place is kept, and the file as it was read.
#[derive(Debug, Clone)]
pub struct Resume {
    path: PathBuf,
    key: String,
    read: Option<Stamp>,
    entries: Vec<Entry>,
}

/// This dossier's place (`None`: the built-in one), and where to keep it; nothing for
/// standard input or when there is no state folder.
pub fn open(dossier: Option<&Path>) -> (Option<Place>, Option<Resume>) {
    match crate::fsio::places::talks_dir(crate::fsio::places::Base::State) {
        Some(talks) => open_in(&talks, dossier),
        None => (None, None),
    }
}

/// [`open`] with talks' state folder `talks`.
pub fn open_in(talks: &Path, dossier: Option<&Path>) -> (Option<Place>, Option<Resume>) {
    let Some(key) = SeenKey::of(dossier) else {
        return (None, None);
    };
    let path = talks.join(FILE);
    let (entries, read) = match fsio::read_if_exists(&path, MAX_BYTES) {
        Ok(Some(file)) => (parse(&file.bytes), Some(file.stamp)),
        // None yet, or unreadable: the next write makes it anew.
        Ok(None) | Err(_) => (Vec::new(), None),
    };
    let key = key.as_str().to_string();
    let place = entries
        .iter()
        .find(|e| e.key == key)
        .map(|e| e.place.clone());
    let resume = Resume {
        path,
        key,
        read,
        entries,
    };
    (place, Some(resume))
}

fn parse(bytes: &[u8]) -> Vec<Entry> {
    serde_json::from_slice::<Places>(bytes)
        .map(|places| places.dossiers)
        .unwrap_or_default()
}

impl Resume {
    /// Where the place of `dossier` is kept, in the same file: after `o` copied the
    /// built-in dossier, the place belongs to the copy. `None` for standard input.
    pub fn of_dossier(&self, dossier: Option<&Path>) -> Option<Resume> {
        let key = SeenKey::of(dossier)?;
        Some(Resume {
            key: key.as_str().to_string(),
            ..self.clone()
        })
    }

    /// Keeps `place` as this dossier's, after what another talks wrote meanwhile; why not,
    /// if it could not be written.
    pub fn save(&self, place: &Place) -> Result<(), String> {
        let target = Target {
            create_folder: true,
            lock_wait: crate::notes::file::EXPLORER_LOCK_WAIT,
            ..Target::new(&self.path, Expect::AsRead(self.read), MAX_BYTES)
        };
        fsio::write_with(&target, |now| {
            let mut entries = match now {
                Now::AsExpected => self.entries.clone(),
                Now::Changed(Some(bytes)) => parse(bytes),
                Now::Changed(None) => Vec::new(),
            };
            entries.retain(|e| e.key != self.key);
            entries.push(Entry {
                key: self.key.clone(),
                place: place.clone(),
            });
            let start = entries.len().saturating_sub(KEEP);
            let places = Places {
                version: 1,
                dossiers: entries.split_off(start),
            };
            let mut text = serde_json::to_string_pretty(&places).map_err(|e| e.to_string())?;
            text.push('\n');
            Ok(text.into_bytes())
        })
        .map(|_| ())
        .map_err(|err| err.to_string())
    }
}
