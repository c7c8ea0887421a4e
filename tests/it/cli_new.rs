//! `talks new`: templates printed to a pipe, and added to dossier files with `--append`.

use std::path::Path;

use crate::common::{HEADER, run, write_temp};

const KINDS: [&[&str]; 7] = [
    &["actor"],
    &["event"],
    &["sticking-point"],
    &["place"],
    &["source"],
    &["position", "--sticking-point", "SP"],
    &["quote", "--event", "EV"],
];

/// `talks new ARGS` with SP and EV replaced by a sticking point and an event of the dossier.
fn new_args<'a>(kind: &[&'a str], point: &'a str, event: &'a str) -> Vec<&'a str> {
    let mut args = vec!["new"];
    args.extend(kind.iter().map(|&a| match a {
        "SP" => point,
        "EV" => event,
        other => other,
    }));
    args
}

fn append(args: &[&str], path: &Path) -> (i32, String, String) {
    let mut args = args.to_vec();
    args.extend(["--append", path.to_str().unwrap()]);
    run(&args)
}

fn validate(path: &Path) {
    let (code, out, err) = run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}\n{}", std::fs::read_to_string(path).unwrap());
    assert!(out.contains(": valid:"), "{out}");
}

/// The line (from 1) that `talks new --append` reports: `FILE:LINE: added …`.
fn reported_line(out: &str) -> usize {
    let (_, rest) = out.split_once(".yaml:").unwrap();
    rest.split(':').next().unwrap().parse().unwrap()
}

/// `after` without its lines `from`..`from + count` (from 1).
fn without_lines(after: &str, from: usize, count: usize) -> String {
    after
        .split_inclusive('\n')
        .enumerate()
        .filter(|(i, _)| !(from - 1..from - 1 + count).contains(i))
        .map(|(_, line)| line)
        .collect()
}

/// Each template, appended to `dossier`, gives a file that validates; the lines added are
/// the ones printed (after its two lines of comment), and every other byte is kept.
fn each_template_appended_validates(dossier: &Path, point: &str, event: &str) {
    for kind in KINDS {
        let args = new_args(kind, point, event);
        let mut print = args.clone();
        print.extend(["-d", dossier.to_str().unwrap()]);
        let (code, printed, err) = run(&print);
        assert_eq!(code, 0, "{args:?}: {err}");
        let before = std::fs::read_to_string(dossier).unwrap();
        let (code, out, err) = append(&args, dossier);
        assert_eq!(code, 0, "{args:?}: {err}");
        validate(dossier);
        let after = std::fs::read_to_string(dossier).unwrap();
        let template: Vec<&str> = printed.lines().skip(2).collect();
        let line = reported_line(&out);
        let inserted: Vec<&str> = after.lines().skip(line - 1).take(template.len()).collect();
        assert_eq!(inserted, template, "{args:?}");
        // A list that was missing comes with its key, on the line before the item.
        let key = after.lines().nth(line - 2).unwrap();
        let kept = if key.trim_start().starts_with("quotes:") {
            without_lines(&after, line - 1, template.len() + 1)
        } else {
            without_lines(&after, line, template.len())
        };
        assert_eq!(kept, before, "{args:?}");
    }
}

#[test]
fn every_template_appended_to_the_builtin_dossier_validates_and_keeps_the_rest() {
    let (_dir, path) = write_temp("talks.yaml", include_bytes!("../../data/talks.yaml"));
    each_template_appended_validates(&path, "donbas-territory", "florida-talks");
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("  - id: new-actor\n"));
    assert!(
        after.contains("    order: 14  # its place on the timeline"),
        "{after}"
    );
}

#[test]
fn every_template_appended_to_a_minimal_dossier_validates() {
    let (_dir, path) = write_temp(
        "minimal.yaml",
        include_bytes!("../fixtures/minimal.yaml").as_slice(),
    );
    each_template_appended_validates(&path, "border", "meeting");
}

