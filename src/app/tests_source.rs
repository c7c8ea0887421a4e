//! `update` tested without a terminal: a source as a kind of its own (Enter on the sources
//! page, the trail, marks, stars, notes and what `e` exports).

use super::test_support::{app, id, run};
use super::*;
use crate::model::EntityRef;
use crate::notes::file::Opened;

fn the_source() -> EntityRef {
    EntityRef::new(EntityKind::Source, 0)
}

/// The built-in dossier's sources page, Enter pressed on its source.
fn source_opened(width: u16, height: u16) -> App {
    let mut app = app(width, height);
    run(
        &mut app,
        &[Action::OpenPage(Page::Sources), Action::Activate],
    );
    app
}

#[test]
fn enter_on_the_sources_page_opens_the_source_and_backspace_returns() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = source_opened(width, height);
        assert_eq!(app.page(), Page::Browse);
        assert_eq!(app.shown(), Some(the_source()));
        assert_eq!(app.focus(), Focus::Detail, "no list holds a source");
        assert_eq!(
            app.last_list(),
            EntityKind::Actor,
            "the lists stay as they were"
        );
        assert!(app.detail_on_screen(), "{width}×{height}");
        update(&mut app, Action::Back);
        assert_eq!(app.page(), Page::Sources);
        update(&mut app, Action::Forward);
        assert_eq!(app.shown(), Some(the_source()));
    }
}

#[test]
fn the_source_detail_links_to_what_it_backs_and_enter_follows_them() {
    let mut app = source_opened(120, 40);
    let links = app.detail().links().to_vec();
    let florida = app.loaded().index.get("florida-talks");
    assert!(links.contains(&florida.unwrap_or_else(|| panic!("no florida-talks"))));
    // The first link is focused: the first event the source backs.
    update(&mut app, Action::Activate);
    let opened = app.shown().unwrap_or_else(|| panic!("nothing opened"));
    assert_eq!(opened, links[0]);
    assert_eq!(opened.kind, EntityKind::Event);
    update(&mut app, Action::Back);
    assert_eq!(app.shown(), Some(the_source()));
}

#[test]
fn space_marks_the_source_on_its_page_and_in_its_detail() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[Action::OpenPage(Page::Sources), Action::ToggleMark],
    );
    assert!(app.marks().contains(the_source()));
    assert_eq!(app.marks().count(EntityKind::Source), 1);
    let status = app.status().unwrap_or_default();
    assert!(status.starts_with("Marked “US & Ukraine Forge"), "{status}");
    // In its detail Space unmarks it; `e` then exports the detail alone.
    run(&mut app, &[Action::Activate, Action::ToggleMark]);
    assert!(app.marks().is_empty());
    assert_eq!(
        app.export_scope(),
        crate::export::Scope::Detail(the_source())
    );
    update(&mut app, Action::ToggleMark);
    let crate::export::Scope::Marked(marked) = app.export_scope() else {
        panic!("the marks are exported");
    };
    assert_eq!(marked, vec![the_source()]);
}

#[test]
fn a_source_is_starred_and_noted_by_its_id() {
    let loaded = crate::model::builtin().unwrap_or_else(|e| panic!("{e}"));
    let opened = Opened {
        path: Some(std::path::PathBuf::from("/tmp/d.notes.yaml")),
        ..Opened::default()
    };
    let options = Options {
        notes: opened,
        ..Options::sized(80, 24)
    };
    let mut app = App::new(loaded, options);
    run(
        &mut app,
        &[Action::OpenPage(Page::Sources), Action::Activate],
    );
    update(&mut app, Action::ToggleStar);
    let source_id = id(&app, Some(the_source()));
    assert_eq!(source_id, "seed-report");
    let saved = app.take_effects().into_iter().rev().find_map(|e| match e {
        Effect::SaveNotes { notes, .. } => Some(notes),
        _ => None,
    });
    let saved = saved.unwrap_or_else(|| panic!("the star was not saved"));
    assert!(saved.is_starred(&source_id));
    assert!(
        saved
            .orphans(&app.loaded().dossier, &app.loaded().index)
            .is_empty()
    );
    // On the sources page `*` stars the source selected: here, unstars it.
    update(&mut app, Action::Back);
    update(&mut app, Action::ToggleStar);
    assert!(app.status().is_some_and(|s| s.starts_with("Unstarred")));
}

/// `y` in a source's detail copies its citation, as on the sources page: not the detail's
/// text (nor the analyst's private note on it).
#[test]
fn y_in_a_source_s_detail_copies_its_citation() {
    let mut app = source_opened(120, 40);
    run(&mut app, &[Action::CopySelected]);
    let copied = app.effects.iter().find_map(|e| match e {
        Effect::Copy { text, name } => Some((text.clone(), name.clone())),
        _ => None,
    });
    let (text, name) = copied.unwrap_or_default();
    assert_eq!(
        text,
        "“US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks.” News report, n.d.\n"
    );
    assert!(name.starts_with("Chicago citation of"), "{name}");
}
