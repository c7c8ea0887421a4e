//! Making dossier text safe to show (data is displayed, never executed by the terminal),
//! and fitting it into columns: `width` (display width and cuts) and `wrap`.

use std::borrow::Cow;

mod url;
mod width;
mod wrap;

pub use url::{hyperlink_marks, is_web_link, percent_encoded, shorten_url, wrap_url};
pub use width::{ELLIPSIS, cut, cut_middle, fitting_end, fitting_start, grapheme_width, width};
pub use wrap::{Wrap, words_and_spaces, wrap};

/// True for characters that must never reach a terminal raw: C0 and C1 controls, DEL, the
/// bidirectional overrides, embeddings and isolates that reorder what follows them, the line
/// and paragraph separators (line breaks to YAML 1.1), and the invisible zero-width space
/// and byte-order mark. (ZWJ, ZWNJ and variation selectors are fine: emoji need them.)
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || is_bidi_control(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200B}' | '\u{FEFF}')
}

fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// How one unsafe character is shown: `^[` for ESC, `^?` for DEL, `<U+202E>` otherwise.
pub(crate) fn escape_char(c: char, out: &mut String) {
    let code = c as u32;
    if code < 0x20 {
        out.push('^');
        // In range: code < 0x20, so code + 0x40 is an ASCII letter or symbol.
        out.push(char::from(b'@' + code as u8));
    } else if code == 0x7f {
        out.push_str("^?");
    } else {
        out.push_str(&format!("<U+{code:04X}>"));
    }
}

