//! Where each pane goes for a terminal size. Rendering and mouse handling both ask here, so a
//! click lands on the row that was drawn.

use super::app::{App, Mode, Tab};
use ratatui::layout::{Constraint, Layout, Rect};

/// The most rows a message takes above the command line (Tab's candidates); a longer list
/// ends with `…`.
pub const MESSAGE_ROWS_TYPING: usize = 3;

/// The smallest usable terminal.
pub const MIN: (u16, u16) = (60, 16);
/// From this size on, every pane is visible at once.
pub const WIDE: (u16, u16) = (120, 36);

/// The panes' areas for one frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Areas {
    /// The tab bar (small layout only).
    pub tabs: Option<Rect>,
    /// The cluster pane.
    pub cluster: Option<Rect>,
    /// The lesson pane.
    pub lesson: Option<Rect>,
    /// The log pane.
    pub log: Option<Rect>,
    /// The editor.
    pub editor: Option<Rect>,
    /// The input/message line.
    pub input: Rect,
    /// The status line (keys).
    pub status: Rect,
}

/// Whether the terminal is too small to use.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN.0 || area.height < MIN.1
}

/// Whether everything fits at once.
pub fn is_wide(area: Rect) -> bool {
    area.width >= WIDE.0 && area.height >= WIDE.1
}

/// Rows of the message line: two when the message is wider than the screen, so it is
/// wrapped rather than cut (issue 10: "prediction noted: … when the result is on sc" at 80
/// columns). The command line and the story prompt take one row, and up to
/// [`MESSAGE_ROWS_TYPING`] more above for a message (Tab's candidates, listed above the
/// prompt as bash lists them).
pub fn input_rows(app: &App, width: u16) -> u16 {
    let typing = matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter);
    if typing {
        let rows = app.message.as_deref().map_or(0, |m| {
            message_rows(m, usize::from(width.saturating_sub(1))).len()
        });
        return 1 + u16::try_from(rows.min(MESSAGE_ROWS_TYPING)).unwrap_or(0);
    }
    let long = app.message.as_deref().is_some_and(|m| {
        unicode_width::UnicodeWidthStr::width(m) > usize::from(width.saturating_sub(1))
    });
    if long && !typing { 2 } else { 1 }
}

/// A message above the command line, in rows of at most `width` columns: Tab's candidates
/// (separated by two spaces) are packed without splitting a name, as bash lists them; any
/// other message is wrapped at words.
pub fn message_rows(msg: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    if !msg.contains("  ") {
        return super::panes::drawer_pane::wrap_words(msg, width);
    }
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for item in msg.split("  ").filter(|i| !i.is_empty()) {
        let cols = |s: &str| unicode_width::UnicodeWidthStr::width(s);
        if !row.is_empty() && cols(&row) + 2 + cols(item) > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push_str("  ");
        }
        row.push_str(item);
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// Splits the screen.
pub fn areas(app: &App, area: Rect) -> Areas {
    let editing = app.mode == Mode::Editor;
    let mut a = Areas::default();
    let input_rows = input_rows(app, area.width);
    if app.present.is_some() {
        return projector(editing, area, input_rows);
    }
    if is_wide(area) {
        let [main, input, status] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(input_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        // In a lesson the text needs room too: the cluster gets 56%, but never less than
        // the diagram needs (62 columns with borders).
        let left_cols = if app.player.is_some() {
            (main.width * 56 / 100).max(62)
        } else {
            main.width * 58 / 100
        };
        let [left, right] =
            Layout::horizontal([Constraint::Length(left_cols), Constraint::Fill(1)]).areas(main);
        a.cluster = Some(left);
        if editing {
            a.editor = Some(right);
        } else {
            // A lesson gets most of the column; the sandbox's note needs a few rows.
            let lesson_rows = if app.player.is_some() {
                Constraint::Percentage(70)
            } else {
                Constraint::Length(8)
            };
            let [lesson, log] = Layout::vertical([lesson_rows, Constraint::Fill(1)]).areas(right);
            a.lesson = Some(lesson);
            a.log = Some(log);
        }
        a.input = input;
        a.status = status;
    } else {
        let [tabs, main, input, status] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(input_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        a.tabs = Some(tabs);
        if editing {
            a.editor = Some(main);
        } else {
            match app.tab {
                Tab::Cluster => a.cluster = Some(main),
                Tab::Log => a.log = Some(main),
                Tab::Lesson => a.lesson = Some(main),
            }
        }
        a.input = input;
        a.status = status;
    }
    a
}

/// Classroom mode: the diagram large on the left (the command output below it when there is
/// height to spare), the lesson (or the editor) on the right; no tabs, at any size.
fn projector(editing: bool, area: Rect, input_rows: u16) -> Areas {
    let [main, input, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(input_rows),
        Constraint::Length(1),
    ])
    .areas(area);
    // The diagram gets most of a projector's width; on a narrow terminal the text needs half.
    let share = if area.width >= 120 { 60 } else { 50 };
    let [left, right] =
        Layout::horizontal([Constraint::Percentage(share), Constraint::Fill(1)]).areas(main);
    let mut a = Areas {
        input,
        status,
        ..Areas::default()
    };
    if left.height >= 30 {
        let [cluster, log] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(9)]).areas(left);
        a.cluster = Some(cluster);
        a.log = Some(log);
    } else {
        a.cluster = Some(left);
    }
    if editing {
        a.editor = Some(right);
    } else {
        a.lesson = Some(right);
    }
    a
}

/// The inside of the cluster pane (its rows), if it is on screen.
pub fn tree_inner(app: &App) -> Option<Rect> {
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if too_small(area) {
        return None;
    }
    areas(app, area).cluster.map(|r| Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    })
}
