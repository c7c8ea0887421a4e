//! The command line as a script or a person uses it.

use crate::common;
use crate::common::run;
use serde_json::Value;

fn json(args: &[&str]) -> Value {
    let (code, out, err) = run(args);
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

#[test]
fn validate_the_builtin_dossier() {
    let (code, out, err) = run(&["validate"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "data/talks.yaml (built in): valid: 15 actors, 13 events, 7 sticking points, 7 places, 1 source\n"
    );
    let (code, out, _) = run(&["validate", "data/talks.yaml"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("data/talks.yaml: valid:"));
}

#[test]
fn list_in_text_and_json() {
    let (code, out, _) = run(&["list", "sticking-points"]);
    assert_eq!(code, 0);
    assert!(
        out.lines().any(|l| l.starts_with("nato-membership")
            && l.contains("Ukraine's NATO membership")
            && l.ends_with("disputed · alliance")),
        "{out}"
    );
    let actors = json(&["list", "actors", "--format", "json"]);
    let actors = actors.as_array().unwrap();
    assert_eq!(actors.len(), 15);
    let witkoff = actors.iter().find(|a| a["id"] == "witkoff").unwrap();
    assert_eq!(witkoff["name"], "Steve Witkoff");
    assert_eq!(witkoff["role"], "US special envoy");
    assert_eq!(witkoff["represents"], "united-states");
    // Issue #15: `kind` is the entity type everywhere; the dossier's sub-kind is `type`.
    assert_eq!(witkoff["kind"], "actor");
    assert_eq!(witkoff["type"], "person");
}

#[test]
fn list_another_dossier() {
    let (code, out, _) = run(&["list", "events", "--dossier", "tests/fixtures/minimal.yaml"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "meeting  A meeting in the capital  2025-03 · held · order 1\n"
    );
}

#[test]
fn show_in_text_and_json() {
    let (code, out, _) = run(&["show", "putin"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("Vladimir Putin\n==============\nKind: person\nRole: President of Russia\nRepresents: Russia\n"), "{out}");
    assert!(
        out.contains("Positions\n  Territory in Donbas — demands: Warned Ukraine"),
        "{out}"
    );
    assert!(
        out.contains("Quotes\n  “liberate these territories by force” — in Putin warns Ukraine"),
        "{out}"
    );
    let shown = json(&["show", "pokrovsk-claim", "--format", "json"]);
    assert_eq!(shown["kind"], "event");
    assert_eq!(shown["entity"]["status"], "disputed");
    // The claim is about Pokrovsk; the report says not where it was made.
    assert_eq!(shown["entity"]["place"], serde_json::Value::Null);
    assert_eq!(shown["entity"]["concerns"], serde_json::json!(["pokrovsk"]));
    assert_eq!(shown["entity"]["kind"], "event");
    assert_eq!(shown["entity"]["type"], "claim");
    // Links are objects, each once, with the fact the text shows beside them.
    let links = shown["links"].as_array().unwrap();
    let ids: Vec<&str> = links.iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec!["pokrovsk", "russia", "pokrovsk-control"]);
    assert_eq!(links[0]["kind"], "place");
    assert_eq!(links[0]["name"], "Pokrovsk");
    assert!(links[0]["fact"].is_string());
    assert_eq!(shown["sources"][0]["type"], "news-report");
}

#[test]
fn show_an_unknown_id_suggests_the_closest() {
    let (code, out, err) = run(&["show", "zelenski"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(
        err,
        "talks: no entity with the id \"zelenski\" in data/talks.yaml (built in); did you mean \"zelensky\"?\n"
    );
}

#[test]
fn search_ranks_like_fzf_filter() {
    let (code, out, _) = run(&["search", "pokrovsk", "--limit", "3"]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert_eq!(ids.len(), 3);
    assert!(
        ids.contains(&"pokrovsk") && ids.contains(&"pokrovsk-claim"),
        "{out}"
    );
    let hits = json(&["search", "status:planned", "--format", "json"]);
    assert_eq!(
        hits,
        serde_json::json!([{
            "kind": "event", "id": "florida-third-day", "name": "Third day of the Florida talks",
            "fact": "planned · order 13", "score": 0, "matched": null
        }])
    );
    let only_actors = json(&["search", "ukraine", "--kind", "actors", "--format", "json"]);
    assert!(
        only_actors
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["kind"] == "actor")
    );
}

#[test]
fn a_query_of_nothing_searchable_is_refused_and_an_emoji_finds_its_name() {
    for query in ["\"", "—", "… —"] {
        let (code, out, err) = run(&["search", query]);
        assert_eq!(code, 2, "{query}: {out}");
        assert!(out.is_empty());
        assert_eq!(
            err,
            format!(
                "talks: cannot read the query: nothing to search for in “{query}”: \
                 a query needs letters, digits or emoji\n"
            )
        );
    }
    let scripts = "tests/fixtures/scripts.yaml";
    let hits = json(&["search", "-d", scripts, "--format", "json", "👍🏽"]);
    let ids: Vec<&str> = hits
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|h| h["id"].as_str())
        .collect();
    assert_eq!(ids.first(), Some(&"family"), "{ids:?}");
    let (_, listed, _) = run(&["list", "actors", "-d", scripts]);
    assert!(ids.len() < listed.lines().count(), "{ids:?}");
}

/// QA of issue #27: Russia's `cease fire` hits were `[[21,30],[21,30],[21,30]]`, the
/// compound found by each word and by both.
#[test]
fn search_json_says_each_hit_once_in_order() {
    let hits = json(&["search", "--format", "json", "cease fire"]);
    let rows = hits.as_array().unwrap();
    assert!(rows.iter().any(|h| h["id"] == "russia"), "{hits}");
    for row in rows {
        let spans: Vec<(u64, u64)> = row["matched"]["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| (h[0].as_u64().unwrap(), h[1].as_u64().unwrap()))
            .collect();
        assert!(!spans.is_empty(), "{row}");
        assert!(
            spans.windows(2).all(|w| w[0].1 <= w[1].0),
            "hits repeated, out of order or overlapping: {row}"
        );
    }
}

#[test]
fn search_with_a_malformed_query_or_no_hits() {
    let (code, _, err) = run(&["search", "kind:person"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: cannot read the query: unknown kind \"person\": use event, actor, sticking-point or place\n"
    );
    let (code, _, err) = run(&["search", "stat:held"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "talks: cannot read the query: unknown filter \"stat:\": did you mean status:? \
         Filters are kind:, status:, topic:, stance:, basis:, actor:, place:, date:, changed:, is:, note:, sources:\n"
    );
    let (code, out, err) = run(&["search", "zzzzqqq"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert_eq!(err, "talks: nothing matches \"zzzzqqq\"\n");
    let (code, out, err) = run(&["search", "dnbs", "--format", "json"]);
    assert_eq!((code, out.as_str()), (1, "[]\n"));
    assert_eq!(
        err,
        "talks: nothing matches \"dnbs\"; did you mean donbas, does, days?\n"
    );
    let (code, out, _) = run(&["search", "tango"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "event  trump-assessment  Trump assesses the Moscow talks  quote: it does take two to tango\n"
    );
}

#[test]
fn data_commands_report_a_bad_dossier() {
    let (code, out, err) = run(&["list", "actors", "--dossier", "tests/fixtures/cycles.yaml"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains(
            "tests/fixtures/cycles.yaml:11:17: error: `represents` goes round in a circle"
        ),
        "{err}"
    );
}

#[test]
fn completions_help_and_version() {
    let (code, out, _) = run(&["completions", "bash"]);
    assert_eq!(code, 0);
    assert!(out.contains("_talks()"), "{}", &out[..200.min(out.len())]);
    let (code, out, _) = run(&["--help"]);
    assert_eq!(code, 0);
    for command in ["validate", "list", "show", "search", "completions"] {
        assert!(out.contains(command), "{out}");
    }
    let (code, out, _) = run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out, format!("talks {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_are_clear() {
    let (code, _, err) = run(&["list", "people"]);
    assert_eq!(code, 2);
    assert!(err.contains("invalid value 'people'"), "{err}");
    assert!(
        err.contains("actors, events, sticking-points, places"),
        "{err}"
    );
}

#[test]
fn output_closed_early_is_not_an_error() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_talks"))
        .args(["list", "events"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn validate_warns_about_what_cites_nothing_and_strict_fails() {
    let (code, out, err) = run(&["validate", "tests/fixtures/minimal.yaml"]);
    assert_eq!(code, 0);
    assert!(out.ends_with("(3 warnings)\n"), "{out}");
    // Three alike: said once, with where each is and what to write.
    assert_eq!(
        err,
        "tests/fixtures/minimal.yaml: warning (3 alike): cites no source: the actor \"alpha\" \
         (8:9), the place \"capital\" (18:9), the sticking point \"border\" (33:9). To cite one, \
         add `sources: [SOURCE-ID]` to an entity, or `source: SOURCE-ID` to a position or a \
         quote.\n\n"
    );
    let (code, out, err) = run(&["validate", "--strict", "tests/fixtures/minimal.yaml"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.ends_with(
            "3 warnings, treated as errors (--strict): tests/fixtures/minimal.yaml does not pass\n"
        ),
        "{err}"
    );
    let (code, _, _) = run(&["validate", "--strict"]);
    assert_eq!(code, 0, "the built-in dossier cites its source everywhere");
}

#[test]
fn filter_ranks_lines_of_standard_input_like_fzf_filter() {
    let output = common::talks()
        .args(["filter", "geneva"])
        .write_stdin("ceasefire in Kherson\nGeneva talks\ntalks in Geneva resumed\n")
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "Geneva talks\ntalks in Geneva resumed\n"
    );
    // fzf reads any query (a lone ' selects every line); --typos reads the explorer's
    // syntax, which refuses this one.
    let output = common::talks()
        .args(["filter", "'"])
        .write_stdin("a\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stdout), "a\n");
    let output = common::talks()
        .args(["filter", "--typos", "'"])
        .write_stdin("a\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("cannot read the query"), "{stderr}");
}
