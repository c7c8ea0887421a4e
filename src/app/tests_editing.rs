//! `o`: the place in the dossier's file the editor opens at, and why it does not open.

use super::test_support::{app, id, run};
use super::*;
use crate::editor::place_of;
use crate::model::BUILTIN_TEXT;

/// An explorer on the built-in dossier's text as if read from `d.yaml`.
fn from_a_file(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    app.file = Some(PathBuf::from("d.yaml"));
    app
}

/// Where `o` asks the editor to open: (line, column) in the built-in text.
fn opened_at(app: &mut App) -> (usize, usize) {
    update(app, Action::OpenInEditor);
    match app.take_effects().as_slice() {
        [Effect::Edit { path, at, .. }] => {
            assert_eq!(path, &PathBuf::from("d.yaml"));
            place_of(BUILTIN_TEXT, at)
        }
        other => panic!("expected one Edit, got {other:?} ({:?})", app.status()),
    }
}

/// The line (from 1) of the first line after `after` that starts with `start`, and the
/// column its text begins at.
fn line_of(start: &str, after: usize) -> (usize, usize) {
    let found = BUILTIN_TEXT
        .lines()
        .enumerate()
        .skip(after)
        .find(|(_, line)| line.trim_start().starts_with(start));
    let (n, line) = found.unwrap_or_else(|| panic!("no line {start}"));
    let column = line.len() - line.trim_start().len() + 1;
    (n + 1, column + "- ".len())
}

#[test]
fn o_on_an_actor_opens_at_its_entry() {
    let mut app = from_a_file(80, 24);
    run(&mut app, &[Action::Down]);
    let actor = id(&app, app.shown());
    assert_eq!(opened_at(&mut app), line_of(&format!("- id: {actor}"), 0));
}

#[test]
fn o_on_an_event_in_the_detail_pane_opens_at_its_entry() {
    let mut app = from_a_file(80, 24);
    let events = [
        Action::FocusList(crate::model::EntityKind::Event),
        Action::Down,
    ];
    run(&mut app, &events);
    run(&mut app, &[Action::Activate]);
    assert_eq!(app.focus(), Focus::Detail);
    let event = id(&app, app.shown());
    let (line, column) = opened_at(&mut app);
    assert_eq!((line, column), line_of(&format!("- id: {event}"), 0));
    assert!(
        line > line_of("- id: moscow-talks", 0).0 - 1,
        "among the events"
    );
}

#[test]
fn o_on_a_matrix_cell_opens_at_the_position() {
    let mut app = from_a_file(120, 40);
    let to_russia_on_nato = [
        Action::OpenPage(Page::Matrix),
        Action::Down,
        Action::Down,
        Action::CursorRight,
        Action::CursorRight,
    ];
    run(&mut app, &to_russia_on_nato);
    let point = line_of("- id: nato-membership", 0).0;
    assert_eq!(opened_at(&mut app), line_of("- actor: russia", point));
}

#[test]
fn o_on_the_timeline_opens_at_the_event() {
    let mut app = from_a_file(80, 24);
    run(&mut app, &[Action::OpenPage(Page::Timeline), Action::Down]);
    let row = &app.pages().timeline().rows[app.pages().timeline_view().selected];
    let event = app.loaded().dossier.events[row.event].id.clone();
    assert_eq!(opened_at(&mut app), line_of(&format!("- id: {event}"), 0));
}

#[test]
fn o_on_the_built_in_dossier_asks_where_to_write_a_copy() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenInEditor);
    assert!(app.take_effects().is_empty());
    assert_eq!(app.mode(), Mode::Init);
    let typed = app.init_prompt().map(|(input, _)| input.text.clone());
    assert_eq!(typed.as_deref(), Some("talks.yaml"));
    run(&mut app, &[Action::ClearInput, Action::ConfirmExport]);
    assert_eq!(
        app.init_prompt().and_then(|(_, e)| e),
        Some("type a file name")
    );
    for c in "mine.yaml".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::ConfirmExport);
    let path = PathBuf::from("mine.yaml");
    assert_eq!(app.take_effects(), [Effect::Init { path }]);
    update(
        &mut app,
        Action::Initialised(Err("mine.yaml already exists".into())),
    );
    assert_eq!(app.mode(), Mode::Init, "the prompt stays, with why");
    let error = app.init_prompt().and_then(|(_, e)| e);
    assert_eq!(error, Some("mine.yaml already exists"));
}

