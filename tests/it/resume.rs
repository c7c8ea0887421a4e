//! A dossier opens where it was left (issue #28 item 10): the page and the selections, by
//! id, kept per dossier in the state folder, written on quit (and on Ctrl-Z).

use std::path::Path;

use crate::pty::Session;
use talks::app::resume::Place;
use talks::app::{Action, App, Focus, Options, Page, update};
use talks::model::{EntityKind, builtin};

/// Whether the row showing `text` is the selected one (`>` at its start).
fn selected_row(screen: &vt100::Screen, text: &str) -> bool {
    let contents = screen.contents();
    let row = contents.lines().find(|line| line.contains(text));
    row.is_some_and(|line| line.trim_start_matches(['│', '┌', ' ']).starts_with('>'))
}

#[test]
fn the_third_event_selected_is_selected_again_on_reopening() {
    let state = tempfile::tempdir().unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"2jj");
    s.wait_for("the third event selected", |screen| {
        selected_row(screen, "Ukrainian delegation briefed on the")
    });
    s.quit();
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for("the third event selected again", |screen| {
        selected_row(screen, "Ukrainian delegation briefed on the")
            && screen.contents().contains("Ukrainian delegation… · event")
    });
    s.quit();
}

fn app_at(place: Option<Place>) -> App {
    let options = Options {
        place,
        ..Options::sized(100, 30)
    };
    App::new(builtin().unwrap(), options)
}

#[test]
fn a_place_left_is_returned_to_page_and_all() {
    let mut app = app_at(None);
    update(&mut app, Action::FocusList(EntityKind::StickingPoint));
    update(&mut app, Action::Down);
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    let place = app.place();
    assert_eq!(place.page.as_deref(), Some("matrix"));
    assert_eq!(place.on.len(), 2, "{place:?}");
    let again = app_at(Some(place.clone()));
    assert_eq!(again.page(), Page::Matrix);
    assert_eq!(again.place(), place);
    assert_eq!(again.focus(), Focus::List(EntityKind::StickingPoint));
}

/// Ids gone from the dossier (renamed, removed) are passed over: the top, quietly.
#[test]
fn a_place_whose_ids_are_gone_opens_at_the_top() {
    let top = app_at(None);
    let place = Place {
        page: Some("no-such-page".into()),
        selected: vec!["renamed-event".into(), "removed-actor".into()],
        on: vec!["gone".into()],
    };
    let app = app_at(Some(place));
    assert_eq!(app.page(), Page::Browse);
    assert_eq!(app.place(), top.place());
    assert_eq!(app.status(), None);
    let timeline = Place {
        page: Some("timeline".into()),
        selected: Vec::new(),
        on: vec!["no-such-event".into()],
    };
    let app = app_at(Some(timeline));
    assert_eq!(app.page(), Page::Timeline);
    assert_eq!(app.place().on, top_of_timeline());
}

fn top_of_timeline() -> Vec<String> {
    let mut app = app_at(None);
    update(&mut app, Action::OpenPage(Page::Timeline));
    app.place().on
}

#[test]
fn each_dossier_keeps_its_own_place_and_a_malformed_file_is_passed_over() {
    let state = tempfile::tempdir().unwrap();
    let talks_dir = state.path().join("talks");
    std::fs::create_dir_all(&talks_dir).unwrap();
    let file = talks_dir.join(talks::resume::FILE);
    std::fs::write(&file, "{ not json").unwrap();
    let minimal = Path::new("tests/fixtures/minimal.yaml");
    let (place, resume) = talks::resume::open_in(&talks_dir, Some(minimal));
    assert_eq!(place, None, "quietly: at the top");
    let here = Place {
        selected: vec!["envoy".into()],
        ..Place::default()
    };
    resume.unwrap().save(&here).unwrap();
    let (_, builtin_resume) = talks::resume::open_in(&talks_dir, None);
    let there = Place {
        page: Some("timeline".into()),
        ..Place::default()
    };
    builtin_resume.unwrap().save(&there).unwrap();
    assert_eq!(
        talks::resume::open_in(&talks_dir, Some(minimal)).0,
        Some(here)
    );
    assert_eq!(talks::resume::open_in(&talks_dir, None).0, Some(there));
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("{\n  \"version\": 1,"), "{text}");
    assert!(
        talks::resume::open_in(&talks_dir, Some(Path::new("-")))
            .1
            .is_none()
    );
}

