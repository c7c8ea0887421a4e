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
