//! `update` tested without a terminal: the analyst's notes (`a`), stars (`*`), the notes
//! file asked for, read-only notes, and notes across a reload.

use super::test_support::{app, id, run, type_query};
use super::*;
use crate::notes::Notes;
use crate::notes::file::Opened;

fn app_with_notes(opened: Opened) -> App {
    let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
    App::new(
        loaded,
        Options {
            notes: opened,
            ..Options::sized(80, 24)
        },
    )
}

fn saved_to(path: &str) -> Opened {
    Opened {
        path: Some(PathBuf::from(path)),
        ..Opened::default()
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let action = if c == '\n' {
            Action::NewLine
        } else {
            Action::Insert(c)
        };
        update(app, action);
    }
}

fn saved_notes(app: &mut App) -> Option<Notes> {
    app.take_effects().into_iter().rev().find_map(|e| match e {
        Effect::SaveNotes { notes, .. } => Some(notes),
        _ => None,
    })
}

#[test]
fn a_writes_a_multi_line_note_that_ctrl_s_keeps_and_the_detail_shows() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    let key = id(&app, app.shown());
    update(&mut app, Action::EditNote);
    assert_eq!(app.mode(), Mode::Note);
    type_text(&mut app, "Watch this:\nno move before guarantees");
    assert!(
        saved_notes(&mut app).is_none(),
        "nothing written while typing"
    );
    update(&mut app, Action::SaveNote);
    assert_eq!(app.mode(), Mode::Browse);
    let saved = saved_notes(&mut app).unwrap_or_else(|| panic!("no SaveNotes effect"));
    assert_eq!(
        saved.note(&key),
        Some("Watch this:\nno move before guarantees")
    );
    let detail = app.detail().detail().unwrap_or_else(|| panic!("no detail"));
    let last = detail
        .sections
        .last()
        .unwrap_or_else(|| panic!("no sections"));
    assert_eq!(last.heading, crate::detail::NOTE_HEADING);
    assert_eq!(last.lines.len(), 2);
    assert!(app.status().is_some_and(|s| s.contains("saved")));
    // Found by its words, and by note:.
    type_query(&mut app, "note:guarantee");
    assert_eq!(id(&app, app.selected(EntityKind::Actor)), key);
}

#[test]
fn esc_in_the_note_editor_keeps_the_note_as_it_was() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    run(
        &mut app,
        &[Action::EditNote, Action::Insert('x'), Action::Escape],
    );
    assert_eq!(app.mode(), Mode::Browse);
    assert!(saved_notes(&mut app).is_none());
    assert!(app.notes().notes.is_empty());
    assert_eq!(app.status(), Some("Note not changed"));
}

#[test]
fn star_toggles_and_is_starred_then_mark_all_marks_the_starred() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    let first = id(&app, app.selected(EntityKind::Actor));
    run(&mut app, &[Action::ToggleStar, Action::Down, Action::Down]);
    let third = id(&app, app.selected(EntityKind::Actor));
    update(&mut app, Action::ToggleStar);
    assert_eq!(
        id(&app, app.selected(EntityKind::Actor)),
        third,
        "the cursor stays"
    );
    let saved = saved_notes(&mut app).unwrap_or_default();
    assert!(saved.is_starred(&first) && saved.is_starred(&third));
    type_query(&mut app, "is:starred");
    assert_eq!(app.results().count(EntityKind::Actor), 2);
    update(&mut app, Action::MarkAll);
    assert_eq!(app.marks().len(), 2);
    update(&mut app, Action::ToggleStar);
    assert!(app.status().is_some_and(|s| s.starts_with("Unstarred")));
}

#[test]
fn a_on_the_matrix_notes_the_position_under_the_cursor() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    update(&mut app, Action::OpenPage(Page::Matrix));
    // The first row's party holds a position in some column.
    for _ in 0..app.pages().matrix().columns.len() {
        update(&mut app, Action::EditNote);
        if app.mode() == Mode::Note {
            break;
        }
        assert!(app.status().is_some_and(|s| s.starts_with("Notes go on")));
        update(&mut app, Action::CursorRight);
    }
    let name = app.note_editor().map(|e| e.key.clone()).unwrap_or_default();
    let (point, actor) = name.split_once('/').unwrap_or_else(|| panic!("{name}"));
    assert!(app.loaded().index.sticking_point(point).is_some());
    assert!(app.loaded().index.actor(actor).is_some());
}

