use super::*;

fn closest<'t>(text: &'t SourceText, quote: &str) -> Option<&'t str> {
    text.closest(quote).map(|p| text.slice(p))
}

#[test]
fn folded_variants_are_contained() {
    let text = SourceText::new(
        "r.txt",
        "He called it a \u{201C}serious commitment\nto long\u{2013}term peace\u{201D}.".into(),
    );
    assert!(text.contains("\"serious commitment to long-term peace\""));
    assert!(!text.contains("Serious commitment"));
}

#[test]
fn a_changed_word_finds_the_passage_it_came_from() {
    let text = SourceText::new(
        "r.txt",
        "Talks began in Florida. The envoys said they question Moscow's sincerity about \
         a ceasefire. Later the delegation flew home."
            .into(),
    );
    assert_eq!(
        closest(&text, "doubt Moscow's sincerity about a ceasefire"),
        Some("question Moscow's sincerity about a ceasefire")
    );
    assert_eq!(
        closest(&text, "they question his sincerity about a ceasefire"),
        Some("they question Moscow's sincerity about a ceasefire")
    );
}

#[test]
fn nothing_close_gives_no_passage() {
    let text = SourceText::new("r.txt", "Talks began in Florida.".into());
    assert_eq!(closest(&text, "an entirely different sentence"), None);
    assert_eq!(closest(&text, ""), None);
}

#[test]
fn the_best_of_several_places_wins() {
    let text = SourceText::new(
        "r.txt",
        "the plan is good. the plan is too early to judge. the talks were long.".into(),
    );
    assert_eq!(
        closest(&text, "the plan was too early to judge"),
        Some("the plan is too early to judge")
    );
}

/// A 2 MB text and a hundred quotes that are not in it: bounded work, so this runs in
/// well under a second even in a debug build (no timing asserted; a quadratic search
/// would make the test suite crawl).
#[test]
fn a_long_text_is_searched_in_bounded_work() {
    let filler = "the talks went on and the parties met again in the city of geneva. ";
    let mut body = filler.repeat(2_000_000 / filler.len());
    body.push_str("In the end the envoys reached a framework of twenty points. ");
    body.push_str(&filler.repeat(100));
    let text = SourceText::new("big.txt", body);
    for i in 0..100 {
        let quote = format!("the envoys reached a framework of {i} points");
        let found = closest(&text, &quote);
        assert_eq!(
            found,
            Some("the envoys reached a framework of twenty points")
        );
    }
}

