//! The detail pane's scroll and link focus through reloads, resizes, paging and `n`,
//! tested without a terminal on the built-in dossier.

use super::test_support::*;
use super::*;
use crate::model::builtin;

/// The first line shown and the lines of the detail, as its title bar counts them.
fn shown_lines(app: &App) -> (usize, usize) {
    let (rows, width) = app.layout().panes.detail_inner();
    let lines = app.detail.lines_at(width).len();
    (app.detail.first_shown(lines, rows), lines)
}

/// The last screenful's first line.
fn end(app: &App) -> usize {
    let lines = shown_lines(app).1;
    lines - app.layout().panes.detail_inner().0
}

/// `2 j Enter G`: the Florida talks' detail (the second event, a long one), scrolled to
/// its end.
fn long_event_at_its_end(app: &mut App) {
    run(
        app,
        &[
            Action::FocusList(EntityKind::Event),
            Action::Down,
            Action::Activate,
            Action::Bottom,
        ],
    );
}

fn reload(app: &mut App) {
    let reloaded = builtin().unwrap_or_else(|e| panic!("{e}"));
    update(app, Action::Reloaded(Reload::prepared(Ok(reloaded))));
}

#[test]
fn a_reload_leaves_the_detail_where_it_was_and_it_scrolls_to_its_end() {
    let mut app = app(80, 24);
    long_event_at_its_end(&mut app);
    let at_end = end(&app);
    assert_eq!(shown_lines(&app).0, at_end);
    reload(&mut app);
    assert_eq!(
        shown_lines(&app).0,
        at_end,
        "still at the end after the reload"
    );
    run(&mut app, &[Action::Top, Action::PageDown]);
    assert!(shown_lines(&app).0 > 0, "PgDn scrolls");
    update(&mut app, Action::Bottom);
    assert_eq!(shown_lines(&app).0, at_end);
    // Every entity, not only the one shown at the reload.
    run(
        &mut app,
        &[
            Action::Escape,
            Action::Down,
            Action::Activate,
            Action::Bottom,
        ],
    );
    assert_eq!(shown_lines(&app).0, end(&app));
}

#[test]
fn a_resize_keeps_the_detail_at_its_end_and_within_its_lines() {
    let mut app = app(120, 40);
    long_event_at_its_end(&mut app);
    assert_eq!(shown_lines(&app).0, end(&app));
    update(&mut app, Action::Resize(80, 24));
    assert_eq!(shown_lines(&app).0, end(&app), "at the end at 80×24 too");
    assert_eq!(
        app.detail.scroll,
        end(&app),
        "the scroll itself, not only as drawn"
    );
    // A narrow screen with a list in front: the hidden detail keeps a scroll it can show.
    update(&mut app, Action::Escape);
    update(&mut app, Action::Resize(60, 12));
    let rows = app.detail_rows();
    let lines = app.detail.screen_lines().len();
    assert!(rows > 0);
    assert!(
        app.detail.scroll <= lines - rows,
        "{} of {lines}",
        app.detail.scroll
    );
}

#[test]
fn scrolling_moves_the_link_focus_onto_a_link_on_screen() {
    let mut app = app(80, 24);
    type_query(&mut app, "nato");
    run(
        &mut app,
        &[
            Action::FocusList(EntityKind::StickingPoint),
            Action::Activate,
        ],
    );
    assert_eq!(app.detail.focused_link(), Some(0));
    update(&mut app, Action::Bottom);
    let rows = app.detail_rows();
    let link = app.detail.focused_link();
    assert_ne!(link, Some(0), "the first link scrolled off");
    assert!(link.is_none_or(|n| app.detail.link_on_screen(n, rows)));
    let target = app.detail.focused_target();
    update(&mut app, Action::Activate);
    match target {
        Some(target) => assert_eq!(app.shown(), Some(target), "Enter follows the link seen"),
        None => assert_eq!(id(&app, app.shown()), "nato-membership"),
    }
}

#[test]
fn enter_never_follows_a_link_off_screen() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[Action::FocusList(EntityKind::Event), Action::Activate],
    );
    let shown = app.shown();
    // Put the focus on the first link, then scroll so that no line of it shows: as a
    // reload or a resize could leave it.
    app.detail.focus_link(Some(0));
    app.detail.scroll = end(&app);
    let rows = app.detail_rows();
    if app.detail.link_on_screen(0, rows) {
        return;
    }
    update(&mut app, Action::Activate);
    assert_eq!(app.shown(), shown, "nothing followed");
    assert!(
        app.status()
            .is_some_and(|s| s.starts_with("No link on screen"))
    );
}

