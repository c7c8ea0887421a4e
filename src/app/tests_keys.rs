//! Keys people already know (issue 27): the state changes behind them.

use std::path::PathBuf;

use super::test_support::*;
use super::*;

/// The id of the party under the matrix cursor.
fn party_at_cursor(app: &App) -> String {
    let (row, _) = app.pages.matrix_cursor();
    let actor = app.pages.matrix.rows.get(row).copied();
    id(
        app,
        actor.map(|a| crate::model::EntityRef::new(EntityKind::Actor, a)),
    )
}

#[test]
fn a_filter_keeps_the_matrix_cursor_on_the_same_party() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[Action::OpenPage(Page::Matrix), Action::Down, Action::Down],
    );
    assert_eq!(party_at_cursor(&app), "russia");
    // "territory" leaves out the party above Russia: the row number changes, not the party.
    type_query(&mut app, "territory");
    assert_eq!(app.page(), Page::Matrix);
    assert_eq!(party_at_cursor(&app), "russia");
}

#[test]
fn m_on_the_matrix_goes_back_to_the_lists() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    assert_eq!(app.page(), Page::Matrix);
    update(&mut app, Action::OpenPage(Page::Matrix));
    assert_eq!(app.page(), Page::Browse);
}

#[test]
fn ctrl_e_and_ctrl_y_scroll_the_detail_a_line() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[
            Action::FocusList(EntityKind::Event),
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Activate,
        ],
    );
    assert_eq!(app.detail.scroll, 0);
    update(&mut app, Action::ScrollLineDown);
    update(&mut app, Action::ScrollLineDown);
    assert_eq!(app.detail.scroll, 2);
    update(&mut app, Action::ScrollLineUp);
    assert_eq!(app.detail.scroll, 1);
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn f_asks_to_watch_the_file_then_to_stop_and_says_each() {
    let mut app = app(80, 24);
    app.file = Some(PathBuf::from("d.yaml"));
    update(&mut app, Action::ToggleWatch);
    let asked = app.take_effects();
    let on = Effect::Watch {
        path: PathBuf::from("d.yaml"),
        on: true,
        generation: 1,
    };
    assert_eq!(asked, vec![on]);
    update(&mut app, Action::Watching(Ok(true)));
    assert!(app.watched());
    let said = app.status().unwrap_or_default().to_string();
    assert!(said.starts_with("Watching "), "{said}");
    assert!(
        said.ends_with(": talks reloads it when it changes"),
        "{said}"
    );
    update(&mut app, Action::ToggleWatch);
    assert!(matches!(
        app.take_effects().as_slice(),
        [Effect::Watch { on: false, .. }]
    ));
    update(&mut app, Action::Watching(Ok(false)));
    assert!(!app.watched());
    let said = app.status().unwrap_or_default().to_string();
    assert!(said.starts_with("No longer watching "), "{said}");
    update(&mut app, Action::Watching(Err("no such file".into())));
    let said = app.status().unwrap_or_default().to_string();
    assert!(said.starts_with("Could not watch "), "{said}");
    assert!(said.ends_with(": no such file"), "{said}");
    assert!(!app.watched());
}

#[test]
fn f_says_why_the_built_in_dossier_and_standard_input_are_not_watched() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleWatch);
    assert!(app.take_effects().is_empty());
    assert_eq!(
        app.status(),
        Some(
            "Nothing to watch: the built-in dossier never changes \
             (o writes a copy you can edit and watch)"
        )
    );
    app.file = Some(PathBuf::from("-"));
    update(&mut app, Action::ToggleWatch);
    assert!(app.take_effects().is_empty());
    assert_eq!(
        app.status(),
        Some("Nothing to watch: the dossier was read once from standard input")
    );
}

/// A reload from the watch of `generation` of a dossier titled `title`.
fn watch_reload(generation: u64, title: &str, missed: bool) -> Action {
    let text = format!("version: 1\ntitle: {title}\nsources: [{{id: s, title: S, kind: k}}]\n");
    let loaded = crate::model::load_str("d.yaml", &text);
    Action::WatchReloaded {
        generation,
        reload: Reload::prepared(loaded),
        missed,
    }
}

#[test]
fn after_f_turns_watching_off_no_reload_in_flight_is_applied() {
    let mut app = app(80, 24);
    app.file = Some(PathBuf::from("d.yaml"));
    run(&mut app, &[Action::ToggleWatch, Action::Watching(Ok(true))]);
    let on = app.watch_generation();
    update(&mut app, watch_reload(on, "Edited while watched", false));
    assert_eq!(app.loaded().dossier.title, "Edited while watched");
    run(
        &mut app,
        &[Action::ToggleWatch, Action::Watching(Ok(false))],
    );
    // The debouncer of the watch just dropped still had this one in flight.
    update(&mut app, watch_reload(on, "Edited after F off", false));
    assert_eq!(app.loaded().dossier.title, "Edited while watched");
    let said = app.status().unwrap_or_default().to_string();
    assert!(said.starts_with("No longer watching "), "{said}");
    // Watching again: the old watch's reloads stay dropped, the new one's are applied,
    // and one that catches up with a change made meanwhile says so.
    run(&mut app, &[Action::ToggleWatch, Action::Watching(Ok(true))]);
    update(&mut app, watch_reload(on, "Edited after F off", false));
    assert_eq!(app.loaded().dossier.title, "Edited while watched");
    let again = app.watch_generation();
    assert_ne!(again, on);
    update(
        &mut app,
        watch_reload(again, "Edited while not watched", true),
    );
    assert_eq!(app.loaded().dossier.title, "Edited while not watched");
    assert_eq!(
        app.status(),
        Some("Reloaded d.yaml: it changed while it was not watched")
    );
}
