//! A folder as one dossier (`talks DIR`): every `*.yaml`/`*.yml` file of it but
//! `*.notes.yaml`, read in parallel and merged in file-name order. Each file has
//! `version`, exactly one has `title`; references work across files, and a file may add
//! positions to another's sticking point with a top-level `positions:` list. Problems are
//! reported at FILE:LINE:COLUMN of the file that holds them.

pub mod part;
mod read;

use std::path::Path;
use std::sync::Arc;

use super::folder_map::Child;
pub use super::folder_map::FolderMap;
use part::Part;
pub use read::{is_dossier_file, is_dossier_file_name};

use super::diagnostic::{Diagnostic, Severity};
use super::index::Index;
use super::load::{LISTED_WARNINGS, LoadError, Loaded};
use super::types::Dossier;
use super::validate::validate;

/// Reads, merges and validates the folder dossier at `dir`.
pub fn load_folder(dir: &Path) -> Result<Loaded, LoadError> {
    let (files, texts) = read_folder(dir)?;
    load_folder_texts(&crate::text::shown_path(dir), files, texts)
}

/// A folder dossier's files as read: their paths, and their names and texts, in file order.
pub type FolderFiles = (Vec<std::path::PathBuf>, Vec<(String, String)>);

/// The folder dossier's files at `dir`, in file order, with their names and texts.
pub fn read_folder(dir: &Path) -> Result<FolderFiles, LoadError> {
    let files = read::dossier_files(dir)?;
    let texts = read::read_texts(&files)?;
    Ok((files, texts))
}

/// A folder dossier from its files' names and texts (read from disk or elsewhere, e.g. a
/// git revision), in file order; `files` are their paths, for the editor.
pub fn load_folder_texts(
    name: &str,
    files: Vec<std::path::PathBuf>,
    texts: Vec<(String, String)>,
) -> Result<Loaded, LoadError> {
    let name = name.to_string();
    let (names, texts, parts) = read::parse_all(texts)?;
    let title_file = check_parts(&name, &names, &texts, &parts)?;
    let (dossier, map) = merge(parts, files, names, title_file);
    let (mut findings, warnings): (Vec<_>, Vec<_>) = validate(&dossier)
        .into_iter()
        .partition(|f| f.severity == Severity::Error);
    let unlisted_warnings = warnings.len().saturating_sub(LISTED_WARNINGS);
    findings.extend(warnings.into_iter().take(LISTED_WARNINGS));
    let diagnostics = map.located(&texts, &findings);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(LoadError {
            diagnostics,
            unlisted_warnings,
            read_no_further: false,
        });
    }
    let index = Index::build(&dossier);
    Ok(Loaded {
        name,
        dossier,
        index,
        warnings: diagnostics,
        unlisted_warnings,
        folder: Some(Arc::new(map)),
        cache_key: None,
    })
}

/// Every file says `version: 1`, and exactly one gives the title; the index of that one.
fn check_parts(
    folder: &str,
    names: &[String],
    texts: &[String],
    parts: &[Part],
) -> Result<usize, LoadError> {
    let mut problems = Vec::new();
    let at = |file: usize, path: &str, message: String| {
        let finding = super::validate::Finding {
            severity: Severity::Error,
            path: path.to_string(),
            message,
            also: None,
        };
        super::locate::located(&names[file], &texts[file], &[finding])
    };
    for (file, part) in parts.iter().enumerate() {
        if part.version != 1 {
            let message = format!(
                "unsupported dossier version {}; this talks reads version 1",
                part.version
            );
            problems.extend(at(file, "version", message));
        }
    }
    let titled: Vec<usize> = (0..parts.len())
        .filter(|&f| parts[f].title.is_some())
        .collect();
    for pair in titled.windows(2) {
        let message = format!(
            "a second title: {} already gives the folder dossier's title (exactly one file does)",
            names[pair[0]]
        );
        problems.extend(at(pair[1], "title", message));
    }
    for (file, part) in parts.iter().enumerate() {
        if part.summary.is_some() && part.title.is_none() {
            let message = "the summary goes in the file that has the title".to_string();
            problems.extend(at(file, "summary", message));
        }
    }
    let Some(&first) = titled.first() else {
        let message = "no file of the folder gives a `title`: add it (and `summary`) to one file";
        problems.push(Diagnostic::new(Severity::Error, folder, message));
        return Err(LoadError::from_diagnostics(problems));
    };
    if problems.is_empty() {
        Ok(first)
    } else {
        Err(LoadError::from_diagnostics(problems))
    }
}

