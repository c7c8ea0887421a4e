//! Empty and odd dossiers: every empty list, page and pane says what is empty and why,
//! and a dossier of events only opens on its events.

use crate::common::screen;
use talks::app::{Action, App, Focus, Options, Page, update};
use talks::model::{EntityKind, load_path};

fn open(fixture: &str, width: u16, height: u16) -> App {
    let path = format!("tests/fixtures/{fixture}");
    let loaded = load_path(std::path::Path::new(&path)).unwrap();
    App::new(loaded, Options::sized(width, height))
}

fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
}

#[test]
fn an_empty_dossier_says_it_has_nothing_yet_not_that_nothing_matches() {
    let mut app = open("empty.yaml", 80, 24);
    let shown = screen(&app);
    assert!(shown.contains("This dossier has no actors yet."), "{shown}");
    assert!(
        shown.contains("Nothing selected: this dossier has no"),
        "{shown}"
    );
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(
        shown.contains("This dossier has no positions yet."),
        "{shown}"
    );
    assert!(!shown.contains("match"), "{shown}");
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(shown.contains("This dossier has no events yet."), "{shown}");
    update(&mut app, Action::OpenPage(Page::Sources));
    let shown = screen(&app);
    assert!(
        shown.contains("backs nothing in the dossier yet"),
        "{shown}"
    );
}

#[test]
fn a_search_that_finds_nothing_names_the_query() {
    let mut app = talks_app(80, 24);
    search(&mut app, "zzzqx");
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(
        shown.contains("No positions match \"zzzqx\". Esc Esc clears the search."),
        "{shown}"
    );
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(
        shown.contains("No events match \"zzzqx\". Esc Esc clears the search."),
        "{shown}"
    );
    update(&mut app, Action::OpenPage(Page::Browse));
    let shown = screen(&app);
    assert!(shown.contains("No actors match \"zzzqx\"."), "{shown}");
}

fn talks_app(width: u16, height: u16) -> App {
    crate::common::app(width, height)
}

#[test]
fn one_event_is_one_event() {
    let mut app = open("events-only.yaml", 80, 24);
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(shown.contains("Timeline: 1 event "), "{shown}");
}

#[test]
fn a_dossier_of_events_only_opens_on_its_events() {
    let app = open("events-only.yaml", 80, 24);
    assert_eq!(app.focus(), Focus::List(EntityKind::Event));
    let shown = screen(&app);
    assert!(shown.contains("A first phone call · event"), "{shown}");
    // The empty lists still say why, at every size.
    for (width, height) in [(120, 40), (40, 12)] {
        let mut app = open("events-only.yaml", width, height);
        update(&mut app, Action::FocusList(EntityKind::Place));
        let shown = screen(&app);
        assert!(shown.contains("This dossier has no places"), "{shown}");
    }
}
