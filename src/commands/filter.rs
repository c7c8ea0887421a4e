//! `talks filter QUERY`: the explorer's matcher over lines of standard input, best first,
//! like `fzf --filter`. For scripts, and for comparing matchers on the same strings.

use std::io::{self, BufRead, Write};
use std::process::ExitCode;

use crate::model::{Dossier, Event, EventKind, EventStatus, Index};
use crate::search::{Query, SearchEngine};
use crate::text::sanitize_line;

/// Each line becomes the title of an event of an otherwise empty dossier.
fn dossier_of(lines: Vec<String>) -> Dossier {
    let events = lines
        .into_iter()
        .enumerate()
        .map(|(i, title)| Event {
            id: format!("line-{i}"),
            title,
            kind: EventKind::Unknown(String::new()),
            status: EventStatus::Unknown(String::new()),
            order: i as u32,
            date: None,
            place: None,
            participants: Vec::new(),
            sticking_points: Vec::new(),
            summary: None,
            outcomes: Vec::new(),
            quotes: Vec::new(),
            sources: Vec::new(),
        })
        .collect();
    Dossier {
        version: 1,
        title: "standard input".into(),
        summary: None,
        sources: Vec::new(),
        actors: Vec::new(),
        events,
        sticking_points: Vec::new(),
        places: Vec::new(),
    }
}

/// Prints the lines of `input` that match `query`, best first (ties in input order).
pub fn run(out: &mut impl Write, input: impl BufRead, query: &str) -> io::Result<ExitCode> {
    let query = match Query::parse(query) {
        Ok(query) => query,
        Err(err) => {
            eprintln!("talks: cannot read the query: {err}");
            return Ok(ExitCode::from(super::EXIT_BAD_INPUT));
        }
    };
    let lines = input.lines().collect::<io::Result<Vec<String>>>()?;
    let dossier = dossier_of(lines);
    let engine = SearchEngine::new(&dossier, &Index::build(&dossier));
    let mut results = engine.search(&query);
    let mut out = io::BufWriter::new(out);
    for hit in results.all_ranked(crate::model::EntityKind::Event) {
        writeln!(out, "{}", sanitize_line(&dossier.events[hit.index].title))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn prints_matching_lines_best_first() {
        let input = "Geneva talks\nceasefire in Kherson\ntalks in Geneva resumed\nnothing\n";
        let mut out = Vec::new();
        super::run(&mut out, input.as_bytes(), "geneva").unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text, "Geneva talks\ntalks in Geneva resumed\n");
        let mut out = Vec::new();
        super::run(&mut out, "a\u{1b}]52;c;x\u{7}b\n".as_bytes(), "ab").unwrap_or_default();
        assert!(!out.contains(&0x1b), "control characters are escaped");
    }
}
