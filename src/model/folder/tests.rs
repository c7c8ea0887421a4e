//! Merged paths back to the file and path that hold them.

use super::*;

fn loaded() -> Loaded {
    load_folder(Path::new("tests/fixtures/marsh-river")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_item_is_found_in_the_file_that_holds_it() {
    let l = loaded();
    let map = l.folder.as_deref().unwrap_or_else(|| panic!("a folder"));
    assert_eq!(map.names.len(), 3, "{:?}", map.names);
    let at = |path: &str| {
        let (file, path) = map.written_at(path);
        (
            map.names[file]
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string(),
            path,
        )
    };
    assert_eq!(
        at("events[2].title"),
        ("03-third-report.yaml".into(), "events[0].title".into())
    );
    assert_eq!(
        at("places[1]"),
        ("02-second-report.yaml".into(), "places[0]".into())
    );
    assert_eq!(at("title"), ("01-first-report.yaml".into(), "title".into()));
    // Brevik's positions on the river border: two written with it, two added later.
    let river = l.index.sticking_point("river-border").unwrap_or_default();
    assert_eq!(l.dossier.sticking_points[river].positions.len(), 4);
    assert_eq!(
        at(&format!("sticking_points[{river}].positions[1].stance")),
        (
            "01-first-report.yaml".into(),
            "sticking_points[0].positions[1].stance".into()
        )
    );
    assert_eq!(
        at(&format!("sticking_points[{river}].positions[3].as_of")),
        ("03-third-report.yaml".into(), "positions[0].as_of".into())
    );
}
