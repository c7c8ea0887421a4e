#![allow(clippy::disallowed_methods)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::*;

fn store(dir: &Path) -> Store {
    Store::at(dir.join("talks"), DEFAULT_MAX_TOTAL)
}

fn content() -> (Vec<u8>, ContentKey) {
    let bytes = b"actors: []\n".repeat(100);
    let key = ContentKey::of(&bytes);
    (bytes, key)
}

fn ignored_because(miss: Result<Vec<u8>, Miss>) -> String {
    match miss {
        Err(Miss::Ignored(_, why)) => why,
        other => format!("not ignored: {other:?}"),
    }
}

#[test]
fn kept_then_found_for_the_same_content_only() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (bytes, key) = content();
    assert_eq!(store.get(&key, "dossier"), Err(Miss::Absent));
    let path = store.put(&key, "dossier", b"payload").unwrap();
    assert_eq!(store.get(&key, "dossier"), Ok(b"payload".to_vec()));
    assert_eq!(store.get(&key, "engine"), Err(Miss::Absent));
    let mut edited = bytes.clone();
    edited[3] ^= 1;
    assert_eq!(
        store.get(&ContentKey::of(&edited), "dossier"),
        Err(Miss::Absent)
    );
    let mode = std::fs::metadata(&path).unwrap().permissions().mode();
    assert_eq!(mode & 0o022, 0, "writable by the user only: {mode:o}");
}

#[test]
fn a_key_of_parts_changes_with_any_name_order_or_byte() {
    let a = ContentKey::of(b"one");
    let b = ContentKey::of(b"two");
    let key = ContentKey::of_parts([("01.yaml", a), ("02.yaml", b)]);
    assert_eq!(key.len, 6);
    assert_ne!(key, ContentKey::of_parts([("02.yaml", b), ("01.yaml", a)]));
    assert_ne!(key, ContentKey::of_parts([("01.yaml", a), ("03.yaml", b)]));
    assert_ne!(key, ContentKey::of_parts([("01.yaml", a), ("02.yaml", a)]));
    assert_eq!(key, ContentKey::of_parts([("01.yaml", a), ("02.yaml", b)]));
}

/// Every damaged, foreign or planted file is passed over with why, never read as a cache.
#[test]
fn a_hostile_cache_file_is_ignored_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (_, key) = content();
    let path = store.put(&key, "dossier", b"the payload").unwrap();
    let good = std::fs::read(&path).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "truncated",
            good[..good.len() - 3].to_vec(),
            "cut short or padded",
        ),
        ("header cut", good[..10].to_vec(), "cut short in its header"),
        ("empty", Vec::new(), "cut short in its header"),
        (
            "bit flipped",
            flipped(&good, good.len() - 1),
            "checksum does not match",
        ),
        (
            "not ours",
            b"PK\x03\x04 a zip file".to_vec(),
            "not a cache file talks wrote",
        ),
        (
            "another layout",
            flipped(&good, 8),
            "written in another layout",
        ),
        ("huge length", huge_length(&good), "cut short or padded"),
    ];
    for (what, bytes, why) in cases {
        std::fs::write(&path, &bytes).unwrap();
        let said = ignored_because(store.get(&key, "dossier"));
        assert!(said.contains(why), "{what}: {said}");
    }
    std::fs::write(&path, &good).unwrap();
    let other_version =
        Store::at(dir.path().join("talks"), DEFAULT_MAX_TOTAL).with_version("0.0.1");
    let said = ignored_because(other_version.get(&key, "dossier"));
    assert_eq!(said, "written by another version of talks");
}

fn flipped(bytes: &[u8], at: usize) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    bytes[at] ^= 0x40;
    bytes
}

