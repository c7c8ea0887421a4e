//! No litter on the way out: a temporary file is registered while it exists, a signal that
//! ends talks waits for a replacement under way to finish (a rename, or a write in place)
//! and removes what is registered before the process ends.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// The temporary files in existence.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Held while a file is replaced, and from an ending signal on.
static REPLACING: Mutex<()> = Mutex::new(());

fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Every signal that can be caught and whose default ends the process (docs/decisions.md).
pub const ENDING_SIGNALS: [i32; 11] = {
    use signal_hook::consts::*;
    [
        SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF, SIGXCPU,
        SIGXFSZ,
    ]
};

/// A temporary file, registered for removal if a signal ends talks before it is renamed
/// or removed.
pub(crate) struct Registered(PathBuf);

impl Registered {
    pub(crate) fn new(path: &Path) -> Registered {
        temporaries().push(path.to_path_buf());
        Registered(path.to_path_buf())
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        temporaries().retain(|p| p != &self.0);
    }
}

/// Runs `replace` (a rename, or a write in place) with the signals' clean-up waiting for
/// it: the file is either as it was or as written when talks ends.
pub(super) fn uninterrupted<T>(replace: impl FnOnce() -> T) -> T {
    let _held = REPLACING.lock().unwrap_or_else(PoisonError::into_inner);
    replace()
}

/// Removes the temporary files in existence, waiting for a replacement under way, and
/// ends the process with `code`. Whoever handles the ending signals calls it.
pub fn remove_temporaries_and_exit(code: i32) -> ! {
    remove_temporaries();
    std::process::exit(code)
}

fn remove_temporaries() {
    let held = REPLACING.lock().unwrap_or_else(PoisonError::into_inner);
    for path in temporaries().iter() {
        #[allow(clippy::disallowed_methods)]
        let _ = std::fs::remove_file(path);
    }
    // Held until the process ends: no replacement starts after this.
    std::mem::forget(held);
}

/// For the commands (the explorer has its own handler, which restores the terminal
/// first): an ending signal removes the temporary files, then ends talks as the signal
/// would have.
pub fn remove_temporaries_on_signals() -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(ENDING_SIGNALS)?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            remove_temporaries();
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Where a test may hold a write: before it locks and looks at the file again, and just
/// before it replaces the file (its temporary file or its backup written).
#[derive(Debug, Clone, Copy)]
pub(super) enum Pause {
    BeforeWrite,
    BeforeRename,
}

/// Tests make a race deterministic: with `TALKS_TEST_PAUSE_BEFORE_WRITE=PATH` (or
/// `…_BEFORE_RENAME`; debug builds only), a write creates `PATH.waiting` and waits until
/// `PATH` exists before it goes on.
pub(super) fn pause_for_tests(at: Pause) {
    #[cfg(debug_assertions)]
    {
        let name = match at {
            Pause::BeforeWrite => "TALKS_TEST_PAUSE_BEFORE_WRITE",
            Pause::BeforeRename => "TALKS_TEST_PAUSE_BEFORE_RENAME",
        };
        let Some(go) = std::env::var_os(name) else {
            return;
        };
        let go = PathBuf::from(go);
        let mut waiting = go.clone().into_os_string();
        waiting.push(".waiting");
        #[allow(clippy::disallowed_methods)]
        let _ = std::fs::write(&waiting, b"");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while !go.exists() && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }
    #[cfg(not(debug_assertions))]
    let _ = at;
}
