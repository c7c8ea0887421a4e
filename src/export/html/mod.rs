//! HTML: one self-contained page (its CSS inline, no script, nothing fetched: a Content
//! Security Policy says so to the browser), one `h1`, the parts under `h2`, real tables for
//! the matrix and the lists of positions, one bibliography with links. Written with maud,
//! which escapes every value spliced in: dossier text can only ever be text. Only `http`
//! and `https` addresses become links; any other is shown as text.

mod brief;
mod entity;
mod extras;
mod pages;
mod style;

use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::bibliography::Bibliography;
use super::{ExportOptions, Scope, ViewSpec, describe};
use crate::detail::detail;
use crate::model::{EntityRef, Loaded};
use crate::text::sanitize_line;

/// Dossier text as shown: control, bidi and invisible characters made visible, as in every
/// other export (maud escapes what is markup).
fn t(text: &str) -> String {
    sanitize_line(text).into_owned()
}

/// Whether `url` may be a link's target: an `http` or `https` address with no control
/// character or space in it.
fn is_web(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("http://") || lower.starts_with("https://");
    web && !url.chars().any(|c| c.is_control() || c.is_whitespace()) && sanitize_line(url) == url
}

/// An address: a link when it is a web address, else text.
fn address(url: &str) -> Markup {
    let url = url.trim();
    html! {
        @if is_web(url) {
            a.url href=(url) { (url) }
        } @else {
            span.url { (t(url)) }
        }
    }
}

/// A heading of `level` (1 to 6).
fn heading(level: usize, content: Markup) -> Markup {
    match level {
        1 => html! { h1 { (content) } },
        2 => html! { h2 { (content) } },
        3 => html! { h3 { (content) } },
        4 => html! { h4 { (content) } },
        5 => html! { h5 { (content) } },
        _ => html! { h6 { (content) } },
    }
}

/// `[n]`, a link to the bibliography's entry `n`.
fn cite(n: usize) -> Markup {
    html! { a.cite href={ "#source-" (n) } { "[" (n) "]" } }
}

/// What every part of one HTML export needs: the dossier, the options and the sources
/// cited so far.
struct Doc<'a> {
    loaded: &'a Loaded,
    exported_at: Option<&'a str>,
    brief: bool,
    bib: Bibliography,
}

impl Doc<'_> {
    /// The title as the page's one `h1`, then the dossier, `fields` and the export time.
    fn header(&self, fields: &[(&str, String)]) -> Markup {
        let dossier = std::iter::once(("Dossier", self.loaded.name.clone()));
        let stamp = self.exported_at.map(|at| ("Exported", at.to_string()));
        let all: Vec<(&str, String)> = dossier.chain(fields.iter().cloned()).chain(stamp).collect();
        html! {
            header {
                h1 { (t(&self.loaded.dossier.title)) }
                dl.facts {
                    @for (label, value) in &all {
                        dt { (label) } dd { (t(value)) }
                    }
                }
            }
        }
    }

    /// `entity` in full under a heading of `level`.
    fn entity(&mut self, entity: EntityRef, level: usize) -> Markup {
        let shown = detail(&self.loaded.dossier, &self.loaded.index, entity);
        entity::detail_html(&shown, level, &mut self.bib)
    }

    /// The sources cited, as a numbered list under a heading; nothing when none is.
    fn bibliography(&self) -> Markup {
        if self.bib.is_empty() {
            return html! {};
        }
        html! {
            section.bibliography {
                h2 { "Sources" }
                ol {
                    @for (n, entry) in self.bib.entries(self.loaded) {
                        li id={ "source-" (n) } value=(n) {
                            cite { (t(entry.title)) } " — " (t(&entry.facts))
                            @if let Some(url) = entry.url { " " (address(url)) }
                            @if let Some(note) = entry.note { p.note { (t(note)) } }
                        }
                    }
                }
            }
        }
    }
}

/// `scope` as one HTML page.
pub(super) fn render(loaded: &Loaded, scope: &Scope, options: &ExportOptions) -> String {
    let mut doc = Doc {
        loaded,
        exported_at: options.exported_at,
        brief: options.brief,
        bib: Bibliography::default(),
    };
    let body = match scope {
        Scope::View(spec) => view(&mut doc, spec),
        Scope::Briefing => brief::brief(&mut doc, options),
        Scope::Matrix { query, matrix } => pages::matrix(&mut doc, query, matrix),
        Scope::Timeline { query, timeline } => pages::timeline(&mut doc, query, timeline),
        Scope::Sources { query, sources } => pages::sources(&doc, query, sources),
        Scope::Marked(entities) => in_full(&mut doc, &describe::marked_fields(entities), entities),
        Scope::Detail(entity) => in_full(
            &mut doc,
            &describe::detail_fields(loaded, *entity),
            &[*entity],
        ),
        Scope::Found { query, entries } => found(&mut doc, query, entries),
    };
    // The brief places its notes and what moved itself.
    let extras = match scope {
        Scope::Briefing => html! {},
        _ => extras::after(loaded, scope, options),
    };
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(style::POLICY);
                title { (t(&loaded.dossier.title)) }
                style { (PreEscaped(style::CSS)) }
            }
            body { main { (body) (extras) (doc.bibliography()) } }
        }
    };
    lines(&page.into_string())
}

