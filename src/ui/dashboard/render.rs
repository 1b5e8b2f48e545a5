//! `render(&Dashboard, &dyn Hub, &mut Frame)`: draws the state and what the hub reports, never
//! changes either. The table, a watched student's screen or the presentation, with the line
//! editor, the status line and the overlays.

use super::hub::Hub;
use super::keys;
use super::state::{ChooserFor, Dashboard, PromptKind, View};
use super::table::{self, Row, SortBy};
use super::{strings, tally};
use crate::class::live::Place;
use crate::ui::theme::{Theme, ascii_fold};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Cell, Clear, Paragraph, Row as TableRow, Table, TableState, Wrap};

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
fn fold<'a>(d: &Dashboard, s: &'a str) -> std::borrow::Cow<'a, str> {
    ascii_fold(s, d.options.ascii)
}

/// The student table.
fn render_table(d: &Dashboard, hub: &dyn Hub, f: &mut Frame, r: Rect, theme: &Theme) {
    let students = hub.students();
    let now = hub.now_ms();
    let rows = table::rows(&students, now, d.sort, &d.filter);
    let connected = students.iter().filter(|s| s.connected).count();
    let stuck = rows.iter().filter(|r| r.stuck).count();
    let arrow = if d.options.ascii { "v" } else { "▼" };
    let mut title = format!(
        " {} {connected}/{} connected · sort: {} {arrow} ",
        strings::TABLE_TITLE,
        students.len(),
        d.sort.label()
    );
    if stuck > 0 {
        title.push_str(&format!("· {stuck} stuck "));
    }
    if !d.filter.is_empty() {
        title.push_str(&format!("· filter: {} ", d.filter));
    }
    let block = Block::bordered()
        .border_set(theme.border)
        .title(fold(d, &crate::ui::panes::fit_title(&title, r.width)).into_owned());
    if rows.is_empty() {
        let text = if students.is_empty() {
            strings::NOBODY_YET
        } else {
            strings::NOBODY_MATCHES
        };
        f.render_widget(
            Paragraph::new(text)
                .wrap(Wrap { trim: true })
                .style(theme.dim)
                .block(block),
            r,
        );
        return;
    }
    let wide = r.width >= 110;
    let name_w = rows
        .iter()
        .map(|r| r.status.name.chars().count())
        .max()
        .unwrap_or(4)
        .clamp(4, 16) as u16;
    let lesson_w = if wide { 24 } else { 10 };
    let head = |s: SortBy, label: &'static str| {
        if d.sort == s {
            format!("{label}{arrow}")
        } else {
            label.to_string()
        }
    };
    let header = TableRow::new(vec![
        Cell::from(""),
        Cell::from(head(SortBy::Name, "name")),
        Cell::from("lesson"),
        Cell::from(head(SortBy::Step, "step")),
        Cell::from("goals"),
        Cell::from(head(SortBy::TimeOnStep, "on step")),
        Cell::from("hints"),
        Cell::from(head(SortBy::Failures, "fails")),
        Cell::from(head(SortBy::LastActivity, "active")),
    ])
    .style(theme.dim);
    // The step column takes what the others leave (one space between columns, the border).
    let fixed = 2 + name_w + lesson_w + 5 + 8 + 5 + 6 + 8 + 8;
    let cols = Cols {
        name: name_w as usize,
        lesson: lesson_w as usize,
        step: r.width.saturating_sub(2 + fixed) as usize,
    };
    let body: Vec<TableRow> = rows
        .iter()
        .map(|row| table_row(d, row, wide, &cols, theme))
        .collect();
    let widths = [
        Constraint::Length(2),
        Constraint::Length(name_w),
        Constraint::Length(lesson_w),
        Constraint::Fill(1),
        Constraint::Length(5),
        Constraint::Length(8),
        Constraint::Length(5),
        Constraint::Length(6),
        Constraint::Length(8),
    ];
    let selected = super::update::selected_index(d, &rows);
    let visible = table_rows_area(r).height as usize;
    let mut state = TableState::default()
        .with_offset(scroll_for(selected.unwrap_or(0), d.scroll, visible))
        .with_selected(selected);
    let t = Table::new(body, widths)
        .header(header)
        .block(block)
        .column_spacing(1)
        .row_highlight_style(theme.active);
    f.render_stateful_widget(t, r, &mut state);
}

