//! Where each item of a folder dossier was written: merged paths (`events[7].place`)
//! back to a file and the path in it (`events[2].place`), for messages and the editor.

use std::path::PathBuf;

use super::diagnostic::{Diagnostic, Severity};
use super::locate::{Locator, located};
use super::validate::Finding;

/// What a file may add to an item of another: a position to a sticking point, a quote to
/// an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Child {
    Position,
    Quote,
}

impl Child {
    /// The list's name, under its parent and at the top of a file.
    fn list(self) -> &'static str {
        match self {
            Child::Position => "positions",
            Child::Quote => "quotes",
        }
    }
}

/// One item added to an item of another file: where it is merged, and where written.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Added {
    child: Child,
    /// (sticking point or event, index in its list).
    merged: (usize, usize),
    /// (file, index in that file's top-level list).
    written: (usize, usize),
}

/// The merged lists, in the order `start_file` counts them.
const LISTS: [&str; 5] = ["sources", "actors", "events", "sticking_points", "places"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderMap {
    /// The files, in file-name order.
    pub(crate) files: Vec<PathBuf>,
    /// Their names as messages show them.
    pub(crate) names: Vec<String>,
    /// For each file, where its items start in each merged list.
    starts: Vec<[usize; 5]>,
    /// Positions and quotes added by a top-level `positions:` or `quotes:`: (sticking
    /// point or event, index in its list) → (file, index in that file's top-level list).
    added: Vec<Added>,
    /// Added items whose sticking point or event is nowhere: (file, path, message).
    unplaced: Vec<(usize, String, String)>,
    title_file: usize,
}

impl FolderMap {
    pub(super) fn new(files: Vec<PathBuf>, names: Vec<String>, title_file: usize) -> Self {
        FolderMap {
            files,
            names,
            starts: Vec::new(),
            added: Vec::new(),
            unplaced: Vec::new(),
            title_file,
        }
    }

    pub(super) fn start_file(&mut self, starts: [usize; 5]) {
        self.starts.push(starts);
    }

    pub(super) fn added(&mut self, child: Child, merged: (usize, usize), written: (usize, usize)) {
        self.added.push(Added {
            child,
            merged,
            written,
        });
    }

    pub(super) fn unplaced(&mut self, file: usize, path: String, message: String) {
        let message = crate::text::cut_quoted(&message);
        self.unplaced.push((file, path, message));
    }

    /// The file and the path in it of a merged path.
    pub fn written_at(&self, path: &str) -> (usize, String) {
        let Some((list, rest)) = path.split_once('[') else {
            return (self.title_file, path.to_string());
        };
        let Some(slot) = LISTS.iter().position(|l| *l == list) else {
            return (self.title_file, path.to_string());
        };
        let Some((number, rest)) = rest.split_once(']') else {
            return (self.title_file, path.to_string());
        };
        let Ok(n) = number.parse::<usize>() else {
            return (self.title_file, path.to_string());
        };
        let child = match list {
            "sticking_points" => Some(Child::Position),
            "events" => Some(Child::Quote),
            _ => None,
        };
        if let Some(found) = child.and_then(|child| self.added_child(child, n, rest)) {
            return found;
        }
        let file = self
            .starts
            .partition_point(|s| s[slot] <= n)
            .saturating_sub(1);
        let local = n - self.starts.get(file).map_or(0, |s| s[slot]);
        (file, format!("{list}[{local}]{rest}"))
    }

    /// `.positions[M]…` of merged sticking point `parent` (`.quotes[M]…` of an event),
    /// when that item was added from a top-level list.
    fn added_child(&self, child: Child, parent: usize, rest: &str) -> Option<(usize, String)> {
        let list = child.list();
        let rest = rest.strip_prefix(&format!(".{list}["))?;
        let (number, after) = rest.split_once(']')?;
        let m = number.parse::<usize>().ok()?;
        let found = self
            .added
            .iter()
            .find(|a| a.child == child && a.merged == (parent, m))?;
        let (file, k) = found.written;
        Some((file, format!("{list}[{k}]{after}")))
    }

    /// The findings as diagnostics in the files that hold them, file by file; a second
    /// place in another file is named by FILE:LINE:COLUMN in the message.
    pub(super) fn located(&self, texts: &[String], findings: &[Finding]) -> Vec<Diagnostic> {
        let mut by_file: Vec<Vec<Finding>> = vec![Vec::new(); self.files.len()];
        for (file, path, message) in &self.unplaced {
            by_file[*file].push(Finding {
                severity: Severity::Error,
                path: path.clone(),
                message: message.clone(),
                also: None,
            });
        }
        for finding in findings {
            let (file, path) = self.written_at(&finding.path);
            let mut finding = Finding {
                path,
                ..finding.clone()
            };
            if let Some(also) = finding.also.take() {
                let (other, also) = self.written_at(&also);
                if other == file {
                    finding.also = Some(also);
                } else {
                    let wanted = std::iter::once(also.as_str()).collect();
                    let at = Locator::only(&texts[other], &wanted).value(&also);
                    let name = &self.names[other];
                    finding.message.push_str(&match at {
                        Some(at) => format!("; the other is at {name}:{}:{}", at.line, at.column),
                        None => format!("; the other is in {name} at {also}"),
                    });
                }
            }
            by_file[file].push(finding);
        }
        by_file
            .iter()
            .enumerate()
            .flat_map(|(file, found)| located(&self.names[file], &texts[file], found))
            .collect()
    }
}
