//! The list panes: a titled block with one row per visible entry (only those are built),
//! match highlights, a one-line fact, and a scrollbar when the list overflows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::cut::cut_name;
use super::text::Fitted;
use super::theme::Theme;
use crate::action::Focus;
use crate::app::App;
use crate::model::{EntityKind, EntityRef};
use crate::search::{Field, Hit};
use crate::text::sanitize_line;

/// One list pane, ready to draw.
pub(crate) struct ListPane<'a> {
    pub(crate) app: &'a App,
    pub(crate) theme: &'a Theme,
    pub(crate) kind: EntityKind,
}

/// The columns a why-snippet keeps however long the name.
const MIN_SNIPPET: usize = 10;

fn number(kind: EntityKind) -> usize {
    kind.slot() + 1
}

impl ListPane<'_> {
    fn focused(&self) -> bool {
        self.app.focus() == Focus::List(self.kind)
    }

    /// "2 Events 3/13": the key that jumps here, the name, and the match count; then
    /// "· 2 marked" when some are.
    fn title(&self, room: usize) -> String {
        let shown = self.app.results().count(self.kind);
        let total = self.app.loaded().dossier.count(self.kind);
        let marked = match self.app.marks().count(self.kind) {
            0 => String::new(),
            n => format!("· {n} marked "),
        };
        let title = format!(
            " {} {} {shown}/{total} {marked}",
            number(self.kind),
            self.kind.plural_title()
        );
        // The list in focus (or last in focus, while the detail is) says which query
        // filters it.
        match self.app.last_list() == self.kind {
            true => super::filtered::fit(self.app, &[title], room, "Esc"),
            false => title,
        }
    }

    /// A row's style: selected or not, in the focused pane or not, and dimmed while the
    /// query typed cannot be read (the rows then answer an earlier one).
    fn row_style(&self, selected: bool) -> Style {
        let base = match (selected, self.focused()) {
            (true, true) => self.theme.selected,
            (true, false) => self.theme.selected_unfocused,
            _ => Style::new(),
        };
        if self.app.query().error().is_some() {
            base.add_modifier(ratatui::style::Modifier::DIM)
        } else {
            base
        }
    }

    /// What stands before the name: see [`row_prefix`].
    fn marker(&self, entity: EntityRef, selected: bool) -> String {
        entry_marker(self.app, entity, selected)
    }

    fn row(&self, hit: Hit, row: usize, width: usize) -> Line<'static> {
        let theme = self.theme;
        let entity = EntityRef {
            kind: self.kind,
            index: hit.index,
        };
        let highlight = self.app.engine().highlight(
            &self.app.loaded().dossier,
            self.app.query().parsed(),
            entity,
        );
        let dossier = &self.app.loaded().dossier;
        let selected = row == self.app.list_view(self.kind).selected;
        let base = self.row_style(selected);
        let marker = self.marker(entity, selected);
        let name = sanitize_line(dossier.name_of(entity));
        let lead = crate::text::width(&marker);
        let free = width.saturating_sub(lead + crate::text::width(&name));
        let (mut fact_fitted, fact_budget) = self.fact(entity, base, width, free);
        let name_budget = width.saturating_sub(fact_budget + lead).max(width.min(4));
        // The start of a name is its subject: cut the end, unless that hides the match.
        let cut = cut_name(&name, first_run(&highlight), name_budget);
        let lit = |i: usize| {
            if highlight.binary_search(&i).is_ok() {
                base.patch(theme.matched)
            } else {
                base
            }
        };
        let mut fitted = Fitted::default();
        fitted.push(
            &marker,
            |i| {
                if i >= 1 { base.patch(theme.key) } else { base }
            },
        );
        let head: String = name.chars().take(cut.head).collect();
        fitted.push(&head, lit);
        if let Some(tail) = cut.tail {
            let (from, to) = (tail.start, tail.end);
            fitted.push("…", |_| base);
            let shown: String = name.chars().skip(from).take(to - from).collect();
            fitted.push(&shown, |i| lit(i + from));
            if to < name.chars().count() {
                fitted.push("…", |_| base);
            }
        }
        fitted.truncate(width.saturating_sub(fact_budget).max(width.min(4)));
        fact_fitted.truncate(width - fitted.width);
        let fill = width - fitted.width - fact_fitted.width;
        let mut spans = fitted.into_spans();
        spans.push(Span::styled(" ".repeat(fill), base));
        spans.extend(fact_fitted.into_spans());
        Line::from(spans)
    }

    /// The right-hand side of a row and the columns it may take: where the row matched
    /// when it is not its name (as wide as it was made), else the entity's fact in what
    /// the whole name leaves (`free` columns): whole, else its first parts ("disputed" of
    /// "disputed · order 11"), else cut, else nothing. The name is cut only then.
    fn fact(&self, entity: EntityRef, base: Style, width: usize, free: usize) -> (Fitted, usize) {
        if let Some(why) = self.why(entity, base, width, free) {
            let budget = why.width;
            return (why, budget);
        }
        let fact = sanitize_line(&self.app.loaded().dossier.fact_of(entity)).into_owned();
        let shown = shortened_fact(&fact, free);
        let mut fitted = Fitted::default();
        if !shown.is_empty() {
            fitted.push(&format!("  {shown}"), |_| base.patch(self.theme.muted));
        }
        let budget = fitted.width;
        (fitted, budget)
    }

    /// Where the row matched when it is not its name: "quote: …two to tango…", the hits
    /// highlighted, in the `free` columns the markers and the whole name leave.
    fn why(&self, entity: EntityRef, base: Style, width: usize, free: usize) -> Option<Fitted> {
        let loaded = self.app.loaded();
        let query = self.app.query().parsed();
        let engine = self.app.engine();
        let matched = engine.explain(&loaded.dossier, &loaded.index, query, entity)?;
        if matched.field == Field::Name {
            return None;
        }
        let label = matched.field.label(entity.kind);
        // The name comes first: the snippet takes what the whole name leaves (without its
        // label when that is short), down to a few words of its own. Its gap and the
        // label's ": " are counted in.
        let labelled = free >= label.len() + 4 + MIN_SNIPPET;
        let room = if labelled {
            free - label.len() - 4
        } else {
            free.saturating_sub(2).max(MIN_SNIPPET.min(width / 3))
        };
        let (snippet, hits) = matched.snippet(room);
        let muted = base.patch(self.theme.muted);
        let mut fitted = Fitted::default();
        if labelled {
            fitted.push(&format!("  {label}: "), |_| muted);
        } else {
            fitted.push("  ", |_| muted);
        }
        let style_at = |i: usize| {
            if hits.iter().any(|h| h.contains(&i)) {
                base.patch(self.theme.matched)
            } else {
                muted
            }
        };
        match sanitize_line(&snippet) {
            // Whole graphemes: a letter keeps its accent, an emoji its joined parts.
            std::borrow::Cow::Borrowed(clean) => fitted.push(clean, style_at),
            // A character shown as an escape is pushed alone, so the others keep their index.
            std::borrow::Cow::Owned(_) => {
                for (i, c) in snippet.chars().enumerate() {
                    fitted.push(&sanitize_line(c.encode_utf8(&mut [0; 4])), |_| style_at(i));
                }
            }
        }
        Some(fitted)
    }

    fn render_collapsed(&self, area: Rect, buf: &mut Buffer) {
        let style = if self.focused() {
            self.theme.title_focused
        } else {
            self.theme.border
        };
        let title = self.title((area.width as usize).saturating_sub(2));
        let rule = "─".repeat((area.width as usize).saturating_sub(title.chars().count() + 1));
        let line = Line::from(vec![
            Span::styled("─", style),
            Span::styled(
                title,
                if self.focused() {
                    style
                } else {
                    self.theme.title
                },
            ),
            Span::styled(rule, style),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
    }
}

/// What stands before an entry's name, in a list or on the sources page: see
/// [`row_prefix`].
pub(crate) fn entry_marker(app: &App, entity: EntityRef, selected: bool) -> String {
    let (notes, dossier) = (&app.notes().notes, &app.loaded().dossier);
    let noted = notes.note_of(dossier, entity).is_some();
    let personal = personal_marker(notes.starred(dossier, entity), noted);
    let marked = app.marks().contains(entity);
    row_prefix(selected, marked, app.change_marker(entity), personal)
}

/// The columns before an entry, one layout for every marker: `>` on the selected one,
/// then `+` on a marked one (not `*`, which stars use), then with a comparison a column
/// for `N` new or `Δ` changed, then `★`/`✎`; a space parts the markers from the name.
/// An entry with no marker reads `> Name`.
pub(crate) fn row_prefix(
    selected: bool,
    marked: bool,
    change: Option<char>,
    personal: &str,
) -> String {
    let mut prefix = String::from(if selected { ">" } else { " " });
    prefix.push(if marked { '+' } else { ' ' });
    if let Some(change) = change {
        prefix.push(change);
    }
    prefix.push_str(personal);
    if marked || change.is_some() || !personal.is_empty() {
        prefix.push(' ');
    }
    prefix
}

/// Before a name: `★` starred, `✎` with a note (yours, from the notes file).
fn personal_marker(starred: bool, noted: bool) -> &'static str {
    match (starred, noted) {
        (true, true) => "★✎",
        (true, false) => "★",
        (false, true) => "✎",
        (false, false) => "",
    }
}

