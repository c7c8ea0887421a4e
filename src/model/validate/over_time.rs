//! Positions over time: each `as_of` a date, and no party holding two positions on one
//! sticking point as of the same date.

use super::{Finding, Validator};
use crate::model::diagnostic::Severity;
use crate::model::types::Dossier;

impl Validator<'_> {
    pub(super) fn positions_over_time(&mut self, dossier: &Dossier) {
        for (i, point) in dossier.sticking_points.iter().enumerate() {
            let mut seen: Vec<(&str, &str, usize)> = Vec::new();
            for (p, position) in point.positions.iter().enumerate() {
                let Some(as_of) = position.as_of.as_deref() else {
                    continue;
                };
                let path = format!("sticking_points[{i}].positions[{p}].as_of");
                if let Err(why) = super::check_date(as_of) {
                    self.error(path, why);
                    continue;
                }
                let actor = position.actor.as_str();
                if let Some(&(_, _, first)) =
                    seen.iter().find(|(a, d, _)| *a == actor && *d == as_of)
                {
                    self.findings.push(Finding {
                        severity: Severity::Error,
                        message: format!(
                            "\"{actor}\" already has a position on \"{}\" as of {as_of}: \
                             give each position of a party on a point its own date",
                            point.id
                        ),
                        path,
                        also: Some(format!("sticking_points[{i}].positions[{first}].as_of")),
                    });
                } else {
                    seen.push((actor, as_of, p));
                }
            }
        }
    }
}
