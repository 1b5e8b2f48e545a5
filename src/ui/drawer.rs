//! What a command does is seen where the learner is looking. Below 120x36 the log is a tab
//! the learner is not on, and at 120x36 it is a narrow pane that wraps tables mid-word; so
//! the output of the learner's own action (a command, a story, a crash, an apply) opens in a
//! drawer over the bottom of the screen, as wide as the terminal, until the next key. Tables
//! are never wrapped (long rows are cut with a mark and scroll sideways); errors and notes
//! are prose and wrap at words, so a did-you-mean at the end of a long line stays on screen.

use super::app::{App, LogKind, Mode, Screen};
use super::layout;
use ratatui::layout::Rect;

/// The drawer's state: which log lines it shows and how far they are scrolled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Drawer {
    /// The first log line of the action's output.
    pub from: usize,
    /// One past the last log line of the action's output.
    pub to: usize,
    /// Rows scrolled from the top.
    pub scroll: usize,
    /// Columns scrolled sideways (tables wider than the screen).
    pub hscroll: usize,
}

/// Whether an action is one of the learner's own whose output belongs in the drawer.
pub fn opens_for(action: &super::Action) -> bool {
    use super::Action as A;
    matches!(
        action,
        A::LineSubmit
            | A::RunCommand(_)
            | A::ApplyEditor
            | A::Crash
            | A::DeletePod
            | A::ToggleNode
            | A::Undo
            | A::WriteStory(_)
            | A::OnSelection(_)
            | A::ConfirmDelete(true)
    )
}

/// After an action that logged lines `from..`: opens the drawer unless the log pane is on
/// screen and wide enough for every line (then the output is already where the learner looks).
pub fn open_after(app: &mut App, from: usize) {
    if app.screen != Screen::Play || app.present.is_some() || app.log.len() <= from {
        return;
    }
    let to = app.log.len();
    // `kubectl edit` just opened: the command line alone would cover the object being edited.
    let only_the_command = app.log[from..to]
        .iter()
        .all(|l| l.kind == super::app::LogKind::Command);
    if app.edit.is_some() && app.mode == Mode::Editor && only_the_command {
        return;
    }
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    if app.mode != Mode::Editor
        && let Some(log) = layout::areas(app, area).log
    {
        let inner_width = log.width.saturating_sub(3) as usize;
        let fits = app.log[from..to]
            .iter()
            .all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= inner_width);
        if fits {
            return;
        }
    }
    app.drawer = Some(Drawer {
        from,
        to,
        scroll: 0,
        hscroll: 0,
    });
}

/// Scrolls the drawer by rows and columns, within its text.
pub fn scroll(app: &mut App, rows: i32, cols: i32) {
    let Some(d) = app.drawer.as_mut() else {
        return;
    };
    let lines = d.to.saturating_sub(d.from);
    d.scroll = d
        .scroll
        .saturating_add_signed(rows as isize)
        .min(lines.saturating_sub(1));
    let widest = app.log[d.from..d.to.min(app.log.len())]
        .iter()
        .map(|l| l.text.chars().count())
        .max()
        .unwrap_or(0);
    d.hscroll = d
        .hscroll
        .saturating_add_signed(cols as isize)
        .min(widest.saturating_sub(1));
}

/// Whether the drawer's text goes beyond it: (downwards, sideways). Only then do the arrow
/// keys scroll it; otherwise they close it and do what they always do.
pub fn overflows(app: &App) -> (bool, bool) {
    let Some(d) = &app.drawer else {
        return (false, false);
    };
    let area = Rect::new(0, 0, app.size.0, app.size.1);
    let a = layout::areas(app, area);
    let top = a.tabs.map_or(0, |t| t.bottom());
    let height = a.input.y.saturating_sub(top) as usize;
    let width = (app.size.0 as usize).saturating_sub(3).max(1);
    let rows = super::panes::drawer_pane::rows(&app.log, d, width);
    let visible = (height * 2 / 3).max(3).min(height.saturating_sub(2));
    let down = rows.len() > visible;
    let sideways = d.hscroll > 0 || rows.iter().any(|(_, _, more)| *more);
    (down, sideways)
}

/// Whether a log line is prose (wrapped at words) rather than preformatted output (cut and
/// scrolled, never wrapped): kubectl's tables are padded with at least three spaces
/// (`text/tabwriter`, padding 3), YAML and `describe` lines are indented or aligned.
pub fn is_prose(kind: LogKind, text: &str) -> bool {
    // Two spaces are alignment too: `describe` pads its longest label with two
    // (`Service Account:  default`), which wrapping would collapse to one.
    kind != LogKind::Output || !(text.contains("  ") || text.starts_with(' '))
}
