use super::FilterOptions;

fn options(query: &str, typos: bool) -> FilterOptions {
    FilterOptions {
        query: query.into(),
        typos,
        to_terminal: true,
        ..FilterOptions::default()
    }
}

fn filter(input: &str, query: &str, typos: bool) -> String {
    let mut out = Vec::new();
    super::run(&mut out, input.as_bytes(), &options(query, typos))
        .unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8(out).unwrap_or_default()
}

#[test]
fn prints_matching_lines_best_first() {
    let input = "Geneva talks\nceasefire in Kherson\ntalks in Geneva resumed\nnothing\n";
    assert_eq!(
        filter(input, "geneva", false),
        "Geneva talks\ntalks in Geneva resumed\n"
    );
    let out = filter("a\u{1b}]52;c;x\u{7}b\n", "ab", false);
    assert!(!out.contains('\u{1b}'), "control characters are escaped");
}

#[test]
fn follows_fzf_subsequences_smart_case_and_diacritics() {
    let input = "Negotiators in Florida\nNATO\nZoë Müller\nnato summit\n";
    assert_eq!(
        filter(input, "nato", false),
        "NATO\nnato summit\nNegotiators in Florida\n",
        "fzf's order: equal scores, the shorter line first"
    );
    assert_eq!(
        filter(input, "NATO", false),
        "NATO\n",
        "upper case respects case"
    );
    assert_eq!(filter(input, "zoe muller", false), "Zoë Müller\n");
    assert_eq!(
        filter(input, "!nato", false),
        "Negotiators in Florida\nZoë Müller\n"
    );
    assert_eq!(
        filter(input, "^zo | summit$", false),
        "nato summit\nZoë Müller\n"
    );
}

#[test]
fn bad_bytes_do_not_stop_the_other_lines() {
    let mut out = Vec::new();
    let input: &[u8] = b"a\xffb nato\r\nnato ok\n";
    let code =
        super::run(&mut out, input, &options("nato", false)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, std::process::ExitCode::SUCCESS);
    assert_eq!(String::from_utf8_lossy(&out), "nato ok\na\u{fffd}b nato\n");
    let code = super::run(&mut Vec::new(), input, &options("xyz", false))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, std::process::ExitCode::from(1));
}

/// To a pipe, lines go as they came: tabs, invalid UTF-8 and control characters kept;
/// `--read0`/`--print0` and `--limit`.
#[test]
fn to_a_pipe_lines_go_unchanged_and_records_may_end_with_nul() {
    let piped = FilterOptions {
        to_terminal: false,
        ..options("nato", false)
    };
    let input: &[u8] = b"a\xffb\tnato\x1b[1m\r\nother\n";
    let mut out = Vec::new();
    super::run(&mut out, input, &piped).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out, b"a\xffb\tnato\x1b[1m\n");
    let nul = FilterOptions {
        read0: true,
        print0: true,
        limit: Some(1),
        ..piped
    };
    let mut out = Vec::new();
    super::run(&mut out, &b"nato one\nline two\0x\0nato\0"[..], &nul)
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out, b"nato\0", "the best one only");
}

#[test]
fn typos_only_when_asked() {
    let input = "Witkoff meets Putin\nUmerov in Florida\n";
    assert_eq!(filter(input, "umarov", false), "");
    assert_eq!(filter(input, "umarov", true), "Umerov in Florida\n");
}

#[test]
fn a_limit_keeps_the_best_in_fzf_s_order_across_batches() {
    // Lines for many batches (of 4 KiB in tests), with many equal scores (ties: the shorter line,
    // then input order), lines kept by a negation only, and a CR before some ends.
    let mut input = String::new();
    for i in 0..20_000 {
        let pad = "x".repeat(i % 7);
        let end = if i % 5 == 0 { "\r\n" } else { "\n" };
        input.push_str(&format!("{pad}talks {i} in gen{} eva{end}", i % 3));
    }
    let run = |query: &str, limit: Option<usize>| {
        let mut out = Vec::new();
        let options = FilterOptions {
            limit,
            ..options(query, false)
        };
        super::run(&mut out, input.as_bytes(), &options).unwrap_or_else(|e| panic!("{e}"));
        String::from_utf8(out).unwrap_or_default()
    };
    for query in ["geneva", "gen1", "!gen2", "'talks 1 | eva$"] {
        let every = run(query, None);
        assert!(every.lines().count() > 600, "{query}");
        for limit in [1, 7, 500, 30_000] {
            let best: Vec<&str> = every.lines().take(limit).collect();
            let limited = run(query, Some(limit));
            assert_eq!(limited.lines().collect::<Vec<_>>(), best, "{query} {limit}");
        }
    }
}

#[test]
fn folding_by_runs_gives_what_folding_the_whole_line_does() {
    use unicode_normalization::UnicodeNormalization;
    use unicode_normalization::char::is_combining_mark;
    let whole = |text: &str| -> String { text.nfd().filter(|c| !is_combining_mark(*c)).collect() };
    for text in [
        "Café — Zaporizhzhia, Ἀθῆναι",
        "e\u{301}\u{323}x\u{323}\u{301} ñ Å",
        "\u{301}leading mark, a trailing one\u{308}",
        "한국어 ﬁ ½ Ǆ and ǅ, Ω Å",
        "only ascii",
        "—",
    ] {
        assert_eq!(super::query::fold(text), whole(text), "{text}");
    }
}

#[test]
fn lines_folded_and_lowered_by_runs_as_whole() {
    for text in [
        "Café — ZAPORIZHZHIA, Ἀθῆναι",
        "E\u{301}\u{323}X ÑÅ İstanbul",
        "ΟΔΟΣ Σ and σ: the sigma's context",
        "ONLY ASCII",
    ] {
        let whole = super::query::fold(text).to_lowercase();
        assert_eq!(super::matcher::folded_lower(text), whole, "{text}");
    }
}
