//! `talks init PATH`: the built-in dossier written out as a file to edit.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::fsio::{WriteError, create_new};
use crate::text::shown_path;

/// The blank dossier `talks init --empty` writes: one of each kind, every line explained.
const SKELETON_TEXT: &str = include_str!("../../assets/skeleton.yaml");

/// Writes the built-in dossier's text, byte for byte, to `path` (atomically, never over an
/// existing file), takes the notes made on the built-in dossier along, then says what was
/// written and what to do next; with `empty`, the skeleton instead (no notes to take).
pub(super) fn run(out: &mut impl Write, path: &Path, empty: bool) -> io::Result<ExitCode> {
    let text = if empty {
        SKELETON_TEXT
    } else {
        crate::model::BUILTIN_TEXT
    };
    match create_new(path, text.as_bytes()) {
        Ok(written) => {
            let shown = crate::text::shell_word(&shown_path(&written.path));
            let what = if empty {
                "a blank dossier, one of each kind with every line explained,"
            } else {
                "the built-in dossier"
            };
            writeln!(
                out,
                "Wrote {what} to {} ({}).\nNext: explore it with `talks {shown}` \
                 (`o` opens your editor at the selection), and check your edits with \
                 `talks validate {shown}`.",
                shown_path(&written.path),
                written.size()
            )?;
            // A blank dossier shares nothing with the built-in one: its notes stay there.
            if let Some(said) = (!empty).then(|| take_notes_along(path)).flatten() {
                writeln!(out, "{said}")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            let hint = match err {
                WriteError::Exists(_) => ": choose another name, or remove it first",
                _ => "",
            };
            crate::say!("talks init: {err}{hint}");
            Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT))
        }
    }
}

/// The notes and stars made on the built-in dossier, added to the copy's own notes file
/// (to what a notes file already there holds); the built-in's file is left as it is. What
/// happened, when there was anything to take.
fn take_notes_along(copy: &Path) -> Option<String> {
    let builtin = crate::notes::file::open(None);
    if builtin.notes.is_empty() {
        return None;
    }
    let Some(target) = crate::notes::file::usual_path(Some(copy)) else {
        return Some(
            "Your notes on the built-in dossier stay with it: no place for the copy's".into(),
        );
    };
    let nothing = crate::notes::Notes::new();
    Some(
        match crate::notes::file::save(&target, &nothing, &builtin.notes, None) {
            Ok(saved) => format!(
                "Your notes and stars on the built-in dossier are in {} too.",
                shown_path(&saved.path)
            ),
            Err(why) => format!("Your notes on the built-in dossier were not copied: {why}"),
        },
    )
}