/// The widths of the table's columns whose text may be too long.
struct Cols {
    name: usize,
    lesson: usize,
    step: usize,
}

/// One student's row: stuck ones marked `!` in the error style, the ones who left dimmed.
/// Text too long for its column ends with `…` (issue 10: nothing is cut without the mark).
fn table_row<'a>(
    d: &Dashboard,
    row: &'a Row,
    wide: bool,
    cols: &Cols,
    theme: &Theme,
) -> TableRow<'a> {
    let fit = |text: &str, room: usize| fold(d, &crate::ui::panes::fit(text, room)).into_owned();
    let s = &row.status;
    let dot = match (s.connected, d.options.ascii) {
        (true, false) => "●",
        (false, false) => "○",
        (true, true) => "*",
        (false, true) => "o",
    };
    let mark = format!("{dot}{}", if row.stuck { "!" } else { "" });
    let (lesson, step, goals) = match s.place {
        Place::Lesson => {
            let lesson = if wide && !s.lesson_title.is_empty() {
                s.lesson_title.clone()
            } else {
                s.lesson.clone()
            };
            let step = match s.step {
                Some(i) => format!("{}/{} {}", i + 1, s.steps, s.step_title),
                None => "recap".into(),
            };
            (lesson, step, format!("{}/{}", s.goals_met, s.goals_total))
        }
        Place::Picker => ("(choosing)".into(), String::new(), String::new()),
        Place::Sandbox => ("(sandbox)".into(), String::new(), String::new()),
        Place::Quiz => ("(quiz)".into(), String::new(), String::new()),
    };
    let on_step = if s.place == Place::Picker {
        String::new()
    } else {
        table::clock(row.on_step_ms)
    };
    let style = if row.stuck {
        theme.error
    } else if !s.connected {
        theme.dim
    } else {
        Style::default()
    };
    TableRow::new(vec![
        Cell::from(mark),
        Cell::from(fit(&s.name, cols.name)),
        Cell::from(fit(&lesson, cols.lesson)),
        Cell::from(fit(&step, cols.step)),
        Cell::from(goals),
        Cell::from(on_step),
        Cell::from(num(s.hints as u64)),
        Cell::from(num(u64::from(s.failed_commands))),
        Cell::from(table::ago(row.idle_ms)),
    ])
    .style(style)
}

/// A count, blank when zero (the eye goes to the ones that are not).
fn num(n: u64) -> String {
    if n == 0 { String::new() } else { n.to_string() }
}

/// A watched student's screen: a header saying whose, then their screen as they see it, cut
/// to the room there is.
fn render_watch(d: &Dashboard, hub: &dyn Hub, f: &mut Frame, a: Areas, name: &str, theme: &Theme) {
    let mirror = hub.mirror();
    let cut = mirror
        .as_ref()
        .filter(|b| b.area.width > a.main.width || b.area.height > a.main.height)
        .map(|b| (b.area.width, b.area.height));
    let header = strings::watching(name, cut);
    let header = crate::ui::panes::fit(&header, a.banner.width as usize);
    f.render_widget(
        Paragraph::new(Line::styled(fold(d, &header).into_owned(), theme.active)),
        a.banner,
    );
    match mirror {
        Some(buf) => blit(&buf, f.buffer_mut(), a.main),
        None => {
            let connected = hub.students().iter().any(|s| s.name == name && s.connected);
            f.render_widget(
                Paragraph::new(fold(d, &strings::no_mirror(name, connected)).into_owned())
                    .style(theme.dim),
                a.main,
            );
        }
    }
}

/// Copies `src` into `area` of `dst`, from its top-left corner, cropped to what fits.
pub fn blit(src: &Buffer, dst: &mut Buffer, area: Rect) {
    let w = src.area.width.min(area.width);
    let h = src.area.height.min(area.height);
    for y in 0..h {
        for x in 0..w {
            let from = (src.area.x + x, src.area.y + y);
            let to = (area.x + x, area.y + y);
            if let (Some(c), Some(_)) = (src.cell(from), dst.cell(to)) {
                let c = c.clone();
                if let Some(cell) = dst.cell_mut(to) {
                    *cell = c;
                }
            }
        }
    }
}

