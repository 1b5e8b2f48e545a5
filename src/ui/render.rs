//! `render(&App, &mut Frame)`: draws the state, never changes it.

use super::app::{App, Mode, Screen, Tab};
use super::layout::{self, MIN};
use super::panes::{
    cluster_tree, drawer_pane, editor_pane, help, lesson_pane, log, picker_pane, quiz_pane,
};
use super::theme::Theme;
use super::{keymap, strings};
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the whole screen.
pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let theme = Theme::named(app.theme, app.color, app.ascii);
    if let Some(style) = super::theme::screen_style(app.theme, app.color) {
        f.buffer_mut().set_style(area, style);
    }
    if layout::too_small(area) {
        let msg = strings::enlarge(area.width, area.height, MIN.0, MIN.1);
        f.render_widget(
            Paragraph::new(msg)
                .wrap(Wrap { trim: true })
                .alignment(Alignment::Center),
            area,
        );
        return;
    }
    if app.screen == Screen::Picker {
        let [main, input, status] = ratatui::layout::Layout::vertical([
            ratatui::layout::Constraint::Fill(1),
            ratatui::layout::Constraint::Length(layout::input_rows(app, area.width)),
            ratatui::layout::Constraint::Length(1),
        ])
        .areas(area);
        picker_pane::render(f, main, app, &theme);
        bottom_lines(app, f, input, status, &theme);
        if app.help {
            help::render(f, area, app, &theme);
        }
        return;
    }
    if app.screen == Screen::Quiz {
        render_quiz(app, f, area, &theme);
        return;
    }
    if app.present.as_ref().is_some_and(|p| p.blank) {
        // Blanked for the class: nothing but a dim reminder in the corner for the presenter.
        let hint = Line::styled(strings::PRESENT_BLANK_HINT, theme.dim);
        let r = ratatui::layout::Rect::new(area.x, area.bottom() - 1, area.width, 1);
        f.render_widget(Paragraph::new(hint).alignment(Alignment::Right), r);
        return;
    }
    let a = layout::areas(app, area);
    if let Some(r) = a.tabs {
        let tab = |t: Tab, label: &'static str| {
            let style = if app.tab == t && app.mode != Mode::Editor {
                theme.active
            } else {
                theme.normal
            };
            Span::styled(format!(" {label} "), style)
        };
        let lesson_label = match &app.player {
            Some(p) if p.recap => "3 lesson: done".to_string(),
            Some(p) => format!(
                "3 lesson: step {}/{} goals {}/{}",
                p.step + 1,
                p.lesson().steps.len(),
                p.met.iter().filter(|m| **m).count(),
                p.met.len()
            ),
            None => "3 lesson".to_string(),
        };
        let lesson_tab = {
            let style = if app.tab == Tab::Lesson && app.mode != Mode::Editor {
                theme.active
            } else {
                theme.normal
            };
            Span::styled(format!(" {lesson_label} "), style)
        };
        let line = Line::from(vec![
            tab(Tab::Cluster, "1 cluster"),
            Span::raw(" "),
            tab(Tab::Log, log_label(app)),
            Span::raw(" "),
            lesson_tab,
        ]);
        f.render_widget(Paragraph::new(line), r);
    }
    if let Some(r) = a.cluster {
        cluster_pane(app, f, r, &theme);
    }
    if let Some(r) = a.lesson {
        lesson_pane::render(f, r, app, &theme);
    }
    if let Some(r) = a.log {
        let shown = app.shown_log();
        let title = match &app.filter {
            Some(filter) => strings::filtered_title(strings::LOG_TITLE, filter),
            None => strings::LOG_TITLE.to_string(),
        };
        let b = Block::bordered().border_set(theme.border).title(title);
        log::render(f, r, b, &shown, app.log_scroll, &theme);
    }
    if let Some(r) = a.editor {
        editor_pane::render(f, r, &app.editor, &app.editor_file, &theme, app.ascii);
    }
    if let Some(d) = &app.drawer {
        // Over the panes, above the input line: in the editor, under the text being fixed.
        let top = a.tabs.map_or(area.y, |t| t.bottom());
        let over = ratatui::layout::Rect::new(area.x, top, area.width, a.input.y - top);
        let over = match (app.mode, a.editor) {
            (Mode::Editor, Some(e)) => ratatui::layout::Rect {
                y: e.y + e.height / 2,
                height: e.height - e.height / 2,
                ..e
            },
            _ => over,
        };
        drawer_pane::render(f, over, app, d, &theme);
    }
    bottom_lines(app, f, a.input, a.status, &theme);
    if app.help {
        help::render(f, area, app, &theme);
    }
}

/// The Log tab's label: marked when it holds lines the learner has not had on screen.
fn log_label(app: &App) -> &'static str {
    // kubestory's own notes (a step's banner) do not count: only what happened.
    let unread = app
        .log
        .get(app.log_seen..)
        .is_some_and(|new| new.iter().any(|l| l.kind != super::app::LogKind::Note));
    match (unread, app.ascii) {
        (false, _) => "2 log",
        (true, false) => "2 log •",
        (true, true) => "2 log *",
    }
}

