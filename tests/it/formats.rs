//! The formats briefs are made of (#29): CSV and TSV read back by the `csv` reader to the
//! same cells (formula-looking ones neutralised with `'`), refused for what is no table,
//! and the prompt's Tab; HTML is `formats_html`, which shares this module's scopes.

use crate::common::{golden, run};
use talks::app::{Action, App, Mode, Options, update};
use talks::export::{ExportOptions, Format, Scope, ViewSpec, render, render_with};
use talks::model::{EntityKind, EntityRef, Loaded, builtin, load_path};
use talks::search::{Query, SearchEngine};

pub(crate) const STAMP: &str = "2026-01-01T00:00:00Z";
pub(crate) const HOSTILE: &str = "tests/fixtures/hostile-markup.yaml";

pub(crate) fn hostile() -> Loaded {
    load_path(std::path::Path::new(HOSTILE)).unwrap()
}

/// Every table scope of `loaded` for an empty query, and each list.
pub(crate) fn table_scopes(loaded: &Loaded) -> Vec<(String, Scope)> {
    let results = SearchEngine::new(&loaded.dossier, &loaded.index).search(&Query::default());
    let mut scopes = vec![
        ("matrix".into(), Scope::matrix(loaded, "", &results)),
        ("timeline".into(), Scope::timeline(loaded, "", &results)),
        ("sources".into(), Scope::sources(loaded, "", &results)),
    ];
    for kind in EntityKind::LISTED {
        let view = ViewSpec::new(kind, "", &results, None);
        scopes.push((format!("{kind:?}").to_lowercase(), Scope::View(view)));
    }
    scopes
}

/// Every scope: the tables, the brief, two entities in full (marked, and as found by a
/// search) and one's detail.
pub(crate) fn all_scopes(loaded: &Loaded) -> Vec<(String, Scope)> {
    let mut scopes = table_scopes(loaded);
    scopes.push(("briefing".into(), Scope::Briefing));
    let marked = vec![
        EntityRef::new(EntityKind::Actor, 0),
        EntityRef::new(EntityKind::Event, 0),
    ];
    scopes.push(("marked".into(), Scope::Marked(marked.clone())));
    scopes.push(("detail".into(), Scope::Detail(marked[0])));
    let found = Scope::Found {
        query: "a".into(),
        entries: marked,
    };
    scopes.push(("found".into(), found));
    scopes
}

