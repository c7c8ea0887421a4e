//! Screens of what a session keeps: results of an earlier query dimmed under a query that
//! cannot be read, and marks.

use crate::common;
use crate::common::{app, draw};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use talks::app::{Action, App, Options, update};
use talks::model::builtin;
use talks::ui::Theme;

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
}

/// The column and row where `text` starts on the screen.
fn find(buffer: &Buffer, text: &str) -> (u16, u16) {
    let area = buffer.area;
    for y in 0..area.height {
        let line: String = (0..area.width)
            .map(|x| buffer[(x, y)].symbol().to_string())
            .collect();
        if let Some(at) = line.find(text) {
            return (line[..at].chars().count() as u16, y);
        }
    }
    panic!("{text:?} is not on the screen");
}

#[test]
fn results_under_a_query_that_cannot_be_read_are_dimmed() {
    let mut app = app(100, 30);
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    for theme in [Theme::colour(), Theme::monochrome()] {
        let terminal = draw(&app, &theme);
        let (x, y) = find(terminal.backend().buffer(), "> NATO");
        let cell = &terminal.backend().buffer()[(x + 2, y)];
        assert!(!cell.modifier.contains(Modifier::DIM));
    }
    type_text(&mut app, " !");
    assert!(app.query().error().is_some());
    for theme in [Theme::colour(), Theme::monochrome()] {
        let terminal = draw(&app, &theme);
        let buffer = terminal.backend().buffer();
        let (x, y) = find(buffer, "> NATO");
        assert!(buffer[(x + 2, y)].modifier.contains(Modifier::DIM));
        find(buffer, "(the lists show \"nato");
    }
}

#[test]
fn marked_rows_show_a_plus_and_the_titles_count_them() {
    let mut app = app(80, 24);
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::Down);
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::Up);
    let terminal = draw(&app, &Theme::monochrome());
    let buffer = terminal.backend().buffer();
    find(buffer, " 1 Actors 15/15 · 2 marked ");
    let (x, _) = find(buffer, "│  United States");
    let (xu, _) = find(buffer, "│ + Ukraine");
    let (xr, _) = find(buffer, "│> Russia");
    let (xk, _) = find(buffer, "│ + The Kremlin");
    assert_eq!([xu, xr, xk], [x; 3]);
    update(&mut app, Action::Down);
    let terminal = draw(&app, &Theme::monochrome());
    find(terminal.backend().buffer(), "│>+ The Kremlin");
    update(&mut app, Action::OpenPage(talks::app::Page::Timeline));
    update(&mut app, Action::ToggleMark);
    let terminal = draw(&app, &Theme::monochrome());
    find(
        terminal.backend().buffer(),
        " Timeline: 13 events · 1 marked ",
    );
    find(terminal.backend().buffer(), "│>+ #1 ");
}

/// QA: at 40×12 the problems panel showed 2 of 6 problems and said nothing of the rest.
#[test]
fn a_problems_panel_too_small_for_all_says_how_many_more_and_where() {
    let notices: Vec<String> = (1..=6)
        .map(|n| format!("config.toml:{n}:1: unknown action \"frobnicate-{n}\""))
        .collect();
    let options = Options {
        notices: notices.clone(),
        config_problems: true,
        ..Options::sized(40, 12)
    };
    let app = App::new(builtin().unwrap(), options);
    let screen = common::screen(&app);
    assert!(screen.contains("more: `talks config check`"), "{screen}");
    // Problems that are not the config file's do not send the reader to its check.
    let others = Options {
        notices,
        ..Options::sized(40, 12)
    };
    let screen = common::screen(&App::new(builtin().unwrap(), others));
    assert!(screen.contains("more"), "{screen}");
    assert!(!screen.contains("config check"), "{screen}");
    let wide = App::new(
        builtin().unwrap(),
        Options {
            notices: vec!["config.toml:1:1: one problem".into()],
            ..Options::sized(120, 40)
        },
    );
    assert!(!common::screen(&wide).contains("more: `talks"));
}

/// A status longer than the screen is wide is read whole: wrapped over the rows above the
/// status bar, at every size, and gone with the next key.
#[test]
fn a_long_status_is_wrapped_not_cut() {
    let why = "/home/analyst/.local/state/talks/seen/builtin.yaml could not be written: \
               permission denied (os error 13)";
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app(width, height);
        update(&mut app, Action::CaughtUp(Err(why.into())));
        let shown = common::screen(&app);
        let said = shown
            .lines()
            .skip(2)
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        assert!(said.contains("(nothing changed; C tries again)"), "{shown}");
        assert!(said.contains("permission denied (os error 13)"), "{shown}");
        insta::assert_snapshot!(format!("long_status_{width}x{height}"), shown);
        update(&mut app, Action::Down);
        assert!(!common::screen(&app).contains("C tries again"));
    }
}

/// The prompt for an editable copy of the built-in dossier (`o`, `v`) keeps its keys in
/// the bar at every size: the words give way first.
#[test]
fn the_copy_prompt_keeps_its_keys_at_every_size() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app(width, height);
        update(&mut app, Action::OpenInEditor);
        let shown = common::screen(&app);
        let bar = shown.lines().last().unwrap_or_default();
        assert!(bar.contains("Esc cancel"), "{width}: {bar}");
        assert!(bar.contains("talks.yaml"), "{width}: {bar}");
    }
}
