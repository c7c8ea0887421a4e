//! Where talks keeps its own files, by the XDG base directory spec: `$XDG_…_HOME/talks`,
//! else under `~`. The spec ignores a relative path, and so does talks.

use std::path::PathBuf;

/// One of the XDG base folders: its variable and where it is under `HOME` without it.
#[derive(Debug, Clone, Copy)]
pub enum Base {
    /// `$XDG_CONFIG_HOME`, else `~/.config`: the config file.
    Config,
    /// `$XDG_DATA_HOME`, else `~/.local/share`: notes that cannot sit beside their dossier.
    Data,
    /// `$XDG_STATE_HOME`, else `~/.local/state`: the query history, the snapshots.
    State,
    /// `$XDG_CACHE_HOME`, else `~/.cache`: what can be made again (the index cache).
    Cache,
}

impl Base {
    fn variable(self) -> &'static str {
        match self {
            Base::Config => "XDG_CONFIG_HOME",
            Base::Data => "XDG_DATA_HOME",
            Base::State => "XDG_STATE_HOME",
            Base::Cache => "XDG_CACHE_HOME",
        }
    }

    fn under_home(self) -> &'static [&'static str] {
        match self {
            Base::Config => &[".config"],
            Base::Data => &[".local", "share"],
            Base::State => &[".local", "state"],
            Base::Cache => &[".cache"],
        }
    }
}

/// talks' folder in `base`; `None` when neither the variable nor `HOME` says where.
pub fn talks_dir(base: Base) -> Option<PathBuf> {
    let from_variable = std::env::var_os(base.variable())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let folder = from_variable.or_else(|| {
        let home = PathBuf::from(std::env::var_os("HOME")?);
        Some(
            base.under_home()
                .iter()
                .fold(home, |path, part| path.join(part)),
        )
    })?;
    Some(folder.join("talks"))
}
