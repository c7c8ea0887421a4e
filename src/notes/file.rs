//! Where a dossier's notes file is, and reading and writing it. The explorer reads it once
//! at the start and writes it through an effect; `talks notes` reads it.

use std::path::{Path, PathBuf};

use super::Notes;
use crate::fsio::{self, Expect, Now, Stamp, Target};
use crate::model::human_bytes;
use crate::text::shown_path;

pub use super::read::MAX_NOTES_BYTES;

/// How long the explorer waits for another program's lock on its notes or history: a key
/// press never waits long (the change stays for the session, and the next one tries again).
pub const EXPLORER_LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(1);

/// The notes file of a folder dossier, inside it.
pub const FOLDER_NOTES: &str = "talks.notes.yaml";

/// A dossier's notes as found at the start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    pub(crate) notes: Notes,
    /// The file as read (`None`: there was none), so that a write sees another's changes.
    pub(crate) read: Option<Stamp>,
    /// Where changes are written; `None`: kept for this session only.
    pub(crate) path: Option<PathBuf>,
    /// Why the file could not be read (`FILE:LINE:COLUMN: ...`): the notes are read-only
    /// and the file is not overwritten.
    pub(crate) error: Option<String>,
    /// Where the notes are kept when that is not the usual place, for the status bar.
    pub(crate) message: Option<String>,
}

/// `$XDG_DATA_HOME/talks` (else `~/.local/share/talks`); `None` when neither says.
pub fn data_dir() -> Option<PathBuf> {
    crate::fsio::places::talks_dir(crate::fsio::places::Base::Data)
}

/// The usual place of a dossier's notes: `FILE.notes.yaml` beside a file,
/// `DIR/talks.notes.yaml` inside a folder, `builtin.notes.yaml` in the data folder for
/// the built-in dossier (`None`).
pub fn usual_path(dossier: Option<&Path>) -> Option<PathBuf> {
    usual_path_in(dossier, data_dir())
}

fn usual_path_in(dossier: Option<&Path>, data: Option<PathBuf>) -> Option<PathBuf> {
    match dossier {
        None => data.map(|dir| dir.join("builtin.notes.yaml")),
        Some(dir) if dir.is_dir() => Some(dir.join(FOLDER_NOTES)),
        Some(file) => Some(file.with_extension("notes.yaml")),
    }
}

/// Where the notes of a dossier in a read-only folder go: the data folder's `notes/`, under
/// the dossier's whole path with `/` written `%` (as Vim's undo files are named).
pub fn fallback_path(dossier: &Path) -> Option<PathBuf> {
    fallback_path_in(dossier, data_dir())
}

fn fallback_path_in(dossier: &Path, data: Option<PathBuf>) -> Option<PathBuf> {
    let whole = std::fs::canonicalize(dossier).unwrap_or_else(|_| dossier.to_path_buf());
    // `%` itself is written `%25`, so that two paths never share a name.
    let name = whole
        .to_string_lossy()
        .replace('%', "%25")
        .replace(['/', '\\'], "%");
    data.map(|dir| dir.join("notes").join(format!("{name}.notes.yaml")))
}

/// Finds and reads the notes of the dossier at `dossier` (`None`: the built-in one; `-`:
/// standard input, whose notes last the session).
pub fn open(dossier: Option<&Path>) -> Opened {
    open_in(dossier, data_dir(), &writable)
}

/// [`open`] with the data folder given, and what says whether a folder is writable.
fn open_in(
    dossier: Option<&Path>,
    data: Option<PathBuf>,
    writable: &dyn Fn(&Path) -> bool,
) -> Opened {
    if dossier.is_some_and(|p| p.as_os_str() == "-") {
        return Opened {
            message: Some("The dossier came from standard input: notes last this session".into()),
            ..Opened::default()
        };
    }
    let Some(usual) = usual_path_in(dossier, data.clone()) else {
        return Opened {
            message: Some("No HOME or XDG_DATA_HOME: notes last this session".into()),
            ..Opened::default()
        };
    };
    let folder = match usual.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let (path, message) = match dossier {
        // A notes file that can be written in place is, even in a read-only folder.
        Some(dossier) if folder.is_dir() && !writable(&folder) && !writable(&usual) => {
            let fallback = fallback_path_in(dossier, data);
            let message = match &fallback {
                Some(path) => format!(
                    "{} is read-only: notes are kept in {}",
                    shown_path(&folder),
                    shown_path(path)
                ),
                None => format!(
                    "{} is read-only: notes last this session",
                    shown_path(&folder)
                ),
            };
            (fallback, Some(message))
        }
        Some(dossier) => (Some(usual.clone()), kept_aside(dossier, data, &usual)),
        None => (Some(usual.clone()), None),
    };
    // Notes written beside the dossier before its folder became read-only still show.
    let from = path.as_ref().filter(|p| p.exists()).unwrap_or(&usual);
    let (notes, stamp, error) = match read_stamped(from) {
        Ok(Some((notes, stamp))) => (notes, Some(stamp), None),
        Ok(None) => (Notes::new(), None, None),
        Err(why) => (Notes::new(), None, Some(why)),
    };
    Opened {
        notes,
        // Read elsewhere than where they will be written: a change there is another's.
        read: stamp.filter(|_| path.as_deref() == Some(from.as_path())),
        path,
        error,
        message,
    }
}