#[test]
fn the_template_goes_to_stdout_for_a_pipe() {
    let (code, out, err) = run(&["new", "place"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out.lines().take(3).collect::<Vec<_>>(),
        [
            "# A new place, to add at the end of `places:`;",
            "# talks new place --append FILE adds it there.",
            "  - id: new-place",
        ]
    );
    assert!(
        out.contains(
            "    # kind: city  # one of: country, region, state, city, town; only where the source says\n"
        )
    );
    let (code, out, _) = run(&["new", "event", "--id", "third-day"]);
    assert_eq!(code, 0);
    assert!(out.contains("  - id: third-day\n"), "{out}");
    assert!(out.contains("    order: 14  # "), "{out}");
    let (code, out, _) = run(&["new", "position", "--sticking-point", "nato-membership"]);
    assert_eq!(code, 0);
    assert!(out.contains("      - actor: united-states  # the dossier's first actor"));
    assert!(
        out.contains("        # basis: inferred  # one of: stated, inferred (default stated)\n")
    );
}

#[test]
fn fresh_ids_skip_the_ones_in_use() {
    let text = format!(
        "{HEADER}actors:\n  - {{id: new-actor, name: A, kind: state}}\n  - {{id: new-actor-2, \
         name: B, kind: state}}\n"
    );
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, out, _) = run(&["new", "actor", "-d", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(out.contains("  - id: new-actor-3\n"), "{out}");
}

#[test]
fn append_handles_a_missing_list_a_flow_list_crlf_no_final_newline_and_four_spaces() {
    let cases = [
        // No `places:` at all.
        (HEADER.to_string(), "places:\n  - id: new-place\n"),
        // A flow list, written out as a block list.
        (
            format!("{HEADER}places: [{{id: a, name: A, sources: [s]}}]  # one\n"),
            "places:  # one\n  - {id: a, name: A, sources: [s]}\n  - id: new-place\n",
        ),
        (format!("{HEADER}places: []\n"), "places:\n  - id: new-place\n"),
        // Four spaces, no final newline.
        (
            "version: 1\ntitle: T\nsources:\n    - id: s\n      title: S\n      kind: k\nplaces:\n    \
             - id: a\n      name: A\n      sources: [s]"
                .to_string(),
            "      sources: [s]\n    - id: new-place\n      name: New place\n",
        ),
    ];
    for (text, expected) in cases {
        let (_dir, path) = write_temp("d.yaml", text.as_bytes());
        let (code, _, err) = append(&["new", "place"], &path);
        assert_eq!(code, 0, "{err}");
        validate(&path);
        let after = std::fs::read_to_string(&path).unwrap();
        assert!(after.contains(expected), "{after}");
        assert_eq!(after.ends_with('\n'), text.ends_with('\n'), "{after:?}");
    }
    let crlf = format!("{HEADER}places:\n  - id: a\n    name: A\n").replace('\n', "\r\n");
    let (_dir, path) = write_temp("d.yaml", crlf.as_bytes());
    let (code, _, err) = append(&["new", "place"], &path);
    assert_eq!(code, 0, "{err}");
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with(&crlf), "{after:?}");
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
    validate(&path);
}

#[test]
fn a_flow_list_over_several_lines_is_refused_with_how_to_fix_it() {
    let text = format!("{HEADER}places: [{{id: a, name: A}},\n  {{id: b, name: B}}]\n");
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, out, err) = append(&["new", "place"], &path);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains(
            "`places:` is a flow list ([…]) that does not stay on its key's line; \
                      write it as a block list"
        ),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn unknown_parents_and_actors_and_taken_ids_are_named() {
    let cases: [(&[&str], &str); 7] = [
        (
            &["new", "position", "--sticking-point", "nato-membershp"],
            "there is no sticking point \"nato-membershp\" in data/talks.yaml (built in); did you \
             mean \"nato-membership\"?",
        ),
        (
            &["new", "quote", "--event", "witkoff"],
            "\"witkoff\" is an actor in data/talks.yaml (built in), not an event",
        ),
        (
            &[
                "new",
                "quote",
                "--event",
                "florida-talks",
                "--actor",
                "witkof",
            ],
            "there is no actor \"witkof\"",
        ),
        (
            &["new", "actor", "--id", "witkoff"],
            "the id \"witkoff\" is already used in data/talks.yaml (built in)",
        ),
        (
            &["new", "place", "--id", "seed-report"],
            "the id \"seed-report\" is already used",
        ),
        (
            &["new", "place", "--id", "Kyiv City"],
            "invalid id \"Kyiv City\"",
        ),
        (
            &["new", "position"],
            "talks new position needs --sticking-point ID",
        ),
    ];
    for (args, message) in cases {
        let (code, out, err) = run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn a_file_that_does_not_validate_is_left_alone() {
    let text = format!("{HEADER}# keep me\nactors:\n  - id: a\n    name: A\n    kind: persn\n");
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, out, err) = append(&["new", "actor"], &path);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(err.contains("unknown actor kind \"persn\""), "{err}");
    assert!(
        err.contains("nothing was added: ") && err.contains("must load before talks adds to it"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_duplicate_id_given_to_append_writes_nothing() {
    let (_dir, path) = write_temp(
        "d.yaml",
        include_bytes!("../fixtures/minimal.yaml").as_slice(),
    );
    let before = std::fs::read(&path).unwrap();
    let (code, _, err) = append(&["new", "actor", "--id", "envoy"], &path);
    assert_eq!(code, 2);
    assert!(err.contains("the id \"envoy\" is already used"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_addition_that_would_change_other_values_writes_nothing() {
    // The blank lines after `|+` belong to the summary; an item added before them would
    // take them away from it.
    let text = format!(
        "{HEADER}actors:\n  - id: a\n    name: A\n    kind: state\n    sources: [s]\n    \
         summary: |+\n      kept\n\n\nplaces: []\n"
    );
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, out, err) = append(&["new", "actor"], &path);
    assert_eq!((code, out.as_str()), (2, ""));
    assert!(
        err.contains("nothing was written: adding the actor as text would change more of"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn the_template_printed_for_a_dossier_follows_its_layout() {
    let text = "version: 1\ntitle: T\nsources:\n- id: s\n  title: S\n  kind: k\n";
    let (_dir, path) = write_temp("d.yaml", text.as_bytes());
    let (code, out, err) = run(&["new", "actor", "-d", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("\n- id: new-actor\n  name: New actor"),
        "{out}"
    );
}
