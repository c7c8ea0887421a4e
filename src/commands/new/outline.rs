//! A dossier file's outline as the YAML event parser reads it: each mapping and sequence
//! with where it starts and ends, and each mapping's keys, so that text can be added in the
//! right place without writing the file out again from its data.

use saphyr_parser::{Event, Parser};

/// A place in the text: line from 0, column in characters from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pos {
    pub(crate) line: usize,
    pub(crate) col: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Shape {
    /// A scalar; its value is kept for the values of `id` keys only (all that is looked up).
    Scalar(Option<String>),
    Alias,
    Sequence,
    Mapping,
}

#[derive(Debug, Clone)]
pub(super) struct Node {
    pub(crate) shape: Shape,
    /// Written `[…]` or `{…}`.
    pub(crate) flow: bool,
    pub(crate) start: Pos,
    /// A scalar's end; a flow collection's closing bracket; for a block collection, the
    /// next token after it (the parser's end marker).
    pub(crate) end: Pos,
    pub(crate) entries: Vec<Entry>,
}

/// One item of a sequence (no key) or one key and value of a mapping.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    pub(crate) key: Option<String>,
    pub(crate) key_at: Pos,
    pub(crate) value: Node,
}

impl Node {
    /// The value of `key` in a mapping.
    pub(super) fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key.as_deref() == Some(key))
    }

    /// The item of a sequence whose `id` is `id`.
    pub(super) fn item_with_id(&self, id: &str) -> Option<&Node> {
        self.entries.iter().map(|e| &e.value).find(|item| {
            item.get("id")
                .is_some_and(|e| e.value.shape == Shape::Scalar(Some(id.to_string())))
        })
    }

    pub(super) fn is_block(&self, shape: Shape) -> bool {
        self.shape == shape && !self.flow
    }
}

/// Collections deeper than this are kept without their entries: a dossier's lists of
/// positions and quotes sit at depth 3, their fields at 5.
const KEPT_DEPTH: usize = 5;

struct Frame {
    node: Node,
    /// In a mapping: the key read, waiting for its value.
    key: Option<(Option<String>, Pos)>,
    /// Inside a collection below [`KEPT_DEPTH`]: how many levels deeper the parser is.
    hidden: usize,
    /// Under a top-level key other than the one in focus: a list keeps its first item only
    /// (enough to see how the file lays out its lists).
    sparse: bool,
}

/// Why the event parser could not read a file, and where (line from 0, column in
/// characters from 0) when it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Unread {
    pub(crate) info: String,
    pub(crate) at: Option<Pos>,
}

/// The outline of `text`'s one document: its root node. With `focus`, only the value of
/// that top-level key is outlined whole; the other lists keep their first item (a large
/// dossier's outline stays small).
pub(super) fn read(text: &str, focus: Option<&str>) -> Result<Node, Unread> {
    let text = as_libyaml_reads(text);
    let text = text.as_ref();
    let chars = Columns::new(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut root = None;
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|err| unread(err.info(), Some(pos(*err.marker()))))?;
        let start = pos(span.start);
        let end = pos(span.end);
        if stack
            .last_mut()
            .is_some_and(|frame| passes_over(frame, &event))
        {
            continue;
        }
        let node = match event {
            Event::Scalar(value, ..) => {
                if let Some(frame) = stack.last_mut().filter(|f| awaits_key(f)) {
                    frame.key = Some((Some(value.into_owned()), start));
                    continue;
                }
                let is_id = stack
                    .last()
                    .and_then(|f| f.key.as_ref())
                    .is_some_and(|(key, _)| key.as_deref() == Some("id"));
                leaf(Shape::Scalar(is_id.then(|| value.into_owned())), start, end)
            }
            Event::Alias(_) => leaf(Shape::Alias, start, end),
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                let (shape, bracket) = match event {
                    Event::MappingStart(..) => (Shape::Mapping, '{'),
                    _ => (Shape::Sequence, '['),
                };
                let mut node = leaf(shape, start, end);
                node.flow = chars.at(start) == Some(bracket);
                let hidden = usize::from(stack.len() >= KEPT_DEPTH);
                let sparse = stack.last().is_some_and(|f| f.sparse) || off_focus(&stack, focus);
                stack.push(Frame {
                    node,
                    key: None,
                    hidden,
                    sparse,
                });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let Some(mut frame) = stack.pop() else {
                    continue;
                };
                frame.node.end = start;
                frame.node
            }
            _ => continue,
        };
        match stack.last_mut() {
            Some(parent) => add(parent, node),
            None => root = root.or(Some(node)),
        }
    }
    root.ok_or_else(|| unread("the file holds no YAML document", None))
}

