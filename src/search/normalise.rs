//! One folding for the dossier and the query: lower case, no diacritics, and words split at
//! anything that is not a letter or a digit (so space, `-`, `–`, `—`, `/` and `_` are one
//! class of separator). Han and Kana, written without spaces, become character bigrams
//! (docs/decisions.md "Search semantics": CJK).

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// The folded form of one character, pushed onto `out`: lower case without diacritics
/// ("É" → "e", "ß" stays "ß"). Combining marks alone fold to nothing.
fn fold_char(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        decompose_canonical(lower, |d| {
            if !is_combining_mark(d) {
                out.push(d);
            }
        });
    }
}

/// True for a character that belongs to a word.
fn in_word(c: char) -> bool {
    c.is_alphanumeric() && !is_combining_mark(c)
}

/// Han (with the iteration mark 々 and 〇) and Kana (Hiragana, Katakana, the long vowel
/// mark, half-width Katakana): scripts written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(
        c as u32,
        0x3005..=0x3007
            | 0x3021..=0x3029
            | 0x3038..=0x303B
            | 0x3041..=0x3096
            | 0x309D..=0x309F
            | 0x30A1..=0x30FA
            | 0x30FC..=0x30FF
            | 0x31F0..=0x31FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xF900..=0xFAFF
            | 0xFF66..=0xFF9D
            | 0x20000..=0x3134F
    )
}

/// What a character is to an emoji word (docs/decisions.md "Emoji are words").
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emoji {
    /// A pictograph: starts a word, or goes on a ZWJ sequence.
    Picture,
    /// A regional indicator: two make a flag.
    Regional,
    /// The zero-width joiner of a sequence (👩‍👩‍👧).
    Joiner,
    /// A skin tone, a variation selector or a tag: folded away, as a diacritic is.
    Modifier,
}

fn emoji(c: char) -> Option<Emoji> {
    Some(match c as u32 {
        0x1F1E6..=0x1F1FF => Emoji::Regional,
        0x1F3FB..=0x1F3FF | 0xFE0E | 0xFE0F | 0xE0020..=0xE007F => Emoji::Modifier,
        0x200D => Emoji::Joiner,
        0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2B00..=0x2BFF | 0x231A..=0x23FF => Emoji::Picture,
        _ => return None,
    })
}

/// Which text is cut into words: the dossier's, or a query's. They differ in one thing
/// only: a run of Han or Kana ends, in the dossier, with its last character alone, so
/// that a one-character query finds any character of a run (as the start of a bigram, or
/// as that last one); a query's run of two or more is its bigrams only, so that they match
/// adjacent and in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Side {
    Dossier,
    Query,
}

/// One character of a Han or Kana run: it, and where it stands (char indices; its end
/// takes in the combining marks after it).
#[derive(Clone, Copy)]
struct Placed {
    c: char,
    start: usize,
    end: usize,
}

/// The words of one text as they are cut: a word of letters and digits, folded, or the
/// bigrams of a run of Han or Kana.
struct Cutter<'f> {
    side: Side,
    each: &'f mut dyn FnMut(&str, usize, usize),
    word: String,
    start: usize,
    end: usize,
    /// The run's character before the last, and its last.
    before: Option<Placed>,
    last: Option<Placed>,
    pair: String,
    /// The word being cut is an emoji sequence: what may go on with it.
    emoji: Option<EmojiWord>,
}

/// What the emoji word being cut may take next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EmojiWord {
    /// Another emoji after a joiner.
    Joined,
    /// The second regional indicator of a flag.
    HalfFlag,
    /// Modifiers, or a joiner.
    Done,
}

impl Cutter<'_> {
    fn end_word(&mut self) {
        self.emoji = None;
        if !self.word.is_empty() {
            (self.each)(&self.word, self.start, self.end);
            self.word.clear();
        }
    }

    fn emit_pair(&mut self) {
        if let (Some(a), Some(b)) = (self.before, self.last) {
            self.pair.clear();
            self.pair.push(a.c);
            self.pair.push(b.c);
            (self.each)(&self.pair, a.start, b.end);
        }
    }

    fn end_run(&mut self) {
        self.emit_pair();
        let Some(last) = self.last.take() else {
            return;
        };
        if self.side == Side::Dossier || self.before.is_none() {
            self.pair.clear();
            self.pair.push(last.c);
            (self.each)(&self.pair, last.start, last.end);
        }
        self.before = None;
    }

    fn cjk(&mut self, c: char, at: usize) {
        self.end_word();
        self.emit_pair();
        self.before = self.last;
        self.last = Some(Placed {
            c,
            start: at,
            end: at + 1,
        });
    }

    fn letter(&mut self, c: char, at: usize) {
        if self.emoji.is_some() {
            self.end_word();
        }
        self.end_run();
        if self.word.is_empty() {
            self.start = at;
        }
        fold_char(c, &mut self.word);
        self.end = at + 1;
    }

    fn mark(&mut self, at: usize) {
        if let Some(last) = self.last.as_mut() {
            last.end = at + 1;
        } else if !self.word.is_empty() {
            self.end = at + 1;
        }
    }

    fn separator(&mut self) {
        self.end_word();
        self.end_run();
    }

    /// An emoji is a word of its own: a ZWJ sequence or a flag whole, its skin tone and
    /// variation selector folded away ("👍🏽" is "👍").
    fn emoji(&mut self, c: char, kind: Emoji, at: usize) {
        let goes_on = match (self.emoji, kind) {
            (Some(EmojiWord::Joined), Emoji::Picture | Emoji::Regional) => true,
            (Some(EmojiWord::HalfFlag), Emoji::Regional) => true,
            (Some(EmojiWord::Done | EmojiWord::HalfFlag), Emoji::Joiner) => true,
            (Some(_), Emoji::Modifier) => {
                self.end = at + 1;
                return;
            }
            _ => false,
        };
        if !goes_on {
            self.separator();
            if matches!(kind, Emoji::Joiner | Emoji::Modifier) {
                return;
            }
            self.start = at;
        }
        self.word.push(c);
        self.end = at + 1;
        self.emoji = Some(match kind {
            Emoji::Joiner => EmojiWord::Joined,
            Emoji::Regional if !goes_on => EmojiWord::HalfFlag,
            _ => EmojiWord::Done,
        });
    }
}