#[test]
fn with_no_link_focused_tab_takes_the_first_link_on_screen() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[Action::FocusList(EntityKind::Event), Action::Activate],
    );
    app.detail.focus_link(None);
    update(&mut app, Action::Bottom);
    update(&mut app, Action::NextLink);
    let rows = app.detail_rows();
    let link = app
        .detail
        .focused_link()
        .unwrap_or_else(|| panic!("no link focused"));
    assert!(app.detail.link_on_screen(link, rows));
    assert!(link > 0, "not back to the top: {link}");
}

#[test]
fn n_in_a_list_on_a_narrow_screen_shows_the_detail_it_moves() {
    let mut app = app(40, 12);
    type_query(&mut app, "pokrovsk");
    update(&mut app, Action::FocusList(EntityKind::Actor));
    assert!(!app.detail_on_screen());
    update(&mut app, Action::FindNext);
    assert_eq!(app.focus, Focus::Detail, "the detail is shown with the hit");
    assert!(app.detail_on_screen());
    let (line, _) = app.detail.current_hit().unwrap_or_else(|| panic!("no hit"));
    let (top, _) = shown_lines(&app);
    assert!((top..top + app.detail_rows()).contains(&line));
}

#[test]
fn ctrl_d_scrolls_the_detail_half_a_page() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[
            Action::FocusList(EntityKind::Event),
            Action::Down,
            Action::Down,
            Action::Down,
            Action::Activate,
        ],
    );
    app.detail.scroll = 0;
    update(&mut app, Action::HalfPageDown);
    assert_eq!(app.detail.scroll, app.detail_rows() / 2);
    update(&mut app, Action::HalfPageUp);
    assert_eq!(app.detail.scroll, 0);
}

#[test]
fn f6_switches_between_the_list_and_the_detail_from_either() {
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = app(width, height);
        run(
            &mut app,
            &[Action::FocusList(EntityKind::Event), Action::Down],
        );
        let shown = app.shown();
        update(&mut app, Action::SwitchPane);
        assert_eq!(app.focus, Focus::Detail);
        assert!(app.detail_on_screen());
        // Tab steps links in the detail; F6 still leaves it, for the list it came from.
        update(&mut app, Action::NextLink);
        update(&mut app, Action::SwitchPane);
        assert_eq!(app.focus, Focus::List(EntityKind::Event));
        assert_eq!(app.shown(), shown, "the detail still shows the entry");
    }
}

/// The first link on screen, if any.
fn first_link_on_screen(app: &App) -> Option<usize> {
    let rows = app.detail_rows();
    (0..app.detail.link_count()).find(|&n| app.detail.link_on_screen(n, rows))
}

#[test]
fn g_after_g_goes_to_the_top_and_focuses_its_first_link() {
    let mut app = app(80, 24);
    let mut checked = 0;
    for kind in EntityKind::LISTED {
        for row in 0..app.results().count(kind) {
            run(&mut app, &[Action::FocusList(kind)]);
            app.select_row(kind, row);
            run(&mut app, &[Action::Activate, Action::Bottom]);
            if app.detail.focused_link().is_none() {
                continue;
            }
            checked += 1;
            update(&mut app, Action::Top);
            assert_eq!(shown_lines(&app).0, 0, "g is the top");
            assert_eq!(app.detail.focused_link(), first_link_on_screen(&app));
            // `gg`: a second `g` at the top changes nothing.
            update(&mut app, Action::Top);
            assert_eq!(shown_lines(&app).0, 0);
            assert_eq!(app.detail.focused_link(), first_link_on_screen(&app));
        }
    }
    assert!(checked > 0);
}

#[test]
fn f6_twice_on_a_narrow_screen_brings_the_detail_back_where_it_was() {
    let mut app = app(40, 12);
    run(
        &mut app,
        &[
            Action::FocusList(EntityKind::Event),
            Action::Down,
            Action::Down,
            Action::Down,
            Action::SwitchPane,
            Action::PageDown,
            Action::PageDown,
            Action::PageDown,
        ],
    );
    let (scroll, link) = (app.detail.scroll, app.detail.focused_link());
    assert!(scroll > 0, "scrolled");
    run(&mut app, &[Action::SwitchPane, Action::SwitchPane]);
    assert_eq!(app.focus, Focus::Detail);
    assert_eq!(app.detail.scroll, scroll, "where it was");
    // The link it had, else the first on screen, so that Enter follows what is shown.
    assert_eq!(
        app.detail.focused_link(),
        link.or_else(|| first_link_on_screen(&app))
    );
}
