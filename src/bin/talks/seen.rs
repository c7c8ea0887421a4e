//! What the explorer compares the dossier with: `--since OLD`, `--since seen`, `--since
//! none`, or the snapshot of "since you last looked" (read, or taken now on the first look).

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::SystemTime;

use talks::app::{Looking, Seen};
use talks::model::Loaded;
use talks::open::{EXIT_BAD_INPUT, NONE, SEEN, read_seen, read_version};
use talks::seen::{Looked, NotRecorded, SeenKey, Store};

/// What the command line and the config ask to compare with.
pub(crate) enum Asked {
    /// An older version, read already (`--since OLD` or `--since seen`).
    Version(Arc<Loaded>, Looking),
    /// The snapshot, once the dossier has loaded.
    Snapshot,
    /// Nothing: why.
    Off(String),
}

/// `--since` (`spec`) and the config's `since` (`enabled`) for the dossier at `dossier`
/// (`None`: the built-in one); the exit code when the older version cannot be read.
pub(crate) fn asked(
    spec: Option<&str>,
    dossier: Option<&Path>,
    enabled: bool,
) -> Result<Asked, ExitCode> {
    let from_stdin = dossier.is_some_and(|d| d.as_os_str() == "-");
    Ok(match spec {
        Some(NONE) => Asked::Off("--since none".into()),
        Some(SEEN) => match read_seen(dossier) {
            Ok(snapshot) => {
                Asked::Version(Arc::new(snapshot.loaded), Looking::Snapshot(snapshot.taken))
            }
            Err(why) => {
                talks::say!("talks: --since seen: {why}");
                return Err(ExitCode::from(EXIT_BAD_INPUT));
            }
        },
        Some(old) => match read_version(old) {
            Ok(old) => Asked::Version(Arc::new(old), Looking::Given),
            Err(code) => {
                talks::say!("talks: --since: the older version could not be read (above)");
                return Err(code);
            }
        },
        None if from_stdin => Asked::Off("standard input is read once and not remembered".into()),
        None if !enabled => Asked::Off("since = false in the config".into()),
        None => Asked::Snapshot,
    })
}

/// The older version to compare with and the snapshot's state, once the dossier has
/// loaded: on the first look at a dossier its snapshot is taken now. A snapshot that
/// cannot be used is a notice.
pub(crate) fn resolve(
    asked: Asked,
    dossier: Option<&Path>,
    loaded: &Loaded,
    notices: &mut Vec<String>,
) -> (Option<Arc<Loaded>>, Seen) {
    let place = SeenKey::of(dossier)
        .zip(Store::default_place())
        .map(|(key, store)| (store, key));
    let (since, looking) = match (asked, &place) {
        (Asked::Version(old, looking), _) => (Some(old), looking),
        (Asked::Off(why), _) => (None, Looking::Off(why)),
        (Asked::Snapshot, None) => (
            None,
            Looking::Off(
                "neither XDG_STATE_HOME nor HOME is set, so talks keeps no snapshots".into(),
            ),
        ),
        (Asked::Snapshot, Some((store, key))) => snapshot(store, key, loaded, notices),
    };
    let seen = Seen {
        place,
        looking,
        opened: Some(SystemTime::now()),
    };
    (since, seen)
}

/// The snapshot of `key`, or the first one taken now.
fn snapshot(
    store: &Store,
    key: &SeenKey,
    loaded: &Loaded,
    notices: &mut Vec<String>,
) -> (Option<Arc<Loaded>>, Looking) {
    match store.read(key) {
        Looked::Seen(snapshot) => (
            Some(Arc::new(snapshot.loaded)),
            Looking::Snapshot(snapshot.taken),
        ),
        Looked::Unusable(why) => {
            notices.push(why);
            let why = "the snapshot of what you last saw could not be used (see the notice at \
                       the start); C replaces it";
            (None, Looking::NotKept(why.into()))
        }
        Looked::Never => match store.record(key, loaded, SystemTime::now()) {
            Ok(_) => (None, Looking::FirstLook),
            Err(err @ NotRecorded::TooBig(_)) => (None, Looking::NotKept(err.to_string())),
            Err(err) => (
                None,
                Looking::NotKept(format!(
                    "talks cannot remember what the dossier says: {err}"
                )),
            ),
        },
    }
}
