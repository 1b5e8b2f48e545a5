//! The output drawer (see [`crate::ui::drawer`]): the learner's last action's output, over
//! the bottom of the screen, as wide as the terminal. Prose wraps at words; table rows are
//! never wrapped: a row wider than the drawer is cut with `›` and `←`/`→` scroll it.

use crate::ui::app::{App, LogKind, LogLine};
use crate::ui::drawer::{Drawer, is_prose};
use crate::ui::strings;
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use unicode_width::UnicodeWidthChar;

/// The rows the drawer shows for `log[d.from..d.to]` at `width` columns, before scrolling.
pub fn rows(log: &[LogLine], d: &Drawer, width: usize) -> Vec<(LogKind, String, bool)> {
    let mut out = Vec::new();
    for l in log.get(d.from..d.to.min(log.len())).unwrap_or_default() {
        if is_prose(l.kind, &l.text) {
            for piece in wrap_words(&l.text, width) {
                out.push((l.kind, piece, false));
            }
        } else {
            let (cut, more) = window(&l.text, d.hscroll, width);
            out.push((l.kind, cut, more));
        }
    }
    out
}

/// Draws the drawer at the bottom of `area` (the panes above the input line), at most
/// two thirds of its height; the rest of `area` stays visible.
pub fn render(f: &mut Frame, area: Rect, app: &App, d: &Drawer, theme: &Theme) {
    // One column between the text and the right border: text that reaches the border
    // would look cut (issue 10).
    let width = area.width.saturating_sub(3) as usize;
    let all = rows(&app.log, d, width.max(1));
    let max_rows = (area.height as usize * 2 / 3).max(3);
    let height = (all.len() + 2).min(max_rows + 2).min(area.height as usize) as u16;
    let r = Rect::new(
        area.x,
        area.bottom().saturating_sub(height),
        area.width,
        height,
    );
    let visible = height.saturating_sub(2) as usize;
    let scroll = d.scroll.min(all.len().saturating_sub(visible));
    let below = all.len().saturating_sub(scroll + visible);
    let cut = all.iter().any(|(_, _, more)| *more) || d.hscroll > 0;
    let lines: Vec<Line> = all
        .into_iter()
        .skip(scroll)
        .take(visible)
        .map(|(kind, text, more)| {
            let style = theme.log_style(kind);
            let text = crate::ui::theme::ascii_fold(&text, theme.ascii).into_owned();
            let mut spans = vec![Span::styled(text, style)];
            if more {
                spans.push(Span::styled(if theme.ascii { ">" } else { "›" }, theme.key));
            }
            Line::from(spans)
        })
        .collect();
    let title = if app.mode == crate::ui::app::Mode::Editor {
        strings::DRAWER_EDITOR_TITLE.to_string()
    } else {
        strings::drawer_title(scroll > 0 || below > 0, cut)
    };
    let title = super::fit_title(&crate::ui::theme::ascii_fold(&title, theme.ascii), r.width);
    let mut block = Block::bordered()
        .border_set(theme.border)
        .title(Span::styled(title, theme.key));
    if below > 0 {
        let more = strings::drawer_more(below);
        let more = crate::ui::theme::ascii_fold(&more, theme.ascii).into_owned();
        block = block.title_bottom(Span::styled(more, theme.dim));
    }
    f.render_widget(Clear, r);
    f.render_widget(Paragraph::new(lines).block(block), r);
}

/// Columns `from..from+width` of `text` (by display width), and whether text is cut on the
/// right (a `›` is drawn in the last column then, so one column less is shown).
pub fn window(text: &str, from: usize, width: usize) -> (String, bool) {
    let mut col = 0;
    let mut out = String::new();
    let mut used = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let w = c.width().unwrap_or(0);
        if col < from {
            col += w;
            continue;
        }
        let last = chars.peek().is_none();
        let room = if last { width } else { width.saturating_sub(1) };
        if used + w > room {
            return (out, true);
        }
        out.push(c);
        used += w;
        col += w;
    }
    (out, false)
}

/// Greedy word wrap by display width; a word longer than the width is broken.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_w = 0;
    let indent: String = text.chars().take_while(|c| *c == ' ').collect();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let ww: usize = word.chars().map(|c| c.width().unwrap_or(0)).sum();
        let lead = if line.is_empty() {
            if lines.is_empty() { indent.len() } else { 0 }
        } else {
            1
        };
        if line_w + lead + ww > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            line_w = 0;
        }
        if line.is_empty() && lines.is_empty() {
            line.push_str(&indent);
            line_w = indent.len();
        } else if !line.is_empty() {
            line.push(' ');
            line_w += 1;
        }
        for c in word.chars() {
            let w = c.width().unwrap_or(0);
            if line_w + w > width && line_w > 0 {
                lines.push(std::mem::take(&mut line));
                line_w = 0;
            }
            line.push(c);
            line_w += w;
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_wraps_at_words_and_keeps_every_word() {
        let text = "error: unknown field \"storageClass\" (did you mean \"storageClassName\"?)";
        let lines = wrap_words(text, 30);
        assert!(lines.iter().all(|l| l.chars().count() <= 30), "{lines:?}");
        assert_eq!(lines.join(" "), text);
        assert!(lines.last().is_some_and(|l| l.contains("storageClassName")));
    }

    #[test]
    fn describe_lines_aligned_with_two_spaces_are_not_rewrapped() {
        use crate::ui::app::LogKind;
        assert!(!is_prose(LogKind::Output, "Service Account:  default"));
        assert!(!is_prose(LogKind::Output, "NAME   READY"));
        assert!(is_prose(
            LogKind::Output,
            "stored \"hello\" via pod/story-x"
        ));
        assert!(is_prose(LogKind::Error, "error:  two spaces in an error"));
    }

    #[test]
    fn table_rows_are_cut_with_a_mark_and_scroll_sideways() {
        let row = "NAME   CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS";
        assert_eq!(
            window(row, 0, 20),
            ("NAME   CAPACITY   A".to_string(), true)
        );
        assert_eq!(window(row, 7, 8), ("CAPACIT".to_string(), true));
        let (tail, more) = window(row, 40, 40);
        assert_eq!((tail.as_str(), more), (" POLICY   STATUS", false));
    }
}
