//! Plain text: wrapped, readable when pasted into an e-mail, with every control character
//! made visible since the result may be printed to a terminal.

use super::describe::{self, party_name};
use super::{Scope, ViewSpec};
use crate::detail::{Detail, Line, SectionKind, detail};
use crate::model::{EntityKind, EntityRef, Loaded};
use crate::text::sanitize_line;
use crate::views::{SourceList, SourceRow, StanceMatrix, Timeline};

/// Wrapping at spaces only: a URL, a date, an id or a number is never cut (at a hyphen or
/// anywhere); a word longer than the line overflows it.
fn options<'a>(width: usize, indent: &'a str, hang: &'a str) -> textwrap::Options<'a> {
    textwrap::Options::new(width)
        .initial_indent(indent)
        .subsequent_indent(hang)
        .break_words(false)
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
}

/// Wraps `text` to `width` columns with `indent` before every line.
pub fn wrap(text: &str, width: usize, indent: &str) -> String {
    let clean = sanitize_line(text);
    textwrap::fill(
        &clean,
        options(width.max(indent.len() + 10), indent, indent),
    )
}

/// Wraps a bullet-like line so that continuation lines align under its text.
fn wrap_hanging(line: &Line, width: usize, indent: &str, hang: &str) -> String {
    let clean = sanitize_line(&line.text()).into_owned();
    let width = width.max(indent.len() + hang.len() + 10);
    textwrap::fill(&clean, options(width, indent, hang))
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
fn header(loaded: &Loaded, exported_at: Option<&str>, lines: &[(&str, String)]) -> String {
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

fn wrap_hanging_text(text: &str, width: usize, indent: &str, hang: &str) -> String {
    let clean = sanitize_line(text);
    textwrap::fill(&clean, options(width, indent, hang))
}

/// `scope` as plain text.
pub(super) fn render(loaded: &Loaded, scope: &Scope, exported_at: Option<&str>) -> String {
    match scope {
        Scope::View(spec) => view(loaded, spec, exported_at),
        Scope::Briefing => briefing(loaded, exported_at),
        Scope::Matrix { query, matrix } => self::matrix(loaded, query, matrix, exported_at),
        Scope::Timeline { query, timeline } => self::timeline(loaded, query, timeline, exported_at),
        Scope::Sources { query, sources } => self::sources(loaded, query, sources, exported_at),
        Scope::Marked(entities) => marked(loaded, entities, exported_at),
    }
}

/// The marked entities, each in full.
fn marked(loaded: &Loaded, entities: &[EntityRef], exported_at: Option<&str>) -> String {
    let mut out = header(loaded, exported_at, &describe::marked_fields(entities));
    for &entity in entities {
        out.push('\n');
        let shown = detail(&loaded.dossier, &loaded.index, entity);
        out.push_str(&detail_text(&shown, WIDTH));
    }
    out
}

/// A view as plain text: header, the list's entries, then the selected entity's detail.
fn view(loaded: &Loaded, view: &ViewSpec, exported_at: Option<&str>) -> String {
    let d = &loaded.dossier;
    let mut out = header(
        loaded,
        exported_at,
        &[("List", describe::list(loaded, view))],
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
fn briefing(loaded: &Loaded, exported_at: Option<&str>) -> String {
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

/// The matrix as an aligned table with numbered columns, then every position in words.
fn matrix(
    loaded: &Loaded,
    query: &str,
    matrix: &StanceMatrix,
    exported_at: Option<&str>,
) -> String {
    let d = &loaded.dossier;
    let mut out = header(loaded, exported_at, &describe::matrix_fields(matrix, query));
    out.push('\n');
    out.push_str(&matrix_columns(loaded, matrix));
    out.push_str(&matrix_grid(loaded, matrix));
    out.push_str(MATRIX_LEGEND);
    out.push_str("\nPositions\n");
    for (actor, cell) in matrix.positions() {
        let position = cell.position(d);
        let line = format!(
            "{} {} on {}: {}{}",
            d.actors[actor].name,
            position.stance,
            d.sticking_points[cell.sticking_point].title,
            position.summary.trim(),
            describe::citation(loaded, position)
        );
        out.push_str(&wrap_hanging_text(&line, WIDTH, "  ", "    "));
        out.push('\n');
    }
    out
}

const MATRIX_LEGEND: &str =
    "\ndem demands · sup supports · opp opposes · con conditional · unc unclear · · none\n";

/// The sticking points numbered, as the grid's columns refer to them.
fn matrix_columns(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let mut out = String::from("Sticking points\n");
    for (n, &point) in matrix.columns.iter().enumerate() {
        let title = sanitize_line(&loaded.dossier.sticking_points[point].title);
        out.push_str(&format!("  [{}] {title}\n", n + 1));
    }
    out
}

/// A row per party and a column per sticking point, each cell a stance's first letters.
fn matrix_grid(loaded: &Loaded, matrix: &StanceMatrix) -> String {
    let width_of = |text: &str| unicode_width::UnicodeWidthStr::width(text);
    let names: Vec<String> = matrix
        .rows
        .iter()
        .map(|&a| sanitize_line(&loaded.dossier.actors[a].name).into_owned())
        .collect();
    let width = names.iter().map(|n| width_of(n)).max().unwrap_or(5).max(5);
    let mut out = format!("\n{}", " ".repeat(width));
    for n in 0..matrix.columns.len() {
        out.push_str(&format!("  {:>3}", format!("[{}]", n + 1)));
    }
    out.push('\n');
    for (r, name) in names.iter().enumerate() {
        out.push_str(&format!("{name}{}", " ".repeat(width - width_of(name))));
        for c in 0..matrix.columns.len() {
            let cell = matrix.cell(r, c).map_or("·".to_string(), |cell| {
                short(cell.position(&loaded.dossier).stance.as_str()).to_string()
            });
            out.push_str(&format!("  {cell:>3}"));
        }
        out.push('\n');
    }
    out
}

/// A stance's first three letters: `dem`, `sup`.
fn short(stance: &str) -> &str {
    stance.get(..3).unwrap_or(stance)
}

/// The events in order, one line each, with their place and participants under them.
fn timeline(
    loaded: &Loaded,
    query: &str,
    timeline: &Timeline,
    exported_at: Option<&str>,
) -> String {
    let mut out = header(
        loaded,
        exported_at,
        &describe::timeline_fields(timeline, query),
    );
    out.push('\n');
    let width = timeline.when_width();
    let indent = " ".repeat(width + 12);
    for row in &timeline.rows {
        let event = &loaded.dossier.events[row.event];
        let line = format!(
            "{:width$}  {:9} {}",
            row.when,
            event.status.as_str(),
            event.title
        );
        out.push_str(&wrap_hanging_text(&line, WIDTH, "", &indent));
        out.push('\n');
        let mut facts: Vec<String> = row.place.iter().cloned().collect();
        if !row.participants.is_empty() {
            facts.push(row.participants.join(", "));
        }
        if !facts.is_empty() {
            out.push_str(&wrap_hanging_text(
                &facts.join(" · "),
                WIDTH,
                &indent,
                &indent,
            ));
            out.push('\n');
        }
    }
    out
}

/// The sources the query's results cite, each with its facts and what cites it.
fn sources(loaded: &Loaded, query: &str, list: &SourceList, exported_at: Option<&str>) -> String {
    let fields = describe::sources_fields(loaded, list, query);
    let mut out = header(loaded, exported_at, &fields);
    if list.rows.is_empty() {
        out.push_str("\nNothing the query finds cites a source.\n");
    }
    for (n, row) in list.rows.iter().enumerate() {
        out.push('\n');
        out.push_str(&source_block(loaded, list, row, &format!("[{}] ", n + 1)));
    }
    out
}

/// A source: its title after `mark`, its facts, address and note, and what cites it.
pub(crate) fn source_block(
    loaded: &Loaded,
    list: &SourceList,
    row: &SourceRow,
    mark: &str,
) -> String {
    let source = &loaded.dossier.sources[row.source];
    let hang = " ".repeat(mark.len().max(4));
    let mut out = wrap_hanging_text(&format!("{mark}{}", source.title), WIDTH, "", &hang);
    out.push('\n');
    let mut lines = vec![describe::source_facts(source)];
    lines.extend(source.url.clone());
    lines.extend(source.note.as_deref().map(str::trim).map(str::to_string));
    lines.push(format!("{}:", describe::cited(list, row)));
    for line in lines {
        out.push_str(&wrap_hanging_text(&line, WIDTH, &hang, &hang));
        out.push('\n');
    }
    let item = format!("{hang}  - ");
    let item_hang = " ".repeat(item.len());
    for citing in &row.citing {
        out.push_str(&wrap_hanging_text(&citing.label, WIDTH, &item, &item_hang));
        out.push('\n');
    }
    out
}

/// One position of the matrix (what `y` copies from a cell): the party, the sticking
/// point, the stance, the summary and the source it cites.
pub(crate) fn position_text(loaded: &Loaded, actor: usize, cell: crate::views::Cell) -> String {
    let d = &loaded.dossier;
    let position = cell.position(d);
    let title = format!(
        "{} on {}",
        d.actors[actor].name, d.sticking_points[cell.sticking_point].title
    );
    let mut out = underline(&sanitize_line(&title), '=');
    let line = format!(
        "{} {}: {}{}",
        d.actors[actor].name,
        position.stance,
        position.summary.trim(),
        describe::citation(loaded, position)
    );
    out.push_str(&wrap_hanging_text(&line, WIDTH, "", ""));
    out.push('\n');
    out
}
