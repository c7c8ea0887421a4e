//! The layering rule of ARCHITECTURE.md, held: every `crate::` path in the library's code
//! (outside `#[cfg(test)]`) names a module of its own layer or a lower one, and no two
//! top-level modules use each other. The order is stated here once; ARCHITECTURE.md
//! mirrors it. Also: serde_yaml and fuzzy-matcher are each named by one production file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The order, lowest first. A module may use modules of its own layer and of lower ones.
const LAYERS: &[&[&str]] = &[
    &["text", "fsio", "format", "matcher"],
    &["model", "notes"],
    &["search", "detail", "views", "changes"],
    &["export", "action"],
    &["app"],
    &["keymap", "ui"],
    &[
        "config",
        "history_file",
        "watch",
        "clipboard",
        "editor",
        "terminal",
        "generate",
        "effects",
        "commands",
        "cli",
    ],
];

/// A dependency that may be replaced, and the one production file that may name it.
const BEHIND_ONE_FILE: &[(&str, &str)] = &[
    ("serde_yaml", "src/model/yaml.rs"),
    ("fuzzy_matcher", "src/matcher.rs"),
];

/// One `crate::` path in the library's code.
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

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The source with comments and the insides of string and char literals blanked (line
/// breaks kept, so byte offsets and line numbers stay those of the file).
fn clean(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let mut i = 0;
    while i < b.len() {
        match literal_end(b, i) {
            Some(end) => {
                for byte in &mut out[i..end] {
                    if *byte != b'\n' {
                        *byte = b' ';
                    }
                }
                i = end;
            }
            None => i += 1,
        }
    }
    String::from_utf8(out).unwrap()
}

/// Where the comment or literal starting at `i` ends, if one starts there.
fn literal_end(b: &[u8], i: usize) -> Option<usize> {
    let at = |k: usize| b.get(k).copied().unwrap_or(0);
    let after_ident = i > 0 && is_ident(b[i - 1]);
    match b[i] {
        b'/' if at(i + 1) == b'/' => Some((i..b.len()).find(|&k| b[k] == b'\n').unwrap_or(b.len())),
        b'/' if at(i + 1) == b'*' => {
            let (mut depth, mut k) = (0usize, i);
            while k < b.len() {
                if b[k] == b'/' && at(k + 1) == b'*' {
                    depth += 1;
                    k += 2;
                } else if b[k] == b'*' && at(k + 1) == b'/' {
                    depth -= 1;
                    k += 2;
                    if depth == 0 {
                        return Some(k);
                    }
                } else {
                    k += 1;
                }
            }
            Some(b.len())
        }
        b'"' => {
            let mut k = i + 1;
            while k < b.len() && b[k] != b'"' {
                k += if b[k] == b'\\' { 2 } else { 1 };
            }
            Some((k + 1).min(b.len()))
        }
        b'r' if !after_ident && (at(i + 1) == b'"' || at(i + 1) == b'#') => {
            let hashes = (i + 1..b.len()).take_while(|&k| b[k] == b'#').count();
            let open = i + 1 + hashes;
            if at(open) != b'"' {
                return None;
            }
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let end = (open + 1..b.len()).find(|&k| b[k..].starts_with(&close))?;
            Some(end + close.len())
        }
        b'\'' if at(i + 1) == b'\\' => (i + 3..b.len()).find(|&k| b[k] == b'\'').map(|k| k + 1),
        b'\'' => {
            let rest = std::str::from_utf8(&b[i + 1..]).ok()?;
            let len = rest.chars().next()?.len_utf8();
            (at(i + 1 + len) == b'\'').then_some(i + 2 + len)
        }
        _ => None,
    }
}

/// Where the bracketed group opening at `open` closes (just past its closing bracket).
fn matching(b: &[u8], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, &c) in b.iter().enumerate().skip(open) {
        match c {
            b'{' | b'(' | b'[' => depth += 1,
            b'}' | b')' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    b.len()
}

/// Where the item starting at `i` ends: its first `;` outside brackets, or the close of
/// its first brace block.
fn item_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b';' => return i + 1,
            b'{' => return matching(b, i),
            b'(' | b'[' => i = matching(b, i),
            _ => i += 1,
        }
    }
    b.len()
}

