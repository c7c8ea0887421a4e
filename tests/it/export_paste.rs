//! Paste-ready text from the explorer (issue #28 item 8): Tab in the export prompt offers
//! plain text a paragraph a line (as `--width 0`) after wrapped text, and says which.

use crate::common::{app, screen};
use talks::app::{Action, App, Effect, Options, Page, update};
use talks::export::Format;

/// What Tab has chosen: the format and whether text is a paragraph a line.
fn chosen(app: &App) -> (Format, bool) {
    let prompt = app.export_prompt().unwrap();
    (prompt.format, prompt.paragraphs)
}

/// The width Enter asks the export to be written at.
fn width_written(app: &mut App) -> usize {
    update(app, Action::ConfirmExport);
    match app.take_effects().pop() {
        Some(Effect::Export { width, .. }) => width,
        other => panic!("expected an export, got {other:?}"),
    }
}

#[test]
fn tab_offers_text_a_paragraph_a_line_after_wrapped_text() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::StartExport);
    assert_eq!(chosen(&app), (Format::Text, false));
    assert!(screen(&app).contains("→ plain text at 80 columns"));
    assert_eq!(width_written(&mut app), 80);
    let mut order = Vec::new();
    for _ in 0..7 {
        update(&mut app, Action::CycleFormat);
        order.push(chosen(&app));
    }
    let expected = [
        (Format::Text, true),
        (Format::Markdown, false),
        (Format::Json, false),
        (Format::Csv, false),
        (Format::Tsv, false),
        (Format::Html, false),
        (Format::Text, false),
    ];
    assert_eq!(order, expected);
    update(&mut app, Action::CycleFormat);
    let shown = screen(&app);
    assert!(
        shown.contains("→ plain text, a paragraph a line"),
        "{shown}"
    );
    insta::assert_snapshot!("prompt_a_paragraph_a_line_80x24", shown);
    assert!(
        shown.contains(".txt   → plain text, a paragraph"),
        "still a text file"
    );
    assert_eq!(width_written(&mut app), 0);
}

/// A paragraph a line is what `--width 0` writes: no line cut.
#[test]
fn a_paragraph_a_line_is_not_cut() {
    let app = app(80, 24);
    let scope = talks::export::Scope::Briefing;
    let longest = |width| {
        let text = app.export_text_at(&scope, (Format::Text, None), false, width);
        text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
    };
    assert!(longest(80) <= 80);
    assert!(longest(0) > 200);
}

/// With `export_width = 0` in the config the prompt starts at a paragraph a line, and the
/// wrapped choice is the default 80 columns.
#[test]
fn a_config_of_width_0_starts_at_a_paragraph_a_line() {
    let options = Options {
        export_width: Some(0),
        ..Options::sized(80, 24)
    };
    let mut app = App::new(talks::model::builtin().unwrap(), options);
    update(&mut app, Action::StartExport);
    assert_eq!(chosen(&app), (Format::Text, true));
    assert!(screen(&app).contains("→ plain text, a paragraph a line"));
    assert_eq!(width_written(&mut app), 0);
    for _ in 0..6 {
        update(&mut app, Action::CycleFormat);
    }
    assert_eq!(chosen(&app), (Format::Text, false));
    assert!(screen(&app).contains("→ plain text at 80 columns"));
    assert_eq!(width_written(&mut app), 80);
}

/// A file name whose extension asks for Markdown writes Markdown, not a paragraph a line.
#[test]
fn the_extension_wins_over_the_paragraph_choice() {
    let mut app = app(100, 30);
    update(&mut app, Action::StartExport);
    update(&mut app, Action::CycleFormat);
    for _ in 0..3 {
        update(&mut app, Action::DeleteBack);
    }
    for c in "md".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert!(screen(&app).contains("→ Markdown"));
    let prompt = app.export_prompt().unwrap();
    assert!(!prompt.paragraphs_written());
}
