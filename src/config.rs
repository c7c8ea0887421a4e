//! The configuration file: `$XDG_CONFIG_HOME/talks/config.toml` (or
//! `~/.config/talks/config.toml`, or `--config FILE`). It is read, never written: talks
//! creates no file the user did not ask for. A bad file is reported with line and column
//! and the defaults are used.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::keymap::Keymap;
use crate::ui::Theme;

/// What the file may hold.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// `dark` (the default), `light` or `monochrome`.
    pub theme: Option<String>,
    /// Colours over the theme: `accent`, `link`, `matched`, `muted`, `error`, `border`.
    #[serde(default)]
    pub colors: BTreeMap<String, String>,
    /// Action name → key or keys (see the names in the help).
    #[serde(default)]
    pub keys: BTreeMap<String, Keys>,
    /// The dossier to open when none is given.
    pub dossier: Option<PathBuf>,
    /// Reload the dossier when its file changes.
    pub watch: Option<bool>,
}

/// One key or a list of keys.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub(crate) enum Keys {
    One(String),
    Many(Vec<String>),
}

/// The settings in force, and what was wrong with the file.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    pub dossier: Option<PathBuf>,
    pub watch: bool,
    /// Problems found, each saying where; the defaults stand in for what they concern.
    pub problems: Vec<String>,
}

/// Where the config file is looked for when `--config` does not say.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("talks").join("config.toml"))
}

/// 1-based line and column of byte `offset` in `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count()
        + 1;
    (line, column)
}

/// Reads the settings from `path` (an explicit `--config` when `explicit`); a missing
/// default file is not a problem, a missing explicit one is.
pub fn load(path: Option<&Path>, explicit: bool, no_color: bool) -> Settings {
    let mut settings = Settings {
        theme: Theme::new(no_color),
        keymap: Keymap::default(),
        dossier: None,
        watch: false,
        problems: Vec::new(),
    };
    let Some(path) = path else { return settings };
    let name = crate::text::shown_path(path);
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound && !explicit => return settings,
        Err(err) => {
            settings.problems.push(format!(
                "{name}: cannot read the config file: {err}; using the defaults"
            ));
            return settings;
        }
    };
    let config: Config = match toml::from_str(&text) {
        Ok(config) => config,
        Err(err) => {
            let (line, column) = err
                .span()
                .map_or((1, 1), |span| line_column(&text, span.start));
            let message = err.message().replace('\n', " ");
            settings.problems.push(format!(
                "{name}:{line}:{column}: {message}; using the defaults"
            ));
            return settings;
        }
    };
    apply(&mut settings, &config, &name, no_color);
    settings
}

fn apply(settings: &mut Settings, config: &Config, name: &str, no_color: bool) {
    let base = match config.theme.as_deref() {
        None | Some("dark") => Ok(Theme::colour()),
        Some("light") => Ok(Theme::light()),
        Some("monochrome") => Ok(Theme::monochrome()),
        Some(other) => Err(format!(
            "{name}: unknown theme \"{other}\": use dark, light or monochrome"
        )),
    };
    let mut theme = base.unwrap_or_else(|why| {
        settings.problems.push(why);
        Theme::colour()
    });
    for (role, value) in &config.colors {
        if let Err(why) = theme.set_colour(role, value) {
            settings.problems.push(format!("{name}: [colors] {why}"));
        }
    }
    // NO_COLOR wins over the file: the user asked for no colour in this terminal.
    settings.theme = if no_color { Theme::monochrome() } else { theme };
    let remaps: BTreeMap<String, Vec<String>> = config
        .keys
        .iter()
        .map(|(action, keys)| {
            let keys = match keys {
                Keys::One(key) => vec![key.clone()],
                Keys::Many(keys) => keys.clone(),
            };
            (action.clone(), keys)
        })
        .collect();
    match Keymap::with_remaps(&remaps) {
        Ok(keymap) => settings.keymap = keymap,
        Err(problems) => settings.problems.extend(
            problems
                .into_iter()
                .map(|p| format!("{name}: [keys] {p}; using the built-in keys")),
        ),
    }
    settings.dossier = config
        .dossier
        .as_deref()
        .map(|path| expand_home(path, std::env::var_os("HOME")));
    settings.watch = config.watch.unwrap_or(false);
}