/// Whether a file can be made in the folder `path`, or the file `path` written in place.
fn writable(path: &Path) -> bool {
    if path.is_dir() {
        fsio::can_create_in(path)
    } else {
        fsio::can_write(path)
    }
}

/// What to say when notes were kept in the data folder while the dossier's folder was
/// read-only, and are now not read (the usual file is used again).
fn kept_aside(dossier: &Path, data: Option<PathBuf>, usual: &Path) -> Option<String> {
    let aside = fallback_path_in(dossier, data).filter(|p| p.exists())?;
    Some(format!(
        "Notes kept in {} while {} was read-only are not shown: copy what you need into {}",
        shown_path(&aside),
        shown_path(usual.parent().unwrap_or(usual)),
        shown_path(usual)
    ))
}

/// The notes in `path`; `None` when there is no file. The error names `FILE:LINE:COLUMN`.
pub fn read(path: &Path) -> Result<Option<Notes>, String> {
    read_stamped(path).map(|read| read.map(|(notes, _)| notes))
}

/// [`read`], with the stamp of the bytes read.
pub fn read_stamped(path: &Path) -> Result<Option<(Notes, Stamp)>, String> {
    let name = shown_path(path);
    let file = match fsio::read_if_exists(path, MAX_NOTES_BYTES) {
        Ok(Some(file)) => file,
        Ok(None) => return Ok(None),
        Err(err) => return Err(format!("{name}: {err}")),
    };
    parse_bytes(&name, &file.bytes).map(|notes| Some((notes, file.stamp)))
}

fn parse_bytes(name: &str, bytes: &[u8]) -> Result<Notes, String> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let valid = &bytes[..err.valid_up_to()];
        let at = crate::model::end_of(std::str::from_utf8(valid).unwrap_or_default());
        let byte = bytes[valid.len()];
        format!(
            "{name}:{}:{}: the notes file is not UTF-8 text (byte 0x{byte:02X})",
            at.line, at.column
        )
    })?;
    parse(name, text)
}

/// Reads the text of a notes file; `name` is used in messages. Every error names
/// `NAME:LINE:COLUMN`.
pub fn parse(name: &str, text: &str) -> Result<Notes, String> {
    super::read::parse(name, text)
}

/// The text of a notes file: every part, entries in key order, each note a literal
/// block, so that one entry's lines depend only on its key and text (docs/notes-format.md).
pub fn render(notes: &Notes) -> String {
    super::render::render(notes)
}

/// The text of a notes file, checked to be one the reader takes: at most
/// [`MAX_NOTES_BYTES`], and read back as `notes`. The error says why it cannot be saved.
pub fn render_checked(notes: &Notes) -> Result<String, String> {
    let text = render(notes);
    let size = text.len() as u64;
    if size > MAX_NOTES_BYTES {
        return Err(format!(
            "the notes would take {}, more than the {} a notes file may hold: shorten or \
             remove notes or saved searches",
            human_bytes(size),
            human_bytes(MAX_NOTES_BYTES)
        ));
    }
    const DEFECT: &str = "a defect of talks: please report it";
    match parse("the notes as they would be written", &text) {
        Ok(read) if read == *notes => Ok(text),
        Ok(_) => Err(format!(
            "the notes would read back differently once written ({DEFECT})"
        )),
        Err(err) => Err(format!(
            "the notes could not be read back once written ({err}; {DEFECT})"
        )),
    }
}

/// Notes as written: what the file holds now (this session's changes merged with
/// another's), its stamp, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub notes: Notes,
    pub stamp: Stamp,
    pub(crate) path: PathBuf,
}

