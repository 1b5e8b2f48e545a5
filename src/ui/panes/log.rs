//! The event log: commands, kubectl output, story writes, Kubernetes events and data losses,
//! newest at the bottom.

use crate::ui::app::{LogKind, LogLine};
use crate::ui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Draws the lines of the log that fit, ending `scroll` wrapped lines before the end.
pub fn render(
    f: &mut Frame,
    area: Rect,
    block: Block,
    log: &[LogLine],
    scroll: usize,
    theme: &Theme,
) {
    let inner = block.inner(area);
    // One column is kept between the text and the border, so text is never seen cut by it.
    let (height, width) = (
        inner.height as usize,
        inner.width.saturating_sub(1).max(1) as usize,
    );
    let mut wrapped: Vec<(LogKind, String)> = Vec::new();
    // Only the tail can be visible: wrap from the end until the pane is full.
    for l in log.iter().rev() {
        let text = crate::ui::theme::ascii_fold(&l.text, theme.ascii);
        // Prose wraps at words; a table row is never wrapped mid-word: it is cut with a
        // mark (the drawer shows the learner's own commands in full, scrolling sideways).
        let pieces: Vec<String> = if crate::ui::drawer::is_prose(l.kind, &text) {
            super::drawer_pane::wrap_words(&text, width)
        } else {
            let (cut, more) = super::drawer_pane::window(&text, 0, width);
            vec![if more {
                format!("{cut}{}", if theme.ascii { ">" } else { "›" })
            } else {
                cut
            }]
        };
        for p in pieces.into_iter().rev() {
            wrapped.push((l.kind, p));
        }
        if wrapped.len() >= height + scroll {
            break;
        }
    }
    let scroll = scroll.min(wrapped.len().saturating_sub(height));
    wrapped.drain(..scroll);
    wrapped.truncate(height);
    wrapped.reverse();
    let lines: Vec<Line> = wrapped
        .into_iter()
        .map(|(kind, text)| {
            let style = theme.log_style(kind);
            Line::styled(text, style)
        })
        .collect();
    f.render_widget(Paragraph::new(lines).block(block), area);
}
