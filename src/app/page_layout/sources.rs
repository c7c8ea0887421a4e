//! The sources page's areas: a block of lines for each source (its title, what it says of
//! itself, what it backs and the first things it backs), one under the other.

use ratatui::layout::Rect;

/// The lines a source takes: its title, its facts, its counts and the first things it
/// backs, then a blank line.
pub const SOURCE_LINES: u16 = 7;

/// The first things a source backs, listed under its counts.
pub const FIRST_BACKED: usize = 3;

/// The sources page: the list of sources, each `lines` lines high (fewer than
/// [`SOURCE_LINES`] on a short screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SourcesAreas {
    pub(crate) block: Rect,
    pub(crate) inner: Rect,
    pub sources: Rect,
    pub(crate) lines: u16,
}

impl SourcesAreas {
    /// How many sources fit (at least one).
    pub fn fit(&self) -> usize {
        (self.sources.height / self.lines.max(1)).max(1) as usize
    }

    /// The source block `n` blocks below the top of the list that row `y` is in.
    pub fn block_at(&self, y: u16) -> Option<usize> {
        let s = self.sources;
        (y >= s.y && y < s.bottom()).then(|| ((y - s.y) / self.lines.max(1)) as usize)
    }
}

pub(super) fn sources_areas(block: Rect, inner: Rect) -> SourcesAreas {
    SourcesAreas {
        block,
        inner,
        sources: inner,
        lines: SOURCE_LINES.min(inner.height).max(1),
    }
}
