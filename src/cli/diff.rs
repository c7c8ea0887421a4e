//! The clap definitions of `talks diff`.

use crate::export::Format;

#[derive(Debug, clap::Args)]
pub struct DiffArgs {
    /// The older dossier: a file, a folder, `-` for standard input, or `git:REV:PATH` for a
    /// file or folder as it was at a git revision (`git:HEAD~3:data/talks.yaml`; needs git).
    #[arg(value_name = "OLD")]
    pub(crate) old: String,
    /// The newer dossier, in the same forms.
    #[arg(value_name = "NEW")]
    pub(crate) new: String,
    /// txt (default), md or json.
    #[arg(long, short = 'f', default_value = "txt")]
    pub(crate) format: Format,
}
