//! The timeline of undated events: what is still planned comes after what has happened.
//! A planned event placed by `order` before a held one reads, on the timeline, as if it
//! had come first.

use super::{Finding, Validator};
use crate::model::diagnostic::Severity;
use crate::model::types::Dossier;

impl Validator<'_> {
    pub(super) fn planned_after_held(&mut self, dossier: &Dossier) {
        let undated = || (dossier.events.iter().enumerate()).filter(|(_, e)| e.date.is_none());
        // Events of one `order` keep the order they are written in.
        let last_held = undated()
            .filter(|(_, e)| e.status.as_str() == "held")
            .max_by_key(|&(i, e)| (e.order, i));
        let Some((h, held)) = last_held else {
            return;
        };
        let early: Vec<Finding> = undated()
            .filter(|&(i, e)| e.status.as_str() == "planned" && (e.order, i) < (held.order, h))
            .map(|(i, e)| Finding {
                severity: Severity::Warning,
                message: format!(
                    "the planned event \"{}\" (order {}) comes before \"{}\" (order {}), \
                     which was held: what is still planned goes after what has happened, so \
                     give it a later order",
                    e.id, e.order, held.id, held.order
                ),
                path: format!("events[{i}].order"),
                also: Some(format!("events[{h}].order")),
            })
            .collect();
        self.findings.extend(early);
    }
}

#[cfg(test)]
mod tests {
    use crate::model::load_str;

    fn warnings(events: &str) -> Vec<String> {
        let text = format!(
            "version: 1\ntitle: T\nsources:\n  - {{id: r, title: R, kind: note}}\nevents:\n{events}"
        );
        let loaded = load_str("d.yaml", &text).unwrap();
        loaded.warnings.iter().map(|d| d.to_string()).collect()
    }

    #[test]
    fn a_planned_event_before_a_held_one_is_warned_about() {
        let said = warnings(
            "  - {id: next, title: N, kind: meeting, status: planned, order: 1, sources: [r]}\n  \
             - {id: done, title: D, kind: meeting, status: held, order: 2, sources: [r]}\n",
        );
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with(
                "d.yaml:6:65: warning: the planned event \"next\" (order 1) comes before \
                 \"done\" (order 2), which was held: what is still planned goes after what has \
                 happened, so give it a later order; the other is at line 7, column 62"
            ),
            "{said:?}"
        );
    }

    #[test]
    fn planned_last_dated_or_at_one_order_after_it_is_fine() {
        let planned_last = "  - {id: done, title: D, kind: meeting, status: held, order: 1, \
                            sources: [r]}\n  - {id: next, title: N, kind: meeting, status: \
                            planned, order: 1, sources: [r]}\n";
        assert!(warnings(planned_last).is_empty());
        let dated = "  - {id: next, title: N, kind: meeting, status: planned, order: 1, date: \
                     2026, sources: [r]}\n  - {id: done, title: D, kind: meeting, status: \
                     held, order: 2, sources: [r]}\n";
        assert!(warnings(dated).is_empty());
    }
}
