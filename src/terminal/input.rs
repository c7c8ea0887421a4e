//! The terminal's input bytes read as events: keys, the mouse (SGR reports), pastes
//! (bracketed). talks reads the bytes itself rather than through crossterm's reader, for
//! two things that reader loses: a second Esc sent with the first (`\x1b\x1b`, as tmux
//! sends two Escapes typed quickly) is a key of its own here; and a key that arrives with
//! a resize is never left unread until the next one (crossterm's wait reports one of the
//! two and forgets the other).

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";

/// Bytes in, events out; bytes of a sequence not yet complete are kept for the next read.
#[derive(Debug, Default)]
pub struct InputParser {
    pending: Vec<u8>,
}

/// What the bytes at the start of the buffer are.
enum Parsed {
    /// An event (or nothing, for a report talks does not use) and the bytes it took.
    Event(Option<Event>, usize),
    /// The start of a sequence: wait for more bytes.
    Incomplete,
}

impl InputParser {
    /// The events in `bytes` (with what was kept from before). `more`: more bytes are
    /// known to be on their way, so a lone Esc at the end may start a sequence; otherwise
    /// it is the Esc key.
    pub fn feed(&mut self, bytes: &[u8], more: bool) -> Vec<Event> {
        self.pending.extend_from_slice(bytes);
        let mut events = Vec::new();
        let mut at = 0;
        while at < self.pending.len() {
            let rest = &self.pending[at..];
            match parse(rest) {
                Parsed::Event(event, used) => {
                    events.extend(event);
                    at += used.max(1);
                }
                Parsed::Incomplete if rest == [ESC] && !more => {
                    events.push(key(KeyCode::Esc, KeyModifiers::NONE));
                    at += 1;
                }
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..at);
        events
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, modifiers))
}

fn parse(bytes: &[u8]) -> Parsed {
    match bytes {
        [] => Parsed::Incomplete,
        [ESC] => Parsed::Incomplete,
        // A second Esc is a key of its own, not the Alt of the first.
        [ESC, ESC, ..] => Parsed::Event(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        [ESC, b'[', ..] => csi(bytes),
        [ESC, b'O'] => Parsed::Incomplete,
        [ESC, b'O', last, ..] => Parsed::Event(ss3(*last), 3),
        [ESC, ..] => match parse(&bytes[1..]) {
            Parsed::Event(Some(Event::Key(mut k)), used) => {
                k.modifiers |= KeyModifiers::ALT;
                Parsed::Event(Some(Event::Key(k)), used + 1)
            }
            Parsed::Event(other, used) => Parsed::Event(other, used + 1),
            Parsed::Incomplete => Parsed::Incomplete,
        },
        [byte, ..] => plain(bytes, *byte),
    }
}

/// A byte outside any sequence: a control key or a character (UTF-8).
fn plain(bytes: &[u8], byte: u8) -> Parsed {
    let control = |c: char| Parsed::Event(Some(key(KeyCode::Char(c), KeyModifiers::CONTROL)), 1);
    match byte {
        b'\r' => Parsed::Event(Some(key(KeyCode::Enter, KeyModifiers::NONE)), 1),
        b'\t' => Parsed::Event(Some(key(KeyCode::Tab, KeyModifiers::NONE)), 1),
        0x7f => Parsed::Event(Some(key(KeyCode::Backspace, KeyModifiers::NONE)), 1),
        0 => control(' '),
        0x01..=0x1a => control((byte - 1 + b'a') as char),
        0x1c..=0x1f => control((byte - 0x1c + b'4') as char),
        _ => utf8(bytes),
    }
}

fn utf8(bytes: &[u8]) -> Parsed {
    let length = match bytes[0] {
        0x00..=0x7f => 1,
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => return Parsed::Event(None, 1),
    };
    if bytes.len() < length {
        return Parsed::Incomplete;
    }
    match std::str::from_utf8(&bytes[..length])
        .ok()
        .and_then(|s| s.chars().next())
    {
        Some(c) => {
            let shift = if c.is_uppercase() {
                KeyModifiers::SHIFT
            } else {
                KeyModifiers::NONE
            };
            Parsed::Event(Some(key(KeyCode::Char(c), shift)), length)
        }
        None => Parsed::Event(None, 1),
    }
}

/// `ESC O x`: F1–F4, arrows, Home and End as some terminals send them.
fn ss3(last: u8) -> Option<Event> {
    let code = match last {
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        _ => cursor_key(last)?,
    };
    Some(key(code, KeyModifiers::NONE))
}

fn cursor_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        _ => return None,
    })
}

