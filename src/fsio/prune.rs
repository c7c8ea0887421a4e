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
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut files: Vec<(SystemTime, u64, PathBuf)> = entries
        .flatten()
        .filter(|entry| is_ours(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| {
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            Some((modified, meta.len(), entry.path()))
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
