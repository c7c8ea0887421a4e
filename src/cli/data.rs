//! The clap definitions `list`, `show` and `search` share, and the format of `notes`.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::export::Format;

/// Options shared by the data commands.
#[derive(Debug, clap::Args)]
pub struct DataArgs {
    /// The dossier to read (default: the built-in one; the config's `dossier` is the
    /// explorer's only).
    #[arg(short, long, value_name = "FILE")]
    pub(crate) dossier: Option<PathBuf>,
    /// Output format. csv and tsv are for `list` and `search`: one row an entity, as the
    /// explorer's list export has it.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// CSV and TSV: begin with a byte order mark, which Excel needs to read UTF-8 (names
    /// in Cyrillic, say) rightly.
    #[arg(long)]
    pub(crate) bom: bool,
}

/// How `talks notes` prints: lines to read, or JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFormat {
    #[value(alias = "txt")]
    Text,
    Json,
}
