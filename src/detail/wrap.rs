//! Lays a [`Detail`] out as screen lines of a given width: words wrapped by display width,
//! every piece keeping its style and the number of the link it belongs to. Rendering and
//! mouse hit-testing both read this, so a click lands on the link that is drawn there.

use unicode_segmentation::UnicodeSegmentation;

use super::{Detail, Line, SectionKind, Style};
use crate::text::{cut, grapheme_width, sanitize_line, width, words_and_spaces};

/// A run of text on one screen line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub(crate) text: String,
    pub(crate) style: Style,
    /// The link's number in [`Detail::links`] order.
    pub(crate) link: Option<usize>,
}

/// One screen line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScreenLine {
    pub(crate) pieces: Vec<Piece>,
    pub(crate) heading: bool,
}

impl ScreenLine {
    /// The line's text, its pieces joined.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The link drawn at column `column`, if any.
    pub(crate) fn link_at(&self, column: usize) -> Option<usize> {
        let mut x = 0;
        for piece in &self.pieces {
            let width = width(&piece.text);
            if column >= x && column < x + width {
                return piece.link;
            }
            x += width;
        }
        None
    }
}

struct Wrapper {
    width: usize,
    lines: Vec<ScreenLine>,
    current: ScreenLine,
    used: usize,
    hang: usize,
    /// Nothing but indentation on the current line yet (after a wrap).
    fresh: bool,
    /// The width of the current line's indentation.
    line_start: usize,
}

impl Wrapper {
    fn push_piece(&mut self, text: &str, style: &Style, link: Option<usize>) {
        if let Some(last) = self.current.pieces.last_mut()
            && last.style == *style
            && last.link == link
        {
            last.text.push_str(text);
        } else {
            self.current.pieces.push(Piece {
                text: text.to_string(),
                style: style.clone(),
                link,
            });
        }
        self.used += width(text);
    }

    fn break_line(&mut self) {
        let done = std::mem::take(&mut self.current);
        self.lines.push(done);
        self.used = 0;
        self.fresh = true;
        if self.hang > 0 {
            let indent = " ".repeat(self.hang);
            self.push_piece(&indent, &Style::Plain, None);
        }
        self.line_start = self.used;
    }

    /// Adds one word (or run of spaces), wrapping before it if it does not fit.
    fn word(&mut self, word: &str, style: &Style, link: Option<usize>) {
        let width = width(word);
        let is_space = word.chars().all(char::is_whitespace);
        if self.used + width > self.width && self.used > self.line_start {
            if is_space {
                return self.break_line();
            }
            self.break_line();
        }
        if is_space && self.fresh {
            return;
        }
        self.fresh = false;
        if self.used + width <= self.width {
            return self.push_piece(word, style, link);
        }
        // A web address longer than a line: broken after its slashes only, where it can.
        if word.contains("://") {
            let room = self.width.saturating_sub(self.used.max(self.hang)).max(1);
            for (n, piece) in crate::text::wrap_url(word, room).iter().enumerate() {
                if n > 0 {
                    self.break_line();
                }
                self.push_piece(piece, style, link);
            }
            self.fresh = false;
            return;
        }
        // Longer than a whole line: break it between graphemes.
        for grapheme in word.graphemes(true) {
            if self.used + grapheme_width(grapheme) > self.width && self.used > self.line_start {
                self.break_line();
            }
            self.push_piece(grapheme, style, link);
        }
        // The line holds the word's last piece, so the space after it is kept.
        self.fresh = false;
    }

    fn line(&mut self, line: &Line, indent: usize, hang: usize, next_link: &mut usize) {
        self.hang = 0;
        self.fresh = false;
        self.push_piece(&" ".repeat(indent), &Style::Plain, None);
        self.line_start = self.used;
        // Hanging indents only where they leave room for text.
        self.hang = if self.width >= hang + 8 { hang } else { 0 };
        for segment in &line.segments {
            let link = matches!(segment.style, Style::Link(_)).then(|| {
                *next_link += 1;
                *next_link - 1
            });
            let clean = sanitize_line(&segment.text);
            for word in words_and_spaces(&clean) {
                self.word(word, &segment.style, link);
            }
        }
        self.break_line();
        self.current = ScreenLine::default();
        self.used = 0;
        self.hang = 0;
        self.fresh = false;
    }
}

/// The screen lines of `detail` at `width` columns.
pub fn screen_lines(detail: &Detail, width: usize) -> Vec<ScreenLine> {
    let mut w = Wrapper {
        width: width.max(1),
        lines: Vec::new(),
        current: ScreenLine::default(),
        used: 0,
        hang: 0,
        fresh: false,
        line_start: 0,
    };
    let mut next_link = 0;
    for section in &detail.sections {
        let (indent, hang) = if section.heading.is_empty() {
            (0, 2)
        } else {
            if !w.lines.is_empty() {
                w.lines.push(ScreenLine::default());
            }
            w.lines.push(ScreenLine {
                pieces: vec![Piece {
                    text: cut(&sanitize_line(&section.heading), w.width).into_owned(),
                    style: Style::Label,
                    link: None,
                }],
                heading: true,
            });
            let hang = if section.kind == SectionKind::Summary {
                2
            } else {
                4
            };
            (2, hang)
        };
        for line in &section.lines {
            w.line(line, indent, hang, &mut next_link);
        }
    }
    w.lines
}

