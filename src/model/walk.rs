//! Visits every piece of free text in a dossier with its path, for checks that apply to all
//! text alike (control characters). The path is built only when asked for.

use super::types::Dossier;

type Visit<'a> = dyn FnMut(&dyn Fn() -> String, &str) + 'a;

fn opt(visit: &mut Visit<'_>, path: &dyn Fn() -> String, text: &Option<String>) {
    if let Some(text) = text {
        visit(path, text);
    }
}

fn list(visit: &mut Visit<'_>, base: &str, field: &str, items: &[String]) {
    for (i, text) in items.iter().enumerate() {
        visit(&|| format!("{base}.{field}[{i}]"), text);
    }
}

pub(crate) fn each_text(dossier: &Dossier, visit: &mut Visit<'_>) {
    visit(&|| "title".into(), &dossier.title);
    opt(visit, &|| "summary".into(), &dossier.summary);
    for (i, s) in dossier.sources.iter().enumerate() {
        let base = format!("sources[{i}]");
        visit(&|| format!("{base}.title"), &s.title);
        visit(&|| format!("{base}.kind"), &s.kind);
        opt(visit, &|| format!("{base}.publisher"), &s.publisher);
        opt(visit, &|| format!("{base}.url"), &s.url);
        opt(visit, &|| format!("{base}.note"), &s.note);
        opt(visit, &|| format!("{base}.text"), &s.text);
    }
    for (i, a) in dossier.actors.iter().enumerate() {
        let base = format!("actors[{i}]");
        visit(&|| format!("{base}.name"), &a.name);
        opt(visit, &|| format!("{base}.role"), &a.role);
        list(visit, &base, "aliases", &a.aliases);
        opt(visit, &|| format!("{base}.summary"), &a.summary);
    }
    for (i, p) in dossier.places.iter().enumerate() {
        let base = format!("places[{i}]");
        visit(&|| format!("{base}.name"), &p.name);
        opt(visit, &|| format!("{base}.summary"), &p.summary);
    }
    for (i, e) in dossier.events.iter().enumerate() {
        let base = format!("events[{i}]");
        visit(&|| format!("{base}.title"), &e.title);
        opt(visit, &|| format!("{base}.summary"), &e.summary);
        list(visit, &base, "outcomes", &e.outcomes);
        for (q, quote) in e.quotes.iter().enumerate() {
            visit(&|| format!("{base}.quotes[{q}].text"), &quote.text);
        }
    }
    for (i, s) in dossier.sticking_points.iter().enumerate() {
        let base = format!("sticking_points[{i}]");
        visit(&|| format!("{base}.title"), &s.title);
        visit(&|| format!("{base}.topic"), &s.topic);
        opt(visit, &|| format!("{base}.summary"), &s.summary);
        for (p, position) in s.positions.iter().enumerate() {
            visit(
                &|| format!("{base}.positions[{p}].summary"),
                &position.summary,
            );
        }
    }
}
