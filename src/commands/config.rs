//! `talks config check`: the config file's problems, one a line with its line and column.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::open::{EXIT_BAD_INPUT, counted};
use crate::text::shown_path;

/// Checks `file`, or the default config file; problems go to stderr.
pub(super) fn check(out: &mut impl Write, file: Option<&Path>) -> io::Result<ExitCode> {
    let explicit = file.is_some();
    let Some(path) = file
        .map(Path::to_path_buf)
        .or_else(crate::config::default_path)
    else {
        crate::say!(
            "talks: no config file to check: set XDG_CONFIG_HOME or HOME, or name the file"
        );
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    };
    let name = shown_path(&path);
    if !explicit && !path.exists() {
        writeln!(
            out,
            "{name}: no config file; talks uses its built-in settings"
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    let settings = crate::config::load(Some(&path), true, false);
    if settings.problems.is_empty() {
        writeln!(out, "{name}: no problems")?;
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &settings.problems {
        crate::say!("{problem}");
    }
    let problems = counted(&[(settings.problems.len(), "problem")]);
    crate::say!("\n{problems} in {name}; the defaults stand in for what each concerns");
    Ok(ExitCode::from(EXIT_BAD_INPUT))
}
