//! `update`: the one place where the explorer's state changes.

use super::{Action, App, Effect, Focus, Mode, Overlay, Page, Target, overlays};

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    if !app.notices.is_empty() && close_notices(app, &action) {
        return;
    }
    if !matches!(
        action,
        Action::Resize(..)
            | Action::SearchFinished(_)
            | Action::OverlayLimit(_)
            | Action::NotesSaved(Ok(_))
            | Action::WatchReloaded { .. }
    ) {
        app.status = None;
    }
    match action {
        Action::Quit => app.should_quit = true,
        Action::Suspend => app.effects.push(Effect::Suspend),
        Action::Resize(width, height) => resize(app, width, height),
        Action::Click(target) => click(app, target),
        Action::Scroll(target, delta) => scroll(app, target, delta),
        Action::ExportFinished(result) => app.export_finished(result),
        Action::Reloaded(reload) => app.reloaded(*reload.0, reload.1),
        Action::SearchFinished(done) => app.search_finished(*done),
        Action::OverlayLimit(limit) => overlays::limit(app, limit),
        Action::Copied(Ok((name, lines, by))) => {
            app.status = Some(copied_status(&name, lines, &by));
        }
        Action::Copied(Err(why)) => app.status = Some(format!("Could not copy: {why}")),
        Action::QueryHistoryNotSaved(why) => app.query_history_not_saved(&why),
        Action::QueryHistorySaved(file) => app.query_history_saved(file),
        Action::NotesSaved(result) => app.notes_saved(result),
        Action::NoteEdited(result) => app.note_edited(result),
        Action::EditFailed(why) => app.status = Some(why),
        Action::PositionAdded(then, added) => {
            update(app, *then);
            app.position_added(&added);
        }
        Action::DefaultEditor(then, said) => {
            update(app, *then);
            app.status = Some(match app.status.take() {
                Some(before) => format!("{before} · {said}"),
                None => said,
            });
        }
        Action::Initialised(result) => app.initialised(result),
        Action::CaughtUp(result) => app.caught_up(result),
        Action::Watching(result) => app.watching(result),
        Action::WatchReloaded {
            generation,
            reload,
            missed,
        } => app.watch_reloaded(generation, reload, missed),
        Action::Paste(text) => super::paste::paste(app, &text),
        action => match app.mode() {
            Mode::Browse => browse(app, action),
            Mode::Search if action == Action::SaveSearch => {
                app.overlay = Overlay::Closed;
                app.start_saving_search();
            }
            Mode::Search => search(app, action),
            Mode::Help => overlays::help(app, action),
            Mode::Overview => overlays::overview(app, action),
            Mode::Export | Mode::ConfirmOverwrite => super::exporting::prompt_action(app, action),
            Mode::Note => app.note_action(action),
            Mode::SaveSearch => app.name_prompt_action(action),
            Mode::Searches => app.picker_action(action),
            Mode::Init => app.init_prompt_action(action),
        },
    }
    if app.focus == Focus::Detail && app.shown().is_none() {
        app.focus = Focus::List(app.last_list);
    }
    app.rank_visible();
}

/// The panel of problems found at the start closes on the user's first key or click: Esc
/// and Enter only close it (`true`); any other key closes it and does what it does, so
/// that no key is lost.
fn close_notices(app: &mut App, action: &Action) -> bool {
    let from_the_user = !matches!(
        action,
        Action::Resize(..)
            | Action::SearchFinished(_)
            | Action::Reloaded(_)
            | Action::WatchReloaded { .. }
            | Action::ExportFinished(_)
            | Action::Copied(_)
            | Action::QueryHistoryNotSaved(_)
            | Action::QueryHistorySaved(_)
            | Action::NotesSaved(_)
            | Action::PositionAdded(..)
            | Action::DefaultEditor(..)
            | Action::NoteEdited(_)
            | Action::CaughtUp(_)
            | Action::Watching(_)
    );
    if from_the_user {
        app.notices.clear();
    }
    from_the_user && matches!(action, Action::Escape | Action::Activate)
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.resize_detail(width, height);
    app.keep_page_cursors_visible();
    for kind in crate::model::EntityKind::LISTED {
        app.keep_selection_visible(kind);
    }
}

/// Rows moved by PgUp/PgDn (a page) and Ctrl-u/Ctrl-d (half a page) in the focused pane.
fn page(app: &App, half: bool) -> isize {
    let panes = app.layout().panes;
    let rows = match app.focus {
        Focus::List(kind) => panes.list_rows(kind),
        Focus::Detail => app.detail_rows(),
    };
    let rows = if half {
        rows / 2
    } else {
        rows.saturating_sub(1)
    };
    rows.max(1) as isize
}

