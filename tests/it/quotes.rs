//! `talks validate` checks quotes against the text of the source they cite (`text:` on a
//! source, or `--source-text ID=PATH`), with fixture texts in tests/fixtures/quotes.

use crate::common::{run, talks, write_temp};

const DIR: &str = "tests/fixtures/quotes";

fn validate(args: &[&str]) -> (i32, String, String) {
    let mut all = vec!["validate"];
    all.extend_from_slice(args);
    let (code, out, err) = run(&all);
    (code, out, err.replace(DIR, "DIR"))
}

#[test]
fn quotes_differing_only_in_quote_marks_dashes_and_line_breaks_pass() {
    let (code, out, err) = validate(&[&format!("{DIR}/dossier.yaml")]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        format!(
            "3 quotes checked against the text of the source cited: all found\n\
             1 quote not checked: its source has no text (statement)\n\
             {DIR}/dossier.yaml: valid: 1 actor, 1 event, 0 sticking points, 0 places, 2 sources\n"
        )
    );
    assert_eq!(err, "");
}

#[test]
fn a_changed_word_is_an_error_at_the_quote_with_the_closest_passage() {
    let (code, out, err) = validate(&[&format!("{DIR}/changed-word.yaml")]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "DIR/changed-word.yaml:32:15: error: the quote is not in the text of the source \
         \"report\" (DIR/report.txt); did you mean \"question Moscow\u{2019}s sincerity\"? (at \
         events[0].quotes[2].text)\n    |\n 32 |         text: doubt Moscow's sincerity\n    \
         |               ^\n\n\
         3 quotes checked against the text of the source cited: 1 not found\n\
         1 quote not checked: its source has no text (statement)\n\
         DIR/changed-word.yaml does not pass: 1 quote is not in the text of the source cited\n"
    );
}

#[test]
fn source_text_on_the_command_line_wins_over_the_dossiers() {
    let (_dir, text) = write_temp("fixed.txt", b"They doubt Moscow's sincerity.");
    let given = format!("report={}", text.display());
    let (code, out, err) =
        validate(&[&format!("{DIR}/changed-word.yaml"), "--source-text", &given]);
    assert_eq!(code, 2);
    // The dossier's report.txt is not read: its quote is found, the other two are not.
    assert!(err.contains("2 quotes are not in the text"), "{err}");
    assert!(!err.contains(":32:15:"), "{err}");
    assert!(
        err.contains("3 quotes checked against the text of the source cited: 2 not found"),
        "{err}"
    );
    assert_eq!(out, "");
    let (_dir, text) = write_temp(
        "all.txt",
        "serious commitment to long-term peace; \"no compromise\" on the territory; \
         doubt Moscow's sincerity"
            .as_bytes(),
    );
    let given = format!("report={}", text.display());
    let (code, out, err) =
        validate(&["--source-text", &given, &format!("{DIR}/changed-word.yaml")]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("3 quotes checked against the text of the source cited: all found\n"),
        "{out}"
    );
}

#[test]
fn every_quote_of_a_source_is_checked_when_its_text_is_given() {
    let given = format!("statement={DIR}/statement.txt");
    let (code, out, err) = validate(&[&format!("{DIR}/dossier.yaml"), "--source-text", &given]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with("4 quotes checked against the text of the source cited: all found\n"),
        "{out}"
    );
    assert!(!out.contains("not checked"), "{out}");
}

#[test]
fn an_unknown_source_id_names_the_known_ones() {
    let (code, out, err) = validate(&[
        "--source-text",
        &format!("reprot={DIR}/report.txt"),
        &format!("{DIR}/dossier.yaml"),
    ]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        "talks: --source-text reprot=DIR/report.txt: \"reprot\" is not a source of \
         DIR/dossier.yaml; its sources: report, statement\n\n\
         1 source text cannot be used: the quotes were not checked\n"
    );
}

#[test]
fn a_missing_source_text_is_named() {
    let (code, _, err) = validate(&[
        &format!("{DIR}/dossier.yaml"),
        "--source-text",
        &format!("report={DIR}/no-such.txt"),
    ]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "DIR/no-such.txt: error: cannot be used as the text of the source \"report\" \
             (--source-text): no such file\n"
        ),
        "{err}"
    );
    let (code, _, err) = validate(&[&format!("{DIR}/missing-text.yaml")]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "DIR/missing-text.yaml:7:11: error: the text of the source \"report\" cannot be \
             read: DIR/no-such-report.txt: no such file (at sources[0].text)\n"
        ),
        "{err}"
    );
}

#[test]
fn a_source_text_must_be_utf8_and_a_regular_file() {
    let (dir, text) = write_temp("latin1.txt", b"caf\xe9 au lait\nna\xefve");
    let given = format!("report={}", text.display());
    let (code, _, err) = validate(&[&format!("{DIR}/dossier.yaml"), "--source-text", &given]);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "latin1.txt: error: cannot be used as the text of the source \"report\" \
             (--source-text): the file is not valid UTF-8 (byte 0xE9 at line 1, column 4): \
             save it as UTF-8 text"
        ),
        "{err}"
    );
    let given = format!("report={}", dir.path().display());
    let (code, _, err) = validate(&[&format!("{DIR}/dossier.yaml"), "--source-text", &given]);
    assert_eq!(code, 2);
    assert!(err.contains("this is a folder"), "{err}");
}

#[test]
fn a_malformed_source_text_argument_is_a_usage_error() {
    let (code, _, err) = validate(&["--source-text", "report"]);
    assert_eq!(code, 2);
    assert!(err.contains("write ID=PATH"), "{err}");
}

#[test]
fn text_of_a_dossier_on_standard_input_is_found_from_the_current_folder() {
    let dossier = std::fs::read(format!("{DIR}/changed-word.yaml")).unwrap();
    let output = talks()
        .args(["validate", "-"])
        .current_dir(DIR)
        .write_stdin(dossier)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        err.starts_with(
            "standard input:32:15: error: the quote is not in the text of the source \"report\" \
             (report.txt); did you mean"
        ),
        "{err}"
    );
}

#[test]
fn without_source_texts_validate_says_nothing_of_quotes() {
    let (code, out, _) = validate(&["tests/fixtures/minimal.yaml"]);
    assert_eq!(code, 0);
    assert!(!out.contains("quote"), "{out}");
}
