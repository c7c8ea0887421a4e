//! The page's own CSS, inline: readable on screen, in print and in grey (every stance is a
//! symbol as well as a colour), and what the browser may load: nothing but this style.

/// The Content Security Policy: no script, no fetch, no image, only the inline style.
pub(super) const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'";

/// The style sheet; no `<` in it, so it cannot close its element.
pub(super) const CSS: &str = "
:root { color-scheme: light; }
body { font: 16px/1.5 system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; }
h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4, h5, h6 { font-size: 1rem; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0 1rem; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #eee; }
td.stance { text-align: center; font-family: ui-monospace, monospace; white-space: nowrap; }
.stance-supports { background: #d8f0d8; }
.stance-opposes { background: #f6d5d5; }
.stance-demands { background: #fbe8c8; }
.stance-conditional { background: #dde6f6; }
.stance-unclear, .stance-other { background: #ececec; }
.stance-none { color: #888; }
.inferred { font-style: italic; }
blockquote { margin: 0.5rem 0 1rem; padding-left: 1rem; border-left: 3px solid #999; }
blockquote footer { font-size: 0.95rem; }
.url { overflow-wrap: anywhere; }
.muted, .legend { color: #555; }
.notes { border: 1px dashed #999; padding: 0 1rem; }
a { color: #0645ad; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  a.url::after { content: none; }
  table, blockquote, li { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  th, td { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

#[cfg(test)]
mod tests {
    #[test]
    fn the_style_cannot_close_its_element() {
        assert!(!super::CSS.contains('<'));
    }
}
