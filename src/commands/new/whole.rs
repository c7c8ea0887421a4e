//! What `--append` checks the file against: the file alone, or the folder dossier it is a
//! part of (ids, references and the one-title rule hold across the folder; a part without
//! `title` is normal).

use std::path::{Path, PathBuf};

use crate::model::{self, LoadError, Loaded};
use crate::text::shown_path;

/// The dossier a file appended to belongs to.
pub(super) enum Whole {
    /// The file is a dossier of its own.
    File,
    /// The file is the part `at` of the folder dossier `name`, whose files and texts are
    /// as read.
    Folder {
        name: String,
        files: Vec<PathBuf>,
        texts: Vec<(String, String)>,
        at: usize,
    },
}

/// The dossier `path` belongs to: the folder `-d DIR` names; else its own folder when that
/// holds other dossier files and loads as one dossier; else the file alone.
pub(super) fn find(path: &Path, dossier: Option<&Path>) -> Result<Whole, String> {
    let name = shown_path(path);
    match dossier {
        Some(dir) if dir.is_dir() => folder(dir, path).ok_or_else(|| {
            format!(
                "{name} is not a dossier file of the folder {}: --append names one of its \
                     reports",
                shown_path(dir)
            )
        })?,
        Some(file) if same_file(file, path) => Ok(Whole::File),
        Some(file) => Err(format!(
            "-d {} with --append {name}: -d names the folder dossier the file is a part of",
            shown_path(file)
        )),
        None => {
            let parent = match path.parent() {
                Some(parent) if !parent.as_os_str().is_empty() => parent,
                _ => Path::new("."),
            };
            let alone = format!("(to add to {name} alone, give -d {name})");
            match folder(parent, path) {
                None => Ok(Whole::File),
                Some(Err(message)) => Err(format!("{message}\n\n{alone}")),
                // Dossiers side by side, each with its title: not one folder dossier.
                Some(Ok(whole)) if !whole.has_others() || whole.titles() > 1 => Ok(Whole::File),
                // Loaded once, by the caller, which says what stops it.
                Some(Ok(whole)) => Ok(whole),
            }
        }
    }
}

/// The folder dossier at `dir` with `path` as one of its files (`None`: it is not one, or
/// the folder holds no other); an error when the folder cannot be read.
fn folder(dir: &Path, path: &Path) -> Option<Result<Whole, String>> {
    let (files, texts) = match model::folder::read_folder(dir) {
        Ok(read) => read,
        Err(err) if dir_has(dir, path) => {
            return Some(Err(format!(
                "the folder dossier {} cannot be read:\n\n{err}",
                shown_path(dir)
            )));
        }
        Err(_) => return None,
    };
    let at = files.iter().position(|file| same_file(file, path))?;
    let whole = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    Some(Ok(Whole::Folder {
        name: shown_path(&whole),
        files,
        texts,
        at,
    }))
}

fn dir_has(dir: &Path, path: &Path) -> bool {
    path.parent().is_some_and(|parent| same_file(parent, dir))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

impl Whole {
    /// The dossier with the file's text `text`, named `name` for a file of its own.
    pub(super) fn load_with(&self, name: &str, text: &str) -> Result<Loaded, LoadError> {
        match self {
            Whole::File => model::load_str(name, text),
            Whole::Folder {
                name,
                files,
                texts,
                at,
            } => {
                let mut texts = texts.clone();
                texts[*at].1 = text.to_string();
                model::folder::load_folder_texts(name, files.clone(), texts)
            }
        }
    }

    fn has_others(&self) -> bool {
        matches!(self, Whole::Folder { files, .. } if files.len() > 1)
    }

    /// How many of the folder's files give a `title` (a top-level key at the line's start).
    fn titles(&self) -> usize {
        let titled = |text: &str| text.lines().any(|line| line.starts_with("title:"));
        match self {
            Whole::File => 1,
            Whole::Folder { texts, .. } => texts.iter().filter(|(_, t)| titled(t)).count(),
        }
    }

    /// Why nothing is added to `file`, one of the folder's files, when the folder does not
    /// load (`err`).
    pub(super) fn folder_not_loading(&self, file: &str, err: &LoadError) -> String {
        format!(
            "nothing was added: {} does not load, and {file} is one of its files:\n\n{err}\n\n\
             (to add to {file} alone, give -d {file})",
            self.called(file)
        )
    }

    /// What the dossier is called in messages: the file, or "the folder dossier DIR".
    pub(super) fn called(&self, file: &str) -> String {
        match self {
            Whole::File => file.to_string(),
            Whole::Folder { name, .. } => format!("the folder dossier {name}"),
        }
    }
}
