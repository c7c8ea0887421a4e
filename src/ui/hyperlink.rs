//! Terminal hyperlinks (OSC 8) over text already drawn in the buffer.
//!
//! A cell of ratatui's buffer holds one grapheme, and the backend writes each cell's symbol
//! as it is. So the link's text is gathered from its cells into the first one, between the
//! sequences that open and close the link, with `CellDiffOption::ForcedWidth` telling the
//! diff how many columns it covers; the cells after it are skipped and left empty, so that
//! the next frame redraws them when the link is gone. Widths and every other cell stay as
//! they were drawn: the sequence is added after the text was measured and cut.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;

use crate::text::{grapheme_width, hyperlink_marks, is_web_link, percent_encoded};

/// Makes the `width` cells from (x, y) a hyperlink to `url`, when it is an `http` or
/// `https` one. The URL is percent-encoded (no control or escape reaches the terminal);
/// the text is what the cells show, sanitised when it was drawn.
pub(crate) fn link(buf: &mut Buffer, (x, y): (u16, u16), width: u16, url: &str) {
    let area = buf.area;
    let row = Rect::new(x, y, width, 1).intersection(area);
    let Some(columns) = NonZeroU16::new(row.width) else {
        return;
    };
    if !is_web_link(url) || row.height == 0 {
        return;
    }
    let mut text = String::new();
    let mut at = row.x;
    while at < row.right() {
        let symbol = buf[(at, y)].symbol();
        text.push_str(symbol);
        at += grapheme_width(symbol).max(1) as u16;
    }
    let (open, close) = hyperlink_marks(&percent_encoded(url));
    buf[(row.x, y)]
        .set_symbol(&format!("{open}{text}{close}"))
        .set_diff_option(CellDiffOption::ForcedWidth(columns));
    for covered in row.x + 1..row.right() {
        buf[(covered, y)]
            .set_symbol("")
            .set_diff_option(CellDiffOption::Skip);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::text::Line;

    fn drawn(text: &str) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_line(2, 0, &Line::from(text.to_string()), 18);
        buf
    }

    #[test]
    fn the_link_s_first_cell_carries_the_sequence_and_the_rest_are_skipped() {
        let mut buf = drawn("ex.org/a b");
        link(&mut buf, (2, 0), 10, "https://ex.org/a b\u{1b}");
        let first = &buf[(2, 0)];
        assert_eq!(
            first.symbol(),
            "\u{1b}]8;;https://ex.org/a%20b%1B\u{1b}\\ex.org/a b\u{1b}]8;;\u{1b}\\"
        );
        assert_eq!(
            first.diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::MIN.saturating_add(9))
        );
        for x in 3..12 {
            assert_eq!(buf[(x, 0)].diff_option, CellDiffOption::Skip, "cell {x}");
        }
        assert_eq!(buf[(12, 0)].diff_option, CellDiffOption::None);
        assert_eq!(buf[(1, 0)].symbol(), " ");
    }

    #[test]
    fn wide_text_is_gathered_once_and_other_schemes_are_no_links() {
        let mut buf = drawn("基辅/a");
        link(&mut buf, (2, 0), 6, "http://x.org/基辅/a");
        assert!(buf[(2, 0)].symbol().contains("\u{1b}\\基辅/a\u{1b}]8;;"));
        let mut buf = drawn("javascript:x");
        let before = buf.clone();
        link(&mut buf, (2, 0), 12, "javascript:alert(1)");
        assert_eq!(buf, before);
    }
}
