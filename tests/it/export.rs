//! Exports: golden files, JSON read back, the explorer and the CLI writing the same bytes,
//! overwrite refusal, errors, and control characters never written raw.

use crate::common;
use crate::common::{golden, run, talks};
use talks::app::{Action, App, Effect, Mode, Options, update};
use talks::export::{Format, Scope, render};
use talks::model::{EntityKind, builtin};

const STAMP: &str = "2026-01-01T00:00:00Z";

/// The explorer after `/pokrovsk`, Enter, `2`: the events that match, the first shown.
fn explorer_on_pokrovsk() -> App {
    let mut app = App::new(builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::StartSearch);
    for c in "pokrovsk".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::FinishSearch);
    update(&mut app, Action::FocusList(EntityKind::Event));
    app
}

/// What `e`, then Enter, asks the event loop to write.
fn export_effect(app: &mut App, format: Format) -> (std::path::PathBuf, Format, Scope) {
    update(app, Action::StartExport);
    assert_eq!(app.mode(), Mode::Export);
    while app.export_prompt().unwrap().format != format {
        update(app, Action::CycleFormat);
    }
    update(app, Action::ConfirmExport);
    match app.take_effects().pop() {
        Some(Effect::Export {
            path,
            format,
            scope,
            overwrite: false,
            notes: false,
            ..
        }) => (path, format, scope),
        other => panic!("expected an export, got {other:?}"),
    }
}

#[test]
fn golden_view_exports_in_each_format() {
    for format in Format::ALL {
        let mut app = explorer_on_pokrovsk();
        let (path, format, scope) = export_effect(&mut app, format);
        assert_eq!(
            path.to_str().unwrap(),
            format!("talks-events-pokrovsk.{}", format.extension())
        );
        let text = render(app.loaded(), &scope, Some(STAMP), format);
        golden(
            &format!("view-events-pokrovsk.{}", format.extension()),
            &text,
        );
    }
}

#[test]
fn golden_briefings_in_each_format() {
    let loaded = builtin().unwrap();
    for format in Format::DOCUMENTS {
        let text = render(&loaded, &Scope::Briefing, Some(STAMP), format);
        golden(&format!("briefing.{}", format.extension()), &text);
    }
}

