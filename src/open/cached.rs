//! The second open of an unchanged dossier file (issue #30): the parsed, validated dossier
//! and its warnings kept in the index cache (`crate::cache`), found by the hash of the
//! file's bytes as read and the name it is shown by, so that YAML reading and validation
//! are skipped. The cross-reference index is built again (it is quick). A cache file is
//! written on a thread of its own after the read, never before the caller has its dossier;
//! `finish_writes` waits for those threads before the program ends.
//!
//! Never stale: the bytes are read every time and hashed; any change of a byte, of the
//! length, of the name or of talks' version is another key.

use std::path::Path;
use std::sync::{Mutex, OnceLock};
use std::thread::JoinHandle;

use serde::{Deserialize, Serialize};

use crate::cache::{ContentKey, Miss, SMALLEST_CACHED, Store};
use crate::model::{self, Diagnostic, Dossier, Index, LoadError, Loaded};

/// What a payload of this kind holds: the JSON of [`Kept`], LZ4-compressed after its
/// length (four bytes, little-endian).
const KIND: &str = "dossier";

/// The JSON of a dossier is at most this many times its YAML (a larger stated length is a
/// damaged file, not a reason to allocate).
const MOST_JSON_PER_BYTE: usize = 4;

/// How this run uses the cache, set once at its start.
struct Setting {
    store: Store,
    /// `--no-cache` or the config's `cache = false` turn it off.
    enabled: bool,
    /// The explorer gathers notices for its start; a command says them on stderr.
    say_notices: bool,
}

static SETTING: OnceLock<Setting> = OnceLock::new();
static WRITES: Mutex<Vec<JoinHandle<()>>> = Mutex::new(Vec::new());
/// Writes not started yet: the dossier's, held until its search engine is ready (on two
/// cores, writing it meanwhile would slow the engine's build, which the reader waits for).
static PENDING: Mutex<Vec<Job>> = Mutex::new(Vec::new());

type Job = Box<dyn FnOnce() + Send>;
static NOTICES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// Sets the cache this run uses (`enabled`: read and written); without a call, none is.
pub fn use_cache(store: Store, enabled: bool, say_notices: bool) {
    let _ = SETTING.set(Setting {
        store,
        enabled,
        say_notices,
    });
}

/// The store this run was given, used or not (for `talks cache info|clear`), and whether
/// it is used.
pub fn cache_store() -> Option<(&'static Store, bool)> {
    SETTING
        .get()
        .map(|setting| (&setting.store, setting.enabled))
}

/// Starts the cache writes held back until now (see [`PENDING`]).
pub(super) fn start_pending_writes() {
    let pending = match PENDING.lock() {
        Ok(mut pending) => std::mem::take(&mut *pending),
        Err(_) => return,
    };
    let started = pending.into_iter().map(std::thread::spawn);
    if let Ok(mut writes) = WRITES.lock() {
        writes.extend(started);
    }
}

/// Waits for the cache files still being written (starting those held back).
pub fn finish_writes() {
    start_pending_writes();
    let writes = match WRITES.lock() {
        Ok(mut writes) => std::mem::take(&mut *writes),
        Err(_) => return,
    };
    for write in writes {
        let _ = write.join();
    }
}

/// The notices of cache files passed over since the last call (the explorer's).
pub fn take_notices() -> Vec<String> {
    NOTICES
        .lock()
        .map(|mut notices| std::mem::take(&mut *notices))
        .unwrap_or_default()
}

/// What a cache file keeps of a dossier.
#[derive(Serialize)]
struct KeptRef<'a> {
    dossier: &'a Dossier,
    warnings: &'a [Diagnostic],
    unlisted_warnings: usize,
}

#[derive(Deserialize)]
struct Kept {
    dossier: Dossier,
    warnings: Vec<Diagnostic>,
    unlisted_warnings: usize,
}

/// Reads the dossier file at `path` (not a folder), from the cache when it holds this
/// content, else read and validated, then kept in the cache in the background.
pub(super) fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    let name = crate::text::shown_path(path);
    let bytes = model::read_path(path)?;
    let Some(store) = used_store().filter(|_| bytes.len() as u64 >= SMALLEST_CACHED) else {
        return model::load_bytes(&name, bytes);
    };
    let key = ContentKey::of_parts([(name.as_str(), ContentKey::of(&bytes))]);
    match store.get(&key, KIND) {
        Ok(payload) => match from_payload(&name, &payload, bytes.len()) {
            Ok(loaded) => {
                debug("used");
                return Ok(Loaded {
                    cache_key: Some(key),
                    ..loaded
                });
            }
            Err(why) => {
                let path = store.path_of(&key, KIND);
                passed_over(&Miss::Ignored(path, why), "");
            }
        },
        Err(miss) => passed_over(&miss, ""),
    }
    let mut loaded = model::load_bytes(&name, bytes)?;
    write_later(store.clone(), key, &loaded);
    loaded.cache_key = Some(key);
    Ok(loaded)
}

