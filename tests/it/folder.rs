//! A folder as one dossier (issue 17): the fictional Marsh River talks, one file a weekly
//! report, read as the same dossier as the single file; every folder-only problem named
//! with the file, line and column that hold it.

use crate::common::run;
use crate::pty;

const FOLDER: &str = "tests/fixtures/marsh-river";

/// A copy of the fixture folder, with `change` applied to file `name` (added if new).
fn folder_with(name: &str, change: impl Fn(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(FOLDER).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
    }
    let path = dir.path().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    std::fs::write(&path, change(&text)).unwrap();
    dir
}

fn validate(dir: &tempfile::TempDir) -> (i32, String) {
    let (code, _, err) = run(&["validate", dir.path().to_str().unwrap()]);
    (
        code,
        err.replace(&format!("{}/", dir.path().display()), "DIR/"),
    )
}

#[test]
fn the_reports_read_as_the_single_file_does() {
    let (code, out, err) = run(&["validate", "--strict", FOLDER]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        "tests/fixtures/marsh-river: valid: 3 actors, 3 events, 2 sticking points, 2 places, 3 sources\n"
    );
    // The notes sidecar is not read; the positions a later report adds are there.
    let (code, out, _) = run(&["diff", "tests/fixtures/over-time.yaml", FOLDER]);
    assert_eq!(code, 0, "{out}");
    for command in [["list", "events"], ["search", "brevik"]] {
        let (code, out, err) = run(&[command[0], command[1], "-d", FOLDER]);
        assert_eq!(code, 0, "{err}");
        assert!(
            out.contains("Brevik") || out.contains("Third round"),
            "{out}"
        );
    }
}

#[test]
fn an_id_in_two_files_names_both_places() {
    let dir = folder_with("03-third-report.yaml", |t| {
        t.replace("id: third-round", "id: first-round")
    });
    let (code, err) = validate(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "DIR/03-third-report.yaml:8:10: error: duplicate id \"first-round\": already used by \
             the event; the other is at DIR/01-first-report.yaml:18:10"
        ),
        "{err}"
    );
}

#[test]
fn references_and_problems_are_placed_in_their_own_file() {
    let dir = folder_with("03-third-report.yaml", |t| {
        t.replace(
            "sticking_point: river-border",
            "sticking_point: river-bordr",
        )
        .replace(
            "participants: [aldoria, brevik, ostra]",
            "participants: [aldoria, brevk]",
        )
        .replace("event: second-round", "event: second-roundd")
    });
    let (code, err) = validate(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("DIR/03-third-report.yaml:10:21: error: unknown sticking point \"river-bordr\"; did you mean \"river-border\"?"),
        "{err}"
    );
    assert!(
        err.contains("DIR/03-third-report.yaml:8:124: error: unknown actor \"brevk\"; did you mean \"brevik\"?"),
        "{err}"
    );
    // A quote added to an event of another report, its event mistyped.
    assert!(
        err.contains("DIR/03-third-report.yaml:19:12: error: unknown event \"second-roundd\"; did you mean \"second-round\"?"),
        "{err}"
    );
}

#[test]
fn exactly_one_file_gives_the_title_and_each_says_its_version() {
    let dir = folder_with("02-second-report.yaml", |t| {
        t.replace("version: 1\n", "version: 2\ntitle: Another title\n")
    });
    let (code, err) = validate(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("DIR/02-second-report.yaml:1:10: error: unsupported dossier version 2; this talks reads version 1"), "{err}");
    assert!(
        err.contains("DIR/02-second-report.yaml:2:8: error: a second title: DIR/01-first-report.yaml already gives the folder dossier's title (exactly one file does)"),
        "{err}"
    );
    let dir = folder_with("01-first-report.yaml", |t| {
        t.replace("title: Marsh River talks\n", "")
            .replace("summary: Aldoria", "# summary: Aldoria")
    });
    let (code, err) = validate(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "error: no file of the folder gives a `title`: add it (and `summary`) to one file"
        ),
        "{err}"
    );
}

#[test]
fn a_broken_file_is_named_and_an_empty_folder_said_so() {
    let dir = folder_with("02-second-report.yaml", |t| {
        t.replace("places:\n", "places: [\n")
    });
    let (code, err) = validate(&dir);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("DIR/02-second-report.yaml:"), "{err}");
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("notes.txt"), "not yaml").unwrap();
    let (code, err) = validate(&empty);
    assert_eq!(code, 2);
    assert!(
        err.contains(
            "error: the folder holds no .yaml or .yml file: a folder dossier is its YAML files"
        ),
        "{err}"
    );
}

/// `--watch` on a folder: a report added is read in, a broken one shows the banner with
/// its file's name and the last good dossier stays, and removing it reads the rest again.
#[test]
fn a_watched_folder_follows_a_file_added_broken_and_removed() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(FOLDER).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() != "03-third-report.yaml" {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    let folder = dir.path().to_str().unwrap();
    let mut s = pty::Session::start(&["--watch", folder], 100, 30, &[]);
    s.wait_for_text("2 events");
    let third = std::fs::read_to_string(format!("{FOLDER}/03-third-report.yaml")).unwrap();
    let added = dir.path().join("03-third-report.yaml");
    std::fs::write(&added, &third).unwrap();
    s.wait_for_text("3 events");
    std::fs::write(&added, third.replace("kind: meeting", "kind: meting")).unwrap();
    s.wait_for_text("Reload failed");
    assert!(
        s.screen_text().contains("03-third-report.yaml line 8:"),
        "{}",
        s.screen_text()
    );
    // The banner takes the header's place; the list's title still counts three events.
    assert!(
        s.screen_text().contains("2 Events 3/3"),
        "the last good dossier stays"
    );
    std::fs::remove_file(&added).unwrap();
    s.wait_for_text("2 events");
    assert!(!s.screen_text().contains("Reload failed"));
    s.quit();
}
