//! The clap definitions of `talks export`.

use std::path::PathBuf;

use clap::ValueEnum;
use clap::builder::PossibleValue;

use super::DossierArg;
use crate::export;
use crate::model::EntityKind;

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub(crate) dossier: DossierArg,
    /// The list to export.
    #[arg(
        long,
        value_enum,
        required_unless_present = "all",
        conflicts_with = "all"
    )]
    pub(crate) view: Option<ExportView>,
    /// Filter the list with this query (as in the explorer's search bar).
    #[arg(long, conflicts_with = "all")]
    pub(crate) query: Option<String>,
    /// The entity whose detail follows the list (default: the list's first entry).
    #[arg(long, value_name = "ID", conflicts_with = "all")]
    pub(crate) select: Option<String>,
    /// Export the whole dossier as a briefing instead of one view.
    #[arg(long)]
    pub(crate) all: bool,
    /// Output format (default: from the -o file's extension, else txt). csv and tsv are for
    /// a list, the matrix, the timeline and the sources.
    #[arg(long, value_enum)]
    pub(crate) format: Option<export::Format>,
    /// Write to this file instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Replace the output file if it exists.
    #[arg(long)]
    pub(crate) force: bool,
    /// Leave out the export time (for reproducible files).
    #[arg(long)]
    pub(crate) no_timestamp: bool,
    /// Wrap text exports at N columns (0: one paragraph a line, for the reader to wrap).
    /// A word, a URL or a date is never cut: a longer one overflows the line.
    #[arg(long, value_name = "N", default_value_t = crate::export::DEFAULT_WIDTH)]
    pub(crate) width: usize,
    /// Add what changed since this older version (a file, a folder or git:REV:PATH; `seen`:
    /// what the dossier said when you last caught up in the explorer) in what the export
    /// holds: a "Changes" part after it (a `changes` key in JSON).
    #[arg(long, value_name = "OLD")]
    pub(crate) since: Option<String>,
    /// A list's titles only, with the selected entity's detail, instead of every listed
    /// entity in full.
    #[arg(long, conflicts_with = "all")]
    pub(crate) brief: bool,
    /// CSV and TSV: begin the file with a byte order mark, which Excel needs to read UTF-8
    /// (names in Cyrillic, say) rightly.
    #[arg(long)]
    pub(crate) bom: bool,
    /// With --all: end the brief with an appendix listing the positions and quotes that
    /// rest on a single source (in a dossier written from one report, one sentence says so).
    #[arg(long)]
    pub(crate) single_source: bool,
    /// Add your notes and stars on what is exported (from the notes file beside the
    /// dossier) in a section of their own, "Analyst notes" (a `notes` key in JSON).
    #[arg(long)]
    pub(crate) notes: bool,
}

/// What `talks export --view` exports: a list, or a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportView {
    List(EntityKind),
    Matrix,
    Timeline,
    Sources,
}

impl ValueEnum for ExportView {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ExportView::List(EntityKind::Actor),
            ExportView::List(EntityKind::Event),
            ExportView::List(EntityKind::StickingPoint),
            ExportView::List(EntityKind::Place),
            ExportView::Matrix,
            ExportView::Timeline,
            ExportView::Sources,
        ]
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        match self {
            ExportView::List(kind) => kind.to_possible_value(),
            ExportView::Matrix => Some(PossibleValue::new("matrix")),
            ExportView::Timeline => Some(PossibleValue::new("timeline")),
            ExportView::Sources => Some(PossibleValue::new("sources")),
        }
    }
}
