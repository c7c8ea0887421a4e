//! The diff of the fictional Marsh River talks between the second and third weekly report.

use super::*;
use crate::model::load_path;

fn week(n: u8) -> Loaded {
    let path = match n {
        2 => "tests/fixtures/over-time-week2.yaml",
        _ => "tests/fixtures/over-time.yaml",
    };
    load_path(std::path::Path::new(path)).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_reading_equals_itself() {
    assert!(compare(&week(3), &week(3)).is_empty());
}

#[test]
fn what_the_third_report_changed() {
    let changes = compare(&week(2), &week(3));
    let summary: Vec<(&str, &str, &str)> = changes
        .entities
        .iter()
        .map(|e| {
            let what = match e.change {
                Change::Added => "added",
                Change::Removed => "removed",
                Change::Changed(_) => "changed",
            };
            (e.kind, e.id.as_str(), what)
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            // The quote the third report gives the second round.
            ("event", "second-round", "changed"),
            ("event", "third-round", "changed"),
            ("sticking-point", "port-access", "changed"),
            ("sticking-point", "river-border", "changed"),
            ("source", "report-3", "added"),
        ]
    );
    let Change::Changed(fields) = &changes.entities[1].change else {
        panic!("{changes:?}");
    };
    assert!(fields.contains(&FieldChange::Value {
        field: "status".into(),
        before: Some("planned".into()),
        after: Some("held".into()),
        named: None,
    }));
    assert!(fields.contains(&FieldChange::List {
        field: "participants".into(),
        added: vec!["ostra".into()],
        removed: vec![],
        named: Some((vec!["Ostra Concord".into()], vec![])),
    }));
    assert_eq!(changes.stances.len(), 1, "{:?}", changes.stances);
    let shift = &changes.stances[0];
    assert_eq!(
        (shift.actor.as_str(), shift.sticking_point.as_str()),
        ("brevik", "river-border")
    );
    let (before, after) = (shift.before.as_ref(), shift.after.as_ref());
    assert_eq!(before.map(|h| h.stance.as_str()), Some("conditional"));
    assert_eq!(
        after.map(|h| (h.stance.as_str(), h.inferred)),
        Some(("supports", true))
    );
    assert_eq!(
        after.and_then(|h| h.source.as_deref()),
        Some("Third weekly report")
    );
}
