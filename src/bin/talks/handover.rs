//! Standard input shared with an editor (`o`): terminal events are read on a thread that
//! can be paused, so that while the editor runs its keys are its own; and the hand-over.

use std::io::{self, Read};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex, mpsc};
use std::time::Duration;

use crossterm::event::Event;
use mio::unix::SourceFd;
use mio::{Events, Interest, Poll, Token, Waker};
use talks::app::{Action, Initialised, Reload};
use talks::editor;
use talks::terminal::input::InputParser;
use talks::terminal::{TerminalGuard, hand_over};

use crate::Wake;

const INPUT: Token = Token(0);
const RESIZED: Token = Token(1);
const WOKEN: Token = Token(2);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    On,
    PauseAsked,
    Paused,
}

type Shared = Arc<(Mutex<Reading>, Condvar)>;

/// The thread that reads terminal events. It blocks until there is input (no tick, no CPU
/// while idle), a resize, or a call to [`Reader::pause`].
pub(crate) struct Reader {
    state: Shared,
    waker: Waker,
}

impl Reader {
    pub(crate) fn start(wake: mpsc::Sender<Wake>) -> io::Result<Reader> {
        let poll = Poll::new()?;
        let waker = Waker::new(poll.registry(), WOKEN)?;
        let stdin = io::stdin().as_raw_fd();
        let registry = poll.registry();
        registry.register(&mut SourceFd(&stdin), INPUT, Interest::READABLE)?;
        // Resizes are heard here (crossterm's reader, which would hear them, is not used).
        let (resized, on_resize) = UnixStream::pair()?;
        resized.set_nonblocking(true)?;
        signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, on_resize)?;
        let resized_fd = resized.as_raw_fd();
        registry.register(&mut SourceFd(&resized_fd), RESIZED, Interest::READABLE)?;
        let state: Shared = Arc::new((Mutex::new(Reading::On), Condvar::new()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || read_events(poll, resized, &shared, &wake));
        Ok(Reader { state, waker })
    }

    /// Stops reading; returns once the thread waits and reads nothing more.
    pub(crate) fn pause(&self) {
        let (lock, changed) = &*self.state;
        let Ok(mut state) = lock.lock() else { return };
        *state = Reading::PauseAsked;
        if self.waker.wake().is_err() {
            return;
        }
        while *state == Reading::PauseAsked {
            match changed.wait(state) {
                Ok(next) => state = next,
                Err(_) => return,
            }
        }
    }

    pub(crate) fn resume(&self) {
        let (lock, changed) = &*self.state;
        if let Ok(mut state) = lock.lock() {
            *state = Reading::On;
            changed.notify_all();
        }
    }
}

/// The reading thread: sends every event in what the terminal sent (`InputParser`: not
/// crossterm's reader, see there why), and a resize at each SIGWINCH; then waits for more.
fn read_events(mut poll: Poll, mut resized: UnixStream, state: &Shared, wake: &mpsc::Sender<Wake>) {
    let mut events = Events::with_capacity(8);
    let mut parser = InputParser::default();
    let mut waiting = match Waiting::new() {
        Ok(waiting) => waiting,
        Err(err) => {
            let _ = wake.send(Wake::Terminal(Err(err)));
            return;
        }
    };
    loop {
        if !wait_while_paused(state) {
            return;
        }
        if let Err(err) = read_input(&mut parser, &mut waiting, wake) {
            let _ = wake.send(Wake::Terminal(Err(err)));
            return;
        }
        match poll.poll(&mut events, None) {
            Ok(()) => {}
            Err(err) if err.kind() == io::ErrorKind::Interrupted => {}
            Err(err) => {
                let _ = wake.send(Wake::Terminal(Err(err)));
                return;
            }
        }
        let mut bytes = [0; 64];
        let mut signalled = false;
        while matches!(resized.read(&mut bytes), Ok(n) if n > 0) {
            signalled = true;
        }
        if signalled && let Ok((width, height)) = crossterm::terminal::size() {
            let resize = Event::Resize(width, height);
            if wake.send(Wake::Terminal(Ok(resize))).is_err() {
                return;
            }
        }
    }
}

