//! Watching the dossier's file: started at the start (`--watch`) or by `F`, dropped by `F`;
//! each reload carries its watch's generation, so that one a dropped watch still had in
//! flight is never applied.

use std::path::Path;
use std::sync::mpsc;

use talks::app::{Action, App, Reload};
use talks::watch::{Seen, Watcher};

use crate::{Loop, Wake};

/// Watches `path`, or says in `notices` why it cannot.
pub(crate) fn watch_or_say(
    path: &Path,
    wake: &mpsc::Sender<Wake>,
    notices: &mut Vec<String>,
) -> Option<Watcher> {
    match watch_file(path, wake.clone(), 0) {
        Ok(watcher) => Some(watcher),
        Err(why) => {
            notices.push(format!("Not watching the file: {why}"));
            None
        }
    }
}

/// Watches the dossier file for the watch of `generation`; each reload, good or bad,
/// wakes the loop.
pub(crate) fn watch_file(
    path: &Path,
    wake: mpsc::Sender<Wake>,
    generation: u64,
) -> Result<Watcher, String> {
    let on_reload = move |seen, result| {
        // The watcher's thread builds the search engine too, not the UI thread.
        let reload = Reload::prepared(result);
        let _ = wake.send(Wake::Watched(reloaded(generation, reload, false), seen));
    };
    talks::watch::watch(path, on_reload)
}

fn reloaded(generation: u64, reload: Reload, missed: bool) -> Action {
    Action::WatchReloaded {
        generation,
        reload,
        missed,
    }
}

/// `F`: the watch started (and the file read again at once when it changed since it was
/// last read), or dropped.
pub(crate) fn switch(path: &Path, on: bool, generation: u64, context: &Loop) -> Action {
    if !on {
        // Dropping the watcher ends the watch; what it still sends is dropped by `update`.
        *context.watcher.borrow_mut() = None;
        return Action::Watching(Ok(false));
    }
    // Dropped first: a watch started twice must not leave the older one running.
    *context.watcher.borrow_mut() = None;
    match watch_file(path, context.wake.clone(), generation) {
        Ok(watcher) => {
            *context.watcher.borrow_mut() = Some(watcher);
            let last = context.last_seen.borrow().clone();
            if last.is_some_and(|seen| !seen.is_current(path)) {
                catch_up(path, generation, context.wake.clone());
            }
            Action::Watching(Ok(true))
        }
        Err(why) => Action::Watching(Err(why)),
    }
}

/// Reads the file again, off the UI thread, as the watch of `generation` would have.
fn catch_up(path: &Path, generation: u64, wake: mpsc::Sender<Wake>) {
    let path = path.to_path_buf();
    std::thread::spawn(move || {
        let seen = Seen::of(&path);
        let reload = Reload::prepared(talks::model::load_path(&path));
        let _ = wake.send(Wake::Watched(reloaded(generation, reload, true), seen));
    });
}

/// A reload from a watch arrived: when it will be applied (its watch is in force), the
/// file as it read it is what the explorer shows from now on.
pub(crate) fn taken(app: &App, context: &Loop, action: Action, seen: Seen) -> Action {
    if let Action::WatchReloaded { generation, .. } = &action
        && app.watched()
        && *generation == app.watch_generation()
    {
        *context.last_seen.borrow_mut() = Some(seen);
    }
    action
}

/// The dossier was read again outside the watch (after the editor, or a copy written):
/// that reading is what the explorer shows.
pub(crate) fn read_again(path: Option<&Path>, context: &Loop) {
    *context.last_seen.borrow_mut() = path.map(Seen::of);
}
