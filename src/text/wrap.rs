//! Wrapping at spaces by display width: the screen's and the text exports' one way.
//!
//! Lines break at ASCII spaces only, so a date, a URL, an id or a hyphenated word stays
//! whole. textwrap chooses the breaks (its optimal fit, as before), but over words measured
//! here grapheme by grapheme ([`super::width`]): its own measure goes character by
//! character, and its breaking of a long word can split a grapheme (an emoji sequence, a
//! letter and its accent).

use std::borrow::Cow;

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::{Penalties, wrap_first_fit, wrap_optimal_fit};
use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, width};

/// How to wrap: the width, what goes before the first line and before the others, and
/// whether a word wider than a line is broken between graphemes (the screen) or overflows
/// its line (a file).
#[derive(Debug, Clone, Copy)]
pub struct Wrap<'a> {
    width: usize,
    indent: &'a str,
    hang: &'a str,
    break_words: bool,
    hyphens: bool,
}

/// A word and the spaces after it, as byte ranges of its line.
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
    spaces: usize,
    width: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.spaces as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

impl<'a> Wrap<'a> {
    /// Wrapping at `width` columns, words wider than a line broken.
    pub fn new(width: usize) -> Self {
        Wrap {
            width,
            indent: "",
            hang: "",
            break_words: true,
            hyphens: false,
        }
    }

    /// A line may also break after a hyphen inside a word ("De-" / "escalation"): for
    /// short titles over narrow columns, never for text.
    pub fn at_hyphens(self) -> Self {
        Wrap {
            hyphens: true,
            ..self
        }
    }

    /// `indent` before the first line.
    pub fn indent(self, indent: &'a str) -> Self {
        Wrap { indent, ..self }
    }

    /// `hang` before every line after the first.
    pub fn hang(self, hang: &'a str) -> Self {
        Wrap { hang, ..self }
    }

    /// A word wider than a line overflows it instead of being broken.
    pub fn overflowing(self) -> Self {
        Wrap {
            break_words: false,
            ..self
        }
    }

    /// The lines of `text` (each of its own lines wrapped), indents included.
    pub fn lines<'t>(&self, text: &'t str) -> Vec<Cow<'t, str>> {
        let mut lines = Vec::new();
        for line in text.split('\n') {
            self.wrap_line(line, &mut lines);
        }
        lines
    }

    /// The lines joined with line feeds.
    pub fn fill(&self, text: &str) -> String {
        self.lines(text).join("\n")
    }

    fn wrap_line<'t>(&self, line: &'t str, lines: &mut Vec<Cow<'t, str>>) {
        let indent = if lines.is_empty() {
            self.indent
        } else {
            self.hang
        };
        if indent.is_empty() && width(line) <= self.width {
            lines.push(Cow::Borrowed(line.trim_end_matches(' ')));
            return;
        }
        let widths = [
            self.width.saturating_sub(width(self.indent)),
            self.width.saturating_sub(width(self.hang)),
        ];
        let mut words = words(line);
        if self.hyphens {
            words = after_hyphens(line, words);
        }
        if self.break_words {
            words = broken(line, words, widths[1]);
            if !self.indent.is_empty() {
                // As textwrap does: the first word need not go on the first line.
                words.insert(0, Word::empty());
            }
        }
        let f64_widths = widths.map(|w| w as f64);
        let rows = wrap_optimal_fit(&words, &f64_widths, &Penalties::new())
            .unwrap_or_else(|_| wrap_first_fit(&words, &f64_widths));
        for row in self.within(line, rows, widths[1]) {
            let shown = match (row.first(), row.last()) {
                (Some(first), Some(last)) => &line[first.start..last.end],
                _ => "",
            };
            let indent = if lines.is_empty() {
                self.indent
            } else {
                self.hang
            };
            lines.push(if indent.is_empty() {
                Cow::Borrowed(shown)
            } else {
                Cow::Owned(format!("{indent}{shown}"))
            });
        }
    }
}

impl Wrap<'_> {
    /// The rows, a row that passes `room` with several pieces of a broken word (a mark of
    /// no width beside a wide character: the fit keeps them together) split into one row
    /// a piece.
    fn within<'w>(&self, line: &str, rows: Vec<&'w [Word]>, room: usize) -> Vec<&'w [Word]> {
        if !self.break_words {
            return rows;
        }
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let shown = match (row.first(), row.last()) {
                (Some(first), Some(last)) => &line[first.start..last.end],
                _ => "",
            };
            if row.len() > 1 && width(shown) > room {
                out.extend(row.chunks(1));
            } else {
                out.push(row);
            }
        }
        out
    }
}

impl Word {
    fn empty() -> Self {
        Word {
            start: 0,
            end: 0,
            spaces: 0,
            width: 0,
        }
    }
}

/// The words of `line`, each with the spaces after it; spaces at the start are a word of
/// no width of their own.
fn words(line: &str) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut at = 0;
    for run in words_and_spaces(line) {
        let (start, end) = (at, at + run.len());
        at = end;
        if run.bytes().all(|b| b == b' ') {
            match words.last_mut() {
                Some(word) => word.spaces = run.len(),
                None => words.push(Word {
                    start,
                    end: start,
                    spaces: run.len(),
                    width: 0,
                }),
            }
        } else {
            words.push(Word {
                start,
                end,
                spaces: 0,
                width: width(run),
            });
        }
    }
    words
}

/// `text` as runs of spaces and runs of everything else, so that lines break only at
/// spaces. A space carrying a combining mark is no break: the mark stays on its space.
pub fn words_and_spaces(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let space = rest.graphemes(true).next()? == " ";
        let end = rest
            .grapheme_indices(true)
            .find(|&(_, g)| (g == " ") != space)
            .map_or(rest.len(), |(at, _)| at);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some(run)
    })
}

