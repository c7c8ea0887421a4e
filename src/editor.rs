//! `o`: which editor to run and the arguments that open a file at a line and column. The
//! event loop runs it (`Effect::Edit`); nothing here touches the terminal.
//!
//! The editor is `$VISUAL`, else `$EDITOR`, else the first of [`DEFAULTS`] installed on
//! `PATH` (as git and Debian's `sensible-editor` choose), else [`FALLBACK`], split into
//! words as a shell would (`code --wait`, `emacs -nw`) and run directly, never through a shell. How the
//! place is given depends on the program's name:
//!
//! | program | arguments |
//! |---|---|
//! | `vim`, `nvim`, `gvim`, `mvim` | `+call cursor(LINE, COLUMN)` FILE |
//! | `nano`, `pico`, `rnano` | `+LINE,COLUMN` FILE |
//! | `emacs`, `emacsclient`, `micro`, `kak` | `+LINE:COLUMN` FILE |
//! | `hx`, `helix` | FILE`:LINE:COLUMN` |
//! | `code`, `code-insiders`, `codium`, `vscodium` | `--goto` FILE`:LINE:COLUMN` |
//! | anything else (`vi` among them) | `+LINE` FILE |

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The editor run when neither `$VISUAL` nor `$EDITOR` is set and none of [`DEFAULTS`]
/// is installed.
pub const FALLBACK: &str = "vi";

/// The editors tried, in order, when neither `$VISUAL` nor `$EDITOR` is set: Debian's
/// choice of the user's editor (`sensible-editor`, the `editor` alternative), then `nano`,
/// which a newcomer can use without knowing vi.
pub const DEFAULTS: [&str; 3] = ["sensible-editor", "editor", "nano"];

/// The editor's words, and whether they are talks' default (no variable set).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen {
    pub words: Vec<String>,
    pub by_default: bool,
}

impl Chosen {
    /// What the user is told after a default editor ran: which one, and how to choose.
    pub fn said(&self) -> Option<String> {
        self.by_default.then(|| {
            let name = self.words.first().map_or(FALLBACK, String::as_str);
            format!("Edited with {}", said_default(name))
        })
    }
}

/// How a default editor is said: its name and how to choose another.
pub fn said_default(name: &str) -> String {
    let name = crate::text::sanitize_line(name);
    format!("{name} (no $VISUAL or $EDITOR set; set $EDITOR to choose another)")
}

/// The editor `o` runs, given the variables' values and `PATH`: as [`Chosen`].
pub fn choose(
    visual: Option<&str>,
    editor: Option<&str>,
    path: Option<&std::ffi::OsStr>,
) -> Result<Chosen, String> {
    let words = editor_words(visual, editor)?;
    if words.as_slice() != [FALLBACK] || is_set(visual) || is_set(editor) {
        return Ok(Chosen {
            words,
            by_default: false,
        });
    }
    let installed = DEFAULTS.into_iter().find(|name| on_path(name, path));
    Ok(Chosen {
        words: vec![installed.unwrap_or(FALLBACK).to_string()],
        by_default: true,
    })
}

fn is_set(value: Option<&str>) -> bool {
    value.is_some_and(|v| !v.trim().is_empty())
}

/// Whether `name` is an executable file in one of `path`'s folders.
fn on_path(name: &str, path: Option<&std::ffi::OsStr>) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let Some(path) = path else { return false };
    std::env::split_paths(path)
        .filter(|folder| folder.is_absolute())
        .any(|folder| {
            std::fs::metadata(folder.join(name))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// A program and its arguments, ready to run without a shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invocation {
    pub program: String,
    pub args: Vec<OsString>,
}

impl Invocation {
    /// The command as shown in messages (control characters made visible).
    pub fn shown(&self) -> String {
        crate::text::sanitize_line(&self.program).into_owned()
    }
}

/// The editor's words: the first non-empty of `visual` and `editor` (the variables'
/// values), else [`FALLBACK`]. An error names the variable whose value is not a command.
pub fn editor_words(visual: Option<&str>, editor: Option<&str>) -> Result<Vec<String>, String> {
    let chosen = [("VISUAL", visual), ("EDITOR", editor)]
        .into_iter()
        .find_map(|(name, value)| value.filter(|v| !v.trim().is_empty()).map(|v| (name, v)));
    let Some((name, value)) = chosen else {
        return Ok(vec![FALLBACK.to_string()]);
    };
    crate::clipboard::command_words(value).ok_or_else(|| {
        let shown = crate::text::sanitize_line(value);
        format!("${name} is not a command (an unclosed quote?): {shown}")
    })
}

/// How an editor takes the place to open, by its program's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Convention {
    VimCursor,
    NanoComma,
    PlusColon,
    FileColon,
    VsCodeGoto,
    PlusLine,
}

