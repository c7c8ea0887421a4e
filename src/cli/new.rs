//! The clap definitions of `talks new`.

use std::path::PathBuf;

use clap::ValueEnum;

/// What `talks new` writes a template for: one item of a dossier's lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum NewKind {
    /// A party to the talks (under `actors:`).
    #[value(alias = "actors")]
    Actor,
    /// Something that happened, is planned or claimed (under `events:`), with the next order.
    #[value(alias = "events")]
    Event,
    /// What the parties disagree on (under `sticking_points:`).
    #[value(aliases = ["sticking_point", "sticking-points", "sticking_points"])]
    StickingPoint,
    /// A place the talks name (under `places:`).
    #[value(alias = "places")]
    Place,
    /// Where facts come from (under `sources:`).
    #[value(alias = "sources")]
    Source,
    /// One party's stance, under a sticking point's `positions:` (needs --sticking-point).
    #[value(alias = "positions")]
    Position,
    /// Words attributed to an actor, under an event's `quotes:` (needs --event).
    #[value(alias = "quotes")]
    Quote,
    /// The next file of a folder dossier (-d DIR): a new source and commented templates
    /// that cite it.
    #[value(alias = "reports")]
    Report,
}

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// What to write a template for.
    pub(crate) kind: NewKind,
    /// The new item's id (default: new-KIND, numbered when that is taken).
    #[arg(long, value_name = "ID")]
    pub(crate) id: Option<String>,
    /// The sticking point whose `positions:` a new position goes under.
    #[arg(long, value_name = "ID")]
    pub(crate) sticking_point: Option<String>,
    /// The event whose `quotes:` a new quote goes under.
    #[arg(long, value_name = "ID")]
    pub(crate) event: Option<String>,
    /// Whose position or quote it is (default: the dossier's first actor; for a quote, the
    /// event's first participant).
    #[arg(long, value_name = "ID")]
    pub(crate) actor: Option<String>,
    /// The dossier whose ids and orders the template follows (default: the built-in one);
    /// with --append, the folder dossier the file appended to is a part of; for a report,
    /// the folder dossier it is added to.
    #[arg(short, long, value_name = "FILE")]
    pub(crate) dossier: Option<PathBuf>,
    /// Add the template to this dossier file where it belongs, keeping the rest of the file
    /// as it is, instead of printing it; the file is checked before it is written.
    #[arg(long, value_name = "FILE")]
    pub(crate) append: Option<PathBuf>,
    /// For a report: when it was published, YYYY, YYYY-MM or YYYY-MM-DD (default: today).
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// For a report: the title of its source (default: a placeholder to replace).
    #[arg(long, value_name = "TITLE")]
    pub(crate) source_title: Option<String>,
    /// For a report: the new file's name in the folder, which must sort after the others
    /// (default: the next number and a name made from the title or the date).
    #[arg(long, value_name = "FILE")]
    pub(crate) name: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_their_names_and_take_the_format_s_spellings() {
        let names: Vec<String> = NewKind::value_variants()
            .iter()
            .filter_map(|v| v.to_possible_value())
            .map(|v| v.get_name().to_string())
            .collect();
        assert_eq!(
            names,
            [
                "actor",
                "event",
                "sticking-point",
                "place",
                "source",
                "position",
                "quote",
                "report"
            ]
        );
        for spelling in ["sticking_point", "sticking_points", "sticking-points"] {
            assert_eq!(
                NewKind::from_str(spelling, false),
                Ok(NewKind::StickingPoint)
            );
        }
    }
}