/// The columns a fact's first parts may take (after its two-column gap) before it is
/// dropped rather than cut to a stump.
const MIN_FACT: usize = 6;

/// `fact` in `free` columns, its two-column gap included: whole, else its first parts
/// (split at ` · `), else cut, else nothing.
fn shortened_fact(fact: &str, free: usize) -> String {
    let room = free.saturating_sub(2);
    if crate::text::width(fact) <= room {
        return fact.to_string();
    }
    let parts: Vec<&str> = fact.split(" · ").collect();
    for keep in (1..parts.len()).rev() {
        let shorter = parts[..keep].join(" · ");
        if crate::text::width(&shorter) <= room {
            return shorter;
        }
    }
    if room >= MIN_FACT {
        return crate::text::cut(fact, room).into_owned();
    }
    String::new()
}

/// The first and last character of the first run of consecutive highlighted characters.
fn first_run(highlight: &[usize]) -> Option<(usize, usize)> {
    let first = *highlight.first()?;
    let run = highlight
        .iter()
        .enumerate()
        .take_while(|&(k, &i)| i == first + k)
        .count();
    Some((first, first + run - 1))
}

impl Widget for &ListPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height < 3 || area.width < 4 {
            return self.render_collapsed(area, buf);
        }
        let focused = self.focused();
        let block = Block::bordered()
            .border_style(if focused {
                self.theme.border_focused
            } else {
                self.theme.border
            })
            .title(Span::styled(
                super::text::block_title(
                    &self.title((area.width as usize).saturating_sub(2)),
                    area,
                ),
                if focused {
                    self.theme.title_focused
                } else {
                    self.theme.title
                },
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let count = self.app.results().count(self.kind);
        // The app keeps the rows on screen in rank order (see `keep_selection_visible`).
        let hits = self.app.results().ranked(self.kind);
        if count == 0 {
            let note = super::empty::list_note(self.app, self.kind);
            super::empty::put_note(buf, inner, &note, self.theme.muted);
            return;
        }
        let rows = inner.height as usize;
        let offset = self
            .app
            .list_view(self.kind)
            .offset
            .min(count.saturating_sub(1));
        let visible = offset..(offset + rows).min(hits.len());
        for (y, row) in visible.enumerate() {
            let line = self.row(hits[row], row, inner.width as usize);
            buf.set_line(inner.x, inner.y + y as u16, &line, inner.width);
        }
        let thumb = if focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        super::scrollbar(area, buf, count, rows, offset, thumb);
    }
}
