//! `F`: watching the dossier's file switched on or off while the explorer runs (as
//! `--watch` does from the start); the event loop starts or drops the watch.

use super::{App, Effect, Reload};
use crate::text::sanitize_line;

/// Whether the file is watched, and which watch: each `F` starts a new generation, so that
/// a reload the watch turned off still had in flight is dropped when it arrives.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Watch {
    pub(crate) on: bool,
    pub(crate) generation: u64,
}

impl From<bool> for Watch {
    /// The watch at the start (`--watch`), of the first generation.
    fn from(on: bool) -> Self {
        Watch { on, generation: 0 }
    }
}

impl App {
    /// Asks the event loop to start or stop watching the file, or says why there is none.
    pub(crate) fn toggle_watch(&mut self) {
        let path = match &self.file {
            None => {
                let why = "Nothing to watch: the built-in dossier never changes \
                           (o writes a copy you can edit and watch)";
                return self.status = Some(why.into());
            }
            Some(path) if path.as_os_str() == "-" => {
                let why = "Nothing to watch: the dossier was read once from standard input";
                return self.status = Some(why.into());
            }
            Some(path) => path.clone(),
        };
        self.watch.generation += 1;
        self.effects.push(Effect::Watch {
            path,
            on: !self.watch.on,
            generation: self.watch.generation,
        });
    }

    /// Watching began or ended, said on the status line (the overview says it too).
    pub(crate) fn watching(&mut self, result: Result<bool, String>) {
        let name = sanitize_line(&self.loaded.name);
        self.status = Some(match result {
            Ok(true) => {
                self.watch.on = true;
                format!("Watching {name}: talks reloads it when it changes")
            }
            Ok(false) => {
                self.watch.on = false;
                format!("No longer watching {name}: changes to it are not shown")
            }
            Err(why) => format!("Could not watch {name}: {why}"),
        });
    }

    /// A reload from watching the file, applied only while the watch that read it is in
    /// force; `missed`: the file changed while it was not watched, which the status says.
    pub(crate) fn watch_reloaded(&mut self, generation: u64, reload: Reload, missed: bool) {
        if !self.watch.on || generation != self.watch.generation {
            return;
        }
        let loaded = reload.0.is_ok();
        self.reloaded(*reload.0, reload.1);
        if missed && loaded {
            let name = sanitize_line(&self.loaded.name);
            self.status = Some(format!(
                "Reloaded {name}: it changed while it was not watched"
            ));
        }
    }
}
