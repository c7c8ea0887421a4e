//! Display width and cutting, grapheme by grapheme, counted as the terminal's grid counts
//! them (ratatui's buffer gives each grapheme cluster its own cells).
//!
//! A string's width is the sum of its graphemes' widths, never the width of the string as
//! a whole: `unicode-width` reads some pairs of graphemes as one ligature (Arabic lam and
//! alef, `لا`, is 1 column as a string but 2 cells on the grid), and a line measured that
//! way overflows its pane and loses its last character.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// What a cut puts where text was left out.
pub const ELLIPSIS: &str = "…";

/// The cells one grapheme cluster takes on the grid. Halfwidth sound marks (U+FF9E,
/// U+FF9F) take a cell of their own, as terminals draw them.
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.len() == 1 {
        return 1;
    }
    let marks = grapheme
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count();
    grapheme.width() + marks
}

/// The cells `text` takes on the grid: the sum of its graphemes' widths.
pub fn width(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// The longest start of `text` (in bytes) of whole graphemes within `room` columns.
pub fn fitting_start(text: &str, room: usize) -> usize {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true) {
        used += grapheme_width(grapheme);
        if used > room {
            return at;
        }
    }
    text.len()
}

/// The shortest end of `text` (its first byte) of whole graphemes within `room` columns.
pub fn fitting_end(text: &str, room: usize) -> usize {
    let mut used = 0;
    for (at, grapheme) in text.grapheme_indices(true).rev() {
        used += grapheme_width(grapheme);
        if used > room {
            return at + grapheme.len();
        }
    }
    0
}

/// `text` within `max` columns: whole when it fits, else its start and `…` (whole
/// graphemes only; nothing at all in 0 columns).
pub fn cut(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max == 0 {
        return Cow::Borrowed("");
    }
    let keep = fitting_start(text, max - 1);
    Cow::Owned(format!("{}{ELLIPSIS}", &text[..keep]))
}

/// `text` within `max` columns: whole when it fits, else its start and its end with `…`
/// between them, whole graphemes only (a file name keeps its extension).
pub fn cut_middle(text: &str, max: usize) -> Cow<'_, str> {
    if width(text) <= max {
        return Cow::Borrowed(text);
    }
    if max < 3 {
        return cut(text, max);
    }
    let room = max - 1;
    let tail = fitting_end(text, room / 2);
    let head = fitting_start(&text[..tail], room - width(&text[tail..]));
    Cow::Owned(format!("{}{ELLIPSIS}{}", &text[..head], &text[tail..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_counted_grapheme_by_grapheme() {
        // Lam and alef: one column to unicode-width as a string, two cells on the grid.
        assert_eq!(width("خلاف"), 4);
        assert_eq!(width("基辅"), 4);
        assert_eq!(width("👩\u{200d}👩\u{200d}👧"), 2);
        assert_eq!(width("👍🏽"), 2);
        assert_eq!(width("🇺🇦"), 2);
        assert_eq!(width("❤\u{fe0f}"), 2);
        assert_eq!(width("e\u{301}"), 1);
    }

    #[test]
    fn cuts_keep_whole_graphemes() {
        assert_eq!(cut("Pokrovsk", 8), "Pokrovsk");
        assert_eq!(cut("Pokrovsk", 5), "Pokr…");
        assert_eq!(cut("基辅谈判", 5), "基辅…");
        assert_eq!(cut("基辅谈判", 4), "基…");
        assert_eq!(
            cut("👩\u{200d}👩\u{200d}👧ab", 3),
            "👩\u{200d}👩\u{200d}👧…"
        );
        assert_eq!(cut("ab", 0), "");
        assert_eq!(cut_middle("a-long-name.yaml", 10), "a-lon…yaml");
        assert_eq!(cut_middle("基辅谈判基辅谈判.yaml", 11), "基辅….yaml");
    }
}
