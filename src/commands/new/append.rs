//! Adding a template to a dossier file as text: at the end of the list it belongs to, in
//! the file's own indentation and line endings, every other byte kept. Where things are
//! comes from the YAML event parser's outline of the file, not from patterns.

pub(super) use super::outline::Columns;
use super::outline::{self, Entry, Node, Pos, Shape};

/// Where the new item goes.
#[derive(Debug, Clone, Copy)]
pub(super) enum Spot<'a> {
    /// At the end of a top-level list (`actors`).
    Top(&'static str),
    /// At the end of the list `key` of the item `id` of the top-level list `list`.
    Under {
        list: &'static str,
        id: &'a str,
        key: &'static str,
        /// What the item is called in messages ("sticking point").
        noun: &'static str,
    },
}

impl Spot<'_> {
    fn key(&self) -> &'static str {
        match self {
            Spot::Top(key) | Spot::Under { key, .. } => key,
        }
    }

    /// The top-level list the item goes in, or under an item of.
    fn top(&self) -> &'static str {
        match self {
            Spot::Top(key) | Spot::Under { list: key, .. } => key,
        }
    }

    fn nested(&self) -> bool {
        matches!(self, Spot::Under { .. })
    }
}

/// Why the item cannot be added, and where in the file (line and column from 1) when
/// the event parser stopped there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct NotAdded {
    pub(crate) why: String,
    pub(crate) at: Option<(usize, usize)>,
}

impl From<String> for NotAdded {
    fn from(why: String) -> Self {
        NotAdded { why, at: None }
    }
}

impl NotAdded {
    /// The message for the file shown as `name`: `FILE:LINE:COLUMN: …` where placed.
    pub(super) fn message(&self, name: &str, noun: &str) -> String {
        match self.at {
            Some((line, column)) => {
                format!(
                    "{name}:{line}:{column}: cannot add the {noun}: {}",
                    self.why
                )
            }
            None => format!("cannot add the {noun} to {name}: {}", self.why),
        }
    }
}

/// The file with the item added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Added {
    pub(crate) text: String,
    /// The line (from 1) where the new item starts, and how many lines it has.
    pub(crate) line: usize,
    pub(crate) lines: usize,
}

/// The columns of a list's dashes and of its items' contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Style {
    dash: usize,
    content: usize,
}

/// What to change: lines to add after line `after` (from 0), and a stretch of one line to
/// cut (a flow list written out again as block items).
struct Change {
    after: usize,
    lines: Vec<String>,
    cut: Option<(usize, usize)>,
    /// Lines added before the new item (a key, items of a flow list written out).
    before_item: usize,
}

/// `text` with `template` (unindented lines) added at `spot`, or why it cannot be done.
pub(super) fn add(text: &str, spot: Spot, template: &[String]) -> Result<Added, NotAdded> {
    let (bom, body) = match text.strip_prefix('\u{feff}') {
        Some(rest) => ("\u{feff}", rest),
        None => ("", text),
    };
    // The file's own line end, as its first line ends.
    let eol = match body.find(['\n', '\r']).map(|i| &body[i..]) {
        Some(rest) if rest.starts_with("\r\n") => "\r\n",
        Some(rest) if rest.starts_with('\r') => "\r",
        _ => "\n",
    };
    let root = outline::read(body, Some(spot.top())).map_err(|err| NotAdded {
        why: format!(
            "the file loads, but the YAML event parser that finds where to add it stops here: \
             {}; nothing was written (write this line another way, or add the item by hand)",
            err.info
        ),
        at: err.at.map(|at| (at.line + 1, at.col + 1)),
    })?;
    if !root.is_block(Shape::Mapping) {
        return Err(NotAdded::from(
            "the file's top level is not a block mapping (one key a line)".to_string(),
        ));
    }
    let cols = Columns::new(body);
    let parent = parent(&root, spot)?;
    let change = match parent.get(spot.key()) {
        Some(entry) if entry.value.is_block(Shape::Sequence) => {
            to_block_list(&cols, &root, entry, spot, template)
        }
        Some(entry) if entry.value.shape == Shape::Sequence => {
            to_flow_list(&cols, &root, entry, spot, template)?
        }
        Some(_) => return Err(format!("`{}:` is not a list", spot.key()).into()),
        None => with_new_key(&cols, &root, parent, spot, template),
    };
    let line = change.after + 2 + change.before_item;
    let lines = change.lines.len() - change.before_item;
    Ok(Added {
        text: format!("{bom}{}", apply(&cols, body, change, eol)),
        line,
        lines,
    })
}

