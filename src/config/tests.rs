#![allow(clippy::disallowed_methods)]
use super::*;

#[test]
fn a_tilde_means_the_home_folder() {
    let home = Some(std::ffi::OsString::from("/home/ana"));
    let expand = |p: &str| expand_home(std::path::Path::new(p), home.clone());
    assert_eq!(
        expand("~/notes/talks.yaml"),
        PathBuf::from("/home/ana/notes/talks.yaml")
    );
    assert_eq!(expand("~"), PathBuf::from("/home/ana"));
    assert_eq!(
        expand("~ana/x.yaml"),
        PathBuf::from("~ana/x.yaml"),
        "no other users"
    );
    assert_eq!(expand("notes/~/x.yaml"), PathBuf::from("notes/~/x.yaml"));
    let none = expand_home(std::path::Path::new("~/x.yaml"), None);
    assert_eq!(none, PathBuf::from("~/x.yaml"));
}

fn settings(text: &str) -> Settings {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let mut settings = load(Some(&path), true, false);
    let shown = path.display().to_string();
    for problem in &mut settings.problems {
        *problem = problem.replace(&shown, "config.toml");
    }
    settings
}

#[test]
fn a_good_file_sets_theme_keys_dossier_and_watch() {
    let s = settings(
        "theme = \"light\"\ndossier = \"my.yaml\"\nwatch = true\n[keys]\nquit = [\"x\", \"ctrl-c\"]\n[colors]\naccent = \"#ff8700\"\n",
    );
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(s.dossier, Some(PathBuf::from("my.yaml")));
    assert!(s.watch);
    assert_eq!(
        s.theme.header.fg,
        Some(ratatui::style::Color::Rgb(0xff, 0x87, 0x00))
    );
    let quit = s
        .keymap
        .entries
        .iter()
        .find(|e| e.action == crate::app::Action::Quit);
    assert_eq!(quit.map(|e| e.keys.len()), Some(2));
}

#[test]
fn syntax_errors_have_a_position_and_the_defaults_are_used() {
    let s = settings("theme = \"dark\"\nwatch = yes\n");
    assert_eq!(s.problems.len(), 1);
    assert!(
        s.problems[0].starts_with("config.toml:2:9: "),
        "{:?}",
        s.problems
    );
    assert!(s.problems[0].ends_with("; using the defaults"));
    assert!(!s.watch);
    let s = settings("colour = \"red\"\n");
    assert!(
        s.problems[0].starts_with("config.toml:1:1: unknown field `colour`"),
        "{:?}",
        s.problems
    );
}

#[test]
fn bad_values_are_named_with_their_line_and_column() {
    let s = settings(
        "theme = \"neon\"\n[colors]\nlink = \"blurple\"\nglow = \"red\"\n[keys]\nquit = \"j\"\n",
    );
    assert_eq!(
        s.problems,
        vec![
            "config.toml:1:9: unknown theme \"neon\": use dark, light or monochrome; using dark",
            "config.toml:3:8: [colors] link: unknown colour \"blurple\": use a name (red), an index (208) or #rrggbb; keeping the theme's",
            "config.toml:4:1: [colors] unknown colour role \"glow\": use accent, link, matched, muted, error, border",
            "config.toml:6:8: [keys] key \"j\" is bound to down and next-link too; keeping the built-in keys of quit",
        ]
    );
}

#[test]
fn one_bad_remap_leaves_the_good_ones() {
    let s = settings(
        "[keys]\nfly = \"f\"\nopen-page-matrix = \"M\"\nquit = [\"x\", \"hyper-q\"]\nstart-search = \"ctrl-/\"\n",
    );
    assert_eq!(
        s.problems,
        vec![
            "config.toml:2:1: [keys] unknown action \"fly\"; see the names in parentheses in the help (?)",
            "config.toml:4:8: [keys] unknown key \"hyper-q\": use a character, ctrl-x, alt-x, enter, esc, tab, up, pgdn, f1…; keeping the built-in keys of quit",
            "config.toml:5:16: [keys] unknown key \"ctrl-/\": Ctrl goes with a letter or digit, as in ctrl-d; keeping the built-in keys of start-search",
        ]
    );
    let matrix = s
        .keymap
        .entries
        .iter()
        .find(|e| e.action == crate::app::Action::OpenPage(crate::app::Page::Matrix));
    assert_eq!(
        matrix.map(|e| e.keys.clone()),
        Some(vec![crate::keymap::Key::Plain(
            crossterm::event::KeyCode::Char('M')
        )])
    );
}

