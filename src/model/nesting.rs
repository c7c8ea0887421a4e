//! How deep a document nests, found by a look at its bytes before any YAML reader sees
//! it: libyaml's time grows with the square of the depth (a 200 KB file of `[[[…` took 42 s),
//! and a dossier needs about six levels.

use super::diagnostic::Location;

/// Deeper than this is refused: far above what any dossier needs.
pub(crate) const MAX_DEPTH: usize = 64;

/// Where `text` first nests deeper than `limit`: flow collections (`[`, `{`) counted
/// outside quotes and comments, and block sequences opened on one line (`- - - x`).
pub(crate) fn too_deep(text: &str, limit: usize) -> Option<Location> {
    // Most files settle it at once: the depth is at most the number of `[` and `{` (a
    // closer is not counted: one inside quotes must not hide an opener), and without `- `
    // after a `-` a line opens one sequence at most. (`[` | 0x20 is `{`.)
    let opens = text.bytes().filter(|&b| b | 0x20 == b'{').count();
    if opens < limit && !text.contains("- -") && !text.contains("-\t-") {
        return None;
    }
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let (mut line, mut column) = (1, 0);
    let mut previous = b'\n';
    let mut bytes = text.bytes().peekable();
    let mut dashes = 0usize;
    let mut line_start = true;
    while let Some(b) = bytes.next() {
        column += usize::from(b & 0xC0 != 0x80);
        match (quote, b) {
            (_, b'\n') => {
                (line, column, dashes, line_start) = (line + 1, 0, 0, true);
                if quote == Some(b'#') {
                    quote = None;
                }
            }
            (Some(b'"'), b'\\') => {
                bytes.next();
                column += 1;
            }
            (Some(q), _) if b == q && q != b'#' => quote = None,
            (Some(_), _) => {}
            (None, b'#') if previous == b' ' || previous == b'\t' || line_start => {
                quote = Some(b'#');
            }
            (None, b'"' | b'\'') if !previous.is_ascii_alphanumeric() => quote = Some(b),
            (None, b'[' | b'{') => depth += 1,
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            (None, b'-') if line_start && matches!(bytes.peek(), Some(b' ' | b'\t')) => {
                dashes += 1;
            }
            (None, b' ' | b'\t') => {}
            (None, _) => line_start = false,
        }
        previous = b;
        if depth + dashes > limit {
            return Some(Location { line, column });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_flow_and_dash_runs_are_found_where_they_go_too_deep() {
        let deep = format!("title: {}", "[".repeat(100));
        let at = too_deep(&deep, MAX_DEPTH).unwrap_or(Location { line: 0, column: 0 });
        assert_eq!((at.line, at.column), (1, 7 + MAX_DEPTH + 1));
        let dashes = format!("a:\n{}x\n", "- ".repeat(100));
        assert_eq!(too_deep(&dashes, MAX_DEPTH).map(|l| l.line), Some(2));
        let quoted = format!(
            "title: \"{}\"\nb: '{}' # {}\n",
            "[".repeat(100),
            "{".repeat(100),
            "[".repeat(100)
        );
        assert_eq!(
            too_deep(&quoted, MAX_DEPTH),
            None,
            "brackets in quotes and comments"
        );
        let builtin = crate::model::BUILTIN_TEXT;
        assert_eq!(too_deep(builtin, 8), None, "a dossier needs few levels");
    }
}

#[cfg(test)]
mod closers {
    use super::*;

    /// Closers inside quotes must not hide the openers around them.
    #[test]
    fn quoted_closers_do_not_hide_deep_nesting() {
        // 50 deep, 50 closers in a quoted string, 50 deeper: 100 deep in truth.
        let text = format!(
            "b: {} \"{}\" {}\n",
            "[".repeat(50),
            "]".repeat(50),
            "[".repeat(50)
        );
        assert!(too_deep(&text, MAX_DEPTH).is_some());
        let dashes = format!("a:\n{}x\n", "-\t".repeat(100));
        assert!(too_deep(&dashes, MAX_DEPTH).is_some());
    }
}