/// The mapping that holds (or will hold) the list.
fn parent<'n>(root: &'n Node, spot: Spot) -> Result<&'n Node, String> {
    let Spot::Under {
        list,
        id,
        noun,
        key,
    } = spot
    else {
        return Ok(root);
    };
    let item = root
        .get(list)
        .and_then(|entry| entry.value.item_with_id(id))
        .ok_or_else(|| {
            format!(
                "cannot find where the {noun} \"{id}\" is written in the file (an alias or \
                 an anchor?)"
            )
        })?;
    if !item.is_block(Shape::Mapping) {
        return Err(format!(
            "the {noun} \"{id}\" is written in flow style ({{…}}): write it as a block \
             mapping, one key a line, to add to its `{key}:`"
        ));
    }
    Ok(item)
}

fn to_block_list(
    cols: &Columns,
    root: &Node,
    entry: &Entry,
    spot: Spot,
    template: &[String],
) -> Change {
    let list = &entry.value;
    let style = item_style(cols, list)
        .unwrap_or_else(|| inferred(cols, root, entry.key_at.col, spot.nested()));
    Change {
        after: last_line(cols, entry.key_at.line, list.end, style.content),
        lines: render(template, style),
        cut: None,
        before_item: 0,
    }
}

/// A flow list on its key's line is written out again as a block list, each item's text
/// kept; one over several lines (which may hold comments) is left for the author.
fn to_flow_list(
    cols: &Columns,
    root: &Node,
    entry: &Entry,
    spot: Spot,
    template: &[String],
) -> Result<Change, String> {
    let list = &entry.value;
    if list.start.line != entry.key_at.line || list.end.line != list.start.line {
        return Err(format!(
            "`{}:` is a flow list ([…]) that does not stay on its key's line; write it as \
             a block list (each item on a line of its own after `- `) and run this again",
            spot.key()
        ));
    }
    let line = cols.line(list.start.line);
    let style = inferred(cols, root, entry.key_at.col, spot.nested());
    let mut lines: Vec<String> = list
        .entries
        .iter()
        .map(|item| {
            let start = column_offset(line, item.value.start.col);
            let end = column_offset(line, item_end(&item.value).col);
            item_line(style, line.get(start..end).unwrap_or_default())
        })
        .collect();
    let before_item = lines.len();
    lines.extend(render(template, style));
    // From the spaces before `[` to the `]`: `places: [a]  # note` keeps `places:  # note`.
    let open = column_offset(line, list.start.col);
    let open = line[..open].trim_end().len();
    let close = column_offset(line, list.end.col + 1);
    Ok(Change {
        after: list.start.line,
        lines,
        cut: Some((
            cols.start(list.start.line) + open,
            cols.start(list.start.line) + close,
        )),
        before_item,
    })
}

/// Where a flow item's text ends: after a collection's closing bracket.
fn item_end(item: &Node) -> Pos {
    match item.shape {
        Shape::Mapping | Shape::Sequence => Pos {
            line: item.end.line,
            col: item.end.col + 1,
        },
        Shape::Scalar(_) | Shape::Alias => item.end,
    }
}

fn with_new_key(
    cols: &Columns,
    root: &Node,
    parent: &Node,
    spot: Spot,
    template: &[String],
) -> Change {
    let key_col = parent.entries.first().map_or(0, |e| e.key_at.col);
    let style = inferred(cols, root, key_col, spot.nested());
    let mut lines = vec![format!("{}{}:", " ".repeat(key_col), spot.key())];
    lines.extend(render(template, style));
    Change {
        after: last_line(cols, parent.start.line, parent.end, key_col),
        lines,
        cut: None,
        before_item: 1,
    }
}

