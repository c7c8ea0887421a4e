//! Copying text: through a command the user named (`copy_command`, `--copy-command`), or
//! through the terminal (OSC 52), which never says whether it took the text. The outcome
//! says which, so the status bar can be honest about it.

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
/// terminal.
pub fn copy(
    text: &str,
    terminal: &mut impl Write,
    command: Option<&[String]>,
) -> Result<CopiedBy, String> {
    let Some(words) = command.filter(|words| !words.is_empty()) else {
        return through_the_terminal(text, terminal).map(|()| CopiedBy::Terminal);
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

/// Runs the copy command with `text` on its standard input; why it failed, if it did.
fn run(words: &[String], text: &str) -> Result<(), String> {
    let mut child = Command::new(&words[0])
        .args(&words[1..])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|err| format!("cannot start it: {err}"))?;
    let written = child
        .stdin
        .take()
        .map(|mut stdin| stdin.write_all(text.as_bytes()));
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
    match written {
        Some(Err(err)) => Err(format!("it did not take the text: {err}")),
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
        let by = copy("the text", &mut terminal, Some(&command));
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
        let by = copy("the text", &mut terminal, Some(&words("sh -c 'exit 3'")));
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
        );
        assert!(
            matches!(by, Ok(CopiedBy::TerminalInstead { ref why, .. }) if why.starts_with("cannot start it")),
            "{by:?}"
        );
    }

    #[test]
    fn without_a_command_the_text_goes_through_the_terminal() {
        let mut terminal = Vec::new();
        assert_eq!(copy("x", &mut terminal, None), Ok(CopiedBy::Terminal));
        assert!(String::from_utf8_lossy(&terminal).contains("\u{1b}]52;c;eA=="));
    }
}
