//! `talks new report -d DIR`: the next file of a folder dossier, and `talks new position`
//! in a folder's form, citing its newest source.

use std::path::{Path, PathBuf};

use crate::common::run;

/// A copy of the Marsh River folder dossier (three reports).
fn folder() -> (tempfile::TempDir, PathBuf) {
    crate::common::marsh_river_copy()
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn names(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn validates(folder: &Path) {
    let (code, out, err) = run(&["validate", s(folder)]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn the_next_report_is_written_after_the_last_and_loads_with_the_folder() {
    let (_dir, folder) = folder();
    let (code, out, err) = run(&[
        "new",
        "report",
        "-d",
        s(&folder),
        "--date",
        "2031-03-23",
        "--source-title",
        "Fourth weekly report",
    ]);
    assert_eq!(code, 0, "{err}");
    let path = folder.join("04-fourth-weekly-report.yaml");
    assert!(
        out.starts_with(&format!(
            "{}: wrote the report's source \"report-4\"",
            path.display()
        )),
        "{out}"
    );
    validates(&folder);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nversion: 1\n"), "{text}");
    assert!(
        !text.contains("\ntitle:"),
        "the folder has the title: {text}"
    );
    for line in [
        "  - id: report-4",
        "    title: \"Fourth weekly report\"",
        "    published: 2031-03-23",
        "#     source: report-4  # the id of the source that reports it",
        "#   - sticking_point: river-border  # the sticking point's id",
        "#     as_of: 2031-03-23  # when the party held it: YYYY, YYYY-MM or YYYY-MM-DD; the \
         source's date",
    ] {
        assert!(text.lines().any(|l| l == line), "{line:?} in:\n{text}");
    }
    // The commented templates, uncommented, load too.
    let uncommented: String = text
        .lines()
        .map(|line| match line.strip_prefix("# ") {
            Some(rest) if rest.starts_with(' ') || rest.ends_with("s:") => rest,
            _ => line,
        })
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&path, uncommented).unwrap();
    validates(&folder);
    let (code, out, _) = run(&["show", "-d", s(&folder), "new-event"]);
    assert_eq!(code, 0);
    assert!(out.contains("New event"), "{out}");
}

#[test]
fn without_a_title_the_date_names_the_file_and_ids_stay_unique() {
    let (_dir, folder) = folder();
    for _ in 0..2 {
        let (code, _, err) = run(&["new", "report", "-d", s(&folder), "--date", "2031-04"]);
        assert_eq!(code, 0, "{err}");
    }
    let names = names(&folder);
    assert!(names.contains(&"04-2031-04.yaml".to_string()), "{names:?}");
    assert!(names.contains(&"05-2031-04.yaml".to_string()), "{names:?}");
    let fifth = std::fs::read_to_string(folder.join("05-2031-04.yaml")).unwrap();
    assert!(fifth.contains("  - id: report-5\n"), "{fifth}");
    validates(&folder);
}

/// Each refusal says why, and writes nothing.
#[test]
fn refusals_say_why_and_write_nothing() {
    let (dir, folder) = folder();
    std::fs::create_dir(folder.join("09-taken.yaml")).unwrap();
    let file = folder.join("01-first-report.yaml");
    let d = s(&folder);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["--name", "02-late.yaml"],
            "talks: --name 02-late.yaml would not sort after 03-third-report.yaml, the \
             folder's last file: reports are read in file-name order, so the new one's name \
             sorts last (e.g. 04-2031-03-23.yaml)"
                .into(),
        ),
        (
            vec!["--name", "09-taken.yaml"],
            format!(
                "talks: {}/09-taken.yaml exists already: give another --name",
                folder.display()
            ),
        ),
        (
            vec!["--name", "04-notes.txt"],
            "talks: --name 04-notes.txt: a report's name ends in .yaml or .yml, and not in \
             .notes.yaml (the folder reads only those)"
                .into(),
        ),
        (
            vec!["--name", "03-third-report.yaml"],
            "talks: --name 03-third-report.yaml: the folder has a file of that name already; \
             give one that sorts after it (e.g. 04-2031-03-23.yaml)"
                .into(),
        ),
        (
            vec!["--name", ".yaml"],
            "talks: --name .yaml: a name that starts with a dot is hidden, and the folder does \
             not read it; give one such as 04-2031-03-23.yaml"
                .into(),
        ),
        (
            vec!["--date", "2031-02-30"],
            "talks: --date: invalid date \"2031-02-30\": month 2 of 2031 has 28 days".into(),
        ),
        (
            vec!["--id", "report-1"],
            format!(
                "talks: the id \"report-1\" is already used in {d}: ids are unique across \
                 the dossier, sources included; give another with --id"
            ),
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["new", "report", "-d", d];
        args.extend(extra);
        if !args.contains(&"--date") {
            args.extend(["--date", "2031-03-23"]);
        }
        let (code, out, err) = run(&args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert_eq!(err.trim(), message, "{args:?}");
    }
    let (code, _, err) = run(&["new", "report", "-d", s(&file)]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "talks: {} is not a folder: talks new report adds a file to a folder dossier \
             (-d DIR)",
            file.display()
        )
    );
    let missing = folder.join("no-such-folder");
    let (code, _, err) = run(&["new", "report", "-d", s(&missing)]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        format!(
            "talks: {} does not exist: talks new report adds a file to a folder dossier \
             (-d DIR)",
            missing.display()
        )
    );
    let (code, _, err) = run(&["new", "report"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "talks: talks new report needs -d DIR: the folder dossier the report is added to"
    );
    let (code, _, err) = run(&["new", "report", "-d", d, "--append", s(&file)]);
    assert_eq!(code, 2);
    assert!(err.contains("leave out --append"), "{err}");
    let (code, _, err) = run(&["new", "actor", "--date", "2031"]);
    assert_eq!(code, 2);
    assert_eq!(err.trim(), "talks: --date is for talks new report");
    // A folder whose last file has no number and sorts after the next one's name.
    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(&file, other.join("main.yaml")).unwrap();
    let (code, _, err) = run(&["new", "report", "-d", s(&other), "--date", "2031"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "talks: the next report's name, 02-2031.yaml, would not sort after main.yaml, the \
         folder's last file (reports are read in file-name order): give --name FILE with a \
         name that does"
    );
    assert_eq!(names(&other), ["main.yaml"]);
    assert_eq!(
        names(&folder),
        [
            "01-first-report.yaml",
            "02-second-report.yaml",
            "03-third-report.yaml",
            "09-taken.yaml",
            "talks.notes.yaml"
        ]
    );
}

/// `new position -d DIR` proposes a report's top-level `positions:` citing the newest
/// source; `--append` adds it to the newest report, and the folder loads with it.
#[test]
fn a_folder_s_position_is_in_the_folder_form_and_cites_the_newest_source() {
    let (_dir, folder) = folder();
    let args = ["new", "position", "--sticking-point", "port-access"];
    let mut print = args.to_vec();
    print.extend(["-d", s(&folder)]);
    let (code, out, err) = run(&print);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[..3],
        [
            "# A new position, to add at the end of `positions:` in a report of the folder;",
            "# talks new position --sticking-point port-access -d DIR --append FILE adds it \
             there.",
            "  - sticking_point: port-access  # the sticking point's id",
        ]
    );
    assert!(
        lines.contains(&"    source: report-3  # the id of the source that reports it"),
        "{out}"
    );
    assert!(
        lines.contains(
            &"    as_of: 2031-03-16  # when the party held it: YYYY, YYYY-MM or YYYY-MM-DD; \
              the source's date"
        ),
        "{out}"
    );
    // A new report is the newest source, and takes the position.
    let (code, _, err) = run(&["new", "report", "-d", s(&folder), "--date", "2031-03-23"]);
    assert_eq!(code, 0, "{err}");
    let report = folder.join("04-2031-03-23.yaml");
    let mut append = args.to_vec();
    append.extend(["--actor", "ostra", "-d", s(&folder), "--append", s(&report)]);
    let (code, out, err) = run(&append);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("added a position of \"ostra\" on \"port-access\""),
        "{out}"
    );
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(
        text.contains("\npositions:\n  - sticking_point: port-access"),
        "{text}"
    );
    assert!(text.contains("    source: report-4  #"), "{text}");
    validates(&folder);
}

/// What the explorer's `o` on an empty matrix cell does: in a file dossier the position
/// goes under the sticking point, and its line is given for the editor; what cannot be
/// added is said in one line for the status bar, and nothing is written.
#[test]
fn the_explorer_s_new_position_goes_under_the_point_in_a_file_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.yaml");
    std::fs::write(&file, include_str!("../fixtures/minimal.yaml")).unwrap();
    let line = talks::commands::add_position(&file, &file, "border", "envoy").unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let at: Vec<&str> = text.lines().skip(line - 1).take(2).collect();
    assert_eq!(
        at,
        [
            "      - actor: envoy",
            "        stance: unclear  # one of: demands, supports, opposes, conditional, \
             unclear"
        ]
    );
    validates(&file);
    let err = talks::commands::add_position(&file, &file, "border", "nobody").unwrap_err();
    assert_eq!(
        err,
        format!(
            "No position added: there is no actor \"nobody\" in {}",
            file.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}
