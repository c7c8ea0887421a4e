//! A one-line text field with a cursor, and the query history recalled with Up/Down.

/// Text being edited; `cursor` counts characters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    pub text: String,
    pub cursor: usize,
}

impl TextInput {
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

/// Earlier queries of the session, newest last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct QueryHistory {
    entries: Vec<String>,
    /// While browsing: the entry shown, and what was typed before browsing began.
    browsing: Option<(usize, String)>,
}

impl QueryHistory {
    /// Remembers `query` (not blanks, not a repeat of the last one).
    pub(crate) fn remember(&mut self, query: &str) {
        self.browsing = None;
        let query = query.trim();
        if !query.is_empty() && self.entries.last().is_none_or(|last| last != query) {
            self.entries.push(query.to_string());
        }
    }

    /// The entry before the one shown (Up); `typed` is the text in the field now.
    pub fn earlier(&mut self, typed: &str) -> Option<&str> {
        let at = match &self.browsing {
            Some((at, _)) if *at == 0 => return None,
            Some((at, _)) => at - 1,
            None if self.entries.is_empty() => return None,
            None => self.entries.len() - 1,
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
