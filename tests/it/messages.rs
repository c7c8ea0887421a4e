//! Messages quote values cut, never whole: a file that is one 5 MB plain scalar, alone or
//! as a part of a folder, is named in a message under 1 KB that still says
//! FILE:LINE:COLUMN and what is wrong. The files are generated here, never committed.

use std::path::Path;

use crate::common::run;

const FIVE_MB: usize = 5_000_000;
const HEAD: &str = "tests/fixtures/minimal.yaml";

/// `talks validate PATH`: the exit code and stderr with `dir` written `DIR`.
fn validate(path: &Path, dir: &Path) -> (i32, String) {
    let (code, _, err) = run(&["validate", path.to_str().unwrap()]);
    (code, err.replace(dir.to_str().unwrap(), "DIR"))
}

/// A folder dossier: the minimal dossier as its first file, `part` as its second.
fn folder_with(part: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(HEAD, dir.path().join("00-head.yaml")).unwrap();
    std::fs::write(dir.path().join("01-part.yaml"), part).unwrap();
    dir
}

fn assert_short(err: &str) {
    assert!(
        err.len() < 1024,
        "{} bytes: {}",
        err.len(),
        &err[..2000.min(err.len())]
    );
}

#[test]
fn a_file_that_is_one_5_mb_scalar_is_named_in_a_short_message() {
    let scalar = format!("{}\n", "a".repeat(FIVE_MB));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one.yaml");
    std::fs::write(&file, &scalar).unwrap();
    let (code, err) = validate(&file, dir.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.starts_with(
            "DIR/one.yaml:1:1: error: this is not a dossier: the file is plain text, not a YAML \
             mapping with `version`, `title` and `sources`\n"
        ),
        "{err}"
    );

    let folder = folder_with(&scalar);
    let (code, err) = validate(folder.path(), folder.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.starts_with(
            "DIR/01-part.yaml:1:1: error: this is not a file of a folder dossier: the file is \
             plain text, not a YAML mapping with `version`\n"
        ),
        "{err}"
    );
}

#[test]
fn a_5_mb_value_of_the_wrong_type_is_quoted_cut() {
    let cut = format!("\"{}…\"", "b".repeat(80));
    let part = format!("version: {}\n", "b".repeat(FIVE_MB));
    let folder = folder_with(&part);
    let (code, err) = validate(folder.path(), folder.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.starts_with(&format!(
            "DIR/01-part.yaml:1:10: error: version: invalid type: string {cut}, expected a whole \
             number from 0 to 4294967295\n"
        )),
        "{err}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.yaml");
    let text = std::fs::read_to_string(HEAD).unwrap();
    std::fs::write(
        &file,
        format!("{text}{part}").replacen("version: 1\n", "", 1),
    )
    .unwrap();
    let (code, err) = validate(&file, dir.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.contains(&format!("version: invalid type: string {cut}")),
        "{err}"
    );
}

/// The checks after reading quote values too: an unknown kind (the dossier's checks) and
/// an unknown sticking point named by a folder's part (the folder's own check).
#[test]
fn a_long_unknown_value_is_quoted_cut() {
    let long = "c".repeat(200_000);
    let cut = format!("\"{}…\"", "c".repeat(80));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.yaml");
    let text = std::fs::read_to_string(HEAD).unwrap();
    assert!(text.contains("    kind: state\n"), "the fixture changed");
    std::fs::write(
        &file,
        text.replace("    kind: state\n", &format!("    kind: {long}\n")),
    )
    .unwrap();
    let (code, err) = validate(&file, dir.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.contains(&format!(
            ":10:11: error: unknown actor kind {cut}; expected one of:"
        )),
        "{err}"
    );

    let part = format!(
        "version: 1\npositions:\n  - sticking_point: {long}\n    actor: alpha\n    stance: supports\n    summary: s\n"
    );
    let folder = folder_with(&part);
    let (code, err) = validate(folder.path(), folder.path());
    assert_eq!(code, 2);
    assert_short(&err);
    assert!(
        err.contains(&format!(
            "DIR/01-part.yaml:3:21: error: unknown sticking point {cut} (at positions[0].sticking_point)"
        )),
        "{err}"
    );
}
