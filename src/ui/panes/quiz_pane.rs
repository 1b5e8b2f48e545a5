//! The quiz pane: the question, its options or stories (or what to do for a fix or a
//! command), the feedback on every option after answering, and the review with the score.

use crate::lesson::quiz::grade::Attempt;
use crate::lesson::quiz::{Question, QuestionKind};
use crate::ui::app::App;
use crate::ui::markdown::{self, MdStyles};
use crate::ui::quiz::{Detail, Feedback, Phase, QuizUi, letter};
use crate::ui::strings;
use crate::ui::theme::{Theme, ascii_fold};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};
use std::collections::BTreeSet;

/// How many lines of a command's output the feedback shows.
const QUIZ_OUTPUT_LINES: usize = 12;

/// Draws the pane.
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(quiz) = &app.quiz else {
        return;
    };
    let title = ascii_fold(&title(quiz, app.clock_ms), app.ascii).into_owned();
    let block = Block::bordered().border_set(theme.border).title(title);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width.saturating_sub(1).max(10);
    let lines: Vec<Line<'static>> = lines(quiz, width, theme, app.color, app.ascii)
        .into_iter()
        .map(|l| fold_line(l, app.ascii))
        .collect();
    let max_scroll = (lines.len() as u16).saturating_sub(inner.height);
    let scroll = quiz.scroll.min(max_scroll);
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), inner);
    if scroll < max_scroll && inner.height > 0 {
        let mark = if app.ascii {
            "v more (PgDn)"
        } else {
            "▼ more (PgDn)"
        };
        let x = inner.right().saturating_sub(mark.chars().count() as u16);
        f.buffer_mut()
            .set_string(x, inner.bottom() - 1, mark, theme.dim);
    }
}

/// The block title: where the learner is, the score, the time left.
pub fn title(quiz: &QuizUi, now: u64) -> String {
    let (right, answered, total) = quiz.session.score();
    let time = quiz
        .time_left(now)
        .map(|ms| format!(" · {} left", clock(ms)))
        .unwrap_or_default();
    match quiz.phase {
        Phase::Review => format!(
            " {} · results · {right}/{total} right{time} ",
            strings::QUIZ_TITLE
        ),
        _ => format!(
            " {} · question {}/{} · {right}/{answered} right{time} ",
            strings::QUIZ_TITLE,
            quiz.session.position() + 1,
            total
        ),
    }
}

/// `m:ss`.
fn clock(ms: u64) -> String {
    let s = ms.div_ceil(1000);
    format!("{}:{:02}", s / 60, s % 60)
}

/// Every line of the pane.
pub fn lines(
    quiz: &QuizUi,
    width: u16,
    theme: &Theme,
    color: bool,
    ascii: bool,
) -> Vec<Line<'static>> {
    let md = MdStyles::new(color);
    let mut out = Vec::new();
    if let Phase::Review = quiz.phase {
        review(quiz, width, theme, &mut out);
        return out;
    }
    let Some((lesson, q)) = quiz.current() else {
        return out;
    };
    out.push(Line::styled(
        format!("{} · {}", lesson.title, kind_label(q.kind)),
        theme.dim,
    ));
    out.push(Line::default());
    out.extend(markdown::render(&q.question, width, &md, ascii));
    out.push(Line::default());
    match &quiz.phase {
        Phase::Asking => asking(quiz, q, width, theme, &md, ascii, &mut out),
        Phase::Answered(fb) => feedback(q, fb, width, theme, &md, ascii, &mut out),
        Phase::Review => {}
    }
    out
}

fn kind_label(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "pick one",
        QuestionKind::Multiple => "pick every right answer",
        QuestionKind::TrueFalse => "true or false",
        QuestionKind::Survivors => "predict the survivors",
        QuestionKind::FixManifest => "fix the manifest",
        QuestionKind::Command => "which command",
    }
}

