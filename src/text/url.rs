//! URLs on screen: shortened without being cut in the middle of a word, and made into
//! terminal hyperlinks (OSC 8).

use std::borrow::Cow;

use super::width::{ELLIPSIS, cut_middle, fitting_end, width};

/// The fewest columns of a path's end worth keeping after the host's `/…`.
const LEAST_END: usize = 4;

/// `url` within `max` columns. Whole when it fits; else without its scheme; else its host,
/// `/…` and as much of its end as fits, from a `/` when a whole part fits
/// (`example.com/…/2026/talks.html`); only when not even the host and a few columns of the
/// end fit, its start and end around `…`. Whole graphemes only.
pub fn shorten_url(url: &str, max: usize) -> Cow<'_, str> {
    if width(url) <= max {
        return Cow::Borrowed(url);
    }
    let bare = url.split_once("://").map_or(url, |(_, rest)| rest);
    if width(bare) <= max {
        return Cow::Borrowed(bare);
    }
    let split = bare.find(['/', '?', '#']).unwrap_or(bare.len());
    let (host, rest) = bare.split_at(split);
    let kept = width(host) + width(ELLIPSIS) + 1;
    let least = width(rest).min(LEAST_END);
    if rest.is_empty() || kept + least > max {
        return cut_middle(bare, max);
    }
    let room = max - kept;
    // The end from a `/` (kept), else whatever end of the last part fits.
    let end = rest
        .match_indices('/')
        .map(|(at, _)| at)
        .find(|&at| at > 0 && width(&rest[at..]) <= room)
        .unwrap_or_else(|| fitting_end(rest, room));
    Cow::Owned(format!("{host}/{ELLIPSIS}{}", &rest[end..]))
}

/// `url` in lines of at most `width` columns, broken only after a `/` (and between
/// graphemes where one part alone is wider than a line); the lines joined are `url`.
pub fn wrap_url(url: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for part in url.split_inclusive('/') {
        if !line.is_empty() && width_of(&line) + width_of(part) > width {
            lines.push(std::mem::take(&mut line));
        }
        let mut part = part;
        while width_of(&line) + width_of(part) > width {
            let room = width - width_of(&line);
            let cut = super::width::fitting_start(part, room).max(first_grapheme(part));
            line.push_str(&part[..cut]);
            lines.push(std::mem::take(&mut line));
            part = &part[cut..];
        }
        line.push_str(part);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn width_of(text: &str) -> usize {
    width(text)
}

/// The bytes of `text`'s first grapheme (so that a cut always moves on).
fn first_grapheme(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    text.graphemes(true).next().map_or(0, str::len)
}

/// Whether `url` may become a terminal hyperlink: `http` and `https` only.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// `url` as a hyperlink's target may carry it: every byte outside printable ASCII, and the
/// space, percent-encoded (so that no control or escape reaches the terminal).
pub fn percent_encoded(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for byte in url.bytes() {
        if byte.is_ascii_graphic() {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The OSC 8 sequence that starts a hyperlink to `url` (already percent-encoded), and the
/// one that ends it.
pub fn hyperlink_marks(encoded: &str) -> (String, &'static str) {
    (format!("\x1b]8;;{encoded}\x1b\\"), "\x1b]8;;\x1b\\")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    const LONG: &str = "https://example.com/news/2026/12/08/talks.html";

    #[test]
    fn a_url_keeps_its_host_and_its_end() {
        assert_eq!(shorten_url(LONG, 60), LONG);
        assert_eq!(
            shorten_url(LONG, 38),
            "example.com/news/2026/12/08/talks.html"
        );
        assert_eq!(shorten_url(LONG, 30), "example.com/…/12/08/talks.html");
        assert_eq!(shorten_url(LONG, 24), "example.com/…/talks.html");
        assert_eq!(shorten_url(LONG, 20), "example.com/…ks.html");
        assert_eq!(shorten_url(LONG, 12), "exampl….html");
        assert_eq!(shorten_url("https://example.com", 11), "example.com");
        assert_eq!(shorten_url("https://example.com", 8), "exam…com");
        assert_eq!(shorten_url(LONG, 0), "");
    }

    #[test]
    fn only_web_urls_are_links_and_their_targets_are_encoded() {
        assert!(is_web_link("https://example.com"));
        assert!(is_web_link("HTTP://example.com"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("file:///etc/passwd"));
        assert!(!is_web_link("http"));
        assert_eq!(
            percent_encoded("https://ex.com/a b\x1b]\u{7}/é"),
            "https://ex.com/a%20b%1B]%07/%C3%A9"
        );
        let (start, end) = hyperlink_marks("https://ex.com/");
        assert_eq!(start, "\x1b]8;;https://ex.com/\x1b\\");
        assert_eq!(end, "\x1b]8;;\x1b\\");
    }

    #[test]
    fn a_url_wraps_after_its_slashes() {
        assert_eq!(
            wrap_url(LONG, 24),
            ["https://example.com/", "news/2026/12/08/", "talks.html"]
        );
        assert_eq!(
            wrap_url("https://ex.com/averyveryverylongpart", 12).concat(),
            "https://ex.com/averyveryverylongpart"
        );
        assert_eq!(wrap_url("", 10), [""]);
    }

    fn whole_graphemes_of(shown: &str, url: &str) -> bool {
        let graphemes: Vec<&str> = url.graphemes(true).collect();
        shown
            .graphemes(true)
            .all(|g| g == ELLIPSIS || graphemes.contains(&g))
    }

    proptest! {
        #[test]
        fn a_shortened_url_fits_keeps_its_host_when_it_can_and_whole_graphemes(
            host in "[a-z]{1,12}\\.(com|org|基辅)",
            parts in proptest::collection::vec("[a-z0-9é👩\u{301}基-]{0,9}", 0..6),
            max in 0usize..70,
        ) {
            let url = format!("https://{host}/{}", parts.join("/"));
            let shown = shorten_url(&url, max);
            prop_assert!(width(&shown) <= max, "{shown:?} wider than {max}");
            prop_assert!(whole_graphemes_of(&shown, &url), "{shown:?} of {url:?}");
            if width(&host) + 2 + LEAST_END <= max {
                prop_assert!(shown.contains(&host), "{shown:?} lost {host:?}");
            }
            if width(&url) <= max {
                prop_assert_eq!(shown.as_ref(), url.as_str());
            }
        }

        #[test]
        fn a_wrapped_url_is_whole_and_each_line_fits(
            parts in proptest::collection::vec("[a-z0-9é👩基-]{0,14}", 0..6),
            width in 2usize..40,
        ) {
            let url = format!("https://example.org/{}", parts.join("/"));
            let lines = wrap_url(&url, width);
            prop_assert_eq!(lines.concat(), url.clone());
            for line in &lines {
                prop_assert!(width_of(line) <= width, "{line:?} wider than {width}");
            }
            // Every line but the last ends at a slash unless a part was too wide.
            for pair in lines.windows(2) {
                let part_too_wide = url.split('/').any(|p| width_of(p) + 1 > width);
                prop_assert!(pair[0].ends_with('/') || part_too_wide, "{lines:?}");
            }
        }
    }
}
