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

mod output;
pub use output::Hyperlinks;

/// What the file may hold. Values keep where they were written, so that a problem with
/// one can say its line and column.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Config {
    /// `dark` (the default), `light` or `monochrome`. Values that may be wrong are read
    /// as any value, so that one of the wrong type is a problem of its own.
    pub(crate) theme: Option<Spanned<toml::Value>>,
    /// Colours over the theme: `accent`, `link`, `matched`, `muted`, `error`, `border`.
    #[serde(default)]
    pub(crate) colors: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// Action name → key or keys (see the names in the help).
    #[serde(default)]
    pub(crate) keys: BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    /// The dossier to open when none is given.
    pub(crate) dossier: Option<PathBuf>,
    /// Reload the dossier when its file changes.
    pub(crate) watch: Option<bool>,
    /// Keep the query history in a file (`false`: only for the session).
    pub(crate) history: Option<bool>,
    /// Compare with what the dossier said when you last caught up (`false`: only with
    /// `--since`).
    pub(crate) since: Option<bool>,
    /// A command that takes copied text on its standard input (`wl-copy`, `pbcopy`).
    pub(crate) copy_command: Option<Spanned<toml::Value>>,
    /// Columns of the explorer's text exports (`e`); 0: one paragraph a line.
    pub(crate) export_width: Option<Spanned<toml::Value>>,
    /// The explorer's CSV and TSV exports begin with a byte order mark (for Excel).
    pub(crate) csv_bom: Option<bool>,
    /// `chicago`, `apa` or `mla`, or a list of them: what `y` copies of a source.
    pub(crate) citation_style: Option<Spanned<toml::Value>>,
    /// `auto`, `always` or `never`: web addresses as terminal hyperlinks.
    pub(crate) hyperlinks: Option<Spanned<toml::Value>>,
    /// Keep what was made of a large dossier for its next open (`false`: never).
    pub(crate) cache: Option<bool>,
    /// The most the index cache may take, all files together: `"2G"`, `"500M"`.
    pub(crate) cache_max: Option<Spanned<toml::Value>>,
}

/// The settings in force, and what was wrong with the file.
#[derive(Debug, Clone)]
pub struct Settings {
    pub theme: Theme,
    pub keymap: Keymap,
    pub dossier: Option<PathBuf>,
    pub watch: bool,
    /// Keep the query history in a file.
    pub query_history: bool,
    /// Compare each open with the snapshot of "since you last looked" (`since = false`:
    /// only `--since` compares).
    pub since: bool,
    /// The copy command's words; `None`: copies go through the terminal (OSC 52).
    pub copy_command: Option<Vec<String>>,
    /// Columns of the explorer's text exports; 0: one paragraph a line.
    pub export_width: usize,
    /// The explorer's CSV and TSV exports begin with a byte order mark (for Excel).
    pub csv_bom: bool,
    /// The styles `y` cites a source in, one a line (Chicago unless the file says).
    pub citation_styles: Vec<crate::export::CitationStyle>,
    /// Web addresses as terminal hyperlinks.
    pub hyperlinks: Hyperlinks,
    /// Keep what was made of a large dossier for its next open (`cache = false`: never).
    pub cache: bool,
    /// The index cache's bound, all its files together (`cache_max`).
    pub cache_max: u64,
    /// Problems found, one a line, each saying where (`FILE:LINE:COLUMN: …`); the defaults
    /// stand in for what they concern.
    pub problems: Vec<String>,
    /// How many of `problems` are the config file's (the first ones): the command line's
    /// come after.
    pub config_problems: usize,
}

