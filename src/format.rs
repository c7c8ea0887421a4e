//! The export formats: plain text, Markdown, JSON, CSV, TSV and HTML, what each is called
//! and which a file name asks for. Low in the layering, so that everything that renders
//! may name one.

use std::path::Path;

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    /// One table, comma-separated (RFC 4180).
    Csv,
    /// One table, tab-separated.
    Tsv,
    /// One self-contained page.
    Html,
}

impl Format {
    pub const ALL: [Format; 6] = [
        Format::Text,
        Format::Markdown,
        Format::Json,
        Format::Csv,
        Format::Tsv,
        Format::Html,
    ];

    /// The formats every export has: a document (the table formats are for tables only).
    pub const DOCUMENTS: [Format; 4] = [Format::Text, Format::Markdown, Format::Json, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Tsv => "tsv",
            Format::Html => "html",
        }
    }

    /// What the format is called in a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Tsv => "TSV",
            Format::Html => "HTML",
        }
    }

    /// Whether the format holds one table (CSV, TSV), so only what is a table.
    pub fn is_table(self) -> bool {
        matches!(self, Format::Csv | Format::Tsv)
    }

    /// The format a file name asks for by its extension.
    pub(crate) fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The next format, for Tab in the export prompt; `tables`: whether what is exported
    /// is a table (else CSV and TSV are skipped).
    pub fn next(self, tables: bool) -> Format {
        let at = Format::ALL.iter().position(|&f| f == self).unwrap_or(0);
        let after = Format::ALL.iter().cycle().skip(at + 1);
        after
            .take(Format::ALL.len())
            .copied()
            .find(|f| tables || !f.is_table())
            .unwrap_or(Format::Text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension_and_in_a_cycle() {
        assert_eq!(
            Format::from_path(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(Format::from_path(Path::new("b.json")), Some(Format::Json));
        assert_eq!(Format::from_path(Path::new("b.Csv")), Some(Format::Csv));
        assert_eq!(Format::from_path(Path::new("b.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("b.pdf")), None);
        assert_eq!(Format::Json.next(true), Format::Csv);
        assert_eq!(Format::Json.next(false), Format::Html);
        assert_eq!(Format::Html.next(true), Format::Text);
        assert_eq!(Format::Csv.next(false), Format::Html);
    }
}
