#![allow(clippy::disallowed_methods)]

use std::path::Path;

use super::*;

fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn bytes_of(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn creates_and_refuses_to_overwrite_then_replaces_when_asked() {
    let dir = folder();
    let path = dir.path().join("out.txt");
    let written = create_new(&path, b"one").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.bytes, 3);
    assert!(written.path.is_absolute());
    assert_eq!(
        create_new(&path, b"two"),
        Err(WriteError::Exists(path.clone()))
    );
    assert_eq!(bytes_of(&path), b"one");
    replace(&path, b"two").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&path), b"two");
    assert_eq!(
        names_in(dir.path()),
        ["out.txt"],
        "no temporary file is left"
    );
}

#[cfg(unix)]
#[test]
fn replacing_a_file_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder();
    let path = dir.path().join("private.txt");
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))
        .unwrap_or_else(|e| panic!("{e}"));
    replace(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
    let mode = std::fs::metadata(&path).map(|m| m.permissions().mode() & 0o777);
    assert_eq!(mode.unwrap_or_default(), 0o640);
    assert_eq!(bytes_of(&path), b"new");
}

#[test]
fn errors_say_what_and_where() {
    let dir = folder();
    let missing = dir.path().join("no/such/folder/out.txt");
    let err = create_new(&missing, b"x").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "the folder {} does not exist",
            dir.path().join("no/such/folder").display()
        )
    );
    let err = create_new(dir.path(), b"x").unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{} is a folder; give a file name", dir.path().display())
    );
    let full = std::io::Error::from(std::io::ErrorKind::StorageFull);
    let err = WriteError::from_io(&full, Path::new("/x/out.txt"), Path::new("/x"));
    assert_eq!(
        err.to_string(),
        "the disk is full: /x/out.txt was not written"
    );
    let err = WriteError::ReadOnly("/x/d.yaml".into(), 0o444);
    assert_eq!(
        err.to_string(),
        "/x/d.yaml is read-only for you (mode 0444): talks does not replace a file you could \
         not write in place"
    );
    let written = Written {
        path: "a".into(),
        bytes: 2150,
        stamp: Stamp::of(b""),
    };
    assert_eq!(written.size(), "2.1 kB");
}

#[test]
fn a_change_since_read_is_handed_to_the_caller() {
    let dir = folder();
    let path = dir.path().join("notes");
    std::fs::write(&path, b"a\n").unwrap_or_else(|e| panic!("{e}"));
    let read_before = read(&path, 100).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, b"a\nb\n").unwrap_or_else(|e| panic!("{e}"));
    let target = Target::new(&path, Expect::as_read(Some(&read_before)), 100);
    let mut seen = Vec::new();
    write_with(&target, |now| {
        seen.push(format!("{now:?}"));
        let mut merged = match now {
            Now::Changed(Some(bytes)) => bytes.to_vec(),
            _ => read_before.bytes.clone(),
        };
        merged.extend_from_slice(b"c\n");
        Ok(merged)
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&path), b"a\nb\nc\n");
    assert_eq!(seen, [format!("{:?}", Now::Changed(Some(b"a\nb\n")))]);
    // Unchanged since read: as expected; gone since read: changed, with nothing.
    let read_now = read(&path, 100).unwrap_or_else(|e| panic!("{e}"));
    let target = Target::new(&path, Expect::as_read(Some(&read_now)), 100);
    write_with(&target, |now| {
        assert_eq!(now, Now::AsExpected);
        Ok(b"d\n".to_vec())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
    write_with(&target, |now| {
        assert_eq!(now, Now::Changed(None));
        Ok(b"e\n".to_vec())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&path), b"e\n");
}

#[test]
fn a_refusal_writes_nothing_and_leaves_nothing() {
    let dir = folder();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    let target = Target::new(&path, Expect::AsRead(None), 100);
    let err = write_with(&target, |_| Err("nothing was added: it changed".into()));
    assert_eq!(
        err.map_err(|e| e.to_string()),
        Err("nothing was added: it changed".into())
    );
    assert_eq!(bytes_of(&path), b"old");
    assert_eq!(names_in(dir.path()), ["d.yaml"]);
}

#[cfg(unix)]
#[test]
fn a_link_is_followed_and_stays_a_link() {
    let dir = folder();
    std::fs::create_dir(dir.path().join("sync")).unwrap_or_else(|e| panic!("{e}"));
    let real = dir.path().join("sync/real.notes.yaml");
    std::fs::write(&real, b"old").unwrap_or_else(|e| panic!("{e}"));
    let link = dir.path().join("d.notes.yaml");
    std::os::unix::fs::symlink("sync/real.notes.yaml", &link).unwrap_or_else(|e| panic!("{e}"));
    replace(&link, b"new").unwrap_or_else(|e| panic!("{e}"));
    assert!(std::fs::symlink_metadata(&link).is_ok_and(|m| m.file_type().is_symlink()));
    assert_eq!(bytes_of(&real), b"new");
    assert_eq!(names_in(&dir.path().join("sync")), ["real.notes.yaml"]);
}

#[cfg(unix)]
#[test]
fn a_hard_linked_file_is_written_in_place_so_every_name_sees_it() {
    let dir = folder();
    let path = dir.path().join("d.yaml");
    let other = dir.path().join("other-name.yaml");
    std::fs::write(&path, b"old contents").unwrap_or_else(|e| panic!("{e}"));
    std::fs::hard_link(&path, &other).unwrap_or_else(|e| panic!("{e}"));
    replace(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&other), b"new");
    assert_eq!(bytes_of(&path), b"new");
    assert_eq!(names_in(dir.path()), ["d.yaml", "other-name.yaml"]);
}

