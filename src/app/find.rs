//! `n` / `N`: the query's hits in the detail pane, stepped through as in `less`: from the
//! hit gone to last while it is on screen, else from the top (bottom) of the pane; wrapping
//! at the ends. A new query (new results) forgets the hit gone to.

use std::ops::Range;

use super::App;
use super::detail_view::DetailView;
use crate::search::{Query, SearchEngine};

/// Lines of context kept above a hit scrolled to.
const CONTEXT: usize = 2;

impl DetailView {
    /// The query's hits in the screen lines, as (line, char range), in reading order.
    pub(crate) fn hits(&self, engine: &SearchEngine, query: &Query) -> Vec<(usize, Range<usize>)> {
        if query.is_empty() {
            return Vec::new();
        }
        let finder = engine.line_finder(query);
        self.screen_lines()
            .iter()
            .enumerate()
            .flat_map(|(n, line)| {
                finder
                    .hits_in(&line.text())
                    .into_iter()
                    .map(move |range| (n, range))
            })
            .collect()
    }

    /// Whether screen line `line` is among the `rows` rows on screen.
    fn on_screen(&self, line: usize, rows: usize) -> bool {
        let top = self.first_shown(self.screen_lines().len(), rows);
        (top..top + rows).contains(&line)
    }

    /// The index in `hits` that `n` (`forward`) or `N` goes to, and whether it wrapped
    /// around: after (before) the current hit while it is on screen, else from the top
    /// (bottom) of the screen, as in `less`. With no pane on screen (`rows` 0: a list has
    /// the whole of a narrow screen), always from the current hit.
    fn next_hit(
        &self,
        hits: &[(usize, Range<usize>)],
        forward: bool,
        rows: usize,
    ) -> (usize, bool) {
        let top = self.first_shown(self.screen_lines().len(), rows);
        let current = self
            .current_hit
            .filter(|&(line, _)| rows == 0 || self.on_screen(line, rows));
        let at = |h: &(usize, Range<usize>)| (h.0, h.1.start);
        let found = match (current, forward) {
            (Some(from), true) => hits.iter().position(|h| at(h) > from),
            (None, true) => hits.iter().position(|h| at(h) >= (top, 0)),
            (Some(from), false) => hits.iter().rposition(|h| at(h) < from),
            (None, false) => hits.iter().rposition(|h| at(h) < (top + rows, 0)),
        };
        match found {
            Some(i) => (i, false),
            None if forward => (0, true),
            None => (hits.len().saturating_sub(1), true),
        }
    }
}

impl App {
    pub(crate) fn find_in_detail(&mut self, forward: bool) {
        let query = self.query.parsed();
        if query.is_empty() {
            self.status =
                Some("No query to find: / types one, then n and N step through its hits".into());
            return;
        }
        let hits = self.detail.hits(self.query.engine(), query);
        if hits.is_empty() {
            self.status = Some("The query has no hit in this entity".into());
            return;
        }
        // On a narrow screen a list hides the detail: show it, never move it unseen.
        if !self.detail_on_screen() {
            self.focus_detail();
        }
        let rows = self.detail_rows();
        let (index, wrapped) = self.detail.next_hit(&hits, forward, rows);
        let (line, range) = &hits[index];
        self.detail.current_hit = Some((*line, range.start));
        if !self.detail.on_screen(*line, rows) {
            self.detail.scroll = line.saturating_sub(CONTEXT);
            self.detail.scroll_by(0, rows);
            self.detail.focus_on_screen(rows);
        }
        let again = match (wrapped, forward) {
            (true, true) => ", from the top again",
            (true, false) => ", from the bottom again",
            _ => "",
        };
        self.status = Some(format!("Hit {} of {}{again}", index + 1, hits.len()));
    }
}

#[cfg(test)]
mod tests {
    use crate::action::{Action, Focus};
    use crate::app::{App, Options, update};
    use crate::model::{EntityKind, builtin};

    /// The app at 80×14 with `query` typed and kept, the detail of the Russia actor shown.
    fn app_with(query: &str) -> App {
        sized_with(80, 14, query)
    }

    fn sized_with(width: u16, height: u16, query: &str) -> App {
        let mut app = App::new(
            builtin().unwrap_or_else(|e| panic!("{e}")),
            Options::sized(width, height),
        );
        update(&mut app, Action::StartSearch);
        query
            .chars()
            .for_each(|c| update(&mut app, Action::Insert(c)));
        update(&mut app, Action::FinishSearch);
        app
    }

    fn hit_text(app: &App) -> String {
        let (line, start) = app.detail().current_hit().unwrap_or_default();
        let text = app.detail().screen_lines()[line].text();
        text.chars().skip(start).take(8).collect()
    }