/// Whether a collection starting now is the value of a top-level key other than `focus`.
fn off_focus(stack: &[Frame], focus: Option<&str>) -> bool {
    let [root] = stack else {
        return false;
    };
    let key = root.key.as_ref().and_then(|(key, _)| key.as_deref());
    focus.is_some_and(|focus| root.node.shape == Shape::Mapping && key != Some(focus))
}

fn unread(info: &str, at: Option<Pos>) -> Unread {
    let info = info.to_string();
    Unread { info, at }
}

/// `text` for the event parser: a tab after a `:` (`name:<TAB>A`), which libyaml, the
/// reader of dossiers, takes as the space that ends a key and the event parser refuses,
/// is a space. One character for one, so every line and column stays where it is; in a
/// quoted or block scalar only text the outline does not keep changes.
fn as_libyaml_reads(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(":\t") {
        text.replace(":\t", ": ").into()
    } else {
        text.into()
    }
}

/// Whether `event` lies inside a collection kept without its entries (counting the levels);
/// the end of that collection itself is not passed over: it is added like any other.
fn passes_over(frame: &mut Frame, event: &Event) -> bool {
    if frame.hidden == 0 {
        return false;
    }
    match event {
        Event::MappingStart(..) | Event::SequenceStart(..) => frame.hidden += 1,
        Event::MappingEnd | Event::SequenceEnd if frame.hidden == 1 => return false,
        Event::MappingEnd | Event::SequenceEnd => frame.hidden -= 1,
        _ => {}
    }
    true
}

fn pos(marker: saphyr_parser::Marker) -> Pos {
    Pos {
        line: marker.line().saturating_sub(1),
        col: marker.col(),
    }
}

fn leaf(shape: Shape, start: Pos, end: Pos) -> Node {
    Node {
        shape,
        flow: false,
        start,
        end,
        entries: Vec::new(),
    }
}

fn awaits_key(frame: &Frame) -> bool {
    frame.node.shape == Shape::Mapping && frame.key.is_none()
}

/// Adds a finished node to its parent: as an item, a mapping's value, or a key that is not
/// a scalar (kept as a key without a name).
fn add(parent: &mut Frame, node: Node) {
    if parent.node.shape == Shape::Sequence {
        if parent.sparse && !parent.node.entries.is_empty() {
            return;
        }
        let key_at = node.start;
        parent.node.entries.push(Entry {
            key: None,
            key_at,
            value: node,
        });
    } else if let Some((key, key_at)) = parent.key.take() {
        parent.node.entries.push(Entry {
            key,
            key_at,
            value: node,
        });
    } else {
        parent.key = Some((None, node.start));
    }
}

