//! Live reload: watches a dossier file and loads it again when it changes (debounced).

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::model::folder::is_dossier_file;
use crate::model::{LoadError, Loaded, load_path};

/// How long the file must be quiet before it is read again (editors write in bursts).
const QUIET: Duration = Duration::from_millis(250);

/// How often the file is looked at besides the folder's events: a folder moved away and
/// made again (or a file system that sends no events) is seen within this.
const POLL: Duration = Duration::from_secs(1);

/// A watch in force; dropping it ends the watch (the folder's events and the polling).
pub struct Watcher {
    _events: Debouncer<RecommendedWatcher>,
    stop: Arc<AtomicBool>,
}

impl Drop for Watcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// What says whether a file changed: its length, modification time and (on Unix) inode;
/// for a folder dossier, those of each of its files, by name (a file added or removed
/// changes it too).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(Vec<(std::ffi::OsString, u64, Option<std::time::SystemTime>, u64)>);

impl Stamp {
    fn of(path: &Path) -> Stamp {
        let one = |path: &Path| {
            std::fs::metadata(path).ok().map(|meta| {
                #[cfg(unix)]
                let inode = std::os::unix::fs::MetadataExt::ino(&meta);
                #[cfg(not(unix))]
                let inode = 0;
                let name = path.file_name().unwrap_or_default().to_os_string();
                (name, meta.len(), meta.modified().ok(), inode)
            })
        };
        if !path.is_dir() {
            return Stamp(one(path).into_iter().collect());
        }
        let mut files: Vec<_> = std::fs::read_dir(path)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|p| is_dossier_file(p))
            .filter_map(|p| one(&p))
            .collect();
        files.sort();
        Stamp(files)
    }

    /// Whether the file is not as it was when last seen; remembers it as it is now.
    fn changed(&mut self, path: &Path) -> bool {
        let now = Stamp::of(path);
        let changed = now != *self;
        *self = now;
        changed
    }
}

/// The file (or a folder dossier's files) as it was when last read: kept while the file
/// is not watched, so that watching it again can tell whether it changed meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen(Stamp);

impl Seen {
    /// The file as it is now.
    pub fn of(path: &Path) -> Seen {
        Seen(Stamp::of(path))
    }

    /// Whether the file is still as it was when this was taken.
    pub fn is_current(&self, path: &Path) -> bool {
        Stamp::of(path) == self.0
    }
}

/// Whether an event at `path` may change the dossier: the file itself, or for a folder
/// dossier one of its files (or one removed).
fn about_the_dossier(path: &Path, is_folder: bool, name: Option<&std::ffi::OsStr>) -> bool {
    if is_folder {
        is_dossier_file(path) || !path.exists()
    } else {
        path.file_name() == name
    }
}