#[test]
fn esc_in_the_copy_prompt_offers_talks_init() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::OpenInEditor, Action::Escape]);
    assert_eq!(app.mode(), Mode::Browse);
    let status = app.status().unwrap_or_default();
    assert!(status.contains("Read-only"), "{status}");
    assert!(status.contains("talks init PATH"), "{status}");
}

#[test]
fn the_copy_written_the_explorer_switches_to_it_watches_it_and_opens_the_editor() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[Action::Down, Action::OpenInEditor, Action::ConfirmExport],
    );
    let actor = id(&app, app.shown());
    let _ = app.take_effects();
    let loaded = crate::model::load_str("copy.yaml", BUILTIN_TEXT);
    let done = Initialised {
        path: PathBuf::from("copy.yaml"),
        reload: Reload::prepared(loaded),
        watched: true,
        notes: crate::notes::file::Opened::default(),
    };
    update(&mut app, Action::Initialised(Ok(Box::new(done))));
    assert_eq!(app.mode(), Mode::Browse);
    assert!(app.watched());
    assert_eq!(id(&app, app.shown()), actor, "the selection kept");
    match app.take_effects().as_slice() {
        [Effect::Edit { path, at, .. }] => {
            assert_eq!(path, &PathBuf::from("copy.yaml"));
            assert_eq!(at, "actors[1]");
        }
        other => panic!("expected the editor, got {other:?}"),
    }
}

#[test]
fn o_on_standard_input_says_there_is_no_file() {
    let mut app = app(80, 24);
    app.file = Some(PathBuf::from("-"));
    update(&mut app, Action::OpenInEditor);
    assert!(app.take_effects().is_empty());
    assert!(app.status().unwrap_or_default().contains("standard input"));
}

#[test]
fn a_failed_editor_is_named_in_the_status_bar() {
    let mut app = from_a_file(80, 24);
    let why = "Could not start the editor `nope`: not found".to_string();
    update(&mut app, Action::EditFailed(why.clone()));
    assert_eq!(app.status(), Some(why.as_str()));
}

/// In a folder dossier `o` opens the file that holds the entity, at its path in that file:
/// the position a later report added opens in that report.
#[test]
fn in_a_folder_the_editor_opens_the_file_that_holds_it() {
    let dir = std::path::Path::new("tests/fixtures/marsh-river");
    let loaded = crate::model::load_path(dir).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(loaded, Options::sized(100, 30));
    app.file = Some(dir.to_path_buf());
    update(&mut app, Action::OpenPage(Page::Matrix));
    // Brevik's row, the river border's column: the position the third report added.
    update(&mut app, Action::Down);
    update(&mut app, Action::OpenInEditor);
    match app.take_effects().as_slice() {
        [Effect::Edit { path, at, dossier }] => {
            assert_eq!(path, &dir.join("03-third-report.yaml"));
            assert_eq!(at, "positions[0]");
            // After the editor, the folder is read again, not the report alone.
            assert_eq!(dossier, dir);
        }
        other => panic!("expected one Edit, got {other:?} ({:?})", app.status()),
    }
}

/// The notes taken on the built-in dossier follow the copy `o` made: to the copy's own
/// notes file, added to what an older one there holds; the built-in's file is not written.
#[test]
fn the_notes_follow_the_copy() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleStar);
    let starred = id(&app, app.shown());
    assert!(app.notes().notes.is_starred(&starred));
    let _ = app.take_effects();
    run(&mut app, &[Action::OpenInEditor, Action::ConfirmExport]);
    let _ = app.take_effects();
    let mut older = crate::notes::Notes::new();
    older.set_note("putin", "left by an earlier copy");
    let notes_path = PathBuf::from("copy.notes.yaml");
    let done = Initialised {
        path: PathBuf::from("copy.yaml"),
        reload: Reload::prepared(crate::model::load_str("copy.yaml", BUILTIN_TEXT)),
        watched: true,
        notes: crate::notes::file::Opened {
            notes: older.clone(),
            path: Some(notes_path.clone()),
            ..Default::default()
        },
    };
    update(&mut app, Action::Initialised(Ok(Box::new(done))));
    let notes = &app.notes().notes;
    assert!(notes.is_starred(&starred), "the star carried over");
    assert_eq!(notes.note("putin"), Some("left by an earlier copy"));
    assert_eq!(
        app.notices(),
        [
            "Your notes went with the copy to copy.notes.yaml, added to what that file already \
          held; it is written again in talks's own layout, so comments written in it by hand \
          are not kept."
        ]
    );
    match app.take_effects().as_slice() {
        [
            Effect::SaveNotes {
                path, base, notes, ..
            },
            Effect::Edit { .. },
        ] => {
            assert_eq!(path, &notes_path);
            assert_eq!(base, &older);
            assert!(notes.is_starred(&starred));
        }
        other => panic!("expected the copy's notes written, then the editor: {other:?}"),
    }
}

