//! The configuration file: `$XDG_CONFIG_HOME/talks/config.toml` (or
//! `~/.config/talks/config.toml`, or `--config FILE`). It is read, never written: talks
//! creates no file the user did not ask for. Each problem is reported with its line and
//! column, and the defaults stand in for what it concerns (a bad remap leaves the others).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::keymap::{Keymap, Remap};
use crate::ui::Theme;

/// What the file may hold. Values keep where they were written, so that a problem with
/// one can say its line and column.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// `dark` (the default), `light` or `monochrome`.
    pub theme: Option<Spanned<String>>,
    /// Colours over the theme: `accent`, `link`, `matched`, `muted`, `error`, `border`.
    #[serde(default)]
    pub colors: BTreeMap<Spanned<String>, Spanned<String>>,
    /// Action name → key or keys (see the names in the help).
    #[serde(default)]
    pub keys: BTreeMap<Spanned<String>, Spanned<Keys>>,
    /// The dossier to open when none is given.
    pub dossier: Option<PathBuf>,
    /// Reload the dossier when its file changes.
    pub watch: Option<bool>,
    /// Keep the query history in a file (`false`: only for the session).
    pub history: Option<bool>,
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
    /// Keep the query history in a file.
    pub history: bool,
    /// Problems found, one a line, each saying where (`FILE:LINE:COLUMN: …`); the defaults
    /// stand in for what they concern.
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

/// The colour roles of `[colors]`.
const ROLES: [&str; 6] = ["accent", "link", "matched", "muted", "error", "border"];

/// Reads the settings from `path` (an explicit `--config` when `explicit`); a missing
/// default file is not a problem, a missing explicit one is.
pub fn load(path: Option<&Path>, explicit: bool, no_color: bool) -> Settings {
    let mut settings = Settings {
        theme: Theme::new(no_color),
        keymap: Keymap::default(),
        dossier: None,
        watch: false,
        history: true,
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
            let message = crate::text::sanitize_line(err.message().trim()).into_owned();
            settings.problems.push(format!(
                "{name}:{line}:{column}: {message}; using the defaults"
            ));
            return settings;
        }
    };
    let file = File {
        name: &name,
        text: &text,
    };
    apply(&mut settings, &config, &file, no_color);
    settings
}

/// The file read: its name as shown, and its text (for lines and columns).
struct File<'a> {
    name: &'a str,
    text: &'a str,
}

impl File<'_> {
    /// `NAME:LINE:COLUMN: message`, at the start of `span`, with that offset to sort by.
    fn at(&self, span: std::ops::Range<usize>, message: &str) -> (usize, String) {
        let (line, column) = line_column(self.text, span.start);
        let message = crate::text::sanitize_line(message);
        (
            span.start,
            format!("{}:{line}:{column}: {message}", self.name),
        )
    }
}

/// Takes in what the file says; its problems in the order of the file.
fn apply(settings: &mut Settings, config: &Config, file: &File, no_color: bool) {
    let mut problems = Vec::new();
    let mut theme = match config
        .theme
        .as_ref()
        .map(|t| (t.as_ref().as_str(), t.span()))
    {
        None | Some(("dark", _)) => Theme::colour(),
        Some(("light", _)) => Theme::light(),
        Some(("monochrome", _)) => Theme::monochrome(),
        Some((other, span)) => {
            problems.push(file.at(
                span,
                &format!("unknown theme \"{other}\": use dark, light or monochrome; using dark"),
            ));
            Theme::colour()
        }
    };
    for (role, value) in &config.colors {
        let problem = if !ROLES.contains(&role.as_ref().as_str()) {
            Some((
                role.span(),
                format!(
                    "[colors] unknown colour role \"{}\": use {}",
                    role.as_ref(),
                    ROLES.join(", ")
                ),
            ))
        } else if theme.set_colour(role.as_ref(), value.as_ref()).is_err() {
            Some((
                value.span(),
                format!(
                    "[colors] {}: unknown colour \"{}\": use a name (red), an index (208) or #rrggbb; keeping the theme's",
                    role.as_ref(),
                    value.as_ref()
                ),
            ))
        } else {
            None
        };
        if let Some((span, message)) = problem {
            problems.push(file.at(span, &message));
        }
    }
    // NO_COLOR wins over the file: the user asked for no colour in this terminal.
    settings.theme = if no_color { Theme::monochrome() } else { theme };
    settings.keymap = keymap(config, file, &mut problems);
    problems.sort_by_key(|(offset, _)| *offset);
    settings
        .problems
        .extend(problems.into_iter().map(|(_, problem)| problem));
    settings.dossier = config
        .dossier
        .as_deref()
        .map(|path| expand_home(path, std::env::var_os("HOME")));
    settings.watch = config.watch.unwrap_or(false);
    settings.history = config.history.unwrap_or(true);
}

/// The built-in keys with the good remaps of `[keys]`; each bad one is a problem.
fn keymap(config: &Config, file: &File, problems: &mut Vec<(usize, String)>) -> Keymap {
    let lines: Vec<(&Spanned<String>, &Spanned<Keys>)> = config.keys.iter().collect();
    let remaps: Vec<Remap> = lines
        .iter()
        .map(|(action, keys)| Remap {
            action: action.as_ref().clone(),
            keys: match keys.as_ref() {
                Keys::One(key) => vec![key.clone()],
                Keys::Many(keys) => keys.clone(),
            },
        })
        .collect();
    let (keymap, found) = Keymap::with_remaps(&remaps);
    for problem in found {
        if let Some((action, keys)) = lines.get(problem.remap) {
            let span = if problem.in_name {
                action.span()
            } else {
                keys.span()
            };
            problems.push(file.at(span, &format!("[keys] {}", problem.message)));
        }
    }
    keymap
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
mod tests;
