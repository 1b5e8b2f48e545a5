//! The lesson pane: the step's text (Markdown subset), then what the learner works towards,
//! pinned at the bottom when it fits: the predict question, the goal checklist with what is
//! missing, the open hints and what to press next. After the last step, the recap.

use crate::ui::app::App;
use crate::ui::markdown::{self, MdStyles};
use crate::ui::player::Player;
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// Draws the pane: the lesson when one plays, else the sandbox's note.
pub fn render(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = Block::bordered().border_set(theme.border);
    let Some(p) = &app.player else {
        let block = block
            .title(strings::LESSON_TITLE)
            .padding(ratatui::widgets::Padding::right(1));
        let inner = block.inner(area);
        let text = markdown::render(
            strings::LESSON_PLACEHOLDER,
            inner.width,
            &MdStyles::new(app.color),
            app.ascii,
        );
        f.render_widget(Paragraph::new(text).block(block), area);
        return;
    };
    let mut title_text = title(p);
    if let Some(pr) = &app.present {
        let secs = app.clock_ms.saturating_sub(pr.started_ms) / 1000;
        title_text = format!("{}· {} ", title_text, crate::ui::notes::elapsed(secs));
    }
    let title_text = super::fit_title(
        &crate::ui::theme::ascii_fold(&title_text, app.ascii),
        area.width,
    );
    let mut block = block.title(title_text);
    if app.present.is_some() {
        // Generous spacing on a projector.
        block = block.padding(ratatui::widgets::Padding::horizontal(1));
    }
    let inner = block.inner(area);
    f.render_widget(block, area);
    let width = inner.width.saturating_sub(1).max(1);
    let presenting = app.present.as_ref().map(|pr| Presenting {
        revealed: pr.revealed,
        demo: pr.last_demo.as_deref(),
    });
    let (mut body, mut footer) = lines(
        p,
        width,
        theme,
        app.color,
        app.ascii,
        false,
        presenting,
        app.hold_verdict,
    );
    // A short pane: when the step's text would be cut, the footer shrinks to what to do
    // next (the first unmet goal), so the instructions stay readable without scrolling.
    let text_rows = (inner.height as usize).saturating_sub(footer.len());
    if text_rows < body.len().min(8) {
        (body, footer) = lines(
            p,
            width,
            theme,
            app.color,
            app.ascii,
            true,
            presenting,
            app.hold_verdict,
        );
    }
    let goals = objectives(p, width, theme, app.color, app.ascii);
    if body.len() + footer.len() + goals.len() <= inner.height as usize {
        body.splice(0..0, goals);
    }
    // The goals stay in sight while the text scrolls, when both fit with a few text rows.
    let pin = footer.len() as u16 + 4 <= inner.height;
    let (text_area, foot_area, text) = if pin {
        let [t, fo] =
            Layout::vertical([Constraint::Fill(1), Constraint::Length(footer.len() as u16)])
                .areas(inner);
        (t, Some(fo), body)
    } else {
        let mut all = body;
        all.extend(footer.clone());
        (inner, None, all)
    };
    let max_scroll = (text.len() as u16).saturating_sub(text_area.height);
    let scroll = p.scroll.min(max_scroll);
    let more_below = scroll < max_scroll;
    f.render_widget(Paragraph::new(text).scroll((scroll, 0)), text_area);
    if more_below && text_area.height > 0 {
        let mark = if app.ascii {
            "v more (PgDn)"
        } else {
            "▼ more (PgDn)"
        };
        let x = text_area
            .right()
            .saturating_sub(mark.chars().count() as u16 + 1);
        let y = text_area.bottom() - 1;
        f.buffer_mut().set_string(x, y, mark, theme.dim);
    }
    if let Some(r) = foot_area {
        f.render_widget(Paragraph::new(footer), r);
    }
}

/// The block title: lesson and step counter.
fn title(p: &Player) -> String {
    let l = p.lesson();
    // The counter first: a long title is cut at the right edge, the counter never.
    if p.recap {
        format!(" done · {} ", l.title)
    } else {
        format!(" step {}/{} · {} ", p.step + 1, l.steps.len(), l.title)
    }
}

/// What classroom mode changes in the pane.
#[derive(Clone, Copy, Debug)]
pub struct Presenting<'a> {
    /// How many paragraphs of the step's text are shown.
    pub revealed: usize,
    /// The demo line that ran last.
    pub demo: Option<&'a str>,
}

