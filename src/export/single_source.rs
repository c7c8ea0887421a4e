//! The brief's appendix of the claims that rest on one source (`talks export --all
//! --single-source`): what every format of it says, worked out once.

use super::brief::{self, Brief};
use super::describe;
use crate::model::Loaded;
use serde_json::json;

pub(super) const HEADING: &str = "Appendix: claims on one source";
const NONE: &str = "No position or quote rests on a single source";

/// One claim of the appendix: what it says, and its one source's id.
pub(super) struct Claim<'d> {
    pub(super) text: String,
    pub(super) source: &'d str,
    /// Where it is, for JSON: `kind` and ids.
    pub(super) at: serde_json::Value,
}

/// What the appendix says: a sentence for the whole dossier (`lead`), then its claims.
pub(super) struct Appendix<'d> {
    /// Where every claim rests on the same one source: that source's id (then the claims
    /// are not listed one by one).
    pub(super) every_claim: Option<&'d str>,
    pub(super) claims: Vec<Claim<'d>>,
}

impl<'d> Appendix<'d> {
    /// The positions (sticking point by sticking point) and the quotes (in the
    /// timeline's order) that have exactly one source.
    pub(super) fn of(loaded: &'d Loaded, parts: &Brief) -> Self {
        let d = &loaded.dossier;
        if let Some(s) = loaded.index.claims_source() {
            return Appendix {
                every_claim: Some(&d.sources[s].id),
                claims: Vec::new(),
            };
        }
        let mut claims = Vec::new();
        for point in &d.sticking_points {
            for position in &point.positions {
                let [source] = position.all_sources()[..] else {
                    continue;
                };
                let mut text = format!(
                    "{} on {}: {} — {}",
                    describe::party_name(loaded, &position.actor),
                    point.title.trim(),
                    describe::position_stance(position),
                    position.summary.trim()
                );
                if let Some(as_of) = &position.as_of {
                    text.push_str(&format!(" (as of {as_of})"));
                }
                let at = json!({
                    "kind": "position", "sticking_point": point.id, "actor": position.actor,
                });
                claims.push(Claim { text, source, at });
            }
        }
        for key in &parts.quotes {
            let quote = key.of(loaded);
            let [source] = quote.all_sources()[..] else {
                continue;
            };
            let text = format!(
                "“{}” — {}",
                quote.text.trim(),
                brief::attribution(loaded, key)
            );
            let event = &d.events[key.event].id;
            let at = json!({ "kind": "quote", "event": event, "quote": key.quote });
            claims.push(Claim { text, source, at });
        }
        Appendix {
            every_claim: None,
            claims,
        }
    }

    /// The sentence before the list (or instead of it), where there is one to say; its
    /// full stop is the renderer's, after the source's number.
    pub(super) fn lead(&self, loaded: &Loaded) -> Option<String> {
        if let Some(id) = self.every_claim {
            let title = (loaded.index.source(id)).map_or(id, |s| &loaded.dossier.sources[s].title);
            return Some(format!(
                "Every position and quote of this dossier rests on one source: {}",
                title.trim()
            ));
        }
        self.claims.is_empty().then(|| NONE.to_string())
    }
}

/// The appendix in JSON: `every_claim` (the one source every claim rests on, or null) and
/// `claims`, each with where it is, its text as the other formats write it, and its source.
pub(super) fn json_value(loaded: &Loaded) -> serde_json::Value {
    let parts = Brief::of(loaded);
    let appendix = Appendix::of(loaded, &parts);
    let claims: Vec<serde_json::Value> = (appendix.claims.into_iter())
        .map(|claim| {
            let mut value = claim.at;
            value["text"] = json!(claim.text);
            value["source"] = json!(claim.source);
            value
        })
        .collect();
    json!({ "every_claim": appendix.every_claim, "claims": claims })
}
