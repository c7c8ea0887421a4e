//! The detail pane's state: the entity shown, its links, its screen lines at the width the
//! pane has, the scroll and the focused link.

use std::borrow::Cow;
use std::ops::Range;

use crate::detail::{Detail, ScreenLine, detail, link_line, screen_lines};
use crate::model::{EntityRef, Loaded};

/// What the detail pane shows and where it is scrolled to.
#[derive(Debug, Clone, Default)]
pub struct DetailView {
    detail: Option<Detail>,
    /// The links in reading order, and the screen lines at `width`: kept with the detail so
    /// that no keystroke or frame lays it out again.
    links: Vec<EntityRef>,
    lines: Vec<ScreenLine>,
    width: usize,
    /// The first line shown.
    pub(crate) scroll: usize,
    /// The focused link, an index into `links`.
    pub(crate) link: Option<usize>,
    /// The hit of the query `n`/`N` went to last: (screen line, first char).
    pub(crate) current_hit: Option<(usize, usize)>,
}

impl DetailView {
    pub fn detail(&self) -> Option<&Detail> {
        self.detail.as_ref()
    }

    /// The entity shown.
    pub fn shown(&self) -> Option<EntityRef> {
        self.detail.as_ref().map(|d| d.entity)
    }

    pub fn links(&self) -> &[EntityRef] {
        &self.links
    }

    pub fn link_count(&self) -> usize {
        self.links.len()
    }

    pub fn focused_link(&self) -> Option<usize> {
        self.link
    }

    /// The hit `n`/`N` went to last: (screen line, first char).
    pub fn current_hit(&self) -> Option<(usize, usize)> {
        self.current_hit
    }

    /// The screen lines as last laid out.
    pub(crate) fn screen_lines(&self) -> &[ScreenLine] {
        &self.lines
    }

    /// The entity the focused link leads to.
    pub(crate) fn focused_target(&self) -> Option<EntityRef> {
        self.link.and_then(|n| self.links.get(n).copied())
    }

    /// Shows `entity` (scrolled to the top, no link focused), laid out `width` columns
    /// wide; nothing changes if it is shown already.
    #[cfg(test)]
    pub(crate) fn show(&mut self, loaded: &Loaded, entity: Option<EntityRef>, width: usize) {
        self.show_with(loaded, entity, width, None, None);
    }

    /// Like [`DetailView::show`], with a first section (heading, items) when given: what
    /// changed since an older version.
    pub(crate) fn show_with(
        &mut self,
        loaded: &Loaded,
        entity: Option<EntityRef>,
        width: usize,
        first: Option<(String, Vec<String>)>,
        note: Option<&str>,
    ) {
        if self.shown() == entity && entity.is_some() {
            return;
        }
        self.detail = entity.map(|e| {
            let mut shown = detail(&loaded.dossier, &loaded.index, e);
            if let Some((heading, items)) = first.clone() {
                shown.prepend_items(&heading, items);
            }
            if let Some(note) = note {
                shown.sections.push(crate::detail::note_section(note));
            }
            shown
        });
        self.links = self.detail.as_ref().map(Detail::links).unwrap_or_default();
        self.width = 0;
        self.lay_out(width);
        self.scroll = 0;
        self.link = None;
        self.current_hit = None;
    }

    /// Forgets the detail shown (its dossier was replaced).
    pub(crate) fn clear(&mut self) {
        *self = DetailView::default();
    }

    /// Lays the lines out again if the width changed.
    pub(crate) fn lay_out(&mut self, width: usize) {
        if self.width == width && !self.lines.is_empty() {
            return;
        }
        self.width = width;
        self.current_hit = None;
        self.lines = self
            .detail
            .as_ref()
            .map(|d| screen_lines(d, width))
            .unwrap_or_default();
    }