/// Cleaned code with every item under a `cfg` that needs `test` blanked, or nothing when
/// the file itself is (`#![cfg(test)]`).
fn strip_test_items(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let b = code.as_bytes();
    let mut from = 0;
    while let Some(found) = code[from..]
        .find("#[cfg(")
        .or_else(|| code[from..].find("#![cfg("))
    {
        let start = from + found;
        let attr_end = matching(b, start + code[start..].find('[').unwrap_or(0));
        let words: Vec<&str> = code[start..attr_end]
            .split(|c: char| !c.is_alphanumeric())
            .collect();
        if !words.contains(&"test") || words.contains(&"not") {
            from = attr_end;
            continue;
        }
        if code[start..].starts_with("#!") {
            return " ".repeat(code.len());
        }
        let mut item = attr_end;
        loop {
            let next = item + code[item..].len() - code[item..].trim_start().len();
            if code[next..].starts_with("#[") {
                item = matching(b, next + 1);
            } else {
                item = next;
                break;
            }
        }
        let end = item_end(b, item);
        for byte in &mut out[start..end] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
        from = end;
    }
    String::from_utf8(out).unwrap()
}

/// The paths that start at the crate root in `code` (already cleaned and stripped), as
/// (line, path, the top-level name it goes through). A group (`crate::{a::b, c}`) gives
/// one path for each of its items.
fn crate_paths(code: &str) -> Vec<(usize, String, String)> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if at > 0 && (is_ident(b[at - 1]) || b[at - 1] == b'$') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = at + "crate::".len();
        let rest = rest + code[rest..].len() - code[rest..].trim_start().len();
        let items: Vec<String> = if b.get(rest) == Some(&b'{') {
            split_group(&code[rest + 1..matching(b, rest) - 1])
        } else {
            vec![path_text(&code[rest..])]
        };
        for item in items {
            let top: String = item
                .chars()
                .take_while(|&c| c.is_alphanumeric() || c == '_')
                .collect();
            if !top.is_empty() && top != "self" {
                found.push((line, format!("crate::{item}"), top));
            }
        }
    }
    found
}

/// The items of a `use` group, whitespace squeezed, each as written.
fn split_group(group: &str) -> Vec<String> {
    let (mut items, mut depth, mut current) = (Vec::new(), 0usize, String::new());
    for c in group.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    items
        .iter()
        .map(|item| squeeze(item))
        .filter(|item| !item.is_empty())
        .collect()
}

/// The path at the start of `code`: names, `::` and a trailing group.
fn path_text(code: &str) -> String {
    let b = code.as_bytes();
    let mut end = 0;
    while end < b.len() {
        if is_ident(b[end]) {
            end += 1;
        } else if code[end..].starts_with("::") {
            end += 2;
        } else if b[end] == b'{' && code[..end].ends_with("::") {
            end = matching(b, end);
            break;
        } else {
            break;
        }
    }
    code[..end].split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The modules `code` declares from files (`mod x;`), with their `#[path]` if any, read
/// from `original` at the same offsets (`code` has the string blanked).
fn declared_files(code: &str, original: &str) -> Vec<(String, Option<String>)> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("mod ") {
        if at > 0 && is_ident(b[at - 1]) {
            continue;
        }
        let rest = code[at + 4..].trim_start();
        let name: String = rest
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect();
        if name.is_empty() || !rest[name.len()..].trim_start().starts_with(';') {
            continue;
        }
        let before = code[..at].trim_end();
        let path = before
            .ends_with(']')
            .then(|| before.rfind("#[path").map(|p| &original[p..before.len()]));
        let path = path
            .flatten()
            .and_then(|attr| attr.split('"').nth(1))
            .map(str::to_owned);
        found.push((name, path));
    }
    found
}

