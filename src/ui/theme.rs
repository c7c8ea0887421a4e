//! The explorer's styles, in one place. Monochrome under `NO_COLOR`: no colour at all
//! (crossterm's colour skipping would reset bold and reverse), so the selection is shown with
//! a `> ` marker, reverse and bold.

use ratatui::style::{Color, Modifier, Style};

use crate::model::Stance;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub(crate) monochrome: bool,
    pub(crate) header: Style,
    pub(crate) border: Style,
    pub(crate) border_focused: Style,
    pub(crate) title: Style,
    pub(crate) title_focused: Style,
    pub(crate) selected: Style,
    pub(crate) selected_unfocused: Style,
    pub(crate) matched: Style,
    pub(crate) muted: Style,
    pub(crate) label: Style,
    pub(crate) link: Style,
    pub(crate) link_focused: Style,
    pub(crate) quote: Style,
    pub(crate) error: Style,
    pub(crate) key: Style,
}

impl Theme {
    /// The theme for this environment: monochrome when `no_color` (the `NO_COLOR` variable).
    pub fn new(no_color: bool) -> Self {
        if no_color {
            Self::monochrome()
        } else {
            Self::colour()
        }
    }

    pub fn colour() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            monochrome: false,
            header: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan),
            title: Style::new().fg(Color::Gray),
            title_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: Style::new().add_modifier(bold),
            matched: Style::new().fg(Color::Yellow).add_modifier(bold),
            muted: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Cyan).add_modifier(bold),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            link_focused: Style::new().add_modifier(Modifier::REVERSED | bold),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            error: Style::new().fg(Color::Red).add_modifier(bold),
            key: Style::new().fg(Color::Cyan),
        }
    }

    /// For terminals with a light background: darker colours, no grey text.
    pub fn light() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            header: Style::new().fg(Color::Blue).add_modifier(bold),
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue),
            title: Style::new().fg(Color::Black),
            title_focused: Style::new().fg(Color::Blue).add_modifier(bold),
            matched: Style::new().fg(Color::Magenta).add_modifier(bold),
            muted: Style::new().fg(Color::DarkGray),
            label: Style::new().fg(Color::Blue).add_modifier(bold),
            link: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            key: Style::new().fg(Color::Blue),
            ..Theme::colour()
        }
    }

    /// Sets the colour of one role (`accent`, `link`, `matched`, `muted`, `error`,
    /// `border`) from a name (`red`), an index (`208`) or `#rrggbb`.
    pub(crate) fn set_colour(&mut self, role: &str, value: &str) -> Result<(), String> {
        let colour: Color = value
            .parse()
            .map_err(|_| format!("{role}: unknown colour \"{value}\""))?;
        match role {
            "accent" => {
                for style in [
                    &mut self.header,
                    &mut self.border_focused,
                    &mut self.title_focused,
                    &mut self.label,
                    &mut self.key,
                ] {
                    *style = style.fg(colour);
                }
            }
            "link" => self.link = self.link.fg(colour),
            "matched" => self.matched = self.matched.fg(colour),
            "muted" => self.muted = self.muted.fg(colour),
            "error" => self.error = self.error.fg(colour),
            "border" => self.border = self.border.fg(colour),
            _ => {
                return Err(format!(
                    "{role}: unknown colour role; use accent, link, matched, muted, error or border"
                ));
            }
        }
        Ok(())
    }

    pub fn monochrome() -> Self {
        let bold = Modifier::BOLD;
        Theme {
            monochrome: true,
            header: Style::new().add_modifier(bold),
            border: Style::new(),
            border_focused: Style::new().add_modifier(bold),
            title: Style::new(),
            title_focused: Style::new().add_modifier(bold | Modifier::REVERSED),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            selected_unfocused: Style::new().add_modifier(bold),
            matched: Style::new().add_modifier(bold | Modifier::UNDERLINED),
            muted: Style::new(),
            label: Style::new().add_modifier(bold),
            link: Style::new().add_modifier(Modifier::UNDERLINED),
            link_focused: Style::new().add_modifier(Modifier::REVERSED | bold),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            error: Style::new().add_modifier(bold),
            key: Style::new().add_modifier(bold),
        }
    }

    /// A stance's colour; bold alone in monochrome (the word itself says which).
    pub fn stance(&self, stance: &Stance) -> Style {
        if self.monochrome {
            return Style::new().add_modifier(Modifier::BOLD);
        }
        let colour = match stance {
            Stance::Demands => Color::Red,
            Stance::Supports => Color::Green,
            Stance::Opposes => Color::Magenta,
            Stance::Conditional => Color::Yellow,
            Stance::Unclear | Stance::Unknown(_) => Color::Gray,
        };
        Style::new().fg(colour).add_modifier(Modifier::BOLD)
    }
}
