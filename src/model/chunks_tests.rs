//! The parallel reader against the single stream and serde_yaml.

use super::*;

fn json(dossier: &Dossier) -> String {
    serde_json::to_string(dossier).unwrap_or_default()
}

/// A generated dossier as YAML, made once for all the cases that damage it.
fn plain_dossier() -> &'static str {
    static TEXT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXT.get_or_init(|| serde_yaml::to_string(&crate::generate::dossier(40, 3)).unwrap_or_default())
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
        let mut lines: Vec<String> = plain_dossier().lines().map(str::to_string).collect();
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
