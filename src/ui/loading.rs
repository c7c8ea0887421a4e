//! The frame shown while a large dossier loads: its name, size and the time so far.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::text::sanitize_line;

/// What the loading frame says.
pub struct Loading<'a> {
    /// The file name, as given.
    pub name: &'a str,
    /// The file's size, when known.
    pub bytes: Option<u64>,
    pub elapsed: Duration,
    pub theme: &'a Theme,
}

/// "612.3 MB", "48.0 kB", "512 bytes".
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} bytes"),
        1_000..1_000_000 => format!("{:.1} kB", bytes as f64 / 1e3),
        1_000_000..1_000_000_000 => format!("{:.1} MB", bytes as f64 / 1e6),
        _ => format!("{:.2} GB", bytes as f64 / 1e9),
    }
}

impl Widget for &Loading<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let name = sanitize_line(self.name).into_owned();
        let size = self.bytes.map(human_size).unwrap_or_default();
        let lines = vec![
            Line::styled(format!("Loading {name}"), theme.title_focused),
            Line::styled(
                format!(
                    "{size}{}{:.1} s",
                    if size.is_empty() { "" } else { " · " },
                    self.elapsed.as_secs_f64()
                ),
                theme.muted,
            ),
            Line::from(""),
            Line::styled("q, Esc or Ctrl-c quits", theme.key),
        ];
        let width = lines
            .iter()
            .map(Line::width)
            .max()
            .unwrap_or_default()
            .saturating_add(4)
            .min(area.width as usize) as u16;
        let height = (lines.len() as u16 + 2).min(area.height);
        let x = area.x + (area.width - width) / 2;
        let y = area.y + (area.height - height) / 2;
        let rect = Rect::new(x, y, width, height);
        Clear.render(area, buf);
        Paragraph::new(lines)
            .block(
                Block::bordered()
                    .border_style(theme.border_focused)
                    .title(" talks "),
            )
            .centered()
            .render(rect, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(width: u16, height: u16) -> String {
        let theme = Theme::monochrome();
        let loading = Loading {
            name: "big\u{1b}[31m.yaml",
            bytes: Some(612_345_678),
            elapsed: Duration::from_millis(3250),
            theme: &theme,
        };
        let area = Rect::new(0, 0, width, height);
        let mut buf = Buffer::empty(area);
        (&loading).render(area, &mut buf);
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    + "\n"
            })
            .collect()
    }

    #[test]
    fn says_what_loads_how_big_for_how_long_and_how_to_quit() {
        let text = screen(60, 12);
        assert!(text.contains("Loading big^[[31m.yaml"), "{text}");
        assert!(text.contains("612.3 MB · 3.2 s"), "{text}");
        assert!(text.contains("q, Esc or Ctrl-c quits"), "{text}");
        assert!(!text.contains('\u{1b}'));
        // Tiny terminals do not panic.
        for (w, h) in [(0, 0), (1, 1), (10, 3)] {
            screen(w, h);
        }
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(512), "512 bytes");
        assert_eq!(human_size(48_000), "48.0 kB");
        assert_eq!(human_size(60_535_539), "60.5 MB");
        assert_eq!(human_size(1_234_000_000), "1.23 GB");
    }
}