/// `words` with each one parted after every hyphen inside it.
fn after_hyphens(line: &str, words: Vec<Word>) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        let mut start = word.start;
        for (at, _) in line[word.start..word.end].match_indices('-') {
            let end = word.start + at + 1;
            if end > start + 1 && end < word.end {
                let text = &line[start..end];
                out.push(Word {
                    start,
                    end,
                    spaces: 0,
                    width: width(text),
                });
                start = end;
            }
        }
        out.push(Word {
            start,
            width: width(&line[start..word.end]),
            ..word
        });
    }
    out
}

/// `words` with each one wider than `room` broken between graphemes into pieces that fit
/// (a single grapheme wider than `room` stands alone).
fn broken(line: &str, words: Vec<Word>, room: usize) -> Vec<Word> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        if word.width <= room {
            out.push(word);
            continue;
        }
        let mut piece = Word {
            spaces: 0,
            width: 0,
            end: word.start,
            ..word
        };
        for (at, grapheme) in line[word.start..word.end].grapheme_indices(true) {
            let w = grapheme_width(grapheme);
            // A piece holding only marks of no width is still a piece: a wide grapheme
            // after it starts the next one, so that no piece of two passes the room.
            if piece.end > piece.start && piece.width + w > room {
                out.push(piece);
                let start = word.start + at;
                piece = Word {
                    start,
                    end: start,
                    spaces: 0,
                    width: 0,
                };
            }
            piece.end += grapheme.len();
            piece.width += w;
        }
        out.push(Word {
            spaces: word.spaces,
            ..piece
        });
    }
    out
}

/// The screen's wrapping of `text` at `width` columns.
pub fn wrap(text: &str, width: usize) -> Vec<Cow<'_, str>> {
    Wrap::new(width).lines(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue #15: on screen too, a date or a URL is never cut at a hyphen or a slash.
    #[test]
    fn the_screen_wraps_at_spaces_only() {
        let text = "Talks resumed on 2025-12-03 in Hallandale-Beach, see https://example.org/a-b";
        for width in [18, 20, 31, 40] {
            let lines = wrap(text, width);
            for token in ["2025-12-03", "Hallandale-Beach,"] {
                assert!(
                    lines.iter().any(|l| l.contains(token)),
                    "{token} at {width}: {lines:?}"
                );
            }
        }
        let lines = wrap(text, 40);
        assert!(
            lines.iter().any(|l| l.contains("https://example.org/a-b")),
            "{lines:?}"
        );
    }

    #[test]
    fn wraps_as_textwrap_did_where_it_measured_right() {
        let text = "  The quick brown fox jumps over the lazy dog, then rests a while.";
        for w in 1..70 {
            let old: Vec<String> = textwrap::wrap(
                text,
                textwrap::Options::new(w)
                    .word_separator(textwrap::WordSeparator::AsciiSpace)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation),
            )
            .into_iter()
            .map(Cow::into_owned)
            .collect();
            assert_eq!(wrap(text, w), old, "at {w}");
            let hung = Wrap::new(w).indent("- ").hang("  ").overflowing();
            let old_hung: Vec<String> = textwrap::wrap(
                text,
                textwrap::Options::new(w)
                    .word_separator(textwrap::WordSeparator::AsciiSpace)
                    .word_splitter(textwrap::WordSplitter::NoHyphenation)
                    .initial_indent("- ")
                    .subsequent_indent("  ")
                    .break_words(false),
            )
            .into_iter()
            .map(Cow::into_owned)
            .collect();
            assert_eq!(hung.lines(text), old_hung, "hung at {w}");
        }
    }

    #[test]
    fn titles_may_break_after_hyphens() {
        let title = "De-escalation and cessation of hostilities";
        assert_eq!(
            Wrap::new(11).at_hyphens().lines(title),
            vec!["De-", "escalation", "and", "cessation", "of", "hostilities"]
        );
        assert_eq!(
            Wrap::new(17).at_hyphens().lines(title),
            vec!["De-escalation", "and cessation of", "hostilities"]
        );
        assert_eq!(wrap(title, 11)[0], "De-escalati");
        assert_eq!(
            Wrap::new(4).at_hyphens().lines("a--b -c"),
            vec!["a--b", "-c"]
        );
    }

    #[test]
    fn a_lone_mark_before_a_wide_character_is_a_piece_of_its_own() {
        assert_eq!(wrap("\u{300}一", 1), ["\u{300}", "一"]);
        assert_eq!(wrap("\u{e31}🌀", 1), ["\u{e31}", "🌀"]);
    }

    #[test]
    fn long_words_break_between_graphemes_or_overflow() {
        let family = "👩\u{200d}👩\u{200d}👧";
        let word = format!("{family}e\u{301}{family}");
        assert_eq!(
            wrap(&word, 3),
            vec![format!("{family}e\u{301}"), family.to_string()]
        );
        assert_eq!(
            wrap(&word, 1),
            vec![family.to_string(), "e\u{301}".into(), family.into()]
        );
        assert_eq!(
            Wrap::new(3).overflowing().lines(&format!("a {word}")),
            vec!["a".to_string(), word]
        );
        // Lam and alef count two cells, so the line below is 10 wide and wraps at 9.
        assert_eq!(wrap("خلاف wxy z", 10), vec!["خلاف wxy z"]);
        assert_eq!(wrap("خلاف wxy z", 9), vec!["خلاف", "wxy z"]);
    }
}
