//! `update` tested without a terminal, on the built-in dossier.

use super::*;
use crate::model::builtin;

fn app(width: u16, height: u16) -> App {
    App::new(
        builtin().unwrap_or_else(|e| panic!("{e}")),
        Options::sized(width, height),
    )
}

/// An app whose searches go to the worker, as in the explorer.
fn background_app() -> App {
    let options = Options {
        background_search: true,
        ..Options::sized(80, 24)
    };
    App::new(builtin().unwrap_or_else(|e| panic!("{e}")), options)
}

fn id(app: &App, entity: Option<crate::model::EntityRef>) -> String {
    entity.map_or_else(String::new, |e| app.loaded().dossier.id_of(e).to_string())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
}

#[test]
fn starts_on_the_first_actor() {
    let app = app(80, 24);
    assert_eq!(app.focus, Focus::List(EntityKind::Actor));
    assert_eq!(id(&app, app.shown()), "united-states");
}

#[test]
fn navigation_stays_in_bounds() {
    let mut app = app(80, 24);
    update(&mut app, Action::Up);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 0);
    update(&mut app, Action::Bottom);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 14);
    assert_eq!(id(&app, app.shown()), "nato");
    update(&mut app, Action::Down);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 14);
    update(&mut app, Action::PageUp);
    update(&mut app, Action::PageUp);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 0);
    update(&mut app, Action::HalfPageDown);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 8);
}

#[test]
fn the_selection_stays_on_screen() {
    let mut app = app(80, 12);
    let rows = app.layout().panes.list_rows(EntityKind::Actor);
    assert!(rows > 0 && rows < 15);
    for _ in 0..14 {
        update(&mut app, Action::Down);
        let view = app.list_view(EntityKind::Actor);
        assert!(view.selected >= view.offset && view.selected < view.offset + rows);
    }
}

#[test]
fn panes_cycle_and_number_keys_jump() {
    let mut app = app(80, 24);
    update(&mut app, Action::NextPane);
    assert_eq!(app.focus, Focus::List(EntityKind::Event));
    assert_eq!(id(&app, app.shown()), "moscow-talks");
    update(&mut app, Action::FocusList(EntityKind::Place));
    update(&mut app, Action::NextPane);
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.detail.link, Some(0));
    update(&mut app, Action::Escape);
    assert_eq!(app.focus, Focus::List(EntityKind::Place));
    update(&mut app, Action::PreviousPane);
    assert_eq!(app.focus, Focus::List(EntityKind::StickingPoint));
}

#[test]
fn search_narrows_every_list_and_escape_clears_it() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "pokrovsk");
    assert_eq!(
        app.results().ranked(EntityKind::Event)[0].index,
        app.loaded
            .index
            .get("pokrovsk-claim")
            .map_or(99, |e| e.index)
    );
    // Russia's position mentions Pokrovsk; Ukraine takes a position on Russia's claim to it.
    assert_eq!(app.results().count(EntityKind::Actor), 2);
    assert_eq!(app.focus, Focus::List(EntityKind::Actor));
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "^pokrovsk");
    // No actor's name starts so: the focus moves to the list with the best hit.
    assert!((app.results().count(EntityKind::Actor) == 0));
    assert_eq!(app.focus, Focus::List(EntityKind::Place));
    assert_eq!(id(&app, app.shown()), "pokrovsk");
    let narrowed = app.results().total();
    update(&mut app, Action::DeleteBack);
    assert!(app.results().total() >= narrowed);
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.query.text(), "^pokrovs");
    update(&mut app, Action::Escape);
    assert_eq!(app.query.text(), "");
    assert_eq!(app.results().count(EntityKind::Actor), 15);
}

