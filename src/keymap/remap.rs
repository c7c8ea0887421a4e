//! The key map in force: the built-in table, with the user's remaps from the config file
//! applied and checked for conflicts.

use crossterm::event::KeyCode;

use super::{BINDINGS, Context, Key, action_name, commands::command_of};
use crate::action::Action;

/// One binding of the key map in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub(crate) context: Context,
    pub(crate) keys: Vec<Key>,
    pub(crate) action: Action,
    pub(crate) description: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub(crate) entries: Vec<Entry>,
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

/// One line of `[keys]`: an action's name and the keys the user wants for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Remap {
    pub(crate) action: String,
    pub(crate) keys: Vec<String>,
}

/// What is wrong with remap number `remap` of the list given; that remap is not applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RemapProblem {
    pub(crate) remap: usize,
    /// The action's name is at fault (unknown), not its keys.
    pub(crate) in_name: bool,
    pub(crate) message: String,
}

/// A key bound to two actions where both would be tried.
struct Conflict {
    key: Key,
    actions: [Action; 2],
}

/// What is wrong with the remap of `action` among `conflicts`: each key that clashes, with
/// the actions it is bound to as well.
fn clash_message(action: &Action, conflicts: &[Conflict]) -> Option<String> {
    let mut clashes: Vec<(String, Vec<&str>)> = Vec::new();
    for c in conflicts {
        let other = match &c.actions {
            [a, b] if a == action => b,
            [a, b] if b == action => a,
            _ => continue,
        };
        let key = super::key_name(c.key);
        match clashes.iter_mut().find(|(k, _)| *k == key) {
            Some((_, others)) => others.push(action_name(other)),
            None => clashes.push((key, vec![action_name(other)])),
        }
    }
    if clashes.is_empty() {
        return None;
    }
    let clashes: Vec<String> = clashes
        .iter()
        .map(|(key, others)| format!("key \"{key}\" is bound to {} too", others.join(" and ")))
        .collect();
    Some(format!(
        "{}; keeping the built-in keys of {}",
        clashes.join(", "),
        action_name(action)
    ))
}

impl Keymap {
    /// The built-in key map with `remaps` applied. A remap with a problem (an unknown
    /// action or key, or a key another action has) is left out, and says why; the good
    /// ones apply.
    pub(crate) fn with_remaps(remaps: &[Remap]) -> (Keymap, Vec<RemapProblem>) {
        let mut keymap = Keymap::default();
        let mut problems = Vec::new();
        // The remaps applied, by their number, with the action they rebind.
        let mut applied: Vec<(usize, Action)> = Vec::new();
        for (number, remap) in remaps.iter().enumerate() {
            match keymap.apply(remap) {
                Ok(action) => applied.push((number, action)),
                Err((in_name, message)) => problems.push(RemapProblem {
                    remap: number,
                    in_name,
                    message,
                }),
            }
        }
        // Undo the remaps that clash, until none does (the built-in map has no clash).
        loop {
            let conflicts = keymap.conflicts();
            let mut undone = Vec::new();
            for &(number, ref action) in &applied {
                if let Some(message) = clash_message(action, &conflicts) {
                    problems.push(RemapProblem {
                        remap: number,
                        in_name: false,
                        message,
                    });
                    undone.push(number);
                }
            }
            if undone.is_empty() {
                break;
            }
            for (_, action) in applied.iter().filter(|(n, _)| undone.contains(n)) {
                keymap.restore(action);
            }
            applied.retain(|(n, _)| !undone.contains(n));
        }
        problems.sort_by_key(|p| p.remap);
        (keymap, problems)
    }

    /// Binds the keys of `remap` to its action; the action, or why not (and whether the
    /// name is at fault).
    fn apply(&mut self, remap: &Remap) -> Result<Action, (bool, String)> {
        let name = &remap.action;
        let keys = remap
            .keys
            .iter()
            .map(|k| parse_key(k))
            .collect::<Result<Vec<Key>, String>>()
            .map_err(|why| (false, format!("{why}; keeping the built-in keys of {name}")))?;
        let targets: Vec<usize> = (0..self.entries.len())
            .filter(|&i| REMAPPABLE.contains(&self.entries[i].context))
            .filter(|&i| action_name(&self.entries[i].action) == name)
            .collect();
        let Some(&first) = targets.first() else {
            return Err((
                true,
                format!("unknown action \"{name}\"; see the names in parentheses in the help (?)"),
            ));
        };
        for &i in &targets {
            let entry = &mut self.entries[i];
            entry.keys = keys.clone();
            // Ctrl-c always quits, whatever else quit is mapped to.
            if entry.action == Action::Quit && !entry.keys.contains(&Key::Ctrl('c')) {
                entry.keys.push(Key::Ctrl('c'));
            }
        }
        Ok(self.entries[first].action.clone())
    }

    /// Gives `action` its built-in keys back.
    fn restore(&mut self, action: &Action) {
        let builtin = Keymap::default();
        for (entry, original) in self.entries.iter_mut().zip(builtin.entries) {
            if entry.action == *action {
                entry.keys = original.keys;
            }
        }
    }

    /// Keys bound to two actions where both would be tried.
    fn conflicts(&self) -> Vec<Conflict> {
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
                    // The built-in table lets the pane's own key win over `Anywhere`
                    // (Esc in the detail); only same-context clashes and remapped keys count.
                    let builtin = BINDINGS
                        .iter()
                        .any(|d| d.action == a.action && d.keys.contains(key))
                        && BINDINGS
                            .iter()
                            .any(|d| d.action == b.action && d.keys.contains(key));
                    let known = found.iter().any(|c: &Conflict| {
                        c.key == *key && c.actions == [a.action.clone(), b.action.clone()]
                    });
                    if (a.context == b.context || !builtin) && !known {
                        found.push(Conflict {
                            key: *key,
                            actions: [a.action.clone(), b.action.clone()],
                        });
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
#[path = "remap_tests.rs"]
mod tests;
