//! What shows when space is short: names cut at their end, the list column's width, the
//! matrix's columns, the header, the hints, help, the overview and the timeline's note.

use crate::common;
use crate::common::{app, screen};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use talks::app::{Action, App, Focus, Mode, Options, Page, Reload, update};
use talks::keymap::Keymap;
use talks::model::{EntityKind, builtin, load_str};
use talks::ui::{Screen, Theme, overlay_scroll_limit};

fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
}

fn screen_with(app: &App, keymap: &Keymap) -> String {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let screen = Screen {
                app,
                theme: &Theme::colour(),
                keymap,
            };
            frame.render_widget(&screen, frame.area())
        })
        .unwrap();
    terminal.backend().to_string()
}

fn line_with<'a>(shown: &'a str, needle: &str) -> &'a str {
    shown
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle:?} in\n{shown}"))
}

const DATED: &str = "version: 1\ntitle: Border talks\nsummary: Alpha wants its border moved.\nsources: [{id: s, title: S, kind: k}]\nevents:\n  - {id: b, title: B, kind: meeting, status: held, order: 2, date: 2025-03}\n  - {id: a, title: A, kind: meeting, status: planned, order: 1, date: '2025'}\n  - {id: c, title: C, kind: meeting, status: planned, order: 3, date: 2025-03-02}\n";

#[test]
fn a_cut_title_keeps_its_start_and_the_match() {
    let mut app = app(80, 24);
    search(&mut app, "pokrovsk");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    let row = line_with(&shown, "Pokrovsk  ");
    assert!(row.contains("│> Russia"), "{shown}");
    let row = line_with(&shown, "│  Ukraine");
    assert!(row.contains("Pokrovsk"), "{shown}");
}

/// Issue #27, item 6: the row's fact ("disputed · order 11") gives way before the name, so
/// the subject's verb is not lost.
#[test]
fn a_cut_title_gets_the_room_before_its_fact() {
    let mut app = app(80, 24);
    search(&mut app, "pokrovsk");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    let row = line_with(&shown, "│  Ukraine");
    assert!(row.contains("Ukraine rejects…claim to Pokrovsk"), "{shown}");
}

#[test]
fn the_list_column_takes_the_width_its_titles_need() {
    let mut app = app(120, 40);
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    assert!(
        shown.contains("Ukraine and its European allies question Moscow's sincerity"),
        "{shown}"
    );
}

#[test]
fn the_name_comes_before_the_why_snippet() {
    let mut app = app(80, 24);
    search(&mut app, "guarantees");
    let shown = screen(&app);
    // Their position speaks of guarantees: the name shows whole beside where.
    let row = line_with(&shown, "Ukraine's European");
    assert!(row.contains("Ukraine's European allies  "), "{shown}");
    assert!(row.contains("guarantees"), "{shown}");
}

#[test]
fn the_order_is_labelled() {
    let mut app = app(120, 40);
    update(&mut app, Action::FocusList(EntityKind::Event));
    let shown = screen(&app);
    assert!(shown.contains("held · order 1"), "{shown}");
    assert!(shown.contains("Order: 1 "), "{shown}");
}

#[test]
fn the_matrix_uses_the_width_and_says_which_columns_show() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let shown = screen(&app);
    assert!(shown.contains("cols 1–4/7"), "{shown}");
    let legend = line_with(&shown, "◐ conditional");
    // The short legend: the long one ("· no position") does not fit beside "~ inferred".
    assert!(legend.contains("· none ~ inferred"), "{shown}");
    assert!(!legend.contains('…'), "{shown}");
    // The four columns share the width: their titles get more of it.
    assert!(
        line_with(&shown, "Territory in").contains("Security"),
        "{shown}"
    );
}

#[test]
fn the_header_names_the_file_and_whether_it_is_watched() {
    let loaded = load_str("/some/where/border-talks.yaml", DATED).unwrap();
    let options = Options {
        watched: true,
        ..Options::sized(80, 24)
    };
    let app = App::new(loaded, options);
    let shown = screen(&app);
    let header = shown.lines().next().unwrap();
    assert!(header.contains("border-talks.yaml (watched)"), "{shown}");
    assert!(!header.contains("/some/where"), "{shown}");
    let narrow = App::new(builtin().unwrap(), Options::sized(40, 12));
    assert!(screen(&narrow).lines().next().unwrap().contains("built in"));
}

