//! The README is the way in and the manual is in `docs/`: every relative link of the
//! README, the docs and ARCHITECTURE.md leads to a file that is there, and every `#anchor`
//! to a heading of that file (GitHub's slugs); the README's first screenful holds what
//! the tool is for, the two set-up commands, the first minute and where to go next.

#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};

/// GitHub's anchor of a heading: lowercase, punctuation dropped, spaces to `-`.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push(slug(line.trim_start_matches('#')));
        }
    }
    out
}

/// The `](target)` links of a Markdown text, outside code.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            out.push(after[..end].to_string());
            rest = &after[end..];
        }
    }
    out
}

fn documents() -> Vec<PathBuf> {
    let mut all = vec![PathBuf::from("README.md"), PathBuf::from("ARCHITECTURE.md")];
    for entry in std::fs::read_dir("docs").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            all.push(path);
        }
    }
    all
}

#[test]
fn every_relative_link_leads_somewhere() {
    let mut broken = Vec::new();
    let mut checked = 0;
    for doc in documents() {
        let text = std::fs::read_to_string(&doc).unwrap();
        for link in links(&text) {
            checked += 1;
            if link.starts_with("http://") || link.starts_with("https://") {
                continue;
            }
            let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() {
                doc.clone()
            } else {
                doc.parent().unwrap_or(Path::new("")).join(file)
            };
            if !target.exists() {
                broken.push(format!("{}: {link}: no such file", doc.display()));
                continue;
            }
            if !anchor.is_empty() && target.extension().is_some_and(|e| e == "md") {
                let there = std::fs::read_to_string(&target).unwrap();
                if !anchors(&there).contains(&anchor.to_string()) {
                    broken.push(format!("{}: {link}: no such heading", doc.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    assert!(
        checked > 30,
        "only {checked} links found: the reader of links is wrong"
    );
}

#[test]
fn the_readme_s_first_screenful_is_the_way_in() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let first: String = readme.lines().take(40).collect::<Vec<_>>().join("\n");
    for part in [
        "cargo run --release",
        "cargo test",
        "## The first minute",
        "`q` quits",
        "talks init --empty",
        "## Where to go next",
        "docs/explorer.md",
        "docs/command-line.md",
        "docs/development.md",
    ] {
        assert!(first.contains(part), "{part} is not in the first 40 lines");
    }
    // Exactly two set-up commands.
    let commands = readme.matches("\ncargo ").count();
    assert_eq!(commands, 2, "the README's set-up commands");
}

#[test]
fn the_slugs_are_github_s() {
    assert_eq!(slug(" A week with talks"), "a-week-with-talks");
    assert_eq!(slug(" How sure: `basis`"), "how-sure-basis");
}
