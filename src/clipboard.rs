//! Copying text: through a command the user named (`copy_command`, `--copy-command`), or
//! through the terminal (OSC 52), which never says whether it took the text; inside tmux
//! (`$TMUX`), also into tmux's paste buffer (`tmux load-buffer -`), which arrives even
//! where tmux does not pass OSC 52 on. The outcome says which, so the status bar can be
//! honest about it.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crossterm::clipboard::CopyToClipboard;

use crate::action::CopiedBy;

/// What is wrong with a copy command that is not one, after the name of where it was
/// given (`copy_command`, `--copy-command`).
pub const NOT_A_COMMAND: &str =
    "not a command (empty, or a quote left open); copies go through the terminal (OSC 52)";

/// A copy command split into words as a shell would (quotes kept together); `None` when
/// it is empty or a quote is left open.
pub fn command_words(command: &str) -> Option<Vec<String>> {
    shlex::split(command).filter(|words| !words.is_empty())
}

/// How long a copy command may take before it counts as failed.
const COMMAND_TIME: Duration = Duration::from_secs(5);

/// Copies `text` with `command` when there is one (OSC 52 if it fails), else through the
/// terminal and, when `tmux` names tmux's program (inside tmux), into its paste buffer.
pub fn copy(
    text: &str,
    terminal: &mut impl Write,
    command: Option<&[String]>,
    tmux: Option<&str>,
) -> Result<CopiedBy, String> {
    let Some(words) = command.filter(|words| !words.is_empty()) else {
        through_the_terminal(text, terminal)?;
        let buffer = tmux.map(|program| [program.to_string(), "load-buffer".into(), "-".into()]);
        return Ok(match buffer.map(|words| run(&words, text)) {
            Some(Ok(())) => CopiedBy::TerminalAndTmux,
            _ => CopiedBy::Terminal,
        });
    };
    let shown = crate::text::sanitize_line(&words.join(" ")).into_owned();
    match run(words, text) {
        Ok(()) => Ok(CopiedBy::Command(shown)),
        Err(why) => through_the_terminal(text, terminal).map(|()| CopiedBy::TerminalInstead {
            command: shown,
            why,
        }),
    }
}

fn through_the_terminal(text: &str, terminal: &mut impl Write) -> Result<(), String> {
    crossterm::execute!(terminal, CopyToClipboard::to_clipboard_from(text))
        .map_err(|err| err.to_string())
}

/// Runs the copy command with `text` on its standard input (written by a thread, so that
/// a command that does not read it cannot hold talks past [`COMMAND_TIME`]); why it
/// failed, if it did.
fn run(words: &[String], text: &str) -> Result<(), String> {
    let mut child = Command::new(&words[0])
        .args(&words[1..])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot start it: {err}"))?;
    let writer = child.stdin.take().map(|mut stdin| {
        let bytes = text.as_bytes().to_vec();
        std::thread::spawn(move || stdin.write_all(&bytes))
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < COMMAND_TIME => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("it did not finish in {} s", COMMAND_TIME.as_secs()));
            }
            Err(err) => return Err(err.to_string()),
        }
    };
    if !status.success() {
        return Err(match status.code() {
            Some(code) => format!("it ended with status {code}"),
            None => "it was stopped by a signal".to_string(),
        });
    }
    match writer.map(std::thread::JoinHandle::join) {
        Some(Ok(Err(err))) => Err(format!("it did not take the text: {err}")),
        Some(Err(_)) => Err("it did not take the text".to_string()),
        _ => Ok(()),
    }
}