    /// The screen lines at `width` columns: those kept when the width is the one they were
    /// laid out for (always, in the running explorer), else laid out anew.
    pub(crate) fn lines_at(&self, width: usize) -> Cow<'_, [ScreenLine]> {
        match &self.detail {
            Some(detail) if self.width != width => Cow::Owned(screen_lines(detail, width)),
            _ => Cow::Borrowed(&self.lines),
        }
    }

    /// The first line shown of `lines` lines when `rows` rows are on screen: the scroll,
    /// never past the last screenful.
    pub(crate) fn first_shown(&self, lines: usize, rows: usize) -> usize {
        self.scroll.min(lines.saturating_sub(rows))
    }

    /// Scrolls by `delta` lines, never past the last screenful of `rows` rows.
    pub(crate) fn scroll_by(&mut self, delta: isize, rows: usize) {
        let max = self.lines.len().saturating_sub(rows);
        self.scroll = self.scroll.saturating_add_signed(delta).min(max);
    }

    /// Scrolls by `delta` lines as the reader asks (a page, the wheel, `G`): the link
    /// focus moves onto a link on screen if it scrolled off, or to none.
    pub(crate) fn scroll(&mut self, delta: isize, rows: usize) {
        self.scroll_by(delta, rows);
        self.focus_on_screen(rows);
    }

    /// The screen lines link `n` is drawn on.
    fn link_lines(&self, n: usize) -> Option<Range<usize>> {
        let on = |line: &ScreenLine| line.pieces.iter().any(|p| p.link == Some(n));
        let first = self.lines.iter().position(on)?;
        let last = self.lines.iter().rposition(on)?;
        Some(first..last + 1)
    }

    /// The lines on screen when `rows` rows show.
    fn on_screen_lines(&self, rows: usize) -> Range<usize> {
        let top = self.first_shown(self.lines.len(), rows);
        top..top + rows
    }

    /// Whether link `n` is (at least in part) among the `rows` rows on screen.
    pub(crate) fn link_on_screen(&self, n: usize, rows: usize) -> bool {
        let screen = self.on_screen_lines(rows);
        self.link_lines(n)
            .is_some_and(|l| l.start < screen.end && screen.start < l.end)
    }

    /// Keeps the link focus on screen: a focused link above the screen moves to the first
    /// link on screen, one below it to the last, or to none when no link is on screen.
    pub(crate) fn focus_on_screen(&mut self, rows: usize) {
        let Some(link) = self.link.filter(|&n| !self.link_on_screen(n, rows)) else {
            return;
        };
        let above = self
            .link_lines(link)
            .is_some_and(|l| l.start < self.on_screen_lines(rows).start);
        let mut shown = (0..self.link_count()).filter(|&n| self.link_on_screen(n, rows));
        self.link = if above {
            shown.next()
        } else {
            shown.next_back()
        };
    }

    /// Focuses the next or previous link, or scrolls when there is none. With no link
    /// focused, the first link from the top of the screen down (or from its bottom up).
    pub(crate) fn step_link(&mut self, forward: bool, rows: usize) {
        let count = self.link_count();
        if count == 0 {
            return self.scroll_by(if forward { 1 } else { -1 }, rows);
        }
        let screen = self.on_screen_lines(rows);
        let starts = |n: &usize| self.link_lines(*n).map_or(0, |l| l.start);
        self.link = Some(match (self.link, forward) {
            (None, true) => (0..count).find(|n| starts(n) >= screen.start).unwrap_or(0),
            (None, false) => (0..count)
                .rfind(|n| starts(n) < screen.end)
                .unwrap_or(count - 1),
            (Some(n), true) => (n + 1) % count,
            (Some(n), false) => (n + count - 1) % count,
        });
        self.keep_link_visible(rows);
    }

    /// Scrolls to the top; the focus on the first link there, or on none (`g`, `gg`).
    pub(crate) fn scroll_to_top(&mut self, rows: usize) {
        self.scroll = 0;
        self.link = (0..self.link_count()).find(|&n| self.link_on_screen(n, rows));
    }

    /// Focuses link `n`, if there is one.
    pub(crate) fn focus_link(&mut self, n: Option<usize>) {
        self.link = n.filter(|&n| n < self.link_count());
    }

    /// Focuses the first link if none is focused.
    pub(crate) fn focus_first_link(&mut self) {
        if self.link.is_none() && self.link_count() > 0 {
            self.link = Some(0);
        }
    }

    /// Scrolls so that the focused link is among the `rows` rows on screen.
    pub(crate) fn keep_link_visible(&mut self, rows: usize) {
        if let Some(line) = self.link.and_then(|link| link_line(&self.lines, link))
            && rows > 0
        {
            if line < self.scroll {
                self.scroll = line;
            } else if line >= self.scroll + rows {
                self.scroll = line + 1 - rows;
            }
        }
        self.scroll_by(0, rows);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityKind, builtin};

    fn shown(rows_wide: usize) -> (Loaded, DetailView) {
        let loaded = builtin().unwrap_or_else(|e| panic!("{e}"));
        let mut view = DetailView::default();
        let entity = loaded.index.get("russia");
        view.show(&loaded, entity, rows_wide);
        (loaded, view)
    }

    #[test]
    fn showing_resets_scroll_and_link_and_lays_out_once() {
        let (loaded, mut view) = shown(30);
        assert!(view.lines.len() > 10);
        view.scroll_by(5, 4);
        view.step_link(true, 4);
        let same = view.shown();
        view.show(&loaded, same, 30);
        assert_eq!(
            view.link,
            Some(0),
            "showing the same entity changes nothing"
        );
        let other = loaded.index.get("ukraine");
        view.show(&loaded, other, 30);
        assert_eq!((view.scroll, view.link), (0, None));
        assert_eq!(view.shown().map(|e| e.kind), Some(EntityKind::Actor));
    }

    #[test]
    fn scrolling_stops_at_the_last_screenful_and_links_stay_visible() {
        let (_loaded, mut view) = shown(30);
        let total = view.lines.len();
        view.scroll_by(isize::MAX / 2, 5);
        assert_eq!(view.scroll, total - 5);
        view.step_link(true, 5);
        let line = link_line(&view.lines, 0).unwrap_or_default();
        assert!(line >= view.scroll && line < view.scroll + 5);
        view.step_link(false, 5);
        assert_eq!(view.link, Some(view.link_count() - 1));
    }

    #[test]
    fn lines_at_another_width_are_laid_out_anew() {
        let (_loaded, view) = shown(30);
        assert!(matches!(view.lines_at(30), Cow::Borrowed(_)));
        assert!(view.lines_at(60).len() < view.lines.len());
    }
}