    #[test]
    fn n_steps_through_the_hits_and_wraps_around() {
        let mut app = app_with("pokrovsk");
        update(&mut app, Action::FocusList(EntityKind::Actor));
        let shown = app.shown().unwrap_or_else(|| panic!("nothing shown"));
        assert_eq!(app.loaded().dossier.id_of(shown), "russia");
        let hits = app.detail().hits(app.engine(), app.query().parsed()).len();
        assert!(hits >= 2, "{hits}");
        update(&mut app, Action::FindNext);
        assert_eq!(hit_text(&app), "Pokrovsk");
        assert_eq!(app.status(), Some(format!("Hit 1 of {hits}").as_str()));
        for _ in 1..hits {
            update(&mut app, Action::FindNext);
        }
        assert_eq!(app.status(), Some(format!("Hit {hits} of {hits}").as_str()));
        let (line, _) = app.detail().current_hit().unwrap_or_default();
        let rows = app.layout().panes.detail_inner().0;
        let scroll = app
            .detail()
            .first_shown(app.detail().screen_lines().len(), rows);
        assert!(
            (scroll..scroll + rows).contains(&line),
            "the hit is on screen"
        );
        update(&mut app, Action::FindNext);
        assert_eq!(
            app.status(),
            Some(format!("Hit 1 of {hits}, from the top again").as_str())
        );
        update(&mut app, Action::FindPrevious);
        assert_eq!(
            app.status(),
            Some(format!("Hit {hits} of {hits}, from the bottom again").as_str())
        );
        update(&mut app, Action::FindPrevious);
        assert_eq!(
            app.status(),
            Some(format!("Hit {} of {hits}", hits - 1).as_str())
        );
    }

    #[test]
    fn n_works_from_the_detail_pane_and_finds_typos_too() {
        let mut app = app_with("umarov");
        update(&mut app, Action::Activate);
        assert_eq!(app.focus(), Focus::Detail);
        update(&mut app, Action::FindNext);
        assert_eq!(hit_text(&app).to_lowercase(), "umerov");
    }

    #[test]
    fn without_a_query_or_a_hit_n_says_so() {
        let mut app = app_with("");
        update(&mut app, Action::FindNext);
        assert_eq!(
            app.status(),
            Some("No query to find: / types one, then n and N step through its hits")
        );
        let mut app = app_with("kind:actor");
        update(&mut app, Action::FindNext);
        assert_eq!(app.status(), Some("The query has no hit in this entity"));
        assert_eq!(app.detail().current_hit(), None);
    }

    /// After the hit went off screen (scrolled away), `n` goes on from the screen, as in
    /// `less`, not from the hit left behind.
    #[test]
    fn n_goes_on_from_the_screen_after_scrolling_away() {
        let mut app = app_with("pokrovsk");
        update(&mut app, Action::FocusList(EntityKind::Actor));
        let hits = app.detail().hits(app.engine(), app.query().parsed());
        update(&mut app, Action::FindNext);
        update(&mut app, Action::Activate);
        update(&mut app, Action::Bottom);
        let rows = app.layout().panes.detail_inner().0;
        let lines = app.detail().screen_lines().len();
        let top = app.detail().first_shown(lines, rows);
        let (line, _) = app.detail().current_hit().unwrap_or_default();
        assert!(line < top, "the hit went off screen: {line} < {top}");
        let expected = hits.iter().position(|h| h.0 >= top).unwrap_or(0);
        assert_ne!(expected, 1, "the test needs a hit skipped");
        update(&mut app, Action::FindNext);
        assert!(
            app.status()
                .is_some_and(|s| s.starts_with(&format!("Hit {} of", expected + 1))),
            "{:?}",
            app.status()
        );
    }

    /// A new query forgets the hit of the old one: `n` starts again from the screen.
    #[test]
    fn a_new_query_starts_the_hits_again() {
        let mut app = app_with("pokrovsk");
        update(&mut app, Action::FocusList(EntityKind::Actor));
        update(&mut app, Action::FindNext);
        update(&mut app, Action::FindNext);
        let shown = app.shown();
        update(&mut app, Action::StartSearch);
        for c in " russia".chars() {
            update(&mut app, Action::Insert(c));
            assert_eq!(app.shown(), shown, "the same entity stays shown");
        }
        update(&mut app, Action::FinishSearch);
        assert_eq!(app.detail().current_hit(), None);
        let hits = app.detail().hits(app.engine(), app.query().parsed());
        let rows = app.layout().panes.detail_inner().0;
        let lines = app.detail().screen_lines().len();
        let top = app.detail().first_shown(lines, rows);
        let expected = hits.iter().position(|h| h.0 >= top).unwrap_or(0);
        update(&mut app, Action::FindNext);
        let (line, start) = app.detail().current_hit().unwrap_or_default();
        assert_eq!((line, start), (hits[expected].0, hits[expected].1.start));
        assert_eq!(
            app.status(),
            Some(format!("Hit {} of {}", expected + 1, hits.len()).as_str())
        );
    }

    /// On a narrow screen the detail is not on screen while a list has the focus: `n`
    /// still steps on from the hit it went to.
    #[test]
    fn n_steps_on_while_the_detail_is_hidden() {
        let mut app = sized_with(40, 12, "pokrovsk");
        update(&mut app, Action::FocusList(EntityKind::Actor));
        assert_eq!(app.layout().panes.detail_inner().0, 0);
        update(&mut app, Action::FindNext);
        update(&mut app, Action::FindNext);
        assert!(
            app.status().is_some_and(|s| s.starts_with("Hit 2 of")),
            "{:?}",
            app.status()
        );
    }
}