/// The parts as one dossier, lists in file order; added positions go after a sticking
/// point's own, in file order, each kept where its sticking point cannot be found so that
/// validation names it.
fn merge(
    parts: Vec<Part>,
    files: Vec<std::path::PathBuf>,
    names: Vec<String>,
    title_file: usize,
) -> (Dossier, FolderMap) {
    let mut dossier = Dossier {
        version: 1,
        title: String::new(),
        summary: None,
        sources: Vec::new(),
        actors: Vec::new(),
        events: Vec::new(),
        sticking_points: Vec::new(),
        places: Vec::new(),
    };
    let mut map = FolderMap::new(files, names, title_file);
    let mut added = Vec::new();
    let mut quotes = Vec::new();
    for (file, part) in parts.into_iter().enumerate() {
        map.start_file([
            dossier.sources.len(),
            dossier.actors.len(),
            dossier.events.len(),
            dossier.sticking_points.len(),
            dossier.places.len(),
        ]);
        if let Some(title) = part.title {
            dossier.title = title;
            dossier.summary = part.summary;
        }
        dossier.sources.extend(part.sources);
        dossier.actors.extend(part.actors);
        dossier.events.extend(part.events);
        dossier.sticking_points.extend(part.sticking_points);
        dossier.places.extend(part.places);
        added.extend(
            part.positions
                .into_iter()
                .enumerate()
                .map(|(k, p)| (file, k, p)),
        );
        quotes.extend(
            part.quotes
                .into_iter()
                .enumerate()
                .map(|(k, q)| (file, k, q)),
        );
    }
    place_added(&mut dossier, &mut map, added);
    place_quotes(&mut dossier, &mut map, quotes);
    (dossier, map)
}

/// Each added position after its sticking point's own; one whose sticking point is nowhere
/// is kept in the map for its message.
fn place_added(
    dossier: &mut Dossier,
    map: &mut FolderMap,
    added: Vec<(usize, usize, part::AddedPosition)>,
) {
    let points: std::collections::HashMap<String, usize> = dossier
        .sticking_points
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.clone(), i))
        .collect();
    for (file, k, position) in added {
        match points.get(&position.sticking_point) {
            Some(&point) => {
                let positions = &mut dossier.sticking_points[point].positions;
                map.added(Child::Position, (point, positions.len()), (file, k));
                positions.push(position.into_position());
            }
            None => {
                let ids: Vec<&str> = points.keys().map(String::as_str).collect();
                let hint = super::validate::closest(&position.sticking_point, &ids)
                    .map(|best| format!("; did you mean \"{best}\"?"))
                    .unwrap_or_default();
                let id = &position.sticking_point;
                let path = format!("positions[{k}].sticking_point");
                map.unplaced(file, path, format!("unknown sticking point \"{id}\"{hint}"));
            }
        }
    }
}

/// Each added quote after its event's own, as [`place_added`] does for positions.
fn place_quotes(
    dossier: &mut Dossier,
    map: &mut FolderMap,
    added: Vec<(usize, usize, part::AddedQuote)>,
) {
    let events: std::collections::HashMap<String, usize> = dossier
        .events
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    for (file, k, quote) in added {
        match events.get(&quote.event) {
            Some(&event) => {
                let quotes = &mut dossier.events[event].quotes;
                map.added(Child::Quote, (event, quotes.len()), (file, k));
                quotes.push(quote.into_quote());
            }
            None => {
                let ids: Vec<&str> = events.keys().map(String::as_str).collect();
                let hint = super::validate::closest(&quote.event, &ids)
                    .map(|best| format!("; did you mean \"{best}\"?"))
                    .unwrap_or_default();
                let message = format!("unknown event \"{}\"{hint}", quote.event);
                map.unplaced(file, format!("quotes[{k}].event"), message);
            }
        }
    }
}

impl LoadError {
    pub(crate) fn from_diagnostics(diagnostics: Vec<Diagnostic>) -> Self {
        LoadError {
            diagnostics,
            unlisted_warnings: 0,
            read_no_further: false,
        }
    }
}

#[cfg(test)]
mod tests;