#[test]
fn the_overview_shows_the_summary_file_and_sources_on_i() {
    let mut app = app(80, 24);
    assert!(!screen(&app).contains("Overview"));
    update(&mut app, Action::ToggleOverview);
    assert_eq!(app.mode(), Mode::Overview);
    let shown = screen(&app);
    for part in [
        "US and Ukrainian negotiators met in Florida",
        "Built into talks: o writes a copy of it to edit",
        "15 actors · 13 events · 7 sticking points · 7 places · 1 source",
        "[1] US & Ukraine Forge Peace Framework",
    ] {
        assert!(shown.contains(part), "{part} in\n{shown}");
    }
    update(&mut app, Action::Escape);
    assert_eq!(app.mode(), Mode::Browse);
    assert!(
        !shown.contains("o opens"),
        "said only when talks chose the editor"
    );
    let said = "o opens nano (no $VISUAL or $EDITOR set; set $EDITOR to choose another)";
    let options = Options {
        editor_said: Some(said.into()),
        ..Options::sized(120, 40)
    };
    let mut app = App::new(builtin().unwrap(), options);
    update(&mut app, Action::ToggleOverview);
    assert!(screen(&app).contains(said), "{}", screen(&app));
}

#[test]
fn the_hint_bar_keeps_help_and_names_the_pages() {
    let app80 = app(80, 24);
    let status = screen(&app80).lines().last().unwrap().to_string();
    assert!(status.contains("m/t/s pages"), "{status}");
    assert!(status.contains("e export"), "{status}");
    assert!(status.contains("? help"), "{status}");
    let app40 = app(40, 12);
    let status = screen(&app40).lines().last().unwrap().to_string();
    assert!(status.contains("? help"), "{status}");
    assert!(!status.contains('…'), "{status}");
}

#[test]
fn the_hint_bar_shows_remapped_keys() {
    let (_dir, path) = common::write_temp("config.toml", b"[keys]\nquit = \"x\"\n");
    let settings = talks::config::load(Some(&path), true, false);
    let app = app(80, 24);
    let status = screen_with(&app, &settings.keymap)
        .lines()
        .last()
        .unwrap()
        .to_string();
    assert!(status.contains("x quit"), "{status}");
}

#[test]
fn help_wraps_the_search_syntax_at_any_width() {
    for width in [80, 250] {
        let mut app = app(width, 40);
        update(&mut app, Action::ToggleHelp);
        for c in "typos".chars() {
            update(&mut app, Action::Insert(c));
        }
        let shown = screen(&app);
        assert!(shown.contains("never match date:)"), "{shown}");
        assert!(shown.contains("date:>=2025-11"), "{shown}");
        if width == 250 {
            assert!(
                shown.contains("(undated events never match date:)"),
                "{shown}"
            );
        }
    }
}

#[test]
fn help_never_splits_an_action_name() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleHelp);
    // Unfiltered, the key column is wide and the line wraps before the name.
    let shown = screen(&app);
    assert!(shown.contains("(find-previous)"), "{shown}");
}

#[test]
fn help_scrolls_no_further_than_its_end() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleHelp);
    let keymap = Keymap::default();
    let limit = overlay_scroll_limit(&app, &keymap).unwrap();
    assert!(limit > 0);
    update(&mut app, Action::OverlayLimit(limit));
    for _ in 0..50 {
        update(&mut app, Action::PageDown);
    }
    assert_eq!(app.help().map(|h| h.scroll), Some(limit));
    assert!(screen(&app).contains("config.toml."));
    // One step up shows one line more at the top at once.
    update(&mut app, Action::Up);
    assert_eq!(app.help().map(|h| h.scroll), Some(limit - 1));
}

#[test]
fn the_timeline_says_how_undated_events_are_placed() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Timeline));
    let shown = screen(&app);
    assert!(
        shown.contains("Undated events are placed by the dossier's order field"),
        "{shown}"
    );
    let mut dated = App::new(load_str("t.yaml", DATED).unwrap(), Options::sized(80, 24));
    update(&mut dated, Action::OpenPage(Page::Timeline));
    let shown = screen(&dated);
    assert!(!shown.contains("Undated"), "{shown}");
    for when in ["#1 2025 ", "#2 2025-03 ", "#3 2025-03-02"] {
        assert!(shown.contains(when), "{when} in\n{shown}");
    }
}

#[test]
fn narrow_tabs_show_counts() {
    let app = app(40, 12);
    let tabs = screen(&app).lines().nth(2).unwrap().to_string();
    assert!(tabs.contains("Act 15"), "{tabs}");
    assert!(tabs.contains("Detail"), "{tabs}");
}