/// The file's lines, ended as YAML ends them (and the event parser counts them): by a
/// line feed, a CR LF or a CR alone (an old Mac file).
pub(super) struct Columns<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Columns<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = vec![0];
        starts.extend(
            text.match_indices(['\n', '\r'])
                .filter(|&(i, end)| end == "\n" || bytes.get(i + 1) != Some(&b'\n'))
                .map(|(i, _)| i + 1)
                .filter(|&i| i < text.len()),
        );
        Columns { text, starts }
    }

    /// How many lines there are; a final line end ends the last line, it starts none.
    pub(super) fn count(&self) -> usize {
        self.starts.len()
    }

    /// The byte offset where line `line` starts; the end of the text past the last line.
    pub(super) fn start(&self, line: usize) -> usize {
        self.starts.get(line).copied().unwrap_or(self.text.len())
    }

    /// Line `line` without its line ending.
    pub(super) fn line(&self, line: usize) -> &'t str {
        let end = self.start(line + 1);
        let text = self.text.get(self.start(line)..end).unwrap_or_default();
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.strip_suffix('\r').unwrap_or(text)
    }

    /// Every line, without its line ending.
    pub(super) fn lines(&self) -> impl Iterator<Item = &'t str> + '_ {
        (0..self.count()).map(|line| self.line(line))
    }

    /// The character at `pos`.
    pub(super) fn at(&self, pos: Pos) -> Option<char> {
        self.line(pos.line).chars().nth(pos.col)
    }

    pub(super) fn ends_with_newline(&self) -> bool {
        self.text.ends_with(['\n', '\r'])
    }

    pub(super) fn len(&self) -> usize {
        self.text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_items_flow_and_the_ends_of_block_collections() {
        let text = "a:\n  - id: x\n    s: >-\n      t\n\nb: [ {id: z}, q ]  # c\nc:\n- u\n";
        let root = read(text, None).unwrap_or_else(|e| panic!("{e:?}"));
        let a = &root.get("a").unwrap_or_else(|| panic!("a")).value;
        assert!(a.is_block(Shape::Sequence));
        assert_eq!(a.end, Pos { line: 5, col: 0 });
        assert!(a.item_with_id("x").is_some());
        let b = &root.get("b").unwrap_or_else(|| panic!("b")).value;
        assert!(b.flow);
        assert_eq!(
            (b.start, b.end),
            (Pos { line: 5, col: 3 }, Pos { line: 5, col: 16 })
        );
        assert_eq!(b.entries.len(), 2);
        let c = &root.get("c").unwrap_or_else(|| panic!("c")).value;
        assert!(c.is_block(Shape::Sequence));
        assert_eq!(c.entries[0].value.start, Pos { line: 7, col: 2 });
    }

    #[test]
    fn lines_end_as_yaml_ends_them_and_a_refusal_says_where() {
        let cols = Columns::new("a\rb\r\nc\nd\r");
        assert_eq!(cols.lines().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        assert_eq!(cols.start(2), 5);
        assert!(cols.ends_with_newline());
        let root = read("a:\r  - id: x\rb:\t1\r", None).unwrap_or_else(|e| panic!("{e:?}"));
        let a = &root.get("a").unwrap_or_else(|| panic!("a")).value;
        assert_eq!(a.entries[0].value.start, Pos { line: 1, col: 4 });
        assert!(root.get("b").is_some(), "a tab after `:` ends the key");
        let refused = read("a: \"x\n\ty\"\n", None).err();
        assert_eq!(refused.and_then(|e| e.at), Some(Pos { line: 1, col: 0 }));
    }

    #[test]
    fn collections_below_the_kept_depth_are_passed_over_whole() {
        let text =
            "a:\n  - b:\n      - c: [1, [2, {x: [y]}]]\n        d: {e: [f]}\n  - id: g\nz: 1\n";
        let root = read(text, None).unwrap_or_else(|e| panic!("{e:?}"));
        let keys: Vec<_> = root.entries.iter().map(|e| e.key.as_deref()).collect();
        assert_eq!(keys, [Some("a"), Some("z")]);
        let a = &root.entries[0].value;
        assert!(a.item_with_id("g").is_some());
        let c = &a.entries[0].value.entries[0].value.entries[0].value;
        let deep: Vec<_> = c.entries.iter().map(|e| e.key.as_deref()).collect();
        assert_eq!(deep, [Some("c"), Some("d")]);
        assert!(c.entries.iter().all(|e| e.value.entries.is_empty()));
    }

    /// With a focus, the other lists keep their first item only; the focus keeps all.
    #[test]
    fn a_focus_keeps_the_other_lists_first_item_only() {
        let text = "sources:\n  - id: s1\n  - id: s2\nactors:\n  - id: a1\n  - id: a2\n";
        let root = read(text, Some("actors")).unwrap_or_else(|e| panic!("{e:?}"));
        let count = |key: &str| root.get(key).map_or(0, |e| e.value.entries.len());
        assert_eq!((count("sources"), count("actors")), (1, 2));
        let whole = read(text, None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(whole.get("sources").map(|e| e.value.entries.len()), Some(2));
    }
}
