//! `talks notes`: the analyst's notes and stars on a dossier, listed, one shown, or all
//! exported; `--orphans`: those on entities no longer in the dossier.

use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::EXIT_NOT_FOUND;
use crate::cli::{DataFormat, NotesArgs, NotesCommand};
use crate::model::Loaded;
use crate::notes::Notes;
use crate::open::EXIT_BAD_INPUT;
use crate::text::{count_of, json_pretty, sanitize_line};

/// A key with a note or a star, and what it names in the dossier (`None`: gone).
struct Entry<'a> {
    key: &'a str,
    name: Option<String>,
    note: Option<&'a str>,
    starred: bool,
}

fn entries<'a>(loaded: &Loaded, notes: &'a Notes, orphans: bool) -> Vec<Entry<'a>> {
    let gone = notes.orphans(&loaded.dossier, &loaded.index);
    let mut keys: Vec<&str> = notes
        .notes
        .keys()
        .chain(notes.stars.iter())
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.into_iter()
        .filter(|key| !orphans || gone.contains(key))
        .map(|key| Entry {
            key,
            name: name_of(loaded, key).filter(|_| !gone.contains(&key)),
            note: notes.note(key),
            starred: notes.is_starred(key),
        })
        .collect()
}

/// The name of an entity id, or "ACTOR on POINT" for a position key.
fn name_of(loaded: &Loaded, key: &str) -> Option<String> {
    let (d, index) = (&loaded.dossier, &loaded.index);
    if let Some(entity) = index.get(key) {
        return Some(d.name_of(entity).to_string());
    }
    let (point, actor) = key
        .split_once('@')
        .map_or(key, |(k, _)| k)
        .split_once('/')?;
    let point = &d.sticking_points[index.sticking_point(point)?];
    let actor = &d.actors[index.actor(actor)?];
    Some(format!("{} on {}", actor.name, point.title))
}

fn entry_json(entry: &Entry) -> Value {
    json!({
        "key": entry.key,
        "name": entry.name,
        "in_dossier": entry.name.is_some(),
        "note": entry.note,
        "starred": entry.starred,
    })
}

/// `★ ✎ key  name: first line of the note`.
fn entry_line(entry: &Entry) -> String {
    let star = if entry.starred { "★" } else { " " };
    let pen = if entry.note.is_some() { "✎" } else { " " };
    let name = entry
        .name
        .as_deref()
        .unwrap_or("(no longer in the dossier)");
    let first = entry.note.and_then(|n| n.lines().next()).unwrap_or("");
    let line = format!("{star}{pen} {}  {name}  {first}", entry.key);
    sanitize_line(line.trim_end()).into_owned()
}

/// Loads the dossier (its notes name its entities), then [`run`].
pub(super) fn load_and_run(out: &mut impl Write, asked: &NotesArgs) -> io::Result<ExitCode> {
    match crate::open::load(asked.dossier.as_deref()) {
        Ok(loaded) => run(out, &loaded, asked),
        Err(err) => Ok(crate::open::report_load_error(&err)),
    }
}

fn run(out: &mut impl Write, loaded: &Loaded, asked: &NotesArgs) -> io::Result<ExitCode> {
    let opened = crate::notes::file::open(asked.dossier.as_deref());
    if let Some(error) = &opened.error {
        crate::say!("talks: cannot read the notes: {}", sanitize_line(error));
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let notes = &opened.notes;
    let all = entries(loaded, notes, asked.orphans);
    let json = asked.format == DataFormat::Json;
    let list = NotesCommand::List;
    let command = asked.command.as_ref().unwrap_or(&list);
    match command {
        NotesCommand::Show { id } => {
            let Some(entry) = all.iter().find(|e| e.key == id) else {
                crate::say!("talks: no note or star on \"{}\"", sanitize_line(id));
                return Ok(ExitCode::from(EXIT_NOT_FOUND));
            };
            if json {
                writeln!(out, "{}", json_pretty(&entry_json(entry)))?;
            } else {
                writeln!(out, "{}", entry_line(entry))?;
                for line in entry.note.iter().flat_map(|n| n.lines()) {
                    writeln!(out, "  {}", sanitize_line(line))?;
                }
            }
        }
        NotesCommand::List | NotesCommand::Export if json => {
            let mut value = json!({ "entries": all.iter().map(entry_json).collect::<Vec<_>>() });
            if matches!(command, NotesCommand::Export) {
                value["searches"] = json!(notes.searches);
            }
            writeln!(out, "{}", json_pretty(&value))?;
        }
        NotesCommand::List => {
            for entry in &all {
                writeln!(out, "{}", entry_line(entry))?;
            }
        }
        NotesCommand::Export => export_text(out, &all, notes)?,
    }
    let orphans = all.iter().filter(|e| e.name.is_none()).count();
    if orphans > 0 && !json {
        let what = count_of(orphans, "note or star", "notes or stars");
        crate::say!("{what} on entities no longer in the dossier (kept in the notes file)");
    }
    Ok(ExitCode::SUCCESS)
}

fn export_text(out: &mut impl Write, all: &[Entry], notes: &Notes) -> io::Result<()> {
    for entry in all {
        writeln!(out, "{}", entry_line(entry))?;
        for line in entry.note.iter().flat_map(|n| n.lines()).skip(1) {
            writeln!(out, "  {}", sanitize_line(line))?;
        }
    }
    if !notes.searches.is_empty() {
        writeln!(out, "\nSaved searches")?;
        for (name, query) in &notes.searches {
            writeln!(out, "@{}  {}", sanitize_line(name), sanitize_line(query))?;
        }
    }
    Ok(())
}
