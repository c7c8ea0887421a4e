//! The command line, as clap definitions only.

use std::path::PathBuf;

use clap::builder::PossibleValue;
use clap::{Parser, Subcommand, ValueEnum};

use crate::export;
use crate::model::EntityKind;

mod data;
mod diff;
mod dossier_arg;
mod export_args;
mod list;
mod new;
pub use data::{DataArgs, DataFormat};
pub use diff::DiffArgs;
pub use dossier_arg::{DossierArg, SourceTextArg};
pub use export_args::{ExportArgs, ExportView};
pub use list::Listed;
pub use new::{NewArgs, NewKind};

#[derive(Debug, Parser)]
#[command(
    name = "talks",
    version,
    about = "Explore a negotiation dossier: who takes part, what happened, what is disputed",
    long_about = "Explore a negotiation dossier: who takes part, what happened, what is disputed.\n\n\
        With no command, opens the interactive explorer on DOSSIER, or on the built-in dossier \
        of the US–Ukraine peace talks.",
    override_usage = "talks [OPTIONS] [DOSSIER]\n       talks [OPTIONS] <COMMAND>",
    // Wrapped to the terminal (`wrap_help`; else `$COLUMNS`, else 100), at most 100 wide.
    max_term_width = 100
)]
pub struct Cli {
    /// The dossier to open: a file or a folder (default: the built-in one).
    pub dossier: Option<PathBuf>,

    /// Reload the dossier whenever its file changes.
    #[arg(long)]
    pub watch: bool,

    /// Mark what changed since this older version (a file, a folder or git:REV:PATH): N
    /// new, Δ changed in the lists, old → new in the detail, and the changed: filter.
    /// Without it, the explorer compares with what the dossier said when you last caught
    /// up (C); `seen` names that snapshot, `none` compares with nothing.
    #[arg(long, value_name = "OLD")]
    pub since: Option<String>,

    /// Read settings from this file instead of $XDG_CONFIG_HOME/talks/config.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The largest dossier file to read, e.g. 500M or 4G (default 2G).
    #[arg(long, global = true, value_name = "SIZE", value_parser = crate::model::parse_size)]
    pub max_size: Option<u64>,

    /// Neither use nor write the index cache (what was made of a large dossier, kept for
    /// its next open); the config's `cache = false`, given here.
    #[arg(long, global = true)]
    pub no_cache: bool,

