//! The `?` overlay, generated from the keymap table: every binding with its keys, grouped by
//! where it works; lesson keys are marked inactive in the sandbox.

use crate::ui::app::App;
use crate::ui::keymap::{self, When};
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// The overlay's lines.
pub fn lines(app: &App) -> Vec<String> {
    let mut out = Vec::new();
    let mut last: Option<&str> = None;
    for b in keymap::bindings() {
        if b.when == When::Help {
            continue;
        }
        let title = b.when.title();
        if last != Some(title) {
            out.push(format!("{title}:"));
            last = Some(title);
        }
        let inactive = b.when == When::Lesson && !app.in_lesson;
        let note = if inactive {
            format!(" {}", strings::LESSON_ONLY)
        } else {
            String::new()
        };
        out.push(format!(
            "  {:<16} {}{note}",
            keymap::keys_label(&b),
            b.label
        ));
    }
    out
}

/// Draws the overlay centred over `area`.
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = lines(app);
    let height = (lines.len() as u16 + 2).min(area.height);
    let width = 56.min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    f.render_widget(Clear, popup);
    let block = Block::bordered()
        .border_set(theme.border)
        .title(strings::HELP_TITLE);
    let text: Vec<Line> = lines.into_iter().map(Line::from).collect();
    f.render_widget(Paragraph::new(text).block(block), popup);
}
