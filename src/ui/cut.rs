//! Cutting a name to fit a list row: the end goes first, so the start (the subject) stays;
//! when that would hide the query's match, the start and the match both stay with `…`
//! between them ("Ukraine rejects…claim to Pokrovsk").

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::grapheme_width;

/// How far back the start's cut may move to end on a whole word.
const WORD_SNAP: usize = 8;

/// What of a name to show, in characters: its first `head`, then, when set, `…` and the
/// characters of `tail` (followed by `…` when they stop before the end). Without a tail
/// the whole name is pushed and cut at its end by the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Cut {
    pub(crate) head: usize,
    pub(crate) tail: Option<Range<usize>>,
}

/// Cuts `name` to `budget` columns so that the characters `run` (the first run of the
/// query's match, first and last index) stay in view.
pub(crate) fn cut_name(name: &str, run: Option<(usize, usize)>, budget: usize) -> Cut {
    let chars: Vec<char> = name.chars().collect();
    let (widths, starts) = grapheme_cells(name);
    // Every cut falls between graphemes: a position inside one moves to its end.
    let snap = |mut i: usize| {
        while i < chars.len() && !starts[i] {
            i += 1;
        }
        i
    };
    let whole = Cut {
        head: chars.len(),
        tail: None,
    };
    let width = |r: Range<usize>| widths[r].iter().sum::<usize>();
    let Some((start, end)) = run.filter(|&(s, e)| s <= e && e < chars.len()) else {
        return whole;
    };
    // Cutting the end keeps the match, with room for the `…` after it.
    if width(0..chars.len()) <= budget || width(0..end + 1) < budget {
        return whole;
    }
    let to_end = width(start..chars.len());
    let (tail_end, trailing) = if to_end < budget {
        (chars.len(), 0)
    } else {
        (snap(end + 1), 1)
    };
    let room = budget.saturating_sub(width(start..tail_end) + 1 + trailing);
    // Little room: the subject first, the words before the match only with what is left.
    let head_room = if room < 16 { room } else { room * 2 / 3 };
    let head = snap_head(&chars, &widths, head_room);
    let context = room - width(0..head);
    let mut tail_start = start;
    let mut used = 0;
    while tail_start > head && used + widths[tail_start - 1] <= context {
        tail_start -= 1;
        used += widths[tail_start];
    }
    // Start the context on a word.
    if tail_start > 0
        && !chars[tail_start - 1].is_whitespace()
        && let Some(space) = (tail_start..start).find(|&i| chars[i].is_whitespace())
    {
        tail_start = space + 1;
    }
    Cut {
        head,
        tail: Some(snap(tail_start)..tail_end),
    }
}

/// Each character's columns (a grapheme's all on its first character, none on the marks
/// and joiners after it) and whether a grapheme starts there.
fn grapheme_cells(name: &str) -> (Vec<usize>, Vec<bool>) {
    let mut widths = Vec::new();
    let mut starts = Vec::new();
    for grapheme in name.graphemes(true) {
        for (n, _) in grapheme.chars().enumerate() {
            widths.push(if n == 0 { grapheme_width(grapheme) } else { 0 });
            starts.push(n == 0);
        }
    }
    (widths, starts)
}

/// The characters of the start that fit in `room` columns, ending on a whole word when
/// that loses little, without trailing spaces.
fn snap_head(chars: &[char], widths: &[usize], room: usize) -> usize {
    let mut head = 0;
    let mut used = 0;
    while head < chars.len() && used + widths[head] <= room {
        used += widths[head];
        head += 1;
    }
    if head < chars.len()
        && !chars[head].is_whitespace()
        && let Some(space) = (0..head).rev().find(|&i| chars[i].is_whitespace())
        && head - space <= WORD_SNAP
    {
        head = space;
    }
    while head > 0 && chars[head - 1].is_whitespace() {
        head -= 1;
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn mixed_name() -> impl Strategy<Value = String> {
        let piece = prop::sample::select(vec![
            "Ukraine ",
            "rejects ",
            "خلاف ",
            "لا",
            "北京会谈",
            "👩\u{200d}👩\u{200d}👧",
            "🇺🇦",
            "👍🏽",
            "e\u{301}",
            "ถ้ำ",
            "שלום ",
            " ",
        ]);
        prop::collection::vec(piece, 1..12).prop_map(|p| p.concat())
    }

    proptest! {
        /// Issue #27: a cut name never splits a grapheme, and fits its budget when its match does.
        #[test]
        fn cuts_fall_between_graphemes(name in mixed_name(), a in 0usize..60, b in 0usize..60, budget in 4usize..40) {
            let count = name.chars().count();
            let run = (a.min(b) % count, a.max(b) % count);
            let run = (run.0.min(run.1), run.0.max(run.1));
            let cut = cut_name(&name, Some(run), budget);
            let (widths, starts) = grapheme_cells(&name);
            let boundary = |i: usize| i == count || starts[i];
            prop_assert!(boundary(cut.head), "{name:?} {cut:?}");
            if let Some(tail) = cut.tail.clone() {
                prop_assert!(boundary(tail.start) && boundary(tail.end), "{name:?} {cut:?}");
                let shown: usize = widths[..cut.head].iter().sum::<usize>()
                    + widths[tail.clone()].iter().sum::<usize>()
                    + 1
                    + usize::from(tail.end < count);
                // A match wider than the row is cut by the row's own end.
                let matched: usize = widths[run.0..=run.1].iter().sum();
                prop_assert!(shown <= budget || matched + 2 > budget, "{name:?} {cut:?} {shown} > {budget}");
            }
        }
    }

    fn shown(name: &str, run: Option<(usize, usize)>, budget: usize) -> String {
        let cut = cut_name(name, run, budget);
        let chars: Vec<char> = name.chars().collect();
        let mut text: String = chars[..cut.head.min(chars.len())].iter().collect();
        if let Some(tail) = cut.tail {
            text.push('…');
            let end = tail.end;
            text.extend(&chars[tail]);
            if end < chars.len() {
                text.push('…');
            }
        }
        text
    }

    #[test]
    fn keeps_the_start_and_the_match() {
        let name = "Ukraine rejects Russia's claim to Pokrovsk";
        // No match, or a match near the start: the whole name, cut at its end by the caller.
        assert_eq!(shown(name, None, 20), name);
        assert_eq!(shown(name, Some((0, 6)), 20), name);
        // A match the end's cut would hide: the start, then the match with some context.
        assert_eq!(
            shown(name, Some((34, 41)), 33),
            "Ukraine rejects…claim to Pokrovsk"
        );
        let cut = shown(name, Some((34, 41)), 20);
        assert!(
            cut.starts_with("Ukraine") && cut.ends_with("Pokrovsk"),
            "{cut}"
        );
        assert!(cut.chars().count() <= 20, "{cut}");
        // QA: with little room the subject keeps its first words, not a stump ("Ukrain…").
        assert_eq!(shown(name, Some((34, 41)), 19), "Ukraine…to Pokrovsk");
        assert_eq!(shown(name, Some((34, 41)), 16), "Ukraine…Pokrovsk");
        // A match in the middle of a long name keeps an ellipsis after it too.
        let cut = shown(name, Some((16, 23)), 20);
        assert!(
            cut.starts_with("Ukrain") && cut.contains("…Russia's…"),
            "{cut}"
        );
        assert!(cut.chars().count() <= 20, "{cut}");
    }
}
