//! `update` tested without a terminal: the panel of problems at the start, the query
//! history, marks, and what survives clearing the filter.

use super::*;
use crate::model::builtin;

fn app_with(options: Options) -> App {
    App::new(builtin().unwrap_or_else(|e| panic!("{e}")), options)
}

fn app() -> App {
    app_with(Options::sized(80, 24))
}

fn id(app: &App, entity: Option<crate::model::EntityRef>) -> String {
    entity.map_or_else(String::new, |e| app.loaded().dossier.id_of(e).to_string())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
}

fn with_notices() -> App {
    app_with(Options {
        notices: vec!["config.toml:1:9: one".into(), "config.toml:2:1: two".into()],
        ..Options::sized(80, 24)
    })
}

#[test]
fn the_problems_panel_lists_each_and_esc_or_enter_only_closes_it() {
    let mut app = with_notices();
    assert_eq!(
        app.notices(),
        ["config.toml:1:9: one", "config.toml:2:1: two"]
    );
    assert_eq!(app.status(), None, "not crammed into the status bar");
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(app.notices().len(), 2, "a resize is not the user's answer");
    update(&mut app, Action::Activate);
    assert!(app.notices().is_empty());
    assert_eq!(
        app.focus,
        Focus::List(EntityKind::Actor),
        "Enter only closed it"
    );
    let mut app = with_notices();
    update(&mut app, Action::Escape);
    assert!(app.notices().is_empty());
}

#[test]
fn any_other_key_closes_the_problems_panel_and_acts() {
    let mut app = with_notices();
    update(&mut app, Action::Down);
    assert!(app.notices().is_empty());
    assert_eq!(
        app.list_view(EntityKind::Actor).selected,
        1,
        "the key was not lost"
    );
    let mut app = with_notices();
    update(&mut app, Action::StartSearch);
    assert_eq!(app.mode, Mode::Search);
}

#[test]
fn the_first_up_shows_the_previous_query_not_the_current_one() {
    let mut app = app();
    for query in ["pokrovsk", "nato"] {
        update(&mut app, Action::StartSearch);
        update(&mut app, Action::ClearInput);
        type_text(&mut app, query);
        update(&mut app, Action::FinishSearch);
    }
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::HistoryPrevious);
    assert_eq!(app.query.text(), "pokrovsk");
}

#[test]
fn a_changed_history_asks_for_its_file_to_be_written() {
    let path = std::path::PathBuf::from("/state/talks/history");
    let mut app = app_with(Options {
        history: vec!["nato".into(), "donbas".into()],
        history_file: Some(path.clone()),
        ..Options::sized(80, 24)
    });
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    update(&mut app, Action::FinishSearch);
    assert_eq!(
        app.take_effects(),
        [Effect::SaveHistory {
            path,
            entries: vec!["donbas".into(), "nato".into()],
        }]
    );
    // Nothing new: nothing to write.
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), []);
    update(&mut app, Action::HistoryNotSaved("disk full".into()));
    assert_eq!(
        app.status(),
        Some("The query history was not saved (disk full); it is kept for this session only")
    );
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "putin");
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), [], "no more tries");
}

#[test]
fn without_a_history_file_nothing_is_written() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), []);
}

#[test]
fn clearing_the_filter_keeps_the_selection() {
    for background in [false, true] {
        let mut app = app_with(Options {
            background_search: background,
            ..Options::sized(80, 24)
        });
        update(&mut app, Action::StartSearch);
        type_text(&mut app, "witkoff");
        finish_searches(&mut app);
        update(&mut app, Action::FinishSearch);
        update(&mut app, Action::FocusList(EntityKind::Actor));
        update(&mut app, Action::Down);
        let chosen = id(&app, app.selected(EntityKind::Actor));
        assert_ne!(chosen, "");
        update(&mut app, Action::Escape);
        finish_searches(&mut app);
        assert_eq!(app.query.text(), "");
        assert_eq!(
            id(&app, app.selected(EntityKind::Actor)),
            chosen,
            "{background}"
        );
        assert_eq!(id(&app, app.shown()), chosen);
        // The next search goes to the best match again.
        update(&mut app, Action::StartSearch);
        type_text(&mut app, "putin");
        finish_searches(&mut app);
        assert_eq!(app.list_view(app.last_list()).selected, 0);
    }
}

/// Carries out the searches asked for, as the worker would.
fn finish_searches(app: &mut App) {
    for effect in app.take_effects() {
        if let Effect::Search(request) = effect {
            update(app, Action::SearchFinished(Box::new(request.finish())));
        }
    }
}