/// Keys on the matrix, timeline and sources pages; `false` for those they leave to `browse`.
fn page_action(app: &mut App, action: &Action) -> bool {
    let page = app.page_rows() as isize;
    let half = (page + 1) / 2;
    match action {
        Action::Up => app.move_page_cursor(-1, 0),
        Action::Down => app.move_page_cursor(1, 0),
        Action::CursorLeft => app.move_page_cursor(0, -1),
        Action::CursorRight => app.move_page_cursor(0, 1),
        Action::EarlierDate => app.step_matrix_date(false),
        Action::LaterDate => app.step_matrix_date(true),
        Action::PageUp => app.move_page_cursor(-page, 0),
        Action::PageDown => app.move_page_cursor(page, 0),
        Action::HalfPageUp => app.move_page_cursor(-half, 0),
        Action::HalfPageDown => app.move_page_cursor(half, 0),
        Action::Top => app.move_page_cursor(isize::MIN / 2, 0),
        Action::Bottom => app.move_page_cursor(isize::MAX / 2, 0),
        Action::Activate => app.open_from_page(),
        Action::Escape => app.close_page(),
        Action::FocusList(kind) => {
            app.close_page();
            app.focus_list(*kind);
        }
        _ => return false,
    }
    true
}

fn browse(app: &mut App, action: Action) {
    if app.page != Page::Browse && page_action(app, &action) {
        return;
    }
    let focus = app.focus;
    match (action, focus) {
        (Action::Up, Focus::List(kind)) => app.move_selection(kind, -1),
        (Action::Down, Focus::List(kind)) => app.move_selection(kind, 1),
        (Action::Top, Focus::List(kind)) => app.move_selection(kind, isize::MIN / 2),
        (Action::Bottom, Focus::List(kind)) => app.move_selection(kind, isize::MAX / 2),
        (Action::PageUp, Focus::List(kind)) => app.move_selection(kind, -page(app, false)),
        (Action::PageDown, Focus::List(kind)) => app.move_selection(kind, page(app, false)),
        (Action::HalfPageUp, Focus::List(kind)) => app.move_selection(kind, -page(app, true)),
        (Action::HalfPageDown, Focus::List(kind)) => app.move_selection(kind, page(app, true)),
        (Action::Up | Action::PreviousLink, Focus::Detail) => app.step_link(false),
        (Action::Down | Action::NextLink, Focus::Detail) => app.step_link(true),
        (Action::Top, Focus::Detail) => app.detail_to_top(),
        (Action::Bottom, Focus::Detail) => app.scroll_detail(isize::MAX / 2),
        (Action::PageUp, Focus::Detail) => app.scroll_detail(-page(app, false)),
        (Action::PageDown, Focus::Detail) => app.scroll_detail(page(app, false)),
        (Action::HalfPageUp, Focus::Detail) => app.scroll_detail(-page(app, true)),
        (Action::HalfPageDown, Focus::Detail) => app.scroll_detail(page(app, true)),
        (Action::ScrollLineDown, Focus::Detail) => app.scroll_detail(1),
        (Action::ScrollLineUp, Focus::Detail) => app.scroll_detail(-1),
        (Action::FindNext, _) => app.find_in_detail(true),
        (Action::FindPrevious, _) => app.find_in_detail(false),
        (Action::SwitchPane, Focus::List(_)) => app.return_to_detail(),
        (Action::SwitchPane, Focus::Detail) => app.focus_list(app.last_list),
        (Action::NextPane, _) => app.cycle_pane(true),
        (Action::PreviousPane, _) => app.cycle_pane(false),
        (Action::FocusList(kind), _) => app.focus_list(kind),
        (Action::Activate, Focus::List(_)) => app.focus_detail(),
        (Action::Activate, Focus::Detail) => app.follow_link(),
        (Action::Back, _) => app.go_back(false),
        (Action::Forward, _) => app.go_back(true),
        (Action::StartSearch, _) => {
            app.overlay = Overlay::Search;
            app.query.input.end();
        }
        (Action::ToggleHelp, _) => overlays::open_help(app),
        (Action::ToggleOverview, _) => overlays::open_overview(app),
        (Action::OpenPage(page), _) => app.open_page(page),
        (Action::StartExport, _) => {
            app.settle_search();
            let scope = app.export_scope();
            app.open_export(scope);
        }
        (Action::StartBriefing, _) => app.open_export(crate::export::Scope::Briefing),
        (Action::CopySelected, _) => app.copy_selected(),
        (Action::OpenInEditor, _) => app.open_in_editor(),
        (Action::ToggleMark, _) => app.toggle_mark(),
        (Action::MarkAll, _) => app.mark_all(),
        (Action::ClearMarks, _) => app.clear_marks(),
        (Action::EditNote, _) => app.open_note_editor(),
        (Action::ToggleStar, _) => app.toggle_star(),
        (Action::CatchUp, _) => app.catch_up(),
        (Action::ToggleWatch, _) => app.toggle_watch(),
        (Action::SaveSearch, _) => app.start_saving_search(),
        (Action::OpenSavedSearches, _) => app.open_search_picker(),
        (Action::Escape, Focus::Detail) => app.focus_list(app.last_list),
        (Action::Escape, Focus::List(_)) if !app.query.text().is_empty() => clear_query(app),
        _ => {}
    }
}

