//! Property tests: random small dossiers × random key, mouse and resize sequences × random
//! terminal sizes, through `update` and the renderer. No panic, and the invariants hold.
//! `TALKS_PROPTEST_CASES=5000 cargo test --release --test it properties` for a longer run.

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use talks::app::{Action, App, Focus, Options, Page, Target, update};
use talks::keymap::Keymap;
use talks::model::{
    Actor, ActorKind, Basis, Dossier, EntityKind, Event, EventKind, EventStatus, Place, PlaceKind,
    Position, Quote, Source, Stance, StickingPoint, StickingStatus, load_str,
};
use talks::ui::{Screen, Theme};

fn cases() -> u32 {
    std::env::var("TALKS_PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(48)
}

/// Text with the awkward parts: wide, combining, right-to-left, controls, bidi overrides.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Putin",
        "Donbas",
        "talks",
        "基辅",
        "é\u{301}",
        "👩\u{200d}👩\u{200d}👧",
        "مفاوضات",
        "\u{1b}[2J",
        "\u{7}",
        "\u{202e}",
        "\u{9b}",
        " ",
        "a",
        "Z",
        "—",
        "'",
        "|",
        "^",
        "$",
        "!",
    ]);
    prop::collection::vec(pieces, 1..6).prop_map(|p| p.concat())
}

fn basis(n: usize) -> Basis {
    if n.is_multiple_of(2) {
        Basis::Stated
    } else {
        Basis::Inferred
    }
}

fn pick(ids: &[String], n: usize) -> Option<String> {
    (!ids.is_empty()).then(|| ids[n % ids.len()].clone())
}

prop_compose! {
    fn dossier()(
        actors in 0usize..6, places in 0usize..4, events in 0usize..6, points in 0usize..4,
        names in prop::collection::vec(text(), 20),
        picks in prop::collection::vec(0usize..100, 40),
    ) -> Dossier {
        let source = Source { id: "s".into(), title: names[0].clone(), kind: "k".into(), author: None, published: None, publisher: None, url: None, note: None, text: None };
        let actor_ids: Vec<String> = (0..actors).map(|i| format!("a{i}")).collect();
        let place_ids: Vec<String> = (0..places).map(|i| format!("p{i}")).collect();
        let point_ids: Vec<String> = (0..points).map(|i| format!("s{i}")).collect();
        let actors = (0..actors).map(|i| Actor {
            id: actor_ids[i].clone(), name: names[i % 20].clone(), kind: ActorKind::Person,
            role: Some(names[(i + 3) % 20].clone()),
            represents: pick(&actor_ids, picks[i]).filter(|t| *t != actor_ids[i] && i > 0).filter(|_| picks[i] % 2 == 0).map(|_| actor_ids[0].clone()),
            aliases: vec![names[(i + 5) % 20].clone()], summary: Some(names[(i + 7) % 20].clone()), sources: vec!["s".into()],
        }).collect();
        let places = (0..places).map(|i| Place {
            id: place_ids[i].clone(), name: names[(i + 1) % 20].clone(), kind: Some(PlaceKind::Region),
            part_of: if i > 0 && picks[i + 10] % 2 == 0 { Some(place_ids[0].clone()) } else { None },
            summary: None, sources: vec![],
        }).collect();
        let events = (0..events).map(|i| Event {
            id: format!("e{i}"), title: names[(i + 2) % 20].clone(), kind: EventKind::Meeting, status: EventStatus::Held,
            order: picks[i + 20] as u32, date: None, place: pick(&place_ids, picks[i + 5]),
            concerns: pick(&place_ids, picks[i + 30]).into_iter().collect(),
            participants: pick(&actor_ids, picks[i + 6]).into_iter().collect(),
            sticking_points: pick(&point_ids, picks[i + 7]).into_iter().collect(), summary: Some(names[(i + 9) % 20].clone()),
            outcomes: vec![names[(i + 11) % 20].clone()],
            quotes: pick(&actor_ids, picks[i + 8]).map(|by| Quote { by: vec![by], text: names[(i + 13) % 20].clone(), source: Some("s".into()), sources: Vec::new(), basis: basis(picks[i + 8]) }).into_iter().collect(),
            sources: vec!["s".into()],
        }).collect();
        let sticking_points = (0..points).map(|i| StickingPoint {
            id: point_ids[i].clone(), title: names[(i + 4) % 20].clone(), topic: "territory".into(), status: StickingStatus::Disputed,
            summary: None, places: pick(&place_ids, picks[i + 30]).into_iter().collect(),
            positions: pick(&actor_ids, picks[i + 31]).map(|actor| Position { actor, stance: Stance::Opposes, summary: names[(i + 15) % 20].clone(), source: None, sources: Vec::new(), basis: basis(picks[i + 31]), as_of: None }).into_iter().collect(),
            sources: vec![],
        }).collect();
        Dossier { version: 1, title: format!("T{}", names[19]), summary: None, sources: vec![source], actors, events, sticking_points, places }
    }
}