/// The payload length field (after magic, layout, version and content key) set to the
/// largest number: read as a length, it must not allocate or read past the file.
fn huge_length(good: &[u8]) -> Vec<u8> {
    let version = good[12] as usize;
    let at = 13 + version + 16 + 8;
    let mut bytes = good.to_vec();
    bytes[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
    bytes
}

#[test]
fn a_link_a_pipe_a_big_file_or_one_others_can_write_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let (_, key) = content();
    let path = store.put(&key, "dossier", b"the payload").unwrap();
    let real = dir.path().join("elsewhere.cache");
    std::fs::rename(&path, &real).unwrap();
    std::os::unix::fs::symlink(&real, &path).unwrap();
    let said = ignored_because(store.get(&key, "dossier"));
    assert_eq!(said, "it is a symbolic link, not a file talks wrote");
    let put = store.put(&key, "dossier", b"x").unwrap_err();
    assert!(
        put.ends_with("is not a file talks wrote: left alone"),
        "{put}"
    );
    std::fs::remove_file(&path).unwrap();
    let fifo = std::process::Command::new("mkfifo").arg(&path).status();
    if fifo.is_ok_and(|s| s.success()) {
        let said = ignored_because(store.get(&key, "dossier"));
        assert!(said.contains("not a regular file"), "{said}");
        std::fs::remove_file(&path).unwrap();
    }
    std::fs::copy(&real, &path).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o666)).unwrap();
    let said = ignored_because(store.get(&key, "dossier"));
    assert_eq!(said, "others than you can write it, mode 0666");
    // Written again, it is a new private file, not the old one's mode kept.
    store.put(&key, "dossier", b"the payload").unwrap();
    assert_eq!(store.get(&key, "dossier"), Ok(b"the payload".to_vec()));
    // Larger than any cache of this content can be: not read at all.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::write(&path, vec![0u8; 5000]).unwrap();
    let said = ignored_because(store.get(&key, "dossier"));
    assert!(said.contains("larger than"), "{said}");
}

#[test]
fn a_cache_larger_than_its_dossier_is_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let key = ContentKey::of(b"tiny");
    let err = store
        .put(&key, "dossier", b"far more than four bytes")
        .unwrap_err();
    assert_eq!(
        err,
        "the index (24 bytes) would be larger than the dossier (4 bytes): not kept"
    );
    assert_eq!(store.get(&key, "dossier"), Err(Miss::Absent));
}

#[test]
fn the_files_of_one_content_together_stay_within_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let key = ContentKey::of(&[1; 1000]);
    store.put(&key, "dossier", &[7; 500]).unwrap();
    let err = store.put(&key, "engine", &[8; 450]).unwrap_err();
    assert!(err.starts_with("the index (450 bytes, with the "), "{err}");
    assert!(err.ends_with("kept already) would be larger than the dossier (1000 bytes): not kept"));
    assert_eq!(store.get(&key, "engine"), Err(Miss::Absent));
    store.put(&key, "engine", &[8; 400]).unwrap();
    assert_eq!(store.get(&key, "engine"), Ok(vec![8; 400]));
    // Written again, a kind's own file does not count against it.
    store.put(&key, "dossier", &[7; 500]).unwrap();
}

#[test]
fn the_folder_stays_under_its_bound_and_clears() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("talks");
    let store = Store::at(folder.clone(), 2500);
    let keys: Vec<ContentKey> = (0..5u8).map(|n| ContentKey::of(&[n; 2000])).collect();
    for key in &keys {
        store.put(key, "dossier", &[7; 1000]).unwrap();
    }
    std::fs::write(folder.join("mine.txt"), "not the cache's").unwrap();
    let info = store.info();
    assert!(info.bytes <= 2500, "{info:?}");
    assert_eq!(info.files, 2);
    assert!(store.get(&keys[4], "dossier").is_ok(), "the newest is kept");
    assert_eq!(store.get(&keys[0], "dossier"), Err(Miss::Absent));
    assert_eq!(store.clear(), Ok(2));
    assert_eq!(store.info().files, 0);
    assert!(folder.join("mine.txt").exists());
}

/// Two writers of the same cache file at once leave a whole one.
#[test]
fn two_writers_at_once_leave_a_valid_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    let key = ContentKey::of(&[1; 100_000]);
    let writers: Vec<_> = (0..2u8)
        .map(|n| {
            let store = store.clone();
            std::thread::spawn(move || {
                for _ in 0..20 {
                    store.put(&key, "dossier", &[n; 50_000]).unwrap();
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let payload = store.get(&key, "dossier").unwrap();
    assert!(payload == [0; 50_000] || payload == [1; 50_000]);
    let names: Vec<_> = std::fs::read_dir(dir.path().join("talks"))
        .unwrap()
        .collect();
    assert_eq!(names.len(), 1, "no temporary file left");
}

#[test]
fn an_ignored_file_is_one_line_of_notice() {
    let miss = Miss::Ignored("/c/talks/x.cache".into(), "cut short".into());
    assert_eq!(
        miss.notice().as_deref(),
        Some("The index cache /c/talks/x.cache was not used: cut short; it is made again.")
    );
    assert_eq!(Miss::Absent.notice(), None);
}
