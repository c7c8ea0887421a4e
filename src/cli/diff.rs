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
    #[arg(long, short = 'f', default_value = "txt", value_parser = diff_format)]
    pub(crate) format: Format,
}

/// `--format` of `talks diff`: a document format, not a table nor a page.
fn diff_format(value: &str) -> Result<Format, String> {
    match value.to_ascii_lowercase().as_str() {
        "txt" | "text" => Ok(Format::Text),
        "md" | "markdown" => Ok(Format::Markdown),
        "json" => Ok(Format::Json),
        _ => Err("talks diff writes txt, md or json".to_string()),
    }
}
