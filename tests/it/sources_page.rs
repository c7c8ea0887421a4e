//! The sources page: what each source backs, the query's filter, citations copied with `y`
//! and addresses shortened and drawn as terminal hyperlinks (issue #29).

use crate::common::{draw, screen};
use crate::pty::Session;
use talks::app::{Action, App, Options, Page, update};
use talks::ui::Theme;

const FIXTURE: &str = "tests/fixtures/sources.yaml";

fn fixture_app(width: u16, height: u16, hyperlinks: bool) -> App {
    let loaded = talks::model::load_path(std::path::Path::new(FIXTURE)).unwrap();
    let options = Options {
        hyperlinks,
        ..Options::sized(width, height)
    };
    let mut app = App::new(loaded, options);
    update(&mut app, Action::OpenPage(Page::Sources));
    app
}

fn search(app: &mut App, query: &str) {
    update(app, Action::StartSearch);
    for c in query.chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
}

#[test]
fn sources_page_screens() {
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = crate::common::app(width, height);
        update(&mut app, Action::OpenPage(Page::Sources));
        insta::assert_snapshot!(format!("builtin_{width}x{height}"), screen(&app));
        let app = fixture_app(width, height, false);
        insta::assert_snapshot!(format!("fixture_{width}x{height}"), screen(&app));
    }
}

#[test]
fn a_source_the_query_names_is_kept_and_its_counts_say_of() {
    let mut app = fixture_app(80, 24, false);
    search(&mut app, "gazette");
    let shown = screen(&app);
    assert!(shown.contains("Sources: 1 of 3"), "{shown}");
    assert!(shown.contains("> Ceasefire holds in the north"), "{shown}");
    // Found itself, it shows all it backs: the query left none of it out.
    assert!(
        shown.contains("backs 1 event · 1 position · 3 other entities"),
        "{shown}"
    );
    // What the results cite is kept too, counted among them.
    let mut app = fixture_app(80, 24, false);
    search(&mut app, "truce");
    let shown = screen(&app);
    assert!(shown.contains("Sources: 1 of 3"), "{shown}");
    assert!(
        shown.contains("backs 1 of 1 event · 0 of 1 position"),
        "{shown}"
    );
    assert!(shown.contains("    Event: A truce in the north"), "{shown}");
    let mut app = fixture_app(80, 24, false);
    search(&mut app, "nothing-like-this");
    let shown = screen(&app);
    assert!(
        shown.contains("No source is named by \"nothing-like-this\" or cited by what it finds."),
        "{shown}"
    );
}

#[test]
fn a_long_address_keeps_its_host_and_its_end() {
    let app = fixture_app(80, 24, false);
    let shown = screen(&app);
    assert!(
        shown.contains("2025-12-03 · www.example.org/…thout-a-deal.html"),
        "{shown}"
    );
    assert!(
        shown.contains("2025-11 · https://gazette.example.com/north"),
        "{shown}"
    );
}

/// The cells of a web address carry exactly one OSC 8 sequence, in the first cell, with
/// the text shown; `hyperlinks = never` draws none.
#[test]
fn hyperlinks_are_osc_8_sequences_in_the_first_cell_of_the_address() {
    let links = |app: &App| -> Vec<String> {
        let terminal = draw(app, &Theme::colour());
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .iter()
            .map(|cell| cell.symbol().to_string())
            .filter(|symbol| symbol.contains('\x1b'))
            .collect()
    };
    let app = fixture_app(80, 24, true);
    assert_eq!(
        links(&app),
        vec![
            "\x1b]8;;https://www.example.org/world/europe/2025/12/03/talks-end-without-a-deal.html\
             \x1b\\www.example.org/…thout-a-deal.html\x1b]8;;\x1b\\"
                .to_string(),
            "\x1b]8;;https://gazette.example.com/north\x1b\\https://gazette.example.com/north\
             \x1b]8;;\x1b\\"
                .to_string(),
        ]
    );
    assert!(links(&fixture_app(80, 24, false)).is_empty());
    // The rest of the screen is as without links.
    let plain = screen(&fixture_app(80, 24, false));
    let linked = screen(&fixture_app(80, 24, true));
    let rows = |s: &str| -> Vec<String> {
        let others = s.lines().filter(|l| !l.contains("example"));
        others.map(str::to_string).collect()
    };
    assert_eq!(rows(&plain), rows(&linked));
}

/// A web address not made safe would reach the terminal raw: its controls and spaces are
/// percent-encoded in the link, and a `javascript:` address is no link.
#[test]
fn a_hostile_address_reaches_the_terminal_encoded_or_not_at_all() {
    let text = "version: 1\ntitle: T\nsources:\n  - id: a\n    title: A\n    kind: note\n    url: \"https://x.example/a b\\e]52;c;aGk=\\a\"\n  - id: b\n    title: B\n    kind: note\n    url: \"javascript:alert(1)\"\nactors:\n  - {id: p, name: P, kind: person, sources: [a, b]}\n";
    let loaded = talks::model::load_str("h.yaml", text).unwrap();
    let options = Options {
        hyperlinks: true,
        ..Options::sized(100, 30)
    };
    let mut app = App::new(loaded, options);
    update(&mut app, Action::OpenPage(Page::Sources));
    let terminal = draw(&app, &Theme::colour());
    let symbols: Vec<String> = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .filter(|s| s.contains('\x1b'))
        .collect();
    assert_eq!(symbols.len(), 1, "{symbols:?}");
    let link = &symbols[0];
    assert!(
        link.starts_with("\x1b]8;;https://x.example/a%20b%1B]52;c;aGk=%07\x1b\\"),
        "{link:?}"
    );
    // Only the link's own four escapes: none from the dossier.
    assert_eq!(link.matches('\x1b').count(), 4, "{link:?}");
}