#[test]
fn the_explorer_and_the_cli_write_the_same_bytes() {
    for (format, flag) in [
        (Format::Text, "txt"),
        (Format::Markdown, "md"),
        (Format::Json, "json"),
        (Format::Csv, "csv"),
        (Format::Tsv, "tsv"),
        (Format::Html, "html"),
    ] {
        let mut app = explorer_on_pokrovsk();
        let (_, format, scope) = export_effect(&mut app, format);
        let explorer = render(app.loaded(), &scope, None, format);
        let (code, cli, err) = run(&[
            "export",
            "--view",
            "events",
            "--query",
            "pokrovsk",
            "--format",
            flag,
            "--no-timestamp",
        ]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(explorer, cli, "{flag}");
    }
    // A followed link: the detail shown is what --select names.
    let mut app = explorer_on_pokrovsk();
    update(&mut app, Action::Activate);
    update(&mut app, Action::Activate);
    let (_, format, scope) = export_effect(&mut app, Format::Text);
    let explorer = render(app.loaded(), &scope, None, format);
    let (_, cli, _) = run(&[
        "export",
        "--view",
        "places",
        "--query",
        "pokrovsk",
        "--select",
        "pokrovsk",
        "--no-timestamp",
    ]);
    assert_eq!(explorer, cli);
}

#[test]
fn json_export_reads_back_and_every_id_resolves() {
    let loaded = builtin().unwrap();
    let (code, out, _) = run(&[
        "export",
        "--view",
        "actors",
        "--query",
        "actor:russia",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(value["view"]["list"], "actors");
    assert_eq!(value["view"]["query"], "actor:russia");
    assert!(value["exported_at"].as_str().unwrap().ends_with('Z'));
    let entries = value["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    for entry in entries {
        assert!(
            loaded.index.get(entry["id"].as_str().unwrap()).is_some(),
            "{entry}"
        );
    }
    for link in value["selected"]["links"].as_array().unwrap() {
        assert!(
            loaded.index.get(link["id"].as_str().unwrap()).is_some(),
            "{link}"
        );
    }
    let (_, out, _) = run(&["export", "--all", "--format", "json"]);
    let briefing: serde_json::Value = serde_json::from_str(&out).unwrap();
    for stance in briefing["stances"].as_array().unwrap() {
        assert!(
            loaded
                .index
                .sticking_point(stance["sticking_point"].as_str().unwrap())
                .is_some()
        );
        assert!(
            loaded
                .index
                .actor(stance["actor"].as_str().unwrap())
                .is_some()
        );
    }
    assert_eq!(briefing["events"].as_array().unwrap().len(), 13);
}

#[test]
fn the_cli_refuses_to_overwrite_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brief.md");
    let file_arg = file.to_str().unwrap();
    let (code, out, err) = run(&["export", "--view", "events", "-o", file_arg]);
    assert_eq!(code, 0, "{err}");
    assert!(out.is_empty(), "nothing on stdout when writing a file");
    assert!(err.starts_with("Wrote ") && err.contains(file_arg), "{err}");
    let first = std::fs::read_to_string(&file).unwrap();
    assert!(
        first.starts_with("# US–Ukraine"),
        "the .md extension picks Markdown"
    );
    let (code, _, err) = run(&["export", "--view", "actors", "-o", file_arg]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!("talks: {file_arg} already exists; use --force to overwrite it\n")
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        first,
        "the file is untouched"
    );
    let (code, _, _) = run(&["export", "--view", "actors", "-o", file_arg, "--force"]);
    assert_eq!(code, 0);
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("List:** Actors")
    );
}

#[test]
fn write_errors_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere/out.txt");
    let (code, _, err) = run(&[
        "export",
        "--view",
        "events",
        "-o",
        missing.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "talks: the folder {} does not exist\n",
            dir.path().join("nowhere").display()
        )
    );
    let (code, _, err) = run(&[
        "export",
        "--view",
        "events",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        format!(
            "talks: {} is a folder; give a file name\n",
            dir.path().display()
        )
    );
    let (code, _, err) = run(&["export", "--view", "events", "--select", "nobody"]);
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "talks: no entity with the id \"nobody\" in data/talks.yaml (built in)\n"
    );
    let (code, _, err) = run(&["export", "--view", "events", "--query", "kind:"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: cannot read the query: kind: needs a value, e.g. kind:event\n"
    );
    let (code, _, err) = run(&["export"]);
    assert_eq!(code, 2);
    assert!(err.contains("--view"), "{err}");
}

#[test]
fn the_explorer_reports_a_failed_write_and_keeps_its_state() {
    let mut app = explorer_on_pokrovsk();
    let before = (
        app.query().text().to_string(),
        app.shown(),
        app.results().total(),
    );
    update(&mut app, Action::StartExport);
    update(&mut app, Action::ClearInput);
    for c in "/no/such/folder/x.md".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::ConfirmExport);
    let Some(Effect::Export {
        path,
        format,
        scope,
        overwrite,
        ..
    }) = app.take_effects().pop()
    else {
        panic!()
    };
    assert_eq!(format, Format::Markdown, "the extension picks the format");
    let text = render(app.loaded(), &scope, None, format);
    let outcome = talks::fsio::write_out(&path, text.as_bytes(), overwrite);
    update(&mut app, Action::ExportFinished(outcome));
    assert_eq!(
        app.mode(),
        Mode::Export,
        "the prompt stays open to fix the name"
    );
    assert_eq!(
        app.export_prompt().unwrap().error.as_deref(),
        Some("the folder /no/such/folder does not exist")
    );
    update(&mut app, Action::Escape);
    assert_eq!(app.mode(), Mode::Browse);
    assert_eq!(
        (
            app.query().text().to_string(),
            app.shown(),
            app.results().total()
        ),
        before
    );
}

