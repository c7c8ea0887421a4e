//! The sources page's areas: the list of sources, a heading, and what cites the
//! selected one.

use ratatui::layout::Rect;

/// The sources page: the list of sources, a heading, and what cites the selected one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcesAreas {
    pub(crate) block: Rect,
    pub(crate) inner: Rect,
    pub sources: Rect,
    pub(crate) heading: Rect,
    pub citations: Rect,
}

/// A third of the rows go to the list of sources (fewer if there are fewer sources, at
/// least one); the rest, under a heading, to what cites the selected source.
pub(super) fn sources_areas(block: Rect, inner: Rect, sources: usize) -> SourcesAreas {
    let list_rows = sources
        .min(block.height.saturating_sub(2) as usize / 3)
        .max(1) as u16;
    let list = Rect::new(inner.x, inner.y, inner.width, list_rows.min(inner.height));
    let heading_y = (inner.y + list_rows + 1).min(inner.bottom().saturating_sub(1));
    let heading = Rect::new(inner.x, heading_y, inner.width, 1);
    let citations_top = (inner.y + list_rows + 2).min(inner.bottom());
    let citations = Rect::new(
        inner.x,
        citations_top,
        inner.width,
        inner.bottom() - citations_top,
    );
    SourcesAreas {
        block,
        inner,
        sources: list,
        heading,
        citations,
    }
}
