//! The `?` overlay, generated from the keymap table: every binding with its keys, grouped by
//! where it works; lesson keys are marked inactive in the sandbox.

use crate::ui::app::{App, Screen};
use crate::ui::keymap::{self, When};
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

/// One row of the overlay: a group title, or a binding's keys and label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// Where the keys below work (`cluster:`, `editor:`…).
    Title(&'static str),
    /// Keys and what they do.
    Key(String, &'static str),
}

/// The overlay's rows: the bindings of this screen, grouped by where they work (groups in
/// the order they first appear in the table). When they would not fit in two columns with
/// the status line still showing, readline's dozen editing keys give way: the input line's
/// title says its keys are bash's (the README lists them).
pub fn rows(app: &App) -> Vec<Row> {
    rows_within(app, Rect::new(0, 0, app.size.0, app.size.1))
}

/// [`rows`] for an overlay drawn over `area` (its width decides how many columns fit).
fn rows_within(app: &App, area: Rect) -> Vec<Row> {
    let full = rows_of(app, false);
    let room = usize::from(area.height.saturating_sub(4)).max(1);
    // A column needs about 26 cells to show `Ctrl-R search history` whole.
    let columns = usize::from(area.width.saturating_sub(2) / 26).clamp(1, 2);
    if full.len() > columns * room {
        rows_of(app, true)
    } else {
        full
    }
}

fn rows_of(app: &App, compact: bool) -> Vec<Row> {
    let mut groups: Vec<(&'static str, Vec<Row>)> = Vec::new();
    for b in keymap::bindings() {
        if !shown_in_help(b.when, app) {
            continue;
        }
        if compact && matches!(b.action, crate::ui::Action::LineEdit(_)) {
            continue;
        }
        // Keys of a state that is not on now (the output box, a watch, a filter) are in the
        // status line when it is: a small screen leaves them out here.
        let situational = match b.when {
            When::Drawer | When::DrawerDown | When::DrawerSideways => app.drawer.is_none(),
            When::Watching => app.following.is_none(),
            When::Filtered => app.filter.is_none(),
            When::Confirm => true,
            _ => false,
        };
        if compact && situational {
            continue;
        }
        let row = Row::Key(keymap::keys_label(&b), b.label);
        let title = match b.when.title() {
            "input line" if compact => strings::HELP_LINE_COMPACT,
            t => t,
        };
        match groups.iter_mut().find(|(t, _)| *t == title) {
            Some((_, v)) => v.push(row),
            None => groups.push((title, vec![row])),
        }
    }
    let mut out = Vec::new();
    for (title, v) in groups {
        out.push(Row::Title(title));
        out.extend(v);
    }
    out
}

/// The overlay as plain lines (for tests and screen readers of the source).
pub fn lines(app: &App) -> Vec<String> {
    rows(app)
        .into_iter()
        .map(|r| match r {
            Row::Title(t) => format!("{t}:"),
            Row::Key(k, l) => format!("  {k:<14} {l}"),
        })
        .collect()
}

/// Whether bindings active under `when` belong in the help of this screen: the picker's
/// keys on the picker, lesson keys in a lesson, sandbox keys in the sandbox.
pub fn shown_in_help(when: When, app: &App) -> bool {
    let picker = app.screen == Screen::Picker;
    let quiz = app.screen == Screen::Quiz;
    match when {
        When::Help => false,
        When::Picker => picker,
        When::Always => true,
        When::Present | When::Blank => app.present.is_some() && !picker,
        When::Confirm => false,
        When::Filtered => !picker && !quiz,
        When::Lesson | When::Predict => !picker && !quiz && app.in_lesson(),
        When::Sandbox => !picker && !quiz && !app.in_lesson(),
        When::Browse => !picker && !quiz,
        // A search's own keys are in the status line while it runs.
        When::Search => false,
        When::Command | When::CommandNoSearch | When::Line | When::Editor => !picker,
        // The output drawer's keys, in the cluster and lesson screens.
        When::Drawer | When::DrawerDown | When::DrawerSideways => !picker && !quiz,
        // The running clock and a watch, where a cluster is on screen.
        When::Clock | When::Watching => !picker && !quiz,
        // The rest are quiz mode's conditions (`When::is_quiz`, named once in the keymap).
        w => {
            debug_assert!(w.is_quiz());
            quiz
        }
    }
}

/// Draws the overlay centred over `area`, in as many columns as it takes to show every
/// row (the key column as wide as that column's longest keys).
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let rows = rows_within(app, area);
    let room = (area.height.saturating_sub(2) as usize).max(1);
    let columns = rows.len().div_ceil(room).max(1);
    let per_column = rows.len().div_ceil(columns);
    let height = (per_column as u16 + 2).min(area.height);
    let width = (42 * columns as u16 + 2).min(area.width);
    let [row] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(row);
    // A blank column on each side: text under the overlay ends before its border instead of
    // running into it (where it would look cut).
    let margin = Rect {
        x: popup.x.saturating_sub(1).max(area.x),
        width: (popup.width + 2).min(area.width),
        ..popup
    };
    f.render_widget(Clear, margin);
    let block = Block::bordered()
        .border_set(theme.border)
        .title(strings::HELP_TITLE);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (i, chunk) in rows.chunks(per_column.max(1)).enumerate() {
        let Some(r) = parts.get(i) else {
            continue;
        };
        let keys = chunk
            .iter()
            .map(|row| match row {
                Row::Key(k, _) => k.chars().count(),
                Row::Title(_) => 0,
            })
            .max()
            .unwrap_or(0);
        let text: Vec<Line> = chunk
            .iter()
            .map(|row| match row {
                Row::Title(t) => Line::styled(format!("{t}:"), theme.active),
                Row::Key(k, l) => Line::from(vec![
                    Span::styled(format!(" {k:<keys$} "), theme.key),
                    Span::raw(*l),
                ]),
            })
            .collect();
        f.render_widget(Paragraph::new(text), *r);
    }
}
