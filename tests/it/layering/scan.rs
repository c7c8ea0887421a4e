//! The scanner behind the layering tests: the library's files as the compiler reaches them
//! from `src/lib.rs`, their code with comments, literals and test-only items blanked, and
//! the paths in it that start at `crate`, `super` or `self`.

use std::path::{Path, PathBuf};

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The source with comments and the insides of string and char literals blanked (line
/// breaks kept, so byte offsets and line numbers stay those of the file).
pub(super) fn clean(src: &str) -> String {
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
pub(super) fn strip_test_items(code: &str) -> String {
    let mut out = code.as_bytes().to_vec();
    let b = code.as_bytes();
    let mut from = 0;
    let next = |from: usize| {
        let outer = code[from..].find("#[cfg(");
        let inner = code[from..].find("#![cfg(");
        outer.into_iter().chain(inner).min()
    };
    while let Some(found) = next(from) {
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

/// A path in `code` that starts at `root` (`crate`, `super` or `self`): its line, its
/// segments after `root` (a group gives one path for each of its items) and its text.
pub(super) struct RootedPath {
    pub line: usize,
    pub segments: Vec<String>,
    pub text: String,
}

/// Every path in `code` (cleaned and stripped) that starts at `root`.
pub(super) fn rooted_paths(code: &str, root: &str) -> Vec<RootedPath> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(&format!("{root}::")) {
        let before = &code[..at];
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
            || before.ends_with("::")
        {
            continue;
        }
        let line = before.matches('\n').count() + 1;
        let text = path_text(&code[at..]);
        for segments in expand(&text).into_iter().map(|s| s[1..].to_vec()) {
            if segments.is_empty() {
                continue;
            }
            let text = format!("{root}::{}", segments.join("::"));
            found.push(RootedPath {
                line,
                segments,
                text,
            });
        }
    }
    found
}

/// A path with its groups expanded: one list of segments for each item (`a::{b, c::d}`
/// gives `a::b` and `a::c::d`; `a::{self}` gives `a`; `b as c` gives `b`).
fn expand(path: &str) -> Vec<Vec<String>> {
    let Some(brace) = path.find('{') else {
        let segments = path
            .split("::")
            .map(|s| s.split_whitespace().next().unwrap_or(""));
        return vec![
            segments
                .filter(|s| !s.is_empty() && *s != "self")
                .map(String::from)
                .collect(),
        ];
    };
    let prefix: Vec<String> = expand(path[..brace].trim_end_matches(':')).concat();
    let close = matching(path.as_bytes(), brace);
    split_group(&path[brace + 1..close - 1])
        .iter()
        .flat_map(|item| expand(item))
        .map(|rest| prefix.iter().cloned().chain(rest).collect())
        .collect()
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

/// One file of the library: where it is, its module path (`["model", "folder", "read"]`)
/// and its code, cleaned and stripped.
pub(super) struct SourceFile {
    pub file: String,
    pub module: Vec<String>,
    pub code: String,
}

/// Every file of the library reached from `src/lib.rs` through modules that are not
/// test-only (the binary's files and test files are not reached).
pub(super) fn library_files() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut todo = vec![(root.join("src/lib.rs"), Vec::<String>::new())];
    let mut files = Vec::new();
    while let Some((file, module)) = todo.pop() {
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
            todo.push((child, [module.clone(), vec![name]].concat()));
        }
        let file = file
            .strip_prefix(root)
            .unwrap_or(&file)
            .display()
            .to_string();
        files.push(SourceFile { file, module, code });
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
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

/// The paths of every `use` in `code` (cleaned and stripped), groups expanded.
pub(super) fn use_paths(code: &str) -> Vec<Vec<String>> {
    let b = code.as_bytes();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("use ") {
        if at > 0 && is_ident(b[at - 1]) {
            continue;
        }
        found.extend(expand(&path_text(code[at + 4..].trim_start())));
    }
    found
}
