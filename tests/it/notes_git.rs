//! Notes travel through git: two analysts who noted different things on two branches merge
//! without a conflict, and the merged file reads as both their notes.

use std::path::Path;
use std::process::Command;

use talks::notes::Notes;
use talks::notes::file::{parse, render};

/// `git ARGS` in `repo`, with no user or system configuration; its output.
fn git(repo: &Path, args: &[&str]) -> std::process::Output {
    let output = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@t"])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

const FILE: &str = "d.notes.yaml";

/// Commits `notes` on the branch checked out.
fn commit(repo: &Path, notes: &Notes, message: &str) {
    std::fs::write(repo.join(FILE), render(notes)).unwrap();
    git(repo, &["add", FILE]);
    git(repo, &["commit", "-q", "-m", message]);
}

fn note(notes: &mut Notes, key: &str, text: &str) {
    notes.notes.insert(key.into(), text.into());
}

/// `base` committed on main, `a` on branch a, `b` on branch b; then b merged into a.
/// The merged file's notes.
fn merged(base: &Notes, a: &Notes, b: &Notes) -> Notes {
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    git(repo, &["init", "-q"]);
    commit(repo, base, "base");
    git(repo, &["checkout", "-q", "-b", "a"]);
    commit(repo, a, "a");
    git(repo, &["checkout", "-q", "main"]);
    git(repo, &["checkout", "-q", "-b", "b"]);
    commit(repo, b, "b");
    git(repo, &["checkout", "-q", "a"]);
    git(repo, &["merge", "-q", "--no-edit", "b"]);
    let text = std::fs::read_to_string(repo.join(FILE)).unwrap();
    parse(FILE, &text).unwrap_or_else(|err| panic!("{err}\n{text}"))
}

fn base() -> Notes {
    let mut notes = Notes::new();
    note(
        &mut notes,
        "kyiv",
        "Holds the line on Donbas.\nSee the March talks.",
    );
    note(&mut notes, "putin", "Wants the whole of Donetsk.");
    notes
}

/// A's note goes last among the notes, where B's first star would start the stars: the
/// stars' heading, always written, keeps them apart.
#[test]
fn a_note_on_each_branch_and_a_star_merge_without_a_conflict() {
    let base = base();
    let mut a = base.clone();
    note(&mut a, "zelensky", "Analyst A: softer in private.\n");
    let mut b = base.clone();
    note(&mut b, "donbas", "Analyst B: the front moved.");
    b.toggle_star("kyiv");
    let mut union = a.clone();
    note(&mut union, "donbas", "Analyst B: the front moved.");
    union.toggle_star("kyiv");
    assert_eq!(merged(&base, &a, &b), union);
}

#[test]
fn neighbouring_notes_edited_on_each_branch_merge_without_a_conflict() {
    let base = base();
    let mut a = base.clone();
    note(
        &mut a,
        "kyiv",
        "Holds the line on Donbas.\nSee the March and April talks.",
    );
    let mut b = base.clone();
    note(
        &mut b,
        "putin",
        "Wants the whole of Donetsk;\nwould settle for the line.",
    );
    b.searches.insert("front".into(), "donbas front".into());
    let mut union = a.clone();
    note(
        &mut union,
        "putin",
        "Wants the whole of Donetsk;\nwould settle for the line.",
    );
    union.searches.insert("front".into(), "donbas front".into());
    assert_eq!(merged(&base, &a, &b), union);
}
