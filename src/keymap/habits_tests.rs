//! The keys people bring from vim, less, fzf, htop and mc (issue 27), each where it works.

use super::*;
use crate::model::EntityKind;

fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, modifiers)
}

fn ctrl(c: char) -> KeyEvent {
    key(Char(c), KeyModifiers::CONTROL)
}

fn plain(code: KeyCode) -> KeyEvent {
    key(code, KeyModifiers::NONE)
}

fn action(mode: Mode, focus: Focus, page: Page, event: &KeyEvent) -> Option<Action> {
    action_for(&Keymap::default(), mode, focus, page, event)
}

const LIST: Focus = Focus::List(EntityKind::Actor);

#[test]
fn vim_keys_ctrl_o_back_and_ctrl_e_ctrl_y_scroll_the_detail() {
    for focus in [LIST, Focus::Detail] {
        let back = action(Mode::Browse, focus, Page::Browse, &ctrl('o'));
        assert_eq!(back, Some(Action::Back), "{focus:?}");
    }
    let on_detail = |event: KeyEvent| action(Mode::Browse, Focus::Detail, Page::Browse, &event);
    assert_eq!(on_detail(ctrl('e')), Some(Action::ScrollLineDown));
    assert_eq!(on_detail(ctrl('y')), Some(Action::ScrollLineUp));
    // The note editor's Ctrl-E stays "to the editor"; the search bar's, "to the end".
    let note = action(Mode::Note, LIST, Page::Browse, &ctrl('e'));
    assert_eq!(note, Some(Action::EditNoteInEditor));
    let search = action(Mode::Search, LIST, Page::Browse, &ctrl('e'));
    assert_eq!(search, Some(Action::CursorEnd));
}

#[test]
fn ctrl_i_is_forward_only_when_the_terminal_tells_it_from_tab() {
    // The kitty keyboard protocol reports Ctrl-I as itself; other terminals send a Tab.
    let forward = action(Mode::Browse, LIST, Page::Browse, &ctrl('i'));
    assert_eq!(forward, Some(Action::Forward));
    let tab = action(Mode::Browse, LIST, Page::Browse, &plain(Tab));
    assert_eq!(tab, Some(Action::NextPane));
    let tab = action(Mode::Browse, Focus::Detail, Page::Browse, &plain(Tab));
    assert_eq!(tab, Some(Action::NextLink));
}

#[test]
fn g_is_the_top_and_digits_jump_to_lists_not_counts() {
    let g = plain(Char('g'));
    assert_eq!(
        action(Mode::Browse, Focus::Detail, Page::Browse, &g),
        Some(Action::Top)
    );
    assert_eq!(
        action(Mode::Browse, LIST, Page::Browse, &g),
        Some(Action::Top)
    );
    // `4j`: the places, then down; no count.
    let four = action(Mode::Browse, LIST, Page::Browse, &plain(Char('4')));
    assert_eq!(four, Some(Action::FocusList(EntityKind::Place)));
    let rows = help_rows(&Keymap::default(), "no counts");
    assert_eq!(rows.len(), 1);
    assert!(
        rows[0].description.contains("1–4 lists (no counts)"),
        "{}",
        rows[0].description
    );
}

#[test]
fn less_keys_ampersand_searches_v_edits_f_watches() {
    for page in [Page::Browse, Page::Matrix] {
        let on = |event: KeyEvent| action(Mode::Browse, LIST, page, &event);
        assert_eq!(on(plain(Char('&'))), Some(Action::StartSearch), "{page:?}");
        assert_eq!(on(plain(Char('v'))), Some(Action::OpenInEditor), "{page:?}");
        assert_eq!(on(plain(Char('F'))), Some(Action::ToggleWatch), "{page:?}");
    }
    let typed = action(Mode::Search, LIST, Page::Browse, &plain(Char('&')));
    assert_eq!(typed, Some(Action::Insert('&')));
}

#[test]
fn fzf_keys_ctrl_p_and_ctrl_n_walk_the_query_history() {
    let search = |event: KeyEvent| action(Mode::Search, LIST, Page::Browse, &event);
    assert_eq!(search(ctrl('p')), Some(Action::EarlierQuery));
    assert_eq!(search(ctrl('n')), Some(Action::LaterQuery));
    // The export prompt's Ctrl-N stays "with or without notes".
    let export = action(Mode::Export, LIST, Page::Browse, &ctrl('n'));
    assert_eq!(export, Some(Action::ToggleExportNotes));
}

#[test]
fn f1_is_help_and_f10_quits_in_every_mode() {
    let f1 = plain(KeyCode::F(1));
    assert_eq!(
        action(Mode::Browse, LIST, Page::Browse, &f1),
        Some(Action::ToggleHelp)
    );
    assert_eq!(
        action(Mode::Help, LIST, Page::Browse, &f1),
        Some(Action::Escape)
    );
    let f10 = plain(KeyCode::F(10));
    for mode in [
        Mode::Browse,
        Mode::Search,
        Mode::Help,
        Mode::Export,
        Mode::ConfirmOverwrite,
        Mode::Overview,
        Mode::Note,
        Mode::SaveSearch,
        Mode::Searches,
    ] {
        assert_eq!(
            action(mode, LIST, Page::Browse, &f10),
            Some(Action::Quit),
            "{mode:?}"
        );
    }
    assert_eq!(key_name(Key::Plain(KeyCode::F(10))), "F10");
}

#[test]
fn m_on_the_matrix_is_the_matrix_key_that_toggles_back() {
    let m = plain(Char('m'));
    for page in [Page::Browse, Page::Matrix, Page::Timeline] {
        let asked = action(Mode::Browse, LIST, page, &m);
        assert_eq!(asked, Some(Action::OpenPage(Page::Matrix)), "{page:?}");
    }
    let rows = help_rows(&Keymap::default(), "matrix⇄lists");
    assert_eq!(rows.len(), 1);
}
