//! Reading a large dossier on every core: its four lists are cut into pieces at the start of
//! an item, and each piece is read by the streaming reader on its own thread.
//!
//! A cut can only fall where a line starts with the list's `- ` at the list's indentation.
//! Such a line cannot be inside a block or plain scalar (a line that far left ends them);
//! if it is inside a quoted scalar or a flow collection, the piece before it is left
//! unfinished and does not read, and the whole file goes to the single-stream reader. A list
//! key is checked the same way: the text before it outside the lists must parse whole on
//! its own. So a wrong cut can make this path give up, never read something else.

use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::de::DeserializeOwned;

use super::stream;
use super::types::{Actor, Dossier, Event, Place, StickingPoint};

/// Files smaller than this are read in one stream (cutting would not pay).
pub(crate) const PARALLEL_BYTES: usize = 4_000_000;

/// Aim for pieces of about this size, so that the cores share the work evenly.
const PIECE_BYTES: usize = 1_000_000;

const LISTS: [&str; 4] = ["actors", "events", "sticking_points", "places"];

/// Where one of the four lists is in the text: its key line and its items.
struct List {
    key: &'static str,
    key_line: Range<usize>,
    items: Range<usize>,
}

/// One piece of a list, read into the list's type.
enum Piece {
    Actors(Vec<Actor>),
    Events(Vec<Event>),
    StickingPoints(Vec<StickingPoint>),
    Places(Vec<Place>),
}

/// Reads `text` in pieces on every core, or `None` when its layout is not the plain one
/// this expects (or any piece does not read): the caller then reads it in one stream.
pub fn from_str(text: &str) -> Option<Dossier> {
    read_in_pieces(text, PIECE_BYTES)
}

/// [`from_str`] cut at every item of every list, whatever the file's size (for the
/// differential tests, which need small files to take this path).
pub(crate) fn read_at_every_item(text: &str) -> Option<Dossier> {
    read_in_pieces(text, 1)
}

/// [`from_str`] with pieces of about `piece_bytes` (tests cut at every item).
fn read_in_pieces(text: &str, piece_bytes: usize) -> Option<Dossier> {
    // Checked on the whole text: a piece of comments alone is not read at all.
    if stream::has_forbidden_characters(text) {
        return None;
    }
    let lists = find_lists(text)?;
    let mut head = String::new();
    let mut at = 0;
    for list in &lists {
        let between = &text[at..list.key_line.start];
        // A list key must really start a top-level line: what comes before it (outside the
        // lists) must be whole YAML on its own. A quote or a flow collection left open
        // there means the "key" is inside it: give up (the attack of issue #13).
        if !complete(between) {
            return None;
        }
        head.push_str(between);
        head.push_str(list.key);
        head.push_str(": []\n");
        at = list.items.end;
    }
    if !complete(&text[at..]) {
        return None;
    }
    head.push_str(&text[at..]);
    let mut pieces: Vec<(&'static str, &str)> = Vec::new();
    for list in &lists {
        for piece in cut(text, list.items.clone(), piece_bytes) {
            pieces.push((list.key, piece));
        }
    }
    let mut dossier: Dossier = stream::from_str(&head)?;
    for piece in read_all(&pieces)? {
        match piece {
            Piece::Actors(items) => dossier.actors.extend(items),
            Piece::Events(items) => dossier.events.extend(items),
            Piece::StickingPoints(items) => dossier.sticking_points.extend(items),
            Piece::Places(items) => dossier.places.extend(items),
        }
    }
    Some(dossier)
}

/// True if `text` parses as YAML on its own: no quote or flow collection left open.
fn complete(text: &str) -> bool {
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    loop {
        match parser.next_event() {
            Some(Ok((saphyr_parser::Event::StreamEnd, _))) | None => return true,
            Some(Ok(_)) => {}
            Some(Err(_)) => return false,
        }
    }
}

/// The lines of `text` with their byte ranges (line breaks included).
fn lines(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut at = 0;
    text.split_inclusive('\n').map(move |line| {
        let range = at..at + line.len();
        at = range.end;
        (range, line)
    })
}

/// The four lists, in file order; each key at most once, at the start of a line.
fn find_lists(text: &str) -> Option<Vec<List>> {
    let mut lists: Vec<List> = Vec::new();
    let mut open: Option<List> = None;
    for (range, line) in lines(text) {
        let top_level = !line.starts_with([' ', '\t', '-', '#', '\r', '\n']);
        if !top_level {
            continue;
        }
        if let Some(mut list) = open.take() {
            list.items.end = range.start;
            lists.push(list);
        }
        let key = line.trim_end_matches(['\n', '\r', ' ']);
        if let Some(&key) = LISTS.iter().find(|&&k| key.strip_suffix(':') == Some(k)) {
            if lists.iter().any(|l| l.key == key) {
                return None;
            }
            open = Some(List {
                key,
                key_line: range.clone(),
                items: range.end..text.len(),
            });
        }
    }
    lists.extend(open);
    Some(lists)
}

/// Cuts a list's items into pieces of about `piece_bytes`, at lines that start an item.
fn cut(text: &str, items: Range<usize>, piece_bytes: usize) -> Vec<&str> {
    let body = &text[items];
    let indent = lines(body)
        .map(|(_, line)| line)
        .find(|line| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
        .map_or(0, |line| line.len() - line.trim_start_matches(' ').len());
    let marker = format!("{}-", " ".repeat(indent));
    let mut pieces = Vec::new();
    let mut start = 0;
    for (range, line) in lines(body) {
        let starts_item = line
            .strip_prefix(marker.as_str())
            .is_some_and(|rest| rest.starts_with([' ', '\n', '\r']));
        if starts_item && range.start - start >= piece_bytes {
            pieces.push(&body[start..range.start]);
            start = range.start;
        }
    }
    pieces.push(&body[start..]);
    pieces
}

fn read<T: DeserializeOwned>(piece: &str) -> Option<Vec<T>> {
    // Comments before the first item, or blank lines, make no items.
    let blank = piece.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#')
    });
    if blank {
        return Some(Vec::new());
    }
    stream::from_str(piece)
}

