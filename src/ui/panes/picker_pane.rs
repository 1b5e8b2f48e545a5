//! The lesson picker: every lesson with its time estimate and the learner's progress, the
//! selected one's summary and objectives, and the sandbox as the last row.

use crate::lesson::progress::Status;
use crate::ui::app::App;
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// One row's progress words: `done`, `step 2/4`, `new`.
pub fn status_word(status: &Status) -> String {
    match status {
        Status::NotStarted => "new".into(),
        Status::InProgress { step, of, .. } => format!("step {}/{of}", step + 1),
        Status::Finished => "done".into(),
    }
}

/// Draws the picker over `area` (everything but the message and status lines).
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let picker = &app.picker;
    let wide = area.width >= 100;
    let [head, body] = Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
    f.render_widget(
        Paragraph::new(vec![
            Line::styled(strings::PICKER_HEADING, theme.active),
            Line::styled(strings::PICKER_SUBHEADING, theme.dim),
        ]),
        head,
    );
    let rows_needed = picker.rows() as u16 + 2 + u16::from(!picker.problems.is_empty());
    let (list_area, about_area) = if wide {
        let [l, r] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
        (l, r)
    } else {
        let [l, r] = Layout::vertical([
            Constraint::Length(rows_needed.min(body.height * 3 / 5).max(5)),
            Constraint::Fill(1),
        ])
        .areas(body);
        (l, r)
    };
    let block = Block::bordered()
        .border_set(theme.border)
        .title(strings::PICKER_TITLE);
    let inner = block.inner(list_area);
    f.render_widget(block, list_area);
    let (done_mark, going_mark, cursor) = if app.ascii {
        ("[x]", "[>]", ">")
    } else {
        (" ✓ ", " ▶ ", "›")
    };
    let mut lines = Vec::new();
    for (i, l) in picker.lessons.iter().enumerate() {
        let status = app.progress.status_of(&l.card);
        let mark = match status {
            Status::Finished => done_mark,
            Status::InProgress { .. } => going_mark,
            Status::NotStarted => "   ",
        };
        let right = format!("{:>3} min  {:<9}", l.card.minutes, status_word(&status));
        let left = format!(
            "{} {mark} {:>2}. ",
            if i == picker.selected { cursor } else { " " },
            i + 1
        );
        let room = (inner.width as usize).saturating_sub(left.width() + right.width() + 1);
        let title = clip(&l.card.title, room);
        let pad = room.saturating_sub(title.width());
        let style = if i == picker.selected {
            theme.active
        } else {
            theme.normal
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{left}{title}{} ", " ".repeat(pad)), style),
            Span::styled(
                right,
                if i == picker.selected {
                    style
                } else {
                    theme.dim
                },
            ),
        ]));
    }
    let sandbox_selected = picker.selected == picker.lessons.len();
    let sandbox = format!(
        "{}       {}",
        if sandbox_selected { cursor } else { " " },
        strings::sandbox_row(&app.sandbox_cluster)
    );
    lines.push(Line::styled(
        clip(&sandbox, inner.width as usize),
        if sandbox_selected {
            theme.active
        } else {
            theme.normal
        },
    ));
    if !picker.problems.is_empty() {
        lines.push(Line::styled(
            strings::lessons_failed(picker.problems.len()),
            theme.error,
        ));
    }
    let offset = (picker.selected as u16 + 1).saturating_sub(inner.height);
    f.render_widget(Paragraph::new(lines).scroll((offset, 0)), inner);

    let about = Block::bordered()
        .border_set(theme.border)
        .title(strings::ABOUT_TITLE)
        .padding(ratatui::widgets::Padding::right(1));
    let mut text: Vec<Line> = Vec::new();
    // Summaries, objectives and the sandbox's note through the Markdown renderer, as the
    // lesson pane draws them (no raw backticks).
    let width = about.inner(about_area).width;
    let styles = crate::ui::markdown::MdStyles::new(app.color);
    match picker.chosen_card() {
        Some(l) => {
            let lesson = &l.card;
            text.push(Line::styled(lesson.title.clone(), theme.active));
            text.push(Line::styled(
                format!(
                    "{} min · {} steps · {}",
                    lesson.minutes,
                    lesson.steps(),
                    status_word(&app.progress.status_of(lesson))
                ),
                theme.dim,
            ));
            text.push(Line::styled(
                match app.progress.status_of(lesson) {
                    Status::NotStarted => strings::PICK_START,
                    Status::InProgress { .. } => strings::PICK_RESUME,
                    Status::Finished => strings::PICK_AGAIN,
                },
                theme.key,
            ));
            if lesson.quiz > 0 {
                text.push(Line::styled(strings::pick_quiz(lesson.quiz), theme.key));
            }
            text.push(Line::default());
            text.extend(crate::ui::markdown::render(
                &lesson.summary,
                width,
                &styles,
                app.ascii,
            ));
            text.push(Line::default());
            text.push(Line::styled("You will be able to:", theme.active));
            let bullet = if app.ascii { "- " } else { "• " };
            for o in &lesson.objectives {
                text.extend(crate::ui::markdown::inline_item(
                    bullet,
                    o,
                    width,
                    theme.normal,
                    &styles,
                ));
            }
        }
        None => {
            text.push(Line::styled(
                strings::sandbox_row(&app.sandbox_cluster),
                theme.active,
            ));
            let questions: usize = picker.lessons.iter().map(|l| l.card.quiz).sum();
            if questions > 0 {
                text.push(Line::styled(strings::pick_quiz_all(questions), theme.key));
            }
            text.push(Line::default());
            text.extend(crate::ui::markdown::render(
                strings::LESSON_PLACEHOLDER,
                width,
                &styles,
                app.ascii,
            ));
        }
    }
    for p in picker.problems.iter().take(5) {
        text.push(Line::default());
        text.push(Line::styled(p.clone(), theme.error));
    }
    f.render_widget(
        Paragraph::new(text).wrap(Wrap { trim: false }).block(about),
        about_area,
    );
}

/// `text` cut to `room` columns, with `…` when cut.
fn clip(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if out.width() + 2 > room {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}
