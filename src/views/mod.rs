//! The analyst views as data: who stands where (the stance matrix), what happened in what
//! order (the timeline) and where each claim comes from (provenance). No terminal code.

mod matrix;
mod provenance;
mod timeline;

pub use matrix::{Cell, StanceMatrix, change_dates, stance_symbol};
pub use provenance::{Backed, Citing, Part, SourceList, SourceRow, citations};
pub use timeline::{Timeline, TimelineRow, status_marker};
