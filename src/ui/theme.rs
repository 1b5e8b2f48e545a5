//! Styles, with colour or without (`NO_COLOR`), and the border set (`--ascii`).

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// The styles of one run.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    /// Plain text.
    pub normal: Style,
    /// Commands echoed in the log.
    pub command: Style,
    /// Errors.
    pub error: Style,
    /// Data losses.
    pub loss: Style,
    /// Secondary text (events).
    pub dim: Style,
    /// kubestory's notes.
    pub note: Style,
    /// The active tab and focused titles.
    pub active: Style,
    /// Keys in the status line.
    pub key: Style,
    /// Goals met, steps done, right answers.
    pub good: Style,
    /// Borders.
    pub border: border::Set<'static>,
    /// Draw kubestory's own symbols as ASCII (see [`ascii_fold`]).
    pub ascii: bool,
}

/// ASCII borders for `--ascii`.
pub const ASCII_BORDER: border::Set<'static> = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The colour schemes: `--theme dark|light|high-contrast` (remembered between runs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    /// Light text on the terminal's own (dark) background.
    #[default]
    Dark,
    /// Dark text on white, painted over the whole screen: for projectors, which wash out
    /// dark backgrounds.
    Light,
    /// White and yellow on black, bold: for the back row and low-vision readers.
    HighContrast,
}

impl ThemeName {
    /// Every theme, as `--theme` takes them.
    pub const ALL: [ThemeName; 3] = [ThemeName::Dark, ThemeName::Light, ThemeName::HighContrast];

    /// The name `--theme` takes.
    pub fn name(self) -> &'static str {
        match self {
            ThemeName::Dark => "dark",
            ThemeName::Light => "light",
            ThemeName::HighContrast => "high-contrast",
        }
    }

    /// The theme a name stands for.
    pub fn parse(s: &str) -> Option<ThemeName> {
        ThemeName::ALL.into_iter().find(|t| t.name() == s)
    }
}

impl Theme {
    /// How a log line of this kind is drawn, in the log pane and the output drawer alike.
    pub fn log_style(&self, kind: super::app::LogKind) -> Style {
        use super::app::LogKind;
        match kind {
            LogKind::Command => self.command,
            LogKind::Output => self.normal,
            LogKind::Error => self.error,
            LogKind::Event => self.dim,
            LogKind::Loss => self.loss,
            LogKind::Note => self.note,
            LogKind::Goal => self.good,
        }
    }

    /// The default (dark) theme for these settings.
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme::named(ThemeName::Dark, color, ascii)
    }

    /// A theme by name. Without colour (`NO_COLOR`) every theme is the same: modifiers only.
    pub fn named(name: ThemeName, color: bool, ascii: bool) -> Theme {
        let border = if ascii { ASCII_BORDER } else { border::ROUNDED };
        let bold = Style::default().add_modifier(Modifier::BOLD);
        if !color {
            return Theme {
                normal: Style::default(),
                command: bold,
                error: bold,
                loss: Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
                dim: Style::default().add_modifier(Modifier::DIM),
                note: Style::default().add_modifier(Modifier::ITALIC),
                active: Style::default().add_modifier(Modifier::REVERSED),
                key: bold,
                good: bold,
                border,
                ascii,
            };
        }
        match name {
            ThemeName::Dark => {}
            ThemeName::Light => {
                return Theme {
                    normal: Style::default(),
                    command: bold.fg(Color::Blue),
                    error: bold.fg(Color::Red),
                    loss: bold.fg(Color::Red),
                    dim: Style::default().fg(Color::DarkGray),
                    note: Style::default().fg(Color::Magenta),
                    active: bold.fg(Color::White).bg(Color::Blue),
                    key: bold.fg(Color::Blue),
                    good: bold.fg(Color::Green),
                    border,
                    ascii,
                };
            }
            ThemeName::HighContrast => {
                return Theme {
                    normal: bold,
                    command: bold.fg(Color::LightCyan),
                    error: bold.fg(Color::LightRed),
                    loss: bold.fg(Color::LightRed).add_modifier(Modifier::UNDERLINED),
                    dim: bold.fg(Color::White),
                    note: bold.fg(Color::LightYellow),
                    active: bold.fg(Color::Black).bg(Color::LightYellow),
                    key: bold.fg(Color::LightYellow),
                    good: bold.fg(Color::LightGreen),
                    border: if ascii { ASCII_BORDER } else { border::THICK },
                    ascii,
                };
            }
        }
        Theme {
            normal: Style::default(),
            command: bold.fg(Color::Cyan),
            error: Style::default().fg(Color::Red),
            loss: bold.fg(Color::LightRed),
            dim: Style::default().fg(Color::Gray),
            note: Style::default().fg(Color::Yellow),
            active: bold.fg(Color::Black).bg(Color::Cyan),
            key: bold.fg(Color::Cyan),
            good: bold.fg(Color::Green),
            border,
            ascii,
        }
    }
}

/// The whole-screen colours a theme paints first (`None`: the terminal's own).
pub fn screen_style(name: ThemeName, color: bool) -> Option<Style> {
    match (name, color) {
        (_, false) | (ThemeName::Dark, _) => None,
        (ThemeName::Light, true) => Some(Style::default().fg(Color::Black).bg(Color::White)),
        (ThemeName::HighContrast, true) => Some(Style::default().fg(Color::White).bg(Color::Black)),
    }
}

/// The text with kubestory's own symbols replaced by ASCII (`--ascii`): `✓`→`+`, `★`→`*`,
/// `✗`→`x`, `→`→`->`, `—`→`-`, `○`→`o`, `•`→`-`, `▼`→`v`, `─`→`-`. Learner text passes
/// through unchanged otherwise.
pub fn ascii_fold(text: &str, ascii: bool) -> std::borrow::Cow<'_, str> {
    const MAP: &[(char, &str)] = &[
        ('✓', "+"),
        ('★', "*"),
        ('✗', "x"),
        ('→', "->"),
        ('—', "-"),
        ('○', "o"),
        ('•', "-"),
        ('▼', "v"),
        ('─', "-"),
        ('·', "-"),
        ('←', "<-"),
        ('↑', "Up"),
        ('↓', "Down"),
        ('›', ">"),
        ('…', "~"),
    ];
    if !ascii || !text.chars().any(|c| MAP.iter().any(|(m, _)| *m == c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match MAP.iter().find(|(m, _)| *m == c) {
            Some((_, r)) => out.push_str(r),
            None => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_fold_replaces_only_symbols_and_only_in_ascii_mode() {
        assert_eq!(
            super::ascii_fold("★ step done → ✓", true),
            "* step done -> +"
        );
        assert_eq!(super::ascii_fold("★ step done", false), "★ step done");
        assert_eq!(super::ascii_fold("plain text", true), "plain text");
    }
}