/// Watches `path`; `on_reload` receives each new load (or its errors), with the file as it
/// was just before it was read. The watch lasts as
/// long as the returned value is kept. Only a change of the file reloads it: reading it,
/// which the watcher also reports, does not (else each reload would start the next).
pub fn watch(
    path: &Path,
    on_reload: impl Fn(Seen, Result<Loaded, LoadError>) + Send + Sync + 'static,
) -> Result<Watcher, String> {
    let file = path.to_path_buf();
    let on_reload = Arc::new(on_reload);
    let name = file.file_name().map(|n| n.to_os_string());
    let is_folder = path.is_dir();
    // The folder is watched, not the file: editors often save by writing a new file and
    // renaming it over the old one. A folder dossier is its own folder.
    let folder = match path.parent() {
        _ if is_folder => path.to_path_buf(),
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    // One record of the file as last loaded, for the events and the polling both: a
    // change is loaded once, whichever sees it first, and always as the file is now.
    let seen = Arc::new(Mutex::new(Stamp::of(&file)));
    let reload_if_changed = {
        let (seen, file, on_reload) = (Arc::clone(&seen), file.clone(), Arc::clone(&on_reload));
        move || {
            // The record stays locked through the load: reloads run one at a time and
            // arrive in order, and a change made during a load is seen by the next look
            // (the record was taken before the file was read), so the newest content wins.
            let Ok(mut stamp) = seen.lock() else { return };
            if stamp.changed(&file) {
                on_reload(Seen(stamp.clone()), load_path(&file));
            }
        }
    };
    let from_events = reload_if_changed.clone();
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        if events
            .iter()
            .any(|e| about_the_dossier(&e.path, is_folder, name.as_deref()))
        {
            from_events();
        }
    };
    let mut debouncer = new_debouncer(QUIET, handler).map_err(|e| e.to_string())?;
    debouncer
        .watcher()
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", crate::text::shown_path(&folder)))?;
    let stop = Arc::new(AtomicBool::new(false));
    let stopped = Arc::clone(&stop);
    std::thread::spawn(move || {
        while !stopped.load(Ordering::Relaxed) {
            std::thread::sleep(POLL);
            reload_if_changed();
        }
    });
    Ok(Watcher {
        _events: debouncer,
        stop,
    })
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::{Seen, Stamp};

    #[test]
    fn a_file_seen_is_current_until_it_changes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("d.yaml");
        std::fs::write(&path, "one").unwrap_or_else(|e| panic!("{e}"));
        let seen = Seen::of(&path);
        assert!(seen.is_current(&path));
        std::fs::write(&path, "two, longer").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !seen.is_current(&path),
            "a change while not watched is seen"
        );
    }

    /// The watched folder moved away and made again: the watch on the old folder hears
    /// nothing, the polling sees the new file.
    #[test]
    fn a_folder_moved_away_and_made_again_is_still_watched() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let folder = root.path().join("dossiers");
        std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
        let file = folder.join("d.yaml");
        let dossier = |title: &str| {
            format!("version: 1\ntitle: {title}\nsources: [{{id: s, title: S, kind: k}}]\n")
        };
        std::fs::write(&file, dossier("First")).unwrap_or_else(|e| panic!("{e}"));
        let (sent, received) = std::sync::mpsc::channel();
        let watch = super::watch(&file, move |_, loaded| {
            let _ = sent.send(loaded.map(|l| l.dossier.title));
        });
        let _watch = watch.unwrap_or_else(|e| panic!("{e}"));
        std::fs::rename(&folder, root.path().join("moved")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir(&folder).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&file, dossier("Second")).unwrap_or_else(|e| panic!("{e}"));
        // Reloads come as the file is seen: maybe "no such file" first, then Second.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match received.recv_timeout(left) {
                Ok(Ok(title)) if title == "Second" => break,
                Ok(_) => continue,
                Err(e) => panic!("no reload of the new file: {e}"),
            }
        }
    }

    /// Edits made while a reload is still running do not queue behind it one by one: the
    /// next reload reads the file as it is then, the newest content.
    #[test]
    fn edits_during_a_long_reload_give_one_reload_of_the_newest_content() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("d.yaml");
        let save = |title: &str| {
            let text =
                format!("version: 1\ntitle: {title}\nsources: [{{id: s, title: S, kind: k}}]\n");
            let temporary = dir.path().join("d.yaml.tmp");
            std::fs::write(&temporary, text).unwrap_or_else(|e| panic!("{e}"));
            std::fs::rename(&temporary, &file).unwrap_or_else(|e| panic!("{e}"));
        };
        save("v0");
        let (sent, received) = std::sync::mpsc::channel();
        let (go, wait_for_go) = std::sync::mpsc::channel::<()>();
        let wait_for_go = std::sync::Mutex::new(Some(wait_for_go));
        let watch = super::watch(&file, move |_, loaded| {
            let _ = sent.send(loaded.map(|l| l.dossier.title).ok());
            // The first reload is a long one: it lasts until the test says go.
            let first = wait_for_go.lock().ok().and_then(|mut w| w.take());
            if let Some(first) = first {
                let _ = first.recv();
            }
        });
        let _watch = watch.unwrap_or_else(|e| panic!("{e}"));
        save("v1");
        let wait = std::time::Duration::from_secs(60);
        let first = received
            .recv_timeout(wait)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.as_deref(), Some("v1"));
        for title in ["v22", "v333", "v4444", "v55555"] {
            save(title);
        }
        let _ = go.send(());
        let next = received
            .recv_timeout(wait)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            next.as_deref(),
            Some("v55555"),
            "the edits between were skipped"
        );
    }

    #[test]
    fn reading_a_file_is_no_change_and_writing_one_is() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("d.yaml");
        std::fs::write(&path, "one").unwrap_or_else(|e| panic!("{e}"));
        let mut seen = Stamp::of(&path);
        let _ = std::fs::read(&path);
        assert!(!seen.changed(&path), "a read is not a change");
        std::fs::write(&path, "two, longer").unwrap_or_else(|e| panic!("{e}"));
        assert!(seen.changed(&path));
        assert!(!seen.changed(&path), "the change is seen once");
        // Saved by writing another file and renaming it over the first, as editors do.
        let other = dir.path().join("d.yaml.tmp");
        std::fs::write(&other, "two, longer").unwrap_or_else(|e| panic!("{e}"));
        std::fs::rename(&other, &path).unwrap_or_else(|e| panic!("{e}"));
        assert!(seen.changed(&path), "a new inode is a change");
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            seen.changed(&path),
            "a deleted file is a change (its error is shown)"
        );
    }
}
