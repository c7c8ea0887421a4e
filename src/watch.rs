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

/// Watches `path`; `on_reload` receives each new load (or its errors). The watch lasts as
/// long as the returned value is kept.
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
    let handler = move |result: DebounceEventResult| {
        let Ok(events) = result else { return };
        if events
            .iter()
            .any(|e| e.path.file_name().map(|n| n.to_os_string()) == name)
        {
            on_reload(load_path(&file));
        }
    };
    let mut debouncer = new_debouncer(QUIET, handler).map_err(|e| e.to_string())?;
    debouncer
        .watcher()
        .watch(&folder, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", folder.display()))?;
    Ok(debouncer)
}