#[test]
fn an_invalid_notes_file_makes_the_notes_read_only() {
    let mut app = app_with_notes(Opened {
        error: Some("d.notes.yaml:3:10: notes.x: invalid type".into()),
        ..saved_to("/tmp/d.notes.yaml")
    });
    update(&mut app, Action::EditNote);
    assert_eq!(app.mode(), Mode::Browse);
    let status = app.status().unwrap_or_default().to_string();
    assert!(status.starts_with("Notes are read-only"), "{status}");
    assert!(status.contains("d.notes.yaml:3:10"), "{status}");
    update(&mut app, Action::ToggleStar);
    assert!(saved_notes(&mut app).is_none(), "never overwritten");
}

#[test]
fn without_a_place_notes_last_the_session() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleStar);
    assert!(saved_notes(&mut app).is_none());
    assert!(
        app.status()
            .is_some_and(|s| s.ends_with("(for this session only)"))
    );
}

#[test]
fn notes_follow_their_entity_across_a_reload_and_orphans_are_kept() {
    let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
    let mut notes = Notes::new();
    let kept = loaded.dossier.actors[1].id.clone();
    let gone = loaded.dossier.actors[0].id.clone();
    notes.set_note(&kept, "kept");
    notes.set_note(&gone, "orphaned");
    let mut app = app_with_notes(Opened {
        notes,
        ..saved_to("/tmp/d.notes.yaml")
    });
    let mut reloaded = loaded.clone();
    reloaded.dossier.actors.remove(0);
    for point in &mut reloaded.dossier.sticking_points {
        point.positions.retain(|p| p.actor != gone);
    }
    for event in &mut reloaded.dossier.events {
        event.participants.retain(|p| *p != gone);
        event.quotes.retain(|q| !q.by.contains(&gone));
    }
    for actor in &mut reloaded.dossier.actors {
        if actor.represents.as_deref() == Some(gone.as_str()) {
            actor.represents = None;
        }
    }
    reloaded.index = crate::model::Index::build(&reloaded.dossier);
    update(&mut app, Action::Reloaded(Reload::prepared(Ok(reloaded))));
    type_query(&mut app, "is:noted");
    assert_eq!(app.results().count(EntityKind::Actor), 1);
    assert_eq!(id(&app, app.selected(EntityKind::Actor)), kept);
    let (dossier, index) = (&app.loaded().dossier, &app.loaded().index);
    assert_eq!(
        app.notes().notes.orphaned_notes(dossier, index),
        vec![(gone.as_str(), "orphaned")]
    );
}

fn type_chars(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
}

#[test]
fn s_saves_the_query_under_a_name_and_the_picker_runs_it() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    update(&mut app, Action::SaveSearch);
    assert_eq!(app.mode(), Mode::Browse, "nothing to save without a query");
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("Nothing to save"))
    );
    type_query(&mut app, "pokrovsk");
    update(&mut app, Action::SaveSearch);
    assert_eq!(app.mode(), Mode::SaveSearch);
    type_chars(&mut app, "two words");
    update(&mut app, Action::Activate);
    let error = app.name_prompt().and_then(|p| p.error.clone());
    assert!(error.is_some_and(|e| e.contains("no spaces")));
    update(&mut app, Action::ClearInput);
    type_chars(&mut app, "pok");
    update(&mut app, Action::Activate);
    assert_eq!(app.mode(), Mode::Browse);
    let saved = saved_notes(&mut app).unwrap_or_default();
    assert_eq!(
        saved.searches.get("pok").map(String::as_str),
        Some("pokrovsk")
    );
    // Another, then the picker finds the first by a fuzzy filter and runs it.
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    type_chars(&mut app, "kind:actor");
    update(&mut app, Action::SaveSearch);
    type_chars(&mut app, "actors");
    update(&mut app, Action::Activate);
    assert_eq!(app.picked_searches().len(), 2);
    update(&mut app, Action::OpenSavedSearches);
    assert_eq!(app.mode(), Mode::Searches);
    assert_eq!(app.picked_searches().len(), 2);
    type_chars(&mut app, "pkr");
    assert_eq!(app.picked_searches(), vec![("pok", "pokrovsk")]);
    update(&mut app, Action::Activate);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.query().text(), "pokrovsk");
}

#[test]
fn delete_in_the_picker_forgets_a_saved_search() {
    let mut notes = Notes::new();
    notes.searches.insert("a".into(), "nato".into());
    let mut app = app_with_notes(Opened {
        notes,
        ..saved_to("/tmp/d.notes.yaml")
    });
    update(&mut app, Action::OpenSavedSearches);
    update(&mut app, Action::DeleteForward);
    assert_eq!(
        app.mode(),
        Mode::Browse,
        "the last one forgotten closes the picker"
    );
    let saved = saved_notes(&mut app).unwrap_or_default();
    assert!(saved.searches.is_empty());
    update(&mut app, Action::OpenSavedSearches);
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("No saved searches"))
    );
}