/// The store, when this run reads and writes the cache.
pub(super) fn used_store() -> Option<&'static Store> {
    cache_store().and_then(|(store, enabled)| enabled.then_some(store))
}

fn from_payload(name: &str, payload: &[u8], dossier_len: usize) -> Result<Loaded, String> {
    let stated = payload
        .get(..4)
        .and_then(|len| <[u8; 4]>::try_from(len).ok())
        .map_or(usize::MAX, |len| u32::from_le_bytes(len) as usize);
    if stated > dossier_len.saturating_mul(MOST_JSON_PER_BYTE) {
        return Err("its stated size is not one talks writes".to_string());
    }
    let json = lz4_flex::decompress_size_prepended(payload)
        .map_err(|err| format!("it does not decompress: {err}"))?;
    let kept: Kept =
        serde_json::from_slice(&json).map_err(|err| format!("its contents do not read: {err}"))?;
    let index = Index::build(&kept.dossier);
    Ok(Loaded {
        name: name.to_string(),
        dossier: kept.dossier,
        index,
        warnings: kept.warnings,
        unlisted_warnings: kept.unlisted_warnings,
        folder: None,
        cache_key: None,
    })
}

/// Says why a cache file was passed over (an absent one is not said); `what`: the kind
/// the debug line names before "ignored" (none for the dossier).
pub(super) fn passed_over(miss: &Miss, what: &str) {
    let (Some(message), Some(notice)) = (miss.message(), miss.notice()) else {
        return;
    };
    if let Miss::Ignored(_, why) = miss {
        debug(&format!("{what}ignored ({why})"));
    }
    if SETTING.get().is_some_and(|setting| setting.say_notices) {
        crate::say!("talks: {message}");
    } else if let Ok(mut notices) = NOTICES.lock() {
        notices.push(notice);
    }
}

/// Keeps `loaded` in the cache on a thread of its own, once its engine is ready (or the
/// program ends).
fn write_later(store: Store, key: ContentKey, loaded: &Loaded) {
    let dossier = loaded.dossier.clone();
    let warnings = loaded.warnings.clone();
    let unlisted_warnings = loaded.unlisted_warnings;
    let write: Job = Box::new(move || {
        let kept = KeptRef {
            dossier: &dossier,
            warnings: &warnings,
            unlisted_warnings,
        };
        let written = serde_json::to_vec(&kept)
            .map_err(|err| err.to_string())
            .and_then(|json| store.put(&key, KIND, &lz4_flex::compress_prepend_size(&json)));
        match written {
            Ok(_) => debug("written"),
            Err(why) => debug(&format!("not written ({why})")),
        }
    });
    if let Ok(mut pending) = PENDING.lock() {
        pending.push(write);
    }
}

/// Runs `job` on a thread of its own once the cache files being written (those held back
/// too) are: a second file of the same content then counts the first against the
/// content's size.
pub(super) fn write_after_the_others(job: impl FnOnce() + Send + 'static) {
    start_pending_writes();
    let Ok(mut writes) = WRITES.lock() else {
        return;
    };
    let before = std::mem::take(&mut *writes);
    writes.push(std::thread::spawn(move || {
        for write in before {
            let _ = write.join();
        }
        job();
    }));
}

/// With `TALKS_DEBUG_CACHE=1` (debug builds only), what the cache did, on stderr: for
/// the tests that must see it used.
pub(super) fn debug(what: &str) {
    if cfg!(debug_assertions) && std::env::var_os("TALKS_DEBUG_CACHE").is_some_and(|v| v == "1") {
        crate::say!("cache: {what}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The built-in dossier uses every kind of field (quotes by several speakers, sources
    /// lists, stances over time): kept and read back, it is the same dossier.
    #[test]
    fn a_kept_dossier_reads_back_the_same() {
        let loaded = model::builtin().unwrap_or_else(|e| panic!("{e}"));
        let kept = KeptRef {
            dossier: &loaded.dossier,
            warnings: &loaded.warnings,
            unlisted_warnings: loaded.unlisted_warnings,
        };
        let json = serde_json::to_vec(&kept).unwrap_or_else(|e| panic!("{e}"));
        let payload = lz4_flex::compress_prepend_size(&json);
        let again = from_payload("x", &payload, json.len()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.dossier, loaded.dossier);
        assert_eq!(again.warnings, loaded.warnings);
    }

    #[test]
    fn a_payload_that_states_too_large_a_size_is_refused_unread() {
        let payload = [0xff, 0xff, 0xff, 0x7f, 0, 0];
        let Err(why) = from_payload("x", &payload, 10) else {
            panic!("read")
        };
        assert_eq!(why, "its stated size is not one talks writes");
        let Err(why) = from_payload("x", &[1, 2], 10) else {
            panic!("read")
        };
        assert_eq!(why, "its stated size is not one talks writes");
    }
}
