use proptest::prelude::*;

use super::*;
use crate::notes::file::parse;

fn notes_with(notes: &[(&str, &str)]) -> Notes {
    let mut all = Notes::new();
    for (key, text) in notes {
        all.notes.insert(key.to_string(), text.to_string());
    }
    all
}

#[test]
fn every_part_is_written_in_key_order_one_block_an_entry() {
    let mut notes = notes_with(&[
        ("putin", "Watch this:\nno move before guarantees"),
        ("donbas/kyiv@2031-03-16", "One line."),
    ]);
    notes.stars.insert("zelensky".into());
    notes.stars.insert("donbas/kyiv".into());
    notes
        .searches
        .insert("guarantees".into(), "topic:security guarantees".into());
    notes.searches.insert("us".into(), "kind:actor: us".into());
    assert_eq!(
        render(&notes),
        "# talks analyst notes: see docs/notes-format.md\n\
         version: 1\n\
         notes:\n\
         \x20 donbas/kyiv@2031-03-16: |-\n\
         \x20   One line.\n\
         \x20 putin: |-\n\
         \x20   Watch this:\n\
         \x20   no move before guarantees\n\
         stars:\n\
         \x20 - donbas/kyiv\n\
         \x20 - zelensky\n\
         searches:\n\
         \x20 guarantees: topic:security guarantees\n\
         \x20 us: \"kind:actor: us\"\n"
    );
    assert_eq!(
        render(&Notes::new()),
        "# talks analyst notes: see docs/notes-format.md\nversion: 1\nnotes:\nstars:\nsearches:\n"
    );
}

#[test]
fn a_note_is_a_literal_block_chosen_by_its_ends() {
    let block = |text: &str| {
        let rendered = render(&notes_with(&[("k", text)]));
        let start = rendered.find("  k:").unwrap_or(0);
        let end = rendered.find("stars:").unwrap_or(rendered.len());
        rendered[start..end].to_string()
    };
    assert_eq!(block("a\n\nb"), "  k: |-\n    a\n\n    b\n");
    assert_eq!(block("a\n"), "  k: |\n    a\n");
    assert_eq!(block("a\n\n"), "  k: |+\n    a\n\n");
    assert_eq!(
        block("  indented\nnot"),
        "  k: |2-\n      indented\n    not\n"
    );
    assert_eq!(block("\n\tcode"), "  k: |2-\n\n    \tcode\n");
    assert_eq!(block(""), "  k: |-\n");
    assert_eq!(block("\n"), "  k: |+\n\n");
    assert_eq!(
        block("# not a comment: see"),
        "  k: |-\n    # not a comment: see\n"
    );
    assert_eq!(block("crlf\r\nline"), "  k: \"crlf\\r\\nline\"\n");
    assert_eq!(block("bell\u{7} \u{202E}"), "  k: \"bell\\x07 \\u202E\"\n");
}

#[test]
fn keys_are_quoted_when_a_reader_could_take_them_for_something_else() {
    let keys: Vec<String> = [
        "true",
        "No",
        "~",
        "2025-talks",
        "-x",
        "a: b",
        "a #b",
        "é",
        "",
    ]
    .iter()
    .map(|k| super::scalar(k))
    .collect();
    assert_eq!(
        keys,
        [
            "\"true\"",
            "\"No\"",
            "\"~\"",
            "\"2025-talks\"",
            "\"-x\"",
            "\"a: b\"",
            "\"a #b\"",
            "é",
            "\"\""
        ]
    );
    let long = "k".repeat(2_000);
    let notes = notes_with(&[(&long, "text")]);
    let text = render(&notes);
    assert!(
        text.contains(&format!("  ? {long}\n  : |-\n    text\n")),
        "{text}"
    );
    assert_eq!(parse("n", &text), Ok(notes));
}

#[test]
fn an_entry_is_written_the_same_whatever_else_changes() {
    let long = "word ".repeat(200);
    let mut notes = notes_with(&[("b", &long), ("d", "short")]);
    let before = render(&notes);
    notes.notes.insert("a".into(), "added".into());
    notes.notes.insert("c".into(), "x\n".repeat(300));
    notes.stars.insert("b".into());
    let after = render(&notes);
    let entry = format!("  b: |-\n    {}\n", long);
    assert!(before.contains(&entry) && after.contains(&entry));
    assert!(before.contains("  d: |-\n    short\n") && after.contains("  d: |-\n    short\n"));
}

/// Text made of the pieces that trip YAML writers and readers.
fn awkward_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" ".to_string()),
        Just("  lead".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("#".to_string()),
        Just(": ".to_string()),
        Just("- ".to_string()),
        Just("---".to_string()),
        Just("\"'\\".to_string()),
        Just("|>".to_string()),
        Just("é✎★".to_string()),
        Just("\u{85}\u{2028}\u{feff}\u{7}".to_string()),
        "[a-z]{1,8}",
    ];
    prop_oneof![
        proptest::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat()),
        any::<String>(),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z][a-z0-9-]{0,10}(/[a-z]{1,5})?", awkward_text()]
}

fn any_notes() -> impl Strategy<Value = Notes> {
    (
        proptest::collection::btree_map(key(), awkward_text(), 0..6),
        proptest::collection::btree_set(key(), 0..4),
        proptest::collection::btree_map(key(), awkward_text(), 0..4),
    )
        .prop_map(|(notes, stars, searches)| Notes {
            version: 1,
            notes,
            stars,
            searches,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn written_notes_read_back_the_same(notes in any_notes()) {
        let text = render(&notes);
        prop_assert_eq!(parse("n", &text), Ok(notes));
    }
}

/// docs/notes-format.md shows a file as talks writes it.
#[test]
fn the_documented_example_is_written_as_shown() {
    let docs = include_str!("../../docs/notes-format.md");
    let start = docs
        .find("```yaml\n")
        .map_or(0, |at| at + "```yaml\n".len());
    let example = &docs[start..];
    let example = &example[..example.find("```").unwrap_or(0)];
    let notes = parse("example", example).unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(notes.notes.len(), 2);
    assert_eq!(render(&notes), example);
}