/// `~/…` (or `~` alone) under the home folder, as a shell would read it; other paths as
/// they are, and `~` too when there is no `HOME`.
fn expand_home(path: &std::path::Path, home: Option<std::ffi::OsString>) -> PathBuf {
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_means_the_home_folder() {
        let home = Some(std::ffi::OsString::from("/home/ana"));
        let expand = |p: &str| expand_home(std::path::Path::new(p), home.clone());
        assert_eq!(
            expand("~/notes/talks.yaml"),
            PathBuf::from("/home/ana/notes/talks.yaml")
        );
        assert_eq!(expand("~"), PathBuf::from("/home/ana"));
        assert_eq!(
            expand("~ana/x.yaml"),
            PathBuf::from("~ana/x.yaml"),
            "no other users"
        );
        assert_eq!(expand("notes/~/x.yaml"), PathBuf::from("notes/~/x.yaml"));
        let none = expand_home(std::path::Path::new("~/x.yaml"), None);
        assert_eq!(none, PathBuf::from("~/x.yaml"));
    }

    fn settings(text: &str) -> Settings {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let mut settings = load(Some(&path), true, false);
        let shown = path.display().to_string();
        for problem in &mut settings.problems {
            *problem = problem.replace(&shown, "config.toml");
        }
        settings
    }

    #[test]
    fn a_good_file_sets_theme_keys_dossier_and_watch() {
        let s = settings(
            "theme = \"light\"\ndossier = \"my.yaml\"\nwatch = true\n[keys]\nquit = [\"x\", \"ctrl-c\"]\n[colors]\naccent = \"#ff8700\"\n",
        );
        assert!(s.problems.is_empty(), "{:?}", s.problems);
        assert_eq!(s.dossier, Some(PathBuf::from("my.yaml")));
        assert!(s.watch);
        assert_eq!(
            s.theme.header.fg,
            Some(ratatui::style::Color::Rgb(0xff, 0x87, 0x00))
        );
        let quit = s
            .keymap
            .entries
            .iter()
            .find(|e| e.action == crate::app::Action::Quit);
        assert_eq!(quit.map(|e| e.keys.len()), Some(2));
    }

    #[test]
    fn syntax_errors_have_a_position_and_the_defaults_are_used() {
        let s = settings("theme = \"dark\"\nwatch = yes\n");
        assert_eq!(s.problems.len(), 1);
        assert!(
            s.problems[0].starts_with("config.toml:2:9: "),
            "{:?}",
            s.problems
        );
        assert!(s.problems[0].ends_with("; using the defaults"));
        assert!(!s.watch);
        let s = settings("colour = \"red\"\n");
        assert!(
            s.problems[0].starts_with("config.toml:1:1: unknown field `colour`"),
            "{:?}",
            s.problems
        );
    }

    #[test]
    fn bad_values_are_named() {
        let s = settings(
            "theme = \"neon\"\n[colors]\nlink = \"blurple\"\nglow = \"red\"\n[keys]\nquit = \"j\"\n",
        );
        assert_eq!(
            s.problems,
            vec![
                "config.toml: unknown theme \"neon\": use dark, light or monochrome",
                "config.toml: [colors] glow: unknown colour role; use accent, link, matched, muted, error or border",
                "config.toml: [colors] link: unknown colour \"blurple\"",
                "config.toml: [keys] key \"j\" is bound to both down and quit; using the built-in keys",
                "config.toml: [keys] key \"j\" is bound to both next-link and quit; using the built-in keys",
            ]
        );
    }

    #[test]
    fn a_missing_default_file_is_fine_a_missing_explicit_one_is_not() {
        let missing = Path::new("/no/such/talks/config.toml");
        assert!(load(Some(missing), false, false).problems.is_empty());
        let explicit = load(Some(missing), true, false);
        assert!(
            explicit.problems[0]
                .starts_with("/no/such/talks/config.toml: cannot read the config file")
        );
    }

    #[test]
    fn no_color_wins() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "theme = \"light\"\n").unwrap_or_else(|e| panic!("{e}"));
        assert!(load(Some(&path), true, true).theme.monochrome);
    }
}
