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
pub(super) fn from_str(text: &str) -> Option<Dossier> {
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
    let mut dossier: Dossier = stream::read_checked(&head)?;
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
    stream::read_checked(piece)
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
#[path = "chunks_tests.rs"]
mod tests;
