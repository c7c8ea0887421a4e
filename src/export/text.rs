//! Plain text: wrapped, readable when pasted into an e-mail, with every control character
//! made visible since the result may be printed to a terminal.

use crate::detail::{Detail, Line, SectionKind};
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