/// The pane's lines: (scrolling body, pinned footer). `compact` keeps the footer short for
/// small panes: no blank separators, and of the goals only the first one not met.
// The look (theme, colour, ASCII, compact) and the two modes that change the footer
// (presenting, a class vote held) are separate knobs every caller sets.
#[allow(clippy::too_many_arguments)]
pub fn lines(
    p: &Player,
    width: u16,
    theme: &Theme,
    color: bool,
    ascii: bool,
    compact: bool,
    presenting: Option<Presenting<'_>>,
    held: bool,
) -> (Vec<Line<'static>>, Vec<Line<'static>>) {
    let reveal = presenting.map(|p| p.revealed);
    let demo = presenting.and_then(|p| p.demo);
    let styles = MdStyles::new(color);
    let (check, cross, star) = if ascii {
        ("[x]", "[ ]", "*")
    } else {
        ("✓", "○", "★")
    };
    let Some(step) = p.current() else {
        let l = p.lesson();
        let mut body: Vec<Line> = crate::ui::panes::drawer_pane::wrap_words(
            &format!("{star} Lesson complete: {}", l.title),
            width as usize,
        )
        .into_iter()
        .map(|t| Line::styled(t, theme.good))
        .collect();
        body.push(Line::default());
        body.extend(markdown::render(&l.recap, width, &styles, ascii));
        body.push(Line::default());
        body.push(Line::styled("You can now:", theme.active));
        for o in &l.objectives {
            body.extend(markdown::inline_item(
                &format!("{check} "),
                o,
                width,
                theme.normal,
                &styles,
            ));
        }
        let footer = crate::ui::panes::drawer_pane::wrap_words(
            &crate::ui::theme::ascii_fold(strings::RECAP_KEYS, ascii),
            width as usize,
        )
        .into_iter()
        .map(|t| Line::styled(t, theme.note))
        .collect();
        return (body, footer);
    };
    let mut body = vec![Line::styled(step.title.clone(), theme.active)];
    body.push(Line::default());
    match reveal {
        // Presenting: the paragraphs shown so far, and how many are left.
        Some(n) => {
            let paras = crate::ui::present::paragraphs(&step.text);
            let shown = n.min(paras.len());
            body.extend(markdown::render(
                &paras[..shown].join("\n\n"),
                width,
                &styles,
                ascii,
            ));
            if shown < paras.len() {
                body.push(Line::default());
                body.push(Line::styled(
                    strings::present_more(shown, paras.len()),
                    theme.key,
                ));
            }
        }
        None => body.extend(markdown::render(&step.text, width, &styles, ascii)),
    }

    let mut footer: Vec<Line<'static>> = Vec::new();
    if let Some(line) = demo {
        // Presenting: the demo command that just ran, where the class looks.
        footer.extend(wrap_item("$ ", line, width, theme.command));
    }
    if let Some(q) = &step.predict {
        if !compact {
            footer.push(Line::default());
        }
        footer.extend(markdown::inline_item(
            "Predict: ",
            &q.question,
            width,
            theme.active.patch(theme.note),
            &styles,
        ));
        // Answered, the result not yet on screen: the choice only, no verdict.
        let pending = p.answer.filter(|_| !p.verdict);
        for (i, o) in q.options.iter().enumerate() {
            let key = (b'a' + i as u8) as char;
            let chosen = p.answer == Some(i);
            if let Some(choice) = pending {
                if i == choice {
                    footer.extend(markdown::inline_item(
                        &format!("You predicted {key}) "),
                        &o.text,
                        width,
                        theme.note,
                        &styles,
                    ));
                    footer.extend(wrap_item(
                        "     ",
                        if held {
                            strings::VERDICT_HELD
                        } else {
                            strings::VERDICT_PENDING
                        },
                        width,
                        theme.dim,
                    ));
                }
                continue;
            }
            // Once answered, only what teaches stays: the choice and the right answer(s).
            if p.answer.is_some() && !chosen && !o.correct {
                continue;
            }
            let mark = match (p.answer, chosen, o.correct) {
                (None, _, _) => format!("{key}) "),
                (Some(_), true, true) => format!("{key}) {check} "),
                (Some(_), true, false) => format!("{key}) {} ", if ascii { "x" } else { "✗" }),
                (Some(_), false, true) => format!("{key}) {check} "),
                (Some(_), false, false) => format!("{key})   "),
            };
            let style = match (p.answer, o.correct) {
                (Some(_), true) => theme.good,
                (Some(_), false) if chosen => theme.error,
                _ => theme.normal,
            };
            footer.extend(markdown::inline_item(&mark, &o.text, width, style, &styles));
            if p.answer.is_some() && (chosen || o.correct) {
                footer.extend(markdown::inline_item(
                    "     ", &o.explain, width, theme.dim, &styles,
                ));
            }
        }
        if p.answer.is_none() {
            let prompt = if reveal.is_some() {
                strings::PRESENT_VOTE.to_string()
            } else {
                strings::answer_keys(q.options.len())
            };
            footer.push(Line::styled(format!("  {prompt}"), theme.key));
        }
    }
    if !compact {
        footer.push(Line::default());
    }
    // Predict, observe, explain: goals name what happens, so they wait for the answer (once
    // the step is done there is nothing left to give away).
    if p.awaiting_prediction() && !p.done {
        let n = step.goals.len();
        let text = if reveal.is_some() {
            strings::goals_after_vote(n)
        } else {
            strings::goals_after_prediction(n)
        };
        footer.extend(wrap_item("", &text, width, theme.dim));
    } else {
        let met = p.met.iter().filter(|m| **m).count();
        footer.push(Line::styled(
            format!("Goals {met}/{}", step.goals.len()),
            theme.active,
        ));
        let first_unmet = (0..step.goals.len()).find(|&i| !p.met.get(i).copied().unwrap_or(false));
        for (i, g) in step.goals.iter().enumerate() {
            if compact && Some(i) != first_unmet {
                continue;
            }
            let ok = p.met.get(i).copied().unwrap_or(false);
            let (mark, style) = match (ok, g.standing) {
                // A standing condition held before the learner did anything: not a tick.
                (true, true) => (format!("{} ", if ascii { "=" } else { "•" }), theme.dim),
                (true, false) => (format!("{check} "), theme.good),
                (false, _) => (format!("{cross} "), theme.normal),
            };
            let label = match (ok, g.standing) {
                (true, true) => format!("{} {}", g.label, strings::GOAL_STANDING),
                (false, true) => format!("{} {}", g.label, strings::GOAL_STANDING_BROKEN),
                _ => g.label.clone(),
            };
            footer.extend(markdown::inline_item(&mark, &label, width, style, &styles));
        }
        // What is missing, for the first goal that fails: one thing at a time.
        if let Some((g, _)) = step
            .goals
            .iter()
            .zip(p.met.iter().chain(std::iter::repeat(&false)))
            .find(|(_, m)| !**m)
        {
            footer.extend(markdown::inline_item(
                if ascii { "  -> " } else { "  → " },
                &g.explain,
                width,
                theme.dim,
                &styles,
            ));
        }
    }
    for (i, h) in step.hints.iter().take(p.hints).enumerate() {
        footer.extend(markdown::inline_item(
            &format!("Hint {}/{}: ", i + 1, step.hints.len()),
            h,
            width,
            theme.note,
            &styles,
        ));
    }
    let last = p.step + 1 == p.lesson().steps.len();
    let next = if p.done && last {
        (strings::LESSON_DONE_KEYS.to_string(), theme.good)
    } else if p.done {
        (strings::STEP_DONE_KEYS.to_string(), theme.good)
    } else if p.hints < step.hints.len() {
        (strings::hints_left(step.hints.len() - p.hints), theme.dim)
    } else {
        (strings::STUCK_KEYS.to_string(), theme.dim)
    };
    let next_text = crate::ui::theme::ascii_fold(&next.0, ascii);
    footer.extend(wrap_item("", &next_text, width, next.1));
    (body, footer)
}

