//! Runs the real `talks` binary in a pseudo-terminal and reads its screen with vt100.
//! Waits are on screen content with a generous deadline, never fixed sleeps.

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long any one wait may take before the test fails (a loaded 2-core machine is slow).
const DEADLINE: Duration = Duration::from_secs(30);

pub(crate) struct Session {
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Receiver<Vec<u8>>,
    pub parser: vt100::Parser,
    /// Every byte talks wrote, for what the screen does not keep (OSC 52).
    pub raw: Vec<u8>,
    pub child: Box<dyn Child + Send + Sync>,
    closed: bool,
    /// The query history's folder (`XDG_STATE_HOME`) when the caller gave none: never the
    /// real home's.
    state_home: Option<tempfile::TempDir>,
    /// The notes' folder (`XDG_DATA_HOME`) when the caller gave none: never the real
    /// home's.
    data_home: Option<tempfile::TempDir>,
    /// The index cache's folder (`XDG_CACHE_HOME`) when the caller gave none: never the
    /// real home's, so that no session finds what another kept.
    #[allow(dead_code)] // Kept for its folder, removed when the session ends.
    cache_home: Option<tempfile::TempDir>,
}

impl Session {
    /// Starts `talks ARGS` in a `cols`×`rows` terminal with the given extra environment.
    pub(crate) fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_in(env!("CARGO_MANIFEST_DIR"), args, cols, rows, env)
    }

    /// Like [`Session::start`], in the folder `cwd`.
    pub(crate) fn start_in(
        cwd: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_talks"));
        command.args(args);
        command.cwd(cwd);
        // Not the tmux the tests may run in (copies would load its buffer) unless asked.
        command.env_remove("TMUX");
        for (key, value) in env {
            command.env(key, value);
        }
        Session::spawn(command, cols, rows)
    }

    /// Like [`Session::start_in`], as the user nobody (through `setpriv`: the caller checks
    /// that it runs as root). Give `XDG_STATE_HOME` and `XDG_DATA_HOME` that nobody can use.
    pub(crate) fn start_as_nobody(cwd: &str, args: &[&str], env: &[(&str, &str)]) -> Session {
        Session::start_as_nobody_sized(cwd, args, 100, 30, env)
    }

    /// [`Session::start_as_nobody`] in a `cols`×`rows` terminal.
    pub(crate) fn start_as_nobody_sized(
        cwd: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let mut command = CommandBuilder::new("setpriv");
        command.args(["--reuid=65534", "--regid=65534", "--clear-groups"]);
        command.arg(env!("CARGO_BIN_EXE_talks"));
        command.args(args);
        command.cwd(cwd);
        for (key, value) in env {
            command.env(key, value);
        }
        Session::spawn(command, cols, rows)
    }

    /// An interactive shell with job control (`PS1` is `$ `), to run talks from, as a
    /// person does.
    pub(crate) fn start_shell(cols: u16, rows: u16) -> Session {
        let mut command = CommandBuilder::new("bash");
        command.args(["--norc", "--noprofile", "-i"]);
        command.env("PS1", "$ ");
        Session::spawn(command, cols, rows)
    }

    fn spawn(mut command: CommandBuilder, cols: u16, rows: u16) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        // What the caller did not set: a colour terminal, and no user configuration leaking
        // into the tests (a test passes --config to use one).
        if command.get_env("NO_COLOR").is_none() {
            command.env_remove("NO_COLOR");
        }
        for (key, value) in [
            ("TERM", "xterm-256color"),
            ("XDG_CONFIG_HOME", "/nonexistent/talks-test-config"),
        ] {
            if command.get_env(key).is_none() {
                command.env(key, value);
            }
        }
        let state = command.get_env("XDG_STATE_HOME").is_none().then(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            command.env("XDG_STATE_HOME", dir.path());
            dir
        });
        let data = command.get_env("XDG_DATA_HOME").is_none().then(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            command.env("XDG_DATA_HOME", dir.path());
            dir
        });
        let cache = command.get_env("XDG_CACHE_HOME").is_none().then(|| {
            let dir = tempfile::tempdir().expect("a temporary folder");
            command.env("XDG_CACHE_HOME", dir.path());
            dir
        });
        let child = pair
            .slave
            .spawn_command(command)
            .expect("start the program");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let (send, output) = channel();
        std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: Some(pair.master),
            writer: Some(writer),
            output,
            parser: vt100::Parser::new(rows, cols, 0),
            raw: Vec::new(),
            child,
            closed: false,
            state_home: state,
            data_home: data,
            cache_home: cache,
        }
    }

    /// The `XDG_STATE_HOME` made for this session, when the caller gave none.
    pub(crate) fn state_dir(&self) -> Option<&std::path::Path> {
        self.state_home.as_ref().map(|dir| dir.path())
    }

    /// The `XDG_DATA_HOME` made for this session (where the notes of the built-in dossier
    /// go), when the caller gave none.
    pub(crate) fn data_dir(&self) -> Option<&std::path::Path> {
        self.data_home.as_ref().map(|dir| dir.path())
    }

    pub(crate) fn screen_text(&self) -> String {
        self.parser.screen().contents()
    }

    /// Rows of the explorer's lists that carry a change marker (`│> N…`, `│  Δ…`).
    pub(crate) fn marked_rows(&self) -> usize {
        self.screen_text()
            .lines()
            .filter(|line| matches!(line.chars().nth(3), Some('Δ' | 'N')))
            .count()
    }

    /// Feeds output to the parser until `ready(screen)` holds, or fails after the deadline.
    pub(crate) fn wait_for(&mut self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) {
        let start = Instant::now();
        while !ready(self.parser.screen()) {
            let left = DEADLINE.checked_sub(start.elapsed()).unwrap_or_default();
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "timed out waiting for {what}; the screen:\n{}",
                        self.screen_text()
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    self.closed = true;
                    assert!(
                        ready(self.parser.screen()),
                        "talks exited before {what}; the screen:\n{}",
                        self.screen_text()
                    );
                    return;
                }
            }
        }
    }

    /// Waits until the screen shows `text`.
    pub(crate) fn wait_for_text(&mut self, text: &str) {
        let text = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| s.contents().contains(&text));
    }

    /// Resizes the terminal, as a window resized does (the kernel signals talks), and the
    /// screen read with it.
    pub(crate) fn resize(&mut self, cols: u16, rows: u16) {
        let master = self.master.as_ref().expect("the terminal is open");
        let size = PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        };
        master.resize(size).expect("resize the terminal");
        self.parser.screen_mut().set_size(rows, cols);
    }

    pub(crate) fn send(&mut self, bytes: &[u8]) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(bytes).expect("write to talks");
        writer.flush().expect("flush");
    }

    /// Waits for the program to exit and reads everything it wrote.
    pub(crate) fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll talks") {
                break status;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "talks did not exit; the screen:\n{}",
                self.screen_text()
            );
            if let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(50)) {
                self.parser.process(&bytes);
                self.raw.extend_from_slice(&bytes);
            }
        };
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
        status
    }

    /// Presses q, waits for the exit and asserts the terminal is restored.
    pub(crate) fn quit(&mut self) -> portable_pty::ExitStatus {
        self.send(b"q");
        let status = self.wait_exit();
        self.assert_restored();
        status
    }

    /// True when the terminal is back in cooked mode (echo and line editing on).
    pub(crate) fn cooked_mode(&self) -> bool {
        use nix::sys::termios::LocalFlags;
        let master = self.master.as_ref().expect("the terminal is open");
        let termios = master.get_termios().expect("read the terminal mode");
        termios
            .local_flags
            .contains(LocalFlags::ICANON | LocalFlags::ECHO)
    }

    /// Asserts the terminal is as it was before talks started.
    pub(crate) fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "the alternate screen was left");
        assert!(!screen.hide_cursor(), "the cursor is shown again");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is off"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste is off");
        assert!(self.cooked_mode(), "raw mode is off");
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
