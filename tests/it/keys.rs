//! Key presses carried out on the explorer's state as the event loop does, without a
//! terminal: an Alt-key the context does not bind is Esc then the key.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use talks::app::{Action, App, Focus, Mode, Options, update};
use talks::keymap::{Keymap, dispatch};
use talks::model::{EntityKind, builtin};

fn press(app: &mut App, code: KeyCode, modifiers: KeyModifiers) -> bool {
    let context = |app: &App| (app.mode(), app.focus(), app.page());
    dispatch(
        &Keymap::default(),
        app,
        &KeyEvent::new(code, modifiers),
        context,
        update,
    )
}

#[test]
fn esc_and_a_key_read_as_one_alt_key_do_both() {
    let mut app = App::new(builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::StartSearch);
    for c in "pokrovsk".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert_eq!(app.mode(), Mode::Search);
    // Esc then 2, sent together: the query is cleared, then the events take the focus.
    assert!(press(&mut app, KeyCode::Char('2'), KeyModifiers::ALT));
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.query().text(), "");
    assert_eq!(app.focus(), Focus::List(EntityKind::Event));
    // Alt-← is still Back.
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    update(&mut app, Action::Activate);
    let followed = app.shown();
    assert!(press(&mut app, KeyCode::Left, KeyModifiers::ALT));
    assert_ne!(app.shown(), followed);
    assert_eq!(app.mode(), Mode::Browse);
}
