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

/// The lines the longest of some titles needs, at each width, and the widest part of a
/// word (between spaces and after hyphens) in any of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct TitleLines {
    lines: [u8; WIDEST + 1],
    widest_part: u8,
}

impl TitleLines {
    pub(crate) fn of<'t>(titles: impl Iterator<Item = &'t str>) -> Self {
        let mut lines = [0u8; WIDEST + 1];
        let mut widest_part = 0;
        for title in titles {
            for (width, most) in lines.iter_mut().enumerate().skip(NARROWEST) {
                let needed = wrap_title(title, width).len().min(u8::MAX as usize) as u8;
                *most = (*most).max(needed);
            }
            let words = title.split(' ').flat_map(|word| word.split_inclusive('-'));
            let parts = words.map(crate::text::width);
            widest_part = parts.fold(widest_part, |w, p| w.max(p.min(u8::MAX as usize) as u8));
        }
        TitleLines { lines, widest_part }
    }

    /// The lines needed at `width` columns (the widest or narrowest counted, past them).
    pub(crate) fn at(&self, width: u16) -> u16 {
        u16::from(self.lines[(width as usize).clamp(NARROWEST, WIDEST)])
    }

    /// The fewest columns at which every title keeps its words whole in `rows` lines (the
    /// widest counted, if none does).
    pub(crate) fn fitting(&self, rows: u16) -> u16 {
        let least = usize::from(self.widest_part).max(NARROWEST);
        (least..=WIDEST)
            .find(|&width| self.at(width as u16) <= rows)
            .unwrap_or(WIDEST) as u16
    }
}

/// The columns the matrix's longest party name needs (its `> ` marker and a space
/// included), and its widest cell (a change marker's column when `slot`, the symbol, `~`
/// when inferred, the stance's word and a space).
pub(crate) fn matrix_widths(
    dossier: &crate::model::Dossier,
    matrix: &crate::views::StanceMatrix,
    slot: bool,
) -> (u16, u16) {
    let names = matrix.rows.iter().map(|&actor| {
        crate::text::width(&crate::text::sanitize_line(&dossier.actors[actor].name)) + 3
    });
    let mut cells = 0;
    for row in 0..matrix.rows.len() {
        for column in 0..matrix.columns.len() {
            let Some(cell) = matrix.cell(row, column) else {
                continue;
            };
            let position = cell.position(dossier);
            let (symbol, word) = crate::views::stance_symbol(&position.stance);
            let hedge = usize::from(position.basis.is_inferred());
            let shown = usize::from(slot) + crate::text::width(symbol) + hedge + 1 + word.len();
            cells = cells.max(shown + 1);
        }
    }
    let most = |w: usize| w.min(u16::MAX as usize) as u16;
    (most(names.max().unwrap_or(0)), most(cells))
}

/// A column title wrapped at spaces, and after hyphens, to `width` columns (at least 4).
pub(crate) fn wrap_title(title: &str, width: usize) -> Vec<Cow<'_, str>> {
    crate::text::Wrap::new(width.max(4))
        .at_hyphens()
        .lines(title)
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
        // "guarantees" and a hyphen's part: whole words at 11 columns on 4 lines.
        let lines = TitleLines::of(["Security guarantees", "De-escalation"].into_iter());
        assert_eq!(lines.fitting(2), 11);
        assert_eq!(lines.fitting(1), 19);
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