/// The cluster pane: the diagram when it fits, else the tree; its title flashes after a loss.
fn cluster_pane(app: &App, f: &mut Frame, r: ratatui::layout::Rect, theme: &Theme) {
    let block = |title: &'static str| Block::bordered().border_set(theme.border).title(title);
    // The flash: the pane's title blinks "data lost" for a few frames after a loss.
    let b = if app.flash % 2 == 1 {
        Block::bordered()
            .border_set(theme.border)
            .border_style(theme.loss)
            .title(Span::styled(strings::FLASH_TITLE, theme.loss))
    } else if let Some(filter) = &app.filter {
        Block::bordered()
            .border_set(theme.border)
            .title(strings::filtered_title(strings::CLUSTER_TITLE, filter))
    } else {
        block(strings::CLUSTER_TITLE)
    };
    let view = app.view();
    let inner = b.inner(r);
    if super::panes::diagram_fits(inner) {
        f.render_widget(b, r);
        let highlights = super::panes::highlights(app);
        let style = super::diagram::DiagramStyle {
            unicode: !app.ascii,
            color: app.color,
        };
        let diagram = super::diagram::Diagram {
            cluster: &view,
            selected: app.selected.as_ref(),
            highlights: &highlights,
            style: &style,
        };
        f.render_widget(&diagram, inner);
    } else {
        let highlights = super::panes::highlights(app);
        let style = super::diagram::DiagramStyle {
            unicode: !app.ascii,
            color: app.color,
        };
        let selected = app.selected.as_ref();
        cluster_tree::render(f, r, b, &view, &highlights, selected, &style);
    }
}

/// Quiz mode: the quiz pane, beside the question's cluster or its manifest when it has one.
fn render_quiz(app: &App, f: &mut Frame, area: ratatui::layout::Rect, theme: &Theme) {
    use crate::lesson::quiz::QuestionKind;
    use ratatui::layout::{Constraint, Layout};
    let [main, input, status] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(super::layout::input_rows(app, area.width)),
        Constraint::Length(1),
    ])
    .areas(area);
    let Some(quiz) = &app.quiz else {
        return;
    };
    let side = match (&quiz.phase, quiz.current().map(|(_, q)| q.kind)) {
        (crate::ui::quiz::Phase::Review, _) | (_, None) => None,
        (crate::ui::quiz::Phase::Asking, Some(QuestionKind::FixManifest)) => Some(true),
        (_, Some(k)) if k.is_choice() => None,
        _ => Some(false),
    };
    match side {
        None => {
            // Choice questions read best in a column of comfortable width.
            let w = main.width.min(100);
            let x = main.x + (main.width - w) / 2;
            let r = ratatui::layout::Rect::new(x, main.y, w, main.height);
            quiz_pane::render(f, r, app, theme);
        }
        Some(editor) => {
            let wide = main.width >= 110;
            let (quiz_area, other) = if wide {
                let [o, q] = Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)])
                    .areas(main);
                (q, o)
            } else {
                // Stacked: the feedback, once there, matters more than the cluster below it.
                // While asking, the cluster is what the question is about: half the height
                // (a learner's trial at 100x30 found a pod of the question below the edge).
                let share = if matches!(quiz.phase, crate::ui::quiz::Phase::Answered(_)) {
                    70
                } else {
                    50
                };
                let [q, o] = Layout::vertical([Constraint::Percentage(share), Constraint::Fill(1)])
                    .areas(main);
                (q, o)
            };
            quiz_pane::render(f, quiz_area, app, theme);
            if editor {
                editor_pane::render(f, other, &app.editor, &app.editor_file, theme, app.ascii);
            } else {
                cluster_pane(app, f, other, theme);
            }
        }
    }
    bottom_lines(app, f, input, status, theme);
    if app.help {
        help::render(f, area, app, theme);
    }
}