/// Only the dossiers left last are kept.
#[test]
fn the_file_is_bounded() {
    let state = tempfile::tempdir().unwrap();
    let talks_dir = state.path().join("talks");
    std::fs::create_dir_all(&talks_dir).unwrap();
    let entries: Vec<String> = (0..talks::resume::KEEP)
        .map(|n| format!("{{\"key\": \"/old/{n}.yaml\", \"selected\": []}}"))
        .collect();
    let text = format!("{{\"version\": 1, \"dossiers\": [{}]}}", entries.join(","));
    std::fs::write(talks_dir.join(talks::resume::FILE), text).unwrap();
    let (_, resume) = talks::resume::open_in(&talks_dir, None);
    resume.unwrap().save(&Place::default()).unwrap();
    let text = std::fs::read_to_string(talks_dir.join(talks::resume::FILE)).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let dossiers = value["dossiers"].as_array().unwrap();
    assert_eq!(dossiers.len(), talks::resume::KEEP);
    assert_eq!(dossiers[0]["key"], "/old/1.yaml", "the oldest dropped");
    assert_eq!(
        dossiers[dossiers.len() - 1]["key"],
        "built-in:data/talks.yaml"
    );
}

/// A state folder talks cannot write: the place is not kept, and why is said to the
/// caller (the explorer passes over it quietly).
#[test]
fn an_unwritable_state_folder_is_said() {
    use std::os::unix::fs::PermissionsExt;
    let state = tempfile::tempdir().unwrap();
    let mut talks_dir = state.path().join("talks");
    std::fs::create_dir_all(&talks_dir).unwrap();
    std::fs::set_permissions(&talks_dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes anywhere it can: /sys refuses even root.
    if std::fs::write(talks_dir.join("probe"), b"").is_ok() {
        talks_dir = std::path::PathBuf::from("/sys/talks-test-state");
    }
    let (place, resume) = talks::resume::open_in(&talks_dir, None);
    assert_eq!(place, None);
    let err = resume.unwrap().save(&Place::default()).unwrap_err();
    let shown = talks_dir.display().to_string();
    assert!(err.contains(&shown), "{err}");
    assert!(
        err.contains("not writable for you") || err.starts_with("permission denied"),
        "{err}"
    );
}

/// After `o` copied the built-in dossier, the place belongs to the copy: it is kept under
/// the copy's key, in the same file, and the built-in dossier's is left as it was.
#[test]
fn the_place_of_a_copy_is_kept_under_the_copy() {
    let state = tempfile::tempdir().unwrap();
    let talks_dir = state.path().join("talks");
    let (_, builtin_resume) = talks::resume::open_in(&talks_dir, None);
    let copy = state.path().join("talks-copy.yaml");
    std::fs::write(&copy, "").unwrap();
    let here = Place {
        page: Some("matrix".into()),
        ..Place::default()
    };
    let resume = builtin_resume.unwrap().of_dossier(Some(&copy)).unwrap();
    resume.save(&here).unwrap();
    assert_eq!(
        talks::resume::open_in(&talks_dir, Some(&copy)).0,
        Some(here)
    );
    assert_eq!(talks::resume::open_in(&talks_dir, None).0, None);
}

/// A place that cannot be kept on quitting is said once the terminal is restored.
#[test]
fn a_place_not_kept_on_quitting_is_said_after_the_terminal_is_restored() {
    let state = tempfile::tempdir().unwrap();
    // talks' state folder is a file: nothing can be written under it.
    std::fs::write(state.path().join("talks"), "not a folder").unwrap();
    let env = [("XDG_STATE_HOME", state.path().to_str().unwrap())];
    let mut s = Session::start(&[], 80, 24, &env);
    s.wait_for_text("1 Actors 15/15");
    s.quit();
    let screen = s.screen_text();
    assert!(
        screen.contains(&format!(
            "talks: where you were in the dossier was not kept for next time: cannot make the \
             folder {}/talks: something that is not a folder is in the way",
            state.path().display()
        )),
        "{screen}"
    );
}