/// Says whether standard input has bytes to read now (or has hung up), without reading.
struct Waiting {
    poll: Poll,
    events: Events,
}

impl Waiting {
    fn new() -> io::Result<Waiting> {
        let poll = Poll::new()?;
        let stdin = io::stdin().as_raw_fd();
        poll.registry()
            .register(&mut SourceFd(&stdin), INPUT, Interest::READABLE)?;
        Ok(Waiting {
            poll,
            events: Events::with_capacity(1),
        })
    }

    fn input(&mut self) -> io::Result<bool> {
        let stdin = io::stdin().as_raw_fd();
        // Registered again, a file that is ready is reported ready at once.
        self.poll
            .registry()
            .reregister(&mut SourceFd(&stdin), INPUT, Interest::READABLE)?;
        self.poll.poll(&mut self.events, Some(Duration::ZERO))?;
        Ok(!self.events.is_empty())
    }
}

/// Reads standard input for as long as it has bytes, and sends their events: the waits
/// are edge-triggered, so what is not read now would wait for the next key.
fn read_input(
    parser: &mut InputParser,
    waiting: &mut Waiting,
    wake: &mpsc::Sender<Wake>,
) -> io::Result<()> {
    // As large as standard input's own buffer, so that it is read straight into this one.
    let mut buffer = [0u8; 8192];
    while waiting.input()? {
        let read = match io::stdin().lock().read(&mut buffer) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(read) => read,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        let more = read == buffer.len() || waiting.input()?;
        for event in parser.feed(&buffer[..read], more) {
            wake.send(Wake::Terminal(Ok(event)))
                .map_err(|_| io::Error::from(io::ErrorKind::BrokenPipe))?;
        }
    }
    Ok(())
}

/// Waits while a pause is asked or in force; `false` if the state is unusable.
fn wait_while_paused(state: &Shared) -> bool {
    let (lock, changed) = &**state;
    let Ok(mut reading) = lock.lock() else {
        return false;
    };
    loop {
        match *reading {
            Reading::On => return true,
            Reading::PauseAsked => {
                *reading = Reading::Paused;
                changed.notify_all();
            }
            Reading::Paused => {}
        }
        match changed.wait(reading) {
            Ok(next) => reading = next,
            Err(_) => return false,
        }
    }
}

/// The file to edit, the value in it to open at (or the line, from 1), and the dossier to
/// read again after (a folder dossier's folder).
pub(crate) struct Edited<'a> {
    pub path: &'a Path,
    pub at: &'a str,
    pub line: Option<usize>,
    pub dossier: &'a Path,
}

/// Runs the editor on `path` at the value at `at`, with the terminal handed over; then
/// what to tell the explorer: the dossier read again, or why the editor failed.
pub(crate) fn edit(
    guard: &mut TerminalGuard,
    reader: &Reader,
    edited: &Edited,
) -> io::Result<Action> {
    let Edited {
        path,
        at,
        line,
        dossier,
    } = *edited;
    let chosen = match chosen_editor() {
        Ok(chosen) => chosen,
        Err(why) => return Ok(Action::EditFailed(why)),
    };
    let words = &chosen.words;
    // Read as it is now: its text places the entity (not found: the top of the file).
    let text = talks::model::read_path(path)
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    let (line, column) = match line {
        // At the item's first key, after its dash.
        Some(line) => {
            let shown = text.lines().nth(line.saturating_sub(1)).unwrap_or_default();
            let key = shown.find(|c: char| c != ' ' && c != '-').unwrap_or(0);
            (line, shown[..key].chars().count() + 1)
        }
        None => editor::place_of(&text, at),
    };
    let run = editor::invocation(words, path, line, column);
    reader.pause();
    let status = hand_over(guard, || {
        std::process::Command::new(&run.program)
            .args(&run.args)
            .status()
    });
    reader.resume();
    let failed = match status? {
        Ok(status) if status.success() => None,
        Ok(status) => Some(format!(
            "The editor `{}` ended with {status}; the dossier was not read again",
            run.shown()
        )),
        Err(err) => Some(format!(
            "Could not start the editor `{}`: {err} (set $VISUAL or $EDITOR)",
            run.shown()
        )),
    };
    Ok(match failed {
        Some(why) => Action::EditFailed(why),
        None => said_if_default(
            &chosen,
            Action::Reloaded(Reload::prepared(talks::model::load_path(dossier))),
        ),
    })
}

