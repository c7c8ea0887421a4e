//! `talks list`, `show` and `search` in every export format (#29): md and html as the
//! export module writes them (goldens), csv and tsv read back cell by cell and equal to the
//! list export's, `--bom`, formula neutralising, and what is refused, with its message.

use crate::common::{golden, run};
use crate::formats_html::assert_only_our_markup;
use scraper::Html;

const HOSTILE: &str = crate::formats::HOSTILE;
const NEW: &str = "tests/fixtures/over-time.yaml";
const OLD: &str = "tests/fixtures/over-time-week2.yaml";

/// `talks ARGS`, which must succeed: its standard output.
fn output(args: &[&str]) -> String {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "talks {args:?}: {err}");
    assert_eq!(err, "", "talks {args:?}");
    out
}

/// The rows of CSV (or TSV: `tabs`) as the `csv` crate reads them, the header first.
fn cells(text: &str, tabs: bool) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tabs { b'\t' } else { b',' })
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn golden_list_show_and_search_in_each_new_format() {
    for format in ["csv", "tsv"] {
        let text = output(&["list", "actors", "--format", format]);
        golden(&format!("cli-list-actors.{format}"), &text);
        let text = output(&["search", "donbas", "--limit", "3", "--format", format]);
        golden(&format!("cli-search-donbas.{format}"), &text);
    }
    for format in ["md", "html"] {
        let text = output(&["list", "places", "--format", format]);
        golden(&format!("cli-list-places.{format}"), &text);
        let text = output(&["show", "witkoff", "--format", format]);
        golden(&format!("cli-show-witkoff.{format}"), &text);
        let text = output(&["search", "donbas", "--limit", "3", "--format", format]);
        golden(&format!("cli-search-donbas.{format}"), &text);
    }
    // The long names and the short ones are the same format.
    assert_eq!(
        output(&["show", "witkoff", "--format", "markdown"]),
        output(&["show", "witkoff", "--format", "md"])
    );
}

#[test]
fn a_list_in_a_table_or_a_document_is_the_list_export_without_its_time() {
    for kind in ["actors", "events", "sticking-points", "places"] {
        for format in ["csv", "tsv", "md", "html"] {
            let listed = output(&["list", kind, "--format", format]);
            let exported = output(&[
                "export",
                "--view",
                kind,
                "--format",
                format,
                "--no-timestamp",
            ]);
            if format == "csv" || format == "tsv" {
                assert_eq!(listed, exported, "{kind} {format}");
            } else {
                // The export selects the list's first entity; a list selects none.
                assert_eq!(
                    listed.lines().count(),
                    exported.lines().count(),
                    "{kind} {format}"
                );
            }
        }
    }
}

#[test]
fn search_rows_are_the_list_export_s_after_a_kind_and_limit_counts_them() {
    let found = cells(
        &output(&["search", "moscow", "--kind", "events", "--format", "csv"]),
        false,
    );
    let exported = cells(
        &output(&[
            "export", "--view", "events", "--query", "moscow", "--format", "csv",
        ]),
        false,
    );
    assert_eq!(found[0], ["kind", "id", "name", "facts", "summary"]);
    assert!(found.len() > 2, "{found:?}");
    for (row, listed) in found.iter().zip(&exported).skip(1) {
        assert_eq!(row[0], "event");
        assert_eq!(row[1..], listed[..]);
    }
    assert_eq!(found.len(), exported.len());

    let every = cells(&output(&["search", "ukraine", "--format", "tsv"]), true);
    let limited = cells(
        &output(&["search", "ukraine", "--format", "tsv", "--limit", "2"]),
        true,
    );
    assert!(every.len() > 3, "{every:?}");
    assert_eq!(limited, every[..3]);
    let hits = output(&["search", "ukraine", "--limit", "2"]);
    let ids: Vec<&str> = (hits.lines())
        .map(|line| line.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(ids, [&limited[1][1], &limited[2][1]], "the text's order");
}

#[test]
fn bom_bytes_only_when_asked() {
    let bom = [0xEF, 0xBB, 0xBF];
    let plain = output(&["list", "places", "--format", "csv"]);
    assert!(plain.starts_with("id,name,facts,summary\r\n"), "{plain}");
    let with = output(&["list", "places", "--format", "csv", "--bom"]);
    assert_eq!(with.as_bytes()[..3], bom);
    assert_eq!(with.as_bytes()[3..], *plain.as_bytes());
    let found = output(&["search", "donbas", "--format", "tsv", "--bom"]);
    assert_eq!(found.as_bytes()[..3], bom);
    assert!(found[3..].starts_with("kind\tid\tname\tfacts\tsummary\n"));
}

#[test]
fn formula_cells_of_a_hostile_dossier_are_neutralised() {
    let actors = cells(
        &output(&["list", "actors", "-d", HOSTILE, "--format", "csv"]),
        false,
    );
    assert_eq!(actors[1][..2], ["minus", "'-2+3 <b onmouseover=alert(8)>"]);
    assert_eq!(
        actors[1][3],
        "Line one, with a comma line two \"quoted\" and a tab"
    );
    assert_eq!(
        actors[3][1],
        "Bidi <U+202E>evil<U+202C> <U+2066>iso<U+2069>"
    );
    let places = cells(
        &output(&["list", "places", "-d", HOSTILE, "--format", "tsv"]),
        true,
    );
    assert_eq!(places[1][..2], ["here", "'=1+1"]);
    let found = cells(
        &output(&["search", "meeting", "-d", HOSTILE, "--format", "csv"]),
        false,
    );
    let meeting = found.iter().find(|row| row[1] == "meeting").unwrap();
    assert_eq!(
        meeting[2],
        "'@meeting <iframe src=\"https://evil.example\"></iframe>"
    );
    for row in actors.iter().chain(&places).chain(&found) {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@']), "{cell:?}");
        }
    }
}

