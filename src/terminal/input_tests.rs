//! The input bytes read as events, as terminals send them.

use super::*;

fn events(bytes: &[u8]) -> Vec<Event> {
    InputParser::default().feed(bytes, false)
}

fn k(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

#[test]
fn two_escapes_read_together_are_two_keys() {
    assert_eq!(events(b"\x1b\x1b"), vec![k(KeyCode::Esc), k(KeyCode::Esc)]);
    assert_eq!(events(b"\x1b"), vec![k(KeyCode::Esc)]);
    // Esc then a key, sent together: one Alt-key (the keymap splits an unbound one).
    assert_eq!(
        events(b"\x1bj"),
        vec![key(KeyCode::Char('j'), KeyModifiers::ALT)]
    );
    assert_eq!(
        events(b"\x1b\x1bj"),
        vec![k(KeyCode::Esc), key(KeyCode::Char('j'), KeyModifiers::ALT)]
    );
}

#[test]
fn a_sequence_cut_between_reads_is_kept_for_the_next() {
    let mut parser = InputParser::default();
    assert_eq!(parser.feed(b"\x1b", true), vec![]);
    assert_eq!(parser.feed(b"[", true), vec![]);
    assert_eq!(parser.feed(b"A", false), vec![k(KeyCode::Up)]);
    assert_eq!(parser.feed("é".as_bytes()[..1].as_ref(), true), vec![]);
    assert_eq!(
        parser.feed(&"é".as_bytes()[1..], false),
        vec![k(KeyCode::Char('é'))]
    );
}

#[test]
fn keys_as_terminals_send_them() {
    let ctrl = |c| key(KeyCode::Char(c), KeyModifiers::CONTROL);
    let cases: &[(&[u8], Event)] = &[
        (b"\r", k(KeyCode::Enter)),
        (b"\t", k(KeyCode::Tab)),
        (b"\x7f", k(KeyCode::Backspace)),
        (b"\x0f", ctrl('o')),
        (b"\x05", ctrl('e')),
        (b"\x1b[A", k(KeyCode::Up)),
        (b"\x1bOB", k(KeyCode::Down)),
        (b"\x1b[1;3D", key(KeyCode::Left, KeyModifiers::ALT)),
        (b"\x1b[1;5C", key(KeyCode::Right, KeyModifiers::CONTROL)),
        (b"\x1b[H", k(KeyCode::Home)),
        (b"\x1b[4~", k(KeyCode::End)),
        (b"\x1b[3~", k(KeyCode::Delete)),
        (b"\x1b[5~", k(KeyCode::PageUp)),
        (b"\x1b[6~", k(KeyCode::PageDown)),
        (b"\x1bOP", k(KeyCode::F(1))),
        (b"\x1b[11~", k(KeyCode::F(1))),
        (b"\x1b[17~", k(KeyCode::F(6))),
        (b"\x1b[21~", k(KeyCode::F(10))),
        (b"\x1b[24~", k(KeyCode::F(12))),
        (b"\x1b[Z", key(KeyCode::BackTab, KeyModifiers::SHIFT)),
        (b"G", key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
        ("ж".as_bytes(), k(KeyCode::Char('ж'))),
        ("👍".as_bytes(), k(KeyCode::Char('👍'))),
        (b"\x1b\x7f", key(KeyCode::Backspace, KeyModifiers::ALT)),
        // The kitty keyboard protocol: Ctrl-I apart from Tab, Esc apart.
        (b"\x1b[105;5u", ctrl('i')),
        (b"\x1b[27u", k(KeyCode::Esc)),
        (b"\x1b[99;5u", ctrl('c')),
    ];
    for (bytes, event) in cases {
        assert_eq!(events(bytes), vec![event.clone()], "{bytes:?}");
    }
}

#[test]
fn two_escapes_under_the_kitty_protocol_are_two_keys() {
    assert_eq!(
        events(b"\x1b[27u\x1b[27u"),
        vec![k(KeyCode::Esc), k(KeyCode::Esc)]
    );
}

#[test]
fn the_mouse_and_pastes() {
    let mouse = |kind, column, row| {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(
        events(b"\x1b[<0;10;5M\x1b[<0;10;5m"),
        vec![
            mouse(MouseEventKind::Down(MouseButton::Left), 9, 4),
            mouse(MouseEventKind::Up(MouseButton::Left), 9, 4)
        ]
    );
    assert_eq!(
        events(b"\x1b[<65;1;1M\x1b[<64;2;3M"),
        vec![
            mouse(MouseEventKind::ScrollDown, 0, 0),
            mouse(MouseEventKind::ScrollUp, 1, 2)
        ]
    );
    assert_eq!(
        events(b"\x1b[200~a\x1b\rb\x1b[201~q"),
        vec![
            Event::Paste("a\x1b\rb".into()),
            key(KeyCode::Char('q'), KeyModifiers::NONE)
        ]
    );
    let mut parser = InputParser::default();
    assert_eq!(parser.feed(b"\x1b[200~half", true), vec![]);
    assert_eq!(
        parser.feed(b" of it\x1b[201~", false),
        vec![Event::Paste("half of it".into())]
    );
}

#[test]
fn reports_talks_does_not_use_are_dropped_whole() {
    // Focus in and out, an unknown sequence: nothing, and the key after is read.
    assert_eq!(
        events(b"\x1b[I\x1b[O\x1b[?1;2cq"),
        vec![key(KeyCode::Char('q'), KeyModifiers::NONE)]
    );
}

#[test]
fn the_keypad_under_the_kitty_protocol_and_the_oldest_mouse_reports() {
    assert_eq!(events(b"\x1b[57399u"), vec![k(KeyCode::Char('0'))]);
    assert_eq!(events(b"\x1b[57414u"), vec![k(KeyCode::Enter)]);
    assert_eq!(events(b"\x1b[57419u"), vec![k(KeyCode::Up)]);
    // A media key: nothing typed.
    assert_eq!(events(b"\x1b[57428u"), vec![]);
    let down = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 9,
        row: 4,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(events(b"\x1b[M *%"), vec![down]);
    assert_eq!(InputParser::default().feed(b"\x1b[M ", true), vec![]);
}
