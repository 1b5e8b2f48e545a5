//! `render(&App, &mut Frame)`: draws the state, never changes it.

use super::app::{App, Mode, Tab};
use super::layout::{self, MIN};
use super::panes::{cluster_tree, editor_pane, help, log};
use super::theme::Theme;
use super::{keymap, strings};
use ratatui::Frame;
use ratatui::layout::Alignment;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

/// Draws the whole screen.
pub fn render(app: &App, f: &mut Frame) {
    let area = f.area();
    let theme = Theme::new(app.color, app.ascii);
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
    let a = layout::areas(app, area);
    let block = |title: &'static str| Block::bordered().border_set(theme.border).title(title);
    if let Some(r) = a.tabs {
        let tab = |t: Tab, label: &'static str| {
            let style = if app.tab == t && app.mode != Mode::Editor {
                theme.active
            } else {
                theme.normal
            };
            Span::styled(format!(" {label} "), style)
        };
        let line = Line::from(vec![
            tab(Tab::Cluster, "1 cluster"),
            Span::raw(" "),
            tab(Tab::Log, "2 log"),
            Span::raw(" "),
            tab(Tab::Lesson, "3 lesson"),
        ]);
        f.render_widget(Paragraph::new(line), r);
    }
    if let Some(r) = a.cluster {
        let b = block(strings::CLUSTER_TITLE);
        let inner = b.inner(r);
        if super::panes::diagram_fits(inner) {
            f.render_widget(b, r);
            let highlights = super::panes::highlights(app);
            let style = super::diagram::DiagramStyle {
                unicode: !app.ascii,
                color: app.color,
            };
            let diagram = super::diagram::Diagram {
                cluster: app.cluster(),
                selected: app.selected.as_ref(),
                highlights: &highlights,
                style: &style,
            };
            f.render_widget(&diagram, inner);
        } else {
            let rows = cluster_tree::rows(app.cluster());
            cluster_tree::render(f, r, b, &rows, app.selected.as_ref(), app.ascii);
        }
    }
    if let Some(r) = a.lesson {
        let p = Paragraph::new(strings::LESSON_PLACEHOLDER)
            .wrap(Wrap { trim: false })
            .block(block(strings::LESSON_TITLE));
        f.render_widget(p, r);
    }
    if let Some(r) = a.log {
        log::render(
            f,
            r,
            block(strings::LOG_TITLE),
            &app.log,
            app.log_scroll,
            &theme,
        );
    }
    if let Some(r) = a.editor {
        editor_pane::render(f, r, &app.editor, &theme, app.ascii);
    }
    let input = match app.mode {
        Mode::Command => Line::from(format!("{}{}_", strings::COMMAND_PROMPT, app.line)),
        Mode::StoryPrompt => Line::from(format!("{}{}_", strings::STORY_PROMPT, app.line)),
        _ => Line::styled(app.message.clone().unwrap_or_default(), theme.note),
    };
    f.render_widget(Paragraph::new(input), a.input);
    // Keys stand out by style, so one space between items is enough to fit 80 columns.
    let mut spans = Vec::new();
    for (key, label) in keymap::status_items(app) {
        let key = if app.ascii {
            key.replace('↑', "Up").replace('↓', "Down")
        } else {
            key
        };
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {label} "), theme.dim));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), a.status);
    if app.help {
        help::render(f, area, app, &theme);
    }
}