/// `y` on a source copies its citation (Chicago unless the config says): the built-in
/// report names no author, publisher or date, and the citation makes none up.
#[test]
fn y_on_a_source_copies_its_citation() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clipboard.txt");
    let command = format!("sh -c 'cat > {}'", file.display());
    let mut s = Session::start(&["--copy-command", &command], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"s");
    s.wait_for_text("backs 13 events");
    s.send(b"y");
    s.wait_for_text("Copied 1 line with sh -c cat >");
    let copied = std::fs::read_to_string(&file).unwrap();
    assert_eq!(
        copied,
        "“US & Ukraine Forge Peace Framework Amid Stalled Moscow Talks.” News report, n.d.\n"
    );
    s.quit();
}

/// With `hyperlinks = "always"` the terminal receives the OSC 8 sequence of a source's
/// address; with `citation_style = "apa"`, `y` copies an APA reference.
#[test]
fn the_terminal_receives_hyperlinks_and_the_config_chooses_the_style() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    let clipboard = dir.path().join("clipboard.txt");
    let command = format!("sh -c 'cat > {}'", clipboard.display());
    std::fs::write(
        &config,
        "hyperlinks = \"always\"\ncitation_style = \"apa\"\n",
    )
    .unwrap();
    let args = [
        "--config",
        config.to_str().unwrap(),
        "--copy-command",
        &command,
        FIXTURE,
    ];
    let mut s = Session::start(&args, 100, 30, &[("TERM", "dumb")]);
    s.wait_for_text("1 Actors 3/3");
    s.send(b"s");
    s.wait_for_text("gazette.example.com/north");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    assert!(
        raw.contains(
            "\x1b]8;;https://gazette.example.com/north\x1b\\https://gazette.example.com/north\x1b]8;;\x1b\\"
        ),
        "no OSC 8 link in the output"
    );
    s.send(b"y");
    s.wait_for_text("Copied 1 line with sh -c cat >");
    let copied = std::fs::read_to_string(&clipboard).unwrap();
    assert_eq!(
        copied,
        "Talks end without a deal [News report]. (2025, December 3). Example Wire. \
         https://www.example.org/world/europe/2025/12/03/talks-end-without-a-deal.html\n"
    );
    s.quit();
}

/// The overview (`i`) wraps an address only after a `/`, and each of its lines links to
/// the whole address.
#[test]
fn the_overview_wraps_an_address_at_its_slashes_and_links_each_line() {
    let mut app = fixture_app(60, 30, true);
    update(&mut app, Action::ToggleOverview);
    let terminal = draw(&app, &Theme::colour());
    let buffer = terminal.backend().buffer();
    let links: Vec<String> = buffer
        .content()
        .iter()
        .map(|c| c.symbol().to_string())
        .filter(|s| s.contains('\x1b'))
        .collect();
    let long = "https://www.example.org/world/europe/2025/12/03/talks-end-without-a-deal.html";
    let link = |url: &str, text: &str| format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\");
    assert_eq!(
        links,
        vec![
            link(long, "https://www.example.org/world/europe/2025/12/03/"),
            link(long, "talks-end-without-a-deal.html"),
            link(
                "https://gazette.example.com/north",
                "https://gazette.example.com/north"
            ),
        ]
    );
    let mut app = fixture_app(60, 30, false);
    update(&mut app, Action::ToggleOverview);
    let shown = screen(&app);
    assert!(
        shown.contains("    https://www.example.org/world/europe/2025/12/03/  "),
        "{shown}"
    );
    assert!(
        shown.contains("    talks-end-without-a-deal.html "),
        "{shown}"
    );
}

/// A source marked, starred and noted on its page says so before its title, as an entry
/// of a list does.
#[test]
fn a_source_s_marks_show_on_its_page() {
    let mut app = fixture_app(80, 24, false);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::ToggleStar);
    let shown = screen(&app);
    assert!(shown.contains("│>+★ Talks end without a deal "), "{shown}");
}

/// A source's detail draws its address as a hyperlink too: each line of it, wrapped at
/// its slashes, links to the whole address; with hyperlinks off, none does.
#[test]
fn a_source_s_detail_links_its_address() {
    let links = |app: &App| -> Vec<String> {
        let terminal = draw(app, &Theme::colour());
        let buffer = terminal.backend().buffer();
        buffer
            .content()
            .iter()
            .map(|cell| cell.symbol().to_string())
            .filter(|symbol| symbol.contains('\x1b'))
            .collect()
    };
    let url = "https://www.example.org/world/europe/2025/12/03/talks-end-without-a-deal.html";
    for (width, height) in [(80, 24), (120, 40), (40, 12)] {
        let mut app = fixture_app(width, height, true);
        update(&mut app, Action::Activate);
        let shown = screen(&app);
        assert!(shown.contains("URL: "), "{shown}");
        let found = links(&app);
        assert!(!found.is_empty(), "{width}x{height}: {shown}");
        for link in &found {
            let target = format!("\x1b]8;;{url}\x1b\\");
            assert!(link.starts_with(&target), "{link:?}");
        }
        let pieces: String = found
            .iter()
            .map(|l| {
                l.split('\\')
                    .nth(1)
                    .unwrap_or("")
                    .trim_end_matches("\x1b]8;;\x1b")
            })
            .collect();
        // The pieces on screen make the address (its start, where the pane is short).
        if height >= 24 {
            assert_eq!(pieces, url, "{width}x{height}");
        } else {
            assert!(url.starts_with(&pieces), "{width}x{height}: {pieces}");
        }
        let mut app = fixture_app(width, height, false);
        update(&mut app, Action::Activate);
        assert!(links(&app).is_empty());
    }
}