/// Where the presentation's parts go: its app, and the live vote under it.
pub fn present_areas(d: &Dashboard, hub: &dyn Hub, main: Rect) -> (Rect, Option<Rect>) {
    let Some(rows) = tally::panel_rows(d, hub) else {
        return (main, None);
    };
    // The app keeps the room it needs ([`crate::ui::layout::MIN`]).
    let room = main.height.saturating_sub(crate::ui::layout::MIN.1);
    let h = (rows as u16).min(room);
    if h < 3 {
        return (main, None);
    }
    let [app, panel] = Layout::vertical([Constraint::Fill(1), Constraint::Length(h)]).areas(main);
    (app, Some(panel))
}

/// The presentation: one header line (how to connect, follow mode), the presenter's app as
/// `kubestory present` draws it, and the live vote while the step asks a prediction.
fn render_present(
    d: &Dashboard,
    hub: &dyn Hub,
    f: &mut Frame,
    a: Areas,
    banner: &[String],
    theme: &Theme,
) {
    let Some(p) = &d.presenter else {
        return;
    };
    // How to connect on the left (late-comers read it off the projector), the class's mode
    // on the right.
    let right = if p.follow {
        " class follows you · Tab: students "
    } else {
        " class at own pace · Tab: students "
    };
    let room = (a.banner.width as usize).saturating_sub(right.chars().count() + 1);
    let left = crate::ui::panes::fit(banner.first().map_or("", |s| s.as_str()), room);
    let [l, r] = Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(right.chars().count() as u16),
    ])
    .areas(a.banner);
    f.render_widget(
        Paragraph::new(Line::styled(fold(d, &left).into_owned(), theme.key)),
        l,
    );
    f.render_widget(Paragraph::new(Line::styled(right, theme.active)), r);
    // The app is drawn over the rest, its own two bottom lines included.
    let whole = Rect {
        height: a.main.height + a.line.height + a.status.height,
        ..a.main
    };
    let (app_area, panel) = present_areas(d, hub, whole);
    let (buf, cursor) = draw_app(&p.app, app_area.width, app_area.height);
    blit(&buf, f.buffer_mut(), app_area);
    if let Some((x, y)) = cursor {
        f.set_cursor_position((app_area.x + x, app_area.y + y));
    }
    if let Some(r) = panel {
        tally::render(d, hub, f, r, theme);
    }
}

