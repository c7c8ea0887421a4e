//! Wrapping, and one entity's detail as text: for `talks show` and `y` as the detail pane
//! has it, and in an export with its notes numbered as the export's bibliography.

use super::super::bibliography::{self, Bibliography};
use super::super::describe;
use crate::detail::{Detail, Line, SectionKind, Style};
use crate::text::sanitize_line;

/// `text` with `indent` before its first line and `hang` before the others, wrapped at
/// `width` columns; `width` 0 leaves the paragraph on one line. Control characters are
/// made visible. The screen's wrapping at spaces, except that in a file a word longer than
/// the line overflows it rather than being cut.
pub(in crate::export) fn fill(text: &str, width: usize, indent: &str, hang: &str) -> String {
    let clean = sanitize_line(text);
    if width == 0 {
        return format!("{indent}{clean}");
    }
    let width = width.max(indent.len() + hang.len() + 10);
    crate::text::Wrap::new(width)
        .indent(indent)
        .hang(hang)
        .overflowing()
        .fill(&clean)
}

/// Wraps `text` to `width` columns with `indent` before every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    fill(text, width, indent, indent)
}

/// `title` underlined with `mark` (`=`, `-`), as wide as the title.
pub(crate) fn underline(title: &str, mark: char) -> String {
    let width = crate::text::width(title).max(3);
    format!("{title}\n{}\n", mark.to_string().repeat(width))
}

/// How an entity's detail is laid out.
struct Layout<'a> {
    width: usize,
    /// Under the title; `None`: the title not underlined.
    mark: Option<char>,
    /// The export's number of each note; `None`: the detail's own notes, listed under it.
    notes: Option<&'a [usize]>,
}

/// The detail of one entity as text, wrapped at `width` columns (0: a paragraph a line),
/// its sources listed under it.
pub fn detail_text(detail: &Detail, width: usize) -> String {
    lay_out(
        detail,
        &Layout {
            width,
            mark: Some('='),
            notes: None,
        },
    )
}

/// [`detail_text`] for pasting into a document (what `y` copies): the title a plain line,
/// not underlined, the rest the same.
pub fn detail_copy(detail: &Detail, width: usize) -> String {
    lay_out(
        detail,
        &Layout {
            width,
            mark: None,
            notes: None,
        },
    )
}

/// One entity of an export under its title underlined with `mark`: its notes cite the
/// export's bibliography, and an unclear stance is hedged.
pub(super) fn entity_text(
    detail: &Detail,
    width: usize,
    mark: char,
    bib: &mut Bibliography,
) -> String {
    let numbers = bib.renumber(detail);
    let layout = Layout {
        width,
        mark: Some(mark),
        notes: Some(&numbers),
    };
    lay_out(detail, &layout)
}

fn lay_out(detail: &Detail, layout: &Layout) -> String {
    let width = layout.width;
    let title = sanitize_line(&detail.title);
    let mut out = match layout.mark {
        Some(mark) => underline(&title, mark),
        None => format!("{title}\n"),
    };
    for section in &detail.sections {
        if let (SectionKind::Sources, Some(numbers)) = (section.kind, layout.notes) {
            let cites = format!("Sources: {}", bibliography::marks(numbers));
            out.push('\n');
            out.push_str(&fill(&cites, width, "", "  "));
            out.push('\n');
            continue;
        }
        if section.heading.is_empty() {
            for line in &section.lines {
                out.push_str(&fill(&line_text(line, layout.notes), width, "", "    "));
                out.push('\n');
            }
            continue;
        }
        out.push('\n');
        out.push_str(&sanitize_line(&section.heading));
        out.push('\n');
        let hang = if section.kind == SectionKind::Summary {
            "  "
        } else {
            "    "
        };
        for line in &section.lines {
            out.push_str(&fill(&line_text(line, layout.notes), width, "  ", hang));
            out.push('\n');
        }
    }
    out
}

/// A line's text; in an export, its note markers renumbered, the fact after a link set off
/// by a dash and an unclear stance hedged.
fn line_text(line: &Line, notes: Option<&[usize]>) -> String {
    let Some(numbers) = notes else {
        return line.text();
    };
    let mut out = String::new();
    for segment in &line.segments {
        match &segment.style {
            Style::Muted => match bibliography::renumbered(&segment.text, numbers) {
                Some(mark) => out.push_str(&mark),
                // A fact after a link ("  US special envoy"), set off by a dash.
                None => out.push_str(&format!(" — {}", segment.text.trim())),
            },
            Style::Stance(stance) => out.push_str(&describe::stance(stance)),
            _ => out.push_str(&segment.text),
        }
    }
    out
}
