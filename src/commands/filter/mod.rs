//! `talks filter QUERY`: lines of standard input that match, best first, like
//! `fzf --filter`: fzf's query syntax, the skim scorer of fuzzy-matcher (`skim`), smart
//! case (a term with an upper-case letter respects case), and Latin diacritics folded. No
//! typos unless `--typos`, which reads each line as a title with the explorer's word rules
//! instead.
//!
//! Lines are read in batches and only those that match are kept (`stream`; with `--limit`
//! only the best so far, in a heap of that size); a line is scored in memory that grows
//! with the query, not the line, so that the longest line costs about twice its size. A group of many alternatives (`a | b | …`) is tested in
//! one pass over the line (`sets`), and only the alternatives found are scored.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use crate::search::Query;
use crate::text::sanitize_line;

mod matcher;
mod query;
mod sets;
mod skim;
mod stream;
mod typos;

/// What `talks filter` was asked.
#[derive(Debug, Clone, Default)]
pub(super) struct FilterOptions {
    pub(crate) query: String,
    /// Forgive typos (the explorer's word rules) instead of fzf's matching.
    pub(crate) typos: bool,
    /// At most this many lines.
    pub(crate) limit: Option<usize>,
    /// Records end with NUL instead of a line feed, in and out.
    pub(crate) read0: bool,
    pub(crate) print0: bool,
    /// Standard output is a terminal: control characters are escaped. To a pipe the
    /// lines go unchanged, as they came (tabs, invalid UTF-8 and all).
    pub(crate) to_terminal: bool,
}

/// Prints the lines of `input` that match, best first (ties: shorter first, then in input
/// order).
pub(super) fn run(
    out: &mut impl Write,
    input: impl BufRead,
    options: &FilterOptions,
) -> io::Result<ExitCode> {
    let query = options.query.as_str();
    // fzf's syntax reads any query; the explorer's (for --typos) may refuse one.
    if let Some(err) = options.typos.then(|| Query::parse(query).err()).flatten() {
        crate::say!("talks: cannot read the query: {err}");
        return Ok(ExitCode::from(crate::open::EXIT_BAD_INPUT));
    }
    let terminator = if options.read0 { 0 } else { b'\n' };
    let end = if options.print0 { b"\0" } else { b"\n" };
    let mut out = io::BufWriter::new(out);
    let mut found = false;
    let limit = options.limit.unwrap_or(usize::MAX);
    if options.typos {
        let records = read_records(input, terminator)?;
        let lines: Vec<String> = records
            .iter()
            .map(|record| String::from_utf8_lossy(record).into_owned())
            .collect();
        for i in typos::with_typos(&lines, query).into_iter().take(limit) {
            found = true;
            write_record(&mut out, &records[i], options.to_terminal)?;
            out.write_all(end)?;
        }
    } else {
        let matcher = matcher::Matcher::new(query::parse(query));
        for kept in stream::matching(input, terminator, &matcher, options.limit)? {
            found = true;
            write_record(&mut out, &kept.record, options.to_terminal)?;
            out.write_all(end)?;
        }
    }
    out.flush()?;
    // As fzf --filter: 1 when no line matches.
    Ok(if found {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_NOT_FOUND)
    })
}

/// A record as it came to a pipe (tabs, invalid UTF-8 and all); to a terminal, its control
/// characters escaped.
fn write_record(out: &mut impl Write, record: &[u8], to_terminal: bool) -> io::Result<()> {
    if to_terminal {
        out.write_all(sanitize_line(&String::from_utf8_lossy(record)).as_bytes())
    } else {
        out.write_all(record)
    }
}

/// The records of `input`, each without its terminator (and, for lines, a CR before it,
/// as fzf reads them).
fn read_records(input: impl BufRead, terminator: u8) -> io::Result<Vec<Vec<u8>>> {
    input
        .split(terminator)
        .map(|record| {
            record.map(|mut bytes| {
                if terminator == b'\n' && bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
                bytes
            })
        })
        .collect()
}

#[cfg(test)]
mod matcher_tests;
#[cfg(test)]
mod tests;
