//! What a key press stands for: itself, or Esc then a key when a terminal sent the two as
//! one Alt-key; and carrying the presses out one after the other, each read in the mode the
//! one before it left.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Context, Key, Keymap, action_for, matches};
use crate::action::{Action, Focus, Mode, Page};

/// The key presses `event` stands for in this mode and focus: itself, or Esc then the key
/// for an Alt-key the context does not bind. A terminal sends Esc and the key typed right
/// after it (fast typing, a paste, tmux) as one Alt-key; read as Alt, both would be lost.
/// Alt-←/→ stay Back/Forward where they are bound.
pub fn presses(
    keymap: &Keymap,
    mode: Mode,
    focus: Focus,
    page: Page,
    event: &KeyEvent,
) -> Vec<KeyEvent> {
    let alt = event.modifiers.contains(KeyModifiers::ALT)
        && !event.modifiers.contains(KeyModifiers::CONTROL);
    if !alt || action_for(keymap, mode, focus, page, event).is_some() {
        return vec![*event];
    }
    let mut key = *event;
    key.modifiers.remove(KeyModifiers::ALT);
    let mut esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    esc.kind = event.kind;
    vec![esc, key]
}

/// Carries out a key press on `state`: each press it stands for (see [`presses`]) is read
/// in the mode and focus the one before it left, and its action applied. `context` reads
/// the mode, focus and page of the state; `true` if any action was applied.
pub fn dispatch<S>(
    keymap: &Keymap,
    state: &mut S,
    event: &KeyEvent,
    context: impl Fn(&S) -> (Mode, Focus, Page),
    mut apply: impl FnMut(&mut S, Action),
) -> bool {
    let (mode, focus, page) = context(state);
    let mut acted = false;
    for press in presses(keymap, mode, focus, page, event) {
        let (mode, focus, page) = context(state);
        if let Some(action) = action_for(keymap, mode, focus, page, &press) {
            apply(state, action);
            acted = true;
        }
    }
    acted
}

/// What a key does while the terminal is too small to show anything: the keys bound to
/// quit or suspend anywhere do that, whatever is open (nothing of it can be seen); any
/// other key does nothing.
pub fn when_too_small(keymap: &Keymap, event: &KeyEvent) -> Option<Action> {
    if event.kind == crossterm::event::KeyEventKind::Release {
        return None;
    }
    [Action::Quit, Action::Suspend].into_iter().find(|action| {
        keys_of(keymap, Context::Anywhere, action)
            .iter()
            .any(|&key| key != Key::Text && matches(key, event).is_some())
    })
}

/// The keys bound to `action` in `context`, remaps included, in the table's order.
pub(crate) fn keys_of(keymap: &Keymap, context: Context, action: &Action) -> Vec<Key> {
    keymap
        .entries
        .iter()
        .filter(|b| b.context == context && b.action == *action)
        .flat_map(|b| b.keys.iter().copied())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;
    use KeyCode::{Backspace, Char, Esc, Left, Right};

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn an_unbound_alt_key_is_esc_then_the_key() {
        let keymap = Keymap::default();
        let list = Focus::List(EntityKind::Actor);
        let alt = |code| key(code, KeyModifiers::ALT);
        let split = |mode, event: &KeyEvent| presses(&keymap, mode, list, Page::Browse, event);
        assert_eq!(
            split(Mode::Browse, &alt(Char('j'))),
            vec![
                key(Esc, KeyModifiers::NONE),
                key(Char('j'), KeyModifiers::NONE)
            ]
        );
        assert_eq!(
            split(Mode::Search, &alt(Char('x'))),
            vec![
                key(Esc, KeyModifiers::NONE),
                key(Char('x'), KeyModifiers::NONE)
            ]
        );
        // Bound Alt-keys stay themselves: Back, Forward, and Alt-Backspace in text fields.
        for event in [alt(Left), alt(Right)] {
            assert_eq!(split(Mode::Browse, &event), vec![event]);
        }
        assert_eq!(split(Mode::Search, &alt(Backspace)), vec![alt(Backspace)]);
        let ctrl_alt = key(Char('j'), KeyModifiers::ALT | KeyModifiers::CONTROL);
        assert_eq!(split(Mode::Browse, &ctrl_alt), vec![ctrl_alt]);
        let plain = key(Char('j'), KeyModifiers::NONE);
        assert_eq!(split(Mode::Browse, &plain), vec![plain]);
    }

    #[test]
    fn each_press_is_read_in_the_mode_the_one_before_left() {
        // A tiny state: the help overlay open, then closed by Esc.
        let mut state = (Mode::Help, Vec::new());
        let acted = dispatch(
            &Keymap::default(),
            &mut state,
            &key(Char('j'), KeyModifiers::ALT),
            |s| (s.0, Focus::List(EntityKind::Actor), Page::Browse),
            |s, action| {
                if action == Action::Escape {
                    s.0 = Mode::Browse;
                }
                s.1.push(action);
            },
        );
        assert!(acted);
        // In help `j` would be typed into the filter; after Esc it moves down the list.
        assert_eq!(state.1, vec![Action::Escape, Action::Down]);
    }
}
