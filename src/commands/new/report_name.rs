//! The file name of a folder dossier's next report: `NN-slug.yaml`, sorting after the
//! folder's last file (file-name order is the order of reports).

/// The next report's number: one more than the last file's leading number, as wide; else
/// the number of files plus one, two digits wide.
pub(super) fn next_number(last: &str, files: usize) -> String {
    let digits: String = last.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u64>() {
        Ok(n) => format!("{:0width$}", n.saturating_add(1), width = digits.len()),
        Err(_) => format!("{:02}", files.saturating_add(1)),
    }
}

/// The new file's name: `given` (`--name`), checked, or `NUMBER-slug.yaml` (the slug from
/// the title, else the date); it must sort after `last`, the folder's last file.
pub(super) fn name(
    given: Option<&str>,
    last: &str,
    number: &str,
    title: Option<&str>,
    date: &str,
) -> Result<String, String> {
    let made = format!("{number}-{}.yaml", slug(title.unwrap_or(date)));
    let Some(given) = given else {
        return if made.as_str() > last {
            Ok(made)
        } else {
            Err(format!(
                "the next report's name, {made}, would not sort after {last}, the folder's \
                 last file (reports are read in file-name order): give --name FILE with a \
                 name that does"
            ))
        };
    };
    let shown = crate::text::sanitize_line(given);
    if given.contains(['/', '\\']) {
        return Err(format!(
            "--name {shown}: give a file name without a folder (the report goes in -d DIR)"
        ));
    }
    if given.starts_with('.') {
        return Err(format!(
            "--name {shown}: a name that starts with a dot is hidden, and the folder does not \
             read it; give one such as {made}"
        ));
    }
    if !crate::model::folder::is_dossier_file_name(given) {
        return Err(format!(
            "--name {shown}: a report's name ends in .yaml or .yml, and not in .notes.yaml \
             (the folder reads only those)"
        ));
    }
    if given == last {
        return Err(format!(
            "--name {shown}: the folder has a file of that name already; give one that sorts \
             after it (e.g. {made})"
        ));
    }
    if given <= last {
        return Err(format!(
            "--name {shown} would not sort after {last}, the folder's last file: reports are \
             read in file-name order, so the new one's name sorts last (e.g. {made})"
        ));
    }
    Ok(given.to_string())
}

/// Lowercase letters and digits, words joined by `-`, at most 40 characters.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut cut: String = slug.chars().take(40).collect();
    if cut.chars().count() < slug.chars().count()
        && let Some(at) = cut.rfind('-')
    {
        cut.truncate(at);
    }
    let cut = cut.trim_matches('-');
    if cut.is_empty() {
        "report".into()
    } else {
        cut.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_number_follows_the_last_file_s() {
        assert_eq!(next_number("03-third-report.yaml", 3), "04");
        assert_eq!(next_number("009-x.yaml", 9), "010");
        assert_eq!(next_number("99-x.yaml", 9), "100");
        assert_eq!(next_number("alpha.yaml", 2), "03");
    }

    #[test]
    fn a_slug_keeps_words_and_drops_the_rest() {
        assert_eq!(
            slug("Fourth weekly report: Ostra!"),
            "fourth-weekly-report-ostra"
        );
        assert_eq!(slug("2031-03-23"), "2031-03-23");
        assert_eq!(slug("??"), "report");
        let long = slug(&"word ".repeat(20));
        assert!(long.len() <= 40 && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn a_name_must_sort_last() {
        let last = "03-third.yaml";
        let made = name(None, last, "04", Some("Fourth"), "2031");
        assert_eq!(made, Ok("04-fourth.yaml".into()));
        assert_eq!(
            name(None, "zz.yaml", "03", None, "2031"),
            Err(
                "the next report's name, 03-2031.yaml, would not sort after zz.yaml, the folder's \
             last file (reports are read in file-name order): give --name FILE with a name \
             that does"
                    .into()
            )
        );
        let err = name(Some("02-x.yaml"), last, "04", None, "2031").unwrap_err();
        assert!(
            err.starts_with("--name 02-x.yaml would not sort after 03-third.yaml"),
            "{err}"
        );
        let err = name(Some("05.txt"), last, "04", None, "2031").unwrap_err();
        assert!(err.contains("ends in .yaml or .yml"), "{err}");
        let err = name(Some("sub/05.yaml"), last, "04", None, "2031").unwrap_err();
        assert!(err.contains("without a folder"), "{err}");
    }
}
