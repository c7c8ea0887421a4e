//! `list`, `show` and `search` in Markdown, HTML, CSV and TSV: the scope each stands for
//! (a list, one entity, what a search found), rendered by `export` as `talks export`
//! renders it, without a time stamp, so that the same dossier gives the same bytes.

use std::io::{self, Write};

use super::since::Comparison;
use crate::cli::DataArgs;
use crate::export::{ExportOptions, Scope, render_with};
use crate::model::Loaded;

/// Why the command cannot print in the format asked, said to the user; `tables`: whether
/// what it prints is a table (`list`, `search`), else it is one entity's detail (`show`).
pub(super) fn refusal(tables: bool, args: &DataArgs) -> Option<String> {
    let format = args.format;
    if format.is_table() && !tables {
        return Some(format!(
            "{} holds one table, and talks show prints one entity's detail, a document: \
             use --format txt, md, json or html (CSV and TSV are for talks list, talks search, \
             and talks export --view of a list, the matrix, the timeline or the sources)",
            format.describe()
        ));
    }
    if args.bom && !format.is_table() {
        return Some(format!(
            "--bom is for CSV and TSV, and this output is {}: leave it out",
            format.describe()
        ));
    }
    None
}

/// `scope` in the format `args` asks for (with a `change` column or a "Changes" part when
/// there is a comparison).
pub(super) fn write(
    out: &mut impl Write,
    loaded: &Loaded,
    scope: &Scope,
    args: &DataArgs,
    since: Option<&Comparison>,
) -> io::Result<()> {
    let options = ExportOptions {
        bom: args.bom,
        since: since.map(|since| &since.old),
        ..ExportOptions::new(args.format, None)
    };
    out.write_all(render_with(loaded, scope, &options).as_bytes())
}
