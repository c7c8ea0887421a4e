//! `--append` at work: the item added to the file's text and checked against the dossier
//! the file belongs to, then written through `fsio`; when another program changed the file
//! meanwhile, added again to what it holds now and checked again, or nothing is written.

use std::path::Path;

use super::append::{self, Added};
use super::template::Facts;
use super::whole::Whole;
use super::{check, noun, spot};
use crate::cli::NewArgs;
use crate::fsio::{self, Expect, Now, ReadFile, Target, WriteError};
use crate::model::{self, Loaded};

/// What `--append` adds, and to which file of which dossier.
pub(super) struct Adding<'a> {
    pub(crate) name: &'a str,
    pub(crate) args: &'a NewArgs,
    pub(crate) facts: &'a Facts,
    pub(crate) template: &'a [String],
    pub(crate) whole: &'a Whole,
}

/// What was written: where the item is, the dossier it makes, and whether it was added
/// again to what another program left.
pub(super) struct Done {
    pub(crate) added: Added,
    pub(crate) after: Loaded,
    pub(crate) redone: bool,
}

impl Adding<'_> {
    /// Writes the file `path` (read as `read`, making `before`) with the item added.
    pub(super) fn write(
        &self,
        path: &Path,
        read: &ReadFile,
        before: &Loaded,
    ) -> Result<Done, WriteError> {
        let mut done = None;
        let target = Target::new(path, Expect::as_read(Some(read)), model::max_file_bytes());
        fsio::write_with(&target, |now| {
            let (mut added, after, redone) = match now {
                Now::AsExpected => {
                    let text = std::str::from_utf8(&read.bytes).unwrap_or_default();
                    self.to(before, text).map(|(a, l)| (a, l, false))?
                }
                Now::Changed(Some(bytes)) => self.again(bytes).map(|(a, l)| (a, l, true))?,
                Now::Changed(None) => {
                    let name = self.name;
                    return Err(format!(
                        "nothing was added: {name} was removed since it was read"
                    ));
                }
            };
            let bytes = std::mem::take(&mut added.text).into_bytes();
            done = Some(Done {
                added,
                after,
                redone,
            });
            Ok(bytes)
        })?;
        done.ok_or_else(|| WriteError::Refused(path.to_path_buf(), "nothing was added".into()))
    }

    /// The item added to what another program left in the file.
    fn again(&self, bytes: &[u8]) -> Result<(Added, Loaded), String> {
        let name = self.name;
        let text = std::str::from_utf8(bytes)
            .map_err(|_| format!("nothing was added: {name} is not UTF-8 text now"))?;
        let now = self.whole.load_with(name, text).map_err(|err| {
            format!(
                "nothing was added: {name} changed since it was read and {} does not load \
                 now:\n\n{err}",
                self.whole.called(name)
            )
        })?;
        self.to(&now, text)
    }

    /// The file's text with the item added, and the dossier it makes, checked against
    /// `loaded` (the dossier with the file's text as it is).
    fn to(&self, loaded: &Loaded, text: &str) -> Result<(Added, Loaded), String> {
        let noun = noun(self.args.kind);
        let added = append::add(
            text,
            spot(self.args, self.facts.folder.is_some()),
            self.template,
        )
        .map_err(|not| not.message(self.name, noun))?;
        match self.whole {
            Whole::File => check::check(loaded, self.facts, self.template, added),
            Whole::Folder { .. } => {
                let after = self
                    .whole
                    .load_with(self.name, &added.text)
                    .map_err(|err| {
                        format!(
                            "nothing was written: with the new {noun}, {} would not load:\n\n{err}",
                            self.whole.called(self.name)
                        )
                    })?;
                check::check_folder(loaded, self.facts, self.template, &after)?;
                Ok((added, after))
            }
        }
    }
}
