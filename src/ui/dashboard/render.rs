//! `render(&Dashboard, &dyn Hub, &mut Frame)`: draws the state and what the hub reports, never
//! changes either. The table, a watched student's screen or the presentation, with the line
//! editor, the status line and the overlays.

use super::hub::Hub;
use super::keys;
use super::overlay::{render_chooser, render_help};
use super::screens::{present_areas, render_present, render_watch};
use super::state::{Dashboard, PromptKind, View};
use super::strings;
use super::table_view::render_table;
use crate::ui::theme::{Theme, ascii_fold};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

/// Where the parts of the table view go (also used to map a click to a row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Areas {
    /// The banner (how to connect).
    pub banner: Rect,
    /// The main part: the table, a watched screen or the presentation.
    pub main: Rect,
    /// The line editor or the note.
    pub line: Rect,
    /// The status line.
    pub status: Rect,
}

/// The split of the screen: the banner's lines on top (not in the presentation, whose own
/// header is one line), two lines at the bottom.
pub fn areas(d: &Dashboard, banner_lines: usize, area: Rect) -> Areas {
    let top = match d.view {
        View::Table => (banner_lines as u16).min(area.height / 3),
        _ => 1,
    };
    let [banner, main, line, status] = Layout::vertical([
        Constraint::Length(top),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Areas {
        banner,
        main,
        line,
        status,
    }
}

/// The table's first data row on screen, and how many rows fit: inside the border, under the
/// header.
pub fn table_rows_area(main: Rect) -> Rect {
    Rect {
        x: main.x + 1,
        y: main.y + 2,
        width: main.width.saturating_sub(2),
        height: main.height.saturating_sub(3),
    }
}

/// The first row shown so that the selected one is visible.
pub fn scroll_for(selected: usize, scroll: usize, visible: usize) -> usize {
    if visible == 0 {
        0
    } else if selected < scroll {
        selected
    } else if selected >= scroll + visible {
        selected + 1 - visible
    } else {
        scroll
    }
}

/// Draws the whole dashboard.
pub fn render(d: &Dashboard, hub: &dyn Hub, f: &mut Frame) {
    let area = f.area();
    let theme = Theme::named(d.options.theme, d.options.color, d.options.ascii);
    if let Some(style) = crate::ui::theme::screen_style(d.options.theme, d.options.color) {
        f.buffer_mut().set_style(area, style);
    }
    let banner = hub.banner();
    let a = areas(d, banner.len(), area);
    match &d.view {
        View::Table => {
            let lines: Vec<Line> = banner
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let style = if i == 0 { theme.key } else { theme.normal };
                    let l = crate::ui::panes::fit(l, a.banner.width as usize);
                    Line::styled(fold(d, &l).into_owned(), style)
                })
                .collect();
            f.render_widget(Paragraph::new(lines), a.banner);
            render_table(d, hub, f, a.main, &theme);
        }
        View::Watch(name) => render_watch(d, hub, f, a, name, &theme),
        View::Present => {
            // The presentation's look (high contrast by default: it is for the projector).
            let look = Theme::named(d.options.present_theme, d.options.color, d.options.ascii);
            render_present(d, hub, f, a, &banner, &look)
        }
    }
    render_line(d, f, a.line, &theme);
    render_status(d, f, a.status, &theme);
    if let Some(c) = &d.chooser {
        render_chooser(d, c.purpose, c.selected, f, area, &theme);
    }
    if d.help {
        render_help(d, f, area, &theme);
    }
}

/// Folds the dashboard's own symbols to ASCII with `--ascii`.
pub fn fold<'a>(d: &Dashboard, s: &'a str) -> std::borrow::Cow<'a, str> {
    ascii_fold(s, d.options.ascii)
}

/// The line above the status line: the open editor, the quit question, or the last note.
fn render_line(d: &Dashboard, f: &mut Frame, r: Rect, theme: &Theme) {
    if d.view == View::Present && d.prompt.is_none() && !d.confirm_quit {
        return;
    }
    if d.confirm_quit {
        f.render_widget(Clear, r);
        f.render_widget(
            Paragraph::new(Line::styled(strings::CONFIRM_QUIT, theme.error)),
            r,
        );
        return;
    }
    if let Some(p) = &d.prompt {
        f.render_widget(Clear, r);
        let prompt = match &p.kind {
            PromptKind::Filter => strings::FILTER_PROMPT.to_string(),
            PromptKind::Message(to) => strings::message_prompt(to.as_deref()),
            PromptKind::Hint(to) => strings::hint_prompt(to),
            PromptKind::QuizTime(_) => strings::QUIZ_TIME_PROMPT.to_string(),
        };
        let error = p
            .error
            .clone()
            .map(|e| format!("  {e}"))
            .unwrap_or_default();
        let pw = crate::ui::line_edit::columns(&prompt) as u16;
        let room = r.width.saturating_sub(pw + 1) as usize;
        let win = p.line.window(room.max(2));
        let text = format!(
            "{}{}{}",
            if win.more_left { "<" } else { "" },
            win.text,
            if win.more_right { ">" } else { "" }
        );
        let shift = u16::from(win.more_left);
        f.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(prompt, theme.key),
                Span::raw(text),
                Span::styled(error, theme.error),
            ])),
            r,
        );
        let x = (r.x + pw + shift + win.cursor as u16).min(r.right().saturating_sub(1));
        f.set_cursor_position((x, r.y));
        return;
    }
    if let Some(m) = &d.message {
        let m = crate::ui::panes::fit(m, r.width as usize);
        f.render_widget(
            Paragraph::new(Line::styled(fold(d, &m).into_owned(), theme.note)),
            r,
        );
    }
}

/// The status line: the keys that work now, as many as fit.
fn render_status(d: &Dashboard, f: &mut Frame, r: Rect, theme: &Theme) {
    if d.view == View::Present && d.prompt.is_none() && !d.confirm_quit && !d.help {
        return;
    }
    let mut spans = Vec::new();
    let mut used = 0usize;
    let mut seen: Vec<&str> = Vec::new();
    for b in keys::active(d) {
        if !b.in_status || seen.contains(&b.label) {
            continue;
        }
        seen.push(b.label);
        let k: Vec<String> = b.keys.iter().take(1).map(keys::label).collect();
        let k = fold(d, &k.join("/")).into_owned();
        let w = k.chars().count() + b.label.chars().count() + 3;
        if used + w > r.width as usize {
            break;
        }
        used += w;
        spans.push(Span::styled(k, theme.key));
        spans.push(Span::raw(format!(" {}  ", b.label)));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), r);
}

/// The table row (among the shown rows) under a click, if any: the same geometry as
/// [`render`] at the dashboard's size.
pub fn row_at(d: &Dashboard, banner_lines: usize, col: u16, row: u16) -> Option<usize> {
    if d.view != View::Table {
        return None;
    }
    let area = Rect::new(0, 0, d.size.0, d.size.1);
    let rows = table_rows_area(areas(d, banner_lines, area).main);
    let inside = col >= rows.x && col < rows.right() && row >= rows.y && row < rows.bottom();
    inside.then(|| d.scroll + usize::from(row - rows.y))
}

/// The presenter's app's rectangle at the dashboard's size (its clicks are shifted by its
/// corner; its size is the app's own `size`).
pub fn present_app_area(d: &Dashboard, hub: &dyn Hub) -> Rect {
    let area = Rect::new(0, 0, d.size.0, d.size.1);
    let a = areas(d, 1, area);
    let whole = Rect {
        height: a.main.height + a.line.height + a.status.height,
        ..a.main
    };
    present_areas(d, hub, whole).0
}
