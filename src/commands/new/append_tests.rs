//! `append::add` on small files: where the item goes, in which layout, and that every other
//! byte stays as it was.

use super::append::{Spot, add};

fn template() -> Vec<String> {
    vec!["id: n".into(), "name: N".into(), "# role: R  # why".into()]
}

fn added(text: &str, spot: Spot) -> String {
    add(text, spot, &template())
        .unwrap_or_else(|e| panic!("{e:?}"))
        .text
}

fn refused(text: &str, spot: Spot) -> String {
    match add(text, spot, &template()) {
        Ok(added) => panic!("added:\n{}", added.text),
        Err(not) => not.why,
    }
}

const POSITIONS: Spot = Spot::Under {
    list: "sticking_points",
    id: "p",
    key: "positions",
    noun: "sticking point",
};

#[test]
fn at_the_end_of_a_list_in_its_own_indentation() {
    let text = "a: 1\nactors:\n    - id: a\n      name: A\nb: 2\n";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "a: 1\nactors:\n    - id: a\n      name: A\n    - id: n\n      name: N\n      \
         # role: R  # why\nb: 2\n"
    );
    let text = "actors:\n- id: a\n  name: A\n";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "actors:\n- id: a\n  name: A\n- id: n\n  name: N\n  # role: R  # why\n"
    );
}

#[test]
fn the_last_item_keeps_its_comments_and_what_follows_keeps_its_own() {
    let text = "actors:\n  - id: a  # first\n    # about a\n\n  # next group\n# end\nb: 1\n";
    let result = add(text, Spot::Top("actors"), &template()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        result.text,
        "actors:\n  - id: a  # first\n    # about a\n  - id: n\n    name: N\n    \
         # role: R  # why\n\n  # next group\n# end\nb: 1\n"
    );
    assert_eq!((result.line, result.lines), (4, 3));
}

#[test]
fn crlf_line_endings_and_a_missing_final_newline_are_kept() {
    let text = "actors:\r\n  - id: a\r\n    name: A";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "actors:\r\n  - id: a\r\n    name: A\r\n  - id: n\r\n    name: N\r\n    # role: R  # why"
    );
    let text = "\u{feff}actors:\n  - id: a\n";
    assert!(
        added(text, Spot::Top("actors")).starts_with("\u{feff}actors:\n  - id: a\n  - id: n\n")
    );
}

#[test]
fn a_missing_list_is_added_in_the_layout_of_the_others() {
    let text = "sources:\n    - id: s\n      kind: k\n# the end\n";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "sources:\n    - id: s\n      kind: k\n# the end\nactors:\n    - id: n\n      name: N\n      \
         # role: R  # why\n"
    );
    let text = "sticking_points:\n  - id: p\n    title: P\n  - id: q\n";
    assert_eq!(
        added(text, POSITIONS),
        "sticking_points:\n  - id: p\n    title: P\n    positions:\n      - id: n\n        \
         name: N\n        # role: R  # why\n  - id: q\n"
    );
}

#[test]
fn a_flow_list_on_its_key_line_is_written_as_a_block_list() {
    let text = "actors: []  # none yet\nb: 1\n";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "actors:  # none yet\n  - id: n\n    name: N\n    # role: R  # why\nb: 1\n"
    );
    let text = "x:\n  - 1\nactors: [{id: a, name: A}, \"b c\", 'd']\n";
    assert_eq!(
        added(text, Spot::Top("actors")),
        "x:\n  - 1\nactors:\n  - {id: a, name: A}\n  - \"b c\"\n  - 'd'\n  - id: n\n    \
         name: N\n    # role: R  # why\n"
    );
}

#[test]
fn a_flow_list_over_several_lines_or_a_flow_parent_is_refused() {
    let text = "actors: [{id: a},\n  {id: b}]\n";
    assert!(
        refused(text, Spot::Top("actors")).contains("write it as a block list"),
        "{}",
        refused(text, Spot::Top("actors"))
    );
    let text = "sticking_points:\n  - {id: p, title: P}\n";
    let why = refused(text, POSITIONS);
    assert!(
        why.contains("the sticking point \"p\" is written in flow style"),
        "{why}"
    );
}
