//! The detail of one entity as structured lines: every field, every link (backlinks too)
//! and its sources. The explorer draws it, `talks show` and the exports print it, so all
//! of them say the same thing.

use crate::model::{Basis, Dossier, EntityKind, EntityRef, Index, Stance};

/// How a piece of a detail line is meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// A field name such as "Role:".
    Label,
    /// A reference that can be followed.
    Link(EntityRef),
    Stance(Stance),
    Quote,
    /// Secondary facts (order, status, kind).
    Muted,
    /// " (inferred)": what follows a stance or quote the dossier reads rather than the
    /// source says.
    Hedge,
    /// The analyst's own note: not a sourced fact.
    Note,
    /// What a claim rests on, after its note numbers (" · one source").
    Sourcing,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub(crate) text: String,
    pub(crate) style: Style,
}

/// One line of a detail: a field, a bullet or a paragraph (paragraphs are wrapped when drawn).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Line {
    pub(crate) segments: Vec<Segment>,
}

impl Line {
    fn push(mut self, text: impl Into<String>, style: Style) -> Self {
        self.segments.push(Segment {
            text: text.into(),
            style,
        });
        self
    }

    fn plain(self, text: impl Into<String>) -> Self {
        self.push(text, Style::Plain)
    }

    /// The line's text without styles.
    pub fn text(&self) -> String {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }
}

/// What a section holds, so that each format can lay it out its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionKind {
    /// "Label: value" lines, first and without a heading.
    Fields,
    Summary,
    /// One linked entity a line.
    Links,
    /// "party — stance: summary" lines.
    Positions,
    Quotes,
    /// Plain one-line items.
    Items,
    /// Numbered source notes.
    Sources,
    /// The analyst's own note (from the notes file): the explorer only, never exports.
    Note,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub(crate) kind: SectionKind,
    /// Empty for the opening fields.
    pub(crate) heading: String,
    pub(crate) lines: Vec<Line>,
}

/// Everything shown about one entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub(crate) entity: EntityRef,
    pub(crate) title: String,
    pub(crate) sections: Vec<Section>,
    /// The source id of each note number (note 1 first).
    pub(crate) notes: Vec<String>,
}

impl Detail {
    /// Every link, in reading order: what Tab walks through.
    pub fn links(&self) -> Vec<EntityRef> {
        self.sections
            .iter()
            .flat_map(|s| &s.lines)
            .flat_map(|l| &l.segments)
            .filter_map(|s| match s.style {
                Style::Link(target) => Some(target),
                _ => None,
            })
            .collect()
    }
}

/// The heading of the analyst's note in the detail pane: visibly not the dossier's.
pub const NOTE_HEADING: &str = "✎ Your note (not in the dossier)";

/// The analyst's note as the detail pane's last section, a line of the note a line.
pub fn note_section(note: &str) -> Section {
    Section {
        kind: SectionKind::Note,
        heading: NOTE_HEADING.to_string(),
        lines: note
            .lines()
            .map(|l| Line::default().push(l, Style::Note))
            .collect(),
    }
}

/// After the note number of a claim that rests on one source.
pub const ONE_SOURCE_MARK: &str = " · one source";

/// After a claim that cites no source, in a dossier that has sources.
pub const NO_SOURCE_MARK: &str = " · no source";

struct Builder<'d> {
    dossier: &'d Dossier,
    index: &'d Index,
    sections: Vec<Section>,
    /// Source ids in the order of their note numbers.
    notes: Vec<String>,
}

impl<'d> Builder<'d> {
    fn section(&mut self, kind: SectionKind, heading: &str, lines: Vec<Line>) {
        if !lines.is_empty() {
            self.sections.push(Section {
                kind,
                heading: heading.to_string(),
                lines,
            });
        }
    }

    fn link(&self, entity: EntityRef) -> Line {
        Line::default().push(self.dossier.name_of(entity), Style::Link(entity))
    }

    fn link_by_id(&self, id: &str) -> Line {
        match self.index.get(id) {
            Some(entity) => self.link(entity),
            None => Line::default().plain(id),
        }
    }

    /// Links to each id of a list, joined as a sentence ("A, B and C").
    fn links_by_id(&self, ids: &[String]) -> Line {
        let mut line = Line::default();
        for (n, id) in ids.iter().enumerate() {
            if n > 0 {
                line = line.plain(if n + 1 == ids.len() { " and " } else { ", " });
            }
            line.segments.extend(self.link_by_id(id).segments);
        }
        line
    }

    /// A stance, hedged when it is the dossier's reading rather than the source's words.
    fn stance(line: Line, stance: &Stance, basis: &Basis) -> Line {
        let line = line.push(stance.as_str(), Style::Stance(stance.clone()));
        Self::hedge(line, basis)
    }