/// Every file of the library reached from `src/lib.rs` through modules that are not
/// test-only, with its code cleaned and stripped, and the top-level module it is in.
fn library_files() -> Vec<(String, String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut todo = vec![(root.join("src/lib.rs"), String::new())];
    let mut files = Vec::new();
    while let Some((file, top)) = todo.pop() {
        let original =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let code = strip_test_items(&clean(&original));
        let dir = file.parent().unwrap().to_path_buf();
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let own_dir = if ["lib", "mod"].contains(&stem.as_str()) {
            dir.clone()
        } else {
            dir.join(&stem)
        };
        for (name, path) in declared_files(&code, &original) {
            let child = match path {
                Some(path) => dir.join(path),
                None => child_file(&own_dir, &name),
            };
            let top = if top.is_empty() { name } else { top.clone() };
            todo.push((child, top));
        }
        let shown = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        files.push((shown, top, code));
    }
    files.sort();
    files
}

fn child_file(dir: &Path, name: &str) -> PathBuf {
    let flat = dir.join(format!("{name}.rs"));
    if flat.exists() {
        flat
    } else {
        dir.join(name).join("mod.rs")
    }
}

fn lib_modules() -> BTreeSet<String> {
    library_files()
        .into_iter()
        .map(|(_, top, _)| top)
        .filter(|top| !top.is_empty())
        .collect()
}

fn imports() -> Vec<Import> {
    let modules = lib_modules();
    let mut all = Vec::new();
    for (file, top, code) in library_files() {
        for (line, path, module) in crate_paths(&code) {
            if modules.contains(&module) && module != top {
                all.push(Import {
                    file: file.clone(),
                    line,
                    path,
                    from: top.clone(),
                    to: module,
                });
            }
        }
    }
    all
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

#[test]
fn every_top_level_module_is_placed_once() {
    let modules = lib_modules();
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
        "tests/it/layering.rs LAYERS must place each module of src/lib.rs once:\n\
         not placed: {unplaced:?}\nnot in src/lib.rs: {unknown:?}\nplaced twice: {twice:?}"
    );
}

#[test]
fn no_module_uses_a_higher_layer() {
    let mut wrong = Vec::new();
    for import in imports() {
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

type Edges = BTreeMap<(String, String), Import>;

/// The shortest chain of modules from `from` to `to`, as the edges taken.
fn chain(edges: &Edges, from: &str, to: &str) -> Option<Vec<(String, String)>> {
    let mut came_from: BTreeMap<String, String> = BTreeMap::new();
    let mut todo = std::collections::VecDeque::from([from.to_owned()]);
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

#[test]
fn no_cycle_between_top_level_modules() {
    let mut edges: Edges = BTreeMap::new();
    for import in imports() {
        edges
            .entry((import.from.clone(), import.to.clone()))
            .or_insert(import);
    }
    let mut cycles = Vec::new();
    for (from, to) in edges.keys() {
        let Some(back) = chain(&edges, to, from) else {
            continue;
        };
        let steps = std::iter::once((from.clone(), to.clone())).chain(back);
        let said: Vec<String> = steps
            .map(|(a, b)| {
                format!(
                    "  `{a}` uses `{b}` at {}",
                    edges[&(a.clone(), b.clone())].at()
                )
            })
            .collect();
        cycles.push(said.join("\n"));
    }
    assert!(
        cycles.is_empty(),
        "cycles between top-level modules:\n{}",
        cycles.join("\n\n")
    );
}

#[test]
fn replaceable_dependencies_are_named_by_one_file_each() {
    let mut wrong = Vec::new();
    for (file, _, code) in library_files() {
        let words: BTreeSet<&str> = code
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        for (krate, owner) in BEHIND_ONE_FILE {
            if words.contains(krate) && file != *owner {
                wrong.push(format!("{file} names {krate}: only {owner} may"));
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
"##;
    let code = strip_test_items(&clean(src));
    let found: Vec<(usize, String)> = crate_paths(&code)
        .into_iter()
        .map(|(line, _, top)| (line, top))
        .collect();
    let want = [
        (2, "model"),
        (2, "search"),
        (5, "changes"),
        (9, "changes"),
        (19, "watch"),
        (20, "text"),
    ];
    assert_eq!(found, want.map(|(l, m)| (l, m.to_owned())));
    let groups: Vec<String> = crate_paths(&code)
        .into_iter()
        .map(|(_, path, _)| path)
        .take(2)
        .collect();
    assert_eq!(
        groups,
        ["crate::model::Dossier", "crate::search::{Query, parse}"]
    );
}
