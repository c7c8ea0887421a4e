//! One vocabulary on the command line (issue #15): global options before a command,
//! kinds singular or plural, `txt` or `text`, `-d` everywhere, and what is refused.

use crate::common;

/// A global option before the command leaves the command a command (clap's
/// `args_conflicts_with_subcommands` took `validate` for a dossier's file name).
#[test]
fn a_global_option_before_the_command_keeps_the_command() {
    let (code, _, stderr) = common::run(&["--max-size", "10k", "validate", "data/talks.yaml"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("larger than 10 KiB"), "{stderr}");
    let (code, stdout, stderr) = common::run(&["--max-size", "1M", "validate", "data/talks.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("valid: 15 actors"), "{stdout}");
}

#[test]
fn the_explorers_arguments_with_a_command_are_refused_with_a_reason() {
    let (code, _, stderr) = common::run(&["data/talks.yaml", "validate"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("a dossier before the command cannot be used with the command 'validate': give the dossier after it (talks validate FILE)"),
        "{stderr}"
    );
    let (code, _, stderr) = common::run(&["--watch", "list", "actors"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--watch cannot be used with the command 'list' (it is for the explorer)"),
        "{stderr}"
    );
}

/// Issue #15, one vocabulary: singular and plural kinds, `txt` and `text`, `-d` everywhere.
#[test]
fn kinds_formats_and_the_dossier_are_written_the_same_way_everywhere() {
    let listed = |args: &[&str]| {
        let (code, stdout, stderr) = common::run(args);
        assert_eq!(code, 0, "{args:?}: {stderr}");
        stdout
    };
    assert_eq!(listed(&["list", "event"]), listed(&["list", "events"]));
    assert_eq!(
        listed(&["list", "sticking_point"]),
        listed(&["list", "sticking-points"])
    );
    assert_eq!(
        listed(&["search", "moscow", "--kind", "event", "--format", "txt"]),
        listed(&["search", "moscow", "--kind", "events", "--format", "text"])
    );
    let exported = |format: &str| {
        listed(&[
            "export",
            "--view",
            "places",
            "--format",
            format,
            "--no-timestamp",
        ])
    };
    assert_eq!(exported("text"), exported("txt"));
    assert_eq!(exported("markdown"), exported("md"));
    assert!(listed(&["validate", "-d", "data/talks.yaml"]).contains("valid: 15 actors"));
    assert!(
        listed(&["export", "--dossier", "data/talks.yaml", "--view", "places"]).contains("Places")
    );
    assert!(listed(&["--config", "/dev/null", "list", "places"]).contains("donbas"));
}

#[test]
fn an_output_file_whose_extension_disagrees_with_the_format_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("brief.md");
    let path = path.to_str().unwrap();
    let (code, _, stderr) =
        common::run(&["export", "--view", "actors", "--format", "txt", "-o", path]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("brief.md is a .md file by its name but --format txt was given"),
        "{stderr}"
    );
    assert!(!std::path::Path::new(path).exists(), "nothing is written");
}

#[test]
fn a_limit_of_zero_is_refused_and_plain_text_is_not_a_dossier() {
    let (code, _, stderr) = common::run(&["search", "nato", "--limit", "0"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("0 would print nothing; leave --limit out"),
        "{stderr}"
    );
    let (_dir, path) = common::write_temp("letter.txt", b"Dear all,\nthis is a letter.\n");
    let (code, _, stderr) = common::run(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("letter.txt:1:1: error: this is not a dossier: the file is plain text"),
        "{stderr}"
    );
    assert!(!stderr.contains("this is a letter. expected"), "{stderr}");
}