#[test]
fn history_is_on_unless_turned_off() {
    assert!(settings("").query_history);
    assert!(!settings("history = false\n").query_history);
}

#[test]
fn a_missing_default_file_is_fine_a_missing_explicit_one_is_not() {
    let missing = Path::new("/no/such/talks/config.toml");
    assert!(load(Some(missing), false, false).problems.is_empty());
    let explicit = load(Some(missing), true, false);
    assert!(
        explicit.problems[0].starts_with("/no/such/talks/config.toml: cannot read the config file")
    );
}

#[test]
fn no_color_wins() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "theme = \"light\"\n").unwrap_or_else(|e| panic!("{e}"));
    assert!(load(Some(&path), true, true).theme.monochrome);
}

#[test]
fn values_of_the_wrong_type_are_problems_of_their_own() {
    let s = settings(
        "theme = 3\n[colors]\nlink = 5\naccent = \"red\"\n[keys]\nquit = 3\nup = [\"k\", 1]\nopen-page-matrix = \"M\"\n",
    );
    assert_eq!(
        s.problems,
        vec![
            "config.toml:1:9: theme: text in quotes is expected, not an integer; using the default",
            "config.toml:3:8: [colors] link: text in quotes is expected, not an integer; using the default",
            "config.toml:6:8: [keys] quit: a key in quotes (\"x\") or a list of them ([\"x\", \"ctrl-x\"]) is expected; keeping the built-in keys of quit",
            "config.toml:7:6: [keys] up: a key in quotes (\"x\") or a list of them ([\"x\", \"ctrl-x\"]) is expected; keeping the built-in keys of up",
        ]
    );
    assert_eq!(
        s.theme.header.fg,
        Some(ratatui::style::Color::Red),
        "the good colour applies"
    );
    let matrix = s
        .keymap
        .entries
        .iter()
        .find(|e| e.action == crate::app::Action::OpenPage(crate::app::Page::Matrix));
    assert_eq!(
        matrix.map(|e| e.keys.clone()),
        Some(vec![crate::keymap::Key::Plain(
            crossterm::event::KeyCode::Char('M')
        )])
    );
}

#[test]
fn a_copy_command_is_split_as_a_shell_would_and_a_bad_one_is_placed() {
    let s = settings("copy_command = \"xclip -selection 'clip board'\"\n");
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert_eq!(
        s.copy_command,
        Some(vec![
            "xclip".into(),
            "-selection".into(),
            "clip board".into()
        ])
    );
    let s = settings("theme = \"dark\"\ncopy_command = \"xclip 'open\"\n");
    assert_eq!(
        s.problems,
        [
            "config.toml:2:16: copy_command: not a command (empty, or a quote left open); copies go through the terminal (OSC 52)"
        ]
    );
    assert_eq!(s.copy_command, None);
    let s = settings("copy_command = 3\n");
    assert!(
        s.problems[0].contains("copy_command: text in quotes is expected"),
        "{:?}",
        s.problems
    );
}

#[test]
fn export_width_sets_the_columns_of_text_exports() {
    assert_eq!(settings("").export_width, 80);
    assert_eq!(settings("export_width = 100\n").export_width, 100);
    assert_eq!(settings("export_width = 0\n").export_width, 0);
    let s = settings("theme = \"dark\"\nexport_width = \"wide\"\n");
    assert_eq!(s.export_width, 80);
    assert_eq!(
        s.problems,
        vec![
            "config.toml:2:16: export_width: a number of columns is expected (80, or 0 for a \
             paragraph a line); using 80"
        ]
    );
    assert_eq!(settings("export_width = -3\n").export_width, 80);
}

