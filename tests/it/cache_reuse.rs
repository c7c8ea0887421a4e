//! The index cache in use (issue #30): the second run of a command on an unchanged large
//! dossier reads the cache and prints the same bytes; an edited dossier is never read from a
//! stale cache; a damaged or planted cache file is said and passed over; `--no-cache`
//! writes nothing. `TALKS_DEBUG_CACHE=1` (debug builds) says what the cache did.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common;

/// A generated dossier of a little over 1 MB, written to a fresh folder, and a cache home.
struct Setup {
    dir: tempfile::TempDir,
    dossier: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let yaml = serde_yaml::to_string(&talks::generate::dossier(2_000, 7)).unwrap();
        assert!(
            yaml.len() as u64 >= talks::cache::SMALLEST_CACHED,
            "{}",
            yaml.len()
        );
        let dir = tempfile::tempdir().unwrap();
        let dossier = dir.path().join("big.yaml");
        std::fs::write(&dossier, yaml).unwrap();
        Setup { dir, dossier }
    }

    fn cache_home(&self) -> PathBuf {
        self.dir.path().join("cache")
    }

    fn cache_files(&self) -> Vec<PathBuf> {
        match std::fs::read_dir(self.cache_home().join("talks")) {
            Ok(entries) => entries.map(|e| e.unwrap().path()).collect(),
            Err(_) => Vec::new(),
        }
    }

    fn list(&self, extra: &[&str]) -> Output {
        let mut command = common::talks();
        command
            .env("XDG_CACHE_HOME", self.cache_home())
            .env("XDG_CONFIG_HOME", self.dir.path().join("no-config"))
            .env("TALKS_DEBUG_CACHE", "1")
            .args(extra)
            .args(["list", "actors", "-d"])
            .arg(&self.dossier);
        command.output().unwrap()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_second_run_uses_the_cache_and_prints_the_same_bytes() {
    let setup = Setup::new();
    let first = setup.list(&[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("cache: written"),
        "{}",
        stderr(&first)
    );
    assert_eq!(setup.cache_files().len(), 1);
    let second = setup.list(&[]);
    assert!(
        stderr(&second).contains("cache: used"),
        "{}",
        stderr(&second)
    );
    assert_eq!(first.stdout, second.stdout);
    assert!(!first.stdout.is_empty());
}

#[test]
fn no_cache_writes_nothing_and_reads_nothing() {
    let setup = Setup::new();
    let first = setup.list(&["--no-cache"]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(!stderr(&first).contains("cache:"), "{}", stderr(&first));
    assert!(setup.cache_files().is_empty());
    setup.list(&[]);
    let again = setup.list(&["--no-cache"]);
    assert!(
        !stderr(&again).contains("cache: used"),
        "{}",
        stderr(&again)
    );
    assert_eq!(first.stdout, again.stdout);
}

#[test]
fn the_config_can_turn_the_cache_off() {
    let setup = Setup::new();
    let config = setup.dir.path().join("no-config/talks");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "cache = false\n").unwrap();
    let run = setup.list(&[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(setup.cache_files().is_empty(), "{}", stderr(&run));
}

/// Each way a cache file can be damaged or planted, applied to the one written.
fn spoil(file: &Path, how: &str) {
    let bytes = std::fs::read(file).unwrap();
    match how {
        "truncated" => std::fs::write(file, &bytes[..bytes.len() / 2]).unwrap(),
        "bit-flipped" => {
            let mut bytes = bytes;
            let at = bytes.len() - 10;
            bytes[at] ^= 0x10;
            std::fs::write(file, bytes).unwrap();
        }
        "foreign version" => {
            let version = env!("CARGO_PKG_VERSION").as_bytes();
            let at = bytes
                .windows(version.len())
                .position(|w| w == version)
                .unwrap();
            let mut bytes = bytes;
            bytes[at] = b'9';
            std::fs::write(file, bytes).unwrap();
        }
        "symlink" => {
            let elsewhere = file.with_extension("elsewhere");
            std::fs::write(&elsewhere, &bytes).unwrap();
            std::fs::remove_file(file).unwrap();
            std::os::unix::fs::symlink(&elsewhere, file).unwrap();
        }
        "fifo" => {
            std::fs::remove_file(file).unwrap();
            let made = std::process::Command::new("mkfifo")
                .arg(file)
                .status()
                .unwrap();
            assert!(made.success());
        }
        "world-writable" => {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(file, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
        _ => unreachable!("{how}"),
    }
}

#[test]
fn a_damaged_or_planted_cache_file_is_said_and_passed_over() {
    let setup = Setup::new();
    let fresh = setup.list(&["--no-cache"]);
    for how in [
        "truncated",
        "bit-flipped",
        "foreign version",
        "symlink",
        "fifo",
        "world-writable",
    ] {
        for file in setup.cache_files() {
            std::fs::remove_file(file).unwrap();
        }
        setup.list(&[]);
        let written = setup.cache_files();
        assert_eq!(written.len(), 1, "{how}: {written:?}");
        spoil(&written[0], how);
        let run = setup.list(&[]);
        let said = stderr(&run);
        assert!(run.status.success(), "{how}: {said}");
        assert!(said.contains("talks: the index cache "), "{how}: {said}");
        assert!(said.contains("was not used: "), "{how}: {said}");
        assert!(said.contains("it is made again."), "{how}: {said}");
        assert!(said.contains("cache: ignored ("), "{how}: {said}");
        assert!(!said.contains("cache: used"), "{how}: {said}");
        assert_eq!(run.stdout, fresh.stdout, "{how}");
    }
}

#[test]
fn two_first_runs_at_once_leave_one_good_cache_file() {
    let setup = Setup::new();
    let fresh = setup.list(&["--no-cache"]);
    let start = || {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_talks"));
        command
            .env("XDG_CACHE_HOME", setup.cache_home())
            .env("XDG_CONFIG_HOME", setup.dir.path().join("no-config"))
            .args(["list", "actors", "-d"])
            .arg(&setup.dossier)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (one, two) = (start(), start());
    for child in [one, two] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success());
        assert_eq!(output.stdout, fresh.stdout);
    }
    let files = setup.cache_files();
    assert_eq!(files.len(), 1, "{files:?}");
    let third = setup.list(&[]);
    assert!(stderr(&third).contains("cache: used"), "{}", stderr(&third));
    assert_eq!(third.stdout, fresh.stdout);
}

#[test]
fn cache_info_and_clear_say_what_is_there() {
    let setup = Setup::new();
    setup.list(&[]);
    let cache = |what: &str| {
        let output = common::talks()
            .env("XDG_CACHE_HOME", setup.cache_home())
            .args(["cache", what])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    let info = cache("info");
    assert!(info.contains("files: 1\n"), "{info}");
    assert!(info.contains("bound: 2 GiB\n"), "{info}");
    assert!(info.contains("/talks\n"), "{info}");
    let cleared = cache("clear");
    assert!(
        cleared.starts_with("removed 1 cache file from "),
        "{cleared}"
    );
    assert!(setup.cache_files().is_empty());
    assert!(cache("info").contains("files: 0\n"));
}

mod edits {
    //! Random edits of a large dossier: each reopen through the cache equals a fresh read.

    use std::path::Path;

    use proptest::prelude::*;
    use talks::model::Dossier;

    #[derive(Debug, Clone)]
    enum Edit {
        /// One letter of the n-th `name:` changed (in the text, not through serde).
        NameByte(usize),
        /// A copy of the n-th actor added under a new id.
        AddActor(usize),
        /// Two actors swapped.
        Swap(usize, usize),
        /// Nothing: the same content opened again.
        Same,
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            any::<usize>().prop_map(Edit::NameByte),
            any::<usize>().prop_map(Edit::AddActor),
            (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
            Just(Edit::Same),
        ]
    }

    fn apply(text: &str, edit: &Edit, added: &mut usize) -> String {
        let mut dossier: Dossier = serde_yaml::from_str(text).unwrap();
        let n = dossier.actors.len();
        match edit {
            Edit::NameByte(at) => {
                let names: Vec<usize> = text.match_indices("name: ").map(|(i, _)| i).collect();
                let at = names[at % names.len()] + "name: ".len();
                let mut bytes = text.as_bytes().to_vec();
                bytes[at] = if bytes[at] == b'Q' { b'Z' } else { b'Q' };
                return String::from_utf8(bytes).unwrap();
            }
            Edit::AddActor(at) => {
                let mut actor = dossier.actors[at % n].clone();
                *added += 1;
                actor.id = format!("added-actor-{added}");
                dossier.actors.push(actor);
            }
            Edit::Swap(a, b) => dossier.actors.swap(a % n, b % n),
            Edit::Same => {}
        }
        serde_yaml::to_string(&dossier).unwrap()
    }

    fn opened(path: &Path) -> Result<(Dossier, String), String> {
        talks::open::load(Some(path))
            .map(|loaded| (loaded.dossier, format!("{:?}", loaded.warnings)))
            .map_err(|err| err.to_string())
    }

    fn fresh(path: &Path) -> Result<(Dossier, String), String> {
        talks::model::load_path(path)
            .map(|loaded| (loaded.dossier, format!("{:?}", loaded.warnings)))
            .map_err(|err| err.to_string())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

        #[test]
        fn every_reopen_equals_a_fresh_read(edits in proptest::collection::vec(edit(), 1..4)) {
            let folder = concat!(env!("CARGO_TARGET_TMPDIR"), "/cache-proptest/talks");
            // Set once for this test process (the later calls change nothing).
            talks::open::use_cache(talks::cache::Store::at(folder.into(), 1 << 30), true, false);
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("edited.yaml");
            let mut text =
                serde_yaml::to_string(&talks::generate::dossier(2_000, 11)).unwrap();
            let mut added = 0;
            for edit in &edits {
                text = apply(&text, edit, &mut added);
                std::fs::write(&path, &text).unwrap();
                let expected = fresh(&path);
                // The first open writes the cache (or reads one of this content), the second
                // reads it: both are the fresh reading.
                prop_assert_eq!(&opened(&path), &expected, "{:?}", edit);
                talks::open::finish_writes();
                prop_assert_eq!(&opened(&path), &expected, "{:?}", edit);
            }
        }
    }
}

#[test]
fn the_explorer_says_a_passed_over_cache_file_among_its_notices() {
    let setup = Setup::new();
    setup.list(&[]);
    let written = setup.cache_files();
    assert_eq!(written.len(), 1);
    spoil(&written[0], "truncated");
    let cache_home = setup.cache_home().display().to_string();
    let dossier = setup.dossier.display().to_string();
    let mut s =
        crate::pty::Session::start(&[&dossier], 120, 30, &[("XDG_CACHE_HOME", &cache_home)]);
    s.wait_for("the notice, whole", |screen| {
        let text = screen.contents();
        text.contains("Problems found at the start (1)")
            && text.contains("cut short")
            && text.contains("Esc or Enter closes this")
    });
    let screen = s.screen_text();
    assert!(
        screen.contains("Problems found at the start (1)"),
        "{screen}"
    );
    assert!(screen.contains("cut short"), "{screen}");
    assert!(screen.contains("The index cache "), "{screen}");
    assert!(s.quit().success());
}