/// The command line (or the story line) on the last row of `area`, scrolled sideways so the
/// cursor stays visible, with the terminal's own cursor where the learner types (`<` and `>`
/// mark text hidden on either side, as readline's horizontal scrolling does); a message
/// (Tab's candidates) on the row above when there is one.
fn input_line(app: &App, f: &mut Frame, area: ratatui::layout::Rect, theme: &Theme) {
    use super::line_edit::{LineEdit, columns};
    let row = ratatui::layout::Rect {
        y: area.y + area.height.saturating_sub(1),
        height: 1,
        ..area
    };
    if area.height > 1
        && let Some(msg) = &app.message
    {
        let width = usize::from(area.width.saturating_sub(1)).max(1);
        let text = super::theme::ascii_fold(msg, app.ascii);
        let room = usize::from(area.height - 1);
        let mut rows = layout::message_rows(&text, width);
        if rows.len() > room {
            rows.truncate(room);
            if let Some(last) = rows.last_mut() {
                *last = super::panes::fit(&format!("{last} …"), width);
            }
        }
        let above = ratatui::layout::Rect {
            height: area.height - 1,
            ..area
        };
        let lines: Vec<Line> = rows
            .into_iter()
            .map(|r| Line::styled(r, theme.note))
            .collect();
        f.render_widget(Paragraph::new(lines), above);
    }
    let (prompt, line) = match (&app.search, app.mode) {
        (Some(s), _) => {
            let shown = match s.found {
                Some(_) => s.result(app.history.entries()),
                None => LineEdit::default(),
            };
            (s.prompt(), shown)
        }
        (None, Mode::StoryPrompt) => (strings::STORY_PROMPT.to_string(), app.line.clone()),
        (None, Mode::Filter) => (strings::FILTER_PROMPT.to_string(), app.line.clone()),
        (None, Mode::Command) if app.shell.is_some() => (
            app.shell
                .as_ref()
                .map(|s| super::shell::prompt(s, app))
                .unwrap_or_default(),
            app.line.clone(),
        ),
        (None, _) => (strings::COMMAND_PROMPT.to_string(), app.line.clone()),
    };
    let prompt_cols = columns(&prompt);
    let room = usize::from(row.width).saturating_sub(prompt_cols);
    let w = line.window(room);
    let mut text: Vec<char> = w.text.chars().collect();
    if w.more_left
        && let Some(c) = text.first_mut()
    {
        *c = '<';
    }
    if w.more_right
        && let Some(c) = text.last_mut()
    {
        *c = '>';
    }
    let mut spans = vec![
        Span::raw(prompt),
        Span::raw(text.into_iter().collect::<String>()),
    ];
    if app.mode == Mode::Command
        && app.search.is_none()
        && app.line.is_empty()
        && app.shell.is_none()
    {
        spans.push(Span::styled(strings::COMMAND_HINT, theme.dim));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), row);
    let x = (prompt_cols + w.cursor).min(usize::from(row.width.saturating_sub(1)));
    f.set_cursor_position(ratatui::layout::Position::new(
        row.x + u16::try_from(x).unwrap_or(0),
        row.y,
    ));
}

/// The input/message line and the status line of keys.
fn bottom_lines(
    app: &App,
    f: &mut Frame,
    input_area: ratatui::layout::Rect,
    status_area: ratatui::layout::Rect,
    theme: &Theme,
) {
    if matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter) {
        input_line(app, f, input_area, theme);
    }
    let input = match app.mode {
        Mode::Command | Mode::StoryPrompt | Mode::Filter => Line::default(),
        _ => Line::styled(
            super::theme::ascii_fold(app.message.as_deref().unwrap_or_default(), app.ascii)
                .into_owned(),
            theme.note,
        ),
    };
    let input = if input_area.height > 1
        && !matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter)
    {
        let text: String = input.spans.iter().map(|s| s.content.as_ref()).collect();
        let width = usize::from(input_area.width.saturating_sub(1)).max(1);
        let mut rows = super::panes::drawer_pane::wrap_words(&text, width);
        if rows.len() > usize::from(input_area.height) {
            rows.truncate(usize::from(input_area.height));
            if let Some(last) = rows.last_mut() {
                *last = super::panes::fit(&format!("{last} …"), width);
            }
        }
        ratatui::text::Text::from(
            rows.into_iter()
                .map(|r| Line::styled(r, theme.note))
                .collect::<Vec<_>>(),
        )
    } else {
        ratatui::text::Text::from(input)
    };
    if !matches!(app.mode, Mode::Command | Mode::StoryPrompt | Mode::Filter) {
        f.render_widget(Paragraph::new(input), input_area);
    }
    // Keys stand out by style, so one space between items is enough. When they do not all
    // fit, the last ones give way, but `? help` (which lists them all) always shows.
    let mut items: Vec<(String, &str)> = keymap::status_items(app)
        .into_iter()
        .map(|(key, label)| {
            let key = if app.ascii {
                key.replace('↑', "Up").replace('↓', "Down")
            } else {
                key
            };
            (key, label)
        })
        .collect();
    // What to do next comes first; quitting is always possible and always last.
    items.sort_by_key(|(_, l)| matches!(*l, "quit" | "help"));
    let width = |(k, l): &(String, &str)| k.chars().count() + l.chars().count() + 2;
    let help = items.iter().position(|(_, l)| *l == "help");
    let mut room =
        (status_area.width as usize).saturating_sub(help.map_or(0, |i| width(&items[i])));
    let mut spans = Vec::new();
    // The clock and the watch come first: they say what time is doing (issue 12).
    for (key, label) in super::clock_status::items(app) {
        let w = key.chars().count() + label.chars().count() + 2;
        if w > room {
            break;
        }
        room -= w;
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.dim));
    }
    let mut help_span = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let pair = [
            Span::styled(item.0.clone(), theme.key),
            Span::styled(format!(" {} ", item.1), theme.dim),
        ];
        if Some(i) == help {
            help_span.extend(pair);
        } else if width(item) <= room {
            room -= width(item);
            spans.extend(pair);
        } else {
            room = 0;
        }
    }
    spans.extend(help_span);
    f.render_widget(Paragraph::new(Line::from(spans)), status_area);
}
