//! `update` tested without a terminal: the panel of problems at the start, the query
//! history, marks, and what survives clearing the filter.

use super::*;
use crate::model::builtin;

fn app_with(options: Options) -> App {
    App::new(builtin().unwrap_or_else(|e| panic!("{e}")), options)
}

fn app() -> App {
    app_with(Options::sized(80, 24))
}

fn id(app: &App, entity: Option<crate::model::EntityRef>) -> String {
    entity.map_or_else(String::new, |e| app.loaded().dossier.id_of(e).to_string())
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        update(app, Action::Insert(c));
    }
}

fn with_notices() -> App {
    app_with(Options {
        notices: vec!["config.toml:1:9: one".into(), "config.toml:2:1: two".into()],
        ..Options::sized(80, 24)
    })
}

#[test]
fn the_problems_panel_lists_each_and_esc_or_enter_only_closes_it() {
    let mut app = with_notices();
    assert_eq!(
        app.notices(),
        ["config.toml:1:9: one", "config.toml:2:1: two"]
    );
    assert_eq!(app.status(), None, "not crammed into the status bar");
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(app.notices().len(), 2, "a resize is not the user's answer");
    update(&mut app, Action::Activate);
    assert!(app.notices().is_empty());
    assert_eq!(
        app.focus,
        Focus::List(EntityKind::Actor),
        "Enter only closed it"
    );
    let mut app = with_notices();
    update(&mut app, Action::Escape);
    assert!(app.notices().is_empty());
}

#[test]
fn any_other_key_closes_the_problems_panel_and_acts() {
    let mut app = with_notices();
    update(&mut app, Action::Down);
    assert!(app.notices().is_empty());
    assert_eq!(
        app.list_view(EntityKind::Actor).selected,
        1,
        "the key was not lost"
    );
    let mut app = with_notices();
    update(&mut app, Action::StartSearch);
    assert_eq!(app.mode(), Mode::Search);
}

#[test]
fn the_first_up_shows_the_previous_query_not_the_current_one() {
    let mut app = app();
    for query in ["pokrovsk", "nato"] {
        update(&mut app, Action::StartSearch);
        update(&mut app, Action::ClearInput);
        type_text(&mut app, query);
        update(&mut app, Action::FinishSearch);
    }
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.text(), "pokrovsk");
}

#[test]
fn a_changed_history_asks_for_its_file_to_be_written() {
    let file = QueryHistoryFile {
        path: std::path::PathBuf::from("/state/talks/history"),
        base: vec!["nato".into(), "donbas".into()],
        read: None,
    };
    let mut app = app_with(Options {
        history: vec!["nato".into(), "donbas".into()],
        query_history_file: Some(file.clone()),
        ..Options::sized(80, 24)
    });
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    update(&mut app, Action::FinishSearch);
    assert_eq!(
        app.take_effects(),
        [Effect::SaveQueryHistory {
            file,
            entries: vec!["donbas".into(), "nato".into()],
        }]
    );
    // Nothing new: nothing to write.
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), []);
    update(&mut app, Action::QueryHistoryNotSaved("disk full".into()));
    assert_eq!(
        app.status(),
        Some("The query history was not saved (disk full); it is kept for this session only")
    );
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    type_text(&mut app, "putin");
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), [], "no more tries");
}

#[test]
fn without_a_history_file_nothing_is_written() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "nato");
    update(&mut app, Action::FinishSearch);
    assert_eq!(app.take_effects(), []);
}

#[test]
fn clearing_the_filter_keeps_the_selection() {
    for background in [false, true] {
        let mut app = app_with(Options {
            background_search: background,
            ..Options::sized(80, 24)
        });
        update(&mut app, Action::StartSearch);
        type_text(&mut app, "witkoff");
        finish_searches(&mut app);
        update(&mut app, Action::FinishSearch);
        update(&mut app, Action::FocusList(EntityKind::Actor));
        update(&mut app, Action::Down);
        let chosen = id(&app, app.selected(EntityKind::Actor));
        assert_ne!(chosen, "");
        update(&mut app, Action::Escape);
        finish_searches(&mut app);
        assert_eq!(app.query.text(), "");
        assert_eq!(
            id(&app, app.selected(EntityKind::Actor)),
            chosen,
            "{background}"
        );
        assert_eq!(id(&app, app.shown()), chosen);
        // The next search goes to the best match again.
        update(&mut app, Action::StartSearch);
        type_text(&mut app, "putin");
        finish_searches(&mut app);
        assert_eq!(app.list_view(app.last_list()).selected, 0);
    }
}

