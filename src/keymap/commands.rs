//! Every action a key can be bound to: its stable name, the key of `[keys]` in the config
//! file, and what it does. A name is written here once and never derived from the variant,
//! so renaming a variant renames no user's config key.

use crate::action::{Action, Page};
use crate::model::EntityKind;

/// A bindable action with its name and description.
pub struct Command {
    pub(crate) name: &'static str,
    pub(crate) action: Action,
    /// What help says of a binding that does not describe it for its context.
    pub(crate) description: &'static str,
}

const fn command(name: &'static str, action: Action, description: &'static str) -> Command {
    Command {
        name,
        action,
        description,
    }
}

/// Every bindable action, one a line.
#[rustfmt::skip]
pub const COMMANDS: &[Command] = &[
    command("quit", Action::Quit, "Quit"),
    command("suspend", Action::Suspend, "Suspend to the shell (fg resumes)"),
    command("up", Action::Up, "Up"),
    command("down", Action::Down, "Down"),
    command("top", Action::Top, "To the top"),
    command("bottom", Action::Bottom, "To the bottom"),
    command("page-up", Action::PageUp, "Page up"),
    command("page-down", Action::PageDown, "Page down"),
    command("half-page-up", Action::HalfPageUp, "Half a page up"),
    command("half-page-down", Action::HalfPageDown, "Half a page down"),
    command("next-pane", Action::NextPane, "Next pane"),
    command("previous-pane", Action::PreviousPane, "Previous pane"),
    command("next-link", Action::NextLink, "Next link"),
    command("previous-link", Action::PreviousLink, "Previous link"),
    command("find-next", Action::FindNext, "Next hit of the query in the detail pane"),
    command("find-previous", Action::FindPrevious, "Previous hit of the query in the detail pane"),
    command("focus-list-actor", Action::FocusList(EntityKind::Actor), "Jump to the actors"),
    command("focus-list-event", Action::FocusList(EntityKind::Event), "Jump to the events"),
    command("focus-list-sticking-point", Action::FocusList(EntityKind::StickingPoint), "Jump to the sticking points"),
    command("focus-list-place", Action::FocusList(EntityKind::Place), "Jump to the places"),
    command("activate", Action::Activate, "Open what is under the cursor"),
    command("back", Action::Back, "Go back in the history"),
    command("forward", Action::Forward, "Go forward in the history"),
    command("start-search", Action::StartSearch, "Search: filter every list"),
    command("finish-search", Action::FinishSearch, "Back to the lists, keeping the filter"),
    command("escape", Action::Escape, "Close or clear what is open"),
    command("insert", Action::Insert(' '), "Type text"),
    command("delete-back", Action::DeleteBack, "Delete the character before the cursor"),
    command("delete-forward", Action::DeleteForward, "Delete the character under the cursor"),
    command("delete-word", Action::DeleteWord, "Delete the word before the cursor"),
    command("clear-input", Action::ClearInput, "Clear the text"),
    command("cursor-left", Action::CursorLeft, "Cursor left"),
    command("earlier-date", Action::EarlierDate, "Matrix: a step back: the comparison's positions (with --since), then each date one was taken"),
    command("later-date", Action::LaterDate, "Matrix: a step forward: the next date, the comparison's positions, the latest"),
    command("cursor-right", Action::CursorRight, "Cursor right"),
    command("cursor-home", Action::CursorHome, "Cursor to the start"),
    command("cursor-end", Action::CursorEnd, "Cursor to the end"),
    command("history-previous", Action::EarlierQuery, "Earlier query"),
    command("history-next", Action::LaterQuery, "Later query"),
    command("toggle-help", Action::ToggleHelp, "Show this help"),
    command("open-page-matrix", Action::OpenPage(Page::Matrix), "Stance matrix: who stands where"),
    command("open-page-timeline", Action::OpenPage(Page::Timeline), "Timeline: events in order"),
    command("open-page-sources", Action::OpenPage(Page::Sources), "Sources and what cites each"),
    command("start-export", Action::StartExport, "Export this view (the list and detail, or the page shown) to a file"),
    command("start-briefing", Action::StartBriefing, "Export the whole dossier as a brief"),
    command("cycle-format", Action::CycleFormat, "Next format: text wrapped, text a paragraph a line (to paste), md, json, csv, tsv (tables only), html"),
    command("confirm-export", Action::ConfirmExport, "Write the file"),
    command("answer-true", Action::Answer(true), "Yes, replace the file"),
    command("answer-false", Action::Answer(false), "No, back to the file name"),
    command("switch-pane", Action::SwitchPane, "Switch between the list and the detail (in either)"),
    command("copy-selected", Action::CopySelected, "Copy the marked entities if any, else what the cursor is on (the entity shown; on a page the position, event or the source's citation) to the clipboard"),
    command("toggle-mark", Action::ToggleMark, "Mark or unmark the selection (on the timeline, the event), for copy and export"),
    command("mark-all", Action::MarkAll, "Mark every entry listed (the focused list as filtered, or the timeline)"),
    command("clear-marks", Action::ClearMarks, "Clear every mark"),
    command("toggle-overview", Action::ToggleOverview, "Overview of the dossier: summary, sources, counts, file"),
    command("edit-note", Action::EditNote, "Write or edit your note on the selection (an entity, or the position under the matrix cursor)"),
    command("toggle-star", Action::ToggleStar, "Star or unstar the selection (saved with your notes; is:starred lists them)"),
    command("new-line", Action::NewLine, "A new line"),
    command("save-note", Action::SaveNote, "Keep the note and close the editor"),
    command("edit-note-in-editor", Action::EditNoteInEditor, "Write the note in $VISUAL or $EDITOR, then back here"),
    command("save-search", Action::SaveSearch, "Save the query under a name (kept with your notes; talks search @name runs it)"),
    command("open-saved-searches", Action::OpenSavedSearches, "Pick a saved search (type to filter)"),
    command("toggle-export-notes", Action::ToggleExportNotes, "With or without your notes and stars, in a section of their own (off by default)"),
    command("open-in-editor", Action::OpenInEditor, "Open $VISUAL or $EDITOR (unset: nano or your system's editor if installed, else vi) at what the cursor is on; the dossier reloads after (the built-in one: write a copy to edit)"),
    command("caught-up", Action::CatchUp, "Caught up: remember what the dossier says now; the next open shows what changed since (N, Δ, changed:)"),
    command("scroll-line-down", Action::ScrollLineDown, "Scroll the detail down a line"),
    command("scroll-line-up", Action::ScrollLineUp, "Scroll the detail up a line"),
    command("toggle-watch", Action::ToggleWatch, "Watch the dossier's file and reload it when it changes, or stop watching (as --watch)"),
    command("toggle-export-single-source", Action::ToggleExportSingleSource, "The brief: with or without an appendix of the claims that rest on one source (off by default)"),
];

