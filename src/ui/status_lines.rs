//! A status longer than the screen is wide: wrapped, its first lines drawn over the rows
//! just above the status bar (until the next key clears the status), so that a message
//! such as why `C` could not write is read whole, not cut at the edge.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

/// A status may take this many rows, the status bar's own row included, or half the rows
/// below the search bar when that is more (a narrow screen wraps more).
const MOST_ROWS: usize = 4;
/// The header and the search bar are never covered.
const FIRST_BODY_ROW: u16 = 2;

/// The status's lines at `width` (one line when it fits): at most as many as there is
/// room for, the last cut with `…` when the message is longer still.
pub(super) fn status_lines(status: &str, width: usize, room: usize) -> Vec<String> {
    let text = format!(" {status}");
    if crate::text::width(&text) <= width || width < 2 {
        return vec![text];
    }
    let wrapped = crate::text::wrap(&text, width - 1);
    let mut lines: Vec<String> = wrapped.iter().map(|l| format!(" {}", l.trim())).collect();
    let rows = room.min(MOST_ROWS.max(room / 2 + 1)).max(1);
    if lines.len() > rows {
        lines.truncate(rows);
        // More follows: the last line ends in `…`, cut by whole graphemes to make room.
        if let Some(last) = lines.last_mut() {
            let keep = crate::text::fitting_start(last, width.saturating_sub(1));
            *last = format!("{}…", &last[..keep]);
        }
    }
    lines
}

/// Draws `status` ending on the status bar's row `area`, the rows above it first.
pub(super) fn draw_status(status: &str, style: Style, area: Rect, buf: &mut Buffer) {
    let room = area.y.saturating_sub(FIRST_BODY_ROW) as usize + 1;
    let lines = status_lines(status, area.width as usize, room);
    let top = area.y + 1 - lines.len() as u16;
    for (n, line) in lines.iter().enumerate() {
        let row = Rect::new(area.x, top + n as u16, area.width, 1);
        buf.set_style(row, Style::reset());
        for x in row.left()..row.right() {
            buf[(x, row.y)].set_symbol(" ");
        }
        buf.set_stringn(row.x, row.y, line, row.width as usize, style);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_status_is_one_line() {
        assert_eq!(status_lines("Saved", 40, 4), [" Saved"]);
    }

    #[test]
    fn a_long_status_is_wrapped_whole_within_the_width() {
        let said = "Not caught up: /home/analyst/.local/state/talks/seen could not be written \
                    (permission denied)";
        let lines = status_lines(said, 40, 4);
        assert!(lines.len() > 1, "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 40), "{lines:?}");
        let joined: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        let words: Vec<&str> = said.split_whitespace().collect();
        assert_eq!(joined, words);
    }

    #[test]
    fn with_too_little_room_the_last_line_is_cut_with_an_ellipsis() {
        let said = "one two three four five six seven eight nine ten eleven twelve thirteen";
        let lines = status_lines(said, 12, 2);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(lines.iter().all(|l| l.chars().count() <= 12), "{lines:?}");
    }
}
