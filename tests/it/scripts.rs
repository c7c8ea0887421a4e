//! Every script on screen (issue #27): Arabic, Hebrew, Chinese, Japanese, Thai, Cyrillic
//! and emoji from `tests/fixtures/scripts.yaml`, with no character lost at any width.

use crate::common::screen;
use talks::app::{Action, App, Options, Page, update};
use talks::detail::{detail, screen_lines};
use talks::model::{EntityKind, load_path};

fn scripts(width: u16, height: u16) -> App {
    let loaded = load_path(std::path::Path::new("tests/fixtures/scripts.yaml"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    App::new(loaded, Options::sized(width, height))
}

/// The words of a screen, its borders taken as spaces.
fn words(shown: &str) -> Vec<&str> {
    shown
        .split(|c: char| c.is_whitespace() || "│┌┐└┘─".contains(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Issue #27, item 1: "نقطة خلاف — opposes: pos 0 0 wxy z" wrapped in the detail lost its
/// final `z` at 72×24 (the lam-alef `لا` measured one column, drawn in two).
#[test]
fn an_arabic_detail_line_keeps_every_character_at_every_width() {
    for width in 70..=130 {
        let app = scripts(width, 24);
        let shown = screen(&app);
        let words = words(&shown);
        for word in ["خلاف", "opposes:", "wxy", "z", "[1]"] {
            assert!(words.contains(&word), "{word:?} at {width}×24:\n{shown}");
        }
    }
}

/// Issue #27, item 1: a title holding a lam-alef lost its last character (ratatui measures
/// a block's title as one string).
/// Columns on the grid, counted independently: each grapheme's own width.
fn grid_width(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    use unicode_width::UnicodeWidthStr;
    text.graphemes(true)
        .map(|g| if g.len() == 1 { 1 } else { g.width() })
        .sum()
}

/// Item 1's cause: a detail line measured as one string is one column narrower per
/// lam-alef than the cells it is drawn in, so it overflows its pane by that much.
#[test]
fn every_detail_line_fits_its_width_in_every_script() {
    let loaded = load_path(std::path::Path::new("tests/fixtures/scripts.yaml"))
        .unwrap_or_else(|e| panic!("{e:?}"));
    for kind in EntityKind::LISTED {
        for index in 0..loaded.dossier.count(kind) {
            let entity = talks::model::EntityRef { kind, index };
            let view = detail(&loaded.dossier, &loaded.index, entity);
            for width in 8..=80 {
                for line in screen_lines(&view, width) {
                    let text = line.text();
                    assert!(grid_width(&text) <= width, "{width}: {text:?}");
                }
            }
        }
    }
}

#[test]
fn a_detail_title_with_arabic_keeps_its_end() {
    for width in [72, 80, 120] {
        let mut app = scripts(width, 24);
        update(&mut app, Action::FocusList(EntityKind::StickingPoint));
        let shown = screen(&app);
        let title = shown
            .lines()
            .find(|l| l.contains("نقطة خلاف · "))
            .unwrap_or_else(|| panic!("{shown}"));
        assert!(title.contains("· sticking point ─"), "{width}:\n{shown}");
    }
}

#[test]
fn screens_in_every_script() {
    for (width, height) in [(80, 24), (120, 40), (40, 12), (20, 6)] {
        let mut app = scripts(width, height);
        insta::assert_snapshot!(format!("lists_{width}x{height}"), screen(&app));
        update(&mut app, Action::FocusList(EntityKind::Event));
        update(&mut app, Action::SwitchPane);
        insta::assert_snapshot!(format!("event_{width}x{height}"), screen(&app));
        update(&mut app, Action::OpenPage(Page::Matrix));
        insta::assert_snapshot!(format!("matrix_{width}x{height}"), screen(&app));
    }
}

/// Issue #27, item 6: at 40×12 the matrix's legend showed one line, and `~ inferred`
/// never: now the whole legend of what the grid on screen shows is there.
#[test]
fn the_matrix_legend_shows_whole_at_40x12() {
    for mut app in [scripts(40, 12), crate::common::app(40, 12)] {
        update(&mut app, Action::OpenPage(Page::Matrix));
        let shown = screen(&app);
        let inferred = shown.contains("~ opposes") || shown.contains("~ supports");
        assert!(inferred, "an inferred stance is on screen:\n{shown}");
        for part in ["▲ demands", "✗ opposes", "~ inferred"] {
            assert!(shown.contains(part), "{part:?}:\n{shown}");
        }
    }
}

/// Issue #27, item 6: the note editor showed only the tail of a long line; now it wraps,
/// in every script, and the cursor's row shows.
#[test]
fn the_note_editor_wraps_a_long_line() {
    let mut app = scripts(80, 24);
    update(&mut app, Action::EditNote);
    let words =
        "Start: مفاوضات السلام 北京会谈 👩‍👩‍👧 переговоры שיחות שלום การเจรจา 東京での協議 🇺🇦 👍🏽 end.";
    for c in words.chars() {
        update(&mut app, Action::Insert(c));
    }
    let shown = screen(&app);
    for word in [
        "Start:",
        "مفاوضات",
        "北京会谈",
        "переговоры",
        "שלום",
        "東京での協議",
        "end.",
    ] {
        assert!(shown.contains(word), "{word:?}:\n{shown}");
    }
    // A note of many lines scrolls to keep the cursor's row in view.
    insta::assert_snapshot!("note_editor_80x24", shown);
    for _ in 0..20 {
        update(&mut app, Action::NewLine);
    }
    for c in "the last line".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert!(screen(&app).contains("the last line"), "{}", screen(&app));
}

/// A file name in wide characters is cut in its middle by columns, not characters: its
/// end (the extension) stays in the header.
#[test]
fn a_wide_file_name_keeps_its_end_in_the_header() {
    let text = std::fs::read_to_string("tests/fixtures/scripts.yaml").unwrap_or_default();
    let name = format!("/tmp/{}.yaml", "北京会谈".repeat(8));
    let loaded = talks::model::load_str(&name, &text).unwrap_or_else(|e| panic!("{e:?}"));
    for width in [40, 80, 120] {
        let app = App::new(loaded.clone(), Options::sized(width, 24));
        let shown = screen(&app);
        let header = shown.lines().next().unwrap_or_default();
        assert!(
            header.contains("…") && header.contains(".yaml"),
            "{width}: {header}"
        );
    }
}

/// `talks diff`'s title is underlined as wide as it shows, wide characters and all.
#[test]
fn a_diff_title_in_wide_characters_is_underlined_to_its_width() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string("tests/fixtures/scripts.yaml").unwrap_or_default();
    let (old, new) = (
        dir.path().join("北京会谈.yaml"),
        dir.path().join("東京での協議.yaml"),
    );
    std::fs::write(&old, &text).unwrap_or_else(|e| panic!("{e}"));
    let changed = text.replace("    name: הכנסת\n", "    name: הכנסת ישראל\n");
    std::fs::write(&new, changed).unwrap_or_else(|e| panic!("{e}"));
    let (old, new) = (old.to_string_lossy(), new.to_string_lossy());
    let (_, out, err) = crate::common::run(&["diff", &old, &new]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 2, "{out}{err}");
    assert_eq!(lines[1].len(), talks::text::width(lines[0]), "{out}");
}