    /// Copy with this command (e.g. "wl-copy", "xclip -selection clipboard", "pbcopy")
    /// instead of through the terminal (OSC 52); the config's copy_command, given here.
    #[arg(long, value_name = "CMD")]
    pub copy_command: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The arguments of this process, or clap's message and exit. The explorer's own
    /// arguments given with a command (`talks FILE validate`) are refused here rather than
    /// by clap's `args_conflicts_with_subcommands`, which would also take `validate` in
    /// `talks --max-size 10k validate FILE` for a dossier (a global option counts as a use).
    pub fn parse_checked() -> Cli {
        use clap::{CommandFactory, FromArgMatches};
        let matches = Cli::command().get_matches();
        let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|err| err.exit());
        if let Some(name) = matches.subcommand_name() {
            let given: Vec<&str> = [
                cli.dossier.as_ref().map(|_| "a dossier before the command"),
                cli.watch.then_some("--watch"),
                cli.since.as_ref().map(|_| "--since"),
            ]
            .into_iter()
            .flatten()
            .collect();
            if !given.is_empty() {
                let hint = if cli.dossier.is_some() {
                    format!(": give the dossier after it (talks {name} FILE)")
                } else {
                    " (it is for the explorer)".to_string()
                };
                let message = format!(
                    "{} cannot be used with the command '{name}'{hint}",
                    given.join(" and ")
                );
                Cli::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, message)
                    .exit();
            }
        }
        cli
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a dossier and report every problem with its line and column.
    Validate {
        #[command(flatten)]
        dossier: DossierArg,
        /// Treat warnings (text nothing cites, control characters) as errors.
        #[arg(long)]
        strict: bool,
        /// Check the quotes citing source ID against the text in PATH (UTF-8); repeatable.
        /// Overrides that source's `text:` in the dossier.
        #[arg(long, value_name = "ID=PATH")]
        source_text: Vec<SourceTextArg>,
    },
    /// List the actors, events, sticking points, places or sources.
    List {
        /// What to list.
        what: Listed,
        /// Mark what changed since this older version (a file, a folder or git:REV:PATH):
        /// N new, Δ changed, as the explorer's lists do (a `change` key in JSON).
        #[arg(long, value_name = "OLD")]
        since: Option<String>,
        #[command(flatten)]
        common: DataArgs,
    },
    /// Show everything about one entity, with its links and sources.
    Show {
        /// The entity's id, e.g. witkoff.
        id: String,
        #[command(flatten)]
        common: DataArgs,
    },
    /// Search every entity, best matches first, each with where it matched (the explorer's
    /// query syntax: words with typos forgiven, "phrases", kind:, status:, topic:, stance:,
    /// actor:, place:, date: and sources: filters). No match: exit 1 and the nearest words.
    Search {
        /// The query, e.g. "donbas !putin" or "status:planned"; @NAME runs a search saved
        /// in the explorer (@@ for a literal @).
        query: String,
        /// Only this kind of entity.
        #[arg(long)]
        kind: Option<EntityKind>,
        /// At most this many results (1 or more; leave it out for every result).
        #[arg(long, value_parser = at_least_one)]
        limit: Option<usize>,
        /// Compare with this older version (a file, a folder or git:REV:PATH): changed:
        /// finds what changed since it, and each hit is marked N new or Δ changed.
        #[arg(long, value_name = "OLD")]
        since: Option<String>,
        #[command(flatten)]
        common: DataArgs,
    },
    /// Your notes, stars and saved searches on the dossier (its FILE.notes.yaml).
    Notes(NotesArgs),
    /// Filter lines of standard input, best first, as `fzf --filter` does (fzf's query
    /// syntax, smart case, diacritics folded): for scripts, and to compare matchers.
    Filter {
        /// The query, in fzf's syntax.
        query: String,
        /// Forgive typos, reading each line with the explorer's word rules.
        #[arg(long)]
        typos: bool,
        /// At most this many lines (1 or more).
        #[arg(long, value_parser = at_least_one)]
        limit: Option<usize>,
        /// Read records ended by NUL instead of lines (as `find -print0` writes them).
        #[arg(long)]
        read0: bool,
        /// Write records ended by NUL instead of lines (for `xargs -0`).
        #[arg(long)]
        print0: bool,
    },
    /// Export a view (a list as a query filters it, and one entity's detail), or with
    /// --all the whole dossier as a briefing, to text, Markdown, JSON, HTML, or CSV/TSV (tables).
    Export(ExportArgs),
    /// Print a commented template for one new actor, event, sticking point, place, source,
    /// position or quote, with a fresh id and the next order; or, with --append FILE, add it
    /// where it belongs in FILE, as text (comments and layout kept), once the result validates.
    New(NewArgs),
    /// What changed between two versions of a dossier: entities added, removed and changed
    /// field by field, and every party's stance that moved. Exit 0 when they say the same,
    /// 1 when they differ, 2 when one cannot be read.
    Diff(DiffArgs),
    /// Check the config file: each problem on stderr with its line and column (exit 2),
    /// or a line on stdout saying it is fine (exit 0). `talks config` alone checks the
    /// default file, as `talks config check` does.
    Config {
        #[command(subcommand)]
        command: Option<ConfigCommand>,
    },
    /// The index cache: what was made of a large dossier (1 MB or more), kept so that its
    /// next open skips reading and checking it again.
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
    },
    /// Write the built-in dossier to PATH, as an editable copy to start from (an existing
    /// file is never replaced).
    Init {
        /// The file to write, e.g. talks.yaml.
        path: PathBuf,
        /// Write a blank dossier to fill in instead: one of each kind, every line explained.
        #[arg(long)]
        empty: bool,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// The arguments of `talks notes`.
#[derive(Debug, clap::Args)]
pub struct NotesArgs {
    #[command(subcommand)]
    pub(crate) command: Option<NotesCommand>,
    /// Only the notes and stars on entities no longer in the dossier.
    #[arg(long, global = true)]
    pub(crate) orphans: bool,
    /// The dossier whose notes to read (default: the built-in one).
    #[arg(
        short,
        long = "dossier",
        id = "notes_dossier",
        value_name = "FILE",
        global = true
    )]
    pub(crate) dossier: Option<PathBuf>,
    /// Output format.
    #[arg(long, id = "notes_format", value_enum, default_value_t = DataFormat::Text, global = true)]
    pub(crate) format: DataFormat,
}

