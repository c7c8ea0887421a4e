//! Whole screens on ratatui's TestBackend, at several sizes and in several states.

use crate::common::{app, draw, screen};
use ratatui::style::{Color, Modifier};
use talks::app::{Action, App, Options, update};
use talks::keymap::Keymap;
use talks::ui::{Screen, Theme};

fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
}

#[test]
fn start_screen_at_three_sizes() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let app = app(width, height);
        insta::assert_snapshot!(format!("start_{width}x{height}"), screen(&app));
    }
}

#[test]
fn searching_at_three_sizes() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = app(width, height);
        search(&mut app, "pokrovsk");
        insta::assert_snapshot!(format!("search_pokrovsk_{width}x{height}"), screen(&app));
    }
}

#[test]
fn malformed_query_hint() {
    let mut app = app(80, 24);
    search(&mut app, "kind:person");
    insta::assert_snapshot!("malformed_query", screen(&app));
}

#[test]
fn detail_focused_after_following_links() {
    let mut app = app(80, 24);
    update(
        &mut app,
        Action::FocusList(talks::model::EntityKind::StickingPoint),
    );
    update(&mut app, Action::Activate);
    update(&mut app, Action::NextLink);
    update(&mut app, Action::NextLink);
    update(&mut app, Action::NextLink);
    update(&mut app, Action::Activate);
    insta::assert_snapshot!("followed_to_russia", screen(&app));
}

#[test]
fn narrow_detail_tab() {
    let mut app = app(40, 12);
    update(&mut app, Action::Down);
    update(&mut app, Action::Activate);
    insta::assert_snapshot!("narrow_detail", screen(&app));
}

#[test]
fn help_overlay_full_and_filtered() {
    let mut app = app(80, 24);
    update(&mut app, Action::ToggleHelp);
    insta::assert_snapshot!("help", screen(&app));
    for c in "link".chars() {
        update(&mut app, Action::Insert(c));
    }
    insta::assert_snapshot!("help_filtered_link", screen(&app));
}

#[test]
fn too_small_and_empty_sizes_do_not_panic() {
    for (width, height) in [(0, 0), (0, 5), (5, 0)] {
        // TestBackend cannot print an empty screen: render into a buffer directly.
        let app = app(width, height);
        let area = ratatui::layout::Rect::new(0, 0, width, height);
        let mut buffer = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(
            &Screen {
                app: &app,
                theme: &Theme::colour(),
                keymap: &Keymap::default(),
            },
            area,
            &mut buffer,
        );
    }
    for (width, height) in [(1, 1), (29, 7), (10, 30), (300, 3), (30, 8)] {
        let app = app(width, height);
        let text = screen(&app);
        if width >= 20 && height >= 3 && (width < 30 || height < 8) {
            assert!(
                text.contains("Terminal too small"),
                "{width}x{height}:\n{text}"
            );
        }
    }
    insta::assert_snapshot!("too_small", screen(&app(29, 7)));
}

#[test]
fn no_color_keeps_the_selection_visible_without_colour() {
    let app = app(80, 24);
    let terminal = draw(&app, &Theme::monochrome());
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, Color::Reset, "no colour at all under NO_COLOR");
        assert_eq!(cell.bg, Color::Reset);
    }
    // Row 3 is the first actor, selected: marker and reverse video.
    let row: String = (1..40)
        .map(|x| buffer[(x, 3)].symbol().to_string())
        .collect();
    assert!(row.starts_with("> United States"), "{row}");
    assert!(buffer[(3, 3)].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!("no_color", terminal.backend().to_string());
}

#[test]
fn control_characters_in_data_are_shown_escaped() {
    let text = "version: 1\ntitle: \"Evil \\e]52;c;aGk=\\a title\"\nsources:\n  - id: s\n    title: S\n    kind: k\nactors:\n  - id: a\n    name: \"Name \\e[31mred\\u202E\"\n    kind: person\n    role: \"\\x9b bell \\a\"\n";
    let loaded = talks::model::load_str("evil.yaml", text).unwrap_or_else(|e| panic!("{e}"));
    let app = App::new(loaded, Options::sized(80, 24));
    let shown = screen(&app);
    assert!(shown.contains("Evil ^[]52;c;aGk=^G title"), "{shown}");
    assert!(shown.contains("Name ^[[31mred<U+202E>"), "{shown}");
    for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
        assert!(!shown.contains(bad));
    }
}

#[test]
fn resize_storm_with_keys_between() {
    let mut app = app(80, 24);
    let sizes = (0..60u16).map(|i| ((i * 37) % 140, (i * 13) % 50));
    for (n, (width, height)) in sizes.enumerate() {
        update(&mut app, Action::Resize(width, height));
        let action = [
            Action::Down,
            Action::NextPane,
            Action::Activate,
            Action::NextLink,
            Action::Back,
        ][n % 5]
            .clone();
        update(&mut app, action);
        let area = ratatui::layout::Rect::new(0, 0, width, height);
        let mut buffer = ratatui::buffer::Buffer::empty(area);
        ratatui::widgets::Widget::render(
            &Screen {
                app: &app,
                theme: &Theme::colour(),
                keymap: &Keymap::default(),
            },
            area,
            &mut buffer,
        );
    }
}

/// `n` in the detail pane: the screen scrolled to the hit, its status, and the hit marked
/// (reversed) while the other hits are only coloured.
#[test]
fn finding_the_query_in_the_detail_pane() {
    let mut app = app(80, 24);
    search(&mut app, "pokrovsk");
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::Activate);
    update(&mut app, Action::FindNext);
    update(&mut app, Action::FindNext);
    insta::assert_snapshot!("find_in_detail_80x24", screen(&app));
    let terminal = draw(&app, &Theme::colour());
    let buffer = terminal.backend().buffer();
    let lit: Vec<(u16, u16, bool)> = (0..24)
        .flat_map(|y| (40..80).map(move |x| (x, y)))
        .filter(|&(x, y)| buffer[(x, y)].fg == Color::Yellow)
        .map(|(x, y)| (x, y, buffer[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect();
    let current = lit.iter().filter(|c| c.2).count();
    assert_eq!(current, "Pokrovsk".len(), "one hit is the current one");
    assert!(lit.len() > current, "the other hits are lit too");
}
