//! Every kind of bad dossier gets exit code 2 and a message that says what and where.

use crate::common;
use crate::common::{HEADER, run, validate_bytes};

fn assert_error(bytes: &[u8], expected: &[&str]) {
    let (code, err) = validate_bytes(bytes);
    assert_eq!(code, 2, "{err}");
    for part in expected {
        assert!(err.contains(part), "expected {part:?} in:\n{err}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn missing_file() {
    let (code, _, err) = run(&["validate", "no/such/dossier.yaml"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with("no/such/dossier.yaml: error: no such file"),
        "{err}"
    );
}

#[test]
fn a_folder_without_yaml_files() {
    // A folder is a dossier of its YAML files (tests/it/folder.rs); an empty one says so.
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(&["validate", dir.path().to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        err.contains("error: the folder holds no .yaml or .yml file"),
        "{err}"
    );
}

#[test]
fn empty_file() {
    assert_error(b"", &["FILE:1:1: error: the file is empty"]);
    assert_error(b"\n  \n", &["FILE:3:1: error: the file is empty"]);
}

#[test]
fn not_yaml() {
    assert_error(
        b"version: 1\ntitle: \"unclosed\nsources: []\n",
        &["FILE:2:8: error: found unexpected end of stream, while scanning a quoted scalar"],
    );
    assert_error(
        b"title: a: b\n",
        &["FILE:1:9: error: mapping values are not allowed in this context"],
    );
}

#[test]
fn yaml_of_the_wrong_shape() {
    assert_error(
        b"- just\n- a list\n",
        &[
            "FILE:1:1: error: invalid type: a list, expected a dossier: a mapping with `version`, `title` and `sources`",
        ],
    );
}

#[test]
fn wrong_types() {
    assert_error(
        b"version: one\ntitle: T\nsources: []\n",
        &["FILE:1:10: error: version: invalid type: string \"one\", expected a whole number"],
    );
    let bad_order = format!(
        "{HEADER}events:\n  - id: e\n    title: E\n    kind: meeting\n    status: held\n    order: 99999999999\n"
    );
    assert_error(
        bad_order.as_bytes(),
        &["FILE:12:12: error: events[0].order: invalid value"],
    );
}

#[test]
fn unknown_keys() {
    let text =
        format!("{HEADER}actors:\n  - id: a\n    name: A\n    kind: person\n    rol: envoy\n");
    assert_error(
        text.as_bytes(),
        &["FILE:11:5: error: actors[0]: unknown field `rol`, expected one of"],
    );
}

#[test]
fn duplicate_ids_and_references_and_vocabulary_all_reported() {
    let text = std::fs::read("tests/fixtures/bad-references.yaml").unwrap();
    assert_error(
        &text,
        &[
            "FILE:12:9: error: duplicate id \"notes\": already used by the source; the other is at line 4, column 9",
            "FILE:15:9: error: invalid id \"Bad_Id\"",
            "FILE:11:17: error: actor \"witkoff\" cannot represent itself",
            "FILE:30:12: error: \"witkoff\" is an actor, but this field needs a place",
            "FILE:31:20: error: unknown actor \"witkof\"; did you mean \"witkoff\"?",
            " 31 |     participants: [witkof, florida]\n    |                    ^",
            "FILE:31:28: error: \"florida\" is a place, but this field needs an actor",
            "FILE:14:11: error: unknown actor kind \"persn\"; did you mean \"person\"?",
            "FILE:27:13: error: unknown event status \"maybe\"",
            "FILE:29:11: error: invalid date \"2025-02-30\": month 2 of 2025 has 28 days",
            "FILE:36:17: error: unknown source \"nowhere\"",
            "13 errors, 5 warnings: the dossier was not loaded",
        ],
    );
}

#[test]
fn cycles_in_represents_and_part_of() {
    let text = std::fs::read("tests/fixtures/cycles.yaml").unwrap();
    assert_error(
        &text,
        &[
            "FILE:11:17: error: `represents` goes round in a circle: a → b → a",
            "FILE:20:14: error: `part_of` goes round in a circle: x → y → x",
        ],
    );
}

#[test]
fn invalid_version_and_no_sources() {
    assert_error(
        b"version: 2\ntitle: T\nsources: []\n",
        &[
            "FILE:1:10: error: unsupported dossier version 2; this talks reads version 1",
            "FILE:3:10: error: a dossier needs at least one source",
        ],
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    assert_error(
        b"version: 1\ntitle: \"caf\xe9\"\n",
        &["FILE:2:12: error: the file is not valid UTF-8 (byte 0xE9)"],
    );
}

#[test]
fn tabs_for_indentation() {
    let text = "version: 1\ntitle: T\nsources:\n\t- id: s\n";
    assert_error(
        text.as_bytes(),
        &[
            "FILE:4:1: error:",
            "YAML does not allow tabs for indentation: use spaces",
        ],
    );
}

#[test]
fn alias_bombs_fail_fast() {
    assert_error(
        common::alias_bomb_in_actors(10, 9).as_bytes(),
        &["FILE:13:66: error: the aliases expand to more than"],
    );
    assert_error(
        talks::generate::billion_laughs().as_bytes(),
        &["error: the aliases expand to more than"],
    );
    // One 1 MB string aliased 3,000 times: 3 GB to build, refused at the alias that passes
    // ten times the file.
    let big = format!(
        "{HEADER}actors:\n  - {{id: a, name: &n \"{}\", kind: person, sources: [s]}}\n  - {{id: b, name: B, kind: person, aliases: [{}]}}\n",
        "x".repeat(1 << 20),
        vec!["*n"; 3_000].join(", ")
    );
    assert_error(
        big.as_bytes(),
        &[
            "FILE:9:90: error: the aliases expand to more than 11.1 MiB (ten times the file, and 1 MiB)",
        ],
    );
}

#[test]
fn deeply_nested_documents() {
    let deep = format!(
        "{HEADER}actors: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    // Refused before any reader sees it, at the bracket that goes one level too deep.
    assert_error(
        deep.as_bytes(),
        &["FILE:7:73: error: the document nests deeper than 64 levels here"],
    );
    let dashes = format!("{HEADER}actors:\n{}x\n", "- ".repeat(100_000));
    assert_error(
        dashes.as_bytes(),
        &["FILE:8:129: error: the document nests deeper than 64 levels here"],
    );
    let top = format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let (code, err) = validate_bytes(top.as_bytes());
    assert_eq!(code, 2);
    // The quoted line is cut to a window, not 20 000 characters.
    assert!(err.len() < 1_000, "{}", err.len());
}

#[test]
fn nul_bytes() {
    assert_error(
        b"version: 1\ntitle: \"a\0b\"\n",
        &[
            "FILE:2:10: error: the file contains a raw control character U+0000 (NUL); is it really a text file?",
        ],
    );
}

#[test]
fn bom_and_crlf_load_normally() {
    let text = format!("\u{feff}{}", HEADER.replace('\n', "\r\n"));
    let (code, err) = validate_bytes(text.as_bytes());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn control_characters_are_kept_and_warned_about() {
    let text = format!(
        "{HEADER}actors:\n  - id: a\n    name: \"Evil \\e[2J\\a\\u202E\"\n    kind: person\n"
    );
    let (_dir, path) = common::write_temp("controls.yaml", text.as_bytes());
    let (code, out, err) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("valid: 1 actor"), "{out}");
    assert!(err.contains(":9:11: warning: control, bidi or invisible character U+001B, U+0007, U+202E in the text; kept as data and shown as ^[, ^G, <U+202E> (at actors[0].name)"), "{err}");
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}') && !err.contains('\u{202e}'));
    // The data is kept: show prints it, escaped.
    let (code, out, _) = run(&["show", "a", "--dossier", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Evil ^[[2J^G<U+202E>\n"), "{out}");
}

/// Tags other than !!str, !!int, !!bool and !!null are refused where they stand, not read
/// as their text (`!!binary` gave the base64 text as a title).
#[test]
fn explicit_tags_are_refused_but_the_plain_core_ones() {
    let binary = format!(
        "{HEADER}actors:\n  - {{id: a, name: !!binary aGVsbG8=, kind: person, sources: [s]}}\n"
    );
    assert_error(
        binary.as_bytes(),
        &["FILE:8:19: error: the tag !!binary is not allowed: a dossier holds plain values"],
    );
    assert_error(
        b"version: 1\ntitle: !secret x\nsources: [{id: s, title: S, kind: k}]\n",
        &["FILE:2:8: error: the tag !secret is not allowed"],
    );
    let plain =
        format!("{HEADER}actors:\n  - {{id: a, name: !!str Ana, kind: person, sources: [s]}}\n");
    let (code, err) = validate_bytes(plain.as_bytes());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn an_unclosed_bracket_is_reported_as_such_not_as_a_wrong_type() {
    assert_error(
        b"version: 1\ntitle: [unclosed\nsources: [{id: s, title: S, kind: k}]\n",
        &[
            "FILE:3:8: error: did not find expected ',' or ']', while parsing a flow sequence; \
           the [ at line 2, column 8 is not closed",
        ],
    );
}

#[test]
fn utf16_and_doubled_byte_order_marks_say_what_they_are() {
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("version: 1\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_error(
        &utf16,
        &[
            "FILE:1:1: error: the file is not valid UTF-8 (byte 0xFF); a dossier must be UTF-8 text; it looks like UTF-16: save it as UTF-8",
        ],
    );
    let without_bom: Vec<u8> = "version: 1\ntitle: T\n"
        .encode_utf16()
        .flat_map(u16::to_be_bytes)
        .collect();
    let (code, err) = validate_bytes(&without_bom);
    assert_eq!(code, 2);
    assert!(err.contains("the file looks like UTF-16"), "{err}");
    let doubled = format!("\u{feff}\u{feff}{HEADER}");
    assert_error(
        doubled.as_bytes(),
        &[
            "FILE:1:1: error: the file starts with more than one byte-order mark (U+FEFF): remove the extra ones",
        ],
    );
}

/// Only regular files are opened (a pipe with no writer would hang the reader, a device
/// would flood it), and standard input as `-`.
#[test]
fn pipes_and_devices_are_refused_before_they_are_opened() {
    let not_regular = "error: this is not a regular file (a pipe, a device or a socket): talks \
                       reads dossier files, or standard input given as -";
    let (code, _, err) = run(&["validate", "/dev/zero"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(&format!("/dev/zero: {not_regular}")),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (code, _, err) = run(&["list", "actors", "--dossier", fifo.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains(not_regular), "{err}");
}

#[test]
fn files_over_the_size_limit_are_refused_and_the_limit_can_be_changed() {
    let (code, _, err) = run(&["validate", "data/talks.yaml", "--max-size", "10k"]);
    assert_eq!(code, 2);
    assert!(
        err.starts_with(
            "data/talks.yaml: error: the file is larger than 10 KiB, the most talks reads \
             (--max-size changes it)"
        ),
        "{err}"
    );
    let (code, _, err) = run(&["validate", "data/talks.yaml", "--max-size", "1M"]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run(&["validate", "--max-size", "lots"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("\"lots\" is not a size: write e.g. 2G, 500M, 64k"),
        "{err}"
    );
}

#[test]
fn standard_input_is_read_as_dash() {
    let yaml = std::fs::read("data/talks.yaml").unwrap();
    let output = common::talks()
        .args(["show", "putin", "--dossier", "-"])
        .write_stdin(yaml)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).contains("Vladimir Putin"));
    let output = common::talks()
        .args(["validate", "-", "--max-size", "1k"])
        .write_stdin(vec![b'#'; 4096])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&output.stderr)
            .starts_with("standard input: error: the file is larger than 1 KiB")
    );
}

/// Line separators, a zero-width space and a byte-order mark inside a value are kept as
/// data with a warning, as control characters are, and shown escaped.
#[test]
fn invisible_characters_in_values_are_warned_about() {
    let yaml = format!(
        "{HEADER}actors:\n  - {{id: a, name: \"Eve\\u2028Mallory\\u200B\\uFEFF\", kind: person, sources: [s]}}\n"
    );
    let (code, err) = validate_bytes(yaml.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains(
            ":8:19: warning: control, bidi or invisible character U+2028, U+200B, U+FEFF in the \
             text; kept as data and shown as <U+2028>, <U+200B>, <U+FEFF> (at actors[0].name)"
        ),
        "{err}"
    );
}

/// A quote's speakers, a basis and the places an event concerns are placed at their
/// line:column like every other reference.
#[test]
fn speakers_basis_and_concerns_are_reported_where_they_are_written() {
    let text = format!(
        "{HEADER}actors:\n  - {{id: witkoff, name: W, kind: person, sources: [s]}}\nevents:\n  - id: e\n    title: E\n    kind: claim\n    status: claimed\n    order: 1\n    concerns: [pokrovks]\n    sources: [s]\n    quotes:\n      - by: [witkoff, umerov]\n        text: hi\n        source: s\n        basis: infered\n"
    );
    let header_lines = HEADER.lines().count();
    let at = |line: usize, column: usize| format!("FILE:{}:{column}: error:", header_lines + line);
    assert_error(
        text.as_bytes(),
        &[
            &format!("{} unknown place \"pokrovks\"", at(9, 16)),
            &format!("{} unknown actor \"umerov\"", at(12, 23)),
            &format!(
                "{} unknown basis \"infered\"; did you mean \"inferred\"?",
                at(15, 16)
            ),
        ],
    );
}