/// Where the config file is looked for when `--config` does not say.
pub fn default_path() -> Option<PathBuf> {
    let talks = crate::fsio::places::talks_dir(crate::fsio::places::Base::Config)?;
    Some(talks.join("config.toml"))
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
/// The largest config file read: a config is a page of settings.
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

const ROLES: [&str; 6] = ["accent", "link", "matched", "muted", "error", "border"];

/// Reads the settings from `path` (an explicit `--config` when `explicit`); a missing
/// default file is not a problem, a missing explicit one is.
pub fn load(path: Option<&Path>, explicit: bool, no_color: bool) -> Settings {
    let mut settings = Settings {
        theme: Theme::new(no_color),
        keymap: Keymap::default(),
        dossier: None,
        watch: false,
        query_history: true,
        since: true,
        copy_command: None,
        export_width: crate::export::DEFAULT_WIDTH,
        csv_bom: false,
        citation_styles: vec![crate::export::CitationStyle::Chicago],
        hyperlinks: Hyperlinks::Auto,
        cache: true,
        cache_max: crate::cache::DEFAULT_MAX_TOTAL,
        problems: Vec::new(),
        config_problems: 0,
    };
    let Some(path) = path else { return settings };
    let name = crate::text::shown_path(path);
    let text = match crate::fsio::read(path, MAX_CONFIG_BYTES) {
        Ok(file) => match String::from_utf8(file.bytes) {
            Ok(text) => text,
            Err(_) => {
                settings.problems.push(format!(
                    "{name}: cannot read the config file: it is not UTF-8 text; using the defaults"
                ));
                return settings;
            }
        },
        Err(crate::fsio::ReadError::NotFound) if !explicit => return settings,
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

/// Problems found, each with the offset it is at (to list them in the file's order).
type Found = Vec<(usize, String)>;

/// Takes in what the file says; its problems in the order of the file.
fn apply(settings: &mut Settings, config: &Config, file: &File, no_color: bool) {
    let mut problems = Found::new();
    let theme = theme(config, file, &mut problems);
    // NO_COLOR wins over the file: the user asked for no colour in this terminal.
    settings.theme = if no_color { Theme::monochrome() } else { theme };
    settings.keymap = keymap(config, file, &mut problems);
    settings.copy_command = copy_command(config, file, &mut problems);
    if let Some(width) = &config.export_width {
        settings.export_width = export_width(width, file, &mut problems);
    }
    if let Some(styles) = &config.citation_style {
        settings.citation_styles = output::citation_styles(styles, file, &mut problems);
    }
    if let Some(links) = &config.hyperlinks {
        settings.hyperlinks = output::hyperlinks(links, file, &mut problems);
    }
    if let Some(max) = &config.cache_max {
        settings.cache_max = output::cache_max(max, file, &mut problems);
    }
    problems.sort_by_key(|(offset, _)| *offset);
    settings
        .problems
        .extend(problems.into_iter().map(|(_, problem)| problem));
    settings.dossier = config
        .dossier
        .as_deref()
        .map(|path| expand_home(path, std::env::var_os("HOME")));
    settings.watch = config.watch.unwrap_or(false);
    settings.query_history = config.history.unwrap_or(true);
    settings.since = config.since.unwrap_or(true);
    settings.csv_bom = config.csv_bom.unwrap_or(false);
    settings.cache = config.cache.unwrap_or(true);
}

/// The text of a value that must be a string; a problem where it is not (`label` says
/// which value).
fn text<'a>(
    value: &'a Spanned<toml::Value>,
    label: &str,
    file: &File,
    problems: &mut Found,
) -> Option<&'a str> {
    match value.as_ref() {
        toml::Value::String(text) => Some(text),
        other => {
            let kind = other.type_str();
            let article = if kind.starts_with(['a', 'i']) {
                "an"
            } else {
                "a"
            };
            let message = format!(
                "{label}: text in quotes is expected, not {article} {kind}; using the default"
            );
            problems.push(file.at(value.span(), &message));
            None
        }
    }
}

/// `copy_command` split into words as a shell would (quotes kept together).
fn copy_command(config: &Config, file: &File, problems: &mut Found) -> Option<Vec<String>> {
    let value = config.copy_command.as_ref()?;
    let command = text(value, "copy_command", file, problems)?;
    let words = crate::clipboard::command_words(command);
    if words.is_none() {
        let message = format!("copy_command: {}", crate::clipboard::NOT_A_COMMAND);
        problems.push(file.at(value.span(), &message));
    }
    words
}

/// Columns of the explorer's text exports: a whole number; the default where it is not.
fn export_width(value: &Spanned<toml::Value>, file: &File, problems: &mut Found) -> usize {
    let columns = value
        .as_ref()
        .as_integer()
        .and_then(|n| usize::try_from(n).ok());
    columns.unwrap_or_else(|| {
        let message = format!(
            "export_width: a number of columns is expected (80, or 0 for a paragraph a line); \
             using {}",
            crate::export::DEFAULT_WIDTH
        );
        problems.push(file.at(value.span(), &message));
        crate::export::DEFAULT_WIDTH
    })
}

/// The theme with the colours of `[colors]` over it.
fn theme(config: &Config, file: &File, problems: &mut Found) -> Theme {
    let name = config
        .theme
        .as_ref()
        .map(|t| (text(t, "theme", file, problems), t.span()));
    let mut theme = match name {
        None | Some((None | Some("dark"), _)) => Theme::colour(),
        Some((Some("light"), _)) => Theme::light(),
        Some((Some("monochrome"), _)) => Theme::monochrome(),
        Some((Some(other), span)) => {
            let message =
                format!("unknown theme \"{other}\": use dark, light or monochrome; using dark");
            problems.push(file.at(span, &message));
            Theme::colour()
        }
    };
    for (role, value) in &config.colors {
        let role_name = role.as_ref();
        if !ROLES.contains(&role_name.as_str()) {
            let message = format!(
                "[colors] unknown colour role \"{role_name}\": use {}",
                ROLES.join(", ")
            );
            problems.push(file.at(role.span(), &message));
            continue;
        }
        let label = format!("[colors] {role_name}");
        let Some(colour) = text(value, &label, file, problems) else {
            continue;
        };
        if theme.set_colour(role_name, colour).is_err() {
            let message = format!(
                "[colors] {role_name}: unknown colour \"{colour}\": use a name (red), an index \
                 (208) or #rrggbb; keeping the theme's"
            );
            problems.push(file.at(value.span(), &message));
        }
    }
    theme
}

/// The keys of a remap of `action`: one in quotes, or a list of them.
fn keys(
    action: &str,
    value: &Spanned<toml::Value>,
    file: &File,
    problems: &mut Found,
) -> Option<Vec<String>> {
    let keys = match value.as_ref() {
        toml::Value::String(key) => Some(vec![key.clone()]),
        toml::Value::Array(keys) => keys
            .iter()
            .map(|k| k.as_str().map(str::to_string))
            .collect::<Option<Vec<String>>>(),
        _ => None,
    };
    if keys.is_none() {
        let message = format!(
            "[keys] {action}: a key in quotes (\"x\") or a list of them ([\"x\", \"ctrl-x\"]) is \
             expected; keeping the built-in keys of {action}"
        );
        problems.push(file.at(value.span(), &message));
    }
    keys
}

/// The built-in keys with the good remaps of `[keys]`; each bad one is a problem.
fn keymap(config: &Config, file: &File, problems: &mut Found) -> Keymap {
    let mut lines = Vec::new();
    let mut remaps = Vec::new();
    for (action, value) in &config.keys {
        if let Some(keys) = keys(action.as_ref(), value, file, problems) {
            lines.push((action, value));
            remaps.push(Remap {
                action: action.as_ref().clone(),
                keys,
            });
        }
    }
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
pub fn expand_home(path: &std::path::Path, home: Option<std::ffi::OsString>) -> PathBuf {
    match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => path.to_path_buf(),
    }
}

#[cfg(test)]
mod tests;
