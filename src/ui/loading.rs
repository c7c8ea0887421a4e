//! The frame shown while a large dossier loads: its name, size and the time so far.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
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

impl Loading<'_> {
    /// The explorer's frame: header, search bar and status bar, empty until it loads.
    fn bars(&self, name: &str, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let bar = |y: u16, spans: Vec<Span<'static>>, buf: &mut Buffer| {
            if y < area.bottom() {
                buf.set_line(area.x, y, &Line::from(spans), area.width);
            }
        };
        let header = vec![
            Span::styled(" talks ", theme.header.add_modifier(Modifier::REVERSED)),
            Span::styled(format!("  {name}"), theme.header),
        ];
        bar(area.y, header, buf);
        let search = vec![
            Span::styled(" / ", theme.key),
            Span::styled("search once the dossier is loaded", theme.muted),
        ];
        bar(area.y + 1, search, buf);
        if area.height > 2 {
            let status = vec![
                Span::styled(" q", theme.key),
                Span::styled(" quit ", theme.muted),
            ];
            bar(area.bottom() - 1, status, buf);
        }
    }
}

impl Widget for &Loading<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let name = sanitize_line(self.name).into_owned();
        let size = self.bytes.map(human_size).unwrap_or_default();
        let elapsed = format!("{:.1} s", self.elapsed.as_secs_f64());
        Clear.render(area, buf);
        self.bars(&name, area, buf);
        let facts: Vec<&str> = [size.as_str(), elapsed.as_str()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect();
        let lines = vec![
            Line::styled(format!("Loading {name}"), theme.title_focused),
            Line::styled(facts.join(" · "), theme.muted),
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
        Paragraph::new(lines)
            .block(Block::bordered().border_style(theme.border_focused))
            .centered()
            .render(Rect::new(x, y, width, height), buf);
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
        // The explorer's bars frame it: its header names the file, the bars say what works.
        let first = text.lines().next().unwrap_or_default();
        assert!(first.starts_with(" talks   big^[[31m.yaml"), "{text}");
        assert!(
            text.contains(" / search once the dossier is loaded"),
            "{text}"
        );
        assert!(
            text.lines()
                .last()
                .unwrap_or_default()
                .starts_with(" q quit"),
            "{text}"
        );
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