#[test]
fn csv_bom_asks_for_a_byte_order_mark() {
    assert!(!settings("").csv_bom);
    assert!(settings("csv_bom = true\n").csv_bom);
    assert!(!settings("csv_bom = false\n").csv_bom);
}

#[test]
fn citation_style_chooses_what_y_copies_of_a_source() {
    use crate::export::CitationStyle::{Apa, Chicago, Mla};
    assert_eq!(settings("").citation_styles, vec![Chicago]);
    assert_eq!(
        settings("citation_style = \"apa\"\n").citation_styles,
        vec![Apa]
    );
    let s = settings("citation_style = [\"mla\", \"Chicago\", \"mla\"]\n");
    assert_eq!(s.citation_styles, vec![Mla, Chicago]);
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    let s = settings("citation_style = \"harvard\"\n");
    assert_eq!(s.citation_styles, vec![Chicago]);
    assert_eq!(
        s.problems,
        vec![
            "config.toml:1:18: citation_style: \"harvard\" is not a style we know: use \
             \"chicago\", \"apa\" or \"mla\", or a list of them ([\"chicago\", \"apa\"]); using \
             chicago"
        ]
    );
    for bad in ["citation_style = 3\n", "citation_style = []\n"] {
        let s = settings(bad);
        assert_eq!(s.citation_styles, vec![Chicago]);
        assert!(
            s.problems[0].contains("citation_style: use \"chicago\", \"apa\" or \"mla\""),
            "{:?}",
            s.problems
        );
    }
}

#[test]
fn hyperlinks_are_on_unless_the_terminal_or_the_file_says_no() {
    assert_eq!(settings("").hyperlinks, Hyperlinks::Auto);
    assert_eq!(
        settings("hyperlinks = \"never\"\n").hyperlinks,
        Hyperlinks::Never
    );
    assert_eq!(
        settings("hyperlinks = \"always\"\n").hyperlinks,
        Hyperlinks::Always
    );
    let s = settings("hyperlinks = \"yes\"\n");
    assert_eq!(s.hyperlinks, Hyperlinks::Auto);
    assert_eq!(
        s.problems,
        vec![
            "config.toml:1:14: hyperlinks: \"yes\" is not a choice: use \"auto\", \"always\" or \
             \"never\"; using auto"
        ]
    );
    let s = settings("hyperlinks = true\n");
    assert!(
        s.problems[0].contains("hyperlinks: a boolean is not a choice"),
        "{:?}",
        s.problems
    );
    for (term, on) in [
        (Some("xterm-256color"), true),
        (Some("tmux-256color"), true),
        (Some("dumb"), false),
        (Some("linux"), false),
        (Some("vt100"), false),
        (None, false),
    ] {
        assert_eq!(Hyperlinks::Auto.on(term), on, "{term:?}");
    }
    assert!(Hyperlinks::Always.on(Some("dumb")));
    assert!(!Hyperlinks::Never.on(Some("xterm")));
}

#[test]
fn the_cache_is_on_and_bounded_unless_the_file_says() {
    let s = settings("");
    assert!(s.cache);
    assert_eq!(s.cache_max, crate::cache::DEFAULT_MAX_TOTAL);
    let s = settings("cache = false\ncache_max = \"500M\"\n");
    assert!(s.problems.is_empty(), "{:?}", s.problems);
    assert!(!s.cache);
    assert_eq!(s.cache_max, 500 << 20);
    let s = settings("cache_max = \"lots\"\n");
    assert_eq!(s.cache_max, crate::cache::DEFAULT_MAX_TOTAL);
    assert_eq!(s.problems.len(), 1, "{:?}", s.problems);
    assert_eq!(
        s.problems[0],
        "config.toml:1:13: cache_max: \"lots\" is not a size: write e.g. 2G, 500M, 64k or a \
         number of bytes; using 2 GiB"
    );
    let s = settings("cache_max = 5\n");
    assert!(
        s.problems[0].ends_with(
            "cache_max: a size is written in quotes, e.g. \"2G\" or \"500M\", not as an integer; \
             using 2 GiB"
        ),
        "{:?}",
        s.problems
    );
}
