//! `talks diff git:REV:PATH` reads through git's plumbing only: nothing that verifies a
//! signature or runs a program a hostile repository's config names, and `--max-size`
//! asked of every blob before it is read.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{cannot_run_without, talks};

const DOSSIER: &str = "data/talks.yaml";

/// `git ARGS` in `dir`, with no user or system config, so the tests see only the repository's.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

fn has_git() -> bool {
    Command::new("git")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A new repository with an identity to commit with.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["config", "user.name", "Analyst"]);
    git(dir.path(), &["config", "user.email", "analyst@example.org"]);
    dir
}

/// A `git` first on the PATH that writes each call's arguments to `LOG` in `dir`, then
/// runs the real git: what talks asked of git.
fn logging_git(dir: &Path) -> (PathBuf, PathBuf) {
    let real = Command::new("sh")
        .args(["-c", "command -v git"])
        .output()
        .unwrap();
    let real = String::from_utf8(real.stdout).unwrap().trim().to_string();
    let bin = dir.join("bin");
    std::fs::create_dir(&bin).unwrap();
    let log = dir.join("LOG");
    let script = format!(
        "#!/bin/sh\necho \"$*\" >> '{}'\nexec '{real}' \"$@\"\n",
        log.display()
    );
    let shim = bin.join("git");
    std::fs::write(&shim, script).unwrap();
    make_executable(&shim);
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap());
    (PathBuf::from(path), log)
}

fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).unwrap();
}

/// `talks ARGS` in `dir` with `path` as PATH: exit code and stderr.
fn talks_in(dir: &Path, path: &Path, args: &[&str]) -> (i32, String) {
    let output = talks()
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn other_dossier() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(DOSSIER)
        .display()
        .to_string()
}

/// A commit that looks signed: `git show` with `log.showSignature` hands it to
/// `gpg.program`.
const SIGNED_COMMIT: &str = "tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\
author A <a@example.org> 0 +0000\n\
committer A <a@example.org> 0 +0000\n\
gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEE\n -----END PGP SIGNATURE-----\n\
\n\
signed\n";

#[test]
fn a_gitlink_to_a_signed_commit_is_refused_and_runs_no_gpg_program() {
    if !has_git() {
        cannot_run_without("git");
        return;
    }
    let repo = repository();
    let dir = repo.path();
    let marker = dir.join("MARKER");
    let gpg = dir.join("gpg.sh");
    std::fs::write(
        &gpg,
        format!("#!/bin/sh\ntouch '{}'\nexit 1\n", marker.display()),
    )
    .unwrap();
    make_executable(&gpg);
    git(dir, &["config", "gpg.program", gpg.to_str().unwrap()]);
    git(dir, &["config", "log.showSignature", "true"]);
    let commit = dir.join("commit.txt");
    std::fs::write(&commit, SIGNED_COMMIT).unwrap();
    let oid = git(
        dir,
        &[
            "hash-object",
            "-t",
            "commit",
            "-w",
            commit.to_str().unwrap(),
        ],
    );
    let entry = format!("160000,{oid},sub");
    git(dir, &["update-index", "--add", "--cacheinfo", &entry]);
    git(dir, &["commit", "-q", "-m", "a gitlink"]);
    let (path, log) = logging_git(dir);

    let (code, err) = talks_in(dir, &path, &["diff", "git:HEAD:sub", &other_dossier()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("talks: git:HEAD:sub names a commit (a submodule?), not a dossier file\n"),
        "{err}"
    );
    assert!(!marker.exists(), "gpg.program ran");
    let asked = std::fs::read_to_string(&log).unwrap();
    assert!(asked.lines().all(|call| !call.contains(" show")), "{asked}");
    assert!(
        asked.contains("rev-parse --verify --end-of-options HEAD:./sub"),
        "{asked}"
    );
}

#[test]
fn a_gitlink_to_a_commit_not_in_the_repository_is_named() {
    if !has_git() {
        cannot_run_without("git");
        return;
    }
    let repo = repository();
    let dir = repo.path();
    let entry = format!("160000,{},sub", "1234567890".repeat(4));
    git(dir, &["update-index", "--add", "--cacheinfo", &entry]);
    git(dir, &["commit", "-q", "-m", "a gitlink"]);
    let path = std::env::var_os("PATH").unwrap();
    let (code, err) = talks_in(
        dir,
        Path::new(&path),
        &["diff", "git:HEAD:sub", &other_dossier()],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with(
            "talks: git:HEAD:sub names an object that is not in this repository (a submodule's \
             commit?), not a dossier file\n"
        ),
        "{err}"
    );
}

/// A 2 MiB blob, alone and in a folder, with `--max-size 1M`: refused by its size, and
/// never read (no `cat-file blob` of it).
#[test]
fn a_blob_over_max_size_is_refused_before_it_is_read() {
    if !has_git() {
        cannot_run_without("git");
        return;
    }
    let repo = repository();
    let dir = repo.path();
    let mut big = std::fs::read_to_string(other_dossier()).unwrap();
    big.push_str(&format!("# {}\n", "x".repeat(2 << 20)));
    std::fs::create_dir(dir.join("folder")).unwrap();
    std::fs::write(dir.join("big.yaml"), &big).unwrap();
    std::fs::write(dir.join("folder/big.yaml"), &big).unwrap();
    git(dir, &["add", "big.yaml", "folder"]);
    git(dir, &["commit", "-q", "-m", "big"]);
    let blob = git(dir, &["rev-parse", "HEAD:big.yaml"]);
    let (path, log) = logging_git(dir);
    let other = other_dossier();

    let (code, err) = talks_in(
        dir,
        &path,
        &["--max-size", "1M", "diff", "git:HEAD:big.yaml", &other],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "talks: git:HEAD:big.yaml: the file is larger than 1 MiB, the most talks reads \
         (--max-size changes it)\n"
    );
    let (code, err) = talks_in(
        dir,
        &path,
        &["--max-size", "1M", "diff", "git:HEAD:folder", &other],
    );
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        err,
        "talks: git:HEAD:folder/big.yaml: the file is larger than 1 MiB, the most talks reads \
         (--max-size changes it)\n"
    );
    let asked = std::fs::read_to_string(&log).unwrap();
    assert!(!asked.contains(&blob), "read though too large:\n{asked}");
    assert!(asked.lines().all(|call| !call.contains(" show")), "{asked}");

    // Within the limit, the same blob reads (and differs only by a comment: no change).
    let (code, err) = talks_in(
        dir,
        &path,
        &["--max-size", "3M", "diff", "git:HEAD:big.yaml", &other],
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        std::fs::read_to_string(&log)
            .unwrap()
            .contains(&format!("cat-file blob {blob}"))
    );
}
