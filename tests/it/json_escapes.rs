//! JSON output never holds a character a terminal acts on: DEL (0x7F) is written `\u007f`
//! like the C0 and C1 controls, in an export to standard output or to a file and in
//! `talks list --format json`.

use crate::common::{run, write_temp};

/// The minimal dossier with an actor's name holding DEL and the C1 CSI (`U+009B`).
fn dossier() -> (tempfile::TempDir, std::path::PathBuf) {
    let text = std::fs::read_to_string("tests/fixtures/minimal.yaml").unwrap();
    let text = text.replace("name: Alpha\n", "name: \"Al\\x7Fpha\\x9B31m\"\n");
    assert!(text.contains("\\x7F"), "the fixture changed");
    write_temp("del.yaml", text.as_bytes())
}

fn assert_escaped(json: &[u8]) {
    assert!(!json.contains(&0x7f), "a raw DEL");
    let text = String::from_utf8(json.to_vec()).unwrap();
    assert!(text.contains(r#""name": "Al\u007fpha\u009b31m""#), "{text}");
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(
        value.to_string().contains("Al\u{7f}pha"),
        "the same string read back"
    );
}

#[test]
fn del_is_escaped_in_json_output() {
    let (dir, path) = dossier();
    let file = path.to_str().unwrap();
    let (code, out, err) = run(&["export", "--all", "--format", "json", "-d", file]);
    assert_eq!(code, 0, "{err}");
    assert_escaped(out.as_bytes());

    let written = dir.path().join("out.json");
    let target = written.to_str().unwrap();
    let (code, _, err) = run(&[
        "export", "--all", "--format", "json", "-d", file, "-o", target,
    ]);
    assert_eq!(code, 0, "{err}");
    assert_escaped(&std::fs::read(&written).unwrap());

    let (code, out, err) = run(&["list", "actors", "--format", "json", "-d", file]);
    assert_eq!(code, 0, "{err}");
    assert_escaped(out.as_bytes());
}
