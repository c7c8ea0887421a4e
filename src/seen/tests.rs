#![allow(clippy::disallowed_methods)]

use std::time::{Duration, UNIX_EPOCH};

use super::*;
use crate::changes::compare;

fn load(path: &str) -> Loaded {
    crate::model::load_path(Path::new(path)).unwrap()
}

fn key(name: &str) -> SeenKey {
    SeenKey(format!("/dossiers/{name}"))
}

fn store(dir: &tempfile::TempDir, max_each: u64, max_total: u64) -> Store {
    Store::at(dir.path().join("talks").join("seen"), max_each, max_total)
}

const DEC_3: Duration = Duration::from_secs(1_796_289_245); // 2026-12-03T09:14:05Z

#[test]
fn a_snapshot_loads_back_as_the_same_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir, MAX_SNAPSHOT_BYTES, MAX_TOTAL_BYTES);
    for (name, loaded) in [
        ("built-in", crate::model::builtin().unwrap()),
        ("folder", load("tests/fixtures/marsh-river")),
        ("file", load("tests/fixtures/over-time.yaml")),
    ] {
        assert!(matches!(store.read(&key(name)), Looked::Never));
        let taken = store.record(&key(name), &loaded, UNIX_EPOCH + DEC_3);
        assert_eq!(taken.unwrap().as_str(), "2026-12-03T09:14:05Z");
        let Looked::Seen(snapshot) = store.read(&key(name)) else {
            panic!("{name}: no snapshot read back");
        };
        assert_eq!(snapshot.taken.long(), "3 Dec 2026, 09:14 UTC");
        assert!(
            compare(&snapshot.loaded, &loaded).is_empty(),
            "{name}: {:?}",
            compare(&snapshot.loaded, &loaded)
        );
    }
}

#[test]
fn a_dossier_too_big_is_not_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir, 4096, 1 << 20);
    let loaded = crate::model::builtin().unwrap();
    let refused = store.record(&key("big"), &loaded, SystemTime::now());
    assert_eq!(refused, Err(NotRecorded::TooBig(4096)));
    assert_eq!(
        refused.unwrap_err().to_string(),
        "the dossier is too big to remember (its snapshot would be over 4 KiB)"
    );
    assert!(matches!(store.read(&key("big")), Looked::Never));
}

/// Dates the snapshot of `name` as written `age` seconds after the epoch.
fn age(store: &Store, name: &str, age: u64) {
    let file = std::fs::File::options()
        .write(true)
        .open(store.path_of(&key(name)))
        .unwrap();
    file.set_modified(UNIX_EPOCH + Duration::from_secs(age))
        .unwrap();
}

#[test]
fn past_the_bound_the_oldest_snapshots_are_dropped_first() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = load("tests/fixtures/minimal.yaml");
    let probe = store(&dir, 1 << 20, 1 << 30);
    probe
        .record(&key("probe"), &loaded, SystemTime::now())
        .unwrap();
    let one = std::fs::metadata(probe.path_of(&key("probe")))
        .unwrap()
        .len();
    std::fs::remove_file(probe.path_of(&key("probe"))).unwrap();
    // Room for three.
    let store = store(&dir, one + 100, 3 * one + 100);
    for (n, name) in ["a", "b", "c"].into_iter().enumerate() {
        store
            .record(&key(name), &loaded, SystemTime::now())
            .unwrap();
        age(&store, name, 1000 + n as u64);
    }
    // Read since: b is the oldest now.
    age(&store, "a", 2000);
    store.record(&key("d"), &loaded, SystemTime::now()).unwrap();
    let kept = |name| store.path_of(&key(name)).exists();
    assert!(!kept("b"), "the oldest is dropped");
    assert!(kept("a") && kept("c") && kept("d"));
    // Files the store did not name are never touched.
    let other = store.folder.join("notes.txt");
    std::fs::write(&other, vec![b'x'; 10 * one as usize]).unwrap();
    store.record(&key("e"), &loaded, SystemTime::now()).unwrap();
    assert!(other.exists() && kept("e"));
}

#[test]
fn a_malformed_or_foreign_snapshot_is_ignored_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir, 1 << 20, 1 << 30);
    let loaded = load("tests/fixtures/minimal.yaml");
    store
        .record(&key("mine"), &loaded, SystemTime::now())
        .unwrap();
    let path = store.path_of(&key("mine"));
    let written = std::fs::read_to_string(&path).unwrap();
    let cases = [
        (
            "version: 1\ntitle: x\n".to_string(),
            "not a snapshot talks wrote",
        ),
        (
            vec!['\u{0}'; 3].into_iter().collect(),
            "not a snapshot talks wrote",
        ),
        (
            written.replace("# talks snapshot 1:", "# talks snapshot 9:"),
            "written by another version of talks (snapshot format 9; this talks reads format 1)",
        ),
        (
            written.replace("/dossiers/mine", "/dossiers/other"),
            "the snapshot of another dossier",
        ),
        (
            written.replace("# taken: 20", "# taken: yesterday 20"),
            "not a snapshot talks wrote",
        ),
        (
            written.lines().take(3).collect::<Vec<_>>().join("\n") + "\n{\"actors\": 3}\n",
            "the snapshot does not load as a dossier (4 problems)",
        ),
    ];
    for (text, why) in cases {
        std::fs::write(&path, &text).unwrap();
        let Looked::Unusable(message) = store.read(&key("mine")) else {
            panic!("{text:?} was taken for a snapshot");
        };
        assert!(message.contains(why), "{message}");
        assert!(
            message.ends_with("it is ignored, and replaced when you next catch up"),
            "{message}"
        );
    }
    std::fs::write(&path, [0xff, 0xfe]).unwrap();
    assert!(matches!(store.read(&key("mine")), Looked::Unusable(m) if m.contains("not UTF-8")));
    // The next snapshot replaces it.
    store
        .record(&key("mine"), &loaded, SystemTime::now())
        .unwrap();
    assert!(matches!(store.read(&key("mine")), Looked::Seen(_)));
}

/// Two explorers catching up on the same dossier at once: every read finds a whole
/// snapshot, one of the two.
#[test]
fn two_writers_at_once_leave_a_whole_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(&dir, 1 << 22, 1 << 30);
    let small = load("tests/fixtures/minimal.yaml");
    let large = crate::model::builtin().unwrap();
    store
        .record(&key("both"), &small, SystemTime::now())
        .unwrap();
    std::thread::scope(|scope| {
        for loaded in [&small, &large] {
            let store = &store;
            scope.spawn(move || {
                for _ in 0..15 {
                    store
                        .record(&key("both"), loaded, SystemTime::now())
                        .unwrap();
                }
            });
        }
        scope.spawn(|| {
            for _ in 0..30 {
                match store.read(&key("both")) {
                    Looked::Seen(snapshot) => {
                        let title = &snapshot.loaded.dossier.title;
                        assert!(*title == small.dossier.title || *title == large.dossier.title);
                    }
                    other => panic!("{other:?}"),
                }
            }
        });
    });
}

#[test]
fn keys_name_the_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.yaml");
    std::fs::write(&file, "x").unwrap();
    let through = dir.path().join(".").join("d.yaml");
    assert_eq!(SeenKey::of(Some(&file)), SeenKey::of(Some(&through)));
    assert_eq!(SeenKey::of(Some(Path::new("-"))), None);
    assert_eq!(
        SeenKey::of(None).map(|k| k.as_str().to_string()),
        Some("built-in:data/talks.yaml".into())
    );
    assert_ne!(key("a").file_name(), key("b").file_name());
    assert!(is_snapshot_name(&key("a").file_name()));
}