#[cfg(unix)]
#[test]
fn a_pipe_is_refused_without_blocking() {
    let dir = folder();
    let pipe = dir.path().join("out.txt");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status();
    assert!(made.is_ok_and(|s| s.success()));
    assert_eq!(
        replace(&pipe, b"x").map_err(|e| e.to_string()),
        Err(format!(
            "{} is not a regular file: talks writes only regular files",
            pipe.display()
        ))
    );
}

/// Two writers in one process, each with its own open file (flock locks are per open
/// file), each adding its lines to what it finds: nothing is lost in 100 rounds.
#[test]
fn two_writers_merging_lose_nothing() {
    let dir = folder();
    let path = dir.path().join("history");
    let writers: Vec<_> = ["a", "b"]
        .into_iter()
        .map(|who| {
            let path = path.clone();
            std::thread::spawn(move || {
                for round in 0..100 {
                    let before = read_if_exists(&path, 1 << 20).unwrap_or_else(|e| panic!("{e}"));
                    let target = Target::new(&path, Expect::as_read(before.as_ref()), 1 << 20);
                    write_with(&target, |now| {
                        let mut text = match now {
                            Now::Changed(found) => found.unwrap_or_default().to_vec(),
                            Now::AsExpected => {
                                before.as_ref().map(|f| f.bytes.clone()).unwrap_or_default()
                            }
                        };
                        text.extend_from_slice(format!("{who}{round}\n").as_bytes());
                        Ok(text)
                    })
                    .unwrap_or_else(|e| panic!("{e}"));
                }
            })
        })
        .collect();
    for writer in writers {
        writer
            .join()
            .unwrap_or_else(|_| panic!("a writer panicked"));
    }
    let text = String::from_utf8(bytes_of(&path)).unwrap_or_default();
    assert_eq!(text.lines().count(), 200, "{text}");
    for who in ["a", "b"] {
        for round in 0..100 {
            assert!(
                text.lines().any(|l| l == format!("{who}{round}")),
                "{who}{round} lost"
            );
        }
    }
    assert_eq!(names_in(dir.path()), ["history"]);
}

/// Decided without switching user: a folder talks cannot write in, or an owner a new file
/// cannot be given, means writing in place; other failures are errors.
#[test]
fn what_makes_a_write_in_place() {
    use std::io::{Error, ErrorKind};
    let owner = Error::new(ErrorKind::PermissionDenied, super::replace::NotKept);
    assert!(super::replace::in_place_instead(&owner));
    assert!(super::replace::in_place_instead(&Error::from(
        ErrorKind::PermissionDenied
    )));
    assert!(super::replace::in_place_instead(&Error::from(
        ErrorKind::ReadOnlyFilesystem
    )));
    assert!(!super::replace::in_place_instead(&Error::from(
        ErrorKind::StorageFull
    )));
    assert!(!super::replace::in_place_instead(&Error::from(
        ErrorKind::NotFound
    )));
}

