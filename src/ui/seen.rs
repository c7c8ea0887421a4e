//! The header when the dossier changed since the user last looked: what changed, in one
//! line, before the title (which gives way first on a narrow screen).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;

use super::text::Fitted;
use super::theme::Theme;
use crate::app::App;
use crate::text::sanitize_line;

/// Draws the header with what changed since the snapshot, naming the dossier's `file`
/// where there is room; `false` (nothing drawn) when nothing did.
pub(super) fn header(
    app: &App,
    theme: &Theme,
    (area, buf): (Rect, &mut Buffer),
    file: &str,
) -> bool {
    let width = area.width as usize;
    let mut line = Fitted::default();
    line.push(" talks ", |_| theme.header.add_modifier(Modifier::REVERSED));
    line.push(" ", |_| Style::new());
    let Some(forms) = app.seen_forms() else {
        return false;
    };
    let with_file = line.width + crate::text::width(file) + 3;
    // Each form with the file's name, then without it: the date goes last.
    let fits = |form: &String, taken: usize| crate::text::width(form) + taken <= width;
    let chosen = forms.iter().find_map(|form| {
        if fits(form, with_file) {
            Some((form, true))
        } else {
            fits(form, line.width).then_some((form, false))
        }
    });
    let Some((said, file_shown)) = chosen else {
        return false;
    };
    if file_shown {
        line.push(file, |_| theme.label);
        line.push(" · ", |_| theme.muted);
    }
    line.push(said, |_| theme.title_focused);
    // The title after it, where there is room for some of it.
    if line.width + 12 <= width {
        line.push(" · ", |_| theme.muted);
        line.push(&sanitize_line(&app.loaded().dossier.title), |_| {
            theme.header
        });
    }
    line.truncate(width);
    buf.set_line(area.x, area.y, &Line::from(line.into_spans()), area.width);
    true
}