/// The editor to run: `$VISUAL`, `$EDITOR`, else talks' default found on `PATH`.
fn chosen_editor() -> Result<editor::Chosen, String> {
    let visual = std::env::var("VISUAL").ok();
    let set = std::env::var("EDITOR").ok();
    let path = std::env::var_os("PATH");
    editor::choose(visual.as_deref(), set.as_deref(), path.as_deref())
}

/// Which editor `o` runs and how to choose another, when it is talks' default (no
/// `$VISUAL`/`$EDITOR`), for the overview.
pub(crate) fn editor_said() -> Option<String> {
    let chosen = chosen_editor().ok().filter(|chosen| chosen.by_default)?;
    let name = chosen.words.first()?;
    Some(format!("o opens {}", editor::said_default(name)))
}

/// `then`, with the status saying which editor ran when it was talks' default.
fn said_if_default(chosen: &editor::Chosen, then: Action) -> Action {
    match chosen.said() {
        Some(said) => Action::DefaultEditor(Box::new(then), said),
        None => then,
    }
}

/// Runs the editor on the note `text` in a temporary file, with the terminal handed over;
/// the text as the editor left it, or why the editor failed.
pub(crate) fn edit_note(
    guard: &mut TerminalGuard,
    reader: &Reader,
    text: &str,
) -> io::Result<Action> {
    let chosen = match chosen_editor() {
        Ok(chosen) => chosen,
        Err(why) => return Ok(Action::NoteEdited(Err(why))),
    };
    let file = talks::fsio::temporary_text("talks-note-", ".txt", &format!("{text}\n"))?;
    let run = editor::invocation(&chosen.words, file.path(), 1, 1);
    reader.pause();
    let status = hand_over(guard, || {
        std::process::Command::new(&run.program)
            .args(&run.args)
            .status()
    });
    reader.resume();
    Ok(match status? {
        Ok(status) if status.success() => {
            said_if_default(&chosen, Action::NoteEdited(read_note_back(file.path())))
        }
        Ok(status) => Action::NoteEdited(Err(format!(
            "The editor `{}` ended with {status}; the note is as it was",
            run.shown()
        ))),
        Err(err) => Action::NoteEdited(Err(format!(
            "Could not start the editor `{}`: {err} (set $VISUAL or $EDITOR)",
            run.shown()
        ))),
    })
}

/// The note the editor left in `path`, at most as large as a notes file may be.
fn read_note_back(path: &Path) -> Result<String, String> {
    let cap = talks::notes::file::MAX_NOTES_BYTES;
    let read = talks::fsio::read(path, cap)
        .map_err(|err| format!("Could not read the note back: {err}"))?;
    String::from_utf8(read.bytes)
        .map_err(|_| "Could not read the note back: it is not UTF-8 text".into())
}

/// Writes the built-in dossier to `path` (never over a file), reads it back and watches it:
/// what to tell the explorer, and the watch to keep.
pub(crate) fn init(
    path: &Path,
    watch: impl FnOnce(&Path) -> Result<talks::watch::Watcher, String>,
) -> (Action, Option<talks::watch::Watcher>) {
    // `~/talks.yaml` as a shell reads it: the prompt is where paths are typed.
    let path = talks::config::expand_home(path, std::env::var_os("HOME"));
    let text = talks::model::BUILTIN_TEXT.as_bytes();
    let written = match talks::fsio::create_new(&path, text) {
        Ok(written) => written,
        Err(err) => return (Action::Initialised(Err(err.to_string())), None),
    };
    let reload = Reload::prepared(talks::model::load_path(&written.path));
    let watcher = watch(&written.path).ok();
    let done = Initialised {
        notes: talks::notes::file::open(Some(&written.path)),
        path: written.path,
        reload,
        watched: watcher.is_some(),
    };
    (Action::Initialised(Ok(Box::new(done))), watcher)
}