#[allow(clippy::too_many_arguments)]
fn asking(
    quiz: &QuizUi,
    q: &Question,
    width: u16,
    theme: &Theme,
    md: &MdStyles,
    ascii: bool,
    out: &mut Vec<Line<'static>>,
) {
    match q.kind {
        QuestionKind::Survivors => {
            out.push(Line::styled(
                format!("Then: {}", q.then.join("; ")),
                theme.active,
            ));
            out.push(Line::styled(
                strings::quiz_mark_survivors(quiz.stories.len()),
                theme.dim,
            ));
            for (i, s) in quiz.stories.iter().enumerate() {
                let mark = if quiz.picked.contains(&i) {
                    "[x]"
                } else {
                    "[ ]"
                };
                out.extend(prefixed(
                    &format!("{} {mark} ", letter(i)),
                    &format!("\"{s}\""),
                    width,
                    md,
                    ascii,
                ));
            }
        }
        QuestionKind::FixManifest => {
            let name = q.manifest.as_ref().map_or("", |m| m.name.as_str());
            out.extend(markdown::render(
                &strings::quiz_fix_instructions(name),
                width,
                md,
                ascii,
            ));
        }
        QuestionKind::Command => {
            out.extend(markdown::render(
                strings::QUIZ_COMMAND_INSTRUCTIONS,
                width,
                md,
                ascii,
            ));
        }
        kind => {
            let multiple = kind == QuestionKind::Multiple;
            for (i, c) in q.choices().iter().enumerate() {
                let mark = match (multiple, quiz.picked.contains(&i)) {
                    (false, _) => String::new(),
                    (true, true) => "[x] ".into(),
                    (true, false) => "[ ] ".into(),
                };
                out.extend(prefixed(
                    &format!("{}) {mark}", letter(i)),
                    &c.text,
                    width,
                    md,
                    ascii,
                ));
            }
            if multiple {
                out.push(Line::default());
                out.push(Line::styled(
                    strings::quiz_multiple_hint(q.choices().len()),
                    theme.dim,
                ));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn feedback(
    q: &Question,
    fb: &Feedback,
    width: u16,
    theme: &Theme,
    md: &MdStyles,
    ascii: bool,
    out: &mut Vec<Line<'static>>,
) {
    let verdict = match (&fb.detail, fb.correct) {
        (Detail::Skipped, _) => Line::styled("Skipped.", theme.dim),
        (Detail::Broken(e), _) => {
            Line::styled(format!("This question cannot be set up: {e}"), theme.error)
        }
        (_, true) => Line::styled("✓ Right!", theme.good),
        (_, false) => Line::styled("✗ Not quite.", theme.loss),
    };
    out.push(verdict);
    out.push(Line::default());
    match &fb.detail {
        Detail::Choice(picked) => choices(q, picked, width, theme, md, ascii, out),
        Detail::Survivors(fates, marked) => {
            for f in fates {
                let you = if marked.contains(&f.text) {
                    " (you: survives)"
                } else {
                    " (you: lost)"
                };
                let (mark, style) = if f.survived {
                    ("✓ KEPT", theme.good)
                } else {
                    ("✗ LOST", theme.loss)
                };
                out.push(Line::from(vec![
                    Span::styled(format!("{mark} "), style),
                    Span::raw(format!("\"{}\"", f.text)),
                    Span::styled(you.to_string(), theme.dim),
                ]));
                if let Some(why) = &f.why {
                    out.extend(prefixed("    ", why, width, &dim_md(md, theme), ascii));
                }
            }
        }
        Detail::Attempt(a) => attempt(q, a, width, theme, md, ascii, out),
        Detail::Skipped | Detail::Broken(_) => {}
    }
    if let Some(explain) = &q.explain {
        out.push(Line::default());
        out.extend(prefixed("Why: ", explain, width, md, ascii));
    }
    out.push(Line::default());
    out.push(Line::styled(strings::QUIZ_NEXT_HINT, theme.dim));
}

fn choices(
    q: &Question,
    picked: &BTreeSet<usize>,
    width: u16,
    theme: &Theme,
    md: &MdStyles,
    ascii: bool,
    out: &mut Vec<Line<'static>>,
) {
    for (i, c) in q.choices().iter().enumerate() {
        let chosen = picked.contains(&i);
        let (mark, style) = match (c.correct, chosen) {
            (true, _) => ("✓", theme.good),
            (false, true) => ("✗", theme.loss),
            (false, false) => (" ", theme.dim),
        };
        let you = match (chosen, c.correct) {
            (true, _) => " (your answer)",
            (false, true) if q.kind == QuestionKind::Multiple => " (you missed this)",
            _ => "",
        };
        let head = prefixed(
            &format!("{mark} {}) ", letter(i)),
            &format!("{}{you}", c.text),
            width,
            md,
            ascii,
        );
        out.extend(head.into_iter().map(|l| l.style(style)));
        // A true/false statement has one explanation, shown once below ("Why:").
        if (chosen || c.correct) && q.kind != QuestionKind::TrueFalse {
            out.extend(prefixed(
                "     ",
                &c.explain,
                width,
                &dim_md(md, theme),
                ascii,
            ));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn attempt(
    q: &Question,
    a: &Attempt,
    width: u16,
    theme: &Theme,
    md: &MdStyles,
    ascii: bool,
    out: &mut Vec<Line<'static>>,
) {
    if !a.ran {
        out.push(Line::styled(strings::QUIZ_DID_NOT_RUN, theme.error));
        // Errors wrap: their end (the line, the did-you-mean) is what the learner needs.
        for l in a.output.lines().take(6) {
            out.extend(super::lesson_pane::wrap_item(
                "  ",
                l.trim_start(),
                width,
                theme.error,
            ));
        }
    } else if q.kind == QuestionKind::Command && !a.output.trim().is_empty() {
        // What the command printed: the learner judges it against what was asked.
        out.push(Line::styled(strings::QUIZ_IT_PRINTED, theme.dim));
        let lines: Vec<&str> = a.output.lines().collect();
        for l in lines.iter().take(QUIZ_OUTPUT_LINES) {
            out.push(Line::styled(format!("  {l}"), md.code_block));
        }
        if lines.len() > QUIZ_OUTPUT_LINES {
            out.push(Line::styled(
                format!("  … {} more lines", lines.len() - QUIZ_OUTPUT_LINES),
                theme.dim,
            ));
        }
        out.push(Line::default());
    }
    for g in &a.goals {
        let (mark, style) = if g.met {
            ("✓", theme.good)
        } else {
            ("✗", theme.loss)
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark} "), style),
            Span::raw(g.label.clone()),
        ]));
        if !g.met {
            out.extend(prefixed(
                "    ",
                &g.explain,
                width,
                &dim_md(md, theme),
                ascii,
            ));
        }
    }
    if !a.missing_output.is_empty() {
        out.push(Line::styled(
            format!("✗ The output does not show {}", a.missing_output.join(", ")),
            theme.loss,
        ));
    }
    if !a.passed()
        && let Some(s) = &q.solution
    {
        out.push(Line::default());
        out.extend(prefixed(
            "A command that works: ",
            &format!("`{s}`"),
            width,
            md,
            ascii,
        ));
    }
    if !a.passed()
        && let Some(fixed) = &q.fixed
    {
        out.push(Line::default());
        out.push(Line::styled("A fix that works:", theme.dim));
        for l in fixed.lines() {
            out.push(Line::styled(format!("  {l}"), md.code_block));
        }
    }
}

fn review(quiz: &QuizUi, width: u16, theme: &Theme, out: &mut Vec<Line<'static>>) {
    let (right, answered, total) = quiz.session.score();
    let pct = (right * 100).checked_div(total).unwrap_or(0);
    out.push(Line::styled(
        format!("{right} of {total} right ({pct}%), {answered} answered."),
        theme.active,
    ));
    if let Some(saved) = &quiz.saved {
        for l in saved.lines() {
            out.push(Line::styled(l.to_string(), theme.dim));
        }
    }
    out.push(Line::default());
    for i in 0..quiz.session.len() {
        let Some((lesson, q)) = quiz.session.at(i) else {
            continue;
        };
        let o = quiz.session.outcome(i);
        let (mark, style) = match o {
            Some(o) if o.correct => ("✓", theme.good),
            Some(_) => ("✗", theme.loss),
            None => ("·", theme.dim),
        };
        let secs = o
            .map(|o| format!(" ({}s)", o.millis.div_ceil(1000)))
            .unwrap_or_default();
        // One row per question: its text cut to the width (the full text was on its screen).
        let plain = q
            .question
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('`', "");
        let room = (width as usize).saturating_sub(6 + secs.chars().count() + 4);
        let cut = if plain.chars().count() > room {
            let mut s: String = plain.chars().take(room.saturating_sub(1)).collect();
            s.push('…');
            s
        } else {
            plain
        };
        out.push(Line::from(vec![
            Span::styled(format!("{mark} {}. ", i + 1), style),
            Span::raw(cut),
            Span::styled(secs, theme.dim),
        ]));
        out.push(Line::styled(
            format!("    {} · {}", lesson.id, q.id),
            theme.dim,
        ));
    }
    out.push(Line::default());
    let missed = quiz.session.missed().len();
    out.push(Line::styled(
        if missed == 0 {
            strings::QUIZ_ALL_RIGHT.to_string()
        } else {
            strings::quiz_retry_hint(missed)
        },
        theme.note,
    ));
}

/// Markdown text with a prefix on the first line and the continuation lines indented.
fn prefixed(
    prefix: &str,
    text: &str,
    width: u16,
    md: &MdStyles,
    ascii: bool,
) -> Vec<Line<'static>> {
    let indent = prefix.chars().count() as u16;
    let body = markdown::render(text, width.saturating_sub(indent).max(10), md, ascii);
    body.into_iter()
        .enumerate()
        .map(|(i, mut l)| {
            let pad = if i == 0 {
                prefix.to_string()
            } else {
                " ".repeat(indent as usize)
            };
            l.spans.insert(0, Span::raw(pad));
            l
        })
        .collect()
}

/// Markdown styles for secondary text (explanations).
fn dim_md(md: &MdStyles, theme: &Theme) -> MdStyles {
    let mut d = *md;
    d.normal = theme.dim;
    d
}

/// `--ascii`: kubestory's own symbols folded in every span.
fn fold_line(line: Line<'static>, ascii: bool) -> Line<'static> {
    if !ascii {
        return line;
    }
    let style: Style = line.style;
    let spans: Vec<Span<'static>> = line
        .spans
        .into_iter()
        .map(|s| Span::styled(ascii_fold(&s.content, true).into_owned(), s.style))
        .collect();
    Line::from(spans).style(style)
}
