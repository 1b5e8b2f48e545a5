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
            "  {:<14} {}{note}",
            keymap::keys_label(&b),
            b.label
        ));
    }
    out
}

/// Draws the overlay centred over `area`, in two columns when one does not fit.
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let lines = lines(app);
    let room = area.height.saturating_sub(2) as usize;
    let columns = if lines.len() > room { 2 } else { 1 };
    let per_column = lines.len().div_ceil(columns);
    let height = (per_column as u16 + 2).min(area.height);
    let width = (42 * columns as u16 + 2).min(area.width);
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
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (i, chunk) in lines.chunks(per_column.max(1)).enumerate() {
        if let Some(r) = parts.get(i) {
            let text: Vec<Line> = chunk.iter().cloned().map(Line::from).collect();
            f.render_widget(Paragraph::new(text), *r);
        }
    }
}
