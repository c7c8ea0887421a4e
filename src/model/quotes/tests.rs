use std::collections::HashMap;

use super::*;

const DOSSIER: &str = "\
version: 1
title: T
sources:
  - id: report
    title: R
    kind: news-report
  - id: other
    title: O
    kind: statement
actors:
  - id: a
    name: A
    kind: person
    sources: [report]
events:
  - id: e
    title: E
    kind: meeting
    status: held
    order: 1
    sources: [report]
    quotes:
      - by: a
        text: \"serious commitment to long-term peace\"
        source: report
      - by: a
        text: \"doubt Moscow's sincerity\"
        source: report
      - by: a
        text: \"something else\"
        source: other
";

fn check(report: &str) -> QuoteCheck {
    let loaded = crate::model::load_str("d.yaml", DOSSIER).unwrap_or_else(|e| panic!("{e}"));
    let texts = HashMap::from([(
        "report".to_string(),
        SourceText::new("report.txt", report.to_string()),
    )]);
    check_quotes("d.yaml", DOSSIER, &loaded.dossier, &texts)
}

#[test]
fn a_changed_word_is_an_error_at_the_quote_with_the_passage() {
    let check = check(
        "They stressed a \u{201C}serious commitment to long\u{2014}term\npeace\u{201D} and \
         question Moscow\u{2019}s sincerity.",
    );
    assert_eq!((check.checked, check.not_found), (2, 1));
    assert_eq!((check.without_text, check.without_source), (1, 0));
    assert_eq!(check.sources_without_text, ["other"]);
    let shown = check.diagnostics[0].to_string();
    assert!(
        shown.starts_with(
            "d.yaml:27:15: error: the quote is not in the text of the source \"report\" \
             (report.txt); did you mean \"question Moscow\u{2019}s sincerity\"? (at \
             events[0].quotes[1].text)"
        ),
        "{shown}"
    );
}

#[test]
fn the_passage_is_shown_on_one_line_without_control_characters() {
    let check =
        check("serious commitment to long-term peace; question\nMoscow's\u{1b}[2J sincerity");
    let shown = check.diagnostics[0].to_string();
    let first = shown.lines().next().unwrap_or_default();
    assert!(!shown.contains('\u{1b}'), "{shown}");
    assert!(
        first.contains("did you mean \"question Moscow's^[[2J sincerity\"?"),
        "{first}"
    );
}

#[test]
fn a_long_passage_is_cut() {
    assert_eq!(
        shown(&"word ".repeat(100)).chars().count(),
        PASSAGE_CHARS + 1
    );
    assert!(shown(&"word ".repeat(100)).ends_with('…'));
}
