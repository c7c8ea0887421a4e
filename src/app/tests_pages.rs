//! The pages in the history and the actions on what their cursor is on, tested without a
//! terminal on the built-in dossier.

use super::test_support::*;
use super::*;

/// What `y` asked to copy: (text, name).
fn copied(app: &mut App) -> (String, String) {
    let copies: Vec<(String, String)> = std::mem::take(&mut app.effects)
        .into_iter()
        .filter_map(|effect| match effect {
            Effect::Copy { text, name } => Some((text, name)),
            _ => None,
        })
        .collect();
    assert_eq!(copies.len(), 1, "one copy: {copies:?}");
    copies.into_iter().next().unwrap_or_default()
}

#[test]
fn back_from_a_matrix_cell_returns_to_the_cell_and_back_again_to_the_entity() {
    let mut app = app(120, 40);
    run(&mut app, &[Action::Down, Action::OpenPage(Page::Matrix)]);
    assert_eq!(id(&app, app.shown()), "ukraine");
    run(
        &mut app,
        &[
            Action::Down,
            Action::Down,
            Action::CursorRight,
            Action::CursorRight,
            Action::Activate,
        ],
    );
    assert_eq!(app.page, Page::Browse);
    assert_eq!(id(&app, app.shown()), "nato-membership");
    update(&mut app, Action::Back);
    assert_eq!(app.page, Page::Matrix, "Backspace goes back to the matrix");
    assert_eq!(app.pages.matrix_cursor(), (2, 2), "its cursor on the cell");
    update(&mut app, Action::Back);
    assert_eq!(app.page, Page::Browse);
    assert_eq!(id(&app, app.shown()), "ukraine");
    update(&mut app, Action::Forward);
    assert_eq!(
        (app.page, app.pages.matrix_cursor()),
        (Page::Matrix, (2, 2))
    );
    update(&mut app, Action::Forward);
    assert_eq!(id(&app, app.shown()), "nato-membership");
}

#[test]
fn back_from_a_timeline_event_returns_to_its_row() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[
            Action::OpenPage(Page::Timeline),
            Action::Down,
            Action::Activate,
        ],
    );
    assert_eq!(id(&app, app.shown()), "florida-talks");
    update(&mut app, Action::Back);
    assert_eq!(app.page, Page::Timeline);
    assert_eq!(app.pages.timeline_view().selected, 1);
}

#[test]
fn backspace_works_on_the_sources_page() {
    let mut app = app(80, 24);
    run(&mut app, &[Action::Down, Action::OpenPage(Page::Sources)]);
    update(&mut app, Action::Back);
    assert_eq!(app.page, Page::Browse, "{:?}", app.status());
    assert_eq!(id(&app, app.shown()), "ukraine");
    update(&mut app, Action::Forward);
    assert_eq!(app.page, Page::Sources);
}

#[test]
fn back_and_forward_never_skip_a_page() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[
            Action::OpenPage(Page::Matrix),
            Action::Down,
            Action::OpenPage(Page::Timeline),
            Action::Bottom,
            Action::OpenPage(Page::Sources),
            Action::Escape,
        ],
    );
    assert_eq!(app.page, Page::Browse);
    let mut walked = Vec::new();
    while app.trail.can_go_back() {
        update(&mut app, Action::Back);
        walked.push(app.page);
    }
    assert_eq!(
        walked,
        vec![Page::Sources, Page::Timeline, Page::Matrix, Page::Browse]
    );
    update(&mut app, Action::Forward);
    assert_eq!(app.pages.matrix_cursor(), (1, 0));
    update(&mut app, Action::Forward);
    let last = app.pages.timeline().rows.len() - 1;
    assert_eq!(app.pages.timeline_view().selected, last);
}

#[test]
fn a_page_cursor_finds_what_it_was_on_after_the_query_changed() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[Action::OpenPage(Page::Timeline), Action::Bottom, Action::Up],
    );
    // Trump's assessment: the last event held (the planned third day comes after it).
    let rows = &app.pages.timeline().rows;
    let event = rows.get(rows.len() - 2).map(|r| r.event);
    update(&mut app, Action::Activate);
    type_query(&mut app, "trump");
    update(&mut app, Action::Back);
    assert_eq!(app.page, Page::Timeline);
    let rows = &app.pages.timeline().rows;
    assert!(rows.len() < 13, "the query filters the timeline");
    assert_eq!(
        rows.get(app.pages.timeline_view().selected)
            .map(|r| r.event),
        event
    );
}

#[test]
fn y_on_the_timeline_copies_the_event_under_the_cursor() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[
            Action::OpenPage(Page::Timeline),
            Action::Down,
            Action::CopySelected,
        ],
    );
    let (text, name) = copied(&mut app);
    assert_eq!(name, "US–Ukraine talks in Florida");
    assert!(text.starts_with("US–Ukraine talks in Florida\n"), "{text}");
}

#[test]
fn y_on_the_matrix_copies_the_position_with_its_party_point_and_source() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[
            Action::OpenPage(Page::Matrix),
            Action::Down,
            Action::Down,
            Action::CursorRight,
            Action::CursorRight,
            Action::CopySelected,
        ],
    );
    let (text, name) = copied(&mut app);
    assert_eq!(name, "Russia on Ukraine's NATO membership");
    assert!(
        text.contains("Russia — opposes: Vehemently opposes"),
        "{text}"
    );
    assert!(text.contains("(source: "), "{text}");
}

