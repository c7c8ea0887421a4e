//! `talks search @name` (saved searches from the notes file) and `talks notes`.

use talks::notes::Notes;

/// `d.yaml` (the built-in dossier) with `d.notes.yaml` beside it.
fn setup(notes: &Notes) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let dossier = dir.path().join("d.yaml");
    std::fs::copy("data/talks.yaml", &dossier).unwrap();
    talks::notes::file::write(&dir.path().join("d.notes.yaml"), notes).unwrap();
    (dir, dossier.to_string_lossy().into_owned())
}

fn run(args: &[&str]) -> (i32, String, String) {
    crate::common::run_env(args, &[("XDG_DATA_HOME", "/nonexistent/talks-test-data")])
}

#[test]
fn search_at_name_runs_the_saved_search() {
    let mut notes = Notes::new();
    notes.searches.insert("pok".into(), "pokrovsk".into());
    notes
        .searches
        .insert("us".into(), "kind:actor united".into());
    let (_dir, dossier) = setup(&notes);
    let (code, saved, _) = run(&["search", "-d", &dossier, "@pok"]);
    let (_, direct, _) = run(&["search", "-d", &dossier, "pokrovsk"]);
    assert_eq!(code, 0);
    assert_eq!(saved, direct);
    let (code, _, err) = run(&["search", "-d", &dossier, "@nope"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: no saved search @nope; saved: @pok, @us (@@ searches for a literal @)\n"
    );
    // `@@` is a literal `@`: searched as a word, not a name.
    let (code, _, err) = run(&["search", "-d", &dossier, "@@pok"]);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn search_is_starred_finds_the_starred() {
    let loaded = talks::model::builtin().unwrap();
    let mut notes = Notes::new();
    notes.toggle_star(&loaded.dossier.actors[2].id);
    let (_dir, dossier) = setup(&notes);
    let (code, out, _) = run(&["search", "-d", &dossier, "is:starred"]);
    assert_eq!(code, 0);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.contains(&loaded.dossier.actors[2].id), "{out}");
}

#[test]
fn notes_lists_shows_and_counts_the_orphans() {
    let mut notes = Notes::new();
    notes.set_note("united-states", "Watch this\nsecond \u{1b}[31mline");
    notes.set_note("gone-one", "old");
    notes.toggle_star("gone-two");
    notes.toggle_star("ukraine");
    notes.searches.insert("pok".into(), "pokrovsk".into());
    let (_dir, dossier) = setup(&notes);
    let (code, out, err) = run(&["notes", "-d", &dossier]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        " ✎ gone-one  (no longer in the dossier)  old\n\
         ★  gone-two  (no longer in the dossier)\n\
         ★  ukraine  Ukraine\n \
         ✎ united-states  United States  Watch this\n"
    );
    assert_eq!(
        err,
        "2 notes or stars on entities no longer in the dossier (kept in the notes file)\n"
    );
    let (_, out, _) = run(&["notes", "--orphans", "-d", &dossier]);
    assert_eq!(out.lines().count(), 2);
    let (code, out, _) = run(&["notes", "show", "united-states", "-d", &dossier]);
    assert_eq!(code, 0);
    assert!(out.ends_with("  second ^[[31mline\n"), "escaped: {out:?}");
    let (_, out, _) = run(&["notes", "export", "--format", "json", "-d", &dossier]);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["entries"].as_array().map(Vec::len), Some(4));
    assert_eq!(value["searches"]["pok"], "pokrovsk");
    let (code, _, err) = run(&["notes", "show", "nobody", "-d", &dossier]);
    assert_eq!(
        (code, err.as_str()),
        (1, "talks: no note or star on \"nobody\"\n")
    );
}
