//! Room for more on the matrix and timeline pages: the selection's detail below or beside
//! the page where the screen has it, and the lines the matrix's column titles need.

use std::borrow::Cow;

use ratatui::layout::Rect;

/// From this body height (a 30-row screen) the selection's detail goes below the page.
pub(crate) const DETAIL_BELOW_BODY: u16 = 27;
/// Else from this width it goes beside the page: a third of the width, within these.
const DETAIL_BESIDE_WIDTH: u16 = 120;
const DETAIL_BESIDE_LEAST: u16 = 36;
const DETAIL_BESIDE_MOST: u16 = 60;
/// Below, the detail keeps at least this many rows (or half the body, if more).
const DETAIL_LEAST_ROWS: u16 = 10;

/// Splits `body` between the page and the detail of its selection: below, the page keeps
/// the rows it `wants` (borders included, given its block at full width) and the detail
/// the rest; beside, the detail takes a third of the width; on smaller screens, nothing.
pub(crate) fn split_off_detail(body: Rect, wants: impl Fn(Rect) -> u16) -> (Rect, Option<Rect>) {
    if body.height >= DETAIL_BELOW_BODY {
        let most = body
            .height
            .saturating_sub(DETAIL_LEAST_ROWS)
            .max(body.height / 2);
        let top = wants(body).min(most);
        let page = Rect {
            height: top,
            ..body
        };
        let detail = Rect {
            y: body.y + top,
            height: body.height - top,
            ..body
        };
        (page, Some(detail))
    } else if body.width >= DETAIL_BESIDE_WIDTH {
        let side = (body.width / 3).clamp(DETAIL_BESIDE_LEAST, DETAIL_BESIDE_MOST);
        let page = Rect {
            width: body.width - side,
            ..body
        };
        let detail = Rect {
            x: body.x + page.width,
            width: side,
            ..body
        };
        (page, Some(detail))
    } else {
        (body, None)
    }
}

/// The widths of a matrix cell, from a column's least to its most (less its space):
/// only these are counted, since they are worked out on every search.
pub(super) const NARROWEST: usize = 11;
pub(super) const WIDEST: usize = 23;

/// The lines the longest of some titles needs, at each width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TitleLines([u8; WIDEST + 1]);

impl TitleLines {
    pub(crate) fn of<'t>(titles: impl Iterator<Item = &'t str>) -> Self {
        let mut lines = [0u8; WIDEST + 1];
        for title in titles {
            for (width, most) in lines.iter_mut().enumerate().skip(NARROWEST) {
                let needed = wrap_title(title, width).len().min(u8::MAX as usize) as u8;
                *most = (*most).max(needed);
            }
        }
        TitleLines(lines)
    }

    /// The lines needed at `width` columns (the widest or narrowest counted, past them).
    pub(crate) fn at(&self, width: u16) -> u16 {
        u16::from(self.0[(width as usize).clamp(NARROWEST, WIDEST)])
    }
}

/// A column title wrapped at spaces to `width` columns (at least 4).
pub(crate) fn wrap_title(title: &str, width: usize) -> Vec<Cow<'_, str>> {
    crate::text::wrap(title, width.max(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_need_their_longest_s_lines() {
        let lines = TitleLines::of(["Security guarantees and their backers", "Donbas"].into_iter());
        assert_eq!(lines.at(13), 4);
        assert_eq!(lines.at(23), 2);
        assert_eq!(lines.at(200), 2);
        assert_eq!(lines.at(4), 4);
        assert_eq!(TitleLines::default().at(13), 0);
    }

    #[test]
    fn below_on_tall_screens_beside_on_wide_ones() {
        let tall = Rect::new(0, 2, 120, 37);
        let (page, detail) = split_off_detail(tall, |_| 12);
        assert_eq!(page, Rect::new(0, 2, 120, 12));
        assert_eq!(detail, Some(Rect::new(0, 14, 120, 25)));
        // The page wanting more than there is leaves the detail its least.
        let (page, _) = split_off_detail(tall, |_| 100);
        assert_eq!(page.height, 27);
        let wide = Rect::new(0, 2, 120, 21);
        let (page, detail) = split_off_detail(wide, |_| 12);
        assert_eq!(page, Rect::new(0, 2, 80, 21));
        assert_eq!(detail, Some(Rect::new(80, 2, 40, 21)));
        let small = Rect::new(0, 2, 80, 21);
        assert_eq!(split_off_detail(small, |_| 12), (small, None));
    }
}