fn read_piece(key: &str, piece: &str) -> Option<Piece> {
    Some(match key {
        "actors" => Piece::Actors(read(piece)?),
        "events" => Piece::Events(read(piece)?),
        "sticking_points" => Piece::StickingPoints(read(piece)?),
        _ => Piece::Places(read(piece)?),
    })
}

/// Reads every piece, on as many threads as there are cores; the pieces come back in order.
fn read_all(pieces: &[(&'static str, &str)]) -> Option<Vec<Piece>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let next = AtomicUsize::new(0);
    let mut read: Vec<(usize, Option<Piece>)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.min(pieces.len()))
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let at = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&(key, piece)) = pieces.get(at) else {
                            return done;
                        };
                        done.push((at, read_piece(key, piece)));
                    }
                })
            })
            .collect();
        // A reader that panicked has found a bug: its pieces are missing, so this path
        // gives up below and the single-stream reader reads the file.
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_default())
            .collect()
    });
    if read.len() != pieces.len() {
        return None;
    }
    read.sort_by_key(|(at, _)| *at);
    read.into_iter().map(|(_, piece)| piece).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(dossier: &Dossier) -> String {
        serde_json::to_string(dossier).unwrap_or_default()
    }

    #[test]
    fn reads_a_large_file_in_pieces_as_the_single_stream_does() {
        let yaml = serde_yaml::to_string(&crate::generate::dossier(6_000, 5)).unwrap_or_default();
        assert!(yaml.len() > 3 * PIECE_BYTES);
        let lists = find_lists(&yaml).unwrap_or_default();
        assert_eq!(lists.len(), 4);
        assert!(cut(&yaml, lists[1].items.clone(), PIECE_BYTES).len() >= 2);
        let pieces = from_str(&yaml).map(|d| json(&d));
        assert!(pieces.is_some());
        assert_eq!(pieces, stream::from_str::<Dossier>(&yaml).map(|d| json(&d)));
    }

    #[test]
    fn indented_lists_comments_and_crlf_read_the_same() {
        let text = "version: 1\r\ntitle: T\r\nsources:\r\n  - id: s\r\n    title: S\r\n    kind: k\r\n\
                    # the actors\r\nactors:\r\n  - id: a\r\n    name: A\r\n    kind: person\r\n\
                    \r\n  # a comment\r\n  - id: b\r\n    name: \"B\r\n      b\"\r\n    kind: state\r\n\
                    places: []\r\n";
        let pieces = from_str(text).map(|d| json(&d));
        assert!(pieces.is_some());
        assert_eq!(pieces, stream::from_str::<Dossier>(text).map(|d| json(&d)));
    }

    #[test]
    fn a_cut_inside_a_quoted_string_gives_up_instead_of_misreading() {
        let filler = "x".repeat(PIECE_BYTES);
        let text = format!(
            "version: 1\ntitle: T\nsources: [{{id: s, title: S, kind: k}}]\nactors:\n\
             - id: a\n  name: \"{filler}\n- id: fake\n  name: still the quote\"\n  kind: person\n"
        );
        assert!(find_lists(&text).is_some());
        assert!(from_str(&text).is_none());
        // The loader then reads it as serde_yaml does, whatever that is.
        let loaded = crate::model::load_str("q.yaml", &text).map(|l| json(&l.dossier));
        let slow = serde_yaml::from_str::<Dossier>(&text).map(|d| json(&d));
        assert_eq!(loaded.is_ok(), slow.is_ok());
        if let (Ok(loaded), Ok(slow)) = (loaded, slow) {
            assert_eq!(loaded, slow);
        }
    }

    /// Issue #13's attack: a quoted title spanning lines that look like an actors list.
    /// Every YAML reader sees one title and no actor; the pieces must not see `mallory`.
    #[test]
    fn a_list_key_inside_a_quote_or_a_flow_is_not_a_list() {
        let padding = "# padding\n".repeat(1000);
        let quoted = format!(
            "version: 1\ntitle: Innocent dossier\nsources: [{{id: s1, kind: news-report, title: \"Src\n\
             actors:\n  - id: mallory\n    name: Mallory\n    kind: person\n    sources: [s1]\n\
             end\"}}]\n{padding}"
        );
        let flow = format!(
            "version: 1\ntitle: T\nsources: [{{id: s1, kind: k, title: S,\nactors: [],\n\
             note: x}}]\nplaces:\n  - {{id: p, name: P, kind: city}}\n{padding}"
        );
        for text in [quoted, flow] {
            assert!(read_in_pieces(&text, 1).is_none(), "{text}");
            let slow = serde_yaml::from_str::<Dossier>(&text)
                .map(|d| json(&d))
                .ok();
            let loaded = crate::model::load_str("a.yaml", &text)
                .ok()
                .map(|l| json(&l.dossier));
            assert_eq!(loaded, slow);
        }
        let slow: Dossier = serde_yaml::from_str(
            "version: 1\ntitle: Innocent dossier\nsources: [{id: s1, kind: news-report, title: \"Src\n\
             actors:\n  - id: mallory\nend\"}]\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(slow.actors.is_empty());
    }

    #[test]
    fn a_list_named_twice_is_left_to_the_single_stream() {
        let text = "version: 1\ntitle: T\nsources: []\nactors:\n- id: a\nactors:\n- id: b\n";
        assert!(find_lists(text).is_none());
    }

    /// What each reader makes of `text`: pieces cut at every item, and the single stream.
    fn both(text: &str) -> (Option<String>, Option<String>) {
        (
            read_in_pieces(text, 1).map(|d| json(&d)),
            stream::from_str::<Dossier>(text).map(|d| json(&d)),
        )
    }

    #[test]
    fn cut_at_every_item_the_builtin_dossier_reads_the_same() {
        let (pieces, whole) = both(crate::model::BUILTIN_TEXT);
        assert!(pieces.is_some());
        assert_eq!(pieces, whole);
    }

    /// The pieces give up or read what the single stream reads, and what the single
    /// stream reads, serde_yaml reads the same way.
    fn readings_agree(text: &str) -> Result<(), proptest::test_runner::TestCaseError> {
        let (pieces, whole) = both(text);
        if pieces.is_some() {
            proptest::prop_assert_eq!(&pieces, &whole);
        }
        if whole.is_some() {
            let slow = serde_yaml::from_str::<Dossier>(text).ok().map(|d| json(&d));
            proptest::prop_assert_eq!(whole, slow);
        }
        Ok(())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        /// Damage the built-in dossier a line at a time: cut at every item, the pieces
        /// either give up or read exactly what the single stream reads, which reads what
        /// serde_yaml reads.
        #[test]
        fn pieces_never_misread(
            at in 0usize..400,
            kind in 0usize..6,
            text in r#"[-a-z :"'|>#\[\]{},]{0,12}"#,
        ) {
            let mut lines: Vec<String> =
                crate::model::BUILTIN_TEXT.lines().map(str::to_string).collect();
            let at = at % lines.len();
            match kind {
                0 => { lines.remove(at); }
                1 => lines.insert(at, format!("- {text}")),
                2 => lines.insert(at, format!("  - {text}")),
                3 => lines.insert(at, format!("events:{text}")),
                4 => lines[at].push_str(&text),
                _ => lines.insert(at, text.clone()),
            }
            readings_agree(&(lines.join("\n") + "\n"))?;
        }

        /// A quoted scalar, a flow collection or a block scalar opened before a line and
        /// closed after it, across a list key or an item start (the cut points), with a
        /// Unicode line separator somewhere: the pieces give up or read what the single
        /// stream reads, which is what serde_yaml reads.
        #[test]
        fn scalars_across_the_cut_points_never_misread(
            at in 0usize..400,
            span in 1usize..12,
            opener in 0usize..5,
            separator in 0usize..4,
            sep_at in 0usize..400,
            words in "[a-z ]{0,10}",
        ) {
            // A generated dossier: plain scalars, so that a quote opened before a list can
            // run to the next list unbroken (the built-in one has quotes everywhere).
            let base = serde_yaml::to_string(&crate::generate::dossier(40, 3)).unwrap_or_default();
            let mut lines: Vec<String> = base.lines().map(str::to_string).collect();
            // Its sources become the opener: a flow list whose source title is left open,
            // where indentation does not end it (the shape of issue #13's attack).
            let sources = lines.iter().position(|l| l == "sources:").unwrap_or(0);
            let after = (sources + 1..lines.len())
                .find(|&i| !lines[i].starts_with([' ', '-']))
                .unwrap_or(lines.len());
            lines.drain(sources..after);
            let keys: Vec<usize> = (0..lines.len())
                .filter(|&i| LISTS.iter().any(|k| lines[i] == format!("{k}:")))
                .collect();
            // Half the cases open just before a list key and close before the next one.
            let (at, end) = if at % 2 == 0 {
                let k = (at / 2) % keys.len();
                (keys[k], keys.get(k + 1).copied().unwrap_or(lines.len()))
            } else {
                let at = at % lines.len();
                (at, (at + span).min(lines.len()))
            };
            let (open, close) = [
                (format!("sources: [{{id: src, kind: k, title: \"{words}"), format!("{words}\"}}]")),
                (format!("sources: [{{id: src, kind: k, title: '{words}"), format!("{words}'}}]")),
                (format!("sources: [{{id: src, kind: k, title: T, note: {words},"), "}]".to_string()),
                (format!("sources: [{{id: src, kind: k, title: [{words},"), "]}]".to_string()),
                ("sources: [{id: src, kind: k, title: T}]\nsummary: |".to_string(), format!("  {words}")),
            ][opener].clone();
            lines.insert(end, close);
            lines.insert(at, open);
            let separators = ["", "\u{2028}", "\u{2029}", "\u{85}"];
            let sep_line = sep_at % lines.len();
            lines[sep_line].push_str(separators[separator]);
            let damaged = lines.join("\n") + "\n";
            readings_agree(&damaged)?;
            let loaded = crate::model::load_str("p.yaml", &damaged).ok().map(|l| json(&l.dossier));
            let slow = serde_yaml::from_str::<Dossier>(&damaged).ok().map(|d| json(&d));
            if loaded.is_some() {
                proptest::prop_assert_eq!(loaded, slow);
            }
        }
    }
}
