//! Plain text: wrapped, readable when pasted into an e-mail, with every control character
//! made visible since the result may be printed to a terminal.

use super::ViewSpec;
use crate::detail::{Detail, Line, SectionKind, detail};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;

/// Wraps `text` to `width` columns with `indent` before every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let clean = sanitize_line(text);
    let options = textwrap::Options::new(width.max(indent.len() + 10))
        .initial_indent(indent)
        .subsequent_indent(indent);
    textwrap::fill(&clean, options)
}

/// Wraps a bullet-like line so that continuation lines align under its text.
fn wrap_hanging(line: &Line, width: usize, indent: &str, hang: &str) -> String {
    let clean = sanitize_line(&line.text()).into_owned();
    let options = textwrap::Options::new(width.max(indent.len() + hang.len() + 10))
        .initial_indent(indent)
        .subsequent_indent(hang);
    textwrap::fill(&clean, options)
}

/// The detail of one entity as text, wrapped at `width` columns.
pub fn detail_text(detail: &Detail, width: usize) -> String {
    let title = sanitize_line(&detail.title);
    let mut out = format!(
        "{title}\n{}\n",
        "=".repeat(unicode_width::UnicodeWidthStr::width(title.as_ref()).max(3))
    );
    for section in &detail.sections {
        if section.heading.is_empty() {
            for line in &section.lines {
                out.push_str(&wrap_hanging(line, width, "", "    "));
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
            out.push_str(&wrap_hanging(line, width, "  ", hang));
            out.push('\n');
        }
    }
    out
}

/// Columns of text exports.
const WIDTH: usize = 80;

fn underline(title: &str, mark: char) -> String {
    let width = unicode_width::UnicodeWidthStr::width(title).max(3);
    format!("{title}\n{}\n", mark.to_string().repeat(width))
}

/// The title underlined, then the dossier, `lines` and the export time as labelled lines.
pub(super) fn header(
    loaded: &Loaded,
    exported_at: Option<&str>,
    lines: &[(&str, String)],
) -> String {
    let mut out = underline(&sanitize_line(&loaded.dossier.title), '#');
    let mut fields: Vec<(&str, String)> = vec![("Dossier", loaded.name.clone())];
    fields.extend(lines.iter().cloned());
    if let Some(at) = exported_at {
        fields.push(("Exported", at.to_string()));
    }
    for (label, value) in fields {
        out.push_str(&wrap_hanging_text(
            &format!("{label}: {value}"),
            WIDTH,
            "",
            "  ",
        ));
        out.push('\n');
    }
    out
}

pub(super) fn wrap_hanging_text(text: &str, width: usize, indent: &str, hang: &str) -> String {
    let clean = sanitize_line(text);
    let options = textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(hang);
    textwrap::fill(&clean, options)
}

/// A view as plain text: header, the list's entries, then the selected entity's detail.
pub fn view(loaded: &Loaded, view: &ViewSpec, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let mut out = header(
        loaded,
        exported_at,
        &[("List", super::describe_list(loaded, view))],
    );
    out.push('\n');
    out.push_str(&underline(view.list.plural_title(), '-'));
    if view.entries.is_empty() {
        out.push_str("  (no entries)\n");
    }
    let number_width = view.entries.len().to_string().len();
    for (n, &entity) in view.entries.iter().enumerate() {
        let line = format!(
            "{:>number_width$}. {}  ({})",
            n + 1,
            d.name_of(entity),
            d.fact_of(entity)
        );
        let hang = " ".repeat(number_width + 4);
        out.push_str(&wrap_hanging_text(&line, WIDTH, "  ", &hang));
        out.push('\n');
    }
    out.push('\n');
    match view.selected {
        Some(entity) => out.push_str(&detail_text(&detail(d, &loaded.index, entity), WIDTH)),
        None => out.push_str("No entry selected.\n"),
    }
    out
}

/// The whole dossier as a briefing: every entity grouped by kind, then who stands where.
pub fn briefing(loaded: &Loaded, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let mut out = header(
        loaded,
        exported_at,
        &[("Briefing", "every entity, grouped by kind".to_string())],
    );
    if let Some(summary) = &d.summary {
        out.push('\n');
        out.push_str(&wrap(summary.trim(), WIDTH, ""));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&underline("Who stands where", '='));
    for point in &d.sticking_points {
        out.push_str(&format!(
            "{} ({})\n",
            sanitize_line(&point.title),
            point.status
        ));
        let width_of = |text: &str| unicode_width::UnicodeWidthStr::width(text);
        let parties: Vec<String> = point
            .positions
            .iter()
            .map(|p| party_name(loaded, &p.actor))
            .collect();
        let width = parties.iter().map(|p| width_of(p)).max().unwrap_or(0);
        for (position, party) in point.positions.iter().zip(&parties) {
            let pad = " ".repeat(width - width_of(party));
            out.push_str(&format!("  {party}{pad}  {}\n", position.stance));
        }
        if point.positions.is_empty() {
            out.push_str("  (no positions recorded)\n");
        }
    }
    for kind in EntityKind::ALL {
        out.push('\n');
        out.push_str(&underline(
            &format!("{} ({})", kind.plural_title(), d.count(kind)),
            '=',
        ));
        for index in 0..d.count(kind) {
            out.push('\n');
            let entity = EntityRef { kind, index };
            out.push_str(&detail_text(&detail(d, &loaded.index, entity), WIDTH));
        }
    }
    out
}

/// An actor's name by id, escaped; the id itself if unknown.
pub(super) fn party_name(loaded: &Loaded, id: &str) -> String {
    let name = loaded
        .index
        .actor(id)
        .map_or(id, |a| loaded.dossier.actors[a].name.as_str());
    sanitize_line(name).into_owned()
}