/// Carries out the searches asked for, as the worker would.
fn finish_searches(app: &mut App) {
    for effect in app.take_effects() {
        if let Effect::Search(request) = effect {
            update(app, Action::SearchFinished(Box::new(request.finish())));
        }
    }
}

fn names_marked(app: &App) -> Vec<String> {
    app.marks().iter().map(|e| id(app, Some(e))).collect()
}

#[test]
fn space_marks_in_a_list_the_detail_and_the_timeline() {
    let mut app = app();
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    assert_eq!(names_marked(&app), ["united-states", "ukraine"]);
    assert_eq!(app.status(), Some("Marked “Ukraine” (2 marked)"));
    update(&mut app, Action::ToggleMark);
    assert_eq!(app.status(), Some("Unmarked “Ukraine” (1 marked)"));
    update(&mut app, Action::Activate);
    assert_eq!(app.focus, Focus::Detail);
    update(&mut app, Action::ToggleMark);
    assert_eq!(names_marked(&app), ["united-states", "ukraine"]);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    assert_eq!(app.marks().count(EntityKind::Event), 1);
    let event = app.pages.timeline.rows[1].event;
    assert!(
        app.marks()
            .contains(crate::model::EntityRef::new(EntityKind::Event, event))
    );
    update(&mut app, Action::OpenPage(Page::Matrix));
    update(&mut app, Action::ToggleMark);
    assert_eq!(
        app.status(),
        Some("Marks work in the lists, the detail, the timeline and the sources page")
    );
    assert_eq!(app.marks().len(), 3);
}

#[test]
fn a_marks_all_listed_u_clears_and_marks_survive_searches() {
    let mut app = app();
    update(&mut app, Action::StartSearch);
    type_text(&mut app, "moscow");
    update(&mut app, Action::FinishSearch);
    let listed = app.results().count(app.last_list());
    assert!(listed > 1);
    update(&mut app, Action::MarkAll);
    assert_eq!(app.marks().len(), listed);
    assert_eq!(
        app.status(),
        Some(format!("Marked {listed} more of the {listed} listed ({listed} marked)").as_str())
    );
    update(&mut app, Action::Escape);
    assert_eq!(app.query.text(), "");
    assert_eq!(app.marks().len(), listed, "the marks outlive the filter");
    update(&mut app, Action::ClearMarks);
    assert!(app.marks().is_empty());
    assert_eq!(
        app.status(),
        Some(format!("Cleared {listed} marks").as_str())
    );
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::MarkAll);
    assert_eq!(app.marks().count(EntityKind::Event), 13);
}

const BEFORE: &str = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: note\n\
actors:\n  - id: alpha\n    name: Alpha\n    kind: state\n  - id: beta\n    name: Beta\n    kind: state\n";
const AFTER: &str = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: note\n\
actors:\n  - id: gamma\n    name: Gamma\n    kind: state\n  - id: beta\n    name: Beta (renamed)\n    kind: state\n";

#[test]
fn marks_survive_a_reload_by_id() {
    let load = |text| crate::model::load_str("d.yaml", text).unwrap_or_else(|e| panic!("{e}"));
    let mut app = App::new(load(BEFORE), Options::sized(80, 24));
    update(&mut app, Action::MarkAll);
    assert_eq!(names_marked(&app), ["alpha", "beta"]);
    update(
        &mut app,
        Action::Reloaded(Reload::prepared(Ok(load(AFTER)))),
    );
    assert_eq!(names_marked(&app), ["beta"], "alpha is gone; beta moved");
    assert_eq!(app.marks().count(EntityKind::Actor), 1);
}

#[test]
fn copy_acts_on_the_marks_when_there_are_some() {
    let mut app = app();
    update(&mut app, Action::CopySelected);
    let effects = app.take_effects();
    assert!(
        matches!(&effects[..], [Effect::Copy { name, .. }] if name == "United States"),
        "{effects:?}"
    );
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::CopySelected);
    let effects = app.take_effects();
    let [Effect::Copy { text, name }] = &effects[..] else {
        panic!("{effects:?}");
    };
    assert_eq!(name, "2 marked entities");
    assert!(text.starts_with("Ukraine"), "{text}");
    assert!(text.contains("\nRussia"), "{text}");
    assert!(!text.contains("United States\n"), "{text}");
}