/// Writes this session's notes (`mine`, changed from `base`, which was read as `read`) to
/// `path`: when another talks changed the file meanwhile, this session's changes are
/// merged into what it holds, and nothing of the other's is lost.
pub fn save(path: &Path, base: &Notes, mine: &Notes, read: Option<Stamp>) -> Result<Saved, String> {
    let name = shown_path(path);
    let mut merged = mine.clone();
    let target = Target {
        create_folder: true,
        lock_wait: EXPLORER_LOCK_WAIT,
        ..Target::new(path, Expect::AsRead(read), MAX_NOTES_BYTES)
    };
    let written = fsio::write_with(&target, |now| {
        merged = match now {
            // A file removed since it was read: this session's notes are all there is.
            Now::AsExpected | Now::Changed(None) => mine.clone(),
            Now::Changed(Some(bytes)) => {
                let theirs = parse_bytes(&name, bytes).map_err(|why| {
                    format!("the notes file changed since it was read and cannot be read now ({why}); your change is kept for this session")
                })?;
                super::merge(base, mine, &theirs)
            }
        };
        let rendered = render_checked(&merged)
            .map_err(|why| format!("{why}; your change is kept for this session"))?;
        Ok(rendered.into_bytes())
    })
    .map_err(|err| err.to_string())?;
    Ok(Saved {
        stamp: written.stamp,
        notes: merged,
        path: written.path,
    })
}

/// Writes `notes` as the whole file at `path` (a new file, or tests).
pub fn write(path: &Path, notes: &Notes) -> Result<PathBuf, String> {
    let text = render_checked(notes)?;
    let target = Target {
        create_folder: true,
        ..Target::new(path, Expect::Anything, MAX_NOTES_BYTES)
    };
    fsio::write_with(&target, |_| Ok(text.clone().into_bytes()))
        .map(|written| written.path)
        .map_err(|err| err.to_string())
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn written_then_read_back() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("d.notes.yaml");
        assert_eq!(read(&path), Ok(None));
        let mut notes = Notes::new();
        notes.set_note("putin", "two lines\nof note \u{7}");
        notes.toggle_star("donbas/ukraine");
        notes
            .searches
            .insert("guarantees".into(), "security guarantees".into());
        assert!(write(&path, &notes).is_ok());
        assert_eq!(read(&path), Ok(Some(notes)));
    }

    #[test]
    fn an_invalid_file_is_an_error_with_its_place() {
        let err = parse("d.notes.yaml", "version: 1\nnotes:\n  putin: [1]\n").unwrap_err();
        assert!(err.starts_with("d.notes.yaml:3:10: notes.putin: "), "{err}");
        let err = parse("d.notes.yaml", "version: 1\nnotez: {}\n").unwrap_err();
        assert!(
            err.starts_with("d.notes.yaml:2:1: unknown field `notez`"),
            "{err}"
        );
    }

    #[test]
    fn notes_the_reader_would_refuse_are_not_written() {
        let mut notes = Notes::new();
        notes.set_note("a", &"x".repeat(17 << 20));
        assert_eq!(
            render_checked(&notes),
            Err(
                "the notes would take 17.0 MiB, more than the 16 MiB a notes file may hold: \
                 shorten or remove notes or saved searches"
                    .to_string()
            )
        );
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("d.notes.yaml");
        assert!(write(&path, &notes).is_err());
        assert!(!path.exists(), "nothing is written");
        notes.set_note("a", "fits");
        assert_eq!(render_checked(&notes), Ok(render(&notes)));
    }

    /// The pty test of a folder of mode 0555 cannot run as root (root writes there anyway).
    #[test]
    fn a_read_only_folder_sends_the_notes_to_the_data_folder_and_says_so() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let dossier = dir.path().join("d.yaml");
        std::fs::write(&dossier, "").unwrap_or_else(|e| panic!("{e}"));
        let mut earlier = Notes::new();
        earlier.toggle_star("putin");
        let beside = dir.path().join("d.notes.yaml");
        assert!(write(&beside, &earlier).is_ok());
        let data = dir.path().join("data");
        let opened = open_in(Some(&dossier), Some(data.clone()), &|_| false);
        let path = opened.path.unwrap_or_default();
        assert!(path.starts_with(data.join("notes")), "{path:?}");
        assert!(
            path.to_string_lossy().ends_with("%d.yaml.notes.yaml"),
            "{path:?}"
        );
        let message = opened.message.unwrap_or_default();
        assert!(
            message.contains("is read-only: notes are kept in"),
            "{message}"
        );
        assert!(
            opened.notes.is_starred("putin"),
            "the notes beside it still show"
        );
        let usual = open_in(Some(&dossier), Some(data), &|_| true);
        assert_eq!(usual.path, Some(beside));
        assert_eq!(usual.message, None);
    }

    #[test]
    fn the_usual_place_is_beside_the_file() {
        let path = usual_path(Some(Path::new("/tmp/x/d.yaml")));
        assert_eq!(path, Some(PathBuf::from("/tmp/x/d.notes.yaml")));
    }
}
