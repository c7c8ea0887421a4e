//! `F`: watching the dossier's file switched on or off while the explorer runs (as
//! `--watch` does from the start); the event loop starts or drops the watch.

use super::{App, Effect};
use crate::text::sanitize_line;

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
        self.effects.push(Effect::Watch {
            path,
            on: !self.watched,
        });
    }

    /// Watching began or ended, said on the status line (the overview says it too).
    pub(crate) fn watching(&mut self, result: Result<bool, String>) {
        let name = sanitize_line(&self.loaded.name);
        self.status = Some(match result {
            Ok(true) => {
                self.watched = true;
                format!("Watching {name}: talks reloads it when it changes")
            }
            Ok(false) => {
                self.watched = false;
                format!("No longer watching {name}: changes to it are not shown")
            }
            Err(why) => format!("Could not watch {name}: {why}"),
        });
    }
}
