//! What each reader makes of the same text, side by side, for the differential fuzz target
//! and the property tests: the fast paths must read what serde_yaml reads, or give up.

use super::types::Dossier;
use super::{chunks, stream};

/// The readings of one text, each as the dossier's JSON (`None`: that reader gave up or
/// refused the text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readings {
    /// The streaming reader.
    pub(crate) stream: Option<String>,
    /// The parallel reader, cut at every item of every list.
    pub(crate) pieces: Option<String>,
    /// serde_yaml, the reading the format is defined by.
    pub(crate) full: Option<String>,
}

impl Readings {
    /// Reads `text` with every reader.
    pub fn of(text: &str) -> Self {
        let json = |dossier: Dossier| serde_json::to_string(&dossier).ok();
        Readings {
            stream: stream::from_str::<Dossier>(text).and_then(json),
            pieces: chunks::read_at_every_item(text).and_then(json),
            full: super::yaml::from_str::<Dossier>(text).ok().and_then(json),
        }
    }

    /// The first way the fast readers disagree with serde_yaml: a fast reader that reads
    /// something must read what serde_yaml reads.
    pub fn disagreement(&self) -> Option<String> {
        [("stream", &self.stream), ("pieces", &self.pieces)]
            .into_iter()
            .find_map(|(reader, reading)| {
                let reading = reading.as_ref()?;
                (Some(reading) != self.full.as_ref()).then(|| {
                    format!(
                        "the {reader} reader read {reading}\nserde_yaml read {:?}",
                        self.full
                    )
                })
            })
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_dossier_reads_the_same_everywhere() {
        let readings = Readings::of(crate::model::BUILTIN_TEXT);
        assert!(readings.stream.is_some() && readings.pieces.is_some());
        assert_eq!(readings.disagreement(), None);
    }

    #[test]
    fn a_reading_serde_yaml_refuses_is_a_disagreement() {
        let readings = Readings {
            stream: Some("{}".into()),
            pieces: None,
            full: None,
        };
        let said = readings.disagreement().unwrap_or_default();
        assert!(said.starts_with("the stream reader read {}"), "{said}");
    }

    /// Found by the fuzz target: in a flow mapping, `name:,` is a key and an empty value to
    /// saphyr and one plain scalar `name:` to libyaml.
    #[test]
    fn a_colon_before_a_flow_indicator_is_left_to_serde_yaml() {
        for value in ["name:,", "name:]", "name:}", "name:[x]", "name:{x: y}"] {
            let text = format!(
                "version: 1\ntitle: T\nsources: [{{id: s, title: S, kind: k}}]\nactors:\n  - {{id: a, {value} kind: person}}\n"
            );
            let readings = Readings::of(&text);
            assert_eq!(readings.stream, None, "{text}");
            assert_eq!(readings.disagreement(), None, "{text}");
        }
    }

    /// Found by the fuzz target: a raw NUL in a comment that is a list's only content.
    #[test]
    fn a_control_character_in_a_comment_between_items_is_left_to_serde_yaml() {
        let text = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n\
                    places:\n# a comment \u{0}\n";
        let readings = Readings::of(text);
        assert_eq!(readings.full, None);
        assert_eq!(readings.pieces, None);
        assert_eq!(readings.disagreement(), None);
    }

    /// Found by the fuzz target: a carriage return alone is a line break, so the `%` after
    /// it starts a line (a directive, out of place) and the file is an error.
    #[test]
    fn a_carriage_return_alone_is_left_to_serde_yaml() {
        let text = "version: 1\ntitle: T\nsources:\n  - id: s\n    title: S\n    kind: k\n\
                    places:\n# a comment\r%[ then this\n";
        let readings = Readings::of(text);
        assert_eq!(readings.full, None);
        assert_eq!(readings.disagreement(), None);
        let crlf = Readings::of("version: 1\r\ntitle: T\r\nsources: []\r\n");
        assert!(crlf.stream.is_some(), "CRLF files keep the fast path");
    }

    /// Found by the fuzz target: `>` in a flow mapping starts no block scalar, and no plain
    /// scalar either (libyaml refuses it; saphyr read it as text).
    #[test]
    fn a_block_indicator_inside_a_flow_mapping_is_left_to_serde_yaml() {
        let text = "version: 1\ntitle: T\nsources: [{id: s1, kind: >\n\n  news, title: S}]\n";
        let readings = Readings::of(text);
        assert_eq!(readings.full, None);
        assert_eq!(readings.stream, None);
        let block = "version: 1\ntitle: >\n  T\nsources: [{id: s1, kind: k, title: S}]\n";
        assert!(
            Readings::of(block).stream.is_some(),
            "block scalars keep the fast path"
        );
    }

    /// Found by the fuzz target: `:` (or `?`) starts no plain scalar in a flow collection
    /// for libyaml; saphyr read `:USA`.
    #[test]
    fn a_colon_starting_a_flow_item_is_left_to_serde_yaml() {
        for item in [":USA", "?USA"] {
            let text = format!(
                "version: 1\ntitle: T\nsources: []\nactors:\n  - {{id: a, name: A, kind: state, aliases: [US, {item}]}}\n"
            );
            let readings = Readings::of(&text);
            assert_eq!(readings.stream, None, "{text}");
            assert_eq!(readings.disagreement(), None, "{text}");
        }
    }

    /// The fuzz corpus seeds: every hostile file reads the same everywhere.
    #[test]
    fn every_hostile_file_reads_the_same_everywhere() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile");
        let mut read = 0;
        for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
            let bytes = std::fs::read(entry.path()).unwrap_or_default();
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            let readings = Readings::of(text);
            assert_eq!(readings.disagreement(), None, "{:?}", entry.path());
            read += 1;
        }
        assert!(read >= 20, "only {read} hostile files read");
    }
}