/// The tags a line ends after, so that a diff of two exports shows what changed.
const LINE_ENDS: [&str; 21] = [
    "</h1>",
    "</h2>",
    "</h3>",
    "</h4>",
    "</h5>",
    "</h6>",
    "</p>",
    "</li>",
    "</tr>",
    "<tbody>",
    "</thead>",
    "</tbody>",
    "</table>",
    "</ul>",
    "</ol>",
    "</section>",
    "</header>",
    "</dd>",
    "</blockquote>",
    "</head>",
    "<main>",
];

/// `page` with a line break after each of [`LINE_ENDS`]: maud wrote every dossier text
/// escaped, so a `<` in the page begins a tag, and these can only be tags.
fn lines(page: &str) -> String {
    let mut out = page.to_string();
    for end in LINE_ENDS {
        out = out.replace(end, &format!("{end}\n"));
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Entities (marked, shown or found), each in full under its heading, after a header of
/// `fields`.
fn in_full(doc: &mut Doc, fields: &[(&str, String)], entities: &[EntityRef]) -> Markup {
    let header = doc.header(fields);
    let shown: Vec<Markup> = entities.iter().map(|&e| doc.entity(e, 2)).collect();
    html! { (header) @for entity in shown { (entity) } }
}

/// A view: the list's entries numbered, the selected one marked, then every entry in full
/// (only the selected one when brief).
fn view(doc: &mut Doc, view: &ViewSpec) -> Markup {
    let d = &doc.loaded.dossier;
    let header = doc.header(&[("List", describe::list(doc.loaded, view))]);
    let list = html! {
        h2 { (view.list.plural_title()) }
        @if view.entries.is_empty() { p { "No entries." } }
        ol.entries {
            @for &entity in &view.entries {
                li {
                    strong { (t(d.name_of(entity))) } " — " (t(&d.fact_of(entity)))
                    @if view.selected == Some(entity) {
                        " " em.selected { (describe::SELECTED.trim()) }
                    }
                }
            }
        }
    };
    let full: Vec<EntityRef> = if doc.brief {
        view.selected.into_iter().collect()
    } else {
        view.entries.clone()
    };
    let shown: Vec<Markup> = full.into_iter().map(|e| doc.entity(e, 3)).collect();
    let none_selected = doc.brief && view.selected.is_none();
    html! {
        (header) (list)
        @for entity in shown { (entity) }
        @if none_selected { p { "No entry selected." } }
    }
}

/// What a search found: the hits numbered best first with their kind, then each in full.
fn found(doc: &mut Doc, query: &str, entries: &[EntityRef]) -> Markup {
    let d = &doc.loaded.dossier;
    let header = doc.header(&describe::found_fields(query, entries));
    let list = html! {
        h2 { "Found" }
        @if entries.is_empty() { p { "Nothing." } }
        ol.entries {
            @for &entity in entries {
                li {
                    strong { (t(d.name_of(entity))) } " (" (entity.kind.noun()) ") — "
                    (t(&d.fact_of(entity)))
                }
            }
        }
    };
    let shown: Vec<Markup> = entries.iter().map(|&e| doc.entity(e, 3)).collect();
    html! { (header) (list) @for entity in shown { (entity) } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web("https://example.org/a?b=c"));
        assert!(is_web("HTTP://example.org"));
        assert!(!is_web("javascript:alert(1)"));
        assert!(!is_web("https://example.org/\u{202e}evil"));
        assert!(!is_web("https://exa mple.org"));
        assert!(!is_web("data:text/html,<script>"));
        let shown = address("javascript:alert(1)").into_string();
        assert_eq!(shown, "<span class=\"url\">javascript:alert(1)</span>");
        let shown = address("https://e.org/\"><script>").into_string();
        assert!(
            shown.starts_with("<a class=\"url\" href=\"https://e.org/&quot;&gt;&lt;script&gt;\">")
        );
    }
}
