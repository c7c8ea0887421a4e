//! Keeping one of talks' own folders (snapshots, query histories) within bounds: the
//! oldest files go first.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// How much of its own a folder may keep.
#[derive(Debug, Clone, Copy)]
pub struct Bound {
    pub total_bytes: u64,
    pub files: usize,
}

/// Removes the oldest (by modification time) regular files of `folder` whose names
/// `is_ours` accepts, never `keep`, until those left fit `bound`. A file that cannot be
/// removed is left; the next call tries again. Nothing else in the folder is touched.
pub fn drop_oldest(folder: &Path, is_ours: impl Fn(&str) -> bool, bound: Bound, keep: &Path) {
    let mut files: Vec<(SystemTime, u64, PathBuf)> = listed(folder, is_ours)
        .map(|(path, meta)| {
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            (modified, meta.len(), path)
        })
        .collect();
    let mut total: u64 = files.iter().map(|(_, len, _)| len).sum();
    let mut count = files.len();
    files.sort();
    for (_, len, path) in files {
        if total <= bound.total_bytes && count <= bound.files {
            break;
        }
        if path != keep && super::remove_own(&path).is_ok() {
            total = total.saturating_sub(len);
            count -= 1;
        }
    }
}

/// The regular files of `folder` whose names `is_ours` accepts, with their sizes (none
/// when the folder cannot be read).
pub fn files_named(folder: &Path, is_ours: impl Fn(&str) -> bool) -> Vec<(PathBuf, u64)> {
    listed(folder, is_ours)
        .map(|(path, meta)| (path, meta.len()))
        .collect()
}

fn listed(
    folder: &Path,
    is_ours: impl Fn(&str) -> bool,
) -> impl Iterator<Item = (PathBuf, std::fs::Metadata)> {
    std::fs::read_dir(folder)
        .into_iter()
        .flatten()
        .flatten()
        .filter(move |entry| is_ours(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| {
            // Not followed: a link is not a file of talks' own.
            let meta = std::fs::symlink_metadata(entry.path()).ok()?;
            meta.is_file().then(|| (entry.path(), meta))
        })
}

/// Whether something other than a regular file (a link, a folder, a pipe) is at `path`.
pub fn is_link_or_other(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| !meta.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn the_oldest_go_first_and_others_stay() {
        let dir = tempfile::tempdir().unwrap();
        let now = SystemTime::now();
        for (n, name) in ["a.h", "b.h", "c.h", "d.h", "other.txt"].iter().enumerate() {
            let path = dir.path().join(name);
            std::fs::write(&path, "12345").unwrap();
            let file = std::fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(now - Duration::from_secs(100 - n as u64))
                .unwrap();
        }
        let keep = dir.path().join("a.h");
        let bound = Bound {
            total_bytes: u64::MAX,
            files: 2,
        };
        drop_oldest(dir.path(), |n| n.ends_with(".h"), bound, &keep);
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        // a.h is the oldest but kept; b.h and c.h go; the file not ours stays.
        assert_eq!(left, ["a.h", "d.h", "other.txt"]);
        let bound = Bound {
            total_bytes: 5,
            files: 10,
        };
        drop_oldest(dir.path(), |n| n.ends_with(".h"), bound, Path::new("/none"));
        assert!(!dir.path().join("a.h").exists());
        assert!(dir.path().join("d.h").exists());
    }
}
