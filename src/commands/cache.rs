//! `talks cache info` and `talks cache clear`: the index cache seen and emptied.

use std::io::{self, Write};
use std::process::ExitCode;

use crate::cli::CacheCommand;
use crate::model::human_bytes;
use crate::text::shown_path;

/// Runs `talks cache info|clear` on the store this run was given.
pub(super) fn run(out: &mut impl Write, command: CacheCommand) -> io::Result<ExitCode> {
    let Some((store, used)) = crate::open::cache_store() else {
        crate::say!("talks: neither XDG_CACHE_HOME nor HOME is set, so talks keeps no cache");
        return Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT));
    };
    match command {
        CacheCommand::Info => {
            let info = store.info();
            writeln!(out, "folder: {}", shown_path(&info.folder))?;
            writeln!(out, "files: {}", info.files)?;
            writeln!(out, "total: {}", human_bytes(info.bytes))?;
            writeln!(out, "bound: {}", human_bytes(info.max_total))?;
            if !used {
                writeln!(out, "not used: --no-cache or the config's cache = false")?;
            }
            Ok(ExitCode::SUCCESS)
        }
        CacheCommand::Clear => match store.clear() {
            Ok(removed) => {
                let noun = if removed == 1 { "file" } else { "files" };
                writeln!(
                    out,
                    "removed {removed} cache {noun} from {}",
                    shown_path(store.folder())
                )?;
                Ok(ExitCode::SUCCESS)
            }
            Err(why) => {
                crate::say!("talks: {why}");
                Ok(ExitCode::FAILURE)
            }
        },
    }
}
