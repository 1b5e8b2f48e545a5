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
use ratatui::style::{Modifier, Style};
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
    // When the text is longer than the pane, its last row is kept for the "more" mark, so
    // the mark never covers text.
    let total = lines.len() as u16;
    let view = if total > inner.height {
        inner.height.saturating_sub(1)
    } else {
        inner.height
    };
    let max_scroll = total.saturating_sub(view);
    let scroll = quiz.scroll.min(max_scroll);
    let text_area = Rect {
        height: view,
        ..inner
    };
    f.render_widget(Paragraph::new(lines).scroll((scroll, 0)), text_area);
    if scroll < max_scroll && inner.height > 0 {
        let mark = if app.ascii {
            "v more (PgDn)"
        } else {
            "▼ more (PgDn)"
        };
        let x = inner
            .right()
            .saturating_sub(mark.chars().count() as u16 + 1);
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
    if quiz.confirm_quit {
        out.extend(wrap(strings::QUIZ_QUIT_ASK, width, theme.active));
        out.push(Line::default());
    }
    out.extend(wrap(
        &format!("{} · {}", lesson.title, kind_label(q.kind)),
        width,
        theme.dim,
    ));
    out.push(Line::default());
    out.extend(markdown::render(&q.question, width, &md, ascii));
    out.push(Line::default());
    match &quiz.phase {
        Phase::Asking => asking(quiz, q, width, theme, &md, ascii, &mut out),
        Phase::Answered(fb) => {
            feedback(q, fb, width, theme, &md, ascii, &mut out);
            out.push(Line::default());
            let next = if quiz.on_last() {
                strings::QUIZ_RESULTS_HINT
            } else {
                strings::QUIZ_NEXT_HINT
            };
            out.push(Line::styled(next, theme.dim));
        }
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
            out.extend(wrap(
                &format!("Then: {}", q.then.join("; ")),
                width,
                theme.active,
            ));
            out.extend(wrap(
                &strings::quiz_mark_survivors(quiz.stories.len()),
                width,
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
                // Radio buttons for one answer, check boxes for several: the pick shows
                // until Enter checks it.
                let mark = match (multiple, quiz.picked.contains(&i)) {
                    (false, true) => "(x) ",
                    (false, false) => "( ) ",
                    (true, true) => "[x] ",
                    (true, false) => "[ ] ",
                };
                out.extend(prefixed(
                    &format!("{}) {mark}", letter(i)),
                    &c.text,
                    width,
                    md,
                    ascii,
                ));
            }
            out.push(Line::default());
            let hint = if multiple {
                strings::quiz_multiple_hint(q.choices().len())
            } else {
                strings::quiz_single_hint(q.choices().len())
            };
            out.extend(wrap(&hint, width, theme.dim));
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
    if !matches!(fb.detail, Detail::Attempt(_)) {
        out.push(Line::default());
    }
    match &fb.detail {
        Detail::Choice(picked) => choices(q, picked, width, theme, md, ascii, out),
        Detail::Survivors(fates, marked) => {
            // What happened (KEPT / LOST, in words) and whether the learner's call was
            // right (✓ / ✗) are two marks, never one.
            for f in fates {
                let said_kept = marked.contains(&f.text);
                let (fate, style) = if f.survived {
                    ("KEPT", theme.good)
                } else {
                    ("LOST", theme.loss)
                };
                let said = if said_kept { "kept" } else { "lost" };
                let (right, right_style) = if said_kept == f.survived {
                    ("✓", theme.good)
                } else {
                    ("✗", theme.loss)
                };
                out.extend(wrap_styled(
                    &[
                        (format!("{fate} "), style),
                        (format!("\"{}\"", f.text), Style::default()),
                        (format!(" — you said {said} "), theme.dim),
                        (right.to_string(), right_style),
                    ],
                    width,
                    5,
                ));
                if let Some(why) = &f.why {
                    out.extend(prefixed("     ", why, width, &dim_md(md, theme), ascii));
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
        // What the command printed, judged against what was asked: all of it when short,
        // else the lines that prove the point (the expected text, with its section) or the
        // tail, where `describe` keeps the Events.
        let mut shown = proof_lines(&a.output, &q.output, QUIZ_OUTPUT_LINES);
        let heading = if shown.iter().any(|l| matches!(l, Shown::Skipped(_))) {
            strings::quiz_it_printed_part(a.output.trim_end().lines().count())
        } else {
            strings::QUIZ_IT_PRINTED.to_string()
        };
        // The heading counts the lines, so a gap before the first shown one goes unsaid.
        if matches!(shown.first(), Some(Shown::Skipped(_))) {
            shown.remove(0);
        }
        out.extend(wrap(&heading, width, theme.dim));
        // Lines too wide break at one column that is a gap in all of them, so a table's
        // header and rows break between the same columns and stay aligned.
        let texts: Vec<&str> = shown
            .iter()
            .filter_map(|l| match l {
                Shown::Line(t, _) => Some(t.as_str()),
                Shown::Skipped(_) => None,
            })
            .collect();
        let room = (width as usize).saturating_sub(2).max(10);
        let cut = common_break(&texts, room);
        let lead = cut.map_or(0, |c| {
            texts
                .iter()
                .filter(|t| t.len() > c)
                .map(|t| t[c..].len() - t[c..].trim_start().len())
                .min()
                .unwrap_or(0)
        });
        for l in shown {
            match l {
                Shown::Line(text, proves) => {
                    let style = if proves {
                        md.code_block.add_modifier(Modifier::BOLD)
                    } else {
                        md.code_block
                    };
                    match cut {
                        Some(c) if text.len() > room && text.len() > c => {
                            out.push(Line::styled(format!("  {}", text[..c].trim_end()), style));
                            out.extend(wrap_output(&text[c + lead..], width, style, "    "));
                        }
                        _ => out.extend(wrap_output(&text, width, style, "  ")),
                    }
                }
                Shown::Skipped(n) => {
                    out.push(Line::styled(strings::quiz_lines_skipped(n), theme.dim));
                }
            }
        }
        if !a.goals.is_empty() || !a.missing_output.is_empty() {
            out.push(Line::default());
        }
    }
    for g in &a.goals {
        let (mark, style) = if g.met {
            ("✓", theme.good)
        } else {
            ("✗", theme.loss)
        };
        out.extend(wrap_styled(
            &[
                (format!("{mark} "), style),
                (g.label.clone(), Style::default()),
            ],
            width,
            2,
        ));
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
        out.extend(super::lesson_pane::wrap_item(
            "✗ ",
            &format!("The output does not show {}", a.missing_output.join(", ")),
            width,
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
        // One entry per question, its text wrapped (never cut) under its number.
        let plain = q
            .question
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('`', "");
        let head = format!("{mark} {}. ", i + 1);
        let indent = head.chars().count();
        out.extend(wrap_styled(
            &[(head, style), (plain, Style::default()), (secs, theme.dim)],
            width,
            indent,
        ));
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

/// A line of a command's output as the feedback shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// A line, and whether it holds text the question expects (drawn stronger).
    Line(String, bool),
    /// This many lines left out here.
    Skipped(usize),
}

/// The lines of `output` to show in at most about `limit` lines: everything when it fits;
/// else the first line (a table's header, `describe`'s Name), then each line that holds an
/// expected string with the heading of its section (`Events:` and its column header) and a
/// line around it; with nothing expected or found, the last lines, where `describe` puts the
/// Events. Left-out runs are counted, never silently dropped.
pub fn proof_lines(output: &str, wants: &[String], limit: usize) -> Vec<Shown> {
    let lines: Vec<&str> = output.trim_end().lines().collect();
    if lines.len() <= limit {
        return lines
            .iter()
            .map(|l| Shown::Line(l.to_string(), proves(l, wants)))
            .collect();
    }
    let mut keep = vec![false; lines.len()];
    let hits: Vec<usize> = (0..lines.len())
        .filter(|&i| proves(lines[i], wants))
        .collect();
    if hits.is_empty() {
        keep[0] = true;
        let tail = limit.saturating_sub(2).max(1);
        for k in keep.iter_mut().skip(lines.len().saturating_sub(tail)) {
            *k = true;
        }
    } else {
        for &i in &hits {
            keep[i] = true;
            // The section the line is in: the nearest heading above it ("Events:") and
            // the column header under that heading (all of the lines between when few).
            match (0..i).rev().find(|&j| is_heading(lines[j])) {
                Some(h) if i - h <= 3 => keep[h..i].iter_mut().for_each(|k| *k = true),
                Some(h) => {
                    keep[h] = true;
                    keep[h + 1] = true;
                }
                // No section: the first line is the table's header.
                None => keep[0] = true,
            }
        }
    }
    let mut out = Vec::new();
    let mut skipped = 0;
    for (i, l) in lines.iter().enumerate() {
        if keep[i] {
            if skipped > 0 {
                out.push(Shown::Skipped(skipped));
                skipped = 0;
            }
            out.push(Shown::Line(l.to_string(), proves(l, wants)));
        } else {
            skipped += 1;
        }
    }
    if skipped > 0 {
        out.push(Shown::Skipped(skipped));
    }
    out
}

fn proves(line: &str, wants: &[String]) -> bool {
    wants
        .iter()
        .any(|w| !w.is_empty() && line.contains(w.as_str()))
}

/// A `describe` section heading: unindented, ending with a colon (`Events:`, `Volumes:`).
fn is_heading(line: &str) -> bool {
    !line.starts_with(' ') && line.trim_end().ends_with(':')
}

/// Plain text word-wrapped to `width` in one style.
fn wrap(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap_styled(&[(text.to_string(), style)], width, 0)
}

/// Styled pieces word-wrapped to `width` (never cut mid-word unless a word is longer than
/// a line); continuation lines are indented by `indent` columns.
fn wrap_styled(pieces: &[(String, Style)], width: u16, indent: usize) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = (width as usize).max(indent + 8);
    let mut lines: Vec<Vec<Span<'static>>> = vec![Vec::new()];
    let mut used = 0usize;
    // Whether the line holds nothing but its indentation yet.
    let mut fresh = true;
    for (text, style) in pieces {
        // Words keep the spaces before them, so pieces join as written.
        let mut rest = text.as_str();
        while !rest.is_empty() {
            let lead = rest.len() - rest.trim_start_matches(' ').len();
            let after = &rest[lead..];
            let end = after.find(' ').unwrap_or(after.len());
            let (spaces, word) = (&rest[..lead], &after[..end]);
            rest = &after[end..];
            let w = word.width();
            if !fresh && !word.is_empty() && used + spaces.width() + w > width {
                lines.push(vec![Span::raw(" ".repeat(indent))]);
                used = indent;
                lines
                    .last_mut()
                    .expect("a line")
                    .push(Span::styled(word.to_string(), *style));
                used += w;
                continue;
            }
            lines
                .last_mut()
                .expect("a line")
                .push(Span::styled(format!("{spaces}{word}"), *style));
            used += spaces.width() + w;
            if !word.is_empty() {
                fresh = false;
            }
        }
    }
    lines.into_iter().map(Line::from).collect()
}

/// A line of command output, indented two columns and, when too wide, broken at the last
/// space that fits with its own spacing kept (so a table's rows break at the same column and
/// stay aligned); continuations are indented two more.
fn wrap_output(text: &str, width: u16, style: Style, first: &str) -> Vec<Line<'static>> {
    use unicode_width::UnicodeWidthStr;
    let width = (width as usize).max(12);
    let mut out = Vec::new();
    let mut rest = text.trim_end();
    let mut lead = first;
    loop {
        let room = width - lead.len();
        if rest.width() <= room {
            out.push(Line::styled(format!("{lead}{rest}"), style));
            return out;
        }
        // The last space within the room (char boundaries by width), else a hard break.
        let mut cut = 0;
        let mut last_space = None;
        for (i, ch) in rest.char_indices() {
            let w = rest[..i].width() + unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
            if w > room {
                break;
            }
            cut = i + ch.len_utf8();
            if ch == ' ' && i > 0 {
                last_space = Some(i);
            }
        }
        let at = last_space
            .filter(|&i| !rest[..i].trim().is_empty())
            .unwrap_or(cut.max(1));
        out.push(Line::styled(
            format!("{lead}{}", rest[..at].trim_end()),
            style,
        ));
        rest = rest[at..].trim_start();
        lead = "    ";
        if rest.is_empty() {
            return out;
        }
    }
}

/// The widest column at most `room` where every line wider than `room` has a gap (a space
/// before it and text after), so all of them can break there; `None` when there is no such
/// column or a line is not plain ASCII (columns would not be characters).
fn common_break(lines: &[&str], room: usize) -> Option<usize> {
    let long: Vec<&[u8]> = lines
        .iter()
        .map(|l| l.trim_end())
        .filter(|l| l.len() > room)
        .map(str::as_bytes)
        .collect();
    if long.is_empty() || long.iter().any(|l| !l.is_ascii()) {
        return None;
    }
    (room / 3..=room)
        .rev()
        .find(|&c| long.iter().all(|l| l[c - 1] == b' ' && l[c] != b' '))
}