/// Esc: a query typed is remembered as it is dropped; one recalled from the history and
/// left as it was is not, so that cancelling it leaves the history's order alone.
fn clear_query(app: &mut App) {
    if app.query.history.browsing() {
        app.query.history.stop_browsing();
    } else {
        app.remember_query();
    }
    app.query.input.set("");
    app.keep_selection_through_the_search();
    app.apply_query();
}

fn search(app: &mut App, action: Action) {
    let query = &mut app.query;
    let (input, history) = (&mut query.input, &mut query.history);
    let edited = match action {
        Action::Insert(c) => {
            input.insert(c);
            true
        }
        Action::DeleteBack => {
            input.delete_back();
            true
        }
        Action::DeleteForward => {
            input.delete_forward();
            true
        }
        Action::DeleteWord => {
            input.delete_word();
            true
        }
        Action::ClearInput => {
            input.set("");
            true
        }
        Action::EarlierQuery => match history.earlier(&input.text) {
            Some(earlier) => {
                input.set(earlier);
                true
            }
            None => false,
        },
        Action::LaterQuery => match history.later() {
            Some(later) => {
                input.set(&later);
                true
            }
            None => false,
        },
        Action::CursorLeft => return input.left(),
        Action::CursorRight => return input.right(),
        Action::CursorHome => return input.home(),
        Action::CursorEnd => return input.end(),
        Action::FinishSearch => {
            app.remember_query();
            app.overlay = Overlay::Closed;
            return;
        }
        Action::Escape => {
            app.overlay = Overlay::Closed;
            return clear_query(app);
        }
        _ => false,
    };
    if edited {
        if !matches!(action, Action::EarlierQuery | Action::LaterQuery) {
            history.stop_browsing();
        }
        app.apply_query();
    }
}

fn click(app: &mut App, target: Target) {
    if matches!(
        app.mode(),
        Mode::Export
            | Mode::ConfirmOverwrite
            | Mode::Init
            | Mode::Note
            | Mode::SaveSearch
            | Mode::Searches
    ) {
        return;
    }
    if matches!(app.mode(), Mode::Help | Mode::Overview) {
        app.overlay = Overlay::Closed;
        return;
    }
    if app.mode() == Mode::Search && target != Target::SearchBar {
        app.remember_query();
        app.overlay = Overlay::Closed;
    }
    match target {
        Target::ListRow(kind, row) => {
            app.focus_list(kind);
            app.select_row(kind, row);
        }
        Target::List(kind) => app.focus_list(kind),
        Target::Link(n) if n < app.detail.link_count() => {
            app.focus = Focus::Detail;
            app.detail.focus_link(Some(n));
            app.follow_link();
        }
        Target::Link(_) => app.focus_detail(),
        Target::Detail => app.focus_detail(),
        Target::SearchBar => {
            app.overlay = Overlay::Search;
            app.query.input.end();
        }
        Target::Tab(Focus::List(kind)) => app.focus_list(kind),
        Target::Tab(Focus::Detail) => app.focus_detail(),
        Target::MatrixCell(..) | Target::TimelineRow(_) | Target::Source(_) | Target::Page => {
            app.click_page(target)
        }
    }
}

fn scroll(app: &mut App, target: Target, delta: i32) {
    match target {
        Target::ListRow(kind, _) | Target::List(kind) => app.move_selection(kind, delta as isize),
        Target::Link(_) | Target::Detail => app.scroll_detail(delta as isize),
        Target::MatrixCell(..) | Target::TimelineRow(_) | Target::Page => {
            app.move_page_cursor(delta as isize, 0)
        }
        Target::Source(_) => app.move_page_cursor(0, delta.signum() as isize),
        Target::SearchBar | Target::Tab(_) => {}
    }
}

/// What the status bar says of a copy, in plain words: where the text went and what to do
/// if nothing pastes. OSC 52 has no answer, so it was "sent", not "copied".
fn copied_status(name: &str, lines: usize, by: &crate::action::CopiedBy) -> String {
    use crate::action::CopiedBy;
    let name = crate::text::sanitize_line(name);
    let lines = crate::text::count_of(lines, "line", "lines");
    match by {
        // What happened first: a long name is what a narrow status bar may cut.
        CopiedBy::Terminal => format!(
            "Sent {lines} to your terminal's clipboard; if nothing pastes, set copy_command: \
             “{name}”"
        ),
        CopiedBy::TerminalAndTmux => format!(
            "Copied {lines} into tmux (prefix ] pastes), also sent to your terminal's \
             clipboard: “{name}”"
        ),
        CopiedBy::Command(command) => format!("Copied {lines} with {command}: “{name}”"),
        CopiedBy::TerminalInstead { command, why } => format!(
            "{command} failed ({why}); sent {lines} to your terminal's clipboard instead: \
             “{name}”"
        ),
    }
}
