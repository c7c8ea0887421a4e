//! The status bar's key hints: the keys in force for what matters where the user is,
//! the least important left out first when the bar is short.

use crate::action::{Action, Page};
use crate::app::App;
use crate::keymap::{Context, Key, Keymap, contexts, key_name};

/// A hint of the status bar: the keys of its actions (joined by `/`), a short label, and
/// how much it matters (the least important go first when the bar is short).
struct Hint {
    actions: &'static [Action],
    label: &'static str,
    weight: u8,
}

const fn hint(actions: &'static [Action], label: &'static str, weight: u8) -> Hint {
    Hint {
        actions,
        label,
        weight,
    }
}

const PAGES: &[Action] = &[
    Action::OpenPage(Page::Matrix),
    Action::OpenPage(Page::Timeline),
    Action::OpenPage(Page::Sources),
];

const SEARCH_HINTS: &[Hint] = &[
    hint(&[Action::FinishSearch], "keep filter", 80),
    hint(&[Action::Escape], "clear", 75),
    hint(&[Action::EarlierQuery], "history", 60),
];

const HELP_HINTS: &[Hint] = &[
    hint(&[Action::Escape], "close", 100),
    hint(&[Action::Down], "scroll", 80),
    hint(&[Action::ClearInput], "clear filter", 60),
];

const OVERVIEW_HINTS: &[Hint] = &[
    hint(&[Action::Escape], "close", 100),
    hint(&[Action::StartBriefing], "export the brief", 90),
    hint(&[Action::Down], "scroll", 80),
];

const NOTE_HINTS: &[Hint] = &[
    hint(&[Action::SaveNote], "save", 100),
    hint(&[Action::Escape], "cancel", 90),
    hint(&[Action::NewLine], "new line", 70),
    hint(&[Action::EditNoteInEditor], "$EDITOR", 60),
];

const PICKER_HINTS: &[Hint] = &[
    hint(&[Action::Activate], "run", 100),
    hint(&[Action::Escape], "close", 90),
    hint(&[Action::DeleteForward], "forget", 60),
];

const PAGES_HINTS: &[Hint] = &[
    hint(&[Action::Down], "move", 80),
    hint(&[Action::Activate], "open", 75),
    hint(&[Action::OpenPage(Page::Matrix)], "matrix⇄lists", 71),
    // On a page, what is seen is what an export writes: it matters more than elsewhere.
    hint(&[Action::StartExport], "export", 72),
    hint(&[Action::Escape], "lists", 60),
];

const DETAIL_HINTS: &[Hint] = &[
    hint(&[Action::NextLink], "next link", 80),
    hint(&[Action::Activate], "follow", 75),
    // After a link was followed, back is how the reader returns.
    hint(&[Action::Back], "back", 78),
    hint(&[Action::SwitchPane], "list", 60),
];

// What each key does: Enter reads the entry in the detail (its links), Tab goes to the
// next list (the detail comes after the last list).
const LISTS_HINTS: &[Hint] = &[
    hint(&[Action::Down], "move", 80),
    hint(&[Action::Activate], "read", 75),
    hint(&[Action::NextPane], "next list", 48),
    hint(&[Action::SwitchPane], "detail", 40),
];

const ANYWHERE_HINTS: &[Hint] = &[
    hint(&[Action::Back], "back", 45),
    hint(&[Action::StartSearch], "search", 85),
    hint(PAGES, "pages", 70),
    hint(&[Action::StartExport], "export", 50),
    hint(&[Action::ToggleOverview], "overview", 40),
    // Shown only while something changed, and then it matters: kept before all but help.
    hint(&[Action::CatchUp], "caught up", 95),
    hint(&[Action::ToggleHelp], "help", 100),
    hint(&[Action::Quit], "quit", 90),
];

/// The hints the status bar gives in a context.
fn wanted_hints(context: Context) -> &'static [Hint] {
    match context {
        Context::Search => SEARCH_HINTS,
        Context::Help => HELP_HINTS,
        Context::Overview => OVERVIEW_HINTS,
        Context::Note => NOTE_HINTS,
        Context::SaveSearch => &[],
        Context::Searches => PICKER_HINTS,
        Context::Pages => PAGES_HINTS,
        Context::Detail => DETAIL_HINTS,
        Context::Lists => LISTS_HINTS,
        Context::Anywhere => ANYWHERE_HINTS,
        Context::Export | Context::Overwrite => &[],
    }
}

/// Whether a hint applies where the user is: `C` only while something changed since the
/// user last looked; on the matrix `m` (back to the lists) rather than Esc.
fn in_force(wanted: &Hint, context: Context, app: &App) -> bool {
    let on_matrix = app.page() == Page::Matrix;
    match wanted.actions {
        [Action::CatchUp] => app.has_unseen_changes(),
        [Action::Back] => app.trail().can_go_back(),
        // Said once: by the page's own hints on a page.
        [Action::StartExport] if context == Context::Anywhere => app.page() == Page::Browse,
        [Action::OpenPage(Page::Matrix)] => on_matrix,
        // No party's row shown: nothing to move over.
        [Action::Down] if on_matrix => match app.layout().page {
            crate::app::page_layout::PageAreas::Matrix(m) => m.fits_a_row(),
            _ => true,
        },
        [Action::Escape] if context == Context::Pages => !on_matrix,
        _ => true,
    }
}

/// The first key of `action` in `context`; else its key anywhere, unless `context` gives
/// that key to another action.
fn key_for(keymap: &Keymap, context: Context, action: &Action) -> Option<Key> {
    let first_in = |ctx: Context| {
        (keymap.entries.iter())
            .find(|b| b.context == ctx && b.action == *action)
            .and_then(|b| b.keys.first().copied())
    };
    first_in(context).or_else(|| {
        let key = first_in(Context::Anywhere)?;
        let shadowed = (keymap.entries.iter())
            .any(|b| b.context == context && b.action != *action && b.keys.contains(&key));
        (!shadowed).then_some(key)
    })
}

/// The key hints that matter in the current mode, with the keys in force (remaps
/// included): the most specific context's, then those that work anywhere. The least
/// important are left out until the rest fit in `width` columns.
pub(super) fn hints(app: &App, keymap: &Keymap, width: usize) -> Vec<(String, &'static str)> {
    let mut hints = Vec::new();
    let mut given: Vec<&[Action]> = Vec::new();
    for &context in contexts(app.mode(), app.focus(), app.page()) {
        for wanted in wanted_hints(context) {
            // The most specific context's hint of an action is the one given.
            if !in_force(wanted, context, app) || given.contains(&wanted.actions) {
                continue;
            }
            given.push(wanted.actions);
            let keys: Vec<String> = wanted
                .actions
                .iter()
                .filter_map(|action| key_for(keymap, context, action))
                .map(key_name)
                .collect();
            if !keys.is_empty() {
                hints.push((keys.join("/"), wanted.label, wanted.weight));
            }
        }
    }
    let shown_width = |hints: &[(String, &str, u8)]| -> usize {
        hints
            .iter()
            .map(|(key, label, _)| key.chars().count() + label.chars().count() + 3)
            .sum()
    };
    while shown_width(&hints) > width && hints.len() > 1 {
        let lightest = hints
            .iter()
            .enumerate()
            .min_by_key(|(n, h)| (h.2, std::cmp::Reverse(*n)))
            .map_or(0, |(n, _)| n);
        hints.remove(lightest);
    }
    hints
        .into_iter()
        .map(|(key, label, _)| (key, label))
        .collect()
}
