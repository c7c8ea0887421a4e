//! `talks -h` wrapped to the terminal's width (issue #28 item 10): clap's `wrap_help` reads
//! the terminal's size, else `$COLUMNS`, else 100; never wider than 100.

/// `talks ARGS` with `COLUMNS` as given (standard output a pipe, not a terminal).
fn help(args: &[&str], columns: Option<&str>) -> String {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_talks"));
    command.args(args).env_remove("COLUMNS");
    if let Some(columns) = columns {
        command.env("COLUMNS", columns);
    }
    let out = command.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

fn widest(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

#[test]
fn help_is_wrapped_to_the_columns_given() {
    for args in [&["-h"][..], &["--help"], &["export", "-h"]] {
        let text = help(args, Some("50"));
        for line in text.lines().filter(|l| l.chars().count() > 50) {
            // Only a word longer than the room stands out (a path).
            assert!(!line.trim().contains(' '), "{args:?}: {line:?} in\n{text}");
        }
        assert!(widest(&text) > 40, "the room is used");
    }
}

#[test]
fn help_is_100_columns_at_most_and_words_stay_whole() {
    for columns in [None, Some("300")] {
        let text = help(&["-h"], columns);
        assert!(widest(&text) <= 100, "{columns:?}:\n{text}");
        assert!(widest(&text) > 80, "{columns:?}: the room is used");
        let joined = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains("built-in dossier"), "{joined}");
    }
}