#[test]
fn a_malformed_query_keeps_the_results_and_shows_a_hint() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "status:held");
    let held = app.results().count(EntityKind::Event);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "kind:");
    assert_eq!(
        app.query.error(),
        Some("kind: needs a value, e.g. kind:event")
    );
    type_text(&mut app, "event");
    assert_eq!(app.query.error(), None);
    assert!((app.results().count(EntityKind::Actor) == 0));
    assert_eq!(app.results().count(EntityKind::Event), 13);
    assert!(held < 13);
    // Nothing searchable is said, as a lone '!' is, not taken for no query.
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "—");
    assert_eq!(
        app.query.error(),
        Some("nothing to search for in “—”: a query needs letters, digits or emoji")
    );
}

#[test]
fn query_history_with_up_and_down() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "donbas");
    update(&mut app, Action::Escape);
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.text(), "donbas");
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.text(), "nato");
    update(&mut app, Action::LaterQuery);
    assert_eq!(app.query.text(), "donbas");
}

#[test]
fn follow_links_then_back_and_forward() {
    let mut app = app(80, 24);
    // Steve Witkoff is the fifth actor.
    for _ in 0..4 {
        update(&mut app, Action::Down);
    }
    assert_eq!(id(&app, app.shown()), "witkoff");
    update(&mut app, Action::Activate);
    assert_eq!(app.focus, Focus::Detail);
    // The first link is "Represents: United States".
    update(&mut app, Action::Activate);
    assert_eq!(id(&app, app.shown()), "united-states");
    assert_eq!(
        app.list_view(EntityKind::Actor).selected,
        0,
        "the list follows"
    );
    // Witkoff's events: Tab to the Moscow talks and follow it.
    update(&mut app, Action::Back);
    assert_eq!(id(&app, app.shown()), "witkoff");
    assert_eq!(app.detail.link, Some(0), "the focused link is restored");
    update(&mut app, Action::NextLink);
    update(&mut app, Action::Activate);
    assert_eq!(id(&app, app.shown()), "moscow-talks");
    assert_eq!(app.last_list, EntityKind::Event);
    update(&mut app, Action::Back);
    update(&mut app, Action::Forward);
    assert_eq!(id(&app, app.shown()), "moscow-talks");
    update(&mut app, Action::Forward);
    assert_eq!(
        app.status.as_deref(),
        Some("Already at the newest page of the history")
    );
}

#[test]
fn following_a_link_hidden_by_the_filter_says_so() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "^steve");
    update(&mut app, Action::FinishSearch);
    assert_eq!(id(&app, app.shown()), "witkoff");
    update(&mut app, Action::Activate);
    update(&mut app, Action::Activate);
    assert_eq!(id(&app, app.shown()), "united-states");
    assert_eq!(
        app.status.as_deref(),
        Some("“United States” is hidden by the search filter; Esc clears it")
    );
}

#[test]
fn help_opens_filters_and_closes() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    type_text(&mut app, "back");
    assert_eq!(app.help().map(|h| h.filter.text.as_str()), Some("back"));
    update(&mut app, Action::Escape);
    assert_eq!(app.mode(), Mode::Browse);
}

#[test]
fn mouse_clicks_and_wheel() {
    let mut app = app(80, 24);
    update(
        &mut app,
        Action::Click(Target::ListRow(EntityKind::Event, 3)),
    );
    assert_eq!(app.focus, Focus::List(EntityKind::Event));
    assert_eq!(app.list_view(EntityKind::Event).selected, 3);
    update(&mut app, Action::Scroll(Target::List(EntityKind::Event), 3));
    assert_eq!(app.list_view(EntityKind::Event).selected, 6);
    update(&mut app, Action::Click(Target::Link(0)));
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.trail.len(), 2);
    update(&mut app, Action::Click(Target::SearchBar));
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn resizing_to_nothing_and_back_keeps_state() {
    let mut app = app(80, 24);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::Resize(0, 0));
    update(&mut app, Action::Resize(40, 12));
    update(&mut app, Action::Down);
    assert_eq!(app.list_view(EntityKind::Actor).selected, 14);
    let rows = app.layout().panes.list_rows(EntityKind::Actor);
    let view = app.list_view(EntityKind::Actor);
    assert!(view.selected < view.offset + rows);
}