/// What `talks notes` does.
#[derive(Debug, Clone, Subcommand)]
pub enum NotesCommand {
    /// Each note and star, one a line (the default).
    List,
    /// One note in full, by its entity's id (or POINT/ACTOR for a position).
    Show { id: String },
    /// Every note and star in full, and the saved searches.
    Export,
}

/// What `talks cache` does.
#[derive(Debug, Clone, Copy, Subcommand)]
pub enum CacheCommand {
    /// Where the cache is, how many files it holds, their total and its bound.
    Info,
    /// Remove every cache file.
    Clear,
}

/// What `talks config` does.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Check a config file (default: $XDG_CONFIG_HOME/talks/config.toml, else
    /// ~/.config/talks/config.toml) and list every problem with its line and column.
    Check {
        /// The file to check.
        file: Option<PathBuf>,
    },
}

/// `--format` of `talks export`: a format by its file extension (`txt`, `md`, `json`,
/// `csv`, `tsv`, `html`).
impl ValueEnum for export::Format {
    fn value_variants<'a>() -> &'a [Self] {
        &export::Format::ALL
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.extension());
        Some(match self {
            export::Format::Text => value.alias("text"),
            export::Format::Markdown => value.alias("markdown"),
            export::Format::Html => value.alias("htm"),
            export::Format::Json | export::Format::Csv | export::Format::Tsv => value,
        })
    }
}

/// A kind by its plural, as `talks list` and `--kind` take it (`sticking-points`); the
/// singular and `_` for `-` are accepted too, as `kind:` takes them in queries.
impl ValueEnum for EntityKind {
    fn value_variants<'a>() -> &'a [Self] {
        &EntityKind::LISTED
    }

    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.plural_slug()).alias(self.slug());
        Some(match self {
            EntityKind::StickingPoint => value.aliases(["sticking_points", "sticking_point"]),
            _ => value,
        })
    }
}

/// `--limit`: 0 would print nothing and look like "nothing matches".
fn at_least_one(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(0) => Err("0 would print nothing; leave --limit out for every result".into()),
        Ok(limit) => Ok(limit),
        Err(_) => Err(format!("{value:?} is not a whole number")),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    fn names<T: ValueEnum>() -> Vec<String> {
        T::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect()
    }

    #[test]
    fn the_library_enums_keep_their_command_line_names() {
        Cli::command().debug_assert();
        assert_eq!(
            names::<export::Format>(),
            ["txt", "md", "json", "csv", "tsv", "html"]
        );
        assert_eq!(
            names::<EntityKind>(),
            ["actors", "events", "sticking-points", "places"]
        );
        assert_eq!(
            names::<ExportView>(),
            [
                "actors",
                "events",
                "sticking-points",
                "places",
                "matrix",
                "timeline",
                "sources"
            ]
        );
        assert_eq!(
            <ExportView as ValueEnum>::from_str("sticking-points", false),
            Ok(ExportView::List(EntityKind::StickingPoint))
        );
        assert_eq!(
            <export::Format as ValueEnum>::from_str("md", false),
            Ok(export::Format::Markdown)
        );
    }
}
