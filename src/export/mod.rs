//! Views of a dossier as text, Markdown, JSON, CSV, TSV and HTML: pure functions (files are
//! written by `fsio`). The explorer and `talks export` both come here, so the same view
//! gives the same bytes. One module per format renders every [`Scope`] (CSV and TSV only
//! those that are tables: [`Scope::has_table`]); `describe` holds what they all say.

pub mod analyst;
mod bibliography;
mod brief;
mod cite;
mod since;
use since::with_changes;
mod csv;
mod describe;
mod html;
mod json;
mod markdown;
mod single_source;
mod table;
mod text;

pub use cite::{CitationStyle, citation, citations};
pub use json::{entity_value, entity_with_links};
pub(crate) use text::position_text;
pub use text::{detail_copy, detail_text, wrap};

pub use crate::format::Format;

use crate::model::{EntityKind, EntityRef, Loaded};
use crate::search::Results;
use crate::views::{SourceList, StanceMatrix, Timeline};

/// A list as a query filters it, and the entity whose detail goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewSpec {
    pub list: EntityKind,
    pub query: String,
    /// The list's entries in ranked order.
    pub entries: Vec<EntityRef>,
    pub selected: Option<EntityRef>,
}

impl ViewSpec {
    pub fn new(
        list: EntityKind,
        query: &str,
        results: &Results,
        selected: Option<EntityRef>,
    ) -> Self {
        let entries = results
            .sorted(list)
            .iter()
            .map(|hit| EntityRef {
                kind: list,
                index: hit.index,
            })
            .collect();
        ViewSpec {
            list,
            query: query.trim().to_string(),
            entries,
            selected,
        }
    }
}

/// What an export holds: one view, the whole dossier as a briefing, or a page. A view or a
/// page carries the rows its search gave, so that rendering it searches nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    View(ViewSpec),
    Briefing,
    /// The stance matrix as the query filters it.
    Matrix {
        query: String,
        matrix: StanceMatrix,
    },
    /// The timeline as the query filters it.
    Timeline {
        query: String,
        timeline: Timeline,
    },
    /// The sources the query's results cite, each with what cites it.
    Sources {
        query: String,
        sources: SourceList,
    },
    /// The entities the user marked, each in full: actors first, each kind in dossier
    /// order.
    Marked(Vec<EntityRef>),
    /// One entity's or source's detail in full: `talks show`, and a source the detail pane
    /// shows (it is in no list, so no view holds it).
    Detail(EntityRef),
    /// What a search found, best first, each in full (`talks search`); as a table, one row
    /// a hit with its kind.
    Found {
        query: String,
        entries: Vec<EntityRef>,
    },
}

impl Scope {
    /// Whether the scope is a table, so that CSV and TSV can hold it: a list or a page, not
    /// the brief nor entities in full.
    pub fn has_table(&self) -> bool {
        !matches!(self, Scope::Briefing | Scope::Marked(_) | Scope::Detail(_))
    }

    /// Why `format` cannot hold this scope, said to the user; `None`: it can.
    pub fn refusal(&self, format: Format) -> Option<String> {
        if !format.is_table() || self.has_table() {
            return None;
        }
        let what = match self {
            Scope::Briefing => "the brief",
            Scope::Detail(_) => "a detail",
            _ => "entities in full",
        };
        Some(format!(
            "{} holds one table, and {what} is a document: export it as txt, md, json or html \
             (CSV and TSV are for a list, the matrix, the timeline and the sources)",
            format.describe()
        ))
    }

    /// The stance matrix of `results`, the answer to `query`.
    pub fn matrix(loaded: &Loaded, query: &str, results: &Results) -> Self {
        Scope::Matrix {
            query: query.trim().to_string(),
            matrix: StanceMatrix::build(&loaded.index, results),
        }
    }

    /// The timeline of `results`, the answer to `query`.
    pub fn timeline(loaded: &Loaded, query: &str, results: &Results) -> Self {
        Scope::Timeline {
            query: query.trim().to_string(),
            timeline: Timeline::build(&loaded.dossier, &loaded.index, results),
        }
    }

    /// The sources `results` cite (every source for an empty query), the answer to `query`.
    pub fn sources(loaded: &Loaded, query: &str, results: &Results) -> Self {
        let parsed = crate::search::Query::parse(query).unwrap_or_default();
        Scope::Sources {
            query: query.trim().to_string(),
            sources: SourceList::build(&loaded.dossier, &loaded.index, results, &parsed),
        }
    }
}

/// Columns of a text export unless `--width` or `export_width` say otherwise.
pub const DEFAULT_WIDTH: usize = 80;

