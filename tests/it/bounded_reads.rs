//! Every file talks reads is a regular file read up to a cap: a pipe or a device where a
//! config or a history file should be never hangs or floods talks.

use std::path::Path;
use std::process::Command;

use crate::pty::Session;

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_pipe_or_a_device_as_the_config_is_a_message_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("config.toml");
    mkfifo(&fifo);
    for config in [fifo.to_str().unwrap(), "/dev/zero"] {
        let (code, out, err) = crate::common::run(&["config", "check", config]);
        assert_ne!(code, 0, "{out}");
        assert!(
            err.contains(&format!(
                "{config}: cannot read the config file: this is not a regular file (a pipe, a \
                 device or a socket)"
            )),
            "{err}"
        );
    }
}

#[test]
fn a_config_file_larger_than_a_mebibyte_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("config.toml");
    std::fs::write(&big, "# x\n".repeat(300_000)).unwrap();
    let (code, _, err) = crate::common::run(&["config", "check", big.to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(
        err.contains(
            "cannot read the config file: the file is larger than 1 MiB, the most talks reads here"
        ),
        "{err}"
    );
}

/// The query history is a pipe: the explorer starts, says so, and quits on `q`.
#[test]
fn a_pipe_as_the_history_file_is_a_notice_and_the_explorer_runs() {
    let state = tempfile::tempdir().unwrap();
    std::fs::create_dir(state.path().join("talks")).unwrap();
    mkfifo(&state.path().join("talks").join("history"));
    let state_home = state.path().to_str().unwrap();
    let mut s = Session::start(&[], 100, 30, &[("XDG_STATE_HOME", state_home)]);
    s.wait_for_text("cannot read the query history");
    assert!(
        s.screen_text().contains("not a regular file"),
        "{}",
        s.screen_text()
    );
    s.send(b"\r");
    s.send(b"q");
    s.wait_exit();
    s.assert_restored();
}
