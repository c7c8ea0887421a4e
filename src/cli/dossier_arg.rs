//! The arguments that name a dossier and a source's text.

use std::path::PathBuf;

/// The dossier of `validate` and `export`: a first argument, or `-d/--dossier` as every
/// command takes it (default: the built-in one).
#[derive(Debug, Clone, clap::Args)]
pub struct DossierArg {
    /// The dossier (default: the built-in one).
    #[arg(id = "dossier", value_name = "DOSSIER")]
    pub(crate) positional: Option<PathBuf>,
    /// The dossier, as every command takes it.
    #[arg(
        short = 'd',
        long = "dossier",
        id = "dossier_option",
        value_name = "FILE",
        conflicts_with = "dossier"
    )]
    pub(crate) option: Option<PathBuf>,
}

impl DossierArg {
    /// The dossier given, either way.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.positional.as_deref().or(self.option.as_deref())
    }
}

/// `--source-text ID=PATH`: the text of one source, for `validate`.
#[derive(Debug, Clone)]
pub struct SourceTextArg {
    pub(crate) id: String,
    pub(crate) path: PathBuf,
}

impl std::str::FromStr for SourceTextArg {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.split_once('=') {
            Some((id, path)) if !id.is_empty() && !path.is_empty() => Ok(SourceTextArg {
                id: id.to_string(),
                path: PathBuf::from(path),
            }),
            _ => Err("write ID=PATH: a source id, '=', and the file holding its text".into()),
        }
    }
}