/// `o` on an empty matrix cell asks for a new position of that party on that point: in a
/// folder dossier in its newest report (the last file), in a file dossier in the file.
#[test]
fn o_on_an_empty_matrix_cell_adds_a_position_for_that_party_and_point() {
    let dir = std::path::Path::new("tests/fixtures/marsh-river");
    let loaded = crate::model::load_path(dir).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(loaded, Options::sized(100, 30));
    app.file = Some(dir.to_path_buf());
    update(&mut app, Action::OpenPage(Page::Matrix));
    let matrix = app.pages().matrix();
    let d = &app.loaded().dossier;
    let row = matrix.rows.iter().position(|&a| d.actors[a].id == "ostra");
    let column = matrix
        .columns
        .iter()
        .position(|&p| d.sticking_points[p].id == "river-border");
    let (Some(row), Some(column)) = (row, column) else {
        panic!("Ostra's row and the river border's column are on the matrix");
    };
    assert!(matrix.cell(row, column).is_none(), "Ostra holds none on it");
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    for _ in 0..column {
        update(&mut app, Action::CursorRight);
    }
    update(&mut app, Action::OpenInEditor);
    let added = Effect::AddPosition {
        file: dir.join("03-third-report.yaml"),
        dossier: dir.to_path_buf(),
        sticking_point: "river-border".into(),
        actor: "ostra".into(),
    };
    assert_eq!(app.take_effects(), [added], "{:?}", app.status());
    // The nested form's file: the file itself.
    let mut app = from_a_file(80, 24);
    let path = app.file.clone().unwrap_or_default();
    update(&mut app, Action::OpenPage(Page::Matrix));
    let matrix = app.pages().matrix();
    let empty = (0..matrix.rows.len())
        .flat_map(|r| (0..matrix.columns.len()).map(move |c| (r, c)))
        .find(|&(r, c)| matrix.cell(r, c).is_none());
    let Some((row, column)) = empty else {
        panic!("the built-in dossier's matrix has an empty cell");
    };
    let d = &app.loaded().dossier;
    let actor = d.actors[matrix.rows[row]].id.clone();
    let point = d.sticking_points[matrix.columns[column]].id.clone();
    for _ in 0..row {
        update(&mut app, Action::Down);
    }
    for _ in 0..column {
        update(&mut app, Action::CursorRight);
    }
    update(&mut app, Action::OpenInEditor);
    let added = Effect::AddPosition {
        file: path.clone(),
        dossier: path,
        sticking_point: point,
        actor,
    };
    assert_eq!(app.take_effects(), [added]);
}

/// With no `$VISUAL`/`$EDITOR`, the status after the editor says which one ran and how to
/// choose another, after what the reload said.
#[test]
fn a_default_editor_is_named_after_it_ran() {
    let mut app = from_a_file(80, 24);
    let said = crate::editor::Chosen {
        words: vec!["nano".into()],
        by_default: true,
    }
    .said()
    .unwrap_or_default();
    let failed = Action::EditFailed("The editor `nano` ended with exit status: 1".into());
    update(&mut app, Action::DefaultEditor(Box::new(failed), said));
    assert_eq!(
        app.status(),
        Some(
            "The editor `nano` ended with exit status: 1 · Edited with nano (no $VISUAL or \
             $EDITOR set; set $EDITOR to choose another)"
        )
    );
}
