//! Helpers shared by the integration tests.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use talks::app::App;
use talks::keymap::Keymap;
use talks::ui::{Screen, Theme};

/// The explorer on the built-in dossier in a `width`×`height` terminal.
pub(crate) fn app(width: u16, height: u16) -> App {
    App::new(
        talks::model::builtin().unwrap_or_else(|e| panic!("{e}")),
        talks::app::Options::sized(width, height),
    )
}

/// Whether this runs on CI (`CI=true`, as `.ci/run` is run), where a skipped test would
/// check nothing.
pub(crate) fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// For a test that cannot run here because `what` is missing: says so on stderr, and
/// under CI fails instead, naming what is missing. The caller returns after it.
pub(crate) fn cannot_run_without(what: &str) {
    assert!(
        !on_ci(),
        "this test needs {what}, and CI=true: on CI a skipped test is a failure"
    );
    eprintln!("skipped: this test needs {what}");
}

/// Whether the tests run as root (CI does).
pub(crate) fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

/// Whether a test can run talks as the user nobody (root, and `setpriv`); where it cannot,
/// says so, or fails under CI.
pub(crate) fn can_act_as_nobody() -> bool {
    let can = is_root() && std::path::Path::new("/usr/bin/setpriv").exists();
    if !can {
        cannot_run_without("root and /usr/bin/setpriv, to act as the user nobody");
    }
    can
}

/// The `talks` binary built for these tests.
pub(crate) fn talks() -> assert_cmd::Command {
    let mut command = assert_cmd::Command::new(env!("CARGO_BIN_EXE_talks"));
    command.env_remove("NO_COLOR");
    // Never the real home's index cache (a test that looks at the cache gives its own).
    command.env(
        "XDG_CACHE_HOME",
        concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-home"),
    );
    command
}

/// The output of `talks ARGS`: exit code, stdout, stderr.
pub(crate) fn run(args: &[&str]) -> (i32, String, String) {
    outcome(talks().args(args).output().unwrap())
}

/// `talks ARGS` with `env` set: exit code, stdout, stderr.
pub(crate) fn run_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    outcome(
        talks()
            .args(args)
            .envs(env.iter().copied())
            .output()
            .unwrap(),
    )
}

/// A finished program's exit code, stdout and stderr.
pub(crate) fn outcome(output: std::process::Output) -> (i32, String, String) {
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The first `weeks` reports of the fictional Marsh River talks, in a folder of their own
/// (`tests/fixtures/marsh-river`).
pub(crate) fn marsh_river(weeks: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "01-first-report.yaml",
        "02-second-report.yaml",
        "03-third-report.yaml",
    ];
    for name in &names[..weeks] {
        std::fs::copy(
            std::path::Path::new("tests/fixtures/marsh-river").join(name),
            dir.path().join(name),
        )
        .unwrap();
    }
    dir
}

/// Writes `bytes` to a file named `name` in a new temporary folder.
pub(crate) fn write_temp(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

/// `talks validate` on a dossier with the given content: exit code and stderr.
pub(crate) fn validate_bytes(bytes: &[u8]) -> (i32, String) {
    let (_dir, path) = write_temp("dossier.yaml", bytes);
    let (code, _out, err) = run(&["validate", path.to_str().unwrap()]);
    (code, err.replace(path.to_str().unwrap(), "FILE"))
}

/// A valid header to build bad dossiers on.
pub(crate) const HEADER: &str =
    "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n";

/// The explorer's whole screen for `app`, drawn with `theme` on a TestBackend of its size.
pub(crate) fn draw(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let (width, height) = app.size();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|frame| {
            let keymap = Keymap::default();
            let screen = Screen {
                app,
                theme,
                keymap: &keymap,
            };
            frame.render_widget(&screen, frame.area())
        })
        .unwrap();
    terminal
}

/// The explorer's whole screen for `app` as text, in the colour theme.
pub(crate) fn screen(app: &App) -> String {
    draw(app, &Theme::colour()).backend().to_string()
}

/// Compares `actual` with `tests/golden/NAME`; `UPDATE_GOLDEN=1` rewrites the file.
pub(crate) fn golden(name: &str, actual: &str) {
    let path = format!("tests/golden/{name}");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{path} differs (UPDATE_GOLDEN=1 rewrites it):\n{actual}"
    );
}

/// [`HEADER`] and `levels` actors, each with an anchored list of `width` aliases to the
/// list before it: an alias bomb inside the dossier's own shape.
pub(crate) fn alias_bomb_in_actors(levels: usize, width: usize) -> String {
    let mut text = format!("{HEADER}actors:\n");
    let lols = vec!["lol"; width].join(", ");
    text.push_str(&format!(
        "  - {{id: a0, name: n, kind: person, aliases: &a0 [{lols}]}}\n"
    ));
    for i in 1..levels {
        let refs = vec![format!("*a{}", i - 1); width].join(", ");
        text.push_str(&format!(
            "  - {{id: a{i}, name: n, kind: person, aliases: &a{i} [{refs}]}}\n"
        ));
    }
    text
}

/// `app`'s `changed:stance` actors exported by `e` and by `talks export DOSSIER --view
/// actors --query changed:stance --since SINCE` (with `env`), compared in every format;
/// the text export is returned.
pub(crate) fn explorer_and_command_export_alike(
    app: &mut App,
    (dossier, since): (&str, &str),
    env: &[(&str, &str)],
) -> String {
    use talks::app::{Action, update};
    use talks::export::Format;
    update(app, Action::StartSearch);
    update(app, Action::ClearInput);
    for c in "changed:stance".chars() {
        update(app, Action::Insert(c));
    }
    update(app, Action::FinishSearch);
    update(app, Action::FocusList(talks::model::EntityKind::Actor));
    let scope = app.export_scope();
    for (format, name) in [
        (Format::Text, "txt"),
        (Format::Markdown, "md"),
        (Format::Json, "json"),
    ] {
        let explorer = app.export_text(&scope, (format, None), false);
        let args = [
            "export",
            dossier,
            "--view",
            "actors",
            "--query",
            "changed:stance",
            "--since",
            since,
            "--no-timestamp",
            "--format",
            name,
            "-o",
            "-",
        ];
        let (code, out, err) = run_env(&args, env);
        assert_eq!(code, 0, "{err}");
        assert_eq!(out, explorer, "{name}");
    }
    app.export_text(&scope, (Format::Text, None), false)
}

/// A copy of the whole Marsh River folder dossier (three reports and its notes) in a
/// folder `marsh` of a new temporary folder.
pub(crate) fn marsh_river_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("marsh");
    std::fs::create_dir(&folder).unwrap();
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/marsh-river");
    for entry in std::fs::read_dir(fixture).unwrap().flatten() {
        std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
    }
    (dir, folder)
}
