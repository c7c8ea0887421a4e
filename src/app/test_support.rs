//! What the tests of `app` share: an explorer on the built-in dossier and ways to drive it.

use super::*;
use crate::model::builtin;

pub(super) fn app(width: u16, height: u16) -> App {
    App::new(
        builtin().unwrap_or_else(|e| panic!("{e}")),
        Options::sized(width, height),
    )
}

pub(super) fn run(app: &mut App, actions: &[Action]) {
    for action in actions {
        update(app, action.clone());
    }
}

pub(super) fn id(app: &App, entity: Option<crate::model::EntityRef>) -> String {
    entity.map_or_else(String::new, |e| app.loaded().dossier.id_of(e).to_string())
}

pub(super) fn type_query(app: &mut App, text: &str) {
    update(app, Action::StartSearch);
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
}
