//! The files of a folder dossier, read on every core.

use std::path::{Path, PathBuf};

use super::part::Part;
use crate::model::diagnostic::{Diagnostic, Severity};
use crate::model::load::{LoadError, decode, read_as};
use crate::model::source::read_path;

/// The folder's `*.yaml` and `*.yml` files but `*.notes.yaml`, by file name.
pub(super) fn dossier_files(dir: &Path) -> Result<Vec<PathBuf>, LoadError> {
    let name = crate::text::shown_path(dir);
    let problem =
        |message: String| LoadError::single(Diagnostic::new(Severity::Error, &name, message));
    let entries =
        std::fs::read_dir(dir).map_err(|err| problem(format!("cannot read the folder: {err}")))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|err| problem(format!("cannot read the folder: {err}")))?
            .path();
        if unnamed_yaml(&path) {
            return Err(problem(format!(
                "the file {} has a name that is not UTF-8: talks cannot name it in messages or \
                 keep its order; rename it",
                crate::text::shown_path(&path)
            )));
        }
        if is_dossier_file(&path) {
            files.push(path);
        }
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    if files.is_empty() {
        return Err(problem(
            "the folder holds no .yaml or .yml file: a folder dossier is its YAML files".into(),
        ));
    }
    Ok(files)
}

/// A YAML file by its ending whose name is not UTF-8: never skipped without a word.
fn unnamed_yaml(path: &Path) -> bool {
    let Some(name) = path.file_name() else {
        return false;
    };
    let bytes = name.as_encoded_bytes();
    let yaml = bytes.ends_with(b".yaml") || bytes.ends_with(b".yml");
    yaml && name.to_str().is_none() && !bytes.starts_with(b".")
}

/// A YAML file that is not a notes sidecar (folders inside are not read).
pub fn is_dossier_file(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str());
    name.is_some_and(is_dossier_file_name) && !path.is_dir()
}

/// A YAML file's name that is not a notes sidecar and not hidden.
pub fn is_dossier_file_name(name: &str) -> bool {
    let yaml = name.ends_with(".yaml") || name.ends_with(".yml");
    yaml && !name.ends_with(".notes.yaml") && !name.starts_with('.')
}

/// The files' names, texts and readings, in file order.
pub(super) type Parts = (Vec<String>, Vec<String>, Vec<Part>);

/// Each file's name and text, in order; every file's problems when any cannot be read.
pub(super) fn read_texts(files: &[PathBuf]) -> Result<Vec<(String, String)>, LoadError> {
    let mut problems = Vec::new();
    let mut texts = Vec::new();
    for path in files {
        let name = crate::text::shown_path(path);
        match read_path(path).and_then(|bytes| decode(&name, bytes)) {
            Ok(text) => texts.push((name, text)),
            Err(err) => problems.extend(err.diagnostics),
        }
    }
    if problems.is_empty() {
        Ok(texts)
    } else {
        Err(LoadError::from_diagnostics(problems))
    }
}

/// Each file read as a part of a folder dossier, on every core; every file's problems when
/// any fails.
pub(super) fn parse_all(files: Vec<(String, String)>) -> Result<Parts, LoadError> {
    let files: Vec<(String, String)> = files
        .into_iter()
        .map(|(name, text)| match text.strip_prefix('\u{feff}') {
            Some(rest) => (name, rest.to_string()),
            None => (name, text),
        })
        .collect();
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len())
        .max(1);
    let per_worker = files.len().div_ceil(workers).max(1);
    let results: Vec<Result<Part, LoadError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(per_worker)
            .map(|chunk| {
                scope.spawn(move || {
                    let parse =
                        |(name, text): &(String, String)| read_as::<Part>(name, text, |_| None);
                    chunk.iter().map(parse).collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    let mut problems = Vec::new();
    let mut parts = Vec::new();
    for result in results {
        match result {
            Ok(part) => parts.push(part),
            Err(err) => problems.extend(err.diagnostics),
        }
    }
    if !problems.is_empty() || parts.len() != files.len() {
        return Err(LoadError::from_diagnostics(problems));
    }
    let (names, texts) = files.into_iter().unzip();
    Ok((names, texts, parts))
}
