//! `talks filter` is a drop-in for `fzf --filter` (issue #15): for fzf's extended syntax it
//! selects the same lines, byte for byte, with the same exit codes (the order may differ:
//! the scorers differ). The fzf compared with is `TALKS_TEST_FZF` when set (`.ci/run` sets
//! it to the fzf it installs, pinned as `FZF_VERSION` there), else `fzf` on the PATH.

use std::ffi::OsString;
use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::cannot_run_without;

/// The lines each tool prints for `query` on `input`, sorted, and its exit code.
fn selected(program: &mut Command, query: &str, input: &[u8]) -> (Vec<Vec<u8>>, Option<i32>) {
    let mut child = program
        .arg(query)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    let mut lines: Vec<Vec<u8>> = output
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(<[u8]>::to_vec)
        .collect();
    lines.sort();
    (lines, output.status.code())
}

fn talks(query: &str, input: &[u8]) -> (Vec<Vec<u8>>, Option<i32>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_talks"));
    selected(command.arg("filter"), query, input)
}

/// fzf's extended syntax, the cases where a rule could go either way.
const QUERIES: &[&str] = &[
    "nato",
    "NATO",
    "cafe",
    "café",
    "CAFÉ",
    "usr",
    "USR",
    "zoe",
    "^kyi",
    "talks$",
    "'nato !russia",
    "nato | kyiv",
    "!a",
    "sao paulo",
    "'São",
    "Mull",
    "^'",
    "kyiv$",
    "z",
    "'",
    "^",
    "!",
    "$",
    "|",
    "a |",
    "| a",
    "!'x",
    "^$",
    "^exact$",
    "^indented",
    "trailing$",
    "foo\\ bar",
    "'foo\\ bar",
    "!nato !russia",
    "'exact$",
    "^ind | ^tra",
    "!'ukra",
    "kyïv",
    "KYÏV",
    "$5",
    "zzzzqqq",
    "tab\tinside",
    "^ 'x",
    "'Zoë",
    "saldana",
    "ÇA",
];

fn shared_input() -> Vec<u8> {
    let mut input = std::fs::read("data/talks.yaml").unwrap();
    input.extend(std::fs::read("README.md").unwrap());
    input.extend(
        "Café Müller\nCAFÉ noir\nnaïve approach\n/usr/bin/env\nUSR/local/share\nusr\tlib tab\n\
         Zoë Saldaña\nSão Paulo talks\nKYIV\nkyïv\n  indented line\ntrailing   \nexact\n\
         exactly\n|pipe|\nprice $5\nfoo bar\nfoo  bar\nça va\ntab\tinside here\n"
            .as_bytes(),
    );
    input
}

/// The fzf to compare with and its version, or `None` when there is none.
fn fzf() -> Option<(OsString, String)> {
    let program = std::env::var_os("TALKS_TEST_FZF").unwrap_or_else(|| "fzf".into());
    let output = Command::new(&program).arg("--version").output().ok()?;
    let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    output.status.success().then_some((program, version))
}

#[test]
fn the_same_lines_and_exit_codes_as_fzf_filter() {
    let Some((program, version)) = fzf() else {
        cannot_run_without("fzf to compare with (`.ci/run` installs it; or set TALKS_TEST_FZF)");
        return;
    };
    let input = shared_input();
    let mut differ = Vec::new();
    for query in QUERIES {
        let fzf = selected(Command::new(&program).arg("--filter"), query, &input);
        let ours = talks(query, &input);
        if fzf != ours {
            differ.push(format!(
                "{query:?}: fzf {} lines, exit {:?}; talks {} lines, exit {:?}",
                fzf.0.len(),
                fzf.1,
                ours.0.len(),
                ours.1
            ));
        }
    }
    assert!(differ.is_empty(), "fzf {version}: {differ:#?}");
}

/// The rules themselves, without fzf: never skipped.
#[test]
fn fzf_rules_select_these_lines() {
    let input = "Café Müller\ncafe noir\n  indented\ntrailing  \nexact\nexactly\n|pipe|\n\
                 foo bar\nNATO summit\nnegotiators\n";
    let cases: &[(&str, &[&str], i32)] = &[
        ("café", &["Café Müller"], 0),
        ("cafe", &["Café Müller", "cafe noir"], 0),
        ("NATO", &["NATO summit"], 0),
        ("^indented", &["  indented"], 0),
        ("trailing$", &["trailing  "], 0),
        ("^exact$", &["exact"], 0),
        ("|", &["|pipe|"], 0),
        ("foo\\ bar", &["foo bar"], 0),
        ("'xact !'ly", &["exact"], 0),
        (
            "!'nto",
            &[
                "Café Müller",
                "cafe noir",
                "  indented",
                "trailing  ",
                "exact",
                "exactly",
                "|pipe|",
                "foo bar",
            ],
            0,
        ),
        ("^zzz", &[], 1),
    ];
    for &(query, lines, code) in cases {
        let (got, status) = talks(query, input.as_bytes());
        let mut want: Vec<Vec<u8>> = lines.iter().map(|l| l.as_bytes().to_vec()).collect();
        want.sort();
        let shown: Vec<String> = got
            .iter()
            .map(|l| String::from_utf8_lossy(l).into())
            .collect();
        assert_eq!(got, want, "{query:?} selected {shown:?}");
        assert_eq!(status, Some(code), "{query:?}");
    }
}