/// A note on a position shows in the detail of its sticking point and of its party.
#[test]
fn a_position_s_note_shows_on_its_sticking_point_and_its_party() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    app.notes
        .notes
        .set_note("nato-membership/trump", "Watch for a change here.");
    let notes_of = |app: &App, id: &str| {
        let entity = app.loaded().index.get(id).unwrap_or_else(|| panic!("{id}"));
        app.notes_shown(entity).unwrap_or_default()
    };
    assert_eq!(
        notes_of(&app, "nato-membership"),
        "On Donald Trump's position:\nWatch for a change here."
    );
    assert_eq!(
        notes_of(&app, "trump"),
        "On the position on Ukraine's NATO membership:\nWatch for a change here."
    );
    assert_eq!(notes_of(&app, "russia"), "");
}

/// Ctrl-N on an export while the notes file cannot be read: refused in the prompt, as
/// `talks export --notes` refuses, not written without them.
#[test]
fn an_export_with_notes_that_cannot_be_read_is_refused() {
    let mut app = app_with_notes(Opened {
        error: Some("d.notes.yaml:3:10: notes.x: invalid type".into()),
        ..saved_to("/tmp/d.notes.yaml")
    });
    update(&mut app, Action::StartExport);
    update(&mut app, Action::ToggleExportNotes);
    update(&mut app, Action::ConfirmExport);
    assert!(
        app.take_effects()
            .iter()
            .all(|e| !matches!(e, Effect::Export { .. }))
    );
    let error = app
        .export_prompt()
        .and_then(|p| p.error.clone())
        .unwrap_or_default();
    assert!(
        error.starts_with("the notes cannot be read (d.notes.yaml:3:10"),
        "{error}"
    );
}

/// Saved with another talks's notes merged in: they show, the next change is taken
/// against them, and the status says so; a failed save keeps the notes for the session.
#[test]
fn notes_saved_with_anothers_merged_in_show_and_are_the_next_base() {
    let mut app = app_with_notes(saved_to("/tmp/d.notes.yaml"));
    update(&mut app, Action::ToggleStar);
    let mine = saved_notes(&mut app).unwrap_or_else(|| panic!("no SaveNotes effect"));
    let mut merged = mine.clone();
    merged.set_note("putin", "written by the other talks");
    let stamp = crate::fsio::Stamp::of(b"the file as written");
    let saved = crate::notes::file::Saved {
        notes: merged.clone(),
        stamp,
        path: PathBuf::from("/tmp/d.notes.yaml"),
    };
    update(&mut app, Action::NotesSaved(Ok(saved)));
    assert_eq!(app.notes().notes, merged);
    assert!(
        app.status()
            .is_some_and(|s| s.ends_with("(merged with the notes another talks saved meanwhile)")),
        "{:?}",
        app.status()
    );
    update(&mut app, Action::ToggleStar);
    let effect = app.take_effects().into_iter().find_map(|e| match e {
        Effect::SaveNotes { base, read, .. } => Some((base, read)),
        _ => None,
    });
    assert_eq!(effect, Some((merged, Some(stamp))));
    update(&mut app, Action::NotesSaved(Err("the disk is full".into())));
    assert_eq!(app.status(), Some("Notes not saved: the disk is full"));
}

/// Ctrl-O in the brief's export prompt asks for the single-source appendix, as
/// `talks export --all --single-source`; in another export's prompt it does nothing.
#[test]
fn the_brief_s_prompt_toggles_the_single_source_appendix() {
    let asked = |app: &mut App| {
        update(app, Action::ConfirmExport);
        app.take_effects().iter().find_map(|e| match e {
            Effect::Export { single_source, .. } => Some(*single_source),
            _ => None,
        })
    };
    let mut app = App::new(
        crate::model::builtin().unwrap_or_else(|e| panic!("{e}")),
        Options::sized(80, 24),
    );
    update(&mut app, Action::StartBriefing);
    assert_eq!(asked(&mut app), Some(false), "off by default");
    update(&mut app, Action::Escape);
    update(&mut app, Action::StartBriefing);
    update(&mut app, Action::ToggleExportSingleSource);
    assert!(app.export_prompt().is_some_and(|p| p.single_source));
    assert_eq!(asked(&mut app), Some(true));
    update(&mut app, Action::Escape);
    update(&mut app, Action::StartExport);
    assert!(
        app.export_prompt()
            .is_some_and(|p| p.scope != crate::export::Scope::Briefing)
    );
    update(&mut app, Action::ToggleExportSingleSource);
    assert!(app.export_prompt().is_some_and(|p| !p.single_source));
    assert_eq!(asked(&mut app), Some(false), "a view has no appendix");
}
