//! The speaker-notes terminal (`kubestory present --notes`): follows the presenting session
//! on the same machine through the file it publishes (`present::SESSION_FILE` in the state
//! folder), and shows the step, its notes, the demo lines, what comes next and the elapsed
//! time. Read-only: it never changes the presentation.

use super::markdown::{self, MdStyles};
use super::present::Session;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Wrap};

/// What the notes terminal knows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Notes {
    /// The presenter's last published state (`None`: no presentation yet).
    pub session: Option<Session>,
    /// Seconds since the Unix epoch now (for the elapsed time).
    pub now_unix: u64,
    /// Whether the presenter's process is gone.
    pub presenter_gone: bool,
}

/// `m:ss` or `h:mm:ss`.
pub fn elapsed(secs: u64) -> String {
    if secs >= 3600 {
        format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
    } else {
        format!("{}:{:02}", secs / 60, secs % 60)
    }
}

/// Draws the notes screen.
pub fn render(notes: &Notes, f: &mut Frame, theme: &Theme, color: bool, ascii: bool) {
    let area = f.area();
    let [main, status] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let md = MdStyles::new(color);
    let Some(s) = &notes.session else {
        let p = Paragraph::new(super::strings::NOTES_WAITING)
            .wrap(Wrap { trim: true })
            .block(
                Block::bordered()
                    .border_set(theme.border)
                    .title(" speaker notes "),
            );
        f.render_widget(p, main);
        f.render_widget(Paragraph::new(Line::styled("q quit", theme.dim)), status);
        return;
    };
    let time = elapsed(notes.now_unix.saturating_sub(s.started_unix));
    let title = if s.step > s.steps {
        format!(" {} · recap · {time} ", s.lesson)
    } else {
        format!(" {} · step {}/{} · {time} ", s.lesson, s.step, s.steps)
    };
    let block = Block::bordered().border_set(theme.border).title(title);
    let inner = block.inner(main);
    f.render_widget(block, main);
    let width = inner.width.saturating_sub(1).max(10);
    let mut lines: Vec<Line<'static>> = vec![Line::styled(s.title.clone(), theme.active)];
    lines.push(Line::default());
    match &s.notes {
        Some(n) => lines.extend(markdown::render(n, width, &md, ascii)),
        None => lines.push(Line::styled(super::strings::NOTES_NONE, theme.dim)),
    }
    if let Some(q) = &s.predict {
        lines.push(Line::default());
        lines.push(Line::styled("Ask the class:", theme.note));
        lines.extend(markdown::render(q, width, &md, ascii));
        if let Some(a) = &s.answer {
            let label = if s.answer_revealed {
                "Answer (revealed):"
            } else {
                "Answer (v reveals it once they voted):"
            };
            lines.push(Line::styled(label, theme.dim));
            lines.extend(markdown::render(a, width, &md, ascii));
        }
    }
    if !s.demo.is_empty() {
        lines.push(Line::default());
        let state = if s.demo_played >= s.demo.len() {
            "all played".to_string()
        } else {
            format!(
                "{}/{} played, d plays the next",
                s.demo_played,
                s.demo.len()
            )
        };
        lines.push(Line::styled(format!("Demo ({state}):"), theme.active));
        for (i, d) in s.demo.iter().enumerate() {
            let (mark, style) = if i < s.demo_played {
                ("✓", theme.good)
            } else if i == s.demo_played {
                ("→", theme.key)
            } else {
                (" ", theme.dim)
            };
            let text = super::theme::ascii_fold(&format!("{mark} {d}"), ascii).into_owned();
            lines.push(Line::styled(text, style));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        match &s.next {
            Some(n) => format!("Next: {n}"),
            // On the recap itself nothing follows but the lesson's end.
            None if s.step > s.steps => "This is the recap: the lesson ends here.".to_string(),
            None => "Last step: the recap follows.".to_string(),
        },
        theme.dim,
    ));
    f.render_widget(Paragraph::new(lines), inner);
    let foot = if notes.presenter_gone {
        Line::styled(super::strings::NOTES_PRESENTER_GONE, theme.error)
    } else if s.blank {
        Line::styled(super::strings::NOTES_BLANKED, theme.note)
    } else {
        Line::styled(super::strings::NOTES_FOLLOWING, theme.dim)
    };
    f.render_widget(Paragraph::new(foot), status);
}