/// The rows of a CSV or TSV export as the `csv` crate reads them, the header first.
fn read_back(text: &str, format: Format) -> Vec<Vec<String>> {
    let delimiter = if format == Format::Tsv { b'\t' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// The hostile dossier's matrix as CSV and TSV read it back: each cell as the dossier has
/// it (bidi controls made visible), a formula-looking one with its `'`.
#[rustfmt::skip]
const HOSTILE_MATRIX: &[&[&str]] = &[
    &["party_id", "party", "sticking_point_id", "sticking_point", "stance", "basis", "as_of", "sources", "summary"],
    &["minus", "'-2+3 <b onmouseover=alert(8)>", "border", "The border </td></tr></table><script>alert(12)</script>", "demands", "stated", "", "script-url", "'=cmd|' /C calc'!A0"],
    &["onload", "\" onload=\"alert(9)", "border", "The border </td></tr></table><script>alert(12)</script>", "opposes", "inferred", "", "web", "'-Against it, \"strongly\", with <em>markup</em>"],
    &["bidi", "Bidi <U+202E>evil<U+202C> <U+2066>iso<U+2069>", "border", "The border </td></tr></table><script>alert(12)</script>", "unclear", "stated", "", "", "'@unclear <U+202E>reversed"],
];

#[test]
fn csv_and_tsv_read_back_to_the_same_cells_formulas_neutralised() {
    let loaded = hostile();
    for format in [Format::Csv, Format::Tsv] {
        let (_, matrix) = &table_scopes(&loaded)[0];
        let text = render(&loaded, matrix, None, format);
        assert_eq!(
            read_back(&text, format),
            HOSTILE_MATRIX,
            "{format:?}:\n{text}"
        );
    }
    // A summary over two lines with a tab is one line; a place named "=1+1" is neutralised.
    let (_, actors) = &table_scopes(&loaded)[3];
    let rows = read_back(&render(&loaded, actors, None, Format::Csv), Format::Csv);
    assert_eq!(
        rows[1][3],
        "Line one, with a comma line two \"quoted\" and a tab"
    );
    let (_, places) = &table_scopes(&loaded)[6];
    let rows = read_back(&render(&loaded, places, None, Format::Csv), Format::Csv);
    assert_eq!(rows[1][1], "'=1+1");
}

#[test]
fn no_cell_of_any_table_reads_as_a_formula_or_breaks_its_line() {
    let loaded = hostile();
    for format in [Format::Csv, Format::Tsv] {
        for (name, scope) in table_scopes(&loaded) {
            let text = render(&loaded, &scope, None, format);
            let rows = read_back(&text, format);
            assert!(rows.len() > 1, "{name}: a header and rows");
            for row in &rows {
                assert_eq!(row.len(), rows[0].len(), "{name}: {row:?}");
                for cell in row {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{name} {format:?}: {cell:?} would be a formula"
                    );
                    assert!(!cell.contains(['\n', '\u{202e}']), "{name}: {cell:?}");
                }
            }
        }
    }
}

#[test]
fn csv_is_crlf_tsv_is_lf_and_bom_only_when_asked() {
    let loaded = builtin().unwrap();
    let (_, matrix) = &table_scopes(&loaded)[0];
    let csv = render(&loaded, matrix, None, Format::Csv);
    assert!(csv.starts_with("party_id,party,") && csv.ends_with("\r\n"));
    let tsv = render(&loaded, matrix, None, Format::Tsv);
    assert!(tsv.starts_with("party_id\tparty\t") && !tsv.contains('\r'));
    let with_bom = ExportOptions {
        bom: true,
        ..ExportOptions::new(Format::Csv, None)
    };
    assert_eq!(
        render_with(&loaded, matrix, &with_bom),
        format!("\u{feff}{csv}")
    );
    let (code, out, err) = run(&["export", "--view", "matrix", "--format", "csv", "--bom"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("\u{feff}party_id,"));
}

#[test]
fn golden_tables_of_the_lists_and_a_comparison_s_change_column() {
    let loaded = builtin().unwrap();
    for format in [Format::Csv, Format::Tsv] {
        for (name, scope) in table_scopes(&loaded).into_iter().skip(3) {
            let text = render(&loaded, &scope, None, format);
            golden(&format!("list-{name}.{}", format.extension()), &text);
        }
    }
    let old = load_path(std::path::Path::new("tests/fixtures/over-time-week2.yaml")).unwrap();
    let new = load_path(std::path::Path::new("tests/fixtures/over-time.yaml")).unwrap();
    for (name, scope) in table_scopes(&new).into_iter().take(4) {
        let options = ExportOptions {
            since: Some(&old),
            ..ExportOptions::new(Format::Csv, None)
        };
        let text = render_with(&new, &scope, &options);
        let rows = read_back(&text, Format::Csv);
        assert_eq!(rows[0].last().unwrap(), "change", "{name}");
        golden(&format!("since-{name}.csv"), &text);
    }
}

#[test]
fn tables_are_refused_for_the_brief_and_entities_in_full() {
    let (code, out, err) = run(&["export", "--all", "--format", "csv"]);
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err.trim(),
        "talks: CSV holds one table, and the brief is a document: export it as txt, md, json or html (CSV and TSV are for a list, the matrix, the timeline and the sources)"
    );
    let (code, _, err) = run(&["export", "--all", "-o", "brief.tsv"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("TSV holds one table, and the brief is a document"),
        "{err}"
    );
    let (code, _, err) = run(&["export", "--view", "actors", "--format", "csv", "--notes"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "talks: --notes does not fit in a CSV table: leave it out, or export as txt, md, json or html"
    );
    let (code, _, err) = run(&["export", "--view", "actors", "--format", "html", "--bom"]);
    assert_eq!(code, 2);
    assert_eq!(
        err.trim(),
        "talks: --bom is for CSV and TSV, and this export is HTML: leave it out"
    );
    let (code, _, err) = run(&[
        "diff",
        "data/talks.yaml",
        "data/talks.yaml",
        "--format",
        "csv",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("talks diff writes txt, md or json"), "{err}");
}

#[test]
fn the_prompt_s_format_cycle_skips_tables_for_the_brief_and_marks() {
    let cycle = |app: &mut App| {
        let mut seen = vec![app.export_prompt().unwrap().format];
        for _ in 0..6 {
            update(app, Action::CycleFormat);
            seen.push(app.export_prompt().unwrap().format);
        }
        seen
    };
    let mut app = App::new(builtin().unwrap(), Options::sized(80, 24));
    update(&mut app, Action::StartExport);
    // Text comes twice: wrapped, then a paragraph a line.
    assert_eq!(
        cycle(&mut app),
        [&[Format::Text], Format::ALL.as_slice()].concat()
    );
    update(&mut app, Action::Escape);
    update(&mut app, Action::StartBriefing);
    assert_eq!(app.mode(), Mode::Export);
    let documents = [
        Format::Text,
        Format::Text,
        Format::Markdown,
        Format::Json,
        Format::Html,
    ];
    assert_eq!(
        cycle(&mut app)[..6],
        [documents.as_slice(), &[Format::Text]].concat()
    );
    // A .csv name typed for the brief is refused in the prompt, which stays open.
    for _ in 0..40 {
        update(&mut app, Action::DeleteBack);
    }
    for c in "brief.csv".chars() {
        update(&mut app, Action::Insert(c));
    }
    update(&mut app, Action::ConfirmExport);
    assert!(app.take_effects().is_empty());
    let error = app.export_prompt().unwrap().error.clone().unwrap();
    assert_eq!(error, "no CSV of the brief: Tab for another format");
    // With marks, `e` exports the marked entities in full: no table either.
    update(&mut app, Action::Escape);
    update(&mut app, Action::ToggleMark);
    update(&mut app, Action::StartExport);
    assert!(!cycle(&mut app).contains(&Format::Tsv));
}

#[test]
fn the_config_s_csv_bom_puts_a_byte_order_mark_on_the_explorer_s_tables_only() {
    let options = Options {
        csv_bom: true,
        ..Options::sized(80, 24)
    };
    let app = App::new(builtin().unwrap(), options);
    let scope = app.export_scope();
    let csv = app.export_text(&scope, (Format::Csv, None), false);
    assert!(csv.starts_with("\u{feff}id,name,"), "{csv}");
    let html = app.export_text(&scope, (Format::Html, None), false);
    assert!(html.starts_with("<!DOCTYPE html>"));
}
