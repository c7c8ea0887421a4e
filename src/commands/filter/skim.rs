//! fuzzy-matcher's `SkimMatcherV2` score (its default configuration, as a fresh matcher
//! computes it), worked out one character of the line at a time in memory that grows with
//! the pattern only. The matcher itself copies the line into a `Vec<char>` and keeps two
//! rows of 16-byte cells as long as the line: 36 bytes per character, 3.6 GB for a 100 MB
//! line.
//!
//! The matcher fills its matrix row by row, in two physical rows that pattern rows share
//! alternately; a row reads a few cells that the row two above it left behind (the bonus of
//! a matched cell, and the cells left of where a row starts). Going column by column, each
//! row keeps what those cells hold, so the score is the same to the point, quirks
//! included (tested against the matcher in `tests`).

/// `SkimScoreConfig::default()`.
const SCORE_MATCH: i32 = 16;
const GAP_START: i32 = -3;
const GAP_EXTENSION: i32 = -1;
const BONUS_FIRST_CHAR_MULTIPLIER: i32 = 2;
const BONUS_HEAD: i32 = SCORE_MATCH / 2;
const BONUS_BREAK: i32 = SCORE_MATCH / 2 + GAP_EXTENSION;
const BONUS_CAMEL: i32 = SCORE_MATCH / 2 + 2 * GAP_EXTENSION;
const BONUS_CONSECUTIVE: i32 = -(GAP_START + GAP_EXTENSION);
const PENALTY_CASE_MISMATCH: i32 = GAP_EXTENSION * 2;
const NEG_INFINITY: i32 = i16::MIN as i32;

