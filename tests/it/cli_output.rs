//! The command line's output where it can go wrong: control characters in data and file
//! names, closed pipes and full disks, `-o -`, and input the explorer cannot take.

use crate::common;
use crate::common::run;

/// C1 and bidi controls in the data reach JSON output escaped (`\u009b`), never raw: the
/// same JSON, the same strings, nothing a terminal acts on.
#[test]
fn json_output_escapes_c1_and_bidi_controls() {
    let yaml = format!(
        "{}actors:\n  - {{id: a, name: \"Eve\\u009b31m \\u202eevil\", kind: person, sources: [s]}}\n",
        common::HEADER
    );
    let (_dir, path) = common::write_temp("d.yaml", yaml.as_bytes());
    let file = path.to_str().unwrap();
    let runs = [
        vec!["show", "a", "--format", "json", "--dossier", file],
        vec!["search", "eve", "--format", "json", "--dossier", file],
        vec!["list", "actors", "--format", "json", "--dossier", file],
        vec![
            "export",
            file,
            "--view",
            "actors",
            "--format",
            "json",
            "--no-timestamp",
        ],
    ];
    for args in runs {
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(
            !out.contains(['\u{9b}', '\u{202e}']),
            "{args:?} printed a control raw"
        );
        assert!(out.contains(r"\u009b31m \u202eevil"), "{args:?}: {out}");
        assert!(
            serde_json::from_str::<serde_json::Value>(&out).is_ok(),
            "{args:?}"
        );
    }
}

/// Output to a pipe whose reader is gone ends quietly with 141, as git does; a full disk
/// is one line and status 1; no command panics on a failed write.
#[test]
fn failed_writes_end_cleanly() {
    let commands: [&[&str]; 4] = [
        &["completions", "bash"],
        &["validate"],
        &["search", "putin"],
        &["export", "--view", "events"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
            .args(args)
            .stdout(writer)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(141), "{args:?}");
        assert!(
            output.stderr.is_empty(),
            "{args:?}: {:?}",
            String::from_utf8_lossy(&output.stderr)
        );

        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_eq!(
            String::from_utf8_lossy(&output.stderr),
            "talks: cannot write the output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

/// A file name is shown, never executed: `ESC ]0;…BEL` must not retitle the terminal,
/// `ESC ]52;…` must not write the clipboard, a newline must not forge a second line.
#[test]
fn file_names_reach_messages_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "a\u{1b}]0;pwned\u{7}b\nfake error\u{1b}]52;c;eA==\u{7}.yaml";
    let path = dir.path().join(evil);
    let file = path.to_str().unwrap();
    let raw = |text: &str| text.contains(['\u{1b}', '\u{7}']);
    // Missing, then present with a problem in it, then as an export target that exists.
    let (code, out, err) = run(&["validate", file]);
    assert_eq!(code, 2);
    assert!(!raw(&err) && !raw(&out), "{err:?}");
    assert!(
        err.contains("a^[]0;pwned^Gb fake error^[]52;c;eA==^G.yaml: error: no such file"),
        "{err:?}"
    );
    std::fs::write(&path, "version: 1\ntitle: [unclosed\n").unwrap();
    let (code, _, err) = run(&["validate", file]);
    assert_eq!(code, 2);
    assert!(!raw(&err), "{err:?}");
    assert_eq!(
        err.lines().filter(|l| l.contains("fake error")).count(),
        1,
        "{err:?}"
    );
    let (code, _, err) = run(&["export", "--view", "events", "-o", file]);
    assert_eq!(code, 1);
    assert!(!raw(&err), "{err:?}");
    assert!(err.contains("already exists; use --force"), "{err:?}");
}

/// `-o -` is standard output, not a file named `-`.
#[test]
fn export_to_dash_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["export", "--view", "actors", "-o", "-", "--no-timestamp"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("Actors"));
    assert!(!dir.path().join("-").exists(), "no file named -");
}

/// Messages to a stderr whose reader is gone (`talks validate bad.yaml 2>&1 | head -c 10`)
/// are dropped: the command ends with its own status, never a panic (101).
#[test]
fn a_closed_stderr_is_no_panic() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["validate", "tests/fixtures/bad-references.yaml"])
        .stderr(writer)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

/// The explorer takes its keys from standard input: a dossier piped into it is refused
/// with what to do instead; `talks new --append` names a folder for what it is.
#[test]
fn what_the_explorer_and_append_cannot_read_is_explained() {
    let output = common::talks()
        .arg("-")
        .write_stdin(std::fs::read("tests/fixtures/over-time.yaml").unwrap())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(
        err.contains("cannot read the dossier from standard input: save it to a file"),
        "{err}"
    );
    let (code, _, err) = run(&["new", "actor", "--append", "tests/fixtures/marsh-river"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("tests/fixtures/marsh-river is a folder: --append adds to one file"),
        "{err}"
    );
}
