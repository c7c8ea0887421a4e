//! CSV (RFC 4180: commas, `"` quoting where needed, CRLF) and TSV (tabs, LF) of a table
//! scope, written by the `csv` crate in UTF-8, a byte order mark first when asked. A cell
//! that a spreadsheet would read as a formula is neutralised with a leading `'` (OWASP's
//! rule for CSV injection).

use ::csv::{Terminator, WriterBuilder};

use super::table::{Table, table};
use super::{ExportOptions, Format, Scope};
use crate::model::Loaded;

/// What Excel needs first to read a file as UTF-8.
const BOM: &str = "\u{feff}";

/// `scope` as CSV or TSV (`options.format`); empty when the scope is no table.
pub(super) fn render(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let changes = options.since.map(|old| {
        let now = options.now.unwrap_or(loaded);
        crate::changes::compare(old, now)
    });
    let Some(table) = table(loaded, scope, changes.as_ref()) else {
        return String::new();
    };
    let written = write(&table, options.format == Format::Tsv);
    if options.bom {
        format!("{BOM}{written}")
    } else {
        written
    }
}

/// A cell as written: one a spreadsheet would take for a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) gains a leading `'`.
pub(crate) fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The table's header and rows, tab-separated or comma-separated.
fn write(table: &Table, tabs: bool) -> String {
    let mut builder = WriterBuilder::new();
    if tabs {
        builder.delimiter(b'\t').terminator(Terminator::Any(b'\n'));
    } else {
        builder.terminator(Terminator::CRLF);
    }
    let mut writer = builder.from_writer(Vec::new());
    // Writing to memory fails only on an invalid record, and every row has the header's
    // length.
    let _ = writer.write_record(&table.header);
    for row in &table.rows {
        let _ = writer.write_record(row.iter().map(|cell| neutralised(cell).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_quoting_is_rfc_4180() {
        assert_eq!(neutralised("=1+1"), "'=1+1");
        assert_eq!(neutralised("-2"), "'-2");
        assert_eq!(neutralised("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralised("+1"), "'+1");
        assert_eq!(neutralised("a=b"), "a=b");
        let table = Table {
            header: vec!["a", "b"],
            rows: vec![vec!["x, \"y\"".into(), "=cmd".into()]],
        };
        assert_eq!(write(&table, false), "a,b\r\n\"x, \"\"y\"\"\",'=cmd\r\n");
        assert_eq!(write(&table, true), "a\tb\n\"x, \"\"y\"\"\"\t'=cmd\n");
    }
}
