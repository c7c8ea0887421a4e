//! The key map in force: the built-in table, with the user's remaps from the config file
//! applied and checked for conflicts.

use std::collections::BTreeMap;

use crossterm::event::KeyCode;

use super::{BINDINGS, Context, Key, action_name, commands::command_of};
use crate::action::Action;

/// One binding of the key map in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub entries: Vec<Entry>,
}

impl Default for Keymap {
    fn default() -> Self {
        let entries = BINDINGS
            .iter()
            .map(|b| Entry {
                context: b.context,
                keys: b.keys.to_vec(),
                action: b.action.clone(),
                description: b
                    .description
                    .or_else(|| command_of(&b.action).map(|c| c.description))
                    .unwrap_or_default(),
            })
            .collect();
        Keymap { entries }
    }
}

/// Contexts where browsing keys live; remaps apply there (text fields keep their keys).
const REMAPPABLE: [Context; 4] = [
    Context::Anywhere,
    Context::Lists,
    Context::Detail,
    Context::Pages,
];

/// Reads a key as written in the config file: `q`, `G`, `ctrl-d`, `alt-left`, `enter`, `f1`.
pub fn parse_key(text: &str) -> Result<Key, String> {
    let lower = text.to_ascii_lowercase();
    let named = |name: &str| -> Option<KeyCode> {
        Some(match name {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" | "del" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgup" | "pageup" => KeyCode::PageUp,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.starts_with('f') && f.len() > 1 => KeyCode::F(f[1..].parse().ok()?),
            _ => return None,
        })
    };
    if let Some(rest) = lower.strip_prefix("ctrl-") {
        let mut chars = rest.chars();
        return match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphanumeric() => Ok(Key::Ctrl(c)),
            _ => Err(format!(
                "unknown key \"{text}\": Ctrl goes with a letter or digit, as in ctrl-d"
            )),
        };
    }
    if let Some(rest) = lower.strip_prefix("alt-") {
        let original = &text[4..];
        return named(rest)
            .or_else(|| {
                (original.chars().count() == 1)
                    .then(|| KeyCode::Char(original.chars().next().unwrap_or(' ')))
            })
            .map(Key::Alt)
            .ok_or_else(|| format!("unknown key \"{text}\""));
    }
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() => Ok(Key::Plain(KeyCode::Char(c))),
        _ => named(&lower).map(Key::Plain).ok_or_else(|| {
            format!("unknown key \"{text}\": use a character, ctrl-x, alt-x, enter, esc, tab, up, pgdn, f1…")
        }),
    }
}

/// The contexts whose keys are tried together with `context` (so must not clash).
fn checked_with(context: Context) -> &'static [Context] {
    match context {
        Context::Anywhere => &[
            Context::Anywhere,
            Context::Lists,
            Context::Detail,
            Context::Pages,
        ],
        Context::Lists => &[Context::Lists, Context::Anywhere],
        Context::Detail => &[Context::Detail, Context::Anywhere],
        _ => &[Context::Pages, Context::Anywhere],
    }
}

impl Keymap {
    /// The built-in key map with `remaps` (action name → keys) applied. On a problem, the
    /// messages say which and the caller keeps the built-in map.
    pub(crate) fn with_remaps(
        remaps: &BTreeMap<String, Vec<String>>,
    ) -> Result<Keymap, Vec<String>> {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        for (name, keys) in remaps {
            let parsed: Vec<Key> = keys
                .iter()
                .filter_map(|k| parse_key(k).map_err(|e| problems.push(e)).ok())
                .collect();
            let targets: Vec<usize> = (0..keymap.entries.len())
                .filter(|&i| REMAPPABLE.contains(&keymap.entries[i].context))
                .filter(|&i| action_name(&keymap.entries[i].action) == name)
                .collect();
            if targets.is_empty() {
                problems.push(format!(
                    "unknown action \"{name}\" in [keys]; see the names in the help (?)"
                ));
            }
            for i in targets {
                let entry = &mut keymap.entries[i];
                entry.keys = parsed.clone();
                // Ctrl-c always quits, whatever else quit is mapped to.
                if entry.action == Action::Quit && !entry.keys.contains(&Key::Ctrl('c')) {
                    entry.keys.push(Key::Ctrl('c'));
                }
            }
        }
        for conflict in keymap.conflicts() {
            if !problems.contains(&conflict) {
                problems.push(conflict);
            }
        }
        if problems.is_empty() {
            Ok(keymap)
        } else {
            Err(problems)
        }
    }

    /// Keys bound to two actions where both would be tried.
    fn conflicts(&self) -> Vec<String> {
        let mut found = Vec::new();
        for (i, a) in self.entries.iter().enumerate() {
            if !REMAPPABLE.contains(&a.context) {
                continue;
            }
            for b in &self.entries[i + 1..] {
                if !checked_with(a.context).contains(&b.context) || a.action == b.action {
                    continue;
                }
                for key in a.keys.iter().filter(|k| b.keys.contains(k)) {
                    let (x, y) = (action_name(&a.action), action_name(&b.action));
                    // The built-in table lets the pane's own key win over `Anywhere`
                    // (Esc in the detail); only same-context clashes and remapped keys count.
                    let builtin = BINDINGS
                        .iter()
                        .any(|d| d.action == a.action && d.keys.contains(key))
                        && BINDINGS
                            .iter()
                            .any(|d| d.action == b.action && d.keys.contains(key));
                    if a.context == b.context || !builtin {
                        found.push(format!(
                            "key \"{}\" is bound to both {x} and {y}",
                            super::key_name(*key)
                        ));
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn remaps(pairs: &[(&str, &[&str])]) -> BTreeMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(a, k)| (a.to_string(), k.iter().map(|s| s.to_string()).collect()))
            .collect()
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
        assert!(
            Keymap::default().conflicts().is_empty(),
            "{:?}",
            Keymap::default().conflicts()
        );
    }

    #[test]
    fn remaps_apply_and_conflicts_are_refused() {
        let keymap = Keymap::with_remaps(&remaps(&[("quit", &["x"])])).unwrap_or_default();
        let quit = keymap
            .entries
            .iter()
            .find(|e| e.action == Action::Quit && e.context == Context::Anywhere);
        assert_eq!(
            quit.map(|e| e.keys.clone()),
            Some(vec![Key::Plain(KeyCode::Char('x')), Key::Ctrl('c')])
        );
        let clash = Keymap::with_remaps(&remaps(&[("quit", &["j"])])).unwrap_err();
        assert_eq!(
            clash,
            vec![
                "key \"j\" is bound to both down and quit".to_string(),
                "key \"j\" is bound to both next-link and quit".to_string(),
            ]
        );
        let unknown = Keymap::with_remaps(&remaps(&[("fly", &["f"])])).unwrap_err();
        assert_eq!(
            unknown,
            vec!["unknown action \"fly\" in [keys]; see the names in the help (?)".to_string()]
        );
    }
}