/// How to render an export besides its scope.
#[derive(Debug, Clone, Copy)]
pub struct ExportOptions<'a> {
    pub format: Format,
    /// The time stamp to print, if any.
    pub exported_at: Option<&'a str>,
    /// Columns of a text export; 0: one paragraph a line, for the reader to wrap.
    pub width: usize,
    /// A list's titles only (and the selected entity's detail), not every entry in full.
    pub brief: bool,
    /// The analyst's notes and stars on what is exported, in a section of their own;
    /// `None`: left out (the default: exports go into documents others read).
    pub notes: Option<&'a crate::notes::Notes>,
    /// The older version to compare with (`--since`): what changed in what the export
    /// holds, a section of its own (in the brief, after the summary).
    pub since: Option<&'a Loaded>,
    /// The reading the comparison is with when the one exported is another (the
    /// comparison's own matrix, whose indices are the older version's); `None`: the one
    /// exported.
    pub now: Option<&'a Loaded>,
    /// CSV and TSV begin with a byte order mark, which Excel needs to read UTF-8.
    pub bom: bool,
    /// The brief ends with an appendix of the claims that rest on one source.
    pub single_source: bool,
}

impl<'a> ExportOptions<'a> {
    /// `format` at the default width, every listed entity in full.
    pub fn new(format: Format, exported_at: Option<&'a str>) -> Self {
        ExportOptions {
            format,
            exported_at,
            width: DEFAULT_WIDTH,
            brief: false,
            notes: None,
            since: None,
            now: None,
            bom: false,
            single_source: false,
        }
    }
}

/// Renders `scope` in `format` at the default width. `exported_at` is the time stamp to
/// print, if any.
pub fn render(loaded: &Loaded, scope: &Scope, exported_at: Option<&str>, format: Format) -> String {
    render_with(loaded, scope, &ExportOptions::new(format, exported_at))
}

/// Renders `scope` as `options` say. CSV and TSV of a scope that is no table
/// ([`Scope::refusal`] says why) are empty: callers refuse them first.
pub fn render_with(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let rendered = match options.format {
        Format::Text => text::render(loaded, scope, options),
        Format::Markdown => markdown::render(loaded, scope, options),
        Format::Json => json::render(loaded, scope, options),
        // The analyst's notes are refused with a table; what changed is its `change` column.
        Format::Csv | Format::Tsv => return self::csv::render(loaded, scope, options),
        Format::Html => return html::render(loaded, scope, options),
    };
    // A brief in text or Markdown has its notes under their entities and what moved after
    // its summary; anything else has them after its content.
    let inside = *scope == Scope::Briefing && options.format != Format::Json;
    let rendered = match options.notes {
        Some(notes) if !inside => {
            let items = analyst::items(loaded, scope, notes);
            analyst::append(rendered, options.format, &items, options.width)
        }
        _ => rendered,
    };
    match options.since {
        Some(old) if !inside => {
            let now = options.now.unwrap_or(loaded);
            let format = (options.format, options.width);
            with_changes(rendered, (old, now), (scope, loaded), format)
        }
        _ => rendered,
    }
}

/// A file name for an export: `talks-events-pokrovsk.txt`, `talks-briefing.md`.
pub(crate) fn default_file_name(scope: &Scope, format: Format) -> String {
    let (name, query) = match scope {
        Scope::Briefing => ("briefing", ""),
        Scope::View(view) => (view.list.plural_slug(), view.query.as_str()),
        Scope::Matrix { query, .. } => ("matrix", query.as_str()),
        Scope::Timeline { query, .. } => ("timeline", query.as_str()),
        Scope::Sources { query, .. } => ("sources", query.as_str()),
        Scope::Marked(_) => ("marked", ""),
        Scope::Detail(entity) => (entity.kind.slug(), ""),
        Scope::Found { query, .. } => ("search", query.as_str()),
    };
    let mut stem = format!("talks-{name}");
    let slug = slug(query);
    if !slug.is_empty() {
        stem.push('-');
        stem.push_str(&slug);
    }
    format!("{stem}.{}", format.extension())
}

/// Lowercase letters and digits of `text`, other runs as one `-`, at most 40 characters.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && c.is_ascii() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug.chars().take(40).collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// The time now, as an RFC 3339 UTC time stamp to the second.
pub fn timestamp_now() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_list_and_query() {
        let view = |query: &str| {
            Scope::View(ViewSpec {
                list: EntityKind::Event,
                query: query.into(),
                entries: vec![],
                selected: None,
            })
        };
        assert_eq!(
            default_file_name(&view("pokrovsk"), Format::Text),
            "talks-events-pokrovsk.txt"
        );
        assert_eq!(
            default_file_name(&view(""), Format::Markdown),
            "talks-events.md"
        );
        assert_eq!(
            default_file_name(&view("actor:putin !'Donbas | ^Ф"), Format::Json),
            "talks-events-actor-putin-donbas.json"
        );
        assert_eq!(
            default_file_name(&Scope::Briefing, Format::Text),
            "talks-briefing.txt"
        );
        let sources = Scope::Sources {
            query: "pokrovsk".into(),
            sources: SourceList::default(),
        };
        assert_eq!(
            default_file_name(&sources, Format::Markdown),
            "talks-sources-pokrovsk.md"
        );
    }
}
