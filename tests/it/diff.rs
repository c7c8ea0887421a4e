//! `talks diff OLD NEW`: goldens in three formats on the fictional Marsh River talks
//! (second and third weekly report), exit codes like diff(1), and every bad input.

use crate::common;
use crate::common::{golden, run, talks};

const WEEK2: &str = "tests/fixtures/over-time-week2.yaml";
const WEEK3: &str = "tests/fixtures/over-time.yaml";

#[test]
fn what_the_third_report_changed_in_each_format() {
    for (format, file) in [
        ("txt", "diff.txt"),
        ("md", "diff.md"),
        ("json", "diff.json"),
    ] {
        let (code, out, err) = run(&["diff", WEEK2, WEEK3, "--format", format]);
        assert_eq!(code, 1, "{err}");
        golden(file, &out);
    }
    let (_, out, _) = run(&["diff", WEEK2, WEEK3, "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["equal"], false);
    assert_eq!(value["stance_shifts"][0]["before"]["stance"], "conditional");
    assert_eq!(value["stance_shifts"][0]["after"]["basis"], "inferred");
}

#[test]
fn the_same_content_is_equal_whatever_its_order_and_layout() {
    let text = std::fs::read_to_string(WEEK3).unwrap();
    // Flow lists reversed, a comment added, the sticking points in the other order.
    let reordered = text
        .replace(
            "participants: [aldoria, brevik, ostra]",
            "participants: [ostra, brevik, aldoria]",
        )
        .replace("# A fictional", "# Reordered.\n# A fictional");
    let (first, second) = reordered.split_once("  - id: port-access").unwrap();
    let (head, river) = first.split_once("sticking_points:\n").unwrap();
    let reordered = format!("{head}sticking_points:\n  - id: port-access{second}{river}");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reordered.yaml");
    std::fs::write(&path, reordered).unwrap();
    let (code, out, err) = run(&["diff", WEEK3, path.to_str().unwrap()]);
    assert_eq!((code, err.as_str()), (0, ""), "{out}");
    assert!(
        out.ends_with("No differences: the two dossiers say the same.\n"),
        "{out}"
    );
}

#[test]
fn a_file_that_does_not_load_is_reported_as_validate_does() {
    let (dir, path) = common::write_temp("broken.yaml", b"version: 1\ntitle: [\n");
    let (code, _, err) = run(&["diff", WEEK3, path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("broken.yaml:3:1: error: did not find expected node content"),
        "{err}"
    );
    assert!(err.contains("the dossier was not loaded"), "{err}");
    drop(dir);
    let (code, _, err) = run(&["diff", "-", "-"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: only one of OLD and NEW can be standard input (-)\n"
    );
}

#[test]
fn git_revisions_are_read_and_their_problems_named() {
    let (code, _, err) = run(&["diff", "git:HEAD", WEEK3]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: \"git:HEAD\" is not git:REV:PATH (e.g. git:HEAD~1:data/talks.yaml)\n"
    );
    // Without git on the PATH.
    let output = talks()
        .args(["diff", "git:HEAD:data/talks.yaml", WEEK3])
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "talks: cannot read git:HEAD:data/talks.yaml: git is not installed (it is needed for git:REV:PATH)\n"
    );
    let has_git = std::process::Command::new("git")
        .args(["rev-parse", "HEAD"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_git {
        // A revision that does not exist: git's own words.
        let (code, _, err) = run(&["diff", "git:no-such-revision:data/talks.yaml", WEEK3]);
        assert_eq!(code, 2);
        assert!(
            err.starts_with(
                "talks: cannot read git:no-such-revision:data/talks.yaml: git says: fatal:"
            ),
            "{err}"
        );
        // A folder at a revision: the committed reports read as the single file.
        let (code, out, err) = run(&["diff", "git:HEAD:tests/fixtures/marsh-river", WEEK3]);
        assert_eq!(code, 0, "{out}{err}");
        let (code, _, err) = run(&["diff", "git:HEAD:src", WEEK3]);
        assert_eq!(code, 2);
        assert_eq!(
            err,
            "talks: git:HEAD:src: the folder holds no .yaml or .yml file at that revision\n"
        );
        // The committed built-in dossier against itself.
        let (code, out, _) = run(&["diff", "git:HEAD:data/talks.yaml", "data/talks.yaml"]);
        assert_eq!(code, 0, "{out}");
    }
}

#[test]
fn control_characters_in_data_never_reach_the_terminal() {
    let text = std::fs::read_to_string(WEEK3).unwrap();
    let changed = text.replace(
        "title: Third round,",
        "title: \"Third \\e[31mround\\u202E\",",
    );
    let (dir, path) = common::write_temp("bidi.yaml", changed.as_bytes());
    let (code, out, _) = run(&["diff", WEEK3, path.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(
        !out.contains('\u{1b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    drop(dir);
}
