//! The configuration file as the explorer uses it.

use crate::pty::Session;

#[test]
fn remapped_keys_work_and_show_in_help() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "theme = \"light\"\n[keys]\nquit = \"x\"\nopen-page-matrix = \"M\"\n",
    )
    .unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 100, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.send(b"?quit");
    // Help's key column is as wide as its widest keys (`q Ctrl-c F10` built in).
    s.wait_for("quit's remapped keys in help", |screen| {
        let text = screen.contents();
        let row = text.lines().find(|l| l.contains("Quit  (quit)"));
        row.is_some_and(|row| row.contains(" x Ctrl-c ") && !row.contains("F10"))
    });
    // Esc alone, then M: sent together they would read as Alt-M.
    s.send(b"\x1b");
    s.wait_for("the help to close", |screen| {
        !screen.contents().contains("Help: keys")
    });
    s.send(b"M");
    s.wait_for_text("Stance matrix");
    s.send(b"q");
    // q is no longer bound: still running. x quits.
    s.send(b"x");
    let status = s.wait_exit();
    assert!(status.success());
    s.assert_restored();
}

#[test]
fn a_bad_config_is_reported_and_the_defaults_are_used() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "theme = \"dark\"\nwatch = yes\n").unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 160, 30, &[]);
    s.wait_for_text("1 Actors 15/15");
    s.wait_for_text("config.toml:2:9: ");
    s.wait_for_text("Problems found at the start (1)");
    s.quit();
    assert!(!dir.path().join("other.toml").exists());
}

/// `talks config check FILE`: exit code, stdout, stderr.
fn check(text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, text).unwrap();
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"))
        .current_dir(dir.path())
        .args(["config", "check", "config.toml"])
        .output()
        .unwrap();
    crate::common::outcome(output)
}

/// `talks config` alone, with `text` as the default config file: it checks that file.
#[test]
fn talks_config_alone_checks_the_default_file() {
    for (text, code) in [("theme = \"light\"\n", 0), ("theme = \"neon\"\n", 2)] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("talks")).unwrap();
        std::fs::write(dir.path().join("talks/config.toml"), text).unwrap();
        let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"))
            .env("XDG_CONFIG_HOME", dir.path())
            .arg("config")
            .output()
            .unwrap();
        let (got, out, err) = crate::common::outcome(output);
        assert_eq!(got, code, "{out}{err}");
        if code == 0 {
            assert!(out.ends_with("talks/config.toml: no problems\n"), "{out}");
        } else {
            assert!(
                err.contains("talks/config.toml:1:9: unknown theme \"neon\""),
                "{err}"
            );
        }
    }
}

#[test]
fn config_check_passes_a_good_file() {
    let (code, out, err) = check("theme = \"light\"\n[keys]\nquit = \"x\"\n");
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "config.toml: no problems\n", "")
    );
}

#[test]
fn config_check_lists_every_problem_one_a_line() {
    let (code, out, err) = check(
        "theme = \"neon\"\nhistory = false\n[colors]\nlink = \"blurple\"\n[keys]\nquit = \"j\"\nfly = \"f\"\n",
    );
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "config.toml:1:9: unknown theme \"neon\": use dark, light or monochrome; using dark\n\
         config.toml:4:8: [colors] link: unknown colour \"blurple\": use a name (red), an index (208) or #rrggbb; keeping the theme's\n\
         config.toml:6:8: [keys] key \"j\" is bound to down and next-link too; keeping the built-in keys of quit\n\
         config.toml:7:1: [keys] unknown action \"fly\"; see the names in parentheses in the help (?)\n\
         \n\
         4 problems in config.toml; the defaults stand in for what each concerns\n"
    );
}

#[test]
fn config_check_reports_a_syntax_error_and_sanitises_the_name() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bad\u{1b}[31mname.toml");
    std::fs::write(&config, "watch = yes\n").unwrap();
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["config", "check"])
        .arg(&config)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("name.toml:1:9: "), "{err}");
    assert!(err.contains("; using the defaults\n"), "{err}");
}

#[test]
fn config_check_without_a_file_is_fine() {
    let dir = tempfile::tempdir().unwrap();
    let output = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"))
        .env("XDG_CONFIG_HOME", dir.path())
        .args(["config", "check"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(
        out.ends_with("talks/config.toml: no config file; talks uses its built-in settings\n"),
        "{out}"
    );
}

#[test]
fn config_problems_are_listed_in_a_panel_and_the_good_remaps_apply() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "theme = \"neon\"\n[keys]\nquit = \"j\"\nopen-page-matrix = \"M\"\n",
    )
    .unwrap();
    let mut s = Session::start(&["--config", config.to_str().unwrap()], 120, 30, &[]);
    s.wait_for_text("Problems found at the start (2)");
    s.wait_for_text("config.toml:1:9: unknown theme \"neon\"");
    s.wait_for_text("config.toml:3:8: [keys] key \"j\" is bound to down and next-link too");
    // Esc only closes the panel.
    s.send(b"\x1b");
    s.wait_for("the panel to close", |screen| {
        !screen.contents().contains("Problems found")
    });
    s.send(b"M");
    s.wait_for_text("Stance matrix");
    s.quit();
}
