//! The `?` overlay, generated from the keymap table: every binding with its keys, grouped by
//! where it works; lesson keys are marked inactive in the sandbox.

use crate::ui::app::{App, Screen};
use crate::ui::keymap::{self, When};
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};

/// The overlay's lines: the bindings of this screen, grouped by where they work (groups in
/// the order they first appear in the table).
pub fn lines(app: &App) -> Vec<String> {
    let mut groups: Vec<(&str, Vec<String>)> = Vec::new();
    for b in keymap::bindings() {
        if !shown_in_help(b.when, app) {
            continue;
        }
        let line = format!("  {:<14} {}", keymap::keys_label(&b), b.label);
        let title = b.when.title();
        match groups.iter_mut().find(|(t, _)| *t == title) {
            Some((_, v)) => v.push(line),
            None => groups.push((title, vec![line])),
        }
    }
    let mut out = Vec::new();
    for (title, v) in groups {
        out.push(format!("{title}:"));
        out.extend(v);
    }
    out
}

/// Whether bindings active under `when` belong in the help of this screen: the picker's
/// keys on the picker, lesson keys in a lesson, sandbox keys in the sandbox.
pub fn shown_in_help(when: When, app: &App) -> bool {
    let picker = app.screen == Screen::Picker;
    match when {
        When::Help => false,
        When::Picker => picker,
        When::Always => true,
        When::Lesson | When::Predict => !picker && app.in_lesson(),
        When::Sandbox => !picker && !app.in_lesson(),
        _ => !picker,
    }
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
