//! `talks new --append` on files the dossier reader accepts in forms the event parser that
//! finds where to add reads differently: a tab after `:`, a line the event parser refuses
//! (its message placed at FILE:LINE:COLUMN), and a file whose lines end in CR alone.

use crate::common::{talks, write_temp};

const SHORT: &str = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n\
                     actors:\n  - id: a\n    name: A\n    kind: state\n    sources: [s]\n";

/// `talks new ARGS --append FILE` on a file holding `text`: exit code, stdout and stderr
/// (the file's path written FILE), and the file's bytes after.
fn append(text: &str, args: &[&str]) -> (i32, String, String, Vec<u8>) {
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let file = path.to_str().unwrap();
    let output = talks()
        .arg("new")
        .args(args)
        .args(["--append", file])
        .output()
        .unwrap();
    let shown = |bytes: &[u8]| String::from_utf8_lossy(bytes).replace(file, "FILE");
    (
        output.status.code().unwrap_or(-1),
        shown(&output.stdout),
        shown(&output.stderr),
        std::fs::read(&path).unwrap(),
    )
}

#[test]
fn a_tab_after_a_colon_is_read_as_the_dossier_reader_reads_it() {
    let spaced = append(SHORT, &["actor", "--id", "b"]);
    assert_eq!(spaced.0, 0, "{}", spaced.2);
    let tabbed_text = SHORT.replace("name: A", "name:\tA");
    let (code, out, err, after) = append(&tabbed_text, &["actor", "--id", "b"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "FILE:12: added the actor \"b\" (8 lines)\n");
    assert_eq!(out, spaced.1);
    // The file as it was, tab and all, then the same item.
    assert_eq!(&after[..tabbed_text.len()], tabbed_text.as_bytes());
    assert_eq!(&after[tabbed_text.len()..], &spaced.3[SHORT.len()..]);
}

#[test]
fn a_line_the_event_parser_refuses_is_named_by_line_and_column() {
    let text = SHORT.replace("name: A\n", "name: \"A\n\tB\"\n");
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, _, err) = crate::common::run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "the dossier reader takes it: {err}");
    let (code, out, err, after) = append(&text, &["actor", "--id", "b"]);
    assert_eq!(code, 2, "{out}");
    assert_eq!(
        err,
        "talks: FILE:10:1: cannot add the actor: the file loads, but the YAML event parser \
         that finds where to add it stops here: tab cannot be used as indentation; nothing \
         was written (write this line another way, or add the item by hand)\n"
    );
    assert_eq!(after, text.as_bytes(), "the file is as it was");
}

/// The same append on a file with LF line ends and on that file with CR ones: the same
/// line reported, the same bytes but for the line ends, and no LF in the CR file.
fn same_with_cr_line_ends(lf_text: &str, args: &[&str]) {
    let (code, lf_out, err, lf_after) = append(lf_text, args);
    assert_eq!(code, 0, "{err}");
    let cr_text = lf_text.replace('\n', "\r");
    let (code, cr_out, err, cr_after) = append(&cr_text, args);
    assert_eq!(code, 0, "{err}");
    assert_eq!(cr_out, lf_out, "the line reported");
    assert!(!cr_after.contains(&b'\n'), "an LF in the CR file");
    let lf_after = String::from_utf8(lf_after).unwrap();
    assert_eq!(
        String::from_utf8(cr_after).unwrap(),
        lf_after.replace('\n', "\r")
    );
}

#[test]
fn a_file_with_cr_line_ends_keeps_them_and_the_real_line_is_reported() {
    let (_, out, _, _) = append(&SHORT.replace('\n', "\r"), &["actor", "--id", "b"]);
    assert_eq!(out, "FILE:12: added the actor \"b\" (8 lines)\n");
    same_with_cr_line_ends(SHORT, &["actor", "--id", "b"]);
    same_with_cr_line_ends(SHORT, &["place", "--id", "p"]);
    let minimal = std::fs::read_to_string("tests/fixtures/minimal.yaml").unwrap();
    same_with_cr_line_ends(&minimal, &["actor", "--id", "b"]);
    let position = ["position", "--sticking-point", "border", "--actor", "alpha"];
    same_with_cr_line_ends(&minimal, &position);
}

#[test]
fn the_template_printed_for_a_cr_file_is_the_one_for_its_lf_twin() {
    let (_dir, lf) = write_temp("lf.yaml", SHORT.as_bytes());
    let (_dir2, cr) = write_temp("cr.yaml", SHORT.replace('\n', "\r").as_bytes());
    let printed = |path: &std::path::Path| {
        let output = talks()
            .args(["new", "actor", "--id", "b", "-d", path.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let from_cr = printed(&cr);
    assert!(from_cr.contains("\n  - id: b\n"), "{from_cr}");
    assert_eq!(from_cr, printed(&lf));
}