/// True if no byte of `text` can start an unsafe character (a quick look at the UTF-8
/// bytes: C0 controls and DEL, C1 controls `C2 80..9F`, U+061C `D8 9C`, the bidi marks
/// `E2 80 8E..8F`, `E2 80 AA..AE`, `E2 81 A6..A9`, U+200B `E2 80 8B`, the separators
/// `E2 80 A8..A9` and the byte-order mark `EF BB BF`).
fn surely_safe(text: &str) -> bool {
    let bytes = text.as_bytes();
    let next = |at: usize| bytes.get(at).copied().unwrap_or_default();
    bytes.iter().enumerate().all(|(at, &b)| match b {
        0..=0x1f | 0x7f => false,
        0xc2 => !(0x80..=0x9f).contains(&next(at + 1)),
        0xd8 => next(at + 1) != 0x9c,
        0xe2 => !matches!(
            (next(at + 1), next(at + 2)),
            (0x80, 0x8b | 0x8e | 0x8f | 0xa8 | 0xa9 | 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        0xef => (next(at + 1), next(at + 2)) != (0xbb, 0xbf),
        _ => true,
    })
}

fn sanitize(text: &str) -> Cow<'_, str> {
    if surely_safe(text) || !text.chars().any(is_unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' | '\t' | '\r' => out.push(' '),
            c if is_unsafe_char(c) => escape_char(c, &mut out),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// True for characters JSON output writes as `\uXXXX` although JSON allows them raw: DEL
/// and the C1 controls (a terminal acts on U+009B as on ESC [), bidi controls, and the line
/// and paragraph separators.
fn needs_json_escape(c: char) -> bool {
    ('\u{7f}'..='\u{9f}').contains(&c) || is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// JSON text with [`needs_json_escape`] characters written as `\uXXXX`: still valid JSON,
/// the same strings, and nothing a terminal acts on when it is printed. serde_json escapes
/// C0 controls already; these can only stand inside strings.
pub(crate) fn json_escaped(json: String) -> String {
    if !json.chars().any(needs_json_escape) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if needs_json_escape(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// A file name as messages and the screen show it: every unsafe character made visible (a
/// name holding `ESC ]0;…` must not retitle the terminal), a byte that is not UTF-8 as
/// `\xFF`.
pub fn shown_path(path: &std::path::Path) -> String {
    let mut shown = String::new();
    for chunk in path.as_os_str().as_encoded_bytes().utf8_chunks() {
        shown.push_str(&sanitize_line(chunk.valid()));
        for byte in chunk.invalid() {
            shown.push_str(&format!("\\x{byte:02X}"));
        }
    }
    shown
}

/// A value quoted in a message (a query, a value from a file) is cut after this many
/// characters, with `…`.
pub(crate) const ECHOED_CHARS: usize = 80;

/// `message` with each value quoted in it (`"…"`, as serde writes a string, escapes and
/// all, or `` `…` ``, as it writes a field or variant) cut after [`ECHOED_CHARS`]
/// characters, with `…`: a 5 MB scalar is named, not echoed whole. An unclosed quote is
/// cut the same way; a value holding the quote mark ends there, so the cut may fall on
/// the message's own words after it, never on a short message.
pub(crate) fn cut_quoted(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(1024));
    let mut chars = message.chars();
    while let Some(quote) = chars.next() {
        out.push(quote);
        if quote != '"' && quote != '`' {
            continue;
        }
        let (mut kept, mut escaped, mut closed) = (0, false, false);
        for c in chars.by_ref() {
            if c == quote && !escaped {
                closed = true;
                break;
            }
            escaped = quote == '"' && c == '\\' && !escaped;
            if kept < ECHOED_CHARS {
                out.push(c);
            }
            kept += 1;
            // Not a backslash left dangling before the `…`.
            if kept == ECHOED_CHARS && escaped {
                out.pop();
            }
        }
        if kept > ECHOED_CHARS {
            out.push('…');
        }
        if closed {
            out.push(quote);
        }
    }
    out
}

/// Pretty JSON of `value`, [`json_escaped`].
pub(crate) fn json_pretty(value: &impl serde::Serialize) -> String {
    json_escaped(serde_json::to_string_pretty(value).unwrap_or_default())
}

/// One line of text with every unsafe character made visible; newlines and tabs become
/// spaces.
pub(crate) fn sanitize_line(text: &str) -> Cow<'_, str> {
    sanitize(text)
}

/// `text` with its first letter in upper case.
pub(crate) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The unsafe characters in `text`, for validation warnings.
pub(crate) fn unsafe_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    // Printable ASCII, line feeds and tabs (most text) holds none: one quick pass says so.
    let plain = text
        .bytes()
        .all(|b| matches!(b, b' '..=b'~' | b'\n' | b'\t'));
    let looked_at = if plain { "" } else { text };
    looked_at
        .chars()
        .filter(|&c| is_unsafe_char(c) && c != '\n' && c != '\t')
}

/// "1 party", "2 parties": a count with its noun in the right number.
pub fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A path (as shown) as one shell word, quoted when it needs to be: in a command the
/// user is told to copy.
pub fn shell_word(path: &str) -> String {
    shlex::try_quote(path).map_or_else(|_| path.to_string(), |q| q.into_owned())
}

#[cfg(test)]
mod tests {

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_shows_its_bytes() {
        use std::os::unix::ffi::OsStrExt;
        let name = std::path::Path::new(std::ffi::OsStr::from_bytes(b"bad\xff\x1b.yaml"));
        assert_eq!(shown_path(name), "bad\\xFF^[.yaml");
        let other = std::path::Path::new(std::ffi::OsStr::from_bytes(b"bad\xfe\x1b.yaml"));
        assert_ne!(shown_path(name), shown_path(other));
    }

    use super::*;

    #[test]
    fn quoted_values_in_messages_are_cut_after_80_characters() {
        let long = "b".repeat(5000);
        let cut = format!("{}…", "b".repeat(ECHOED_CHARS));
        assert_eq!(
            cut_quoted(&format!("invalid type: string \"{long}\", expected a list")),
            format!("invalid type: string \"{cut}\", expected a list")
        );
        assert_eq!(
            cut_quoted(&format!("unknown field `{long}`, expected `version`")),
            format!("unknown field `{cut}`, expected `version`")
        );
        // serde's escapes do not end the value, and none is left half before the cut.
        let escaped = r#"a\""#.repeat(100);
        let shown = cut_quoted(&format!("string \"{escaped}\", expected"));
        let kept = format!("{}a…", r#"a\""#.repeat(26));
        assert_eq!(shown, format!("string \"{kept}\", expected"));
        // An unclosed quote is cut too; short messages are left as they are.
        assert_eq!(cut_quoted(&format!("`{long}")), format!("`{cut}"));
        let short = r#"unknown actor kind "x"y"; did you mean "state"? `a` \ ok"#;
        assert_eq!(cut_quoted(short), short);
    }

    #[test]
    fn json_output_escapes_what_a_terminal_would_act_on() {
        let value = serde_json::json!({ "name": "a\u{9b}31mb\u{202e}c\u{2028}d é\u{1b}x\u{7f}" });
        let text = json_pretty(&value);
        assert!(
            text.contains(r"a\u009b31mb\u202ec\u2028d é\u001bx\u007f"),
            "{text}"
        );
        assert!(
            !text
                .chars()
                .any(|c| needs_json_escape(c) || c.is_control() && c != '\n')
        );
        let back: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(back, value, "the same strings");
    }

    #[test]
    fn escapes_controls_and_bidi_overrides() {
        assert_eq!(sanitize_line("a\u{1b}[2Jb"), "a^[[2Jb");
        assert_eq!(sanitize_line("bell\u{7}"), "bell^G");
        assert_eq!(sanitize_line("x\u{202E}y"), "x<U+202E>y");
        assert_eq!(sanitize_line("c1\u{9b}"), "c1<U+009B>");
        assert_eq!(sanitize_line("del\u{7f}"), "del^?");
        assert_eq!(sanitize_line("a\u{2028}b\u{2029}c"), "a<U+2028>b<U+2029>c");
        assert_eq!(
            sanitize_line("zero\u{200B}width\u{FEFF}"),
            "zero<U+200B>width<U+FEFF>"
        );
        assert_eq!(sanitize_line("two\nlines\tand tab"), "two lines and tab");
    }

    #[test]
    fn leaves_ordinary_unicode_alone() {
        let text = "Zelensky — 基辅 👩‍👩‍👧 é";
        assert!(matches!(sanitize_line(text), Cow::Borrowed(_)));
    }

    #[test]
    fn the_quick_look_agrees_with_the_character_test() {
        for code in (0..0x3000u32).chain([0xFEFF, 0x1F600]) {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let text = format!("a{c}b");
            assert_eq!(
                super::surely_safe(&text),
                !is_unsafe_char(c),
                "U+{code:04X}"
            );
        }
    }
}