/// Calls `each` with every word of `text` cut as `side` is, with where it stands in it
/// (char indices), in order.
pub(crate) fn cut(text: &str, side: Side, each: &mut dyn FnMut(&str, usize, usize)) {
    let mut cutter = Cutter {
        side,
        each,
        word: String::new(),
        start: 0,
        end: 0,
        before: None,
        last: None,
        pair: String::new(),
        emoji: None,
    };
    for (at, c) in text.chars().enumerate() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                cutter.letter(c, at);
            } else {
                cutter.separator();
            }
        } else if let Some(kind) = emoji(c) {
            cutter.emoji(c, kind, at);
        } else if is_combining_mark(c) {
            cutter.mark(at);
        } else if !in_word(c) {
            cutter.separator();
        } else if is_cjk(c) {
            cutter.cjk(c, at);
        } else {
            cutter.letter(c, at);
        }
    }
    cutter.separator();
}

/// A word of a text, folded, with where it stands in the original (char indices).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub(crate) text: String,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Calls `each` with every folded word of the dossier's `text`, in order (no allocation
/// per word beyond the one buffer).
pub(crate) fn for_each_word(text: &str, mut each: impl FnMut(&str)) {
    cut(text, Side::Dossier, &mut |word, _, _| each(word));
}

/// The folded words of the dossier's `text` with their places in it.
pub(crate) fn words(text: &str) -> Vec<Word> {
    let mut found = Vec::new();
    cut(text, Side::Dossier, &mut |text, start, end| {
        found.push(Word {
            text: text.to_string(),
            start,
            end,
        });
    });
    found
}

/// The folded words of a query's `text`, as strings.
pub(crate) fn word_texts(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    cut(text, Side::Query, &mut |w, _, _| found.push(w.to_string()));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_emoji_is_a_word_its_skin_tone_folded_away() {
        let family = "\u{1F469}\u{200D}\u{1F469}\u{200D}\u{1F467}";
        let text = format!("{family} Families for peace 🇺🇦 👍🏽");
        assert_eq!(
            word_texts(&text),
            [family, "families", "for", "peace", "🇺🇦", "👍"]
        );
        // Where each stands, for highlights: the thumb takes in its skin tone.
        let placed: Vec<_> = words("a👍🏽b 🇺🇦🇺🇦")
            .iter()
            .map(|w| (w.start, w.end))
            .collect();
        assert_eq!(placed, [(0, 1), (1, 3), (3, 4), (5, 7), (7, 9)]);
        assert_eq!(word_texts("👍\u{FE0F}"), ["👍"]);
        assert!(word_texts("— \u{200D} \u{1F3FD} …").is_empty());
    }

    #[test]
    fn folds_case_and_diacritics_and_splits_at_every_separator() {
        let expected = ["us", "ukraine", "one", "fifth", "a", "b", "c", "d"];
        assert_eq!(word_texts("US–Ukraine one-fifth a/b_c — d"), expected);
        assert_eq!(
            word_texts("Zoë MÜLLER Kyïv Zelenskyy"),
            ["zoe", "muller", "kyiv", "zelenskyy"]
        );
        // A decomposed "e" + combining acute is one word, as the composed form is.
        assert_eq!(word_texts("Ze\u{301}lensky"), ["zelensky"]);
        assert_eq!(word_texts("NATO's"), ["nato", "s"]);
    }

    #[test]
    fn words_know_where_they_stand() {
        let found = words("Witkoff–Putin talks");
        let spans: Vec<(usize, usize)> = found.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(spans, [(0, 7), (8, 13), (14, 19)]);
        assert_eq!(words("é!")[0].end, 1);
    }

    #[test]
    fn han_and_kana_are_cut_into_bigrams() {
        let texts =
            |found: Vec<Word>| -> Vec<String> { found.into_iter().map(|w| w.text).collect() };
        assert_eq!(texts(words("北京会谈")), ["北京", "京会", "会谈", "谈"]);
        assert_eq!(word_texts("北京会谈"), ["北京", "京会", "会谈"]);
        assert_eq!(word_texts("会谈"), ["会谈"]);
        assert_eq!(word_texts("会"), ["会"]);
        assert_eq!(
            texts(words("東京での協議")),
            ["東京", "京で", "での", "の協", "協議", "議"]
        );
        // Other scripts around a run are words of their own; Katakana's long vowel mark is
        // part of the run, its middle dot a separator.
        assert_eq!(word_texts("G7会谈, Kyiv"), ["g7", "会谈", "kyiv"]);
        assert_eq!(
            word_texts("コーヒー・ブレイク"),
            ["コー", "ーヒ", "ヒー", "ブレ", "レイ", "イク"]
        );
        let found = words("在北京会谈");
        let spans: Vec<(usize, usize)> = found.iter().map(|w| (w.start, w.end)).collect();
        assert_eq!(spans, [(0, 2), (1, 3), (2, 4), (3, 5), (4, 5)]);
        // A mark after a character belongs to it (a variation selector on a name's kanji).
        let marked = words("葛\u{E0100}城");
        assert_eq!((marked[0].start, marked[0].end), (0, 3));
        assert_eq!((marked[1].start, marked[1].end), (2, 3));
    }
}
