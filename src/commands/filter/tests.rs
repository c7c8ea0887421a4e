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