/// The app drawn off screen at `w`×`h`: its cells, and its cursor when it shows one.
fn draw_app(app: &crate::ui::App, w: u16, h: u16) -> (Buffer, Option<(u16, u16)>) {
    let backend = ratatui::backend::TestBackend::new(w.max(1), h.max(1));
    // The test backend never fails (its error type has no value).
    let Ok(mut t) = ratatui::Terminal::new(backend);
    if t.draw(|f| crate::ui::render(app, f)).is_err() {
        return (Buffer::empty(Rect::new(0, 0, w, h)), None);
    }
    let b = t.backend();
    let cursor = b
        .cursor_visible()
        .then(|| (b.cursor_position().x, b.cursor_position().y));
    (b.buffer().clone(), cursor)
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

/// The lesson list over the screen (`p`, `Q`).
fn render_chooser(
    d: &Dashboard,
    purpose: ChooserFor,
    selected: usize,
    f: &mut Frame,
    area: Rect,
    theme: &Theme,
) {
    let mut items: Vec<String> = Vec::new();
    if purpose == ChooserFor::Quiz {
        items.push(strings::ALL_LESSONS.to_string());
    }
    for l in &d.options.lessons {
        items.push(format!("{}  {}", l.card.id, l.card.title));
    }
    let title = match purpose {
        ChooserFor::Present => strings::CHOOSE_PRESENT,
        ChooserFor::Quiz => strings::CHOOSE_QUIZ,
    };
    let width = (items
        .iter()
        .map(|s| s.chars().count())
        .max()
        .unwrap_or(0)
        .max(title.chars().count())
        + 4)
    .min(area.width as usize) as u16;
    let height = (items.len() as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    clear_popup(f, area, popup);
    let block = Block::bordered().border_set(theme.border).title(title);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let visible = inner.height as usize;
    let first = scroll_for(selected, 0, visible);
    let lines: Vec<Line> = items
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, s)| {
            let s = fold(
                d,
                &crate::ui::panes::fit(s, inner.width.saturating_sub(2) as usize),
            )
            .into_owned();
            if i == selected {
                Line::styled(format!(" {s}"), theme.active)
            } else {
                Line::raw(format!(" {s}"))
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}

/// Clears a popup and a blank column on each side of it: text under it ends before its border
/// instead of running into it (where it would look cut), as the app's help does.
fn clear_popup(f: &mut Frame, area: Rect, popup: Rect) {
    let margin = Rect {
        x: popup.x.saturating_sub(1).max(area.x),
        width: (popup.width + 2).min(area.width),
        ..popup
    };
    f.render_widget(Clear, margin);
}

/// A `w`×`h` rectangle centred in `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(h)])
        .flex(Flex::Center)
        .areas(area);
    let [r] = Layout::horizontal([Constraint::Length(w)])
        .flex(Flex::Center)
        .areas(row);
    r
}

/// The help: every dashboard key by where it works, and the presentation's own keys.
pub fn help_lines(d: &Dashboard) -> Vec<(String, String)> {
    use keys::When;
    let mut out: Vec<(String, String)> = Vec::new();
    let groups = [
        (
            "the table",
            vec![
                When::Table,
                When::Filtered,
                When::TablePresenting,
                When::TableIdle,
                When::Always,
            ],
        ),
        ("watching a student", vec![When::Watch]),
        ("the line at the bottom", vec![When::Prompt]),
        ("presenting", vec![When::Present]),
    ];
    for (title, whens) in groups {
        out.push((String::new(), format!("{title}:")));
        let mut shown: Vec<String> = Vec::new();
        for b in keys::bindings() {
            if whens.contains(&b.when) {
                let k: Vec<String> = b.keys.iter().map(keys::label).collect();
                let k = fold(d, &k.join(" ")).into_owned();
                // A key bound twice in a group (`p` with and without a presentation) once.
                if !shown.contains(&k) {
                    shown.push(k.clone());
                    out.push((k, b.label.to_string()));
                }
            }
        }
    }
    if d.presenter.is_some() {
        out.push((String::new(), strings::HELP_PRESENT.to_string()));
        for b in crate::ui::keymap::bindings() {
            if b.when == crate::ui::keymap::When::Present && b.in_status {
                let k: Vec<String> = b.keys.iter().map(keys::label).collect();
                out.push((fold(d, &k.join(" ")).into_owned(), b.label.to_string()));
            }
        }
    }
    out
}

/// The help overlay, in as many columns as it takes.
fn render_help(d: &Dashboard, f: &mut Frame, area: Rect, theme: &Theme) {
    let rows = help_lines(d);
    let room = (area.height.saturating_sub(2) as usize).max(1);
    let columns = rows.len().div_ceil(room).max(1);
    let per = rows.len().div_ceil(columns).max(1);
    let width = (40 * columns as u16 + 2).min(area.width);
    let height = (per as u16 + 2).min(area.height);
    let popup = centered(area, width, height);
    clear_popup(f, area, popup);
    let block = Block::bordered()
        .border_set(theme.border)
        .title(strings::HELP_TITLE);
    let inner = block.inner(popup);
    f.render_widget(block, popup);
    let parts = Layout::horizontal(vec![Constraint::Fill(1); columns]).split(inner);
    for (i, chunk) in rows.chunks(per).enumerate() {
        let Some(r) = parts.get(i) else {
            continue;
        };
        let kw = chunk
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        let lines: Vec<Line> = chunk
            .iter()
            .map(|(k, l)| {
                if k.is_empty() {
                    Line::styled(l.clone(), theme.active)
                } else {
                    Line::from(vec![
                        Span::styled(format!(" {k:<kw$} "), theme.key),
                        Span::raw(l.clone()),
                    ])
                }
            })
            .collect();
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), *r);
    }
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
