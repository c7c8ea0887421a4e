//! `talks init --empty FILE`: a blank dossier to fill in (one of each kind, every line
//! explained) that validates as written and after the README's first steps; a dossier
//! file that is not there says how to start one.

#![allow(clippy::disallowed_methods)]

use crate::common::{run, run_env};

const SKELETON: &str = "assets/skeleton.yaml";

fn s(path: &std::path::Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn the_skeleton_is_written_and_validates_strictly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cyprus.yaml");
    let data = tempfile::tempdir().unwrap();
    let env = [("XDG_DATA_HOME", s(data.path()))];
    let (code, out, err) = run_env(&["init", "--empty", s(&file)], &env);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(&format!(
            "Wrote a blank dossier, one of each kind with every line explained, to {}",
            file.display()
        )),
        "{out}"
    );
    assert!(
        !out.contains("notes"),
        "a blank dossier takes no notes along: {out}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        std::fs::read_to_string(SKELETON).unwrap()
    );
    let (code, out, err) = run(&["validate", "--strict", s(&file)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("valid: 2 actors, 1 event, 1 sticking point, 1 place, 1 source"),
        "{out}"
    );
    // Never over a file that is there.
    let (code, _, err) = run(&["init", "--empty", s(&file)]);
    assert_eq!(code, 2);
    assert!(err.contains("choose another name"), "{err}");
}

/// Every line that says something carries a comment that explains it, and every kind of
/// entity and every required field of each is there.
#[test]
fn every_line_of_the_skeleton_is_explained() {
    let text = std::fs::read_to_string(SKELETON).unwrap();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        assert!(
            line.contains(" # "),
            "line {} has no comment: {line:?}",
            n + 1
        );
    }
    for key in [
        "version:",
        "title:",
        "sources:",
        "actors:",
        "places:",
        "events:",
        "sticking_points:",
        "positions:",
        "quotes:",
        "order:",
        "stance:",
        "as_of:",
    ] {
        assert!(text.contains(key), "the skeleton lacks {key}");
    }
}

/// The README's next steps: add an actor and a position with `talks new --append`, then
/// validate; each result loads.
#[test]
fn the_skeleton_filled_in_as_the_readme_says_validates() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cyprus.yaml");
    assert_eq!(run(&["init", "--empty", s(&file)]).0, 0);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace("A new negotiation", "Cyprus reunification talks")
        .replace("Country A", "Cyprus");
    std::fs::write(&file, text).unwrap();
    let (code, out, err) = run(&["new", "actor", "--id", "turkey", "--append", s(&file)]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(&[
        "new",
        "position",
        "--sticking-point",
        "border",
        "--actor",
        "turkey",
        "--append",
        s(&file),
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = run(&["validate", s(&file)]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("valid: 3 actors"), "{out}");
    let (_, shown, _) = run(&["show", "-d", s(&file), "country-a"]);
    assert!(shown.contains("Cyprus"), "{shown}");
}

/// A dossier file that is not there says how to start one, wherever a dossier is opened
/// or added to; an older version (`--since`, `diff`) is only said to be missing.
#[test]
fn a_missing_dossier_suggests_init_empty() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cyprus.yaml");
    let said = format!(
        "{}: error: no such file (to start a new dossier there: talks init --empty {})",
        file.display(),
        file.display()
    );
    for args in [
        vec!["validate", s(&file)],
        vec!["new", "actor", "--append", s(&file)],
        vec!["list", "actors", "-d", s(&file)],
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.starts_with(&said), "{args:?}: {err}");
    }
    let (_, _, err) = run(&["list", "actors", "--since", s(&file)]);
    assert!(
        err.starts_with(&format!("{}: error: no such file\n", file.display())),
        "{err}"
    );
    assert!(!err.contains("init --empty"), "{err}");
}