#[test]
fn a_hostile_dossier_s_strings_stay_text_in_html_from_the_cli() {
    for args in [
        ["list", "actors"].as_slice(),
        &["show", "onload"],
        &["search", "meeting"],
    ] {
        let args = [args, &["-d", HOSTILE, "--format", "html"]].concat();
        let page = Html::parse_document(&output(&args));
        assert!(page.errors.is_empty(), "{:?}", page.errors);
        assert_only_our_markup(&args.join(" "), &page);
    }
}

#[test]
fn a_comparison_adds_the_change_column_and_the_changes() {
    let since = ["-d", NEW, "--since", OLD];
    let rows = cells(
        &output(&[["list", "events", "--format", "csv"].as_slice(), &since].concat()),
        false,
    );
    assert_eq!(rows[0].last().unwrap(), "change");
    assert_eq!(rows[2][..2], ["second-round", "Second round"]);
    assert_eq!(rows[2].last().unwrap(), "changed");
    let found = output(
        &[
            ["search", "changed:any", "--format", "md"].as_slice(),
            &since,
        ]
        .concat(),
    );
    assert!(
        found.contains("\n## What moved since tests/fixtures/over-time-week2.yaml\n"),
        "{found}"
    );
}

#[test]
fn show_refuses_a_table_and_bom_needs_one() {
    for format in ["csv", "tsv"] {
        let (code, out, err) = run(&["show", "witkoff", "--format", format]);
        assert_eq!((code, out.as_str()), (2, ""));
        assert_eq!(
            err.trim(),
            format!(
                "talks: {} holds one table, and talks show prints one entity's detail, a \
                 document: use --format txt, md, json or html (CSV and TSV are for talks list, \
                 talks search, and talks export --view of a list, the matrix, the timeline or \
                 the sources)",
                format.to_uppercase()
            )
        );
    }
    for args in [
        ["list", "actors", "--format", "md", "--bom"].as_slice(),
        &["search", "donbas", "--bom"],
        &["show", "witkoff", "--format", "html", "--bom"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        let format = match args[args.len() - 2] {
            "md" => "Markdown",
            "html" => "HTML",
            _ => "plain text",
        };
        assert_eq!(
            err.trim(),
            format!("talks: --bom is for CSV and TSV, and this output is {format}: leave it out")
        );
    }
    let (code, _, err) = run(&["list", "actors", "--format", "xml"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("[possible values: txt, md, json, csv, tsv, html]"),
        "{err}"
    );
}

#[test]
fn a_search_with_no_hit_is_a_header_or_a_document_saying_so() {
    let (code, out, err) = run(&["search", "zzzqqq", "--format", "csv"]);
    assert_eq!((code, out.as_str()), (1, "kind,id,name,facts,summary\r\n"));
    assert!(
        err.starts_with("talks: nothing matches \"zzzqqq\""),
        "{err}"
    );
    let (code, out, _) = run(&["search", "zzzqqq", "--format", "md"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("**Search:** \"zzzqqq\": nothing found"),
        "{out}"
    );
}

#[test]
fn found_and_detail_render_in_text_and_json_too() {
    use talks::export::{Format, Scope, render};
    use talks::model::{EntityKind, EntityRef, builtin};
    let loaded = builtin().unwrap();
    let entries = vec![
        EntityRef::new(EntityKind::Place, 0),
        EntityRef::new(EntityKind::Actor, 0),
    ];
    let found = Scope::Found {
        query: "x".into(),
        entries: entries.clone(),
    };
    let text = render(&loaded, &found, None, Format::Text);
    assert!(
        text.contains("Search: \"x\": 2 found (1 actor, 1 place)\n\nFound\n=====\n  1. "),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&render(&loaded, &found, None, Format::Json)).unwrap();
    assert_eq!(
        json["search"],
        serde_json::json!({"query": "x", "count": 2})
    );
    assert_eq!(json["entities"].as_array().unwrap().len(), 2);
    let detail = Scope::Detail(entries[1]);
    let text = render(&loaded, &detail, None, Format::Text);
    assert!(text.contains("\nDetail: United States (actor)\n"), "{text}");
    let json: serde_json::Value =
        serde_json::from_str(&render(&loaded, &detail, None, Format::Json)).unwrap();
    assert_eq!(json["detail"]["id"], "united-states");
    assert_eq!(json["entities"][0]["id"], "united-states");
}
