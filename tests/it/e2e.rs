//! The real binary in a real pseudo-terminal: type keys, read the screen, check that the
//! terminal is restored on exit.

use crate::pty::Session;

/// The row of the screen that contains `text`.
fn row_with(screen: &vt100::Screen, text: &str) -> Option<u16> {
    let (rows, _) = screen.size();
    (0..rows).find(|&r| screen.contents_between(r, 0, r + 1, 0).contains(text))
}

#[test]
fn find_follow_back_help_quit() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    assert!(s.parser.screen().alternate_screen());

    // Search: the matching event is listed and its matched characters highlighted.
    s.send(b"/pokrovsk");
    s.wait_for_text("2 Events 2/13");
    s.send(b"\r2");
    s.wait_for_text("> Russia claims control of Pokrovsk");
    let screen = s.parser.screen();
    let row = row_with(screen, "> Russia claims control of Pokrovsk").unwrap();
    let line = screen.contents_between(row, 0, row + 1, 0);
    let col = line
        .find("Pokrovsk")
        .map(|byte| line[..byte].chars().count())
        .unwrap() as u16;
    let cell = screen.cell(row, col).unwrap();
    assert!(cell.bold(), "matched characters are bold");
    assert_eq!(cell.fgcolor(), vt100::Color::Idx(3), "and yellow");

    // Open the event's links, follow the first (its place), then go back.
    s.send(b"\r");
    s.wait_for_text("Tab next link");
    s.send(b"\r");
    s.wait_for_text("Pokrovsk · place");
    s.wait_for_text("Part of: Donetsk");
    s.send(b"\x7f");
    s.wait_for_text("Russia claims contro… · event");
    s.wait_for_text("Kind: claim");

    // Help, generated from the keymap, then closed.
    s.send(b"?");
    s.wait_for_text("Help: keys");
    s.wait_for_text("Next entry");
    s.send(b"history");
    s.wait_for_text("Go back in the history");
    s.wait_for("the filter to hide other keys", |screen| {
        !screen.contents().contains("Next entry")
    });
    s.send(b"\x1b");
    s.wait_for("help closed", |screen| {
        !screen.contents().contains("Help: keys")
    });

    let status = s.quit();
    assert!(status.success(), "{status:?}");
}

#[test]
fn mouse_click_selects_and_follows() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    // Click the third actor (row 6 on screen, 1-based SGR coordinates).
    s.send(b"\x1b[<0;5;6M\x1b[<0;5;6m");
    s.wait_for_text("Russia · actor");
    // Wheel down over the list moves three rows.
    s.send(b"\x1b[<65;5;6M");
    s.wait_for_text("Rustem Umerov · actor");
    s.quit();
}

/// A left click at the screen cell where `text` starts (0-based row and column found on
/// screen, sent as 1-based SGR coordinates).
fn click_on(s: &mut Session, text: &str) {
    s.wait_for_text(text);
    let screen = s.parser.screen();
    let row = row_with(screen, text).unwrap_or_else(|| panic!("{text:?} not on screen"));
    let line = screen.contents_between(row, 0, row + 1, 0);
    let column = line
        .find(text)
        .map(|byte| line[..byte].chars().count())
        .unwrap_or_default();
    let (x, y) = (column + 1, row + 1);
    s.send(format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes());
}

#[test]
fn mouse_on_the_pages() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    // The matrix: a click puts the cursor on Russia's Donbas cell, a second opens it.
    s.send(b"m");
    s.wait_for_text("Stance matrix");
    click_on(&mut s, "▲ demands     ·             ✗ opposes");
    s.wait_for_text("Russia demands on Territory in Donbas");
    click_on(&mut s, "▲ demands     ·             ✗ opposes");
    s.wait_for_text("Territory i… · sticking point");
    // The timeline: a click selects an event, a second opens it; the wheel moves on.
    s.send(b"t");
    s.wait_for_text("Timeline: 13 events");
    click_on(&mut s, "#2   ◐ ongoing");
    s.wait_for_text("> #2   ◐ ongoing");
    s.send(b"\x1b[<65;10;7M");
    s.wait_for_text("> #5   ● held");
    click_on(&mut s, "#13  ○ planned");
    s.wait_for_text("> #13  ○ planned");
    click_on(&mut s, "#13  ○ planned");
    s.wait_for_text("Third day of the Flo… · event");
    // The sources page: a click on the source selects it, a second opens its detail.
    s.send(b"s");
    s.wait_for_text("backs 13 events");
    click_on(&mut s, "backs 13 events");
    click_on(&mut s, "backs 13 events");
    s.wait_for_text("Backs 13 events");
    s.quit();
}

#[test]
fn narrow_terminal_and_no_color() {
    let mut s = Session::start(&[], 40, 12, &[("NO_COLOR", "1")]);
    s.wait_for_text(" Act 15│ Ev 13");
    let screen = s.parser.screen();
    let row = row_with(screen, "> United States").unwrap();
    let line = screen.contents_between(row, 0, row + 1, 0);
    let col = line.find("> United").unwrap() as u16;
    let cell = screen.cell(row, col + 2).unwrap();
    assert!(cell.inverse(), "the selection is shown in reverse video");
    assert_eq!(
        cell.fgcolor(),
        vt100::Color::Default,
        "no colour under NO_COLOR"
    );
    s.send(b"\x03");
    s.wait_exit();
    s.assert_restored();
}

#[test]
fn another_dossier_and_a_bad_one() {
    let mut s = Session::start(&["tests/fixtures/minimal.yaml"], 80, 24, &[]);
    s.wait_for_text("A minimal dossier");
    s.wait_for_text("1 Actors 2/2");
    s.quit();

    let mut s = Session::start(&["tests/fixtures/cycles.yaml"], 80, 24, &[]);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 2);
    assert!(
        s.screen_text()
            .contains("2 errors, 4 warnings: the dossier was not loaded"),
        "{}",
        s.screen_text()
    );
    assert!(
        s.screen_text()
            .contains("`part_of` goes round in a circle: x → y → x"),
        "{}",
        s.screen_text()
    );
    s.assert_restored();
}