/// The highest score a pattern of `chars` characters can reach on any line: every
/// character matched with the highest bonus.
pub(super) fn score_bound(chars: usize) -> i64 {
    let first = i64::from(GAP_EXTENSION + SCORE_MATCH + BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER);
    let next = i64::from(SCORE_MATCH + BONUS_HEAD * BONUS_FIRST_CHAR_MULTIPLIER);
    first + next * chars.saturating_sub(1) as i64
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CharType {
    Empty,
    Upper,
    Lower,
    Number,
    HardSep,
    SoftSep,
}

fn char_type(c: char) -> CharType {
    match c {
        '\0' => CharType::Empty,
        ' ' | '/' | '\\' | '|' | '(' | ')' | '[' | ']' | '{' | '}' => CharType::HardSep,
        '!'..='\'' | '*'..='.' | ':'..='@' | '^'..='`' | '~' => CharType::SoftSep,
        '0'..='9' => CharType::Number,
        'A'..='Z' => CharType::Upper,
        _ => CharType::Lower,
    }
}

fn in_place_bonus(previous: char, current: char) -> i32 {
    match (char_type(previous), char_type(current)) {
        (CharType::Empty | CharType::HardSep, _) => BONUS_HEAD,
        (CharType::SoftSep, _) => BONUS_BREAK,
        (CharType::Lower | CharType::Number, CharType::Upper) => BONUS_CAMEL,
        _ => 0,
    }
}

fn same(a: char, b: char, case_sensitive: bool) -> bool {
    if case_sensitive {
        a == b
    } else {
        a.eq_ignore_ascii_case(&b)
    }
}

/// Where each pattern character first matches, greedily, as character indices of `line`;
/// `None` when the pattern is not a subsequence of the line.
pub(super) fn first_matches(
    line: &str,
    pattern: &[char],
    case_sensitive: bool,
) -> Option<Vec<usize>> {
    let mut found = Vec::with_capacity(pattern.len());
    let mut wanted = pattern.iter();
    let mut next = wanted.next();
    for (at, c) in line.chars().enumerate() {
        let Some(&p) = next else { break };
        if same(c, p, case_sensitive) {
            found.push(at);
            next = wanted.next();
        }
    }
    next.is_none().then_some(found)
}

/// One cell of the matrix: the best score ending in a match (`m`) and not (`p`).
#[derive(Clone, Copy)]
struct Cell {
    m: i32,
    p: i32,
}

/// What a pattern row knows of the column it last filled.
#[derive(Clone, Copy)]
struct Row {
    cell: Cell,
    /// The column was filled (the row had started there).
    filled: bool,
    matched: bool,
    /// The final bonus of the column before it (once this column has been filled).
    bonus_before: i32,
}

const UNSTARTED: Row = Row {
    cell: Cell {
        m: NEG_INFINITY,
        p: NEG_INFINITY,
    },
    filled: false,
    matched: false,
    bonus_before: 0,
};

/// `SkimMatcherV2::default()`'s `fuzzy_match(line, pattern)`, with case respected or
/// ASCII case ignored.
pub(super) fn score(line: &str, pattern: &[char], case_sensitive: bool) -> Option<i64> {
    if pattern.is_empty() {
        return Some(0);
    }
    let starts = first_matches(line, pattern, case_sensitive)?;
    let rows = pattern.len();
    let mut before = vec![UNSTARTED; rows + 1];
    let mut now = before.clone();
    let mut best = NEG_INFINITY;
    let mut previous_char = '\0';
    // Rows start in order: the first `started` have started by this column; the others
    // stay unstarted in both arrays.
    let mut started = 0;
    for (at, c) in line.chars().enumerate() {
        let mut bonus = in_place_bonus(previous_char, c);
        if at == 0 {
            bonus *= BONUS_FIRST_CHAR_MULTIPLIER;
        }
        previous_char = c;
        while started < rows && starts[started] <= at {
            started += 1;
        }
        if started == 0 {
            continue;
        }
        let column = Column {
            c,
            in_place: bonus,
            case_sensitive,
        };
        for r in 1..=started {
            now[r] = column.fill(r, pattern[r - 1], &before, &now);
            if r == rows {
                if !before[r].filled {
                    best = best.max(left_of_start(r, &before).m);
                }
                best = best.max(now[r].cell.m);
            }
        }
        std::mem::swap(&mut before, &mut now);
    }
    Some(i64::from(best))
}

/// The cell left of where row `r` starts: what the rows before left in its physical row
/// (a reset cell for row 1, the first row's start for row 2, row `r - 2`'s cell beyond).
fn left_of_start(r: usize, before: &[Row]) -> Cell {
    match r {
        1 => UNSTARTED.cell,
        2 => Cell {
            m: NEG_INFINITY,
            p: GAP_EXTENSION,
        },
        _ => before[r - 2].cell,
    }
}

/// The character of one column and its bonus.
struct Column {
    c: char,
    in_place: i32,
    case_sensitive: bool,
}

impl Column {
    /// Row `r`'s cell in this column, from the rows' cells in the column before
    /// (`before`) and the rows above it already filled in this one (`now`).
    fn fill(&self, r: usize, p: char, before: &[Row], now: &[Row]) -> Row {
        let started = before[r].filled;
        let left = if started {
            before[r].cell
        } else {
            left_of_start(r, before)
        };
        // The bonus the cell on the left holds: a matched or not yet filled cell still holds
        // what row `r - 2` left there (its final bonus); an unmatched one was set to 0.
        let left_bonus = if (started && !before[r].matched) || r <= 2 {
            0
        } else {
            now[r - 2].bonus_before
        };
        let diagonal = if r == 1 {
            Cell {
                m: NEG_INFINITY,
                p: GAP_EXTENSION,
            }
        } else {
            before[r - 1].cell
        };
        let p_score = (GAP_START + GAP_EXTENSION + left.m).max(GAP_EXTENSION + left.p);
        if !same(self.c, p, self.case_sensitive) {
            return Row {
                cell: Cell {
                    m: NEG_INFINITY,
                    p: p_score,
                },
                filled: true,
                matched: false,
                bonus_before: left_bonus,
            };
        }
        let mut match_score = SCORE_MATCH;
        if !self.case_sensitive && p != self.c {
            match_score += PENALTY_CASE_MISMATCH;
        }
        let consecutive = left_bonus.max(self.in_place.max(BONUS_CONSECUTIVE));
        let by_match = diagonal.m + consecutive;
        let by_skip = diagonal.p + self.in_place;
        Row {
            cell: Cell {
                m: by_match.max(by_skip) + match_score.max(0),
                p: p_score,
            },
            filled: true,
            matched: true,
            bonus_before: consecutive,
        }
    }
}

#[cfg(test)]
mod tests;
