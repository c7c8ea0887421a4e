//! Fitting styled text into a number of columns, by display width and grapheme.

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_segmentation::UnicodeSegmentation;

use crate::text::grapheme_width;

/// A block's title in the room between its corners (an `area` wide block): whole where
/// it fits, else cut with `…` and a space kept before the border.
pub(crate) fn block_title(title: &str, area: ratatui::layout::Rect) -> String {
    let room = area.width.saturating_sub(2) as usize;
    if crate::text::width(title) <= room {
        return title.to_string();
    }
    let cut = crate::text::cut(title.trim_end(), room.saturating_sub(1));
    format!("{cut} ")
}

/// Styled graphemes, cut to fit.
#[derive(Debug, Default)]
pub(crate) struct Fitted {
    cells: Vec<(String, Style)>,
    pub(crate) width: usize,
}

impl Fitted {
    /// Appends `text` (already sanitised); `style_at(i)` styles grapheme-start char `i`.
    pub(super) fn push(&mut self, text: &str, style_at: impl Fn(usize) -> Style) {
        let mut char_index = 0;
        for grapheme in text.graphemes(true) {
            let style = style_at(char_index);
            char_index += grapheme.chars().count();
            self.width += grapheme_width(grapheme);
            match self.cells.last_mut() {
                Some((run, last)) if *last == style => run.push_str(grapheme),
                _ => self.cells.push((grapheme.to_string(), style)),
            }
        }
    }

    /// Cuts to at most `max` columns, ending with `…` when something was cut.
    pub(crate) fn truncate(&mut self, max: usize) {
        if self.width <= max {
            return;
        }
        let mut kept: Vec<(String, Style)> = Vec::new();
        let mut used = 0;
        let budget = max.saturating_sub(1);
        'outer: for (run, style) in &self.cells {
            let mut piece = String::new();
            for grapheme in run.graphemes(true) {
                let w = grapheme_width(grapheme);
                if used + w > budget {
                    if !piece.is_empty() {
                        kept.push((piece, *style));
                    }
                    break 'outer;
                }
                used += w;
                piece.push_str(grapheme);
            }
            kept.push((piece, *style));
        }
        if max > 0 {
            let style = kept.last().map(|(_, s)| *s).unwrap_or_default();
            kept.push(("…".to_string(), style));
            used += 1;
        }
        self.cells = kept;
        self.width = used;
    }

    /// The text without its styles.
    pub(super) fn text(&self) -> String {
        self.cells.iter().map(|(run, _)| run.as_str()).collect()
    }

    pub(crate) fn into_spans(self) -> Vec<Span<'static>> {
        self.cells
            .into_iter()
            .map(|(text, style)| Span::styled(text, style))
            .collect()
    }
}

/// How many characters of `text` to leave out at the start so that the cursor (before
/// character `cursor`, or after the end) shows in `room` columns after a `…`.
pub(super) fn scroll_to_cursor(text: &str, cursor: usize, room: usize) -> usize {
    use unicode_width::UnicodeWidthChar;
    let widths: Vec<usize> = text.chars().map(|c| c.width().unwrap_or(0)).collect();
    let upto = cursor.min(widths.len());
    // The cursor's own cell: its character, or the space after the end.
    let cell = widths.get(upto).copied().unwrap_or(1).max(1);
    if widths[..upto].iter().sum::<usize>() + cell <= room {
        return 0;
    }
    let mut skip = 0;
    while skip < upto && widths[skip..upto].iter().sum::<usize>() + cell + 1 > room {
        skip += 1;
    }
    skip
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fitted(text: &str, max: usize) -> (String, usize) {
        let mut f = Fitted::default();
        f.push(text, |_| Style::new());
        f.truncate(max);
        let width = f.width;
        let text: String = f
            .into_spans()
            .iter()
            .map(|s| s.content.to_string())
            .collect();
        (text, width)
    }

    #[test]
    fn cuts_by_display_width_with_an_ellipsis() {
        assert_eq!(fitted("Pokrovsk", 20), ("Pokrovsk".into(), 8));
        assert_eq!(fitted("Pokrovsk", 5), ("Pokr…".into(), 5));
        assert_eq!(fitted("基辅谈判", 5), ("基辅…".into(), 5));
        assert_eq!(
            fitted("e\u{301}e\u{301}e\u{301}", 2),
            ("e\u{301}…".into(), 2)
        );
        assert_eq!(fitted("👩‍👩‍👧 family", 4), ("👩‍👩‍👧 …".into(), 4));
        assert_eq!(fitted("👩‍👩‍👧 family", 3), ("👩‍👩‍👧…".into(), 3));
        assert_eq!(fitted("abc", 0), ("".into(), 0));
    }
}
