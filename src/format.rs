//! The export formats: plain text, Markdown and JSON, what each is called and which a file
//! name asks for. Low in the layering, so that everything that renders may name one.

use std::path::Path;

/// The three export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    /// What the format is called in a sentence.
    pub fn describe(self) -> &'static str {
        match self {
            Format::Text => "plain text",
            Format::Markdown => "Markdown",
            Format::Json => "JSON",
        }
    }

    /// The format a file name asks for by its extension.
    pub(crate) fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// The next format, for Tab in the export prompt.
    pub fn next(self) -> Format {
        match self {
            Format::Text => Format::Markdown,
            Format::Markdown => Format::Json,
            Format::Json => Format::Text,
        }
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
        assert_eq!(Format::from_path(Path::new("b.pdf")), None);
        assert_eq!(Format::Json.next(), Format::Text);
    }
}