    /// Adds "(inferred)" after what the dossier reads rather than the source says.
    fn hedge(line: Line, basis: &Basis) -> Line {
        if basis.is_inferred() {
            line.push(" (inferred)", Style::Hedge)
        } else {
            line
        }
    }

    fn event_line(&self, event: usize) -> Line {
        let entity = EntityRef {
            kind: EntityKind::Event,
            index: event,
        };
        let fact = self.dossier.fact_of(entity);
        self.link(entity).push(format!("  {fact}"), Style::Muted)
    }

    fn field(label: &str, value: impl Into<String>) -> Line {
        Line::default()
            .push(format!("{label}: "), Style::Label)
            .plain(value)
    }

    fn summary(&mut self, text: Option<&str>) {
        if let Some(text) = text.filter(|t| !t.trim().is_empty()) {
            let paragraph = vec![Line::default().plain(text.trim())];
            self.section(SectionKind::Summary, "Summary", paragraph);
        }
    }

    /// The note number of a source, numbering it on first use.
    fn cite(&mut self, id: &str) -> usize {
        match self.notes.iter().position(|n| n == id) {
            Some(at) => at + 1,
            None => {
                self.notes.push(id.to_string());
                self.notes.len()
            }
        }
    }

    fn cite_all(&mut self, ids: &[String]) {
        for id in ids {
            self.cite(id);
        }
    }

    /// Ends a claim's `line` with the note number of each of its `sources`, "one source"
    /// when it has one and some claim of the dossier has more, "no source" when it has
    /// none and the dossier has some.
    fn note_marker(&mut self, mut line: Line, sources: &[&str]) -> Line {
        for id in sources {
            let n = self.cite(id);
            line = line.push(format!(" [{n}]"), Style::Muted);
        }
        if sources.len() == 1 && self.index.marks_one_source() {
            line = line.push(ONE_SOURCE_MARK, Style::Sourcing);
        }
        if sources.is_empty() && !self.dossier.sources.is_empty() {
            line = line.push(NO_SOURCE_MARK, Style::Sourcing);
        }
        line
    }

    /// The numbered notes of every source cited so far.
    fn sources(&mut self) {
        let lines = self
            .notes
            .iter()
            .enumerate()
            .map(|(n, id)| {
                let text = match self.index.source(id) {
                    Some(s) => {
                        let source = &self.dossier.sources[s];
                        let mut text = format!("[{}] {} ({}", n + 1, source.title, source.kind);
                        for extra in [&source.publisher, &source.published, &source.url]
                            .into_iter()
                            .flatten()
                        {
                            text.push_str(", ");
                            text.push_str(extra);
                        }
                        text.push(')');
                        text
                    }
                    None => format!("[{}] {id}", n + 1),
                };
                Line::default().plain(text)
            })
            .collect();
        self.section(SectionKind::Sources, "Sources", lines);
    }
}

impl Detail {
    /// Puts a section of plain one-line items first: what changed since an older version.
    pub fn prepend_items(&mut self, heading: &str, items: Vec<String>) {
        if items.is_empty() {
            return;
        }
        let lines = items
            .into_iter()
            .map(|i| Line::default().plain(i))
            .collect();
        let section = Section {
            kind: SectionKind::Items,
            heading: heading.to_string(),
            lines,
        };
        // After the fields (kind, status…), before everything else.
        let at = usize::from(
            self.sections
                .first()
                .is_some_and(|s| s.kind == SectionKind::Fields),
        );
        self.sections.insert(at, section);
    }
}

/// Builds the detail of `entity`.
pub fn detail(dossier: &Dossier, index: &Index, entity: EntityRef) -> Detail {
    let mut b = Builder {
        dossier,
        index,
        sections: Vec::new(),
        notes: Vec::new(),
    };
    match entity.kind {
        EntityKind::Actor => actor(&mut b, entity.index),
        EntityKind::Event => event(&mut b, entity.index),
        EntityKind::StickingPoint => sticking_point(&mut b, entity.index),
        EntityKind::Place => place(&mut b, entity.index),
        EntityKind::Source => source::source(&mut b, entity.index),
    }
    Detail {
        entity,
        title: dossier.name_of(entity).to_string(),
        sections: b.sections,
        notes: b.notes,
    }
}

mod chronology;
pub use chronology::HEADING as CHRONOLOGY;
mod kinds;
mod position;
mod positions;
mod source;
#[cfg(test)]
mod tests;
mod wrap;

use kinds::{actor, event, place, sticking_point};
pub use position::position as position_detail;
pub use wrap::{Piece, ScreenLine, link_line, screen_lines};
