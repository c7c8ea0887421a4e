//! Helpers shared by the integration tests.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

/// The `talks` binary built for these tests.
pub fn talks() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"));
    command.env_remove("NO_COLOR");
    command
}

/// The output of `talks ARGS`: exit code, stdout, stderr.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let output = talks().args(args).output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// Writes `bytes` to a file named `name` in a new temporary folder.
pub fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// `talks validate` on a dossier with the given content: exit code and stderr.
pub fn validate_bytes(bytes: &[u8]) -> (i32, String) {
    let (_dir, path) = write_temp("dossier.yaml", bytes);
    let (code, _out, err) = run(&["validate", path.to_str().unwrap()]);
    (code, err.replace(path.to_str().unwrap(), "FILE"))
}

/// A valid header to build bad dossiers on.
pub const HEADER: &str = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n";
