//! HTML exports (#29) parsed by a real HTML5 parser (scraper, html5ever): one page, one h1,
//! tables, nothing fetched, and a hostile dossier's strings only ever as text.

use crate::common::{golden, run};
use crate::formats::{STAMP, all_scopes, hostile, table_scopes};
use scraper::{Html, Selector};
use talks::export::{ExportOptions, Format, render, render_with};
use talks::model::{builtin, load_path};

/// The parsed page and its text.
fn parsed(html: &str) -> Html {
    let document = Html::parse_document(html);
    assert!(document.errors.is_empty(), "{:?}", document.errors);
    document
}

fn count(document: &Html, selector: &str) -> usize {
    document.select(&Selector::parse(selector).unwrap()).count()
}

#[test]
fn html_is_one_page_one_h1_with_tables_and_nothing_fetched() {
    let loaded = builtin().unwrap();
    for (name, scope) in all_scopes(&loaded) {
        let page = render(&loaded, &scope, Some(STAMP), Format::Html);
        let document = parsed(&page);
        assert_eq!(count(&document, "h1"), 1, "{name}");
        assert_eq!(count(&document, "style"), 1, "{name}");
        for fetches in [
            "script", "link", "img", "iframe", "object", "embed", "[src]",
        ] {
            assert_eq!(count(&document, fetches), 0, "{name}: {fetches}");
        }
        let policy = "meta[http-equiv=Content-Security-Policy][content^=\"default-src 'none'\"]";
        assert_eq!(count(&document, policy), 1, "{name}");
        if matches!(name.as_str(), "matrix" | "briefing") {
            assert_eq!(count(&document, "table.matrix"), 1, "{name}");
            assert_eq!(count(&document, "table.matrix tbody tr"), 6, "{name}");
            assert_eq!(count(&document, "table.matrix thead th"), 8, "{name}");
        }
        if name == "marked" {
            golden("marked.html", &page);
        }
        if name == "matrix" {
            assert_eq!(count(&document, "td.stance-supports"), 8, "{page}");
            assert_eq!(count(&document, "table.positions tbody tr"), 21);
        }
    }
}

/// What the HTML export writes and nothing else: a dossier's markup would add to these.
#[rustfmt::skip]
const OUR_TAGS: &[&str] = &[
    "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "h3",
    "h4", "h5", "h6", "dl", "dt", "dd", "section", "p", "ul", "ol", "li", "strong", "em",
    "span", "a", "cite", "table", "thead", "tbody", "tr", "th", "td", "blockquote",
    "footer", "br",
];
#[rustfmt::skip]
const OUR_ATTRIBUTES: &[&str] = &[
    "lang", "charset", "name", "content", "http-equiv", "class", "href", "id", "value",
    "scope", "title", "style",
];

/// Fails unless every element and attribute of `document` is one the export writes, and
/// every link a web address or a bibliography entry.
pub(crate) fn assert_only_our_markup(name: &str, document: &Html) {
    for element in document.select(&Selector::parse("*").unwrap()) {
        let element = element.value();
        assert!(
            OUR_TAGS.contains(&element.name()),
            "{name}: <{}>",
            element.name()
        );
        for (attribute, value) in element.attrs() {
            assert!(
                OUR_ATTRIBUTES.contains(&attribute),
                "{name}: {attribute}={value}"
            );
            if attribute == "style" {
                let colour = value.strip_prefix("background-color: #");
                let ours = colour
                    .is_some_and(|c| c.len() == 6 && c.chars().all(|c| c.is_ascii_hexdigit()));
                assert!(ours, "{name}: style={value}");
            }
            if attribute == "href" {
                let web = value.starts_with("https://") || value.starts_with("http://");
                assert!(web || value.starts_with("#source-"), "{name}: href={value}");
            }
        }
    }
}

#[test]
fn a_hostile_dossier_s_strings_stay_text_in_html() {
    let loaded = hostile();
    for (name, scope) in all_scopes(&loaded) {
        let page = render(&loaded, &scope, None, Format::Html);
        let document = parsed(&page);
        assert_only_our_markup(&name, &document);
        assert_eq!(count(&document, "h1"), 1, "{name}");
        assert_eq!(count(&document, "em:not([class])"), 0, "{name}: {page}");
        assert!(
            !page.contains(['\u{202e}', '\u{2066}', '\r']),
            "{name}: bidi made visible"
        );
        let title = document
            .select(&Selector::parse("title").unwrap())
            .next()
            .unwrap();
        assert_eq!(
            title.text().collect::<String>(),
            "Talks <script>alert('title')</script> </style><b>bold</b>"
        );
        let text: String = document.root_element().text().collect();
        if name == "sources" {
            for shown in [
                "javascript:alert(4)",
                "data:text/html,<script>alert(6)</script>",
                "</style><script>alert(5)</script>",
                "Actor: \" onload=\"alert(9)",
            ] {
                assert!(text.contains(shown), "{name}: {shown} as text");
            }
            let links: Vec<&str> = (document.select(&Selector::parse("a[href]").unwrap()))
                .map(|a| a.value().attr("href").unwrap())
                .collect();
            assert_eq!(
                links,
                ["https://example.org/report?a=1&b=\"><script>alert(7)</script>"]
            );
        }
        if name == "briefing" {
            for shown in [
                "<em>markup</em>",
                "<img src=x onerror=alert(1)>",
                "<iframe src=",
            ] {
                assert!(text.contains(shown), "{name}: {shown} as text");
            }
        }
    }
}

#[test]
fn html_from_the_cli_by_its_extension_as_the_explorer_writes_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("matrix.html");
    let path_text = path.to_str().unwrap();
    let (code, _, err) = run(&[
        "export",
        "--view",
        "matrix",
        "-o",
        path_text,
        "--no-timestamp",
    ]);
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&path).unwrap();
    let loaded = builtin().unwrap();
    let (_, matrix) = &table_scopes(&loaded)[0];
    assert_eq!(written, render(&loaded, matrix, None, Format::Html));
    let (code, _, err) = run(&[
        "export", "--view", "matrix", "-o", path_text, "--format", "csv",
    ]);
    assert_eq!(code, 2);
    assert!(
        err.contains("is a .html file by its name but --format csv was given"),
        "{err}"
    );
}

#[test]
fn html_notes_and_changes_are_sections() {
    let old = load_path(std::path::Path::new("tests/fixtures/over-time-week2.yaml")).unwrap();
    let new = load_path(std::path::Path::new("tests/fixtures/over-time.yaml")).unwrap();
    let mut notes = talks::notes::Notes::new();
    notes.set_note("third-round", "Ostra <b>joined</b> at last.");
    let (_, timeline) = &table_scopes(&new)[1];
    let options = ExportOptions {
        notes: Some(&notes),
        since: Some(&old),
        ..ExportOptions::new(Format::Html, Some(STAMP))
    };
    let page = render_with(&new, timeline, &options);
    golden("since-notes-timeline.html", &page);
    let document = parsed(&page);
    assert_eq!(count(&document, "h1"), 1);
    assert_eq!(count(&document, "b"), 0);
    assert_eq!(count(&document, "main > section.notes > h2"), 1);
    assert_eq!(count(&document, "main > section.changes > h2"), 1);
    let text: String = document.root_element().text().collect();
    assert!(text.contains("Ostra <b>joined</b> at last."));
    assert!(text.contains("What moved since tests/fixtures/over-time-week2.yaml"));
}