/// The command an action is bound as; `None` for actions no key can ask for (a finished
/// search, a resize).
pub(crate) fn command_of(action: &Action) -> Option<&'static Command> {
    COMMANDS.iter().find(|c| c.action == *action)
}

/// The name of an action in the config file: `quit`, `start-search`, `open-page-matrix`.
pub fn action_name(action: &Action) -> &'static str {
    command_of(action).map_or("", |c| c.name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names users have in their `[keys]`: frozen, so that no config breaks.
    const FROZEN: &[&str] = &[
        "quit",
        "suspend",
        "up",
        "down",
        "top",
        "bottom",
        "page-up",
        "page-down",
        "half-page-up",
        "half-page-down",
        "next-pane",
        "previous-pane",
        "next-link",
        "previous-link",
        "find-next",
        "find-previous",
        "focus-list-actor",
        "focus-list-event",
        "focus-list-sticking-point",
        "focus-list-place",
        "activate",
        "back",
        "forward",
        "start-search",
        "finish-search",
        "escape",
        "insert",
        "delete-back",
        "delete-forward",
        "delete-word",
        "clear-input",
        "cursor-left",
        "earlier-date",
        "later-date",
        "cursor-right",
        "cursor-home",
        "cursor-end",
        "history-previous",
        "history-next",
        "toggle-help",
        "open-page-matrix",
        "open-page-timeline",
        "open-page-sources",
        "start-export",
        "start-briefing",
        "cycle-format",
        "confirm-export",
        "answer-true",
        "answer-false",
        "switch-pane",
        "copy-selected",
        "toggle-mark",
        "mark-all",
        "clear-marks",
        "toggle-overview",
        "edit-note",
        "toggle-star",
        "new-line",
        "save-note",
        "edit-note-in-editor",
        "save-search",
        "open-saved-searches",
        "toggle-export-notes",
        "open-in-editor",
        "caught-up",
        "scroll-line-down",
        "scroll-line-up",
        "toggle-watch",
        "toggle-export-single-source",
    ];

    #[test]
    fn names_are_frozen_and_unique() {
        let names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
        assert_eq!(names, FROZEN);
        for (i, a) in COMMANDS.iter().enumerate() {
            assert!(
                COMMANDS[i + 1..].iter().all(|b| b.action != a.action),
                "{}",
                a.name
            );
        }
    }

    #[test]
    fn every_bound_action_has_a_name() {
        for binding in super::super::BINDINGS {
            assert!(
                command_of(&binding.action).is_some(),
                "{:?}",
                binding.action
            );
        }
    }
}
