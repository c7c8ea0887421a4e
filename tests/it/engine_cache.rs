//! The search engine in the index cache (issue #30): the second `talks search` on an
//! unchanged large dossier reads the engine kept beside the dossier and prints the same
//! bytes as the first and as `--no-cache`; a damaged engine file is said, passed over and
//! never changes what is printed. `TALKS_DEBUG_CACHE=1` (debug builds) says what the cache
//! did.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common;

/// A typo, a phrase, a prefix, filters, a name with a typo, JSON out.
const QUERIES: &[&[&str]] = &[
    &["kherson sec", "--limit", "3"],
    &["kerson"],
    &["\"humanitarian talks\""],
    &["^geneva"],
    &["kind:point stance:opposes"],
    &["actor:bondarenko ceasefire"],
    &["shevchenk", "--format", "json", "--limit", "5"],
];

struct Setup {
    dir: tempfile::TempDir,
    dossier: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let yaml = serde_yaml::to_string(&talks::generate::dossier(2_000, 7)).unwrap();
        assert!(yaml.len() as u64 >= talks::cache::SMALLEST_CACHED);
        let dir = tempfile::tempdir().unwrap();
        let dossier = dir.path().join("big.yaml");
        std::fs::write(&dossier, yaml).unwrap();
        Setup { dir, dossier }
    }

    fn engine_file(&self) -> Option<PathBuf> {
        let folder = self.dir.path().join("cache").join("talks");
        let entries = std::fs::read_dir(folder).ok()?;
        entries
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().ends_with(".engine.cache"))
    }

    fn search(&self, query: &[&str], extra: &[&str]) -> Output {
        common::talks()
            .env("XDG_CACHE_HOME", self.dir.path().join("cache"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("no-config"))
            .env("TALKS_DEBUG_CACHE", "1")
            .args(extra)
            .arg("search")
            .args(query)
            .arg("-d")
            .arg(&self.dossier)
            .output()
            .unwrap()
    }
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn the_second_search_reads_the_kept_engine_and_prints_the_same_bytes() {
    let setup = Setup::new();
    let first = setup.search(QUERIES[0], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("cache: engine written"),
        "{}",
        stderr(&first)
    );
    assert!(setup.engine_file().is_some());
    for query in QUERIES {
        let fresh = setup.search(query, &["--no-cache"]);
        let again = setup.search(query, &[]);
        assert!(
            !stderr(&fresh).contains("cache: engine"),
            "{}",
            stderr(&fresh)
        );
        assert!(
            stderr(&again).contains("cache: engine used"),
            "{query:?}: {}",
            stderr(&again)
        );
        assert_eq!(again.status.code(), fresh.status.code(), "{query:?}");
        assert_eq!(
            String::from_utf8_lossy(&again.stdout),
            String::from_utf8_lossy(&fresh.stdout),
            "{query:?}"
        );
        assert!(!fresh.stdout.is_empty(), "{query:?}");
    }
    let second = setup.search(QUERIES[0], &[]);
    assert_eq!(second.stdout, first.stdout);
}

/// A byte at `at` of `file` changed by `flip`.
fn spoil(file: &Path, pristine: &[u8], at: usize, flip: u8) {
    let mut bytes = pristine.to_vec();
    bytes[at] ^= flip;
    std::fs::write(file, bytes).unwrap();
}

#[test]
fn a_damaged_engine_file_is_said_and_never_changes_the_output() {
    let setup = Setup::new();
    let fresh = setup.search(QUERIES[0], &["--no-cache"]);
    setup.search(QUERIES[0], &[]);
    let file = setup.engine_file().unwrap();
    let pristine = std::fs::read(&file).unwrap();
    // The header's fields, then places spread over the payload (a fixed sequence).
    let mut places = vec![0, 9, 20, 40, 60, 70, 90, pristine.len() - 1];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..8 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        places.push((seed % pristine.len() as u64) as usize);
    }
    for (i, at) in places.into_iter().enumerate() {
        let flip = [0x01, 0x80, 0xFF, 0x10][i % 4];
        spoil(&file, &pristine, at, flip);
        let run = setup.search(QUERIES[0], &[]);
        let said = stderr(&run);
        assert!(run.status.success(), "{at}: {said}");
        assert_eq!(run.stdout, fresh.stdout, "byte {at}: {said}");
        assert!(
            said.contains("cache: engine ignored ("),
            "byte {at}: {said}"
        );
        assert!(!said.contains("cache: engine used"), "byte {at}: {said}");
        assert!(said.contains("talks: the index cache "), "{said}");
        assert!(said.contains(".engine.cache was not used: "), "{said}");
        assert!(said.contains("it is made again."), "{said}");
    }
    // Made again after the last: whole and used.
    let again = setup.search(QUERIES[0], &[]);
    assert!(
        stderr(&again).contains("cache: engine used"),
        "{}",
        stderr(&again)
    );
    assert_eq!(again.stdout, fresh.stdout);
}

#[test]
fn with_a_star_the_engine_is_built_with_the_notes_and_nothing_kept_is_read() {
    let setup = Setup::new();
    setup.search(QUERIES[0], &[]);
    let notes = setup.dossier.with_file_name("big.notes.yaml");
    std::fs::write(&notes, "version: 1\nstars:\n- actor-0\n").unwrap();
    let starred = setup.search(&["is:starred"], &[]);
    let said = stderr(&starred);
    assert!(starred.status.success(), "{said}");
    assert!(!said.contains("cache: engine used"), "{said}");
    assert!(
        String::from_utf8_lossy(&starred.stdout).contains("actor-0"),
        "{said}"
    );
}
