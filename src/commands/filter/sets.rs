//! Many alternatives (`a | b | c …`) tested against a line in one pass each, whatever their
//! number: fuzzy terms in a trie walked along the line, substrings with Aho-Corasick,
//! anchored terms looked up by the line's own start, end or whole. Only the terms found go
//! on to be scored.

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;

use super::query::How;

/// A term's number among the alternatives it was built with.
pub(super) type TermId = u32;

/// Fuzzy terms in a trie of their characters: one walk along a line finds every term that
/// is a subsequence of it, each term's characters matched at their first chance, as the
/// scorer's own check does.
pub(super) struct FuzzySet {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    children: Vec<(char, u32)>,
    /// Terms that end here.
    ends: Vec<TermId>,
}

/// The trie nodes waiting for a character, during one walk.
#[derive(Default)]
pub(super) struct Waiting {
    ascii: Vec<Vec<u32>>,
    other: FxHashMap<char, Vec<u32>>,
    /// ASCII characters with a non-empty list.
    touched: Vec<u8>,
    pending: usize,
}

impl Waiting {
    fn clear(&mut self) {
        for &c in &self.touched {
            self.ascii[usize::from(c)].clear();
        }
        self.touched.clear();
        self.other.clear();
        self.pending = 0;
    }

    fn push(&mut self, c: char, node: u32) {
        self.pending += 1;
        if c.is_ascii() {
            if self.ascii.is_empty() {
                self.ascii.resize_with(128, Vec::new);
            }
            let list = &mut self.ascii[c as usize];
            if list.is_empty() {
                self.touched.push(c as u8);
            }
            list.push(node);
        } else {
            self.other.entry(c).or_default().push(node);
        }
    }

    fn take(&mut self, c: char) -> Vec<u32> {
        let list = if c.is_ascii() {
            self.ascii
                .get_mut(c as usize)
                .map(std::mem::take)
                .unwrap_or_default()
        } else {
            self.other.remove(&c).unwrap_or_default()
        };
        self.pending -= list.len();
        list
    }

    /// Hands back an emptied list, to keep its room for the next character.
    fn give_back(&mut self, c: char, mut list: Vec<u32>) {
        list.clear();
        if let Some(slot) = self.ascii.get_mut(c as usize).filter(|s| s.is_empty()) {
            *slot = list;
        }
    }
}

impl FuzzySet {
    pub(super) fn new<'t>(terms: impl Iterator<Item = (TermId, &'t [char])>) -> Self {
        let mut nodes = vec![Node::default()];
        for (id, chars) in terms {
            let mut at = 0;
            for &c in chars {
                let known = nodes[at].children.iter().find(|(d, _)| *d == c);
                at = match known {
                    Some(&(_, child)) => child as usize,
                    None => {
                        nodes.push(Node::default());
                        let child = nodes.len() - 1;
                        nodes[at].children.push((c, child as u32));
                        child
                    }
                };
            }
            nodes[at].ends.push(id);
        }
        FuzzySet { nodes }
    }

    /// Adds to `found` every term that is a subsequence of `line`.
    pub(super) fn find(&self, line: &str, waiting: &mut Waiting, found: &mut Vec<TermId>) {
        if self.nodes.len() == 1 {
            return;
        }
        waiting.clear();
        self.reach(0, waiting, found);
        for c in line.chars() {
            if waiting.pending == 0 {
                break;
            }
            let list = waiting.take(c);
            for &node in &list {
                self.reach(node, waiting, found);
            }
            waiting.give_back(c, list);
        }
    }

    fn reach(&self, node: u32, waiting: &mut Waiting, found: &mut Vec<TermId>) {
        let node = &self.nodes[node as usize];
        found.extend_from_slice(&node.ends);
        for &(c, child) in &node.children {
            waiting.push(c, child);
        }
    }
}

/// Substring terms, found together by Aho-Corasick.
pub(super) struct ExactSet {
    searcher: Option<AhoCorasick>,
    ids: Vec<TermId>,
}

impl ExactSet {
    pub(super) fn new<'t>(terms: impl Iterator<Item = (TermId, &'t str)>) -> Self {
        let (ids, needles): (Vec<TermId>, Vec<&str>) = terms.unzip();
        // Building fails only past limits that a query cannot reach (a million
        // patterns); the terms are then tested one by one.
        let searcher = (!needles.is_empty())
            .then(|| AhoCorasick::new(&needles).ok())
            .flatten();
        ExactSet { searcher, ids }
    }

    /// Adds to `found` every term in `line`, once; `seen` is all false, and left so.
    pub(super) fn find(&self, line: &str, seen: &mut [bool], found: &mut Vec<TermId>) {
        let Some(searcher) = &self.searcher else {
            return;
        };
        let from = found.len();
        for hit in searcher.find_overlapping_iter(line) {
            let id = self.ids[hit.pattern().as_usize()];
            if !seen[id as usize] {
                seen[id as usize] = true;
                found.push(id);
            }
        }
        for &id in &found[from..] {
            seen[id as usize] = false;
        }
    }
}

/// Terms anchored at the line's start (`^a`), end (`a$`) or both (`^a$`), of one kind of
/// whitespace at their ends (which decides whether the line's own is trimmed), by length.
pub(super) struct AnchoredSet {
    how: How,
    trim_start: bool,
    trim_end: bool,
    by_length: FxHashMap<usize, FxHashMap<String, Vec<TermId>>>,
}

impl AnchoredSet {
    /// The sets for `terms` (all anchored), one per kind of term.
    pub(super) fn group<'t>(terms: impl Iterator<Item = (TermId, How, &'t str)>) -> Vec<Self> {
        let mut sets: Vec<AnchoredSet> = Vec::new();
        for (id, how, text) in terms {
            let trim_start = !text.starts_with(char::is_whitespace);
            let trim_end = !text.ends_with(char::is_whitespace);
            let position = sets
                .iter()
                .position(|s| (s.how, s.trim_start, s.trim_end) == (how, trim_start, trim_end));
            let set = match position {
                Some(at) => &mut sets[at],
                None => {
                    sets.push(AnchoredSet {
                        how,
                        trim_start,
                        trim_end,
                        by_length: FxHashMap::default(),
                    });
                    let last = sets.len() - 1;
                    &mut sets[last]
                }
            };
            let same_length = set.by_length.entry(text.len()).or_default();
            same_length.entry(text.to_string()).or_default().push(id);
        }
        sets
    }

    /// Adds to `found` the terms that `line` starts with, ends with or is.
    pub(super) fn find(&self, line: &str, found: &mut Vec<TermId>) {
        let mut text = line;
        if self.trim_start && matches!(self.how, How::Prefix | How::Equal) {
            text = text.trim_start();
        }
        if self.trim_end && matches!(self.how, How::Suffix | How::Equal) {
            text = text.trim_end();
        }
        for (&length, terms) in &self.by_length {
            let part = match self.how {
                How::Prefix => text.get(..length),
                How::Suffix => text.len().checked_sub(length).and_then(|at| text.get(at..)),
                _ => (text.len() == length).then_some(text),
            };
            if let Some(ids) = part.and_then(|part| terms.get(part)) {
                found.extend_from_slice(ids);
            }
        }
    }
}
