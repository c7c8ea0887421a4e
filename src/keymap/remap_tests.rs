//! Tests of the remaps of `[keys]`.

use super::*;

fn remaps(pairs: &[(&str, &[&str])]) -> Vec<Remap> {
    pairs
        .iter()
        .map(|(a, k)| Remap {
            action: a.to_string(),
            keys: k.iter().map(|s| s.to_string()).collect(),
        })
        .collect()
}

fn messages(problems: &[RemapProblem]) -> Vec<(usize, &str)> {
    problems
        .iter()
        .map(|p| (p.remap, p.message.as_str()))
        .collect()
}

fn keys_of(keymap: &Keymap, action: &Action) -> Option<Vec<Key>> {
    keymap
        .entries
        .iter()
        .find(|e| e.action == *action)
        .map(|e| e.keys.clone())
}

#[test]
fn names_and_keys() {
    assert_eq!(action_name(&Action::Quit), "quit");
    assert_eq!(action_name(&Action::StartSearch), "start-search");
    assert_eq!(
        action_name(&Action::OpenPage(crate::action::Page::Matrix)),
        "open-page-matrix"
    );
    assert_eq!(parse_key("ctrl-d"), Ok(Key::Ctrl('d')));
    assert_eq!(parse_key("G"), Ok(Key::Plain(KeyCode::Char('G'))));
    assert_eq!(parse_key("PgDn"), Ok(Key::Plain(KeyCode::PageDown)));
    assert_eq!(parse_key("alt-left"), Ok(Key::Alt(KeyCode::Left)));
    assert!(parse_key("hyper-x").is_err());
}

#[test]
fn the_built_in_map_has_no_conflicts() {
    assert!(Keymap::default().conflicts().is_empty());
}

#[test]
fn remaps_apply() {
    let (keymap, problems) = Keymap::with_remaps(&remaps(&[("quit", &["x"])]));
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        keys_of(&keymap, &Action::Quit),
        Some(vec![Key::Plain(KeyCode::Char('x')), Key::Ctrl('c')])
    );
}

#[test]
fn a_clash_undoes_only_the_remap_that_clashes() {
    let (keymap, problems) =
        Keymap::with_remaps(&remaps(&[("open-page-matrix", &["M"]), ("quit", &["j"])]));
    assert_eq!(
        messages(&problems),
        [(
            1,
            "key \"j\" is bound to down and next-link too; keeping the built-in keys of quit"
        )]
    );
    let matrix = Action::OpenPage(crate::action::Page::Matrix);
    assert_eq!(
        keys_of(&keymap, &matrix),
        Some(vec![Key::Plain(KeyCode::Char('M'))])
    );
    assert_eq!(
        keys_of(&keymap, &Action::Quit),
        keys_of(&Keymap::default(), &Action::Quit)
    );
    // Two remaps to one key: neither applies.
    let (_, problems) =
        Keymap::with_remaps(&remaps(&[("open-page-matrix", &["x"]), ("quit", &["x"])]));
    assert_eq!(
        messages(&problems),
        [
            (
                0,
                "key \"x\" is bound to quit too; keeping the built-in keys of open-page-matrix"
            ),
            (
                1,
                "key \"x\" is bound to open-page-matrix too; keeping the built-in keys of quit"
            ),
        ]
    );
}

#[test]
fn unknown_actions_and_keys_are_named_and_the_rest_applies() {
    let (keymap, problems) = Keymap::with_remaps(&remaps(&[
        ("fly", &["f"]),
        ("quit", &["x", "hyper-q"]),
        ("open-page-matrix", &["M"]),
    ]));
    assert_eq!(
        messages(&problems),
        [
            (
                0,
                "unknown action \"fly\"; see the names in parentheses in the help (?)"
            ),
            (
                1,
                "unknown key \"hyper-q\": use a character, ctrl-x, alt-x, enter, esc, tab, \
                 up, pgdn, f1…; keeping the built-in keys of quit"
            ),
        ]
    );
    let matrix = Action::OpenPage(crate::action::Page::Matrix);
    assert_eq!(
        keys_of(&keymap, &matrix),
        Some(vec![Key::Plain(KeyCode::Char('M'))])
    );
}