#[cfg(all(test, unix))]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    fn words(command: &str) -> Vec<String> {
        shlex::split(command).unwrap_or_default()
    }

    #[test]
    fn a_command_gets_the_text_on_its_standard_input() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let file = dir.path().join("copied");
        let command = words(&format!("sh -c 'cat > {}'", file.display()));
        let mut terminal = Vec::new();
        let by = copy("the text", &mut terminal, Some(&command), None);
        assert!(
            matches!(by, Ok(CopiedBy::Command(ref c)) if c.starts_with("sh -c")),
            "{by:?}"
        );
        assert_eq!(
            std::fs::read_to_string(&file).unwrap_or_default(),
            "the text"
        );
        assert!(terminal.is_empty(), "nothing through the terminal");
    }

    #[test]
    fn a_failing_command_falls_back_to_the_terminal_and_says_why() {
        let mut terminal = Vec::new();
        let by = copy(
            "the text",
            &mut terminal,
            Some(&words("sh -c 'exit 3'")),
            None,
        );
        match by {
            Ok(CopiedBy::TerminalInstead { why, .. }) => {
                assert_eq!(why, "it ended with status 3");
            }
            other => panic!("{other:?}"),
        }
        assert!(String::from_utf8_lossy(&terminal).contains("\u{1b}]52;"));
        let by = copy(
            "x",
            &mut Vec::new(),
            Some(&words("no-such-copy-command-here")),
            None,
        );
        assert!(
            matches!(by, Ok(CopiedBy::TerminalInstead { ref why, .. }) if why.starts_with("cannot start it")),
            "{by:?}"
        );
    }

    #[test]
    fn without_a_command_the_text_goes_through_the_terminal() {
        let mut terminal = Vec::new();
        assert_eq!(copy("x", &mut terminal, None, None), Ok(CopiedBy::Terminal));
        assert!(String::from_utf8_lossy(&terminal).contains("\u{1b}]52;c;eA=="));
    }

    /// A fake `tmux` that records its arguments and standard input in `dir`.
    fn fake_tmux(dir: &std::path::Path, status: u8) -> std::io::Result<String> {
        use std::os::unix::fs::PermissionsExt;
        let tmux = dir.join("tmux");
        let d = dir.display();
        let script =
            format!("#!/bin/sh\necho \"$@\" > '{d}/args'\ncat > '{d}/stdin'\nexit {status}\n");
        std::fs::write(&tmux, script)?;
        std::fs::set_permissions(&tmux, std::fs::Permissions::from_mode(0o755))?;
        Ok(tmux.display().to_string())
    }

    #[test]
    fn inside_tmux_the_text_also_goes_to_tmux_s_buffer() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let tmux = fake_tmux(dir.path(), 0).unwrap_or_else(|e| panic!("{e}"));
        let mut terminal = Vec::new();
        let by = copy("line one\nline two", &mut terminal, None, Some(&tmux));
        assert_eq!(by, Ok(CopiedBy::TerminalAndTmux));
        let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
        assert_eq!(read("args"), "load-buffer -\n");
        assert_eq!(read("stdin"), "line one\nline two");
        assert!(String::from_utf8_lossy(&terminal).contains("\u{1b}]52;"));
    }

    #[test]
    fn a_tmux_that_fails_leaves_the_terminal_s_copy_said() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let tmux = fake_tmux(dir.path(), 1).unwrap_or_else(|e| panic!("{e}"));
        let by = copy("x", &mut Vec::new(), None, Some(&tmux));
        assert_eq!(by, Ok(CopiedBy::Terminal));
        let missing = dir.path().join("no-tmux").display().to_string();
        assert_eq!(
            copy("x", &mut Vec::new(), None, Some(&missing)),
            Ok(CopiedBy::Terminal)
        );
    }

    /// A command that never reads its input cannot hold the copy up (the text is larger
    /// than a pipe holds).
    #[test]
    fn a_command_that_does_not_read_is_not_waited_on_for_ever() {
        let big = "x".repeat(1 << 20);
        let by = copy(&big, &mut Vec::new(), Some(&words("true")), None);
        assert!(
            matches!(
                by,
                Ok(CopiedBy::Command(_)) | Ok(CopiedBy::TerminalInstead { .. })
            ),
            "{by:?}"
        );
    }
}