/// Extended attributes (an ACL is one) stay with the file replaced.
#[cfg(unix)]
#[test]
fn extended_attributes_are_kept() {
    let dir = folder();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    if xattr::set(&path, "user.comment", b"kept").is_err() {
        let on_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(
            !on_ci,
            "this test needs a temporary folder that takes user attributes, and CI=true: \
             on CI a skipped test is a failure"
        );
        eprintln!("skipped: this file system takes no user attributes");
        return;
    }
    replace(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&path), b"new");
    let kept = xattr::get(&path, "user.comment").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(kept.as_deref(), Some(&b"kept"[..]));
}

/// A name as long as a file system allows still gets a temporary file beside it.
#[test]
fn a_long_file_name_is_written() {
    let dir = folder();
    let path = dir.path().join(format!("{}.yaml", "ж".repeat(120)));
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    replace(&path, b"new").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(bytes_of(&path), b"new");
}

/// Another program holding the lock: the write gives up after the wait it was given.
#[test]
fn a_lock_held_elsewhere_is_said_after_the_wait() {
    let dir = folder();
    let path = dir.path().join("d.notes.yaml");
    std::fs::write(&path, b"old").unwrap_or_else(|e| panic!("{e}"));
    let holder = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{e}"));
    holder.lock().unwrap_or_else(|e| panic!("{e}"));
    let target = Target {
        lock_wait: std::time::Duration::from_millis(50),
        ..Target::new(&path, Expect::Anything, 100)
    };
    let err = write_with(&target, |_| Ok(b"new".to_vec())).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} is being written by another program (it holds the lock): nothing was written; \
             try again",
            path.display()
        )
    );
    assert_eq!(bytes_of(&path), b"old");
}

/// Another program that writes during every check: a few fresh starts, then a clear
/// error, and its writes are all there.
#[test]
fn a_file_that_keeps_changing_is_said_after_a_few_fresh_starts() {
    let dir = folder();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, b"start\n").unwrap_or_else(|e| panic!("{e}"));
    let read_before = read(&path, 1 << 20).unwrap_or_else(|e| panic!("{e}"));
    let target = Target::new(&path, Expect::as_read(Some(&read_before)), 1 << 20);
    let mut starts = 0;
    let err = write_with(&target, |_| {
        starts += 1;
        let mut other = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap_or_else(|e| panic!("{e}"));
        std::io::Write::write_all(&mut other, b"other\n").unwrap_or_else(|e| panic!("{e}"));
        Ok(b"mine\n".to_vec())
    })
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "{} kept changing as talks wrote it: nothing was written; try again",
            path.display()
        )
    );
    assert_eq!(starts, 4);
    let text = String::from_utf8(bytes_of(&path)).unwrap_or_default();
    assert_eq!(text, format!("start\n{}", "other\n".repeat(4)));
    assert_eq!(names_in(dir.path()), ["d.yaml"]);
}

/// Pruning talks' own files removes a regular file, and leaves a link (or a folder) put
/// in its place alone.
#[cfg(unix)]
#[test]
fn remove_own_removes_only_a_regular_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let own = dir.path().join("a.yaml");
    std::fs::write(&own, b"old").unwrap_or_else(|e| panic!("{e}"));
    let link = dir.path().join("b.yaml");
    std::os::unix::fs::symlink(&own, &link).unwrap_or_else(|e| panic!("{e}"));
    assert!(super::remove_own(&link).is_err());
    assert!(std::fs::symlink_metadata(&link).is_ok(), "the link stays");
    super::remove_own(&own).unwrap_or_else(|e| panic!("{e}"));
    assert!(!own.exists());
    assert!(super::remove_own(dir.path()).is_err());
}

/// A file whose mode allows writing but an attribute forbids it (`chattr +i`: EPERM, not
/// EACCES) is said to be unchangeable, not read-only with a mode that says otherwise.
#[cfg(unix)]
#[test]
fn an_immutable_file_is_not_called_read_only() {
    let dir = folder();
    let path = dir.path().join("d.yaml");
    std::fs::write(&path, "x").unwrap();
    let shown = Path::new("d.yaml");
    let eperm = std::io::Error::from_raw_os_error(libc::EPERM);
    let err = super::lock::cannot_open(&eperm, &path, shown);
    assert_eq!(
        err.to_string(),
        "d.yaml cannot be changed: it is marked immutable or append-only (`lsattr` shows it, \
         `chattr -i` undoes it); nothing was written"
    );
    let eacces = std::io::Error::from_raw_os_error(libc::EACCES);
    let err = super::lock::cannot_open(&eacces, &path, shown);
    assert!(
        err.to_string()
            .starts_with("d.yaml is read-only for you (mode ")
    );
}