/// What `y` copies is for a document: its title a plain line, no rule of `=` under it
/// (the text export and `talks show` keep theirs).
#[test]
fn y_copies_titles_as_plain_lines_without_rules() {
    let mut steps: Vec<Vec<Action>> = vec![
        vec![Action::CopySelected],
        vec![Action::OpenPage(Page::Timeline), Action::CopySelected],
        vec![
            Action::OpenPage(Page::Matrix),
            Action::Down,
            Action::CursorRight,
            Action::CopySelected,
        ],
        vec![
            Action::ToggleMark,
            Action::Down,
            Action::ToggleMark,
            Action::CopySelected,
        ],
    ];
    for actions in steps.drain(..) {
        let mut app = app(120, 40);
        run(&mut app, &actions);
        let (text, _) = copied(&mut app);
        assert!(!text.is_empty());
        for line in text.lines() {
            let rule = !line.is_empty() && line.chars().all(|c| c == '=' || c == '-');
            assert!(!rule, "{actions:?} copied a rule: {text}");
        }
    }
}

#[test]
fn y_on_an_empty_matrix_cell_says_why_nothing_is_copied() {
    let mut app = app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    let empty =
        (0..app.pages.matrix.columns.len()).find(|&c| app.pages.matrix.cell(0, c).is_none());
    let Some(column) = empty else {
        return;
    };
    for _ in 0..column {
        update(&mut app, Action::CursorRight);
    }
    update(&mut app, Action::CopySelected);
    assert!(app.effects.is_empty());
    let status = app.status().unwrap_or_default();
    assert!(
        status.starts_with("Nothing to copy: United States holds no recorded position"),
        "{status}"
    );
}

#[test]
fn y_on_the_sources_page_copies_the_source_s_citation() {
    let mut app = app(80, 24);
    run(
        &mut app,
        &[Action::OpenPage(Page::Sources), Action::CopySelected],
    );
    let (text, name) = copied(&mut app);
    let first = &app.loaded().dossier.sources[0];
    assert_eq!(name, format!("Chicago citation of {}", first.title));
    // The report names no author, publisher or date: nothing is made up for them.
    assert_eq!(
        text,
        "“US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks.” News report, n.d.\n"
    );
}

#[test]
fn e_on_a_page_exports_that_page() {
    for (page, name) in [
        (Page::Matrix, "talks-matrix.txt"),
        (Page::Timeline, "talks-timeline.txt"),
        (Page::Sources, "talks-sources.txt"),
    ] {
        let mut app = app(80, 24);
        run(&mut app, &[Action::OpenPage(page), Action::StartExport]);
        let prompt = app.export_prompt().map(|p| p.input.text.clone());
        assert_eq!(prompt.as_deref(), Some(name));
    }
}

#[test]
fn the_sources_page_follows_the_query() {
    let mut app = app(80, 24);
    update(&mut app, Action::OpenPage(Page::Sources));
    let all = app.pages.source_list().rows.clone();
    assert_eq!(all.len(), app.loaded().dossier.sources.len());
    type_query(&mut app, "pokrovsk");
    let some = app.pages.source_list();
    assert!(some.filtered);
    let citing: usize = some.rows.iter().map(|r| r.citing.len()).sum();
    let before: usize = all.iter().map(|r| r.citing.len()).sum();
    assert!(citing > 0 && citing < before, "{citing} of {before}");
    let kept: Vec<usize> = some.rows.iter().map(|r| r.source).collect();
    // Enter opens a source the query keeps.
    update(&mut app, Action::Activate);
    let shown = app.shown().unwrap_or_else(|| panic!("nothing opened"));
    assert_eq!(shown.kind, EntityKind::Source);
    assert!(kept.contains(&shown.index));
}

#[test]
fn clicks_on_the_matrix_act_on_what_is_under_the_pointer() {
    let mut app = app(120, 40);
    update(&mut app, Action::OpenPage(Page::Matrix));
    // A party's name: the first click selects its row, the second opens the party.
    update(&mut app, Action::Click(Target::MatrixCell(1, None)));
    assert_eq!(
        (app.page, app.pages.matrix_cursor()),
        (Page::Matrix, (1, 0))
    );
    update(&mut app, Action::Click(Target::MatrixCell(1, None)));
    assert_eq!(app.page, Page::Browse);
    assert_eq!(id(&app, app.shown()), "ukraine");
    update(&mut app, Action::Back);
    // A cell: the first click moves the cursor, the second opens its position.
    update(&mut app, Action::Click(Target::MatrixCell(2, Some(2))));
    assert_eq!(app.pages.matrix_cursor(), (2, 2));
    update(&mut app, Action::Click(Target::MatrixCell(2, Some(2))));
    assert_eq!(id(&app, app.shown()), "nato-membership");
    let focused = app.detail.focused_target();
    assert_eq!(
        id(&app, focused),
        "russia",
        "the party's position is focused"
    );
}

#[test]
fn enter_on_an_empty_matrix_cell_says_so() {
    let mut app = app(120, 40);
    run(
        &mut app,
        &[Action::OpenPage(Page::Matrix), Action::Activate],
    );
    assert_eq!(app.page, Page::Matrix);
    let status = app.status().unwrap_or_default();
    assert_eq!(
        status,
        "United States holds no recorded position on Territory in Donbas"
    );
}