fn convention(program: &str) -> Convention {
    let name = Path::new(program)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "vim" | "nvim" | "gvim" | "mvim" => Convention::VimCursor,
        "nano" | "pico" | "rnano" => Convention::NanoComma,
        "emacs" | "emacsclient" | "micro" | "kak" => Convention::PlusColon,
        "hx" | "helix" => Convention::FileColon,
        "code" | "code-insiders" | "codium" | "vscodium" => Convention::VsCodeGoto,
        _ => Convention::PlusLine,
    }
}

/// The editor `words` (at least the program) opening `file` at `line` and `column`
/// (both from 1).
pub fn invocation(words: &[String], file: &Path, line: usize, column: usize) -> Invocation {
    let (program, given) = match words.split_first() {
        Some((program, given)) => (program.clone(), given),
        None => (FALLBACK.to_string(), &[][..]),
    };
    let file = not_an_option(file);
    let with_place = |suffix: String| {
        let mut arg = file.clone().into_os_string();
        arg.push(suffix);
        arg
    };
    let mut args: Vec<OsString> = given.iter().map(OsString::from).collect();
    match convention(&program) {
        Convention::VimCursor => {
            args.push(format!("+call cursor({line}, {column})").into());
            args.push(file.into());
        }
        Convention::NanoComma => {
            args.push(format!("+{line},{column}").into());
            args.push(file.into());
        }
        Convention::PlusColon => {
            args.push(format!("+{line}:{column}").into());
            args.push(file.into());
        }
        Convention::FileColon => args.push(with_place(format!(":{line}:{column}"))),
        Convention::VsCodeGoto => {
            args.push("--goto".into());
            args.push(with_place(format!(":{line}:{column}")));
        }
        Convention::PlusLine => {
            args.push(format!("+{line}").into());
            args.push(file.into());
        }
    }
    Invocation { program, args }
}

/// A relative file name that starts with `-` or `+` would read as an option: `./` before it.
fn not_an_option(file: &Path) -> PathBuf {
    let starts = file.as_os_str().to_string_lossy();
    if file.is_relative() && (starts.starts_with('-') || starts.starts_with('+')) {
        Path::new(".").join(file)
    } else {
        file.to_path_buf()
    }
}

