//! The layering rule of ARCHITECTURE.md, held: every `crate::` path in the library's code
//! (outside `#[cfg(test)]`) names a module of its own layer or a lower one, and no two
//! top-level modules use each other. The order is stated here once; ARCHITECTURE.md
//! mirrors it. Also: the files of a module do not use each other in a circle, and
//! serde_yaml and fuzzy-matcher are each named by one production file.

mod scan;

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use scan::{SourceFile, clean, library_files, rooted_paths, strip_test_items, use_paths};

/// The order, lowest first. A module may use modules of its own layer and of lower ones.
const LAYERS: &[&[&str]] = &[
    &["text", "fsio", "cache", "format", "matcher"],
    &["model", "notes"],
    &["search", "detail", "views", "changes", "seen", "open"],
    &["export", "action"],
    &["app"],
    &["keymap", "ui"],
    &[
        "config",
        "query_history",
        "resume",
        "watch",
        "clipboard",
        "editor",
        "terminal",
        "generate",
        "commands",
        "cli",
    ],
];

/// A dependency that may be replaced, and the one production file that may name it.
const BEHIND_ONE_FILE: &[(&str, &str)] = &[
    ("serde_yaml", "src/model/yaml.rs"),
    ("fuzzy_matcher", "src/matcher.rs"),
];

/// One path from one module (or file) to another.
#[derive(Debug, Clone)]
struct Import {
    file: String,
    line: usize,
    path: String,
    from: String,
    to: String,
}

impl Import {
    fn at(&self) -> String {
        format!("{}:{} ({})", self.file, self.line, self.path)
    }
}

fn top_modules(files: &[SourceFile]) -> BTreeSet<String> {
    files
        .iter()
        .filter_map(|f| f.module.first().cloned())
        .collect()
}

/// Every `crate::` path from one top-level module to another.
fn top_level_imports(files: &[SourceFile]) -> Vec<Import> {
    let modules = top_modules(files);
    let mut all = Vec::new();
    for file in files {
        let Some(top) = file.module.first() else {
            continue;
        };
        for path in rooted_paths(&file.code, "crate") {
            let to = &path.segments[0];
            if modules.contains(to) && to != top {
                all.push(Import {
                    file: file.file.clone(),
                    line: path.line,
                    path: path.text,
                    from: top.clone(),
                    to: to.clone(),
                });
            }
        }
    }
    all
}

/// The module a path of `file` names, from the crate root.
fn absolute(file: &SourceFile, root: &str, segments: &[String]) -> Vec<String> {
    let module = &file.module;
    match root {
        "crate" => segments.to_vec(),
        "self" => [module.as_slice(), segments].concat(),
        _ => {
            let ups = 1 + segments.iter().take_while(|s| *s == "super").count();
            let base = &module[..module.len().saturating_sub(ups)];
            [base, &segments[ups - 1..]].concat()
        }
    }
}