fn action() -> impl Strategy<Value = Action> {
    let kinds = prop::sample::select(EntityKind::LISTED.to_vec());
    let targets = prop_oneof![
        (kinds.clone(), 0usize..12).prop_map(|(k, r)| Target::ListRow(k, r)),
        kinds.clone().prop_map(Target::List),
        (0usize..8).prop_map(Target::Link),
        Just(Target::Detail),
        Just(Target::SearchBar),
        Just(Target::Tab(Focus::Detail)),
        (0usize..6, prop::option::of(0usize..6)).prop_map(|(r, c)| Target::MatrixCell(r, c)),
        (0usize..8).prop_map(Target::TimelineRow),
        (0usize..4).prop_map(Target::Source),
        Just(Target::Page),
    ];
    let simple = prop::sample::select(vec![
        Action::Up,
        Action::Down,
        Action::Top,
        Action::Bottom,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::NextPane,
        Action::PreviousPane,
        Action::NextLink,
        Action::PreviousLink,
        Action::Activate,
        Action::Back,
        Action::Forward,
        Action::StartSearch,
        Action::FinishSearch,
        Action::Escape,
        Action::DeleteBack,
        Action::DeleteForward,
        Action::DeleteWord,
        Action::ClearInput,
        Action::CursorLeft,
        Action::CursorRight,
        Action::CursorHome,
        Action::CursorEnd,
        Action::EarlierQuery,
        Action::LaterQuery,
        Action::ToggleHelp,
        Action::StartExport,
        Action::StartBriefing,
        Action::CycleFormat,
        Action::ConfirmExport,
        Action::Answer(true),
        Action::Answer(false),
        Action::CopySelected,
    ]);
    prop_oneof![
        4 => simple,
        3 => prop::sample::select(vec!['a', 'o', 'p', '|', '!', '^', '$', '\'', ':', ' ', 'k', '基', 'é']).prop_map(Action::Insert),
        1 => kinds.prop_map(Action::FocusList),
        1 => prop::sample::select(vec![Page::Browse, Page::Matrix, Page::Timeline, Page::Sources]).prop_map(Action::OpenPage),
        1 => (0u16..300, 0u16..100).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => targets.clone().prop_map(Action::Click),
        1 => (targets, -5i32..5).prop_map(|(t, d)| Action::Scroll(t, d)),
    ]
}

fn check_invariants(app: &App) {
    for kind in EntityKind::LISTED {
        let hits = app.results().unranked(kind);
        let view = app.list_view(kind);
        assert!(
            view.selected < hits.len().max(1),
            "selection within its list"
        );
        let ranked = app.results().ranked(kind).len();
        assert!(
            hits.is_empty() || ranked > view.selected,
            "the selected row is ranked"
        );
        let rows = app.layout().panes.list_rows(kind);
        assert!(
            ranked >= (view.offset + rows).min(hits.len()),
            "the rows on screen are ranked"
        );
        let count = app.loaded().dossier.count(kind);
        let mut seen = std::collections::HashSet::new();
        for hit in hits {
            assert!(
                hit.index < count && seen.insert(hit.index),
                "results are a subset of the list"
            );
        }
    }
    let layout = app.layout();
    if !layout.too_small {
        let panes = layout.panes;
        match app.focus() {
            Focus::List(kind) => {
                assert!(panes.list(kind).is_some(), "the focused list is on screen")
            }
            Focus::Detail => assert!(panes.detail.is_some(), "the focused detail is on screen"),
        }
    }
    check_page_cursors(app);
    if !app.trail().is_empty() {
        assert!(app.trail().position() < app.trail().len());
    }
    if let Some(link) = app.detail().focused_link() {
        assert!(
            link < app.detail().link_count().max(1),
            "the focused link exists"
        );
    }
}

/// Every page cursor is on a row (or column) that exists, and on screen while its page is.
fn check_page_cursors(app: &App) {
    use talks::app::page_layout::PageAreas;
    let pages = app.pages();
    let within = |selected: usize, count: usize| selected < count.max(1);
    let shown = |view: talks::app::ListView, fit: usize| {
        fit == 0 || (view.offset <= view.selected && view.selected < view.offset + fit)
    };
    let (row, column) = pages.matrix_cursor();
    assert!(within(row, pages.matrix().rows.len()), "matrix row exists");
    assert!(
        within(column, pages.matrix().columns.len()),
        "matrix column exists"
    );
    assert!(within(
        pages.timeline_view().selected,
        pages.timeline().rows.len()
    ));
    let sources = app.loaded().dossier.sources.len();
    assert!(
        within(pages.sources_view().selected, sources),
        "source exists"
    );
    match app.layout().page {
        PageAreas::Matrix(m) => {
            let (r0, c0) = pages.matrix_offset();
            assert!(
                r0 <= row && row < r0 + m.rows,
                "matrix cursor row on screen"
            );
            assert!(
                c0 <= column && column < c0 + m.columns,
                "matrix cursor column on screen"
            );
        }
        PageAreas::Timeline(t) => assert!(
            shown(pages.timeline_view(), t.rows()),
            "timeline cursor on screen"
        ),
        PageAreas::Sources(s) => assert!(shown(pages.sources_view(), s.fit()), "source on screen"),
        PageAreas::Browse => {}
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_keys_any_size_no_panic(dossier in dossier(), actions in prop::collection::vec(action(), 1..40), width in 0u16..300, height in 0u16..100) {
        let yaml = serde_yaml::to_string(&dossier).unwrap();
        let loaded = load_str("random.yaml", &yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"));
        let mut app = App::new(loaded, Options::sized(width, height));
        let theme = Theme::colour();
        let keymap = Keymap::default();
        for action in actions {
            update(&mut app, action);
            app.take_effects();
            check_invariants(&app);
            let area = Rect::new(0, 0, app.size().0, app.size().1);
            let mut buffer = Buffer::empty(area);
            (&Screen { app: &app, theme: &theme, keymap: &keymap }).render(area, &mut buffer);
        }
    }
}
