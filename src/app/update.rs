//! `update`: the one place where the explorer's state changes.

use super::{Action, App, Effect, Focus, Mode, Page, Target, overlays};

/// Applies one action to the state.
pub fn update(app: &mut App, action: Action) {
    if !matches!(
        action,
        Action::Resize(..) | Action::SearchFinished(_) | Action::OverlayLimit(_)
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
        Action::Copied(Ok(name)) => {
            let name = crate::text::sanitize_line(&name).into_owned();
            app.status = Some(format!(
                "Copied “{name}” to the clipboard (through the terminal, OSC 52)"
            ));
        }
        Action::Copied(Err(why)) => app.status = Some(format!("Could not copy: {why}")),
        action => match app.mode {
            Mode::Browse => browse(app, action),
            Mode::Search => search(app, action),
            Mode::Help => overlays::help(app, action),
            Mode::Overview => overlays::overview(app, action),
            Mode::Export | Mode::ConfirmOverwrite => super::exporting::prompt_action(app, action),
        },
    }
    if app.focus == Focus::Detail && app.shown().is_none() {
        app.focus = Focus::List(app.last_list);
    }
    app.rank_visible();
}

fn resize(app: &mut App, width: u16, height: u16) {
    app.width = width;
    app.height = height;
    app.detail.lay_out(app.detail_text_width());
    app.keep_page_cursors_visible();
    for kind in crate::model::EntityKind::ALL {
        app.keep_selection_visible(kind);
    }
    app.keep_link_visible();
}

/// Rows moved by PgUp/PgDn (a page) and Ctrl-u/Ctrl-d (half a page) in the focused pane.
fn page(app: &App, half: bool) -> isize {
    let panes = app.layout().panes;
    let rows = match app.focus {
        Focus::List(kind) => panes.list_rows(kind),
        Focus::Detail => panes.detail_inner().0,
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
    match action {
        Action::Up => app.move_page_cursor(-1, 0),
        Action::Down => app.move_page_cursor(1, 0),
        Action::CursorLeft => app.move_page_cursor(0, -1),
        Action::CursorRight => app.move_page_cursor(0, 1),
        Action::PageUp | Action::HalfPageUp => app.move_page_cursor(-page, 0),
        Action::PageDown | Action::HalfPageDown => app.move_page_cursor(page, 0),
        Action::Top => app.move_page_cursor(isize::MIN / 2, 0),
        Action::Bottom => app.move_page_cursor(isize::MAX / 2, 0),
        Action::Activate => app.open_from_page(),
        Action::Escape => app.page = Page::Browse,
        Action::FocusList(kind) => {
            app.page = Page::Browse;
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
        (Action::Top, Focus::Detail) => app.scroll_detail(isize::MIN / 2),
        (Action::Bottom, Focus::Detail) => app.scroll_detail(isize::MAX / 2),
        (Action::PageUp, Focus::Detail) => app.scroll_detail(-page(app, false)),
        (Action::PageDown, Focus::Detail) => app.scroll_detail(page(app, false)),
        (Action::HalfPageUp, Focus::Detail) => app.scroll_detail(-page(app, true)),
        (Action::HalfPageDown, Focus::Detail) => app.scroll_detail(page(app, true)),
        (Action::FindNext, _) => app.find_in_detail(true),
        (Action::FindPrevious, _) => app.find_in_detail(false),
        (Action::NextPane, _) => app.cycle_pane(true),
        (Action::PreviousPane, _) => app.cycle_pane(false),
        (Action::FocusList(kind), _) => app.focus_list(kind),
        (Action::Activate, Focus::List(_)) => app.focus_detail(),
        (Action::Activate, Focus::Detail) => app.follow_link(),
        (Action::Back, _) => app.go_back(false),
        (Action::Forward, _) => app.go_back(true),
        (Action::StartSearch, _) => {
            app.mode = Mode::Search;
            app.query.input.end();
        }
        (Action::ToggleHelp, _) => overlays::open_help(app),
        (Action::ToggleOverview, _) => overlays::open_overview(app),
        (Action::OpenPage(page), _) => {
            app.page = if app.page == page { Page::Browse } else { page };
            app.rebuild_pages();
            app.keep_page_cursors_visible();
        }
        (Action::StartExport, _) => {
            app.settle_search();
            let scope = app.export_scope();
            app.open_export(scope);
        }
        (Action::StartBriefing, _) => app.open_export(crate::export::Scope::Briefing),
        (Action::CopySelected, _) => app.copy_selected(),
        (Action::Escape, Focus::Detail) => app.focus_list(app.last_list),
        (Action::Escape, Focus::List(_)) if !app.query.text().is_empty() => clear_query(app),
        _ => {}
    }
}

fn clear_query(app: &mut App) {
    let query = &mut app.query;
    query.history.remember(&query.input.text);
    query.input.set("");
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
        Action::HistoryPrevious => match history.earlier(&input.text) {
            Some(earlier) => {
                input.set(earlier);
                true
            }
            None => false,
        },
        Action::HistoryNext => match history.later() {
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
            history.remember(&input.text);
            app.mode = Mode::Browse;
            return;
        }
        Action::Escape => {
            app.mode = Mode::Browse;
            return clear_query(app);
        }
        _ => false,
    };
    if edited {
        if !matches!(action, Action::HistoryPrevious | Action::HistoryNext) {
            history.stop_browsing();
        }
        app.apply_query();
    }
}

fn click(app: &mut App, target: Target) {
    if matches!(app.mode, Mode::Export | Mode::ConfirmOverwrite) {
        return;
    }
    if matches!(app.mode, Mode::Help | Mode::Overview) {
        app.mode = Mode::Browse;
        return;
    }
    if app.mode == Mode::Search && target != Target::SearchBar {
        app.query.history.remember(&app.query.input.text);
        app.mode = Mode::Browse;
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
            app.mode = Mode::Search;
            app.query.input.end();
        }
        Target::Tab(Focus::List(kind)) => app.focus_list(kind),
        Target::Tab(Focus::Detail) => app.focus_detail(),
        Target::MatrixCell(..)
        | Target::TimelineRow(_)
        | Target::Source(_)
        | Target::Citation(_)
        | Target::Page => app.click_page(target),
    }
}

fn scroll(app: &mut App, target: Target, delta: i32) {
    match target {
        Target::ListRow(kind, _) | Target::List(kind) => app.move_selection(kind, delta as isize),
        Target::Link(_) | Target::Detail => app.scroll_detail(delta as isize),
        Target::MatrixCell(..) | Target::TimelineRow(_) | Target::Citation(_) | Target::Page => {
            app.move_page_cursor(delta as isize, 0)
        }
        Target::Source(_) => app.move_page_cursor(0, delta.signum() as isize),
        Target::SearchBar | Target::Tab(_) => {}
    }
}