#[test]
fn export_acts_on_the_marks_when_there_are_some() {
    let mut app = app();
    update(&mut app, Action::Down);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::OpenPage(Page::Timeline));
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::StartExport);
    let prompt = app.export_prompt().unwrap_or_else(|| panic!("no prompt"));
    assert_eq!(prompt.input.text, "talks-marked.txt");
    let crate::export::Scope::Marked(entities) = &prompt.scope else {
        panic!("{:?}", prompt.scope);
    };
    let ids: Vec<String> = entities.iter().map(|&e| id(&app, Some(e))).collect();
    let first_event = id(
        &app,
        Some(crate::model::EntityRef::new(
            EntityKind::Event,
            app.pages.timeline.rows[0].event,
        )),
    );
    assert_eq!(ids, ["ukraine".to_string(), first_event]);
    let loaded = app.loaded();
    let text = crate::export::render(loaded, &prompt.scope, None, crate::export::Format::Text);
    assert!(
        text.contains("Marked: 2 marked: 1 actor, 1 event\n"),
        "{text}"
    );
    assert!(text.contains("\nUkraine\n"), "{text}");
    let markdown =
        crate::export::render(loaded, &prompt.scope, None, crate::export::Format::Markdown);
    assert!(
        markdown.contains("- **Marked:** 2 marked: 1 actor, 1 event\n"),
        "{markdown}"
    );
    assert!(markdown.contains("## Ukraine"), "{markdown}");
    let json = crate::export::render(loaded, &prompt.scope, None, crate::export::Format::Json);
    let value: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert_eq!(value["marked"]["count"], 2);
    assert_eq!(value["entities"][0]["kind"], "actor");
    assert_eq!(value["entities"][0]["id"], "ukraine");
    assert_eq!(value["entities"][1]["kind"], "event");
}

/// OSC 52 never answers: the status says the text was sent, not copied, and what to do if
/// nothing pastes; inside tmux, where else it went; a copy command that failed is named
/// with why.
#[test]
fn the_status_says_how_a_copy_went_out() {
    use crate::action::CopiedBy;
    let mut app = app();
    let copied = |by: CopiedBy| Action::Copied(Ok(("Steve Witkoff".into(), 12, by)));
    update(&mut app, copied(CopiedBy::Terminal));
    assert_eq!(
        app.status.as_deref(),
        Some(
            "Sent 12 lines to your terminal's clipboard; if nothing pastes, set copy_command: \
             “Steve Witkoff”"
        )
    );
    update(&mut app, copied(CopiedBy::TerminalAndTmux));
    assert_eq!(
        app.status.as_deref(),
        Some(
            "Copied 12 lines into tmux (prefix ] pastes), also sent to your terminal's \
             clipboard: “Steve Witkoff”"
        )
    );
    update(&mut app, copied(CopiedBy::Command("wl-copy".into())));
    assert_eq!(
        app.status.as_deref(),
        Some("Copied 12 lines with wl-copy: “Steve Witkoff”")
    );
    let failed = CopiedBy::TerminalInstead {
        command: "xclip".into(),
        why: "it ended with status 1".into(),
    };
    update(
        &mut app,
        Action::Copied(Ok(("Steve Witkoff".into(), 1, failed))),
    );
    assert_eq!(
        app.status.as_deref(),
        Some(
            "xclip failed (it ended with status 1); sent 1 line to your terminal's clipboard \
             instead: “Steve Witkoff”"
        )
    );
}

/// QA: Up Up Esc made the recalled query the latest; cancelling leaves the order alone.
#[test]
fn cancelling_a_recalled_query_leaves_the_history_order() {
    let mut app = app();
    for query in ["nato", "donbas"] {
        update(&mut app, Action::StartSearch);
        update(&mut app, Action::ClearInput);
        type_text(&mut app, query);
        update(&mut app, Action::FinishSearch);
    }
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::ClearInput);
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.input.text, "donbas");
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.input.text, "nato");
    update(&mut app, Action::Escape);
    update(&mut app, Action::StartSearch);
    update(&mut app, Action::EarlierQuery);
    assert_eq!(app.query.input.text, "donbas", "donbas is still the latest");
}