/// The first screen line on which link `link` is drawn.
pub fn link_line(lines: &[ScreenLine], link: usize) -> Option<usize> {
    lines
        .iter()
        .position(|l| l.pieces.iter().any(|p| p.link == Some(link)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detail::detail;
    use crate::model::builtin;

    fn text(line: &ScreenLine) -> String {
        line.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    #[test]
    fn wraps_by_width_and_keeps_links() {
        let loaded = builtin().unwrap_or_else(|e| panic!("{e}"));
        let putin = loaded.index.get("putin").unwrap_or_else(|| panic!("putin"));
        let view = detail(&loaded.dossier, &loaded.index, putin);
        let lines = screen_lines(&view, 30);
        assert!(lines.iter().all(|l| width(&text(l)) <= 30), "{lines:#?}");
        assert_eq!(text(&lines[0]), "Kind: person");
        let links = view.links();
        assert!(!links.is_empty());
        for n in 0..links.len() {
            assert!(link_line(&lines, n).is_some(), "link {n} is drawn");
        }
        let represents = lines
            .iter()
            .find(|l| text(l).starts_with("Represents: "))
            .unwrap_or_else(|| panic!());
        assert_eq!(represents.link_at(12), Some(0));
        assert_eq!(represents.link_at(3), None);
    }

    fn one_line(text: &str) -> Detail {
        Detail {
            entity: crate::model::EntityRef {
                kind: crate::model::EntityKind::Actor,
                index: 0,
            },
            title: "t".into(),
            notes: Vec::new(),
            sections: vec![super::super::Section {
                kind: SectionKind::Fields,
                heading: String::new(),
                lines: vec![Line::default().plain(text)],
            }],
        }
    }

    #[test]
    fn a_web_address_breaks_after_its_slashes() {
        let url = "https://www.example.org/world/europe/2025/talks-end.html";
        let view = one_line(&format!("Read at {url} today"));
        let lines: Vec<String> = screen_lines(&view, 24).iter().map(text).collect();
        assert_eq!(
            lines,
            [
                "Read at ",
                "  https://",
                "  www.example.org/world/",
                "  europe/2025/",
                "  talks-end.html today"
            ]
        );
    }

    /// The lines' text, the hanging indent taken off, put back together: each line found
    /// where the last ended, only spaces (the breaks') between them.
    fn rejoins(text: &str, lines: &[ScreenLine], hang: usize) -> Result<(), String> {
        let mut rest = text;
        for (n, line) in lines.iter().enumerate() {
            let shown = text_of(line, if n > 0 { hang } else { 0 });
            rest = rest
                .strip_prefix(shown.as_str())
                .ok_or_else(|| format!("{shown:?} is not next in {rest:?}"))?;
            rest = rest.trim_start_matches(' ');
        }
        match rest.is_empty() {
            true => Ok(()),
            false => Err(format!("{rest:?} was lost")),
        }
    }

    fn text_of(line: &ScreenLine, hang: usize) -> String {
        text(line).chars().skip(hang).collect()
    }

    /// QA of issue 27: a word broken at the line's end took the space after it with it
    /// ("otestbreakingend"). Wrapping at `width` keeps every character but the spaces at
    /// the breaks.
    #[test]
    fn a_broken_word_keeps_the_space_after_it() {
        let text = "A note verylongwordwithoutanyspacesatalltotestbreaking end";
        for width in [10, 20, 34, 40, 80] {
            let lines = screen_lines(&one_line(text), width);
            let hang = if width >= 10 { 2 } else { 0 };
            assert_eq!(
                rejoins(text, &lines, hang),
                Ok(()),
                "at {width}: {lines:#?}"
            );
        }
    }

    proptest::proptest! {
        /// The detail's wrapping, as `text::wrap`'s property test: nothing lost but the
        /// spaces at breaks, also after a word broken between graphemes.
        #[test]
        fn the_detail_s_wrapping_loses_nothing(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "end", "a", "Pokrovsk", "verylongwordwithoutanyspaces", "北京会谈",
                    "👩\u{200d}👩\u{200d}👧", "e\u{301}", "خلاف", " ",
                ]),
                1..12,
            ),
            width in 1usize..40,
        ) {
            let text = words.join(" ").trim().to_string();
            let lines = screen_lines(&one_line(&text), width);
            let hang = if width >= 10 { 2 } else { 0 };
            proptest::prop_assert_eq!(rejoins(&text, &lines, hang), Ok(()), "at {}: {:?}", width, lines);
        }
    }

    #[test]
    fn breaks_only_at_spaces() {
        let runs: Vec<&str> = words_and_spaces("a \"key question\"  raised.").collect();
        assert_eq!(
            runs,
            vec!["a", " ", "\"key", " ", "question\"", "  ", "raised."]
        );
    }

    #[test]
    fn wide_characters_and_tiny_widths() {
        let view = one_line("基辅 谈判 👩‍👩‍👧 ok");
        for width in 1..12 {
            let lines = screen_lines(&view, width);
            for l in &lines {
                assert!(
                    super::width(&text(l)) <= width.max(2),
                    "{width}: {:?}",
                    text(l)
                );
            }
        }
    }
}