/// The lesson's objectives, shown above the first step when the pane has room for them
/// (the picker always shows them; the recap repeats them, ticked).
pub fn objectives(
    p: &Player,
    width: u16,
    theme: &Theme,
    color: bool,
    ascii: bool,
) -> Vec<Line<'static>> {
    if p.step != 0 || p.recap {
        return Vec::new();
    }
    let styles = MdStyles::new(color);
    let mut out = vec![Line::styled(strings::OBJECTIVES_HEADING, theme.dim)];
    let bullet = if ascii { "- " } else { "• " };
    for o in &p.lesson().objectives {
        out.extend(markdown::inline_item(bullet, o, width, theme.dim, &styles));
    }
    out.push(Line::default());
    out
}

/// `prefix` then `text` word-wrapped to `width`, continuation lines indented under the text.
pub(crate) fn wrap_item(
    prefix: &str,
    text: &str,
    width: u16,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let indent = prefix.width();
    let room = (width as usize).saturating_sub(indent).max(8);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.width() + 1 + word.width() > room {
            out.push(item_line(
                &out,
                prefix,
                indent,
                std::mem::take(&mut line),
                style,
            ));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || out.is_empty() {
        out.push(item_line(&out, prefix, indent, line, style));
    }
    out
}

fn item_line(
    done: &[Line<'static>],
    prefix: &str,
    indent: usize,
    text: String,
    style: ratatui::style::Style,
) -> Line<'static> {
    let lead = if done.is_empty() {
        prefix.to_string()
    } else {
        " ".repeat(indent)
    };
    Line::from(vec![Span::styled(lead, style), Span::styled(text, style)])
}
