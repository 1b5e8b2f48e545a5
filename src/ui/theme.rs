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

impl Theme {
    /// The theme for these settings.
    pub fn new(color: bool, ascii: bool) -> Theme {
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