#[test]
fn the_search_bar_scrolls_to_the_cursor() {
    let mut app = app(40, 12);
    search(&mut app, "territory security guarantees ceasefire");
    let bar = screen(&app).lines().nth(1).unwrap().to_string();
    assert!(bar.contains("ceasefire"), "{bar}");
    assert!(bar.contains('…'), "{bar}");
}

#[test]
fn the_reload_banner_shows_what_failed_first() {
    let mut app = app(80, 24);
    let failed = load_str("t.yaml", "version: 1\ntitle: [\n").unwrap_err();
    update(&mut app, Action::Reloaded(Reload::prepared(Err(failed))));
    let header = screen(&app).lines().next().unwrap().to_string();
    let error = app.reload_error().unwrap().to_string();
    let start: String = error.chars().take(40).collect();
    assert!(header.contains(&start), "{header} / {error}");
    // QA: at 40 columns the file's path took the room; where and what come first now.
    let mut narrow = App::new(builtin().unwrap(), Options::sized(40, 12));
    let failed = load_str(
        "/tmp/qa/a/long/path/d.yaml",
        "version: 9\ntitle: T\nsources: []\n",
    )
    .unwrap_err();
    update(&mut narrow, Action::Reloaded(Reload::prepared(Err(failed))));
    let header = screen(&narrow).lines().next().unwrap().to_string();
    assert!(header.contains("line 1:10: unsupported"), "{header}");
}

#[test]
fn the_overview_is_bound_to_i_and_closes_on_q() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use talks::keymap::action_for;
    let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    let keymap = Keymap::default();
    let list = Focus::List(EntityKind::Actor);
    let browse = action_for(&keymap, Mode::Browse, list, Page::Browse, &key('i'));
    assert_eq!(browse, Some(Action::ToggleOverview));
    for c in ['q', 'i'] {
        let shown = action_for(&keymap, Mode::Overview, list, Page::Browse, &key(c));
        assert_eq!(shown, Some(Action::Escape));
    }
    // In help, letters are the filter's text; Ctrl-U and Ctrl-W edit it.
    for c in ['G', 'g', 'j', 'k'] {
        let typed = action_for(&keymap, Mode::Help, list, Page::Browse, &key(c));
        assert_eq!(typed, Some(Action::Insert(c)));
    }
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    let clear = action_for(&keymap, Mode::Help, list, Page::Browse, &ctrl('u'));
    assert_eq!(clear, Some(Action::ClearInput));
    let word = action_for(&keymap, Mode::Help, list, Page::Browse, &ctrl('w'));
    assert_eq!(word, Some(Action::DeleteWord));
}

#[test]
fn the_help_filter_clears_and_deletes_words() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleHelp);
    for c in "next link".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::DeleteWord);
    assert_eq!(app.help().map(|h| h.filter.text.as_str()), Some("next "));
    update(&mut app, Action::ClearInput);
    assert_eq!(app.help().map(|h| h.filter.text.as_str()), Some(""));
}

/// QA: "Nothing selected: the list is empt" was cut at 80 columns; it wraps.
#[test]
fn the_empty_detail_note_wraps_rather_than_cut() {
    let mut app = app(80, 24);
    search(&mut app, "zzzzqqq");
    let shown = screen(&app);
    assert!(
        shown.contains("Nothing selected: no actors match"),
        "{shown}"
    );
    assert!(shown.contains("Esc clears the search."), "{shown}");
}

/// One of a thing is said in the singular: the header, the overview, the sources page.
#[test]
fn one_of_a_thing_is_singular() {
    let text = "version: 1\ntitle: One of each\nsources: [{id: s, title: S, kind: note}]\nactors: [{id: a, name: A, kind: state, sources: [s]}]\nevents: [{id: e, title: E, kind: meeting, status: held, order: 1, sources: [s]}]\n";
    let loaded = talks::model::load_str("one.yaml", text).unwrap();
    let mut app = talks::app::App::new(loaded, talks::app::Options::sized(120, 40));
    let shown = screen(&app);
    assert!(
        shown.contains("1 actor · 1 event · 0 points · 0 places"),
        "{shown}"
    );
    update(&mut app, Action::ToggleOverview);
    let shown = screen(&app);
    assert!(
        shown.contains("1 actor · 1 event · 0 sticking points · 0 places · 1 source"),
        "{shown}"
    );
    update(&mut app, Action::ToggleOverview);
    update(&mut app, Action::OpenPage(talks::app::Page::Sources));
    let shown = screen(&app);
    assert!(shown.contains("backs 1 event · 1 other entity"), "{shown}");
}