/// Where the value at `path` starts in the dossier's `text`: (line, column), or the top
/// of the file when it is not found (the file changed since it was read).
pub fn place_of(text: &str, path: &str) -> (usize, usize) {
    crate::model::value_at(text, path).map_or((1, 1), |at| (at.line, at.column))
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    fn args_of(editor: &str, file: &str) -> Vec<String> {
        let words = editor_words(None, Some(editor)).unwrap_or_else(|e| panic!("{e}"));
        let run = invocation(&words, Path::new(file), 12, 5);
        let mut all = vec![run.program];
        all.extend(run.args.iter().map(|a| a.to_string_lossy().into_owned()));
        all
    }

    #[test]
    fn each_editor_gets_the_place_its_own_way() {
        let f = "d.yaml";
        assert_eq!(args_of("vim", f), ["vim", "+call cursor(12, 5)", f]);
        assert_eq!(args_of("/usr/bin/nvim", f)[1], "+call cursor(12, 5)");
        assert_eq!(args_of("nano", f), ["nano", "+12,5", f]);
        assert_eq!(args_of("emacs -nw", f), ["emacs", "-nw", "+12:5", f]);
        assert_eq!(args_of("micro", f), ["micro", "+12:5", f]);
        assert_eq!(args_of("kak", f), ["kak", "+12:5", f]);
        assert_eq!(args_of("hx", f), ["hx", "d.yaml:12:5"]);
        assert_eq!(
            args_of("code --wait", f),
            ["code", "--wait", "--goto", "d.yaml:12:5"]
        );
        assert_eq!(args_of("codium -w", f)[2..], ["--goto", "d.yaml:12:5"]);
        assert_eq!(args_of("vi", f), ["vi", "+12", f]);
    }

    #[test]
    fn an_unknown_editor_gets_plus_line() {
        assert_eq!(args_of("ed", "d.yaml"), ["ed", "+12", "d.yaml"]);
        assert_eq!(
            args_of("/opt/my editor/bin/edit -x", "d.yaml"),
            ["/opt/my", "editor/bin/edit", "-x", "+12", "d.yaml"],
            "unquoted, a space splits words as in a shell"
        );
        assert_eq!(
            args_of("'/opt/my editor/bin/vim'", "d.yaml")[..2],
            ["/opt/my editor/bin/vim", "+call cursor(12, 5)"]
        );
    }

    #[test]
    fn file_names_with_spaces_stay_one_argument() {
        assert_eq!(
            args_of("vim", "my talks/dossier one.yaml"),
            ["vim", "+call cursor(12, 5)", "my talks/dossier one.yaml"]
        );
        assert_eq!(
            args_of("code", "my talks/d.yaml")[1..],
            ["--goto", "my talks/d.yaml:12:5"]
        );
        assert_eq!(args_of("vi", "-d.yaml")[2], "./-d.yaml");
    }

    #[test]
    fn visual_wins_over_editor_and_vi_is_the_fallback() {
        let words = |v, e| editor_words(v, e).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(words(Some("nano"), Some("vim")), ["nano"]);
        assert_eq!(words(Some(" "), Some("vim")), ["vim"]);
        assert_eq!(words(None, None), [FALLBACK]);
        let err = editor_words(Some("vim 'open"), None).err();
        assert!(err.is_some_and(|e| e.contains("$VISUAL")));
    }

    /// A folder of executable stubs standing for installed editors.
    fn stubs(names: &[&str]) -> tempfile::TempDir {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for name in names {
            let file = dir.path().join(name);
            std::fs::write(&file, "#!/bin/sh\n").unwrap_or_else(|e| panic!("{e}"));
            let mode = std::fs::Permissions::from_mode(0o755);
            std::fs::set_permissions(&file, mode).unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    fn chosen(visual: Option<&str>, editor: Option<&str>, installed: &[&str]) -> Chosen {
        let dir = stubs(installed);
        let path = std::env::join_paths([dir.path(), Path::new("/no/such/folder")])
            .unwrap_or_else(|e| panic!("{e}"));
        choose(visual, editor, Some(&path)).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn with_no_editor_set_a_newcomer_s_editor_is_preferred_to_vi() {
        let all = ["sensible-editor", "editor", "nano", "vi"];
        assert_eq!(chosen(None, None, &all).words, ["sensible-editor"]);
        assert_eq!(chosen(None, None, &all[1..]).words, ["editor"]);
        let nano = chosen(None, Some(" "), &all[2..]);
        assert_eq!(nano.words, ["nano"]);
        assert_eq!(
            nano.said().as_deref(),
            Some("Edited with nano (no $VISUAL or $EDITOR set; set $EDITOR to choose another)")
        );
        assert_eq!(chosen(None, None, &all[3..]).words, [FALLBACK]);
        assert_eq!(chosen(None, None, &[]).words, [FALLBACK]);
        assert!(chosen(None, None, &[]).by_default);
        assert_eq!(
            choose(None, None, None).map(|c| c.words),
            Ok(vec![FALLBACK.into()])
        );
    }

    #[test]
    fn a_set_editor_wins_and_is_not_said() {
        let set = chosen(None, Some("vi"), &["nano"]);
        assert_eq!(set.words, ["vi"]);
        assert_eq!(set.said(), None);
        assert_eq!(chosen(Some("micro"), None, &["nano"]).words, ["micro"]);
    }

    #[test]
    fn a_file_that_is_not_executable_is_not_an_editor() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("nano"), "").unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir(dir.path().join("editor")).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().as_os_str();
        let picked = choose(None, None, Some(path)).map(|c| c.words);
        assert_eq!(picked, Ok(vec![FALLBACK.to_string()]));
    }

    #[test]
    fn the_place_is_found_by_path() {
        let text = "version: 1\nactors:\n  - id: a\n    name: A\n  - id: b\n    name: B\n";
        assert_eq!(place_of(text, "actors[1]"), (5, 5));
        assert_eq!(place_of(text, "actors[7]"), (1, 1));
    }
}
