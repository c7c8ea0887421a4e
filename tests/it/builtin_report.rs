//! The built-in dossier read against its report (issue #29): nothing beyond what the
//! report says, its quotes verbatim, and the place filters its corrections serve.

#![allow(clippy::disallowed_methods)]

use talks::model::{Loaded, builtin};

fn loaded() -> Loaded {
    builtin().unwrap_or_else(|err| panic!("{err}"))
}

fn actor<'a>(l: &'a Loaded, id: &str) -> &'a talks::model::Actor {
    &l.dossier.actors[l.index.actor(id).unwrap()]
}

fn event<'a>(l: &'a Loaded, id: &str) -> &'a talks::model::Event {
    let entity = l.index.get(id).unwrap_or_else(|| panic!("no event {id}"));
    &l.dossier.events[entity.index]
}

/// What the report does not say is not said: corrections after reading the dossier line by
/// line against the report (issue #29).
#[test]
fn nothing_beyond_the_report() {
    let l = loaded();
    // What is still planned comes after what has happened; the report names no one for it.
    let third = event(&l, "florida-third-day");
    let last = l.dossier.events.iter().map(|e| e.order).max();
    assert_eq!(Some(third.order), last);
    assert!(third.participants.is_empty());
    // Ordered as the report tells them: it does not say the Kremlin's verdict or Putin's
    // readiness came before the Florida talks.
    let florida = event(&l, "florida-talks").order;
    for id in ["kremlin-verdict", "putin-ready-for-meetings"] {
        assert!(event(&l, id).order > florida, "{id}");
    }
    // Putin's warning is about Donbas, so place:donbas and place:luhansk find it.
    assert_eq!(
        event(&l, "putin-donbas-warning").concerns,
        vec!["donbas", "donetsk", "luhansk"]
    );
    // "Europe" is not a name the report gives the allies.
    assert!(
        !actor(&l, "european-allies")
            .aliases
            .iter()
            .any(|a| a == "Europe")
    );
    // The report convened Witkoff and Umerov; it does not say who led a delegation.
    let delegation = actor(&l, "ukrainian-delegation")
        .summary
        .as_deref()
        .unwrap_or("");
    assert!(!delegation.contains("Led by"), "{delegation}");
    // Donetsk and Luhansk: the report gives them no kind.
    for id in ["donetsk", "luhansk"] {
        assert_eq!(
            l.dossier.places[l.index.place(id).unwrap()].kind,
            None,
            "{id}"
        );
    }
}

/// `place:luhansk` finds Putin's warning to withdraw from Donbas.
#[test]
fn a_place_filter_finds_the_donbas_warning() {
    let (code, out, err) = crate::common::run(&["search", "place:luhansk", "--kind", "event"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Putin warns Ukraine to withdraw from Donbas"),
        "{out}"
    );
}

/// The dossier's quotes are found verbatim in the report, where the report is at hand (it
/// is kept beside the repository, not in it: no more of it is copied than short quotes).
#[test]
fn strict_validation_with_the_report_s_text_passes() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let Some(report) = std::fs::read_dir(&seeds).ok().and_then(|entries| {
        entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|x| x == "txt"))
    }) else {
        eprintln!(
            "the seed report is not beside the repository ({}): not checked",
            seeds.display()
        );
        return;
    };
    let text = format!("seed-report={}", report.display());
    let (code, out, err) = crate::common::run(&[
        "validate",
        "--strict",
        "--source-text",
        &text,
        "data/talks.yaml",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("7 quotes checked against the text of the source cited: all found"),
        "{out}"
    );
}