#[test]
fn quit() {
    let mut app = app(80, 24);
    update(&mut app, Action::Quit);
    assert!(app.should_quit);
}

/// The searches `update` asked the worker for, taken out of the effects.
fn requests(app: &mut App) -> Vec<crate::search::SearchRequest> {
    std::mem::take(&mut app.effects)
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Search(request) => Some(request),
            _ => None,
        })
        .collect()
}

#[test]
fn background_searches_show_only_the_newest_results() {
    let mut app = background_app();
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "pu");
    let sent = requests(&mut app);
    assert_eq!(sent.len(), 2);
    // Nothing changed yet: the lists still show everything, and the bar says why.
    assert_eq!(app.results().count(EntityKind::Actor), 15);
    assert!(app.query.pending());
    let mut sent = sent.into_iter();
    let (older, newer) = (sent.next().unwrap(), sent.next().unwrap());
    // The newer request's results are shown; the older ones, arriving late, are not.
    update(&mut app, Action::SearchFinished(Box::new(newer.finish())));
    assert!(!app.query.pending());
    assert_eq!(app.query.answered(), "pu");
    let shown = app.results().count(EntityKind::Actor);
    update(&mut app, Action::SearchFinished(Box::new(older.finish())));
    assert_eq!(app.query.answered(), "pu");
    assert_eq!(app.results().count(EntityKind::Actor), shown);
}

#[test]
fn deleting_a_character_reuses_the_earlier_results_without_a_search() {
    let mut app = background_app();
    update(&mut app, Action::StartSearch);
    for c in "put".chars() {
        update(&mut app, Action::Insert(c));
        for request in requests(&mut app) {
            update(&mut app, Action::SearchFinished(Box::new(request.finish())));
        }
    }
    let narrowest = app.results().total();
    update(&mut app, Action::DeleteBack);
    assert!(
        requests(&mut app).is_empty(),
        "no search for a query seen before"
    );
    assert_eq!(app.query.answered(), "pu");
    assert!(app.results().total() >= narrowest);
    update(&mut app, Action::ClearInput);
    assert!(requests(&mut app).is_empty());
    assert_eq!(app.results().count(EntityKind::Actor), 15);
}

#[test]
fn an_export_waits_for_the_search_typed_before_it() {
    let mut app = background_app();
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "pokrovsk");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    update(&mut app, Action::StartExport);
    // The results arrived through the export, not the worker.
    assert!(!app.query.pending());
    let Some(prompt) = app.export_prompt() else {
        panic!("no export prompt")
    };
    let crate::export::Scope::View(view) = &prompt.scope else {
        panic!("not a view export")
    };
    assert_eq!(view.entries.len(), 2);
    assert_eq!(app.query.answered(), "pokrovsk");
}

#[test]
fn after_a_reload_the_detail_still_scrolls_to_its_end() {
    let mut app = background_app();
    update(&mut app, Action::Resize(100, 30));
    for action in [
        Action::FocusList(EntityKind::Event),
        Action::Down,
        Action::Down,
        Action::Down,
        Action::Activate,
        Action::Bottom,
    ] {
        update(&mut app, action);
    }
    let rows = app.layout().panes.detail_inner().0;
    let total = app
        .detail
        .lines_at(app.layout().panes.detail_inner().1)
        .len();
    assert_eq!(app.detail.scroll, total - rows);
    for _ in 0..2 {
        let reloaded = builtin().unwrap_or_else(|e| panic!("{e}"));
        update(&mut app, Action::Reloaded(Reload::prepared(Ok(reloaded))));
    }
    update(&mut app, Action::Bottom);
    let total = app
        .detail
        .lines_at(app.layout().panes.detail_inner().1)
        .len();
    assert_eq!(app.detail.scroll, total - rows, "G reaches the last line");
}