/// `ESC [ … final`: its parameters (bytes 0x30–0x3F), then a final byte (0x40–0x7E).
fn csi(bytes: &[u8]) -> Parsed {
    let Some(end) = bytes[2..].iter().position(|b| !(0x20..=0x3f).contains(b)) else {
        return Parsed::Incomplete;
    };
    let end = end + 2;
    let last = bytes[end];
    if !(0x40..=0x7e).contains(&last) {
        // Not a sequence after all: Alt-[, then what follows on its own.
        return Parsed::Event(Some(key(KeyCode::Char('['), KeyModifiers::ALT)), 2);
    }
    let params = &bytes[2..end];
    let used = end + 1;
    if params.is_empty() && last == b'M' {
        return x10_mouse(bytes);
    }
    if params == b"200" && last == b'~' {
        return paste(&bytes[used..], used);
    }
    if params.first() == Some(&b'<') {
        return Parsed::Event(sgr_mouse(&params[1..], last), used);
    }
    Parsed::Event(csi_key(params, last), used)
}

/// The numbers of a sequence's parameters: `1;5` → [[1], [5]]; `97:65;2` → [[97, 65], [2]].
fn numbers(params: &[u8]) -> Vec<Vec<u32>> {
    let text = String::from_utf8_lossy(params);
    text.split(';')
        .map(|part| part.split(':').map(|n| n.parse().unwrap_or(0)).collect())
        .collect()
}

/// Modifiers as a sequence gives them: 1 + shift 1, alt 2, ctrl 4.
fn modifiers(given: u32) -> KeyModifiers {
    let bits = given.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            modifiers |= modifier;
        }
    }
    modifiers
}

fn csi_key(params: &[u8], last: u8) -> Option<Event> {
    let numbers = numbers(params);
    let first = numbers
        .first()
        .and_then(|n| n.first())
        .copied()
        .unwrap_or(0);
    let given = numbers.get(1).and_then(|n| n.first()).copied().unwrap_or(1);
    let mut modifiers = modifiers(given);
    let code = match last {
        b'Z' => {
            modifiers |= KeyModifiers::SHIFT;
            KeyCode::BackTab
        }
        b'P'..=b'S' => KeyCode::F(1 + last - b'P'),
        b'~' => tilde_key(first)?,
        b'u' => return kitty_key(first, given),
        _ => cursor_key(last)?,
    };
    Some(key(code, modifiers))
}

fn tilde_key(number: u32) -> Option<KeyCode> {
    Some(match number {
        1 | 7 => KeyCode::Home,
        2 => KeyCode::Insert,
        3 => KeyCode::Delete,
        4 | 8 => KeyCode::End,
        5 => KeyCode::PageUp,
        6 => KeyCode::PageDown,
        11..=15 => KeyCode::F((number - 10) as u8),
        17..=21 => KeyCode::F((number - 11) as u8),
        23 | 24 => KeyCode::F((number - 12) as u8),
        _ => return None,
    })
}

/// The kitty keyboard protocol's `CSI code ; modifiers u` (talks asks for it: Ctrl-I is
/// then told from Tab, and Esc from the start of a sequence).
fn kitty_key(code: u32, given: u32) -> Option<Event> {
    let mut modifiers = modifiers(given);
    let code = match code {
        27 => KeyCode::Esc,
        13 => KeyCode::Enter,
        9 if modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
        9 => KeyCode::Tab,
        127 => KeyCode::Backspace,
        // The keypad's keys, which the protocol tells apart from the others.
        57399..=57426 => keypad_key(code)?,
        // The protocol's other private codes (media keys, modifiers alone): not text.
        57344..=63743 => return None,
        code => {
            let c = char::from_u32(code)?;
            if c.is_uppercase() {
                modifiers |= KeyModifiers::SHIFT;
            }
            KeyCode::Char(c)
        }
    };
    Some(key(code, modifiers))
}