/// The paths between the files of the top-level module `top`, as `from` and `to` files
/// (the first name under `top`: `load` for `model/load.rs`, `folder` for `model/folder/`).
fn file_imports(files: &[SourceFile], top: &str) -> Vec<Import> {
    let inside: Vec<&SourceFile> = files
        .iter()
        .filter(|f| f.module.first().is_some_and(|m| m == top))
        .collect();
    let children: BTreeSet<&str> = inside
        .iter()
        .filter_map(|f| f.module.get(1))
        .map(String::as_str)
        .collect();
    // What the face re-exports, by name, and the file it comes from.
    let face = inside.iter().find(|f| f.module.len() == 1);
    let mut reexported: BTreeMap<String, String> = BTreeMap::new();
    for path in face.map(|f| use_paths(&f.code)).unwrap_or_default() {
        let path: Vec<&String> = path.iter().filter(|s| *s != "self").collect();
        if let (Some(first), Some(last)) = (path.first(), path.last())
            && children.contains(first.as_str())
        {
            reexported.insert(last.to_string(), first.to_string());
        }
    }
    let mut all = Vec::new();
    for file in inside.iter().filter(|f| f.module.len() > 1) {
        for root in ["crate", "super", "self"] {
            for path in rooted_paths(&file.code, root) {
                let whole = absolute(file, root, &path.segments);
                let Some(name) = whole.get(1).filter(|_| whole[0] == top) else {
                    continue;
                };
                let to = if children.contains(name.as_str()) {
                    Some(name)
                } else {
                    reexported.get(name)
                };
                if let Some(to) = to.filter(|to| **to != file.module[1]) {
                    all.push(Import {
                        file: file.file.clone(),
                        line: path.line,
                        path: path.text,
                        from: file.module[1].clone(),
                        to: to.clone(),
                    });
                }
            }
        }
    }
    all
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

type Edges = BTreeMap<(String, String), Import>;

fn edges(imports: Vec<Import>) -> Edges {
    let mut edges = Edges::new();
    for import in imports {
        edges
            .entry((import.from.clone(), import.to.clone()))
            .or_insert(import);
    }
    edges
}

/// The shortest chain from `from` to `to`, as the edges taken.
fn chain(edges: &Edges, from: &str, to: &str) -> Option<Vec<(String, String)>> {
    let mut came_from: BTreeMap<String, String> = BTreeMap::new();
    let mut todo = VecDeque::from([from.to_owned()]);
    while let Some(m) = todo.pop_front() {
        for (_, next) in edges.keys().filter(|(a, _)| *a == m) {
            if next == from || came_from.contains_key(next) {
                continue;
            }
            came_from.insert(next.clone(), m.clone());
            if next == to {
                let mut path = vec![(m.clone(), next.clone())];
                while path[0].0 != from {
                    let before = &came_from[&path[0].0];
                    path.insert(0, (before.clone(), path[0].0.clone()));
                }
                return Some(path);
            }
            todo.push_back(next.clone());
        }
    }
    None
}

/// Every cycle, once, each step at its file and line.
fn cycles(edges: &Edges) -> Vec<String> {
    let (mut found, mut seen) = (Vec::new(), BTreeSet::new());
    for (from, to) in edges.keys() {
        let Some(back) = chain(edges, to, from) else {
            continue;
        };
        let steps: Vec<_> = std::iter::once((from.clone(), to.clone()))
            .chain(back)
            .collect();
        if !seen.insert(steps.iter().cloned().collect::<BTreeSet<_>>()) {
            continue;
        }
        let steps = steps.into_iter();
        let said: Vec<String> = steps
            .map(|(a, b)| {
                format!(
                    "  `{a}` uses `{b}` at {}",
                    edges[&(a.clone(), b.clone())].at()
                )
            })
            .collect();
        found.push(said.join("\n"));
    }
    found
}

#[test]
fn every_top_level_module_is_placed_once() {
    let modules = top_modules(&library_files());
    let placed: Vec<&str> = LAYERS
        .iter()
        .flat_map(|layer| layer.iter().copied())
        .collect();
    let unplaced: Vec<&String> = modules
        .iter()
        .filter(|m| !placed.contains(&m.as_str()))
        .collect();
    let unknown: Vec<&&str> = placed.iter().filter(|m| !modules.contains(**m)).collect();
    let twice: BTreeSet<&&str> = placed
        .iter()
        .filter(|m| placed.iter().filter(|p| p == m).count() > 1)
        .collect();
    assert!(
        unplaced.is_empty() && unknown.is_empty() && twice.is_empty(),
        "tests/it/layering/mod.rs LAYERS must place each module of src/lib.rs once:\n\
         not placed: {unplaced:?}\nnot in src/lib.rs: {unknown:?}\nplaced twice: {twice:?}"
    );
}

#[test]
fn no_module_uses_a_higher_layer() {
    let mut wrong = Vec::new();
    for import in top_level_imports(&library_files()) {
        let (from, to) = (&import.from, &import.to);
        if let (Some(low), Some(high)) = (layer_of(from), layer_of(to))
            && high > low
        {
            wrong.push(format!(
                "{}:{} imports {}: `{from}` (layer {low}) may not use `{to}` (layer {high})",
                import.file, import.line, import.path
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "upward imports (ARCHITECTURE.md, \"The layering rule\"):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_cycle_between_top_level_modules() {
    let found = cycles(&edges(top_level_imports(&library_files())));
    assert!(
        found.is_empty(),
        "cycles between top-level modules:\n{}",
        found.join("\n\n")
    );
}

/// The files of a top-level module do not use each other in a circle either. A folder
/// inside counts as one file; `mod.rs` is the module's face (what it re-exports is
/// followed to the file that defines it).
#[test]
fn no_cycle_between_the_files_of_a_module() {
    let files = library_files();
    let mut found = Vec::new();
    for top in top_modules(&files) {
        for cycle in cycles(&edges(file_imports(&files, &top))) {
            found.push(format!("in {top}/:\n{cycle}"));
        }
    }
    assert!(
        found.is_empty(),
        "cycles between the files of a module:\n{}",
        found.join("\n\n")
    );
}

#[test]
fn replaceable_dependencies_are_named_by_one_file_each() {
    let mut wrong = Vec::new();
    for file in library_files() {
        let words: BTreeSet<&str> = file
            .code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for (krate, owner) in BEHIND_ONE_FILE {
            if words.contains(krate) && file.file != *owner {
                wrong.push(format!("{} names {krate}: only {owner} may", file.file));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_scanner_sees_paths_as_the_compiler_does() {
    let src = r##"
use crate::{model::Dossier, search::{Query, parse}};
// crate::ui in a comment
/* crate::app /* nested */ crate::keymap */
fn f() -> crate::changes::Marked {
    let s = "crate::views {";
    let c = '{';
    let r = r#"crate::cli"# ;
    crate::changes::Marked::New
}
#[cfg(test)]
mod tests {
    use crate::export::Format;
    fn g() { let _ = '}'; }
}
#[cfg(all(test, unix))]
use crate::config::Settings;
#[cfg(not(test))]
use crate::watch::Watcher;
fn h<'a>(x: &'a str) -> &'a str { crate::text::sanitize_line(x) }
use super::{load::read, syntax::{self, Y}};
"##;
    let code = strip_test_items(&clean(src));
    let found: Vec<(usize, String)> = rooted_paths(&code, "crate")
        .into_iter()
        .map(|p| (p.line, p.text))
        .collect();
    let want = [
        (2, "crate::model::Dossier"),
        (2, "crate::search::Query"),
        (2, "crate::search::parse"),
        (5, "crate::changes::Marked"),
        (9, "crate::changes::Marked::New"),
        (19, "crate::watch::Watcher"),
        (20, "crate::text::sanitize_line"),
    ];
    assert_eq!(found, want.map(|(line, path)| (line, path.to_owned())));
    let up: Vec<String> = rooted_paths(&code, "super")
        .into_iter()
        .map(|p| p.text)
        .collect();
    assert_eq!(
        up,
        ["super::load::read", "super::syntax", "super::syntax::Y"]
    );
}
