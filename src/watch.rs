//! Live reload: watches a dossier file and loads it again when it changes (debounced).

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify_debouncer_mini::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer};

use crate::model::{LoadError, Loaded, load_path};

/// How long the file must be quiet before it is read again (editors write in bursts).
const QUIET: Duration = Duration::from_millis(250);

/// A watch in force; dropping it ends the watch.
pub type Watcher = Debouncer<RecommendedWatcher>;

/// What says whether a file changed: its length, modification time and (on Unix) inode.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(Option<(u64, Option<std::time::SystemTime>, u64)>);

impl Stamp {
    fn of(path: &Path) -> Stamp {
        Stamp(std::fs::metadata(path).ok().map(|meta| {
            #[cfg(unix)]
            let inode = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let inode = 0;
            (meta.len(), meta.modified().ok(), inode)
        }))
    }

    /// Whether the file is not as it was when last seen; remembers it as it is now.
    fn changed(&mut self, path: &Path) -> bool {
        let now = Stamp::of(path);
        let changed = now != *self;
        *self = now;
        changed
    }
}

/// Watches `path`; `on_reload` receives each new load (or its errors). The watch lasts as
/// long as the returned value is kept. Only a change of the file reloads it: reading it,
/// which the watcher also reports, does not (else each reload would start the next).
pub fn watch(
    path: &Path,
    on_reload: impl Fn(Result<Loaded, LoadError>) + Send + 'static,
) -> Result<Watcher, String> {
    let file = path.to_path_buf();
    let name = file.file_name().map(|n| n.to_os_string());
    // The folder is watched, not the file: editors often save by writing a new file and
    // renaming it over the old one.
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut seen = Stamp::of(&file);
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        let about_the_file = events
            .iter()
            .any(|e| e.path.file_name().map(|n| n.to_os_string()) == name);
        if about_the_file && seen.changed(&file) {
            on_reload(load_path(&file));
        }
    };
    let mut debouncer = new_debouncer(QUIET, handler).map_err(|e| e.to_string())?;
    debouncer
        .watcher()
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", crate::text::shown_path(&folder)))?;
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::Stamp;

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