/// The byte offset of character column `col` in `line`.
fn column_offset(line: &str, col: usize) -> usize {
    line.char_indices().nth(col).map_or(line.len(), |(i, _)| i)
}

fn is_blank(line: &str) -> bool {
    line.trim().is_empty()
}

fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

fn indent(line: &str) -> usize {
    line.chars().take_while(|&c| c == ' ').count()
}

/// The last line of a block collection written from line `first` up to `end` (the parser's
/// end marker: the next token), followed by the comment lines right after it that are
/// indented at least `col` (they are about it, not about what follows).
fn last_line(cols: &Columns, first: usize, end: Pos, col: usize) -> usize {
    let text_before_end = cols
        .line(end.line)
        .chars()
        .take(end.col)
        .any(|c| !c.is_whitespace());
    let limit = if text_before_end {
        end.line
    } else {
        end.line.saturating_sub(1)
    }
    .min(cols.count().saturating_sub(1));
    let mut last = limit;
    while last > first && (is_blank(cols.line(last)) || is_comment(cols.line(last))) {
        last -= 1;
    }
    while last < limit && is_comment(cols.line(last + 1)) && indent(cols.line(last + 1)) >= col {
        last += 1;
    }
    last
}

/// The style of a block list's first item: where its dash and its content are.
fn item_style(cols: &Columns, list: &Node) -> Option<Style> {
    let first = &list.entries.first()?.value;
    let line = cols.line(first.start.line);
    let before: String = line.chars().take(first.start.col).collect();
    let dash = before.trim_end().strip_suffix('-')?;
    dash.chars().all(|c| c == ' ').then_some(Style {
        dash: dash.chars().count(),
        content: first.start.col,
    })
}

/// The style of a new list whose key is at column `key_col`: as the file's other lists
/// (nested ones first for a nested list), else two spaces and `- `.
fn inferred(cols: &Columns, root: &Node, key_col: usize, nested: bool) -> Style {
    let measure = |entry: &Entry| {
        let style = item_style(cols, &entry.value).filter(|_| !entry.value.flow)?;
        Some((
            style.dash.checked_sub(entry.key_at.col)?,
            style.content - style.dash,
        ))
    };
    let top = root.entries.iter().filter_map(measure);
    let inner = root
        .entries
        .iter()
        .flat_map(|list| &list.value.entries)
        .flat_map(|item| &item.value.entries)
        .filter_map(measure);
    let (dash, content) = if nested {
        inner.chain(top).next()
    } else {
        top.chain(inner).next()
    }
    .unwrap_or((2, 2));
    Style {
        dash: key_col + dash,
        content: key_col + dash + content,
    }
}

fn item_line(style: Style, first: &str) -> String {
    format!(
        "{}-{}{first}",
        " ".repeat(style.dash),
        " ".repeat(style.content.saturating_sub(style.dash + 1).max(1))
    )
}

/// The template as one item of its list in the layout of the built-in dossier: `  - ` for
/// a top-level list, `      - ` under a sticking point or an event.
pub(super) fn render_default(template: &[String], spot: Spot) -> Vec<String> {
    let dash = if spot.nested() { 6 } else { 2 };
    render(
        template,
        Style {
            dash,
            content: dash + 2,
        },
    )
}

/// The template as one list item in `style`.
fn render(template: &[String], style: Style) -> Vec<String> {
    template
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                item_line(style, line)
            } else {
                format!("{}{line}", " ".repeat(style.content))
            }
        })
        .collect()
}

fn apply(cols: &Columns, body: &str, change: Change, eol: &str) -> String {
    let block = change.lines.join(eol);
    let (at, added) = if change.after + 1 < cols.count() {
        (cols.start(change.after + 1), format!("{block}{eol}"))
    } else if cols.ends_with_newline() {
        (cols.len(), format!("{block}{eol}"))
    } else {
        (cols.len(), format!("{eol}{block}"))
    };
    let mut text = String::with_capacity(body.len() + added.len());
    match change.cut {
        Some((from, to)) => {
            text.push_str(&body[..from]);
            text.push_str(&body[to..at]);
        }
        None => text.push_str(&body[..at]),
    }
    text.push_str(&added);
    text.push_str(&body[at..]);
    text
}