#[test]
fn the_explorer_asks_before_overwriting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.txt");
    std::fs::write(&path, "keep me").unwrap();
    let mut app = explorer_on_pokrovsk();
    update(&mut app, Action::StartExport);
    update(&mut app, Action::ClearInput);
    for c in path.to_str().unwrap().chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::ConfirmExport);
    let Some(Effect::Export { overwrite, .. }) = app.take_effects().pop() else {
        panic!()
    };
    assert!(!overwrite);
    let refused = talks::fsio::write_out(&path, b"new", overwrite);
    update(&mut app, Action::ExportFinished(refused));
    assert_eq!(app.mode(), Mode::ConfirmOverwrite);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    update(&mut app, Action::Answer(true));
    let Some(Effect::Export { overwrite, .. }) = app.take_effects().pop() else {
        panic!()
    };
    assert!(overwrite);
    let written = talks::fsio::write_out(&path, b"new", overwrite);
    update(&mut app, Action::ExportFinished(written));
    assert_eq!(app.mode(), Mode::Browse);
    assert!(
        app.status().unwrap().starts_with("Exported to "),
        "{:?}",
        app.status()
    );
}

#[test]
fn control_characters_never_reach_a_text_or_markdown_export_raw() {
    let text = "version: 1\ntitle: \"Evil \\e]52;c;aGk=\\a \\u202E title\"\nsources:\n  - id: s\n    title: \"S\\e[2J\"\n    kind: k\nactors:\n  - id: a\n    name: \"Name \\e[31m\\x07\"\n    kind: person\n    summary: \"\\u202Ereversed \\x9b\"\n";
    let (_dir, path) = common::write_temp("evil.yaml", text.as_bytes());
    for format in ["txt", "md"] {
        for args in [vec!["--view", "actors"], vec!["--all"]] {
            let mut command = talks();
            command
                .args(["export", path.to_str().unwrap(), "--format", format])
                .args(&args);
            let output = command.output().unwrap();
            let out = String::from_utf8(output.stdout).unwrap();
            assert!(output.status.success());
            for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{9b}'] {
                assert!(
                    !out.contains(bad),
                    "{format} {args:?} holds U+{:04X} raw",
                    bad as u32
                );
            }
            assert!(
                out.contains("Name ^[[31m^G") || out.contains("Name ^\\[\\[31m^G"),
                "{out}"
            );
        }
    }
}

/// The export prompt says what Enter will write: the format the file name's extension asks
/// for (issue #15 item 6).
#[test]
fn the_export_prompt_says_what_the_extension_produces() {
    let mut app = App::new(talks::model::builtin().unwrap(), Options::sized(100, 30));
    update(&mut app, Action::StartExport);
    let last_line = |app: &App| {
        common::screen(app)
            .lines()
            .last()
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        last_line(&app).contains("talks-actors.txt   → plain text"),
        "{}",
        last_line(&app)
    );
    for _ in 0..3 {
        update(&mut app, Action::DeleteBack);
    }
    for c in "md".chars() {
        update(&mut app, Action::Insert(c));
    }
    assert!(
        last_line(&app).contains("talks-actors.md   → Markdown"),
        "{}",
        last_line(&app)
    );
}

/// QA: at 40 columns the name typed in the export prompt was hidden past the label; it
/// scrolls to keep the cursor in view.
#[test]
fn the_export_prompt_keeps_what_is_typed_in_view_when_narrow() {
    let mut app = App::new(talks::model::builtin().unwrap(), Options::sized(40, 12));
    update(&mut app, Action::OpenPage(talks::app::Page::Timeline));
    update(&mut app, Action::StartExport);
    update(&mut app, Action::CursorEnd);
    for c in "QAQA".chars() {
        update(&mut app, Action::Insert(c));
    }
    let screen = common::screen(&app);
    let last = screen.lines().last().unwrap_or_default();
    assert!(last.contains("txtQAQA"), "{last}");
}
