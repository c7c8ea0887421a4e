//! Saved searches: `S` (Ctrl-S in the search bar) keeps the query under a name, kept with
//! the notes; `@` opens a picker that filters them fuzzily, Enter runs one.

use crate::matcher::Matcher;

use super::{Action, App, NamePrompt, Overlay, SearchPicker};
use crate::text::sanitize_line;

/// Whether `name` can be a saved search's name (`talks search @name` names it).
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

impl App {
    /// The name asked for the query to save, while it is asked.
    pub fn name_prompt(&self) -> Option<&NamePrompt> {
        match &self.overlay {
            Overlay::SaveSearch(prompt) => Some(prompt),
            _ => None,
        }
    }

    /// The picker of saved searches, while it is open.
    pub fn search_picker(&self) -> Option<&SearchPicker> {
        match &self.overlay {
            Overlay::Searches(picker) => Some(picker),
            _ => None,
        }
    }

    /// The saved searches the picker's filter lets through, best first: (name, query).
    pub fn picked_searches(&self) -> Vec<(&str, &str)> {
        let filter = self.search_picker().map_or("", |p| p.filter.text.as_str());
        let searches = &self.notes.notes.searches;
        if filter.is_empty() {
            return searches
                .iter()
                .map(|(n, q)| (n.as_str(), q.as_str()))
                .collect();
        }
        let matcher = Matcher::ignoring_case();
        let mut scored: Vec<(i64, &str, &str)> = searches
            .iter()
            .filter_map(|(name, query)| {
                let score = matcher.score(&format!("{name} {query}"), filter)?;
                Some((score, name.as_str(), query.as_str()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().map(|(_, n, q)| (n, q)).collect()
    }

    /// `S`: asks for a name for the query shown.
    pub(crate) fn start_saving_search(&mut self) {
        let query = self.query.text().trim().to_string();
        if query.is_empty() {
            self.overlay = Overlay::Closed;
            self.status = Some("Nothing to save: type a query first (/)".into());
            return;
        }
        if !self.notes_writable() {
            return;
        }
        self.remember_query();
        self.overlay = Overlay::SaveSearch(NamePrompt {
            query,
            ..NamePrompt::default()
        });
    }

    /// Keys while the name is typed.
    pub(crate) fn name_prompt_action(&mut self, action: Action) {
        let Overlay::SaveSearch(prompt) = &mut self.overlay else {
            return;
        };
        let input = &mut prompt.input;
        match action {
            Action::Insert(c) => input.insert(c),
            Action::DeleteBack => input.delete_back(),
            Action::DeleteWord => input.delete_word(),
            Action::ClearInput => input.set(""),
            Action::CursorLeft => input.left(),
            Action::CursorRight => input.right(),
            Action::Escape => {
                self.overlay = Overlay::Closed;
                self.status = Some("Search not saved".into());
            }
            Action::Activate => self.save_search(),
            _ => {}
        }
    }

    fn save_search(&mut self) {
        let Overlay::SaveSearch(prompt) = &mut self.overlay else {
            return;
        };
        let name = prompt.input.text.trim().trim_start_matches('@').to_string();
        if !valid_name(&name) {
            prompt.error = Some("a name is letters, digits, - _ or . (no spaces)".into());
            return;
        }
        let query = std::mem::take(&mut prompt.query);
        self.overlay = Overlay::Closed;
        let replaced = self
            .notes
            .notes
            .searches
            .insert(name.clone(), query)
            .is_some();
        let verb = if replaced { "replaced" } else { "saved" };
        self.status = Some(format!(
            "Search @{} {verb} (@ lists the saved searches)",
            sanitize_line(&name)
        ));
        self.write_notes();
    }

    /// `@`: the picker of saved searches.
    pub(crate) fn open_search_picker(&mut self) {
        if self.notes.notes.searches.is_empty() {
            self.status = Some("No saved searches yet: S saves the query shown".into());
            return;
        }
        self.overlay = Overlay::Searches(SearchPicker::default());
    }

    /// Keys in the picker.
    pub(crate) fn picker_action(&mut self, action: Action) {
        let count = self.picked_searches().len();
        let Overlay::Searches(picker) = &mut self.overlay else {
            return;
        };
        match action {
            Action::Insert(c) => {
                picker.filter.insert(c);
                picker.selected = 0;
            }
            Action::DeleteBack => {
                picker.filter.delete_back();
                picker.selected = 0;
            }
            Action::Up => picker.selected = picker.selected.saturating_sub(1),
            Action::Down => picker.selected = (picker.selected + 1).min(count.saturating_sub(1)),
            Action::Escape => self.overlay = Overlay::Closed,
            Action::Activate => self.run_picked(),
            Action::DeleteForward => self.forget_picked(),
            _ => {}
        }
    }

    fn picked(&self) -> Option<(String, String)> {
        let selected = self.search_picker()?.selected;
        let (name, query) = self.picked_searches().get(selected).copied()?;
        Some((name.to_string(), query.to_string()))
    }

    fn run_picked(&mut self) {
        let Some((name, query)) = self.picked() else {
            return;
        };
        self.overlay = Overlay::Closed;
        self.query.history.stop_browsing();
        self.query.input.set(&query);
        self.apply_query();
        self.remember_query();
        // What the query cannot do here (`changed:` with nothing to compare with) is said.
        let said = self.query.error().unwrap_or(&query);
        self.status = Some(format!(
            "Search @{}: {}",
            sanitize_line(&name),
            sanitize_line(said)
        ));
    }

    fn forget_picked(&mut self) {
        let Some((name, _)) = self.picked() else {
            return;
        };
        if !self.notes_writable() {
            return;
        }
        self.notes.notes.searches.remove(&name);
        self.status = Some(format!("Forgot the saved search @{}", sanitize_line(&name)));
        if let Overlay::Searches(picker) = &mut self.overlay {
            picker.selected = picker.selected.saturating_sub(1);
        }
        if self.notes.notes.searches.is_empty() {
            self.overlay = Overlay::Closed;
        }
        self.write_notes();
    }
}
