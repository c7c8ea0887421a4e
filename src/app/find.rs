//! `n` / `N`: the query's hits in the detail pane, stepped through as in `less`: from the
//! hit shown (or the top of the pane), wrapping at the ends.

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
        self.screen_lines()
            .iter()
            .enumerate()
            .flat_map(|(n, line)| {
                let text = line.text();
                engine
                    .hits_in(query, &text)
                    .into_iter()
                    .map(move |range| (n, range))
            })
            .collect()
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
        let rows = self.layout().panes.detail_inner().0;
        let from = self.detail.current_hit.unwrap_or(if forward {
            (self.detail.scroll, 0)
        } else {
            (self.detail.scroll + rows, 0)
        });
        let at = |h: &(usize, Range<usize>)| (h.0, h.1.start);
        let found = if forward {
            let past = self.detail.current_hit.is_some();
            hits.iter()
                .position(|h| if past { at(h) > from } else { at(h) >= from })
        } else {
            hits.iter().rposition(|h| at(h) < from)
        };
        let (index, wrapped) = match found {
            Some(i) => (i, false),
            None if forward => (0, true),
            None => (hits.len() - 1, true),
        };
        let (line, range) = &hits[index];
        self.detail.current_hit = Some((*line, range.start));
        if *line < self.detail.scroll || *line >= self.detail.scroll + rows {
            self.detail.scroll = line.saturating_sub(CONTEXT);
            self.detail.scroll_by(0, rows);
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
        let mut app = App::new(
            builtin().unwrap_or_else(|e| panic!("{e}")),
            Options::sized(80, 14),
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
}