/// The kitty protocol's keypad codes as the keys they stand for; `None` for the keys it
/// has beyond them (media, modifiers), which talks does not bind.
fn keypad_key(code: u32) -> Option<KeyCode> {
    const SIGNS: &[u8] = b"./*-+";
    Some(match code {
        57399..=57408 => KeyCode::Char(char::from(b'0' + (code - 57399) as u8)),
        57409..=57413 => KeyCode::Char(char::from(SIGNS[(code - 57409) as usize])),
        57414 => KeyCode::Enter,
        57415 => KeyCode::Char('='),
        57416 => KeyCode::Char(','),
        57417 => KeyCode::Left,
        57418 => KeyCode::Right,
        57419 => KeyCode::Up,
        57420 => KeyCode::Down,
        57421 => KeyCode::PageUp,
        57422 => KeyCode::PageDown,
        57423 => KeyCode::Home,
        57424 => KeyCode::End,
        57425 => KeyCode::Insert,
        57426 => KeyCode::Delete,
        _ => return None,
    })
}

/// `ESC [ M` and three bytes (button, column, row, each plus 32): the oldest mouse
/// report, from terminals that know no other.
fn x10_mouse(bytes: &[u8]) -> Parsed {
    let [button, column, row] = match bytes.get(3..6) {
        Some(&[b, c, r]) => [b, c, r].map(|v| u32::from(v.saturating_sub(32))),
        _ => return Parsed::Incomplete,
    };
    // It says a release as button 3, not which.
    let last = if button & 0b11 == 3 && button & 96 == 0 {
        b'm'
    } else {
        b'M'
    };
    Parsed::Event(mouse(button, column, row, last), 6)
}

/// `ESC [ < button ; column ; row M` (pressed) or `m` (released), 1-based.
fn sgr_mouse(params: &[u8], last: u8) -> Option<Event> {
    let numbers = numbers(params);
    let [button, column, row] = [0, 1, 2].map(|i| numbers.get(i).and_then(|n| n.first()).copied());
    mouse(button?, column?, row?, last)
}

/// A mouse report's button bits (wheel 64, motion 32, ctrl 16, alt 8, shift 4, which 0–3)
/// at a 1-based column and row; `last` is `M` for a press, `m` for a release.
fn mouse(button: u32, column: u32, row: u32, last: u8) -> Option<Event> {
    let which = match button & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = match (button & 64 != 0, button & 32 != 0, last) {
        (true, _, _) => match button & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        },
        (false, true, _) if button & 0b11 == 3 => MouseEventKind::Moved,
        (false, true, _) => MouseEventKind::Drag(which),
        (false, false, b'M') => MouseEventKind::Down(which),
        (false, false, b'm') => MouseEventKind::Up(which),
        _ => return None,
    };
    let mut modifiers = KeyModifiers::NONE;
    for (bit, modifier) in [
        (4, KeyModifiers::SHIFT),
        (8, KeyModifiers::ALT),
        (16, KeyModifiers::CONTROL),
    ] {
        if button & bit != 0 {
            modifiers |= modifier;
        }
    }
    Some(Event::Mouse(MouseEvent {
        kind,
        column: u16::try_from(column.saturating_sub(1)).unwrap_or(u16::MAX),
        row: u16::try_from(row.saturating_sub(1)).unwrap_or(u16::MAX),
        modifiers,
    }))
}

/// A bracketed paste: the text up to `ESC [ 201 ~`, whatever it holds.
fn paste(after: &[u8], start: usize) -> Parsed {
    match after.windows(PASTE_END.len()).position(|w| w == PASTE_END) {
        Some(end) => {
            let text = String::from_utf8_lossy(&after[..end]).into_owned();
            Parsed::Event(Some(Event::Paste(text)), start + end + PASTE_END.len())
        }
        None => Parsed::Incomplete,
    }
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