/// The closest passage as first written: every vote in a `HashMap`, every place sorted,
/// every candidate aligned with fresh rows. The faster search must pick the same passage.
fn reference(text: &SourceText, quote: &str) -> Option<Passage> {
    let index = text.words.get_or_init(|| Words::of(&text.text));
    let quote: Vec<Option<u32>> = word_spans(quote)
        .take(QUOTE_WORDS)
        .map(|(s, e)| index.vocabulary.get(&quote[s..e].to_lowercase()).copied())
        .collect();
    let slack = quote.len() / 4 + 3;
    let mut anchors: Vec<(u32, Vec<usize>)> = Vec::new();
    for (at, id) in quote.iter().enumerate() {
        let Some(id) = *id else { continue };
        match anchors.iter_mut().find(|(known, _)| *known == id) {
            Some((_, places)) => places.push(at),
            None => anchors.push((id, vec![at])),
        }
    }
    anchors.sort_by_key(|(id, _)| index.postings[*id as usize].len());
    let mut votes: HashMap<usize, f64> = HashMap::new();
    for (id, places) in anchors.iter().take(ANCHORS) {
        let postings = &index.postings[*id as usize];
        for &word in postings.iter().take(POSTINGS) {
            for &at in places.iter().take(16) {
                *votes.entry((word as usize).saturating_sub(at)).or_default() +=
                    1.0 / postings.len() as f64;
            }
        }
    }
    let mut ranked: Vec<(usize, f64)> = votes.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<usize> = Vec::new();
    for (start, _) in ranked {
        if chosen.len() < CANDIDATES && chosen.iter().all(|&c| c.abs_diff(start) > slack) {
            chosen.push(start);
        }
    }
    let words = &index.words;
    let mut best: Option<Alignment> = None;
    for start in chosen {
        let from = start.saturating_sub(slack).min(words.len());
        let to = (start + quote.len() + slack).min(words.len());
        let Some(found) = reference_align(&quote, &words[from..to], from) else {
            continue;
        };
        if best.is_none_or(|b| found.edits < b.edits) {
            best = Some(found);
        }
    }
    let best = best?;
    (best.shared * 3 >= quote.len() && best.shared > 0).then(|| Passage {
        start: words[best.first].start,
        end: words[best.last].end,
        edits: best.edits,
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(500))]

    /// Few words, so that places tie and many stretches compete.
    #[test]
    fn the_same_passage_as_every_candidate_aligned(
        text in proptest::collection::vec(
            proptest::sample::select(&["a", "b", "c", "d", "peace", "talks"][..]),
            0..300,
        ),
        quote in proptest::collection::vec(
            proptest::sample::select(&["a", "b", "c", "e", "peace"][..]),
            0..40,
        ),
    ) {
        let text = SourceText::new("t.txt", text.join(" "));
        let quote = quote.join(" ");
        proptest::prop_assert_eq!(text.closest(&quote), reference(&text, &quote));
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct OldCell {
    edits: usize,
    shared: usize,
    first: usize,
}

/// `align` as first written: a fresh row for each word of the quote.
fn reference_align(quote: &[Option<u32>], words: &[Word], offset: usize) -> Option<Alignment> {
    let mut row: Vec<OldCell> = (0..=words.len())
        .map(|j| OldCell {
            edits: 0,
            shared: 0,
            first: j,
        })
        .collect();
    for (i, word) in quote.iter().enumerate() {
        let mut next = vec![OldCell::default(); words.len() + 1];
        next[0] = OldCell {
            edits: i + 1,
            shared: 0,
            first: 0,
        };
        for j in 1..=words.len() {
            let same = *word == Some(words[j - 1].id);
            let diagonal = OldCell {
                edits: row[j - 1].edits + usize::from(!same),
                shared: row[j - 1].shared + usize::from(same),
                first: row[j - 1].first,
            };
            let skip_quote = OldCell {
                edits: row[j].edits + 1,
                ..row[j]
            };
            let skip_text = OldCell {
                edits: next[j - 1].edits + 1,
                ..next[j - 1]
            };
            next[j] = [diagonal, skip_quote, skip_text]
                .into_iter()
                .min_by_key(|c| (c.edits, std::cmp::Reverse(c.shared)))
                .unwrap_or(diagonal);
        }
        row = next;
    }
    let (end, cell) = row
        .iter()
        .enumerate()
        .skip(1)
        .min_by_key(|(_, c)| (c.edits, std::cmp::Reverse(c.shared)))?;
    (cell.first < end).then_some(Alignment {
        edits: cell.edits,
        shared: cell.shared,
        first: offset + cell.first,
        last: offset + end - 1,
    })
}

/// A text too long for the array of votes counts them in a map: the same sums.
#[test]
fn votes_in_a_map_are_the_votes_in_an_array() {
    let cast = [(3, 0.5), (1, 0.25), (3, 0.125), (0, 1.0), (3, 0.1)];
    let mut counted = Vec::new();
    for words in [10, DENSE_VOTES + 1] {
        let mut votes = Votes::default();
        votes.start(words);
        for (place, weight) in cast {
            votes.add(place, weight);
        }
        let mut ranked = votes.ranked();
        ranked.sort_by_key(|&(place, _)| place);
        assert_eq!(votes.ranked(), [], "cleared for the next quote");
        counted.push(ranked);
    }
    assert_eq!(counted[0], [(0, 1.0), (1, 0.25), (3, 0.5 + 0.125 + 0.1)]);
    assert_eq!(counted[0], counted[1]);
}
