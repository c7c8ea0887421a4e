//! A one-line text field with a cursor, and the query history recalled with Up/Down.

/// Text being edited; `cursor` counts characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub(crate) cursor: usize,
}

impl TextInput {
    /// The line-editing keys every one-line prompt takes (typing, deleting, the cursor);
    /// `false` for any other action, which the prompt handles itself.
    pub(crate) fn edit(&mut self, action: &crate::action::Action) -> bool {
        use crate::action::Action;
        match action {
            Action::Insert(c) => self.insert(*c),
            Action::DeleteBack => self.delete_back(),
            Action::DeleteForward => self.delete_forward(),
            Action::DeleteWord => self.delete_word(),
            Action::ClearInput => self.set(""),
            Action::CursorLeft => self.left(),
            Action::CursorRight => self.right(),
            Action::CursorHome => self.home(),
            Action::CursorEnd => self.end(),
            _ => return false,
        }
        true
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn set(&mut self, text: &str) {
        self.text = text.to_string();
        self.cursor = self.text.chars().count();
    }

    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Inserts `text` at the cursor in one step (a paste: one insertion, however long).
    pub fn insert_str(&mut self, text: &str) {
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, text);
        self.cursor += text.chars().count();
    }

    pub(crate) fn delete_back(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    pub(crate) fn delete_forward(&mut self) {
        if self.cursor < self.text.chars().count() {
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the word before the cursor, and the spaces after it.
    pub(crate) fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor;
        while start > 0 && chars[start - 1] == ' ' {
            start -= 1;
        }
        while start > 0 && chars[start - 1] != ' ' {
            start -= 1;
        }
        let (from, to) = (self.byte_at(start), self.byte_at(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub(crate) fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }
}

/// At most this many queries are remembered; the oldest go first.
pub const HISTORY_LIMIT: usize = 1_000;

/// Earlier queries, newest last, each once: those of earlier sessions (read from the
/// history file by the event loop) and this one's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct QueryHistory {
    entries: Vec<String>,
    /// While browsing: the entry shown, and what was typed before browsing began.
    browsing: Option<(usize, String)>,
}

impl QueryHistory {
    /// A history that starts with `entries` (oldest first): blanks and repeats dropped,
    /// at most [`HISTORY_LIMIT`] kept.
    pub(crate) fn with_entries(entries: Vec<String>) -> Self {
        let mut history = QueryHistory::default();
        for entry in entries {
            history.add(&entry);
        }
        history
    }

    pub(crate) fn entries(&self) -> &[String] {
        &self.entries
    }

    /// Remembers `query` (not a blank; a repeat moves to the end); `true` when the
    /// history changed.
    pub(crate) fn remember(&mut self, query: &str) -> bool {
        self.browsing = None;
        self.add(query)
    }

    fn add(&mut self, query: &str) -> bool {
        let query = query.trim();
        // A line break would split the entry in the file; the search bar cannot hold one.
        if query.is_empty() || query.contains(['\n', '\r']) {
            return false;
        }
        if self.entries.last().is_some_and(|last| last == query) {
            return false;
        }
        self.entries.retain(|e| e != query);
        self.entries.push(query.to_string());
        if self.entries.len() > HISTORY_LIMIT {
            let extra = self.entries.len() - HISTORY_LIMIT;
            self.entries.drain(..extra);
        }
        true
    }

    /// The entry before the one shown (Up); `typed` is the text in the field now. The
    /// first Up skips an entry that is what is typed already.
    pub(crate) fn earlier(&mut self, typed: &str) -> Option<&str> {
        let at = match &self.browsing {
            Some((at, _)) if *at == 0 => return None,
            Some((at, _)) => at - 1,
            None => self.entries.iter().rposition(|e| e != typed.trim())?,
        };
        let draft = self
            .browsing
            .take()
            .map_or_else(|| typed.to_string(), |(_, d)| d);
        self.browsing = Some((at, draft));
        self.entries.get(at).map(String::as_str)
    }

    /// The entry after the one shown (Down), or what was typed before browsing.
    pub(crate) fn later(&mut self) -> Option<String> {
        let (at, draft) = self.browsing.take()?;
        if at + 1 < self.entries.len() {
            self.browsing = Some((at + 1, draft));
            return self.entries.get(at + 1).cloned();
        }
        Some(draft)
    }

    /// An entry recalled with Up/Down is shown, unedited.
    pub(crate) fn browsing(&self) -> bool {
        self.browsing.is_some()
    }

    pub(crate) fn stop_browsing(&mut self) {
        self.browsing = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editing_with_a_cursor_in_unicode_text() {
        let mut input = TextInput::default();
        for c in "zelénsky".chars() {
            input.insert(c);
        }
        input.left();
        input.left();
        input.delete_back();
        assert_eq!(input.text, "zelénky");
        input.home();
        input.delete_forward();
        assert_eq!(input.text, "elénky");
        input.set("actor:putin donbas");
        input.delete_word();
        assert_eq!(input.text, "actor:putin ");
        input.delete_word();
        assert_eq!(input.text, "");
    }

    #[test]
    fn the_first_up_skips_the_query_shown() {
        let mut h = QueryHistory::with_entries(vec!["pokrovsk".into(), "nato".into()]);
        assert_eq!(h.earlier("nato "), Some("pokrovsk"));
        assert_eq!(h.earlier("ignored"), None);
        assert_eq!(h.later().as_deref(), Some("nato"));
        assert_eq!(h.later().as_deref(), Some("nato "));
    }

    #[test]
    fn history_is_bounded_and_a_repeat_moves_to_the_end() {
        let mut h = QueryHistory::with_entries(vec!["a".into(), "b".into(), "a".into()]);
        assert_eq!(h.entries(), ["b", "a"]);
        assert!(h.remember("b"));
        assert_eq!(h.entries(), ["a", "b"]);
        assert!(!h.remember("b"), "already the newest");
        assert!(!h.remember("two\nlines"));
        for n in 0..HISTORY_LIMIT {
            h.remember(&n.to_string());
        }
        assert_eq!(h.entries().len(), HISTORY_LIMIT);
        assert_eq!(h.entries()[0], "0");
    }

    #[test]
    fn history_recalls_earlier_queries_and_the_draft() {
        let mut h = QueryHistory::default();
        h.remember("pokrovsk");
        h.remember("nato");
        h.remember("nato");
        h.remember("  ");
        assert_eq!(h.earlier("dra"), Some("nato"));
        assert_eq!(h.earlier("ignored"), Some("pokrovsk"));
        assert_eq!(h.earlier("ignored"), None);
        assert_eq!(h.later().as_deref(), Some("nato"));
        assert_eq!(h.later().as_deref(), Some("dra"));
        assert_eq!(h.later(), None);
    }
}