#[test]
fn export_from_the_explorer_equals_the_cli() {
    let dir = tempfile::tempdir().unwrap();
    let cwd = dir.path().to_str().unwrap();
    let mut s = Session::start_in(cwd, &[], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"/pokrovsk\r2");
    s.wait_for_text("2 Events 2/13");
    s.send(b"e");
    s.wait_for_text("Export this view to: talks-events-pokrovsk.txt");
    s.send(b"\r");
    s.wait_for_text("Exported to ");
    s.quit();
    let written = std::fs::read_to_string(dir.path().join("talks-events-pokrovsk.txt")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args([
            "export",
            "--view",
            "events",
            "--query",
            "pokrovsk",
            "--no-timestamp",
        ])
        .output()
        .unwrap();
    let cli = String::from_utf8(output.stdout).unwrap();
    let without_stamp: String = written
        .lines()
        .filter(|l| !l.starts_with("Exported: "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without_stamp, cli);
}

#[test]
fn y_copies_the_shown_entity_through_osc_52() {
    let mut s = Session::start(&[], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"y");
    s.wait_for_text("lines to your terminal's clipboard; if nothing pastes, set copy_command");
    let raw = String::from_utf8_lossy(&s.raw).into_owned();
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence");
    let payload: String = raw[start + 7..]
        .chars()
        .take_while(|c| *c != '\x07' && *c != '\x1b')
        .collect();
    assert!(payload.len() > 20, "{payload}");
    s.quit();
}

/// Inside tmux (`$TMUX`) `y` loads tmux's paste buffer too (`tmux load-buffer -`, the
/// text on its standard input), and the status says where the text went.
#[test]
fn y_inside_tmux_loads_its_buffer_too() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display();
    let tmux = dir.path().join("tmux");
    let script = format!("#!/bin/sh\necho \"$@\" > '{d}/args'\ncat > '{d}/stdin'\n");
    std::fs::write(&tmux, script).unwrap();
    std::fs::set_permissions(&tmux, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{d}:{}", std::env::var("PATH").unwrap_or_default());
    let env = [
        ("TMUX", "/tmp/tmux-test/default,1,0"),
        ("PATH", path.as_str()),
    ];
    let mut s = Session::start(&[], 120, 30, &env);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"y");
    s.wait_for_text("lines into tmux (prefix ] pastes), also sent to your terminal's clipboard");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("args"), "load-buffer -\n");
    assert!(
        read("stdin").starts_with("United States\n"),
        "{}",
        read("stdin")
    );
    assert!(
        String::from_utf8_lossy(&s.raw).contains("\x1b]52;c;"),
        "OSC 52 as well"
    );
    s.quit();
}

/// Esc and a key sent together (fast typing, a paste, tmux) arrive as one Alt-key: both are
/// read, Esc first.
#[test]
fn esc_then_a_key_sent_together_are_both_read() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"/pokrovsk");
    s.wait_for_text("2 Events 2/13");
    // Esc clears the query and closes the search bar; 2 opens the events.
    s.send(b"\x1b2");
    s.wait_for_text("┌ 2 Events 13/13");
    s.wait_for_text("1 Actors 15/15");
    s.quit();
}

/// `--copy-command` pipes the copy to a command instead, and says so.
#[test]
fn y_with_a_copy_command_pipes_the_text_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("clipboard.txt");
    let command = format!("sh -c 'cat > {}'", file.display());
    let mut s = Session::start(&["--copy-command", &command], 120, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"y");
    s.wait_for_text("lines with sh -c cat >");
    let copied = std::fs::read_to_string(&file).unwrap();
    assert!(copied.starts_with("United States\n"), "{copied}");
    assert!(
        !String::from_utf8_lossy(&s.raw).contains("\x1b]52;"),
        "no OSC 52"
    );
    s.quit();
}

/// A `~` typed in the export prompt is the home folder, as in a shell (issue #15).
#[test]
fn a_tilde_in_the_export_prompt_is_the_home_folder() {
    let home = tempfile::tempdir().unwrap();
    let home_path = home.path().to_str().unwrap();
    // Run elsewhere: without the expansion, a folder named `~` would appear there.
    let cwd = tempfile::tempdir().unwrap();
    let cwd = cwd.path().to_str().unwrap();
    let mut s = Session::start_in(cwd, &[], 100, 30, &[("HOME", home_path)]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"e");
    s.wait_for_text("talks-actors.txt");
    s.send(b"\x15~/brief.md\r");
    s.wait_for_text("Exported to ");
    s.quit();
    let written = std::fs::read_to_string(home.path().join("brief.md")).unwrap();
    assert!(
        written.starts_with("# "),
        "Markdown by its extension: {written}"
    );
}

/// Help scrolls no further than its end, however many keys are pressed: one PgUp after
/// many PgDn moves it back at once (QA: it counted on past the end).
#[test]
fn help_scrolled_past_its_end_comes_back_with_one_key() {
    let mut s = Session::start(&[], 80, 24, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"?");
    s.wait_for_text("Help: keys");
    s.send(&b"\x1b[6~".repeat(30));
    s.wait_for_text("of config.toml.");
    s.send(b"\x1b[5~");
    s.wait_for("help to scroll back from its end", |screen| {
        !screen.contents().contains("of config.toml.")
    });
    s.send(b"\x1b");
    s.wait_for("help to close", |screen| {
        !screen.contents().contains("Help: keys")
    });
    s.quit();
}
