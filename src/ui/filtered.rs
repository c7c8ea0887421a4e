//! A page or list that a query filters says so in its title, with the query and how to
//! clear it (`· filtered: "trump" (Esc clears)`), so that a filter never follows the user
//! unseen from the lists to the matrix.

use crate::app::App;
use crate::text::{cut, sanitize_line, width};

/// The most of a query a title quotes.
const QUERY_ROOM: usize = 24;

/// The forms of the note, the longest first; none while no query filters. `clear` is the
/// key that clears it where the title is (`Esc` on the lists, `Esc Esc` on a page).
fn forms(app: &App, clear: &str) -> Vec<String> {
    let text = app.query().text().trim();
    if text.is_empty() {
        return Vec::new();
    }
    let shown = sanitize_line(text);
    let quoted = cut(&shown, QUERY_ROOM);
    vec![
        format!("· filtered: \"{quoted}\" ({clear} clears) "),
        format!("· filtered: \"{quoted}\" "),
        "· filtered ".to_string(),
    ]
}

/// The first of `titles` (the longest first, each ending in a space) that fits `room`
/// with the note quoting the query; else with the bare note; else the first title that
/// fits alone (the last when none does).
pub(super) fn fit(app: &App, titles: &[String], room: usize, clear: &str) -> String {
    let fits = |t: &str| width(t) <= room;
    let notes = forms(app, clear);
    let (quoting, bare) = notes.split_at(notes.len().saturating_sub(1));
    for notes in [quoting, bare] {
        for title in titles {
            if let Some(note) = notes.iter().find(|n| fits(&format!("{title}{n}"))) {
                return format!("{title}{note}");
            }
        }
    }
    titles
        .iter()
        .find(|t| fits(t))
        .or(titles.last())
        .cloned()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::app::{Options, update};

    fn app(width: u16, height: u16) -> App {
        App::new(
            crate::model::builtin().unwrap(),
            Options::sized(width, height),
        )
    }

    fn filtered(query: &str) -> App {
        let mut app = app(80, 24);
        update(&mut app, Action::StartSearch);
        for c in query.chars() {
            update(&mut app, Action::Insert(c));
        }
        update(&mut app, Action::FinishSearch);
        app
    }

    #[test]
    fn a_title_says_the_query_that_filters_it_as_the_room_allows() {
        let app = filtered("trump");
        let titles = [" Timeline: 2 events ".to_string()];
        assert_eq!(
            fit(&app, &titles, 80, "Esc Esc"),
            " Timeline: 2 events · filtered: \"trump\" (Esc Esc clears) "
        );
        assert_eq!(
            fit(&app, &titles, 40, "Esc Esc"),
            " Timeline: 2 events · filtered: \"trump\" "
        );
        assert_eq!(
            fit(&app, &titles, 32, "Esc"),
            " Timeline: 2 events · filtered "
        );
        assert_eq!(fit(&app, &titles, 10, "Esc"), " Timeline: 2 events ");
        let unfiltered = app_without_query();
        assert_eq!(fit(&unfiltered, &titles, 80, "Esc"), " Timeline: 2 events ");
    }

    fn app_without_query() -> App {
        app(80, 24)
    }
}
