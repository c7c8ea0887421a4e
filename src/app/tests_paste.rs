//! `update` tested without a terminal: a paste is text in whatever input is open, never
//! keys (`alpha⏎*q` pasted submits nothing, stars nothing, quits nothing).

use super::paste::{multi_line, one_line};
use super::test_support::{app, run, type_query};
use super::*;

fn paste(app: &mut App, text: &str) {
    update(app, Action::Paste(text.into()));
}

#[test]
fn pasted_text_loses_its_controls_and_keeps_line_breaks_only_for_notes() {
    assert_eq!(one_line("a\r\nb\rc\nd\te\u{1b}[31m"), "a b c d e [31m");
    assert_eq!(multi_line("a\r\nb\rc\nd\te\u{7f}"), "a\nb\nc\nd e ");
}

#[test]
fn a_paste_while_browsing_opens_the_search_bar_with_it_and_runs_no_key() {
    let mut app = app(80, 24);
    let shown = app.shown();
    paste(&mut app, "alpha\n*q");
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.query().text(), "alpha *q");
    assert_eq!(app.query().input.cursor, 8);
    assert!(!app.should_quit());
    assert!(
        !app.take_effects()
            .iter()
            .any(|e| matches!(e, Effect::SaveNotes { .. })),
        "nothing starred"
    );
    assert!(app.notes.notes.is_empty());
    // An empty paste opens nothing.
    let mut app = super::test_support::app(80, 24);
    paste(&mut app, "");
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(app.shown(), shown);
}

#[test]
fn a_paste_while_browsing_keeps_the_query_it_replaces_in_the_history() {
    let mut app = app(80, 24);
    type_query(&mut app, "nato");
    paste(&mut app, "pokrovsk");
    assert_eq!(app.query().text(), "pokrovsk");
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query().text(), "nato");
}

#[test]
fn a_paste_in_the_search_bar_goes_in_at_the_cursor() {
    let mut app = app(80, 24);
    update(&mut app, Action::StartSearch);
    for c in "ab".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::CursorLeft);
    paste(&mut app, "x\r\ny\t");
    assert_eq!(app.query().text(), "ax y b");
    assert_eq!(app.query().input.cursor, 5);
    assert_eq!(app.mode(), Mode::Search, "the line break submitted nothing");
}

#[test]
fn a_paste_in_the_note_editor_keeps_its_line_breaks() {
    let mut app = app(80, 24);
    update(&mut app, Action::EditNote);
    assert_eq!(app.mode(), Mode::Note);
    paste(&mut app, "first\r\nsecond\n\u{1b}q");
    let text = app.note_editor().map(|e| e.input.text.clone());
    assert_eq!(text.as_deref(), Some("first\nsecond\n q"));
    assert_eq!(app.mode(), Mode::Note, "Esc in a paste closed nothing");
}

#[test]
fn a_paste_in_each_one_line_prompt_is_one_line() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::StartExport, Action::ClearInput]);
    assert_eq!(app.mode(), Mode::Export);
    paste(&mut app, "out\n.txt");
    let typed = app.export_prompt().map(|p| p.input.text.clone());
    assert_eq!(typed.as_deref(), Some("out .txt"));
    assert_eq!(app.mode(), Mode::Export, "nothing written");
    assert!(app.take_effects().is_empty());

    let mut app = super::test_support::app(80, 24);
    run(&mut app, &[Action::OpenInEditor, Action::ClearInput]);
    assert_eq!(app.mode(), Mode::Init);
    paste(&mut app, "mine\n.yaml");
    let typed = app.init_prompt().map(|(input, _)| input.text.clone());
    assert_eq!(typed.as_deref(), Some("mine .yaml"));
    assert!(app.take_effects().is_empty(), "no copy written");

    let mut app = super::test_support::app(80, 24);
    type_query(&mut app, "nato");
    update(&mut app, Action::SaveSearch);
    assert_eq!(app.mode(), Mode::SaveSearch);
    paste(&mut app, "a\nb");
    let typed = app.name_prompt().map(|p| p.input.text.clone());
    assert_eq!(typed.as_deref(), Some("a b"));
    assert_eq!(app.mode(), Mode::SaveSearch);

    let mut app = super::test_support::app(80, 24);
    update(&mut app, Action::ToggleHelp);
    assert_eq!(app.mode(), Mode::Help);
    paste(&mut app, "star\n\u{1b}");
    assert_eq!(app.help().map(|h| h.filter.text.as_str()), Some("star  "));
    assert_eq!(app.mode(), Mode::Help, "Esc in a paste closed nothing");
}

#[test]
fn a_paste_in_the_picker_filters_it_and_elsewhere_does_nothing() {
    let mut app = app(80, 24);
    app.notes.notes.searches.insert("a".into(), "nato".into());
    update(&mut app, Action::OpenSavedSearches);
    assert_eq!(app.mode(), Mode::Searches);
    paste(&mut app, "x\ny");
    let filter = app.search_picker().map(|p| p.filter.text.clone());
    assert_eq!(filter.as_deref(), Some("x y"));

    let mut app = super::test_support::app(80, 24);
    update(&mut app, Action::ToggleOverview);
    assert_eq!(app.mode(), Mode::Overview);
    paste(&mut app, "q");
    assert_eq!(app.mode(), Mode::Overview);
    assert!(!app.should_quit());
}
